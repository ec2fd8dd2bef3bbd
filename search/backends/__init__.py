"""The portal's search backend: Wagtail's database search, tuned per database.

Like `wagtail.search.backends.database`, this picks the backend by the database vendor:

- PostgreSQL: `postgres.LanguageSearchBackend`, each text stemmed by its own language;
- SQLite with FTS5: `sqlite.RankedSQLiteSearchBackend`, relevance ranking that stays fast
  with thousands of matches;
- anything else: Wagtail's choice.
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 – the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import LanguageSearchBackend

        return LanguageSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import RankedSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return RankedSQLiteSearchBackend(params)
    return backend
