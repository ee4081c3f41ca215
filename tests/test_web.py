"""The web app through Starlette's TestClient: every route, the limits, escaping, read-only."""

from __future__ import annotations

import json
import re
import shutil
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette >= 1.x suggests httpx2; httpx works with every version in range
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from archiv.errors import ExitCode
from archiv.search.query import MAX_QUERY_LENGTH
from archiv.web import create_app
from archiv.web.params import MAX_PAGE_SIZE, MAX_RESULT_WINDOW
from archiv.web.render import snippet_html

from .conftest import HIT_KEYS, SAMPLES, run
from .web_support import CITED_BY_XSS, XSS_BETREFF_PARTS, XSS_SAMPLE, build_index, record_of

ATOM = "{http://www.w3.org/2005/Atom}"
FEUERWEHR = SAMPLES / "pdf" / "lindenau_ds-47-2025_feuerwehrhaus.pdf"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("web-index"))


@pytest.fixture(scope="module")
def client(index: Path) -> Iterator[TestClient]:
    with TestClient(create_app(index, base_url="https://archiv.example")) as c:
        yield c


def hit_ids(client: TestClient, **params: str) -> list[str]:
    response = client.get("/api/search", params={"pro_seite": str(MAX_PAGE_SIZE), **params})
    assert response.status_code == 200, response.text
    return [h["id"] for h in response.json()["hits"]]


# -- search page -------------------------------------------------------------------------------


def test_search_page_shows_hits_facets_and_shareable_filter_links(client: TestClient, index: Path) -> None:
    page = client.get("/", params={"q": "Friedhof"})
    assert page.status_code == 200
    html = page.text
    assert '<html lang="de">' in html and "<main" in html and 'role="search"' in html
    assert '<label for="q">Suchbegriffe</label>' in html
    assert "2 Treffer für „Friedhof“" in html
    bv = record_of(index, CITED_BY_XSS)
    assert f'href="/vorlage/{bv.id}"' in html and "BV/0235/2025" in html and "14.10.2025" in html
    assert "<mark>Friedhöfe</mark>" in html  # the snippet's highlight survives as markup
    # A facet value is a link carrying the query and the filter: the result page can be shared.
    link = re.search(r'href="(/\?q=Friedhof&amp;gremium=Rat)">Rat <span class="count">1</span>', html)
    assert link, "facet link for Gremium Rat with its count"
    filtered = client.get(link.group(1).replace("&amp;", "&"))
    assert "1 Treffer für „Friedhof“" in filtered.text
    assert 'aria-current="true"' in filtered.text and "Gremium: Rat" in filtered.text
    assert f'href="/vorlage/{bv.id}"' in filtered.text


def test_search_page_pages_and_sorts(client: TestClient) -> None:
    first = client.get("/", params={"pro_seite": "4"}).text
    total = len(hit_ids(client))
    assert f"Seite 1 von {-(-total // 4)}" in first
    assert 'rel="next" href="/?pro_seite=4&amp;seite=2"' in first
    one = hit_ids(client, pro_seite="4", seite="1")
    two = hit_ids(client, pro_seite="4", seite="2")
    assert len(one) == 4 and two and not set(one) & set(two)

    def dates(sort: str) -> list[str]:
        hits = client.get("/api/search", params={"sortierung": sort, "pro_seite": "100"}).json()["hits"]
        return [h["datum"] for h in hits if h["datum"]]

    assert dates("neueste") == sorted(dates("neueste"), reverse=True)
    assert dates("aelteste") == sorted(dates("aelteste"))
    assert '<option value="" selected>Relevanz, ohne Suchbegriffe neueste zuerst</option>' in first
    chosen = client.get("/", params={"q": "Rat", "sortierung": "aelteste"}).text
    assert '<option value="aelteste" selected>Älteste zuerst</option>' in chosen


def test_date_range_filters(client: TestClient) -> None:
    september = client.get("/api/search", params={"von": "01.09.2025", "bis": "2025-09-30"}).json()
    assert {h["vorlage_nr"] for h in september["hits"]} == {"DS 47/2025", "DS 51/2025"}
    assert september["total"] == 2
    page = client.get("/", params={"von": "2025-09-01", "bis": "2025-09-30"}).text
    assert "Datum 01.09.2025 bis 30.09.2025" in page and 'value="2025-09-01"' in page


