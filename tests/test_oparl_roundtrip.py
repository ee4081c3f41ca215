"""A round trip: OParl Papers in (the Auenfels sample, the specification's Paper-01), the archive's
OParl API out, compared field by field.

What differs on purpose: every id is the archive's own URL (the source's id is kept as
``archiv:originalId``, the source's Body as ``archiv:originalBody`` and in the Body's
``equivalent``); ``created``/``modified`` say when the archive got the object; a File the source
gave as text only (no accessUrl) is served by the archive as that text, ``text/plain``, its
original media type kept as ``archiv:originalMimeType``; links to objects the archive does not
hold (Meetings, AgendaItems, Persons, related Papers of the source) stay the source's URLs.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from archiv.web import create_app

from .conftest import SAMPLES, run
from .oparl_conformance import OPARL_DIR, OparlValidator, crawl, needs_schemas, pages_and_objects

BASE = "http://localhost:8000"
AUENFELS = SAMPLES / "oparl" / "auenfels_ds-2026-021_hallenbad.json"
PAPER_01 = OPARL_DIR / "examples" / "Paper-01.json"


def link(value: Any) -> str:
    return value["id"] if isinstance(value, dict) else value


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], TestClient]:
    index = tmp_path_factory.mktemp("roundtrip") / "index"
    inputs = [AUENFELS] + ([PAPER_01] if PAPER_01.exists() else [])
    result = run("ingest", *inputs, "--index", index, "--quiet")
    assert result.exit_code == 0, result.output
    with TestClient(create_app(index, base_url=BASE)) as client:
        found, _ = crawl(client, BASE)
        yield found, client


def compare_paper(source: dict[str, Any], found: dict[str, Any], client: TestClient) -> None:
    _, objects = pages_and_objects(found)
    ours = [o for o in objects.values() if o.get("archiv:originalId") == source["id"]]
    assert len(ours) == 1, "the Paper is served once"
    out = ours[0]
    assert out["type"] == source["type"]
    for prop in ("name", "reference", "date", "paperType", "relatedPaper", "originatorPerson", "location"):
        assert out.get(prop) == source.get(prop), prop
    assert out.get("originatorOrganization") == source.get("originatorOrganization")
    assert out["archiv:originalBody"] == link(source["body"])
    body = objects[out["body"]]
    assert body["type"].endswith("/Body")
    if body.get("equivalent"):
        assert link(source["body"]) in body["equivalent"]
    # underDirectionOf: Organizations of the archive that remember the source's
    leads = [objects[u] for u in out.get("underDirectionOf", [])]
    assert [o["archiv:originalId"] for o in leads] == [link(o) for o in source.get("underDirectionOf", [])]
    for given, o in zip(source.get("underDirectionOf", []), leads, strict=True):
        if isinstance(given, dict):
            assert o["name"] == given["name"]
    # Files: mainFile and auxiliaryFile, in order
    files = [out["mainFile"], *out.get("auxiliaryFile", [])]
    given_files = [source["mainFile"], *source.get("auxiliaryFile", [])]
    assert [f["archiv:originalId"] for f in files] == [f["id"] for f in given_files]
    for given, f in zip(given_files, files, strict=True):
        assert f == objects[f["id"]]
        for prop in ("name", "fileName", "date", "size", "sha1Checksum", "license"):
            assert f.get(prop) == given.get(prop), (f["id"], prop)
        if "text" in given:
            assert words(f["text"]) == words(given["text"])
        if "accessUrl" in given:
            assert (f["accessUrl"], f.get("downloadUrl"), f["mimeType"]) == (
                given["accessUrl"], given.get("downloadUrl"), given["mimeType"],
            )  # fmt: skip
        else:
            assert f["archiv:originalMimeType"] == given["mimeType"] and f["mimeType"] == "text/plain"
            assert words(client.get(f["accessUrl"].removeprefix(BASE)).text) == words(given["text"])
    # Consultations: every one, in order, with their committees, meetings and agenda items
    consultations = out.get("consultation", [])
    assert [c["archiv:originalId"] for c in consultations] == [c["id"] for c in source.get("consultation", [])]
    for given, c in zip(source.get("consultation", []), consultations, strict=True):
        assert c == objects[c["id"]] and c["paper"] == out["id"]
        for prop in ("role", "authoritative"):
            assert c.get(prop) == given.get(prop), prop
        for prop in ("meeting", "agendaItem"):
            assert c.get(prop) == (link(given[prop]) if prop in given else None), prop
        if isinstance(given.get("meeting"), dict):
            assert c["archiv:meeting"] == {k: given["meeting"][k] for k in ("name", "start")}
        committees = [objects[u] for u in c.get("organization", [])]
        assert [o["archiv:originalId"] for o in committees] == [link(o) for o in given.get("organization", [])]
        for o, g in zip(committees, given.get("organization", []), strict=True):
            assert o["body"] == out["body"]
            if isinstance(g, dict):
                assert o["name"] == g["name"]


def test_the_oparl_sample_comes_back_whole(served: tuple[dict[str, Any], TestClient]) -> None:
    found, client = served
    source = json.loads(AUENFELS.read_text(encoding="utf-8"))
    assert len(source["consultation"]) == 2  # the second names its committee by URL only
    compare_paper(source, found, client)


@needs_schemas
def test_the_spec_example_paper_comes_back_whole(served: tuple[dict[str, Any], TestClient]) -> None:
    found, client = served
    compare_paper(json.loads(PAPER_01.read_text(encoding="utf-8")), found, client)
    validator = OparlValidator()
    _, objects = pages_and_objects(found)
    assert [e for o in objects.values() for e in validator.errors(o)] == []
