"""The opensearch backend beyond the judged queries (those run in test_search.py on all backends):
configuration from the environment, its one-line errors, and two ingest processes writing into one
index at the same time. Skipped where no node is reachable (conftest.opensearch_url), except in CI."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiv.archive import Archive
from archiv.cli import cli
from archiv.errors import ExitCode
from archiv.search import Filters
from archiv.search.query import MatchAll

from .conftest import ROOT, SAMPLES, drop_opensearch_index, run

FIXTURES = ROOT / "tests" / "search_fixtures"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_node_is_a_one_line_error_with_exit_6(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    result = run("ingest", FIXTURES, "--index", tmp_path / "index", "--backend", "opensearch", "--opensearch-url", url)
    assert result.exit_code == ExitCode.INDEX
    assert result.output.startswith(f"error: cannot reach OpenSearch at {url}")
    assert result.output.count("\n") == 1


@pytest.fixture()
def index_name(opensearch_url: str, request: pytest.FixtureRequest):
    name = f"archiv-test-{request.node.name.lower()[:40].strip('_')}-{os.getpid()}"
    yield name
    urllib.request.urlopen(urllib.request.Request(f"{opensearch_url}/{name}", method="DELETE"), timeout=30)


def test_the_environment_alone_selects_the_node(tmp_path: Path, opensearch_url: str) -> None:
    """ARCHIV_BACKEND / ARCHIV_OPENSEARCH_URL: ingest, then search with no option; the folder remembers the node."""
    index = tmp_path / "index"
    env = {"ARCHIV_BACKEND": "opensearch", "ARCHIV_OPENSEARCH_URL": opensearch_url}
    try:
        ingest = CliRunner(env=env).invoke(cli, ["ingest", str(FIXTURES), "--index", str(index), "--quiet"])
        assert ingest.exit_code == 0, ingest.output
        assert json.loads((index / "search-backend.json").read_text())["backend"] == "opensearch"
        found = CliRunner(env=env).invoke(cli, ["search", "Arbeitsmarktintegration", "--index", str(index)])
        assert found.exit_code == 0 and "DS 53/2025" in found.output
        # Without the environment: the recorded backend and the remembered URL and index name.
        again = run("search", "--index", index, "--format", "json", "--", "413/017")
        assert json.loads(again.output)["hits"][0]["vorlage_nr"] == "DS 53/2025"
    finally:
        drop_opensearch_index(index)


def test_a_mapping_from_another_version_asks_for_reindex(tmp_path: Path, opensearch_url: str, index_name: str) -> None:
    index = tmp_path / "index"
    node = ("--backend", "opensearch", "--opensearch-url", opensearch_url, "--opensearch-index", index_name)
    assert run("ingest", FIXTURES, "--index", index, *node, "--quiet").exit_code == 0
    old = json.dumps({"_meta": {"archiv_schema": 0, "analysis": "older"}}).encode()
    request = urllib.request.Request(
        f"{opensearch_url}/{index_name}/_mapping", data=old, method="PUT", headers={"Content-Type": "application/json"}
    )
    urllib.request.urlopen(request, timeout=30).read()
    stale = run("search", "Kreistag", "--index", index)
    assert stale.exit_code == ExitCode.INDEX
    assert (
        "built by another version of archiv" in stale.output and "archiv reindex --backend opensearch" in stale.output
    )
    assert stale.output.count("\n") == 1
    rebuilt = run("reindex", "--index", index, "--quiet")
    assert rebuilt.exit_code == 0, rebuilt.output
    page = json.loads(run("search", "Kreistag", "--index", index, "--format", "json").output)
    assert page["total"] >= 3


def _ingest_process(index: Path, paths: list[Path], url: str, name: str) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from archiv.cli import main; main()", "ingest", *map(str, paths)]
    cmd += ["--index", str(index), "--backend", "opensearch", "--opensearch-url", url, "--opensearch-index", name, "-q"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_at_once_into_one_index_hold_every_record_once(
    tmp_path: Path, opensearch_url: str, index_name: str
) -> None:
    """Two machines (own record stores) ingest overlapping folders into one index at the same time:
    ids are content hashes, so a file both ingested is one document, and nothing is lost."""
    first, second = tmp_path / "machine-a", tmp_path / "machine-b"
    a = _ingest_process(first, [SAMPLES / "text", FIXTURES], opensearch_url, index_name)
    b = _ingest_process(second, [SAMPLES / "html", FIXTURES], opensearch_url, index_name)
    for p in (a, b):
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    with Archive(first) as one, Archive(second) as two:
        ids = {r.id for r in one.records()} | {r.id for r in two.records()}
        overlap = {r.id for r in one.records()} & {r.id for r in two.records()}
        assert len(overlap) == len(list(FIXTURES.iterdir()))  # the fixtures went in from both
        assert one.backend.count() == len(ids)
        page = one.backend.search(MatchAll(), Filters(), limit=1000)
        found = [h.id for h in page.hits]
        assert sorted(found) == sorted(ids) and page.total == len(ids)  # each exactly once
        # Either machine's search sees the other's documents (records of its own store only get a page).
        assert two.search("vorlage_nr:VO-2023-0117").total == 1  # a fixture, from both
    # The rebuild of a shared index (README): the first machine empties and refills it, the others add.
    assert run("reindex", "--index", first, "--quiet").exit_code == 0
    assert run("reindex", "--index", second, "--no-clear", "--quiet").exit_code == 0
    with Archive(first) as one:
        assert one.backend.count() == len(ids)


def test_a_server_without_records_serves_both_machines_from_the_index(
    tmp_path: Path, opensearch_url: str, index_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`archiv serve --backend opensearch` on a third machine: search, Vorlage pages and JSON come
    from the index; an original where its source path holds the same file (a shared folder)."""
    from starlette.testclient import TestClient

    from archiv.web import create_app

    for machine, folder in (("a", SAMPLES / "text"), ("b", FIXTURES)):
        p = _ingest_process(tmp_path / machine, [folder], opensearch_url, index_name)
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    with Archive(tmp_path / "a") as a:
        kita = next(r for r in a.records() if "kita" in r.source.path)
    monkeypatch.setenv("ARCHIV_OPENSEARCH_URL", opensearch_url)
    monkeypatch.setenv("ARCHIV_OPENSEARCH_INDEX", index_name)
    client = TestClient(create_app(tmp_path / "server", public=False, backend="opensearch"))
    hits = client.get("/api/search", params={"q": "Arbeitsmarktintegration"}).json()["hits"]
    assert hits[0]["vorlage_nr"] == "DS 53/2025"  # ingested by machine b
    page = client.get(f"/vorlage/{kita.id}")  # ingested by machine a
    assert page.status_code == 200 and kita.betreff in page.text
    assert client.get(f"/api/vorlagen/{kita.id}").json()["vorlage_nr"] == kita.vorlage_nr
    original = client.get(f"/datei/{kita.id}")
    assert original.status_code == 200 and original.content == Path(kita.source.path).read_bytes()
    assert client.get("/vorlage/0000000000000000").status_code == 404