def test_api_search_is_the_cli_json_contract(client: TestClient, index: Path) -> None:
    api = client.get("/api/search", params={"q": "Kita", "pro_seite": "10"}).json()
    cli = json.loads(run("search", "Kita", "--index", index, "--format", "json").output)
    assert {"total", "hits", "facets"} <= set(api)
    assert set(api["hits"][0]) == HIT_KEYS
    assert api == cli


def test_api_vorlage_is_the_stored_record(client: TestClient, index: Path) -> None:
    record = record_of(index, FEUERWEHR)
    response = client.get(f"/api/vorlagen/{record.id}")
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(record.to_dict()))
    missing = client.get("/api/vorlagen/0123456789abcdef")
    assert missing.status_code == 404 and missing.json() == {"error": "Diese Vorlage gibt es im Archiv nicht."}


# -- Vorlage page ------------------------------------------------------------------------------


def test_vorlage_page_shows_every_field_and_the_beschlusslauf_in_order(client: TestClient, index: Path) -> None:
    record = record_of(index, FEUERWEHR)
    html = client.get(f"/vorlage/{record.id}").text
    for label in ("Vorlage-Nr.", "Aktenzeichen", "Art", "Datum", "Öffentlich", "Körperschaft", "Federführung",
                  "Beteiligungen", "Produkt", "Beschlusslauf", "Beschlussvorschlag", "Begründung", "Anlagen",
                  "Im Text erkannt", "Quelle", "Volltext"):  # fmt: skip
        assert label in html, label
    for value in (record.vorlage_nr, record.aktenzeichen, record.art, "02.09.2025", record.koerperschaft,
                  record.fachbereich, *record.beteiligungen, *record.anlagen,
                  *record.entities["rechtsnormen"], *record.entities["betraege"]):  # fmt: skip
        assert value and value in html, value
    rows = re.findall(r'<th scope="row">([^<]+)</th>', html)
    assert rows == [r.gremium for r in record.beschlusslauf]
    assert f'href="/datei/{record.id}"' in html
    assert 'DS 12/2024 <span class="none">(nicht im Archiv)</span>' in html


def test_vorlage_page_links_same_aktenzeichen_and_cited_vorlagen(client: TestClient, index: Path) -> None:
    mv, bv = record_of(index, XSS_SAMPLE), record_of(index, CITED_BY_XSS)
    assert mv.aktenzeichen == bv.aktenzeichen and "BV/0235/2025" in mv.entities["vorlagen"]
    mv_page = client.get(f"/vorlage/{mv.id}").text
    cited = mv_page.split('id="bezieht-sich-auf"')[1].split('id="gleiches-az"')[0]
    same = mv_page.split('id="gleiches-az"')[1].split('id="quelle"')[0]
    assert f'<a href="/vorlage/{bv.id}">BV/0235/2025</a>' in cited
    assert f'<a href="/vorlage/{bv.id}">BV/0235/2025</a>' in same
    bv_same = client.get(f"/vorlage/{bv.id}").text.split('id="gleiches-az"')[1]
    assert f'<a href="/vorlage/{mv.id}">MV/0241/2025</a>' in bv_same


def test_unknown_or_malformed_ids_are_404(client: TestClient) -> None:
    for path in ("/vorlage/0123456789abcdef", "/vorlage/DS%2047", "/vorlage/..%2F..%2Fetc%2Fpasswd", "/nirgends"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Nicht gefunden" in response.text and '<html lang="de">' in response.text


# -- files -------------------------------------------------------------------------------------


def test_datei_serves_the_original_with_its_name_and_type(client: TestClient, index: Path) -> None:
    pdf = record_of(index, FEUERWEHR)
    response = client.get(f"/datei/{pdf.id}")
    assert response.status_code == 200
    assert response.content == FEUERWEHR.read_bytes()
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f"attachment; filename=\"{FEUERWEHR.name}\"; filename*=UTF-8''{FEUERWEHR.name}"
    )
    html = client.get(f"/datei/{record_of(index, XSS_SAMPLE).id}")
    assert html.content == XSS_SAMPLE.read_bytes()
    # The page is Latin-1 and says so itself; no charset is claimed, and it may never run as our origin.
    assert html.headers["content-type"] == "text/html"
    assert html.headers["content-security-policy"].startswith("sandbox")


def test_datei_only_serves_files_the_store_knows(client: TestClient) -> None:
    for path in ("/datei/0123456789abcdef", "/datei/..%2F..%2Fetc%2Fpasswd", "/datei/%2e%2e", "/datei/records.sqlite3"):
        assert client.get(path).status_code == 404, path


