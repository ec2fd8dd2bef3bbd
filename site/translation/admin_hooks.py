"""Admin hooks of the translation status report, PO batches and locale-aware choosers."""
