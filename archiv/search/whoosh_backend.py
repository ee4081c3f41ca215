"""The Whoosh backend (whoosh-reloaded): pure Python, the embedded default for now."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path

from whoosh import analysis, fields, index, sorting
from whoosh import query as wq
from whoosh.index import LockError

from ..errors import IndexStateError
from ..extract.normalize import identifier_keys
from . import BackendHit, BackendResult, Filters
from .analysis import ANALYSIS_VERSION, analyse_word, fold
from .analysis import terms as analyse
from .document import IndexDocument
from .query import And, MatchAll, Node, Not, Or, Phrase, Prefix, Range, Term

SCHEMA_VERSION = 1
META_FILE = "archiv-index.json"


class GermanFilter(analysis.Filter):
    """Folding and stemming of analysis.analyse_word, as a Whoosh filter."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = analyse_word(t.text)
            yield t


def german_analyzer() -> analysis.Analyzer:
    return analysis.RegexTokenizer(r"\w+") | analysis.LowercaseFilter() | GermanFilter()


def build_schema() -> fields.Schema:
    de = german_analyzer()
    values = analysis.RegexTokenizer(r"[^\n]+")  # one token per line: multi-valued exact facet values
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        nr_keys=fields.KEYWORD(),
        az_keys=fields.KEYWORD(),
        ref_keys=fields.KEYWORD(),
        betreff=fields.TEXT(analyzer=de, field_boost=3.0),
        text=fields.TEXT(analyzer=de),
        gremium=fields.TEXT(analyzer=values, phrase=False, vector=True),
        gremium_text=fields.TEXT(analyzer=de),
        art=fields.ID(sortable=True),
        art_text=fields.TEXT(analyzer=de),
        fachbereich=fields.ID(sortable=True),
        fachbereich_text=fields.TEXT(analyzer=de),
        koerperschaft_text=fields.TEXT(analyzer=de),
        datum=fields.ID(sortable=True),
        jahr=fields.ID(sortable=True),
        oeffentlich=fields.ID(),
    )


