"""The two searches of one archiv query on OpenSearch, and how their answers become a result.

The page of hits is scored and not counted (so Lucene skips the documents that cannot reach it); the
count with all facets is a filter without scores (OpenSearch caches its answer until the next
refresh). opensearch_backend sends both at once, as two requests: see its ``search``.
"""

from __future__ import annotations

from typing import Any

from .backend import FACET_SIZE, FACETS, BackendHit, ranked_facet
from .opensearch_mapping import FACET_SEP

Facets = dict[str, dict[str, int]]


def page_body(query: dict[str, Any], flt: list[dict[str, Any]], limit: int, offset: int, sort: str) -> dict[str, Any]:
    """The page of hits: scored by ``query``, narrowed by the filters (which keep the scores)."""
    body: dict[str, Any] = {
        "query": {"bool": {"must": [query], "filter": flt}} if flt else query,
        "from": offset,
        "size": limit,
        "track_total_hits": False,
        "_source": False,
    }
    order = {"datum": "desc", "datum_asc": "asc"}.get(sort)
    if order:
        body["sort"] = [{"datum": order}]
    return body


def page_hits(res: dict[str, Any], sort: str) -> tuple[BackendHit, ...]:
    scored = sort not in ("datum", "datum_asc")
    return tuple(BackendHit(h["_id"], float(h["_score"] or 0.0) if scored else 0.0) for h in res["hits"]["hits"])


def count_body(query: dict[str, Any], flt: list[dict[str, Any]], combined_size: int) -> dict[str, Any]:
    """The exact count and all facets by one terms aggregation of the combined field (mapping's
    FACET_SEP): exact while it returns every value the hits hold (``combined_facets``)."""
    return {
        "query": {"bool": {"filter": [query, *flt]}},
        "size": 0,
        "track_total_hits": True,
        "aggs": {"facet": {"terms": {"field": "facet", "size": combined_size}}},
    }


def each_facet_body(count: dict[str, Any]) -> dict[str, Any]:
    """The count with one aggregation per facet, each its most frequent values: for hits that hold more
    facet values than the combined aggregation returned (an archive of very many Gremien or Einreicher)."""
    return {**count, "aggs": {f: {"terms": {"field": f, "size": FACET_SIZE}} for f in FACETS}}


def combined_facets(res: dict[str, Any]) -> Facets | None:
    """The facets of a ``count_body`` answer; None where the combined aggregation left values out."""
    combined = res.get("aggregations", {}).get("facet", {"buckets": []})
    if combined.get("sum_other_doc_count", 0) != 0:
        return None
    found: dict[str, list[tuple[str, int]]] = {f: [] for f in FACETS}
    for b in combined["buckets"]:
        name, _, value = str(b["key"]).partition(FACET_SEP)
        found[name].append((value, int(b["doc_count"])))
    return _ranked(found)


def each_facets(res: dict[str, Any]) -> Facets:
    """The facets of an ``each_facet_body`` answer."""
    aggs = res["aggregations"]
    return _ranked({f: [(str(b["key"]), int(b["doc_count"])) for b in aggs[f]["buckets"]] for f in FACETS})


def _ranked(found: dict[str, list[tuple[str, int]]]) -> Facets:
    return {f: ranked_facet(kv for kv in found[f] if kv[0] != "") for f in FACETS}
