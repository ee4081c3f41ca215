"""archiv serve as an OParl 1.1 server: a crawl from /oparl reaches every object, and every object
(embedded ones too) passes the official schemas; the rules of the specification's text beside them."""

from __future__ import annotations

import shutil
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from archiv.archive import Archive
from archiv.web import create_app

from .conftest import SAMPLES, run
from .oparl_conformance import (
    OPARL_DIR,
    OparlValidator,
    crawl,
    needs_schemas,
    objects_in,
    pages_and_objects,
    spec_problems,
)

BASE = "https://rat.example.org/archiv"  # the configured base: the test client asks as 'testserver'
PAPER_01 = OPARL_DIR / "examples" / "Paper-01.json"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, sample_index: Path) -> Path:
    """The samples, the spec's Paper-01 (where ../shared is there), one sample marked not public."""
    target = tmp_path_factory.mktemp("oparl") / "index"
    shutil.copytree(sample_index, target)
    extra = tmp_path_factory.mktemp("oparl-extra")
    hidden = extra / "nichtoeffentlich.txt"
    hidden.write_text(
        "Gemeinde Birkenweiler\nBeschlussvorlage\nVorlage-Nr.: BV-2025/0999\n\nBetreff:\n"
        "Vertrauliche Grundstücksangelegenheit am Mühlbach\n\nBeschlussvorschlag:\nDer Rat stimmt zu.\n",
        encoding="utf-8",
    )
    assert run("ingest", hidden, "--index", target, "--nichtoeffentlich", "--quiet").exit_code == 0
    if PAPER_01.exists():
        assert run("ingest", PAPER_01, "--index", target, "--quiet").exit_code == 0
    return target


@pytest.fixture(scope="module")
def client(index: Path) -> Iterator[TestClient]:
    with TestClient(create_app(index, base_url=BASE)) as c:
        yield c


@pytest.fixture(scope="module")
def crawled(client: TestClient) -> tuple[dict[str, Any], set[str]]:
    return crawl(client, BASE)


@needs_schemas
def test_every_crawled_object_passes_the_schemas(crawled: tuple[dict[str, Any], set[str]]) -> None:
    validator = OparlValidator()
    found, _ = crawled
    pages, objects = pages_and_objects(found)
    checked = [o for page in pages.values() for o in page["data"]] + list(objects.values())
    errors = [e for o in checked for e in validator.errors(o)]
    assert errors == []
    kinds = Counter(o["type"].rsplit("/", 1)[1] for o in objects.values())
    assert {"System", "Body", "Paper", "File", "Consultation", "Organization", "Meeting", "AgendaItem"} <= set(kinds)
    assert kinds["System"] == 1
    # every embedded object was also fetched at its own URL, and is the same object there
    for o in checked:
        for inner in objects_in(o):
            if inner["id"].startswith(BASE):
                assert objects[inner["id"]] == inner


def test_spec_rules_a_schema_cannot_express(crawled: tuple[dict[str, Any], set[str]], client: TestClient) -> None:
    found, files = crawled
    pages, objects = pages_and_objects(found)
    assert [p for o in objects.values() for p in spec_problems(o, BASE)] == []
    assert all("testserver" not in str(d) for d in found.values())  # no id from the Host header
    # the list pages of the specification: data, pagination, links; next on all but the last
    for url, page in pages.items():
        assert set(page) == {"data", "pagination", "links"}, url
        p = page["pagination"]
        assert ("next" in page["links"]) == (p["currentPage"] < p["totalPages"]), url
    # accessUrl inline, downloadUrl as attachment with the file name
    file_objects = [o for o in objects.values() if o["type"].endswith("/File")]
    served = [f for f in file_objects if f["accessUrl"].startswith(BASE)]
    assert served and {u for f in served for u in (f["accessUrl"], f["downloadUrl"])} == files
    for f in served:
        access = client.get(f["accessUrl"].removeprefix(BASE))
        download = client.get(f["downloadUrl"].removeprefix(BASE))
        assert access.status_code == download.status_code == 200, f["id"]
        assert "attachment" not in access.headers.get("content-disposition", ""), f["id"]
        assert download.headers["content-disposition"].startswith("attachment; filename="), f["id"]
        assert access.content == download.content and access.headers["access-control-allow-origin"] == "*"
        assert access.headers["content-type"].split(";")[0] == f["mimeType"]


def test_lists_page_with_next_and_keep_their_filters(
    client: TestClient, crawled: tuple[dict[str, Any], set[str]]
) -> None:
    found, _ = crawled
    system = found[f"{BASE}/oparl/system"]
    bodies = found[system["body"]]["data"]
    body = max(bodies, key=lambda b: len(found[b["paper"]]["data"]))
    everything = [p["id"] for p in found[body["paper"]]["data"]]
    assert len(everything) >= 3
    # two per page, and a filter every object passes: the pages link on with both kept
    ids, url = [], body["paper"] + "?modified_since=2000-01-01T00%3A00%3A00%2B01%3A00&elementsPerPage=2"
    while url:
        page = client.get(url.removeprefix(BASE)).json()
        assert len(page["data"]) <= 2
        ids += [p["id"] for p in page["data"]]
        url = page["links"].get("next")
        assert url is None or ("modified_since=" in url and "elementsPerPage=2" in url)
    assert ids == everything
    stamps = sorted(p["created"] for p in found[body["paper"]]["data"])
    for params, expected in (
        ({"created_since": "2999-01-01T00:00:00+00:00"}, 0),
        ({"modified_until": "2000-01-01T00:00:00Z"}, 0),
        ({"created_until": stamps[-1]}, len(everything)),
        ({"created_since": stamps[0]}, len(everything)),
    ):
        page = client.get(body["paper"].removeprefix(BASE), params=params).json()
        assert page["pagination"]["totalElements"] == expected, params
    lean = client.get(body["paper"].removeprefix(BASE), params={"omit_internal": "true"}).json()["data"]
    assert lean and all("mainFile" not in p and "consultation" not in p for p in lean)
    assert [p["id"] for p in lean] == everything


