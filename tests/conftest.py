from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiv.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_cda0f0be47f3442d.txt"
CORPUS = SHARED / "corpus"
# The keys of a search hit (CLI JSON, web API): one Vorlage with its Körperschaft, session dates,
# files and revised versions.
HIT_KEYS = {
    "id", "vorlage_nr", "aktenzeichen", "art", "datum", "betreff", "score", "snippet", "koerperschaft", "sitzungen",
    "dateien", "fassungen", "marks",
}  # fmt: skip


def marked_words(hit: dict) -> list[str]:
    """The words a JSON hit marks: its plain snippet cut at its (start, end) offsets."""
    return [hit["snippet"][start:end] for start, end in hit["marks"]]


def sample_files() -> list[Path]:
    """The samples with a text layer; the scans (samples/scan, OCR) are checked in test_ocr.py."""
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.parent.name != "scan")


def scan_files() -> list[Path]:
    return sorted(p for p in (SAMPLES / "scan").glob("*") if p.is_file())


def golden_of(sample: Path) -> Path:
    return GOLDEN / sample.parent.name / f"{sample.stem}.expected.json"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index holding every sample and (where ../shared exists) the seed; built once per session."""
    index = tmp_path_factory.mktemp("index")
    from archiv.parsers.ocr import tesseract_available

    # The scans need Tesseract; without it (a machine where make could not install it) they stay out.
    folders = [p for p in sorted(SAMPLES.iterdir()) if p.name != "scan" or tesseract_available()]
    paths = folders + ([SEED] if SEED.exists() else [])
    result = run("ingest", *paths, "--index", index, "--quiet")
    assert result.exit_code == 0, result.output
    return index


def rebuilt_with(request: pytest.FixtureRequest, base: Path, factory: pytest.TempPathFactory, name: str) -> Path:
    """``base`` (built with Whoosh) as built by the backend ``request.param``: a copy of its store,
    reindexed; the opensearch one on a real node (``opensearch_url``: a skip where none is reachable,
    a failure in CI). The caller drops an opensearch index when done (``drop_opensearch_index``)."""
    backend = request.param
    if backend == "whoosh":
        return base
    index = factory.mktemp(f"{name}-{backend}") / "index"
    shutil.copytree(base, index)
    node = ["--opensearch-url", request.getfixturevalue("opensearch_url")] if backend == "opensearch" else []
    result = run("reindex", "--index", index, "--backend", backend, *node, "--quiet")
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture()
def fresh_index(tmp_path: Path, sample_index: Path) -> Path:
    """A private copy of the sample index for tests that change it."""
    target = tmp_path / "index"
    shutil.copytree(sample_index, target)
    return target


PROSE = ("beschlussvorschlag", "begruendung")


def assert_matches_golden(record: dict, golden: dict) -> None:
    """Compare a record with its golden record: every field exactly, except that entities need only
    contain the golden ones and prose is compared with whitespace folded (paragraph breaks in PDFs
    are a layout guess; the words and their order must be exact)."""
    for field, expected in golden.items():
        got = record[field]
        if field == "entities":
            for kind, values in expected.items():
                missing = [v for v in values if v not in got[kind]]
                assert not missing, f"entities.{kind}: missing {missing}, found {got[kind]}"
        elif field == "source":
            assert {k: got[k] for k in expected} == expected
        elif field == "tops":  # agenda items of minutes: their decision and vote texts as prose
            fold = ("beschluss", "abstimmung")
            assert [{k: (" ".join(v.split()) if k in fold and v else v) for k, v in t.items()} for t in got] == [
                {k: (" ".join(v.split()) if k in fold and v else v) for k, v in t.items()} for t in expected
            ], field
        elif field in PROSE:
            assert (" ".join(got.split()) if got else got) == (" ".join(expected.split()) if expected else expected), (
                field
            )
        else:
            assert got == expected, field


def opensearch_node_url() -> str:
    """The node the opensearch tests use: ARCHIV_OPENSEARCH_URL, else the one scripts/opensearch/start runs."""
    if os.environ.get("ARCHIV_OPENSEARCH_URL"):
        return os.environ["ARCHIV_OPENSEARCH_URL"].rstrip("/")
    recorded = ROOT / ".cache" / "opensearch" / "run" / "url"
    return recorded.read_text().strip() if recorded.exists() else "http://127.0.0.1:9200"


@pytest.fixture(scope="session")
def opensearch_url() -> str:
    """A reachable OpenSearch node, or a skip; a failure instead where ARCHIV_REQUIRE_OPENSEARCH=1 (CI)."""
    import urllib.request

    url = opensearch_node_url()
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health?wait_for_status=yellow&timeout=10s", timeout=15) as r:
            r.read()
    except OSError as e:
        message = f"no OpenSearch node at {url} ({e}): start one with scripts/opensearch/start"
        if os.environ.get("ARCHIV_REQUIRE_OPENSEARCH") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return url


def drop_opensearch_index(index_dir: Path) -> None:
    """Delete the OpenSearch index an archive folder used (tests leave no index behind on the node)."""
    import json
    import urllib.request

    try:
        conn = json.loads((index_dir / "opensearch-connection.json").read_text())
    except OSError:
        return
    request = urllib.request.Request(f"{conn['url']}/{conn['index']}", method="DELETE")
    with contextlib.suppress(OSError):
        urllib.request.urlopen(request, timeout=30).read()
