#!/usr/bin/env bash
# The runtime dependencies are declared exactly: `pip install .` (no extras, no editable
# install, no project folder on the path) into a clean venv, then every module of the
# portal imports and `manage.py check` passes. Seed-only (fpdf2) and test-only tools stay in
# the extras, so the seed content and the tests are left out here.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="$(mktemp -d)/venv"
python3 -m venv "$VENV"
LOG="$(mktemp)"
if ! { "$VENV/bin/python" -m pip install --upgrade pip && "$VENV/bin/python" -m pip install .; } \
    >"$LOG" 2>&1; then
    cat "$LOG"
    exit 1
fi
WORK="$(mktemp -d)"
cd "$WORK"
export DJANGO_SETTINGS_MODULE=portal.settings.dev PORTAL_DATA_DIR="$WORK"
"$VENV/bin/python" - <<'PY'
import importlib
import pkgutil

import django

django.setup()
# Section seeds need the `seed` extra; the other settings modules need their environment.
SKIP = ("portal.settings.", "home.seed", "partners.seed", "press.seed", "downloads.seed")
for package in ["portal", "home", "partners", "press", "downloads", "search"]:
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, f"{package}."):
        if not module.name.startswith(SKIP) and ".migrations." not in module.name:
            importlib.import_module(module.name)
print("every module imports with the declared dependencies")
PY
"$VENV/bin/django-admin" check