def test_datei_of_a_changed_file_referenced_in_place_is_refused(tmp_path: Path) -> None:
    original = tmp_path / "eingang" / "vorlage.txt"
    original.parent.mkdir()
    shutil.copy(SAMPLES / "text" / "wesertal_0398-2024_kita_ausbau.txt", original)
    index = tmp_path / "index"
    assert run("ingest", original, "--index", index, "--quiet", "--no-copy").exit_code == 0
    with TestClient(create_app(index)) as c:
        vid = c.get("/api/search").json()["hits"][0]["id"]
        first = c.get(f"/datei/{vid}")
        assert first.status_code == 200 and first.content == original.read_bytes()
        assert first.headers["content-type"] == "text/plain"
        original.write_text("etwas ganz anderes", encoding="utf-8")
        changed = c.get(f"/datei/{vid}")
        assert changed.status_code == 404 and "nicht mehr vorhanden" in changed.text


# -- OParl and feed ----------------------------------------------------------------------------


def test_oparl_paper(client: TestClient, index: Path) -> None:
    bv, mv = record_of(index, CITED_BY_XSS), record_of(index, XSS_SAMPLE)
    paper = client.get(f"/oparl/paper/{bv.id}").json()
    base = "https://archiv.example"  # the configured base URL, not the request's host (testserver)
    assert paper["id"] == f"{base}/oparl/paper/{bv.id}"
    assert paper["type"] == "https://schema.oparl.org/1.1/Paper"
    assert (paper["name"], paper["reference"], paper["date"], paper["paperType"]) == (
        bv.betreff, "BV/0235/2025", "2025-10-14", "Beschlussvorlage",
    )  # fmt: skip
    consultations = paper["consultation"]
    assert [c["archiv:gremium"] for c in consultations] == [r.gremium for r in bv.beschlusslauf]
    assert [c["role"] for c in consultations] == ["Vorberatung", "Vorberatung", "Entscheidung"]
    assert [c["authoritative"] for c in consultations] == [False, False, True]
    assert all(c["type"] == "https://schema.oparl.org/1.1/Consultation" and c["paper"] == paper["id"]
               for c in consultations)  # fmt: skip
    main_file = paper["mainFile"]
    assert main_file["fileName"] == CITED_BY_XSS.name and main_file["mimeType"] == "text/html"
    assert main_file["accessUrl"].startswith(f"{base}/oparl/access/{bv.id}/")
    assert client.get(main_file["accessUrl"].removeprefix(base)).content == CITED_BY_XSS.read_bytes()
    assert paper["web"] == f"{base}/vorlage/{bv.id}"
    cited = client.get(f"/oparl/paper/{mv.id}").json()
    assert cited["relatedPaper"] == [paper["id"]]
    assert client.get("/oparl/paper/0123456789abcdef").status_code == 404


