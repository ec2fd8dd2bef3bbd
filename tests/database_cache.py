"""The seeded test database, built once and copied by every later session and xdist worker.

Building it – Django's 241 migrations, then the seed content – costs most of a test session's
start (about a minute on two cores, four fifths of it in Django's migration state rendering).
The result depends only on the migrations, the project's code and the seed files, so it is
kept under `.cache/test-databases/`, named by a hash of those, and copied in when nothing
changed: SQLite as a file, PostgreSQL as a template database (`CREATE DATABASE … TEMPLATE`).
The seeded media files (the brochure, images) are kept beside it.

A lock makes parallel workers wait for the one that builds, instead of all building at once.
Anything changed in the code gives a new hash and one new build; old copies are removed.
"""

import fcntl
import hashlib
import os
import shutil
import sys
from contextlib import contextmanager, suppress
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "test-databases"
PROJECT_PACKAGES = ["site", "home", "partners", "press", "downloads", "search"]
SEED_FILES = [ROOT.parent / "shared" / "seed"]
PACKAGES = ["django", "wagtail", "wagtail-localize", "wagtail-modeladmin", "django-tasks"]
# One checkout's templates: the server may be shared by several checkouts (CI jobs, worktrees),
# and each drops only its own old ones.
TEMPLATE_PREFIX = f"portal_test_template_{hashlib.sha256(str(ROOT).encode()).hexdigest()[:6]}_"


def _files(folder, pattern="*"):
    return (
        sorted(path for path in folder.rglob(pattern) if path.is_file()) if folder.exists() else []
    )


def _installed_migrations():
    """The migration files of every installed app, third-party ones included."""
    from django.apps import apps

    for app in apps.get_app_configs():
        yield from _files(Path(app.path) / "migrations", "*.py")


def fingerprint():
    """A hash of everything the seeded database is made from."""
    digest = hashlib.sha256()
    files = [path for package in PROJECT_PACKAGES for path in _files(ROOT / package, "*.py")]
    files += [path for folder in SEED_FILES for path in _files(folder)]
    files += [path for package in PROJECT_PACKAGES for path in _files(ROOT / package, "*.json")]
    for path in [*files, *_installed_migrations()]:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    for package in PACKAGES:
        with suppress(metadata.PackageNotFoundError):
            digest.update(f"{package}=={metadata.version(package)}".encode())
    digest.update(sys.version.encode())
    return f"{_engine()}-{digest.hexdigest()[:16]}"


@contextmanager
def locked():
    """One process at a time builds or copies (the xdist workers of one run, or two runs)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _worker():
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def _engine():
    return settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]


def _is_sqlite():
    return _engine() == "sqlite3"


class SeededDatabase:
    """The cached copy for this code: `restore()` before Django sets up the test database
    (True when there was one), `store()` after the seed was loaded into a new one."""

    def __init__(self):
        self.key = fingerprint()
        self.media = CACHE / f"{self.key}.media"
        self.database_name = None

    # --- SQLite: a file ---------------------------------------------------------------------

    @property
    def sqlite_file(self):
        return CACHE / f"{self.key}.sqlite3"

    def use_worker_file(self):
        """The test database is a file of this worker's (an in-memory one cannot be copied)."""
        path = CACHE / f"worker-{_worker()}.sqlite3"
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(path)
        return path

    # --- PostgreSQL: a template database ----------------------------------------------------

    @property
    def template(self):
        return f"{TEMPLATE_PREFIX}{self.key.split('-')[1]}"

    @staticmethod
    def test_database_name():
        connection = connections["default"]
        return connection.creation._get_test_db_name()

    @staticmethod
    def _run(sql, *params):
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else None

    def _template_exists(self):
        rows = self._run("SELECT 1 FROM pg_database WHERE datname = %s", self.template)
        return bool(rows)

    # --- both -------------------------------------------------------------------------------

    def restore(self):
        """Put the cached seeded database where Django will look for the test database."""
        if _is_sqlite():
            worker_file = self.use_worker_file()
            worker_file.unlink(missing_ok=True)
            if not self.sqlite_file.exists():
                return False
            shutil.copyfile(self.sqlite_file, worker_file)
        else:
            name = self.database_name = self.test_database_name()
            self._run(f'DROP DATABASE IF EXISTS "{name}"')
            if not self._template_exists():
                return False
            self._run(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self._copy_media(self.media, Path(settings.MEDIA_ROOT))
        return True

    def store(self):
        """Keep the freshly seeded test database (and its media) for later sessions."""
        for alias in connections:
            connections[alias].close()
        if _is_sqlite():
            worker_file = Path(settings.DATABASES["default"]["TEST"]["NAME"])
            partial = self.sqlite_file.with_suffix(".partial")
            shutil.copyfile(worker_file, partial)
            partial.replace(self.sqlite_file)
        else:
            self._drop_old_templates()
            self._run(f'CREATE DATABASE "{self.template}" TEMPLATE "{self.database_name}"')
        shutil.rmtree(self.media, ignore_errors=True)
        self._copy_media(Path(settings.MEDIA_ROOT), self.media)
        self._remove_other_keys()

    def discard(self):
        """Remove this worker's copy at the end of the session."""
        for alias in connections:
            connections[alias].close()
        if _is_sqlite():
            Path(settings.DATABASES["default"]["TEST"]["NAME"]).unlink(missing_ok=True)
        else:
            self._run(f'DROP DATABASE IF EXISTS "{self.database_name}"')

    def _drop_old_templates(self):
        rows = self._run(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", TEMPLATE_PREFIX + "%"
        )
        for (name,) in rows:
            if name != self.template:
                self._run(f'DROP DATABASE IF EXISTS "{name}"')

    def _remove_other_keys(self):
        """Older copies for the same database engine."""
        for path in CACHE.glob(f"{_engine()}-*"):
            if path.name.split(".")[0] == self.key:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)

    @staticmethod
    def _copy_media(source, target):
        if source.exists():
            shutil.copytree(source, target, dirs_exist_ok=True)
