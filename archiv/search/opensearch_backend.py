"""The OpenSearch backend: the same plan and the same terms as tantivy and Whoosh, on a cluster.

Why pre-analysed terms (and not OpenSearch's own German chain): every field arrives analysed by
archiv's chain (analysis.index_terms: folding of ä/ae/a, Snowball stems, parts of compounds from the
german-nouns lexicon, "^" word-family roots) and is indexed with the whitespace analyzer, so all three
backends hold the very same terms and every judged query means the same thing on each. OpenSearch's
analysis-common has german_normalization and German stemmers, but its folding differs from ours ("ue"
after a consonant), its dictionary_decompounder would also split the query word ("Ratsbeschluss" would
find every "Beschluss") and word families do not exist there; matching them would mean a second,
diverging implementation of the analysis. The cost is CPU on the ingesting machine, which it spends
for the embedded backends anyway; bulk indexing still meets its goal (benchmarks/README.md).

Snippets, suggestions and more-like-this run in archiv as for the other backends; OpenSearch serves
term statistics (doc_freqs) and the vocabulary (a doc-values field of the words as written).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import ArchivError, ExitCode, IndexStateError, MissingDependencyError
from ..models import Vorlage
from ..text.keys import identifier_keys
from .analysis import ANALYSIS_VERSION
from .backend import BackendResult, CountingResult, Filters
from .document import IndexDocument
from .opensearch_mapping import SCHEMA_VERSION, document_line, mapping, translate
from .opensearch_query import combined_facets, count_body, each_facet_body, each_facets, page_body, page_hits
from .parallel import chunks
from .plan import filter_plan, plan
from .query import Node

try:
    import opensearchpy
except ImportError as e:  # pragma: no cover - a dependency of archiv
    raise MissingDependencyError("the OpenSearch client", "pip install 'opensearch-py>=2.6'") from e

DEFAULT_URL = "http://127.0.0.1:9200"
CONNECTION_FILE = "opensearch-connection.json"  # in the index folder: the URL and index name it uses
BULK_DOCS = 200  # ~4 MB per request at ~18 KB per document (terms, words and the record)
BULK_THREADS = 2  # requests in flight: the node indexes one while archiv sends the next
RETRIES = 5  # on 429 and 5xx, with backoff from 0.5 s to 8 s
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
COUNT_THREADS = 8  # counts in flight at once (one per search the process runs at the same time)
COMBINED_FACET_SIZE = 1000  # values of all facets in one answer; more in the hits: one aggregation per facet


class BackendUnreachableError(ArchivError):
    """The cluster does not answer or refuses: not a stale index, so reindex never wipes anything for it."""

    exit_code = ExitCode.INDEX


def index_settings() -> dict[str, Any]:
    """Shards and replicas from the environment (README.md, "Running against an OpenSearch cluster")."""
    shards = int(os.environ.get("ARCHIV_OPENSEARCH_SHARDS", "1"))
    replicas = int(os.environ.get("ARCHIV_OPENSEARCH_REPLICAS", "0"))
    # No refresh by the clock: archiv refreshes after each batch it writes (add, delete), and segments
    # made every second during a rebuild cost the node merges. The translog is synced every few
    # seconds, not per request: the record stores are the truth, an index can always be rebuilt.
    return {
        "index": {
            "number_of_shards": shards, "number_of_replicas": replicas, "refresh_interval": "-1",
            "translog": {"durability": "async"},
        }
    }  # fmt: skip


def derived_index_name(index_dir: Path) -> str:
    """archiv-<folder name>-<hash of its absolute path>: one OpenSearch index per archive folder."""
    path = str(index_dir.resolve())
    name = re.sub(r"[^a-z0-9_-]+", "-", index_dir.resolve().name.lower()).strip("-_") or "index"
    return f"archiv-{name[:40]}-{hashlib.sha256(path.encode()).hexdigest()[:8]}"


def connection(index_dir: Path, url: str | None, index: str | None) -> tuple[str, str]:
    """The URL and index name: given (option or environment), else remembered by the folder, else defaults."""
    try:
        saved = json.loads((index_dir / CONNECTION_FILE).read_text())
    except (OSError, ValueError):
        saved = {}
    url = url or os.environ.get("ARCHIV_OPENSEARCH_URL") or saved.get("url") or DEFAULT_URL
    index = index or os.environ.get("ARCHIV_OPENSEARCH_INDEX") or saved.get("index") or derived_index_name(index_dir)
    return url.rstrip("/"), index


def client(url: str) -> opensearchpy.OpenSearch:
    """A client for ``url``; credentials come from the environment, never from a file of archiv's."""
    user, password = os.environ.get("ARCHIV_OPENSEARCH_USER"), os.environ.get("ARCHIV_OPENSEARCH_PASSWORD")
    kwargs: dict[str, Any] = {"timeout": 120, "max_retries": 0}
    if user:
        kwargs["http_auth"] = (user, password or "")
    if os.environ.get("ARCHIV_OPENSEARCH_CA"):
        kwargs["ca_certs"] = os.environ["ARCHIV_OPENSEARCH_CA"]
    return opensearchpy.OpenSearch([url], **kwargs)


