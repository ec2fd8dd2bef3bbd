"""PostgreSQL full-text search that stems each text by the rules of its own language.

modelsearch's PostgreSQL backend has one `SEARCH_CONFIG` for the whole index, so English
pages would be stemmed by German rules ("partners" would not find "partner"). This backend
keeps modelsearch's index table and queries and changes two things:

- indexing: an object is turned into a tsvector with the configuration of its language
  (`locale` for pages and snippets, `language` for documents);
- querying: the words are stemmed once per configured language and the tsqueries are
  OR-ed, so a query matches text of either language stemmed the same way. The results are
  still filtered by language where the portal wants that (pages); documents and partners
  in German are meant to be found from the English site too.

Configured in settings with `LANGUAGE_CONFIGS = {"de": "german", "en": "english"}`;
`SEARCH_CONFIG` stays the configuration for objects without a language.
Upstream limitation (modelsearch). Wagtail's former PostgreSQL backend had a language map
(https://github.com/wagtail-deprecated/wagtail-pg-search-backend/issues/2); modelsearch has
none, and no issue asks for it yet as of 2026-12; to file against wagtail/django-modelsearch:
"PostgreSQL backend: a search configuration per object's language". Delete this module when
modelsearch supports a configuration per object; the canary
`test_upstream_postgres_backend_has_one_search_config` fails then.
"""

import copy
from collections import defaultdict
from functools import reduce
from operator import or_

from django.utils.translation import get_language

from wagtail.models import Locale

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


class LanguageIndex(PostgresIndex):
    """Writes every object's tsvectors with the configuration of the object's language.

    `get_index_for_model` builds a new index for every call, so pointing this instance at a
    copy of the backend with another `config` for one group of objects affects nobody else.
    """

    def add_items(self, model, objs):
        backend = self.backend
        try:
            for config, group in self._group_by_config(objs).items():
                self.backend = copy.copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend

    def _group_by_config(self, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None)) or getattr(
                obj, "language", None
            )
            groups[self.backend.config_for_language(language)].append(obj)
        return groups


class LanguageSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Stems the query by each language's rules; `config` is the tuple of configurations."""

    def get_config(self, backend):
        return backend.query_configs()

    def build_tsquery(self, query, config=None):
        configs = config if isinstance(config, tuple) else (config,)
        queries = []
        for each in configs:
            tsquery = super().build_tsquery(query, config=each)
            if tsquery is not None:
                queries.append(tsquery)
        return reduce(or_, queries) if queries else None


class LanguageSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageSearchQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))

    def config_for_language(self, language):
        return self.language_configs.get((language or "").split("-")[0], self.config)

    def query_configs(self):
        """The active language's configuration first, then the others', each once."""
        first = self.config_for_language(get_language())
        others = [config for config in self.language_configs.values() if config != first]
        return tuple(dict.fromkeys([first, *others]))
