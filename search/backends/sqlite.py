"""SQLite FTS5 search whose relevance ranking stays fast with thousands of matches.

modelsearch ranks SQLite results with a correlated subquery that runs the full-text match
again for every matching row (upstream: wagtail/django-modelsearch#85, "takes several
minutes" on big data): a search matching 2,700 of 5,000 pages took 4 s here. This backend
ranks from the full-text side instead: the index entries that match, restricted to the
objects the queryset allows, ordered by score, one slice; then the objects of that slice.
Counts come from the same side (SQLite otherwise re-ran the match per document: 200 ms for
500 long documents). It also weights the title above the text in the BM25 score, as the
PostgreSQL backend does (modelsearch scores all columns alike there). Filtering, negated
queries and everything else stay modelsearch's. Delete this module when modelsearch does both.

The ranking came with https://github.com/wagtail/django-modelsearch/pull/85, whose description
notes the minutes; no issue about its speed or the title weight yet as of 2026-12;
to file against wagtail/django-modelsearch: "SQLite: relevance ranking re-runs the match per
row (correlated subquery)". The canary `test_upstream_sqlite_ranking_is_a_correlated_subquery`
fails when modelsearch stops ranking with a correlated subquery.
"""

from django.db.models import CharField
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

# Weights of the FTS5 table's columns (autocomplete, body, title), as created by Wagtail.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)


class WeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class RankedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            return WeightedBM25() * boost if boost != 1.0 else WeightedBM25()
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def matching_entries(self, config):
        """The FTS entries of the objects the queryset allows that match; None where
        modelsearch's own way is needed (negated or match-all queries)."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        allowed = (
            self.queryset.order_by()
            .annotate(_object_id=Cast("pk", CharField()))
            .values("_object_id")
        )
        return SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
            index_entry__object_id__in=allowed,
        )

    def ranked_object_ids(self, config, start, stop):
        """Object ids of the slice, best first; None where modelsearch's way is needed."""
        entries = self.matching_entries(config) if self.order_by_relevance else None
        if entries is None:
            return None
        score = self._build_rank_expression(self.get_search_vectors(), config)
        ranked = entries.annotate(score=score).order_by("score", "-index_entry_id")
        return list(ranked.values_list("index_entry__object_id", flat=True)[start:stop])


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _ranked(self):
        """Only whole-word searches are ranked here; autocomplete stays modelsearch's."""
        return isinstance(self.query_compiler, RankedSQLiteSearchQueryCompiler)

    def _do_search(self):
        compiler = self.query_compiler
        ids = None
        if self._score_field is None and self._ranked():
            ids = compiler.ranked_object_ids(
                compiler.get_config(self.backend), self.start, self.stop
            )
        if ids is None:
            return super()._do_search()
        to_pk = compiler.queryset.model._meta.pk.to_python
        pks = [to_pk(object_id) for object_id in ids]
        objects = compiler.queryset.in_bulk(pks)
        return [objects[pk] for pk in pks if pk in objects]

    def _do_count(self):
        """Counted from the full-text side too: SQLite then matches once, not once per row."""
        entries = None
        if self._ranked():
            compiler = self.query_compiler
            entries = compiler.matching_entries(compiler.get_config(self.backend))
        if entries is None:
            return super()._do_count()
        count = entries.count()
        if self.start:
            count = max(count - self.start, 0)
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return count


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    results_class = RankedSQLiteSearchResults