class OpenSearchBackend:
    name = "opensearch"
    keeps_records = True  # serves records too: a rebuild sends them along

    def __init__(
        self, index_dir: Path, *, url: str | None = None, index: str | None = None, create: bool = False,
        rebuild: bool = False,
    ) -> None:  # fmt: skip
        self.url, self.index = connection(index_dir, url, index)
        self.client = client(self.url)
        # the node's own time of the last search (benchmarks): its page's, and once its count is read,
        # the longer of the two
        self.took_ms: int | None = None
        # counts and facets in flight while the caller makes a page (search); threads, as a web
        # server searches from several at once
        self._counter = ThreadPoolExecutor(COUNT_THREADS, thread_name_prefix="archiv-opensearch-count")
        meta = self._meta(retries=1)
        if meta is None:
            if not create:
                raise IndexStateError(
                    f"no OpenSearch index '{self.index}' at {self.url}: run 'archiv reindex --backend opensearch', "
                    "or name the index other machines fill with --opensearch-index"
                )
            self._create()
        elif meta != {"archiv_schema": SCHEMA_VERSION, "analysis": ANALYSIS_VERSION}:
            if not rebuild:
                raise IndexStateError(
                    f"the OpenSearch index '{self.index}' at {self.url} was built by another version of archiv "
                    f"(schema {meta.get('archiv_schema')}, analysis {meta.get('analysis')}; this version: schema "
                    f"{SCHEMA_VERSION}, analysis {ANALYSIS_VERSION}): run 'archiv reindex --backend opensearch'"
                )
            self.clear()
        if create:
            (index_dir / CONNECTION_FILE).write_text(json.dumps({"url": self.url, "index": self.index}) + "\n")

    # -- the cluster, with retries ---------------------------------------------------------------

    def _call(self, fn: Callable[..., Any], *args: Any, retries: int = RETRIES, **kwargs: Any) -> Any:
        delay = 0.5
        for attempt in range(retries + 1):
            try:
                return fn(*args, **kwargs)
            except opensearchpy.ConnectionError as e:
                if attempt == retries:
                    raise BackendUnreachableError(
                        f"cannot reach OpenSearch at {self.url} ({_cause(e)}): start the node "
                        "(scripts/opensearch/start) or set --opensearch-url / ARCHIV_OPENSEARCH_URL"
                    ) from e
            except opensearchpy.TransportError as e:
                status = e.status_code if isinstance(e.status_code, int) else 0
                if status not in RETRY_STATUS or attempt == retries:
                    raise BackendUnreachableError(
                        f"OpenSearch at {self.url} refused the request on index '{self.index}' "
                        f"(HTTP {e.status_code}: {_reason(e)})"
                    ) from e
            time.sleep(delay)
            delay = min(delay * 2, 8.0)
        raise AssertionError("unreachable")

    def _meta(self, retries: int) -> dict[str, Any] | None:
        try:
            found = self._call(self.client.indices.get_mapping, index=self.index, retries=retries)
        except BackendUnreachableError as e:
            if isinstance(e.__cause__, opensearchpy.NotFoundError):
                return None
            raise
        body = next(iter(found.values()), {})
        return body.get("mappings", {}).get("_meta", {})

    def _create(self) -> None:
        body = {"settings": index_settings(), "mappings": mapping()}
        try:
            self.client.indices.create(index=self.index, body=body)
        except opensearchpy.RequestError as e:
            if "resource_already_exists" not in str(e):  # another ingest process created it just now
                raise BackendUnreachableError(f"cannot create the OpenSearch index '{self.index}': {_reason(e)}") from e
        except opensearchpy.ConnectionError as e:
            raise BackendUnreachableError(f"cannot reach OpenSearch at {self.url}") from e
        self._call(self.client.cluster.health, index=self.index, wait_for_status="yellow")

    # -- writing -----------------------------------------------------------------------------

    def add(self, docs: Iterable[IndexDocument]) -> int:
        """Bulk requests of BULK_DOCS, BULK_THREADS of them in flight (the node indexes one request per
        thread while the next one is built); one refresh at the end (the index does not refresh itself)."""
        n = 0
        with ThreadPoolExecutor(BULK_THREADS) as pool:
            pending: deque[Future[None]] = deque()
            for chunk in chunks(docs, BULK_DOCS):
                pending.append(pool.submit(self._bulk, chunk))
                n += len(chunk)
                while len(pending) >= BULK_THREADS:
                    pending.popleft().result()
            while pending:
                pending.popleft().result()
        if n:
            self._call(self.client.indices.refresh, index=self.index)
        return n

    def _bulk(self, docs: list[IndexDocument]) -> None:
        """Index one chunk; documents the cluster rejects for load (429) are sent again after a pause."""
        action = json.dumps({"index": {"_index": self.index}})[:-2]  # + the id, per document
        lines = {d.id: f'{action}, "_id": {json.dumps(d.id)}}}}}\n{document_line(d)}\n' for d in docs}
        pending = docs
        delay = 0.5
        for _ in range(RETRIES + 1):
            body = "".join(lines[d.id] for d in pending).encode()
            res = self._call(self.client.bulk, body=body)
            if not res.get("errors"):
                return
            again, failed = [], []
            for d, item in zip(pending, res["items"], strict=True):
                status = item["index"].get("status", 0)
                if status in RETRY_STATUS:
                    again.append(d)
                elif status >= 300:
                    failed.append((d.id, item["index"].get("error")))
            if failed:
                raise IndexStateError(f"OpenSearch refused document {failed[0][0]}: {failed[0][1]}")
            if not again:
                return
            pending = again
            time.sleep(delay)
            delay = min(delay * 2, 8.0)
        raise BackendUnreachableError(
            f"OpenSearch at {self.url} stayed overloaded (HTTP 429): {len(pending)} documents"
        )

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        """A rebuild writes every document without replicas: each replica would index every document
        again during the rebuild, while copying the finished segments afterwards costs the cluster no
        analysis. The index's replicas are set back afterwards, also when the rebuild fails."""
        get = self._call(self.client.indices.get_settings, index=self.index, name="index.number_of_replicas")
        replicas = next(iter(get.values()))["settings"]["index"]["number_of_replicas"]
        if replicas != "0":
            self._replicas(0)
        try:
            yield
        finally:
            if replicas != "0":
                self._replicas(replicas)

    def _replicas(self, n: int | str) -> None:
        body = {"index": {"number_of_replicas": n}}
        self._call(self.client.indices.put_settings, index=self.index, body=body)

    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents by id (a Vorlage whose files now belong to another); missing ones are fine."""
        ids = list(ids)
        for chunk in chunks(ids, BULK_DOCS):
            body = [{"delete": {"_index": self.index, "_id": i}} for i in chunk]
            res = self._call(self.client.bulk, body=body)
            bad = [it["delete"] for it in res.get("items", []) if it["delete"].get("status", 0) not in (200, 404)]
            if bad:
                raise IndexStateError(f"OpenSearch did not delete document {bad[0].get('_id')}: {bad[0].get('error')}")
        if ids:
            self._call(self.client.indices.refresh, index=self.index)

    def clear(self) -> None:
        try:
            self._call(self.client.indices.delete, index=self.index)
        except BackendUnreachableError as e:
            if not isinstance(e.__cause__, opensearchpy.NotFoundError):
                raise
        self._create()

    def count(self) -> int:
        return int(self._call(self.client.count, index=self.index)["count"])

    def close(self) -> None:
        self._counter.shutdown(wait=True)
        self.client.close()

    # -- reading -----------------------------------------------------------------------------

    def search(
        self, tree: Node, filters: Filters, *, limit: int, offset: int = 0, sort: str = "relevance"
    ) -> BackendResult:
        """The page of hits at once; its count and facets counted meanwhile (CountingResult).

        Two requests side by side (threads), not one msearch: an msearch answers when both of its
        searches are done, so the page's records and snippets waited for the count. Now the count with
        the facets (the slower search, as a rule) is sent first and the page beside it, and the caller
        makes the page while the node still counts (benchmarks/README.md, "third round")."""
        query = translate(plan(tree))
        flt = [translate(f) for f in filter_plan(**vars(filters))]
        counting = self._counter.submit(self._count, count_body(query, flt, COMBINED_FACET_SIZE))
        res = self._search(page_body(query, flt, limit, offset, sort))
        self.took_ms = page_took = int(res.get("took", 0))

        def counted() -> tuple[int, dict[str, dict[str, int]]]:
            total, facets, took = counting.result()
            self.took_ms = max(page_took, took)  # the two ran side by side
            return total, facets

        return CountingResult(page_hits(res, sort), counted)

    def _count(self, body: dict[str, Any]) -> tuple[int, dict[str, dict[str, int]], int]:
        """(total, facets, the node's ms) of a count_body; where the combined aggregation left values
        out, a second request counts each facet by its own aggregation."""
        res = self._search(body, cached=True)
        facets, took = combined_facets(res), int(res.get("took", 0))
        if facets is None:
            each = self._search(each_facet_body(body), cached=True)
            facets, took = each_facets(each), took + int(each.get("took", 0))
        return int(res["hits"]["total"]["value"]), facets, took

    def _search(self, body: dict[str, Any], *, cached: bool = False) -> dict[str, Any]:
        params = {"request_cache": "true"} if cached else {}
        return self._call(self.client.search, index=self.index, body=body, params=params)

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        if not terms:
            return {}
        named = {str(i): {"term": {"text": t}} for i, t in enumerate(terms)}
        body = {"size": 0, "aggs": {"df": {"filters": {"filters": named}}}}
        res = self._call(self.client.search, index=self.index, body=body)
        buckets = res["aggregations"]["df"]["buckets"]
        return {t: int(buckets[str(i)]["doc_count"]) for i, t in enumerate(terms)}

    def vocabulary(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        include = "".join(c if c.isalnum() else "\\" + c for c in prefix) + ".*"
        agg = {"terms": {"field": "words", "include": include, "size": limit, "order": {"_key": "asc"}}}
        res = self._call(self.client.search, index=self.index, body={"size": 0, "aggs": {"v": agg}})
        return [(str(b["key"]), int(b["doc_count"])) for b in res["aggregations"]["v"]["buckets"]]

    # -- records, for a server whose own store does not hold them (remote_store.py) --------------

    def records(self, ids: Sequence[str]) -> dict[str, Vorlage]:
        if not ids:
            return {}
        res = self._call(self.client.mget, index=self.index, body={"ids": list(ids)}, _source="record")
        return {
            d["_id"]: Vorlage.from_dict(d["_source"]["record"])
            for d in res["docs"]
            if d.get("found") and "record" in d.get("_source", {})
        }

    def find_records(self, ref: str) -> list[Vorlage]:
        """Records by id prefix, Vorlage-Nr. or Aktenzeichen (any spelling), as the store finds them."""
        q = ref.strip().lower()
        if len(q) >= 6 and all(c in "0123456789abcdef" for c in q):
            found = self._find({"prefix": {"id": q}})
            if found:
                return found
        keys = identifier_keys(ref)
        if not keys:
            return []
        return self._find({"terms": {"nr_keys": list(keys)}}) + self._find({"terms": {"az_keys": list(keys)}})

    def _find(self, query: dict[str, Any]) -> list[Vorlage]:
        body = {"query": query, "size": 100, "sort": [{"id": "asc"}], "_source": ["record"]}
        res = self._call(self.client.search, index=self.index, body=body)
        return [Vorlage.from_dict(h["_source"]["record"]) for h in res["hits"]["hits"] if "record" in h["_source"]]


def _reason(e: opensearchpy.TransportError) -> str:
    info = e.info if isinstance(e.info, dict) else {}
    err = info.get("error")
    if isinstance(err, dict):
        return str(err.get("reason") or err.get("type"))
    return str(err or e.error)


def _cause(e: Exception) -> str:
    inner = getattr(e, "info", None) or e
    return " ".join(str(inner).split())[:160]
