"""What an OpenSearch index of archiv holds (mapping, documents) and how the query plan reads it.

Every text arrives analysed by archiv (analysis.index_terms, analysis.exact_terms) and is indexed with
the whitespace analyzer: see opensearch_backend for why.
"""

from __future__ import annotations

import json
from typing import Any

from .analysis import ANALYSIS_VERSION
from .backend import FACETS
from .document import IndexDocument
from .plan import AllQ, BoolQ, NoneQ, PhraseQ, PrefixQ, Q, RangeQ, TermQ

SCHEMA_VERSION = 5  # 3: koerperschaft and einreicher as facets, einreicher:; 4: ergebnis; 5: facet
FACET_SEP = "\x1f"  # "gremium\x1fRat": the values of all facets in one field, each after its facet's name
_ANALYSED = (
    "betreff", "betreff_parts", "text", "text_parts", "gremium_terms", "art_terms", "fachbereich_terms",
    "koerperschaft_terms", "einreicher_terms", "ergebnis_terms",
)  # fmt: skip
_KEYWORDS = (
    "nr_keys", "az_keys", "ref_keys", "gremium", "art", "fachbereich", "jahr", "oeffentlich", "koerperschaft",
    "einreicher", "ergebnis",
)  # fmt: skip


def mapping() -> dict[str, Any]:
    props: dict[str, Any] = {"id": {"type": "keyword"}, "datum": {"type": "integer"}}  # YYYYMMDD, 0 = none
    for name in _KEYWORDS:
        props[name] = {"type": "keyword"}
    for name in _ANALYSED:
        props[name] = {"type": "text", "analyzer": "whitespace", "index_options": "freqs"}
    for name in ("betreff_exact", "text_exact"):
        props[name] = {"type": "text", "analyzer": "whitespace", "index_options": "positions"}
    props["words"] = {"type": "keyword", "index": False, "ignore_above": 64}  # the vocabulary, by doc values
    # Every facet's values in one doc-values field: one terms aggregation counts all facets in one pass
    # over the hits, at about half the node's time of seven (benchmarks/README.md); never searched.
    props["facet"] = {"type": "keyword", "index": False}
    props["record"] = {"type": "object", "enabled": False}  # the Vorlage, for a server without the store
    return {
        "dynamic": "strict",
        "_meta": {"archiv_schema": SCHEMA_VERSION, "analysis": ANALYSIS_VERSION},
        "_source": {"includes": ["id", "record"]},  # not the analysed fields: they would double the index
        "properties": props,
    }


def translate(q: Q) -> dict[str, Any]:
    if isinstance(q, TermQ):
        return {"term": {q.field: {"value": q.term, "boost": q.boost}}}
    if isinstance(q, PhraseQ):
        return {"match_phrase": {q.field: {"query": " ".join(q.terms), "boost": q.boost}}}
    if isinstance(q, PrefixQ):
        # Every matching term, with a constant score (as tantivy's): Lucene's prefix query walks the term
        # dictionary itself, so the embedded backends' cap (plan.MAX_PREFIX_TERMS, the most frequent) is
        # not needed, and a cap here could only keep the first terms in term order ("sch*" without
        # "Schule"), as Lucene has no order by frequency.
        return {"prefix": {q.field: {"value": q.prefix, "boost": q.boost}}}
    if isinstance(q, RangeQ):
        return {"range": {"datum": {"gte": _date_number(q.low, 1), "lte": _date_number(q.high, 99991231)}}}
    if isinstance(q, AllQ):
        return {"match_all": {}}
    if isinstance(q, NoneQ):
        return {"match_none": {}}
    if isinstance(q, BoolQ):
        if not q.must and len(q.should) == 1 and not q.must_not:
            return translate(q.should[0])
        out: dict[str, Any] = {}
        if q.must:
            out["must"] = [translate(c) for c in q.must]
        if q.should:
            out["should"] = [translate(c) for c in q.should]
            if not q.must:
                out["minimum_should_match"] = 1
        if q.must_not:
            out["must_not"] = [translate(c) for c in q.must_not]
        return {"bool": out}
    raise TypeError(f"unknown plan {q!r}")


def document(d: IndexDocument) -> dict[str, Any]:
    """The document's fields; its record (IndexDocument.vorlage) is added by ``document_line``."""
    exact = d.text_words.split()
    doc: dict[str, Any] = {
        "id": d.id,
        "nr_keys": list(d.nr_keys),
        "az_keys": list(d.az_keys),
        "ref_keys": list(d.ref_keys),
        "betreff": d.betreff_terms,
        "betreff_parts": d.betreff_parts,
        "text": d.text_terms,
        "text_parts": d.text_parts,
        "gremium_terms": d.gremium_terms,
        "art_terms": d.art_terms,
        "fachbereich_terms": d.fachbereich_terms,
        "koerperschaft_terms": d.koerperschaft_terms,
        "einreicher_terms": d.einreicher_terms,
        "ergebnis_terms": d.ergebnis_terms,
        "ergebnis": list(d.ergebnisse),
        "betreff_exact": d.betreff_words,
        "text_exact": d.text_words,
        "words": sorted(set(exact)),
        "gremium": list(d.gremien),
        "oeffentlich": "1" if d.oeffentlich else "0",
        "datum": _date_number(d.datum, 0),
    }
    for name, value in (
        ("art", d.art), ("fachbereich", d.fachbereich), ("jahr", d.jahr), ("koerperschaft", d.koerperschaft),
        ("einreicher", d.einreicher),
    ):  # fmt: skip
        if value:
            doc[name] = value
    doc["facet"] = [f"{f}{FACET_SEP}{v}" for f in FACETS for v in _values(doc.get(f)) if v]
    return doc


def _values(value: str | list[str] | None) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


def _date_number(iso: str | None, default: int) -> int:
    return int(iso.replace("-", "")) if iso else default


def document_line(d: IndexDocument) -> str:
    """The document as one line of JSON for a bulk request, its record included: a record that came as
    JSON from a rebuild's worker (IndexDocument.record_json) goes in as it is, not parsed again."""
    line = json.dumps(document(d), ensure_ascii=False)
    record = d.record_json or (json.dumps(d.vorlage.to_dict(), ensure_ascii=False) if d.vorlage else "")
    return f'{line[:-1]}, "record": {record}}}' if record else line