class WhooshBackend:
    name = "whoosh"

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        meta = path / META_FILE
        if not meta.exists():
            if not create:
                raise IndexStateError(f"no search index in {path}: run 'archiv reindex'")
            self._create()
        else:
            found = json.loads(meta.read_text())
            if found.get("schema_version") != SCHEMA_VERSION or found.get("analysis") != ANALYSIS_VERSION:
                raise IndexStateError(
                    f"the search index in {path} was built by another version of archiv "
                    f"(schema {found.get('schema_version')}, analysis {found.get('analysis')}; this version: "
                    f"schema {SCHEMA_VERSION}, analysis {ANALYSIS_VERSION}): run 'archiv reindex'"
                )
        try:
            self.ix = index.open_dir(str(path))
        except Exception as e:  # whoosh raises several kinds for a damaged folder
            raise IndexStateError(f"cannot open the search index in {path} ({e}): run 'archiv reindex'") from e

    def _create(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        index.create_in(str(self.path), build_schema())
        meta = {"backend": self.name, "schema_version": SCHEMA_VERSION, "analysis": ANALYSIS_VERSION}
        (self.path / META_FILE).write_text(json.dumps(meta))

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

    def clear(self) -> None:
        self.ix.close()
        shutil.rmtree(self.path, ignore_errors=True)
        self._create()
        self.ix = index.open_dir(str(self.path))

    def count(self) -> int:
        return self.ix.doc_count()

    def close(self) -> None:
        self.ix.close()

    # -- searching ---------------------------------------------------------------------------

    def search(
        self, tree: Node, filters: Filters, *, limit: int, offset: int = 0, sort: str = "relevance"
    ) -> BackendResult:
        q = translate(tree)
        flt = _filter_query(filters)
        facets = {
            "gremium": sorting.FieldFacet("gremium", allow_overlap=True, maptype=sorting.Count),
            "jahr": sorting.FieldFacet("jahr", maptype=sorting.Count),
            "art": sorting.FieldFacet("art", maptype=sorting.Count),
            "fachbereich": sorting.FieldFacet("fachbereich", maptype=sorting.Count),
        }
        sortedby = None
        if sort in ("datum", "date", "neueste"):
            sortedby = sorting.FieldFacet("datum", reverse=True)
        elif sort in ("datum_asc", "aelteste"):
            sortedby = sorting.FieldFacet("datum")
        with self.ix.searcher() as s:
            res = s.search(q, limit=max(1, offset + limit), filter=flt, groupedby=facets, sortedby=sortedby)
            hits = tuple(BackendHit(h["id"], float(h.score or 0.0)) for h in res[offset : offset + limit])
            counts = {}
            for name in facets:
                groups = res.groups(name)
                counts[name] = {
                    str(k): int(v)
                    for k, v in sorted(groups.items(), key=lambda kv: (-kv[1], str(kv[0])))
                    if k not in (None, "", b"")
                }
            return BackendResult(total=len(res), hits=hits, facets=counts)


def _fields_of(d: IndexDocument) -> dict[str, str]:
    return {
        "id": d.id,
        "nr_keys": " ".join(d.nr_keys),
        "az_keys": " ".join(d.az_keys),
        "ref_keys": " ".join(d.ref_keys),
        "betreff": d.betreff,
        "text": d.text,
        "gremium": "\n".join(d.gremien),
        "gremium_text": "\n".join(d.gremien),
        "art": d.art,
        "art_text": d.art,
        "fachbereich": d.fachbereich,
        "fachbereich_text": d.fachbereich,
        "koerperschaft_text": d.koerperschaft,
        "datum": d.datum,
        "jahr": d.jahr,
        "oeffentlich": "1" if d.oeffentlich else "0",
    }


_TEXT_FIELD = {
    "betreff": ("betreff",),
    "text": ("text",),
    "gremium": ("gremium_text",),
    "art": ("art_text",),
    "fachbereich": ("fachbereich_text",),
    "koerperschaft": ("koerperschaft_text",),
    None: ("betreff", "text"),
}


def _words_query(fieldnames: tuple[str, ...], text: str) -> wq.Query:
    toks = analyse(text)
    if not toks:
        return wq.NullQuery
    per_field = [wq.Term(f, toks[0]) if len(toks) == 1 else wq.Phrase(f, toks) for f in fieldnames]
    return per_field[0] if len(per_field) == 1 else wq.Or(per_field)


def _identifier_query(text: str, *, boost: float) -> wq.Query | None:
    keys = identifier_keys(text)
    if not keys or not any(c.isdigit() for c in text):
        return None
    parts: list[wq.Query] = []
    for k in keys[:1]:
        parts += [wq.Term("nr_keys", k, boost=boost), wq.Term("az_keys", k, boost=boost)]
        parts.append(wq.Term("ref_keys", k, boost=2.0))
    return wq.Or(parts)


def translate(node: Node) -> wq.Query:
    """Our query tree as a Whoosh query."""
    if isinstance(node, MatchAll):
        return wq.Every()
    if isinstance(node, Term | Phrase):
        if node.field == "vorlage_nr":
            return _keys_query("nr_keys", node.text)
        if node.field == "aktenzeichen":
            return _keys_query("az_keys", node.text)
        if node.field == "id":
            return wq.Prefix("id", node.text.lower())
        if node.field == "jahr":
            return wq.Term("jahr", node.text)
        words = _words_query(_TEXT_FIELD[node.field], node.text)
        ident = _identifier_query(node.text, boost=20.0) if node.field is None else None
        return wq.Or([words, ident]) if ident is not None else words
    if isinstance(node, Prefix):
        if node.field in ("vorlage_nr", "aktenzeichen", "id"):
            field = {"vorlage_nr": "nr_keys", "aktenzeichen": "az_keys", "id": "id"}[node.field]
            return wq.Prefix(field, "-".join(identifier_keys(node.text)[:1]) or node.text.lower())
        folded = fold(node.text.lower())
        fields_ = _TEXT_FIELD.get(node.field, ("text",))
        parts = [wq.Prefix(f, folded) for f in fields_]
        return parts[0] if len(parts) == 1 else wq.Or(parts)
    if isinstance(node, Range):
        return wq.TermRange(node.field, node.low or "0000", node.high or "9999")
    if isinstance(node, Not):
        return wq.And([wq.Every(), wq.Not(translate(node.child))])
    if isinstance(node, And):
        positives = [translate(c) for c in node.children if not isinstance(c, Not)]
        negatives = [wq.Not(translate(c.child)) for c in node.children if isinstance(c, Not)]
        return wq.And((positives or [wq.Every()]) + negatives)
    if isinstance(node, Or):
        return wq.Or([translate(c) for c in node.children])
    raise TypeError(f"unknown query node {node!r}")


def _keys_query(field: str, text: str) -> wq.Query:
    keys = identifier_keys(text)
    if not keys:
        return wq.NullQuery
    return wq.Term(field, keys[0])


def _filter_query(f: Filters) -> wq.Query | None:
    parts: list[wq.Query] = []
    if f.gremium:
        parts.append(wq.Or([wq.Term("gremium", f.gremium), _words_query(("gremium_text",), f.gremium)]))
    if f.art:
        parts.append(wq.Or([wq.Term("art", f.art), _words_query(("art_text",), f.art)]))
    if f.fachbereich:
        parts.append(wq.Or([wq.Term("fachbereich", f.fachbereich), _words_query(("fachbereich_text",), f.fachbereich)]))
    if f.jahr:
        parts.append(wq.Term("jahr", f.jahr))
    if f.date_from or f.date_to:
        parts.append(wq.TermRange("datum", f.date_from or "0000", f.date_to or "9999"))
    if f.public_only:
        parts.append(wq.Term("oeffentlich", "1"))
    return wq.And(parts) if parts else None
