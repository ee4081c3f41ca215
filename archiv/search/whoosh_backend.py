"""The Whoosh backend (whoosh-reloaded): pure Python, no compiled parts; slower than tantivy."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from whoosh import analysis, fields, index, sorting
from whoosh import query as wq
from whoosh.index import LockError

from ..errors import IndexStateError
from .backend import BackendHit, BackendResult, Filters, ranked_facet
from .document import IndexDocument
from .meta import needs_create, write_meta
from .plan import AllQ, BoolQ, NoneQ, PhraseQ, PrefixQ, Q, RangeQ, TermQ, filter_plan, plan
from .query import Node

SCHEMA_VERSION = 6  # 3: koerperschaft, einreicher; 4: compounds, law keys; 5: one document per Vorlage; 6: ergebnis
NO_GREMIUM = "\x00"  # the Gremium value of a Vorlage without one (never shown, never typed)
NO_VALUE = "-"


def build_schema() -> fields.Schema:
    terms = analysis.SpaceSeparatedTokenizer()  # the terms come analysed (analysis.index_terms)
    exact = analysis.RegexTokenizer(r"\w+") | analysis.LowercaseFilter()  # = analysis.exact_terms
    values = analysis.RegexTokenizer(r"[^\n]+")  # one token per line: multi-valued exact facet values
    analysed = {name: fields.TEXT(analyzer=terms, phrase=False) for name in _ANALYSED}
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        nr_keys=fields.KEYWORD(),
        az_keys=fields.KEYWORD(),
        ref_keys=fields.KEYWORD(),
        betreff_exact=fields.TEXT(analyzer=exact),
        text_exact=fields.TEXT(analyzer=exact),
        gremium=fields.TEXT(analyzer=values, phrase=False, vector=True),
        ergebnis=fields.TEXT(analyzer=values, phrase=False, vector=True),
        art=fields.ID(sortable=True),
        fachbereich=fields.ID(sortable=True),
        koerperschaft=fields.ID(sortable=True),
        einreicher=fields.ID(sortable=True),
        datum=fields.ID(sortable=True),
        jahr=fields.ID(sortable=True),
        oeffentlich=fields.ID(),
        **analysed,
    )


_ANALYSED = (
    "betreff", "betreff_parts", "text", "text_parts", "gremium_terms", "art_terms", "fachbereich_terms",
    "koerperschaft_terms", "einreicher_terms", "ergebnis_terms",
)  # fmt: skip


class WhooshBackend:
    name = "whoosh"
    keeps_records = False

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        if needs_create(path, SCHEMA_VERSION, create=create):
            self._create()
        try:
            self.ix = index.open_dir(str(path))
        except Exception as e:  # whoosh raises several kinds for a damaged folder
            raise IndexStateError(f"cannot open the search index in {path} ({e}): run 'archiv reindex'") from e

    def _create(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        index.create_in(str(self.path), build_schema())
        write_meta(self.path, self.name, SCHEMA_VERSION)

    # -- writing -----------------------------------------------------------------------------

    def add(self, docs: Iterable[IndexDocument]) -> int:
        try:
            writer = self.ix.writer(limitmb=256)
        except LockError as e:
            raise IndexStateError(f"the search index in {self.path} is locked by another archiv process") from e
        n = 0
        try:
            for d in docs:
                writer.update_document(**_fields_of(d))
                n += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return n

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids:
            return
        try:
            writer = self.ix.writer(limitmb=256)
        except LockError as e:
            raise IndexStateError(f"the search index in {self.path} is locked by another archiv process") from e
        for i in ids:
            writer.delete_by_term("id", i)
        writer.commit()

    def clear(self) -> None:
        self.ix.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self._create()
        self.ix = index.open_dir(str(self.path))

    def count(self) -> int:
        return self.ix.doc_count()

    def close(self) -> None:
        self.ix.close()

    # -- reading -----------------------------------------------------------------------------

    def search(
        self, tree: Node, filters: Filters, *, limit: int, offset: int = 0, sort: str = "relevance"
    ) -> BackendResult:
        flt = [_translate(q, None) for q in filter_plan(**vars(filters))]
        facets = {
            "gremium": sorting.FieldFacet("gremium", allow_overlap=True, maptype=sorting.Count),
            "jahr": sorting.FieldFacet("jahr", maptype=sorting.Count),
            "art": sorting.FieldFacet("art", maptype=sorting.Count),
            "fachbereich": sorting.FieldFacet("fachbereich", maptype=sorting.Count),
            "koerperschaft": sorting.FieldFacet("koerperschaft", maptype=sorting.Count),
            "einreicher": sorting.FieldFacet("einreicher", maptype=sorting.Count),
            "ergebnis": sorting.FieldFacet("ergebnis", allow_overlap=True, maptype=sorting.Count),
        }
        sortedby = None
        if sort == "datum":
            sortedby = sorting.FieldFacet("datum", reverse=True)
        elif sort == "datum_asc":
            sortedby = sorting.FieldFacet("datum")
        with self.ix.searcher() as s:
            q = _translate(plan(tree), s.reader())
            res = s.search(
                q,
                limit=max(1, offset + limit),
                filter=wq.And(flt) if flt else None,
                groupedby=facets,
                sortedby=sortedby,
            )
            scored = sortedby is None  # sorted hits carry their sort key instead of a score
            hits = tuple(
                BackendHit(h["id"], float(h.score or 0.0) if scored else 0.0) for h in res[offset : offset + limit]
            )
            counts = {}
            for name in facets:
                groups = res.groups(name)
                counts[name] = ranked_facet(
                    (str(k), int(v)) for k, v in groups.items() if k not in (None, "", b"", NO_GREMIUM, NO_VALUE)
                )
            return BackendResult(total=len(res), hits=hits, facets=counts)

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        with self.ix.searcher() as s:
            return {t: s.doc_frequency("text", t) for t in terms}

    def vocabulary(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        with self.ix.searcher() as s:
            reader = s.reader()
            out = []
            for term in reader.expand_prefix("text_exact", prefix):
                word = term.decode() if isinstance(term, bytes) else term
                out.append((word, reader.doc_frequency("text_exact", word)))
                if len(out) >= limit:
                    break
            return out


def _fields_of(d: IndexDocument) -> dict[str, str]:
    return {
        "id": d.id,
        "nr_keys": " ".join(d.nr_keys),
        "az_keys": " ".join(d.az_keys),
        "ref_keys": " ".join(d.ref_keys),
        "betreff": d.betreff_terms,
        "betreff_parts": d.betreff_parts,
        "betreff_exact": d.betreff,
        "text": d.text_terms,
        "text_parts": d.text_parts,
        "text_exact": d.text,
        # A segment where no document has a Gremium has no vector file, and the facet over it fails.
        "gremium": "\n".join(d.gremien) or NO_GREMIUM,
        "gremium_terms": d.gremium_terms,
        "art": d.art,
        "art_terms": d.art_terms,
        "fachbereich": d.fachbereich,
        "fachbereich_terms": d.fachbereich_terms,
        "koerperschaft_terms": d.koerperschaft_terms,
        "koerperschaft": d.koerperschaft,
        "einreicher": d.einreicher,
        "einreicher_terms": d.einreicher_terms,
        # Whoosh counts an overlapping facet from term vectors and fails on a segment without any:
        # a record without decisions carries a placeholder, left out of the counts.
        "ergebnis": "\n".join(d.ergebnisse) or NO_VALUE,
        "ergebnis_terms": d.ergebnis_terms,
        "datum": d.datum,
        "jahr": d.jahr,
        "oeffentlich": "1" if d.oeffentlich else "0",
    }


def _translate(q: Q, reader) -> wq.Query:
    """A plan as a Whoosh query (``reader`` expands prefixes; None where there are none)."""
    if isinstance(q, TermQ):
        return wq.Term(q.field, q.term, boost=q.boost)
    if isinstance(q, PhraseQ):
        return wq.Phrase(q.field, list(q.terms), boost=q.boost)
    if isinstance(q, PrefixQ):  # Whoosh expands to every matching term itself
        return wq.Prefix(q.field, q.prefix, boost=q.boost)
    if isinstance(q, RangeQ):
        return wq.TermRange(q.field, q.low or "0000", q.high or "9999")
    if isinstance(q, AllQ):
        return wq.Every()
    if isinstance(q, NoneQ):
        return wq.NullQuery
    if isinstance(q, BoolQ):
        must = [_translate(c, reader) for c in q.must]
        should = [_translate(c, reader) for c in q.should]
        must_not = [_translate(c, reader) for c in q.must_not]
        if must:
            base: wq.Query = wq.And(must) if len(must) > 1 else must[0]
            if should:
                base = wq.AndMaybe(base, wq.Or(should))
        else:
            base = wq.Or(should) if len(should) != 1 else should[0]
        if must_not:
            base = wq.AndNot(base, wq.Or(must_not) if len(must_not) > 1 else must_not[0])
        return base
    raise TypeError(f"unknown plan {q!r}")
