"""Translation of the German source into English with wagtail-localize, and what it lacks:
translations reviewed through the approval workflow, a status report, PO batches."""