def test_errors_are_http_status_codes_with_json_and_cors(client: TestClient) -> None:
    for path, status in (
        ("/oparl/paper/0123456789abcdef", 404),
        ("/oparl/body/nirgendwo", 404),
        ("/oparl/papers/nirgendwo/1", 404),
        ("/oparl/bodies/99", 404),
        ("/oparl/bodies/1?created_since=gestern", 400),
        ("/oparl/bodies/1?omit_internal=vielleicht", 400),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["access-control-allow-origin"] == "*"
        assert response.json()["error"]
    assert client.post("/oparl/system").status_code == 405


def test_a_paper_in_several_files_is_one_paper_with_several_files(client: TestClient, index: Path) -> None:
    with Archive(index) as archive:
        records = [r for r in archive.records() if r.vorlage_nr == "VO/2024/0193"]
    assert len(records) == 2  # the Hohenfeld Bebauungsplan as PDF and as scan
    first, second = sorted(records, key=lambda r: (r.source.ingested_at, r.id))
    paper = client.get(f"/oparl/paper/{first.id}").json()
    assert len([paper["mainFile"], *paper.get("auxiliaryFile", [])]) == 2
    assert sorted(paper["archiv:records"]) == sorted(r.id for r in records)
    moved = client.get(f"/oparl/paper/{second.id}", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == paper["id"]


def test_public_hides_what_is_not_public(index: Path, crawled: tuple[dict[str, Any], set[str]]) -> None:
    found, _ = crawled
    hidden = [o for o in found.values() if o.get("reference") == "BV-2025/0999"]
    assert len(hidden) == 1  # served without --public
    with TestClient(create_app(index, base_url=BASE, public=True)) as public:
        shown, _ = crawl(public, BASE)
        assert not [o for o in shown.values() if "BV-2025/0999" in str(o)]
        assert public.get(hidden[0]["id"].removeprefix(BASE)).status_code == 404
        assert public.get(hidden[0]["mainFile"]["accessUrl"].removeprefix(BASE)).status_code == 404


def test_without_a_base_url_oparl_answers_503_and_ids_never_follow_the_host(tmp_path: Path) -> None:
    index = tmp_path / "index"
    assert run("ingest", SAMPLES / "text", "--index", index, "--quiet").exit_code == 0
    with TestClient(create_app(index)) as c:
        response = c.get("/oparl/system")
        assert response.status_code == 503 and "--base-url" in response.json()["error"]
        assert response.headers["access-control-allow-origin"] == "*"
        assert c.get("/").status_code == 200  # the rest of the web app is unaffected
    # recorded by an export (or serve --base-url): used from then on, whatever the Host
    assert run("export", "--index", index, "--format", "oparl", "--base-url", BASE + "/").exit_code == 0
    with TestClient(create_app(index), base_url="http://other.host") as c:
        system = c.get("/oparl/system").json()
        assert system["id"] == f"{BASE}/oparl/system" and "other.host" not in str(system)


def test_minutes_are_meetings_and_the_consultation_carries_the_decision(
    crawled: tuple[dict[str, Any], set[str]],
) -> None:
    """The Quellbrunn samples: DS 12/2023 prepared in the Bauausschuss on 2023-03-07 and decided by
    the Rat on 2023-03-28, both with a change (scripts/make_minutes_samples.py)."""
    found, _ = crawled
    pages, objects = pages_and_objects(found)
    paper = next(o for o in objects.values() if o["type"].endswith("/Paper") and o.get("reference") == "DS 12/2023")
    decided = {c["archiv:datum"]: c for c in paper["consultation"] if "agendaItem" in c}
    assert set(decided) == {"2023-03-07", "2023-03-28"}
    rat = decided["2023-03-28"]
    assert rat["archiv:result"] == "geändert beschlossen" and rat["archiv:stimmen"]["ja"] == 15
    item, meeting = objects[rat["agendaItem"]], objects[rat["meeting"]]
    assert item["meeting"] == meeting["id"] and item["consultation"] == rat["id"]
    assert (item["number"], item["result"]) == ("2", "geändert beschlossen")
    assert "12/2023" in item["archiv:vorlagen"]
    assert meeting["name"] == "Sitzung Rat vom 28.03.2023" and meeting["archiv:datum"] == "2023-03-28"
    assert item in meeting["agendaItem"] and [i["order"] for i in meeting["agendaItem"]] == list(
        range(1, len(meeting["agendaItem"]) + 1)
    )
    assert meeting["resultsProtocol"]["fileName"].endswith(".pdf")
    organization = objects[meeting["organization"][0]]
    assert organization["name"] == "Rat" and organization["organizationType"] == "Gremium"
    # the Body lists its Meetings
    listed = [o["id"] for url, page in pages.items() if "/oparl/meetings/" in url for o in page["data"]]
    assert meeting["id"] in listed
