"""The tantivy backend: a compiled engine (Rust) behind the same plan as Whoosh.

The prose arrives analysed by archiv's own chain (analysis.index_terms: folding, stems, parts of
compounds) as space-separated terms, indexed with tantivy's whitespace tokenizer, so tantivy and
Whoosh hold the very same terms. tantivy's own German stemmer and ascii_fold would not do: they fold
"ü" but not "ue", and its split_compound filter replaces a compound by its parts on the query side
too ("Ratsbeschluss" would find every "Beschluss"). The words as written (exact phrases) arrive split
and lower-cased as well (analysis.exact_terms): tantivy's regex tokenizer cost three times the CPU of
all the other fields together.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import IndexStateError, MissingDependencyError
from .backend import FACET_SIZE, FACETS, BackendHit, BackendResult, Filters, ranked_facet
from .document import IndexDocument
from .meta import needs_create, write_meta
from .plan import AllQ, BoolQ, NoneQ, PhraseQ, PrefixQ, Q, RangeQ, TermQ, filter_plan, plan
from .query import Node

try:
    import tantivy
except ImportError as e:  # pragma: no cover - a dependency of archiv
    raise MissingDependencyError("the tantivy search engine", "pip install 'tantivy>=0.22'") from e

SCHEMA_VERSION = 4  # 2: koerperschaft, einreicher facets; 3: one document per Vorlage; 4: ergebnis
WRITER_HEAP = 128_000_000  # bytes for the whole writer; tantivy flushes a segment when it is full
_REGEX_META = set("\\.+*?()|[]{}^$#&-~")
_ANALYSED = (
    "betreff", "betreff_parts", "text", "text_parts", "gremium_terms", "art_terms", "fachbereich_terms",
    "koerperschaft_terms", "einreicher_terms", "ergebnis_terms",
)  # fmt: skip
_KEYWORDS = ("nr_keys", "az_keys", "ref_keys")
# exact values, with fast columns for the facets
_VALUES = ("gremium", "art", "fachbereich", "jahr", "koerperschaft", "einreicher", "ergebnis")


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    for name in _KEYWORDS:
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="basic")
    for name in _ANALYSED:
        sb.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name in ("betreff_exact", "text_exact"):
        sb.add_text_field(name, tokenizer_name="archiv_exact", index_option="position")
    for name in _VALUES:
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_text_field("oeffentlich", tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("datum", indexed=True, fast=True)  # YYYYMMDD, 0 = no date
    return sb.build()


def _register(ix: tantivy.Index) -> None:
    # The words come split and lower-cased (IndexDocument.*_words); an index built when this analyzer
    # was tantivy's \w+ regex and lower case holds the same tokens (but for rare characters, such as
    # combining marks, where Rust's \w differs from Python's: the query side's).
    exact = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    ix.register_tokenizer("archiv_exact", exact)


def _date_number(iso: str | None, default: int) -> int:
    return int(iso.replace("-", "")) if iso else default


class TantivyBackend:
    name = "tantivy"
    keeps_records = False
    # A rebuild in one commit: a commit holds the caller until every segment is written, and the
    # writer bounds its memory by flushing segments by itself (WRITER_HEAP).
    rebuild_batch: int | None = None

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        self.schema = build_schema()
        if needs_create(path, SCHEMA_VERSION, create=create):
            self._create()
        self._open()

    def _create(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        tantivy.Index(self.schema, path=str(self.path), reuse=False)
        write_meta(self.path, self.name, SCHEMA_VERSION)

    def _open(self) -> None:
        try:
            self.ix = tantivy.Index.open(str(self.path))
        except Exception as e:  # tantivy reports a damaged folder as ValueError or OSError
            raise IndexStateError(f"cannot open the search index in {self.path} ({e}): run 'archiv reindex'") from e
        _register(self.ix)

    # -- writing -----------------------------------------------------------------------------

    def add(self, docs: Iterable[IndexDocument]) -> int:
        try:
            writer = self.ix.writer(heap_size=WRITER_HEAP, num_threads=1)
        except ValueError as e:
            raise IndexStateError(f"the search index in {self.path} is locked by another archiv process") from e
        n = 0
        # An empty index (a rebuild's) has nothing to replace: only an id this call repeats is deleted.
        # The ids' hashes are remembered (half the memory of keeping the ids): a collision costs
        # only a delete that finds nothing.
        self.ix.reload()  # what is committed now that this process holds the writer
        empty = self.ix.searcher().num_docs == 0
        seen: set[int] = set()
        try:
            for d in docs:
                if not empty or hash(d.id) in seen:
                    writer.delete_documents_by_term("id", d.id)
                else:
                    seen.add(hash(d.id))
                writer.add_document(_document(d))
                n += 1
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
        writer.wait_merging_threads()
        self.ix.reload()
        return n

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids:
            return
        try:
            writer = self.ix.writer(heap_size=WRITER_HEAP, num_threads=1)
        except ValueError as e:
            raise IndexStateError(f"the search index in {self.path} is locked by another archiv process") from e
        for i in ids:
            writer.delete_documents_by_term("id", i)
        writer.commit()
        writer.wait_merging_threads()
        self.ix.reload()

    def clear(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self._create()
        self._open()

    def count(self) -> int:
        return self.ix.searcher().num_docs

    def close(self) -> None:
        self.ix = None  # type: ignore[assignment]  # tantivy frees the index with its last reference

    # -- reading -----------------------------------------------------------------------------

    def search(
        self, tree: Node, filters: Filters, *, limit: int, offset: int = 0, sort: str = "relevance"
    ) -> BackendResult:
        s = self.ix.searcher()
        query = self._translate(plan(tree), s)
        flt = [self._translate(f, s) for f in filter_plan(**vars(filters))]
        if flt:
            # Filters narrow the hits without changing their scores.
            clauses = [(tantivy.Occur.Must, query)]
            clauses += [(tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in flt]
            query = tantivy.Query.boolean_query(clauses)
        order = {"datum": tantivy.Order.Desc, "datum_asc": tantivy.Order.Asc}.get(sort)
        if order is None:
            res = s.search(query, limit, count=True, offset=offset)
        else:
            res = s.search(query, limit, count=True, offset=offset, order_by_field="datum", order=order)
        hits = tuple(
            BackendHit(s.doc(addr)["id"][0], float(score) if order is None else 0.0) for score, addr in res.hits
        )
        aggs = s.aggregate(query, {f: {"terms": {"field": f, "size": FACET_SIZE}} for f in FACETS})
        facets = {}
        for f in FACETS:
            buckets = aggs.get(f, {}).get("buckets", [])
            facets[f] = ranked_facet((str(b["key"]), int(b["doc_count"])) for b in buckets if b["key"] != "")
        return BackendResult(total=res.count, hits=hits, facets=facets)

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        s = self.ix.searcher()
        return {t: s.doc_freq("text", t) for t in terms}

    def vocabulary(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        return [(t, int(n)) for t, n in self.ix.searcher().terms_with_prefix("text_exact", prefix, limit=limit)]

    def _translate(self, q: Q, s: tantivy.Searcher) -> tantivy.Query:
        schema = self.schema
        if isinstance(q, TermQ):
            return _boosted(tantivy.Query.term_query(schema, q.field, q.term), q.boost)
        if isinstance(q, PhraseQ):
            return _boosted(tantivy.Query.phrase_query(schema, q.field, list(q.terms)), q.boost)
        if isinstance(q, PrefixQ):
            # An automaton over the term dictionary: every term with the prefix, however many.
            pattern = "".join("\\" + c if c in _REGEX_META else c for c in q.prefix) + ".*"
            return tantivy.Query.const_score_query(tantivy.Query.regex_query(schema, q.field, pattern), q.boost)
        if isinstance(q, RangeQ):
            low, high = _date_number(q.low, 1), _date_number(q.high, 99991231)
            return tantivy.Query.range_query(schema, q.field, tantivy.FieldType.Integer, low, high)
        if isinstance(q, AllQ):
            return tantivy.Query.all_query()
        if isinstance(q, NoneQ):
            return tantivy.Query.empty_query()
        if isinstance(q, BoolQ):
            if not q.must and len(q.should) == 1 and not q.must_not:
                return self._translate(q.should[0], s)
            clauses = [(tantivy.Occur.Must, self._translate(c, s)) for c in q.must]
            clauses += [(tantivy.Occur.Should, self._translate(c, s)) for c in q.should]
            clauses += [(tantivy.Occur.MustNot, self._translate(c, s)) for c in q.must_not]
            return tantivy.Query.boolean_query(clauses)
        raise TypeError(f"unknown plan {q!r}")


def _boosted(query: tantivy.Query, boost: float) -> tantivy.Query:
    return query if boost == 1.0 else tantivy.Query.boost_query(query, boost)


def _document(d: IndexDocument) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", d.id)
    for name, keys in (("nr_keys", d.nr_keys), ("az_keys", d.az_keys), ("ref_keys", d.ref_keys)):
        if keys:
            doc.add_text(name, " ".join(keys))
    for name, value in (
        ("betreff", d.betreff_terms),
        ("betreff_parts", d.betreff_parts),
        ("text", d.text_terms),
        ("text_parts", d.text_parts),
        ("gremium_terms", d.gremium_terms),
        ("art_terms", d.art_terms),
        ("fachbereich_terms", d.fachbereich_terms),
        ("koerperschaft_terms", d.koerperschaft_terms),
        ("einreicher_terms", d.einreicher_terms),
        ("einreicher", d.einreicher),
        ("ergebnis_terms", d.ergebnis_terms),
        ("betreff_exact", d.betreff_words),
        ("text_exact", d.text_words),
        ("art", d.art),
        ("fachbereich", d.fachbereich),
        ("jahr", d.jahr),
        ("koerperschaft", d.koerperschaft),
    ):
        if value:
            doc.add_text(name, value)
    for g in d.gremien:
        doc.add_text("gremium", g)
    for e in d.ergebnisse:
        doc.add_text("ergebnis", e)
    doc.add_text("oeffentlich", "1" if d.oeffentlich else "0")
    doc.add_integer("datum", _date_number(d.datum, 0))
    return doc
