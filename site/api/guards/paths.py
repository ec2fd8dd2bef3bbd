"""Patterns the guards share (no workaround of its own)."""

import re

# Ids and offsets are at most the largest value of a signed 32-bit column (PostgreSQL's
# `integer`), far beyond any content of this site.
MAX_INTEGER = 2**31 - 1
INTEGER = re.compile(r"[+-]?[0-9]+")  # ASCII: int() refuses "²", which \d accepts
PAGE_PATH = re.compile(r"^/api/v3/pages/(?!find/)(?P<id>[^/]+)/(?:actions/(?P<action>[^/]+)/)?")