def test_feed_is_atom_newest_first(client: TestClient, index: Path) -> None:
    response = client.get("/feed", params={"q": "Rat OR Gemeinderat OR Kreistag"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "archiv: „Rat OR Gemeinderat OR Kreistag“"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 3
    # Newest Vorlage first; those that print no date at all come last (their <updated> is the ingest time).
    newest = hit_ids(client, q="Rat OR Gemeinderat OR Kreistag", sortierung="neueste")
    assert [e.find(f"{ATOM}link").get("href").rsplit("/", 1)[1] for e in entries] == newest
    records = [client.get(f"/api/vorlagen/{i}").json() for i in newest]
    dates = [r["datum"] or next((b["datum"] for b in r["beschlusslauf"] if b["datum"]), None) for r in records]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert feed.find(f"{ATOM}updated").text == max(updated)
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/vorlage/")
    page = client.get(link.removeprefix("http://testserver"))
    assert page.status_code == 200 and entries[0].find(f"{ATOM}title").text.split(" · ", 1)[1] in page.text.replace(
        "&#34;", '"'
    )
    assert client.get("/feed", params={"q": 'Kita "offen'}).status_code == 400


# -- safety ------------------------------------------------------------------------------------


def test_xss_sample_renders_as_text_everywhere(client: TestClient, index: Path) -> None:
    record = record_of(index, XSS_SAMPLE)
    assert all(part in record.betreff for part in XSS_BETREFF_PARTS)  # the record holds the raw characters
    pages = {
        "vorlage": client.get(f"/vorlage/{record.id}").text,
        "search": client.get("/", params={"q": "onerror"}).text,
        "search-all": client.get("/").text,
    }
    for name, html in pages.items():
        assert "<script>alert" not in html and "<img src=x" not in html and "<img" not in html, name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, name
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html, name
        assert "<script" not in html, name  # the UI itself needs no script at all
    # The search snippet keeps its <mark> and nothing else.
    assert "<mark>onerror</mark>" in pages["search"]
    feed = client.get("/feed", params={"q": "onerror"})
    assert b"<script>" not in feed.content and b"<img" not in feed.content
    title = ET.fromstring(feed.content).find(f"{ATOM}entry/{ATOM}title").text
    assert title == f"MV/0241/2025 · {record.betreff}"
    api = client.get(f"/api/vorlagen/{record.id}").json()
    assert api["betreff"] == record.betreff  # JSON carries data, not markup


def test_snippet_markup_allows_only_mark() -> None:
    assert str(snippet_html("a <mark>Kita</mark> &amp; b")) == "a <mark>Kita</mark> &amp; b"
    hostile = 'x <script>alert(1)</script> <mark onclick="y">z</mark> <mark>ok'
    out = str(snippet_html(hostile))
    assert "<script>" not in out and "onclick" not in out.replace("&lt;mark onclick", "")
    assert out.endswith("<mark>ok</mark>")


def test_limits_on_query_page_size_depth_and_wildcards(client: TestClient) -> None:
    cases = {
        "q": ("x" * (MAX_QUERY_LENGTH + 1), "zu lang"),
        "pro_seite": (str(MAX_PAGE_SIZE + 1), "Treffer pro Seite"),
        "seite": (str(MAX_RESULT_WINDOW), "ersten 1000 Treffer"),
        "jahr": ("20x5", "vierstellig"),
        "von": ("gestern", "kein Datum"),
        "sortierung": ("zufall", "Unbekannte Sortierung"),
    }
    for name, (value, message) in cases.items():
        api = client.get("/api/search", params={name: value})
        assert api.status_code == 400 and message in api.json()["error"], name
        page = client.get("/", params={name: value})
        assert page.status_code == 400 and message in page.text and 'role="alert"' in page.text, name
        assert '<input id="q" name="q"' in page.text  # the form is still there to fix the search
    short = client.get("/api/search", params={"q": "Ki*"}).json()
    assert "mindestens 3 Zeichen" in short["error"]
    assert client.get("/api/search", params={"q": "Kit*"}).status_code == 200
    many = " OR ".join(f"abc{i}*" for i in range(6))
    assert "Höchstens 5" in client.get("/api/search", params={"q": many}).json()["error"]
    syntax = client.get("/", params={"q": 'Kita "offen'})
    assert "Fehler in der Suchanfrage an Stelle 6: Anführungszeichen nicht geschlossen." in syntax.text
    assert 'value="Kita &#34;offen"' in syntax.text


def test_read_only_and_security_headers(client: TestClient, index: Path) -> None:
    vid = record_of(index, FEUERWEHR).id
    for method, path in (
        ("POST", "/"),
        ("POST", "/api/search"),
        ("PUT", f"/datei/{vid}"),
        ("DELETE", f"/vorlage/{vid}"),
    ):
        response = client.request(method, path)
        assert response.status_code == 405, (method, path)
    assert client.post("/api/search").json() == {"error": "Das Archiv kann hier nur gelesen werden."}
    headers = client.get("/").headers
    assert "script-src" not in headers["content-security-policy"]
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert headers["x-content-type-options"] == "nosniff"
    css = client.get("/static/archiv.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


def test_serve_command_is_documented_and_checks_the_index(tmp_path: Path) -> None:
    help_text = run("serve", "--help")
    assert help_text.exit_code == 0 and "--public" in help_text.output and "--port" in help_text.output
    missing = run("serve", "--index", tmp_path / "nichts", "--port", "8999")
    assert missing.exit_code == ExitCode.INDEX
    assert missing.output.startswith(f"error: no archive in {tmp_path / 'nichts'}")


def test_vorlage_page_lists_similar_vorlagen(client: TestClient, index: Path) -> None:
    # both Elmshagen papers deal with the Friedhof (fees and an online form for it): each is like the other
    mv, bv = record_of(index, XSS_SAMPLE), record_of(index, CITED_BY_XSS)
    similar = client.get(f"/vorlage/{mv.id}").text.split('id="aehnliche"')[1].split('id="quelle"')[0]
    links = re.findall(r'<a href="/vorlage/([0-9a-f]+)">', similar)
    assert bv.id in links and mv.id not in links
    assert len(links) <= 5