def test_bulk_retries_with_backoff_on_429_and_5xx(
    tmp_path: Path, opensearch_url: str, index_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A node under load answers 429 for some documents or 503 for a whole request: archiv waits,
    doubling the pause, and sends again what was not taken; nothing is lost or doubled."""
    import opensearchpy

    from archiv.search import opensearch_backend
    from archiv.search.document import index_document
    from archiv.search.opensearch_backend import OpenSearchBackend

    backend = OpenSearchBackend(tmp_path, url=opensearch_url, index=index_name, create=True)
    with Archive(tmp_path / "src", "tantivy", create=True) as archive:
        archive.ingest([FIXTURES])
        docs = [index_document(r) for r in archive.records()]
    pauses: list[float] = []
    monkeypatch.setattr(opensearch_backend.time, "sleep", pauses.append)
    real_bulk, calls = backend.client.bulk, []

    def flaky_bulk(body: bytes, **kwargs: object) -> dict:
        lines = body.splitlines(keepends=True)  # NDJSON: an action line and a document line each
        calls.append(len(lines) // 2)
        if len(calls) == 1:
            raise opensearchpy.TransportError(503, "unavailable", {})
        if len(calls) == 2:  # the node takes the first document only
            res = real_bulk(body=b"".join(lines[:2]), **kwargs)
            rejected = {"index": {"status": 429, "error": {"type": "es_rejected_execution_exception"}}}
            return {"errors": True, "items": res["items"] + [rejected] * (len(lines) // 2 - 1)}
        return real_bulk(body=body, **kwargs)

    monkeypatch.setattr(backend.client, "bulk", flaky_bulk)
    assert backend.add(docs) == len(docs)
    assert calls == [len(docs), len(docs), len(docs) - 1]
    assert pauses == [0.5, 0.5]  # one pause per kind of failure, the first of each backoff
    assert backend.count() == len(docs)
    backend.close()


def test_facets_are_the_same_by_one_aggregation_or_one_per_facet_and_as_tantivys(
    tmp_path: Path, opensearch_url: str, index_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All facets are counted by one aggregation of a combined field; where the hits hold more values
    than it returns (a cluster of many councils), one aggregation per facet counts them: the counts
    are the same either way, and the same as tantivy's; the node's own time is reported."""
    import shutil

    from archiv.search import opensearch_backend
    from archiv.search.query import parse_query

    embedded, clustered = tmp_path / "tantivy", tmp_path / "opensearch"
    with Archive(embedded, "tantivy", create=True) as archive:
        archive.ingest([FIXTURES, SAMPLES / "text"])
    shutil.copytree(embedded, clustered)
    node = ("--opensearch-url", opensearch_url, "--opensearch-index", index_name)
    assert run("reindex", "--index", clustered, "--backend", "opensearch", *node, "--quiet").exit_code == 0
    with Archive(embedded, "tantivy") as tantivy, Archive(clustered, "opensearch") as archive:
        backend = archive.backend
        assert backend.took_ms is None
        for query in ("", "Kreistag", "Sanierung OR Bebauungsplan"):
            tree = parse_query(query) if query else MatchAll()
            expected = tantivy.backend.search(tree, Filters(), limit=5)
            monkeypatch.setattr(opensearch_backend, "COMBINED_FACET_SIZE", 1000)
            one = backend.search(tree, Filters(), limit=5)
            assert isinstance(backend.took_ms, int) and 0 <= backend.took_ms < 60_000
            monkeypatch.setattr(opensearch_backend, "COMBINED_FACET_SIZE", 2)  # fewer than the hits' values
            each = backend.search(tree, Filters(), limit=5)
            assert one.total == each.total == expected.total
            assert one.facets == each.facets == expected.facets
            assert sum(len(v) for v in one.facets.values()) > 2


def test_a_rebuild_writes_without_replicas_and_sets_them_back_also_when_it_fails(
    tmp_path: Path, opensearch_url: str, index_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cluster's replicas would index every document of a rebuild again: the rebuild runs with none,
    and the index has its replicas again afterwards, whether the rebuild ended well or not."""
    from archiv.search import OPENSEARCH

    # as the CLI's --opensearch-url / --opensearch-index set them (an earlier command's stay in-process)
    monkeypatch.setitem(OPENSEARCH, "url", opensearch_url)
    monkeypatch.setitem(OPENSEARCH, "index", index_name)
    monkeypatch.setenv("ARCHIV_OPENSEARCH_REPLICAS", "1")  # one node: the replica stays unassigned (yellow)

    def replicas() -> str:
        with urllib.request.urlopen(f"{opensearch_url}/{index_name}/_settings", timeout=30) as r:
            return json.loads(r.read())[index_name]["settings"]["index"]["number_of_replicas"]

    with Archive(tmp_path / "index", "opensearch", create=True) as archive:
        archive.ingest([FIXTURES])
        assert replicas() == "1"
        backend = archive.backend
        real_add, seen = backend.add, []

        def add(docs):  # type: ignore[no-untyped-def]
            seen.append(replicas())
            return real_add(docs)

        monkeypatch.setattr(backend, "add", add)
        done = archive.reindex()
        assert done > 0 and backend.count() == done
        assert seen and set(seen) == {"0"}
        assert replicas() == "1"

        def failing(docs):  # type: ignore[no-untyped-def]
            seen.append(replicas())
            raise RuntimeError("the node went away")

        seen.clear()
        monkeypatch.setattr(backend, "add", failing)
        with pytest.raises(RuntimeError):
            archive.reindex()
        assert seen == ["0"]
        assert replicas() == "1"


def test_the_page_of_hits_is_there_while_the_node_still_counts(
    tmp_path: Path, opensearch_url: str, index_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page and its count with facets are two requests at once: the hits come back (and the caller
    makes their records and snippets) before the count is done; reading the total waits for it, and
    the total and facets are those of the count as if it had come at once."""
    import threading

    from archiv.search import OPENSEARCH
    from archiv.search.query import parse_query

    monkeypatch.setitem(OPENSEARCH, "url", opensearch_url)
    monkeypatch.setitem(OPENSEARCH, "index", index_name)
    with Archive(tmp_path / "index", "opensearch", create=True) as archive:
        archive.ingest([FIXTURES])
        backend, tree = archive.backend, parse_query("Vorlage OR Sanierung")
        at_once = backend.search(tree, Filters(), limit=3)
        expected = (at_once.total, at_once.facets, at_once.hits)
        count, release = backend._count, threading.Event()

        def held(body: dict) -> tuple:
            assert release.wait(30), "the page waited for its count"
            return count(body)

        monkeypatch.setattr(backend, "_count", held)
        later = backend.search(tree, Filters(), limit=3)  # returns although the count is held back
        assert later.hits == at_once.hits and len(later.hits) > 1
        reader = threading.Thread(target=lambda: later.total)
        reader.start()
        reader.join(0.3)
        assert reader.is_alive()  # the total is not known before the count is
        release.set()
        reader.join(30)
        assert (later.total, later.facets, later.hits) == expected
        assert archive.search("Vorlage OR Sanierung").total == at_once.total  # a whole page through Archive
