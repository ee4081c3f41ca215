"""--public: a record whose oeffentlich is False is absent from every route of the web app.

Two ways to be not public are covered: the sandhorst sample says "nicht öffentlich" itself, and
the Elmshagen Friedhofsgebühren sample is ingested with --nichtoeffentlich. The same index served
without --public shows both, so each absence below is the rule at work, not a missing record.
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from archiv.archive import Archive
from archiv.models import Vorlage
from archiv.search.document import index_document
from archiv.web import create_app

from .web_support import CITED_BY_XSS, NOT_PUBLIC_BY_STATUS, XSS_SAMPLE, build_index, record_of

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("public-index"), nichtoeffentlich=(CITED_BY_XSS,))


@pytest.fixture(scope="module")
def hidden(index: Path) -> list[Vorlage]:
    records = [record_of(index, NOT_PUBLIC_BY_STATUS), record_of(index, CITED_BY_XSS)]
    assert [r.oeffentlich for r in records] == [False, False]
    return records


@pytest.fixture(scope="module")
def public(index: Path) -> Iterator[TestClient]:
    with TestClient(create_app(index, public=True, base_url="http://testserver")) as c:
        yield c


@pytest.fixture(scope="module")
def internal(index: Path) -> Iterator[TestClient]:
    with TestClient(create_app(index, base_url="http://testserver")) as c:
        yield c


def all_hits(client: TestClient, **params: str) -> dict:
    response = client.get("/api/search", params={"pro_seite": "100", **params})
    assert response.status_code == 200, response.text
    return response.json()


def expected_facets(records: list[Vorlage]) -> dict[str, Counter]:
    docs = [index_document(r) for r in records]
    return {
        "gremium": Counter(g for d in docs for g in d.gremien),
        "jahr": Counter(d.jahr for d in docs if d.jahr),
        "art": Counter(d.art for d in docs if d.art),
        "fachbereich": Counter(d.fachbereich for d in docs if d.fachbereich),
        "koerperschaft": Counter(d.koerperschaft for d in docs if d.koerperschaft),  # facets of issue 17
        "einreicher": Counter(d.einreicher for d in docs if d.einreicher),
    }


def test_search_totals_and_facets_leave_non_public_out(
    public: TestClient, internal: TestClient, index: Path, hidden: list[Vorlage]
) -> None:
    with Archive(index) as archive:
        records = list(archive.records())
    visible = [r for r in records if r.oeffentlich is not False]
    hidden_ids = {r.id for r in hidden}

    everything = all_hits(internal)
    assert hidden_ids <= {h["id"] for h in everything["hits"]}
    shown = all_hits(public)
    assert shown["total"] == len(visible) == everything["total"] - 2
    assert not hidden_ids & {h["id"] for h in shown["hits"]}
    facets = {name: Counter(counts) for name, counts in shown["facets"].items()}
    assert facets == expected_facets(visible)
    assert {name: Counter(c) for name, c in everything["facets"].items()} == expected_facets(records)

    for r in hidden:
        by_number = {"q": f'vorlage_nr:"{r.vorlage_nr}"'}
        assert all_hits(internal, **by_number)["total"] == 1
        assert all_hits(public, **by_number)["total"] == 0
        by_words = {"q": f'"{r.betreff}"'}
        assert all_hits(internal, **by_words)["total"] >= 1
        assert all_hits(public, **by_words)["total"] == 0
    # A Gremium only the hidden Sandhorst Vorlage names: as a filter it finds nothing.
    only_hidden = {r.beschlusslauf[0].gremium for r in hidden} - {g for v in visible for g in _gremien(v)}
    assert only_hidden
    for gremium in only_hidden:
        assert all_hits(public, gremium=gremium)["total"] == 0
        assert gremium not in public.get("/").text


def _gremien(v: Vorlage) -> set[str]:
    return {row.gremium for row in v.beschlusslauf}


def test_search_pages_never_show_non_public(public: TestClient, internal: TestClient, hidden: list[Vorlage]) -> None:
    for params in ({}, {"q": "Grunderwerb OR Friedhofsgebühren OR Spielplatz"}, {"pro_seite": "100"}):
        shown = public.get("/", params=params).text
        full = internal.get("/", params=params).text
        for r in hidden:
            assert r.id in full and r.betreff.split(":")[0] in full.replace("&#34;", '"')
            assert r.id not in shown and r.betreff not in shown and r.vorlage_nr not in shown
    assert "gezeigt werden nur öffentliche Vorlagen" in public.get("/").text


def test_detail_file_api_and_oparl_are_404(public: TestClient, internal: TestClient, hidden: list[Vorlage]) -> None:
    for r in hidden:
        for path in (f"/vorlage/{r.id}", f"/datei/{r.id}", f"/api/vorlagen/{r.id}", f"/oparl/paper/{r.id}"):
            assert internal.get(path).status_code == 200, path
            response = public.get(path)
            assert response.status_code == 404, path
            # Not public looks exactly like not there: nothing of the record leaks into the answer.
            assert r.id not in response.text and (r.vorlage_nr or "") not in response.text


def test_feed_leaves_non_public_out(public: TestClient, internal: TestClient, hidden: list[Vorlage]) -> None:
    def entry_links(client: TestClient, **params: str) -> list[str]:
        feed = ET.fromstring(client.get("/feed", params=params).content)
        return [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]

    for params in ({}, {"q": "Spielplatz OR Friedhof"}):
        full, shown = entry_links(internal, **params), entry_links(public, **params)
        for r in hidden:
            assert any(link.endswith(r.id) for link in full)
            assert not any(link.endswith(r.id) for link in shown)
        assert len(shown) == len(full) - 2


def test_references_to_non_public_vorlagen_are_not_followed(
    public: TestClient, internal: TestClient, index: Path, hidden: list[Vorlage]
) -> None:
    citing = record_of(index, XSS_SAMPLE)  # public; cites the hidden BV/0235/2025 and shares its Aktenzeichen
    bv = hidden[1]
    full = internal.get(f"/vorlage/{citing.id}").text
    assert f"/vorlage/{bv.id}" in full
    page = public.get(f"/vorlage/{citing.id}").text
    assert f"/vorlage/{bv.id}" not in page and bv.betreff not in page
    assert 'BV/0235/2025 <span class="none">(nicht im Archiv)</span>' in page
    same_az = page.split('id="gleiches-az"')[1].split('id="quelle"')[0]
    assert "Keine" in same_az
    assert "relatedPaper" in internal.get(f"/oparl/paper/{citing.id}").json()
    assert "relatedPaper" not in public.get(f"/oparl/paper/{citing.id}").json()


def test_public_api_does_not_reveal_server_folders(public: TestClient, internal: TestClient, index: Path) -> None:
    record = record_of(index, XSS_SAMPLE)
    assert internal.get(f"/api/vorlagen/{record.id}").json()["source"]["path"] == record.source.path
    assert public.get(f"/api/vorlagen/{record.id}").json()["source"]["path"] == XSS_SAMPLE.name
    assert str(XSS_SAMPLE.parent) not in public.get(f"/vorlage/{record.id}").text
