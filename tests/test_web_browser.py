"""The web interface in a real browser: Playwright driving Debian's Chromium against `archiv serve`.

Skipped where Playwright or Chromium is missing (.ci/run installs both). Screenshots go to
test-artifacts/web/; with ARCHIV_UPDATE_SCREENSHOTS=1 the two reference screenshots in
docs/screenshots/ are rewritten too.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from archiv.archive import Archive

from .conftest import ROOT, SAMPLES
from .web_support import XSS_BETREFF_PARTS, XSS_SAMPLE, build_index, record_of

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("ARCHIV_CHROMIUM", "/usr/bin/chromium")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
ARTIFACTS = ROOT / "test-artifacts" / "web"
REFERENCE = ROOT / "docs" / "screenshots"
ATOM = "{http://www.w3.org/2005/Atom}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("browser-index"))


@pytest.fixture(scope="module")
def server(index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`archiv serve` in its own process on a free port of 127.0.0.1."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    command = [sys.executable, "-c", "from archiv.cli import main; main()", "serve", "--index", str(index)]
    log = log_path.open("wb")  # a file, not a pipe nobody reads: the server can never block on its output
    proc = subprocess.Popen([*command, "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"archiv serve exited with {proc.returncode}: {log_path.read_text()}")
            try:
                with urllib.request.urlopen(url + "/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("archiv serve did not answer within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def context(browser, **options):  # type: ignore[no-untyped-def]
    return browser.new_context(locale="de-DE", timezone_id="Europe/Berlin", accept_downloads=True, **options)


def screenshot(page, name: str, *, reference: bool = False) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    if reference and os.environ.get("ARCHIV_UPDATE_SCREENSHOTS") == "1":
        REFERENCE.mkdir(parents=True, exist_ok=True)
        shutil.copy(target, REFERENCE / target.name)


def test_search_facet_vorlage_download_and_feed_without_javascript(browser, server: str, index: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser, java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(server + "/")
    assert page.title() == "Vorlagen durchsuchen – archiv"

    # Search: type into the labelled box and submit the form (plain GET, no script).
    page.get_by_label("Suchbegriffe").fill("Friedhof OR Rat OR Kreistag")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/?q=*")
    heading = page.locator("#treffer-titel").inner_text()
    total = int(heading.split()[0])
    assert total >= 4
    assert page.locator("aside.facets h3").all_inner_texts()[:3] == ["Gremium", "Jahr", "Art"]
    screenshot(page, "suche", reference=True)

    # Click a facet: the URL carries the filter, the count shown on the link is the new total.
    facet = page.locator("section[aria-labelledby='facette-art'] a").first
    label = facet.inner_text()
    value, count = label.rsplit(maxsplit=1)
    facet.click()
    page.wait_for_url("**art=*")
    assert int(page.locator("#treffer-titel").inner_text().split()[0]) == int(count)
    assert page.locator("ul.active").inner_text().startswith(f"Art: {value}")
    assert page.locator("aside.facets a[aria-current='true']").first.inner_text().startswith(value)
    screenshot(page, "suche-facette")

    # Open the first Vorlage.
    first = page.locator("ol.hits li.hit h3 a").first
    betreff = first.inner_text()
    first.click()
    page.wait_for_url("**/vorlage/*")
    assert page.locator("h1").inner_text() == betreff
    vid = page.url.rsplit("/", 1)[1]
    rows = page.locator("table.beschlusslauf tbody th").all_inner_texts()
    with Archive(index) as archive:
        record = archive.store.get(vid)
    assert rows == [r.gremium for r in record.beschlusslauf]
    screenshot(page, "vorlage", reference=True)

    # Download its original file.
    with page.expect_download() as info:
        page.get_by_role("link", name="Originaldatei herunterladen").click()
    download = info.value
    original = Path(record.source.path)
    assert download.suggested_filename == original.name
    saved = ARTIFACTS / "download" / download.suggested_filename
    download.save_as(str(saved))
    assert saved.read_bytes() == original.read_bytes()

    # Follow the feed of the filtered search: newest first, and its entries open the Vorlage pages.
    page.go_back()
    assert "art=" in page.url
    feed_href = page.get_by_role("link", name="Diese Suche als Feed abonnieren (Atom)").get_attribute("href")
    feed = page.request.get(server + feed_href)
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    entries = ET.fromstring(feed.body()).findall(f"{ATOM}entry")
    assert len(entries) == int(count)
    newest = page.request.get(server + feed_href.replace("/feed", "/api/search") + "&sortierung=neueste").json()
    assert [e.find(f"{ATOM}link").get("href").rsplit("/", 1)[1] for e in entries] == [h["id"] for h in newest["hits"]]
    dated = [h["datum"] for h in newest["hits"] if h["datum"]]
    assert len(dated) >= 2 and dated == sorted(dated, reverse=True)
    page.goto(entries[0].find(f"{ATOM}link").get("href"))
    assert page.locator("h1").inner_text() in entries[0].find(f"{ATOM}title").text
    ctx.close()


def test_hostile_betreff_is_text_and_runs_nothing(browser, server: str, index: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser)  # JavaScript on: a script that slipped through would run and open a dialog
    page = ctx.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    vid = record_of(index, XSS_SAMPLE).id
    for url in (f"{server}/vorlage/{vid}", f"{server}/?q=onerror"):
        page.goto(url)
        text = page.locator("main").inner_text()
        assert all(part in text for part in XSS_BETREFF_PARTS), url
        assert page.locator("main img").count() == 0 and page.locator("script").count() == 0
    screenshot(page, "xss-suche")
    page.wait_for_timeout(300)
    assert dialogs == [] and errors == []
    ctx.close()


def test_readable_on_a_phone(browser, server: str, index: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = ctx.new_page()
    vid = record_of(index, XSS_SAMPLE).id
    for name, path in (("telefon-suche", "/?q=Friedhof"), ("telefon-vorlage", f"/vorlage/{vid}")):
        page.goto(server + path)
        # No sideways scrolling of the page (the Beschlusslauf table scrolls inside its own box).
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 16, name
        screenshot(page, name)
    ctx.close()


def test_accessibility_basics(browser, server: str, index: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser)
    page = ctx.new_page()
    vid = record_of(index, XSS_SAMPLE).id
    for path in ("/?q=Friedhof", f"/vorlage/{vid}", "/nirgends"):
        page.goto(server + path)
        assert page.locator("html").get_attribute("lang") == "de"
        assert page.locator("header").count() >= 1 and page.locator("main").count() == 1
        assert page.locator("footer").count() >= 1 and page.locator("h1").count() == 1
        unlabelled = page.evaluate(
            """[...document.querySelectorAll('input:not([type=hidden]), select')]
                 .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label')).map(el => el.id)"""
        )
        assert unlabelled == [], path
        # The skip link is the first thing the keyboard reaches and leads to the content.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhalt"
    ctx.close()


# -- issue 16: phone widths, contrast, error pages, keyboard ---------------------------------------

FEUERWEHRHAUS = SAMPLES / "pdf" / "lindenau_ds-47-2025_feuerwehrhaus.pdf"  # its Beschlusslauf has an Ergebnis


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS colours given as rgb(…)."""

    def luminance(css: str) -> float:
        def channel(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(c) for c in _rgb(css))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_pages_fit_a_phone_and_the_ergebnis_is_in_view(browser, server: str, index: Path) -> None:  # type: ignore[no-untyped-def]
    vid = record_of(index, FEUERWEHRHAUS).id
    for width, path in ((390, "/?q=Friedhof"), (390, "/?q=Friedhhof"), (390, "/"), (320, f"/vorlage/{vid}")):
        ctx = context(browser, viewport={"width": width, "height": 800}, device_scale_factor=2, is_mobile=True)
        page = ctx.new_page()
        page.goto(server + path)
        # the layout viewport of a phone grows with a too wide page: measure against the device width
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        if path.startswith("/vorlage/"):
            cell = page.locator("table.beschlusslauf td.ergebnis", has_text="Einstimmig").first
            box = cell.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
            screenshot(page, "telefon-320-vorlage")
        ctx.close()


def test_facet_counts_stay_on_one_line(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser, viewport={"width": 390, "height": 800}, is_mobile=True)
    page = ctx.new_page()
    page.goto(server + "/")
    # every count shown is one box of one line (a count broken over two lines has two boxes, or one
    # box twice as high)
    lines = page.evaluate(
        """[...document.querySelectorAll('aside.facets .count')].filter(c => c.getClientRects().length)
             .map(c => [c.textContent, c.getClientRects().length, c.getBoundingClientRect().height,
                        parseFloat(getComputedStyle(c).fontSize)])"""
    )
    assert lines and all(n == 1 and height < 2 * size for _, n, height, size in lines), lines
    ctx.close()


def test_every_hit_names_its_koerperschaft_and_it_is_a_facet(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser)
    page = ctx.new_page()
    page.goto(server + "/?q=Friedhof+OR+Rat+OR+Kreistag")
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 4
    for i in range(hits.count()):
        assert "Körperschaft" in hits.nth(i).locator("dl.meta").inner_text()
    facet = page.locator("section[aria-labelledby='facette-koerperschaft'] a").first
    value, count = facet.inner_text().rsplit(maxsplit=1)
    facet.click()
    page.wait_for_url("**koerperschaft=*")
    assert int(page.locator("#treffer-titel").inner_text().split()[0]) == int(count)
    assert all(value in hits.nth(i).inner_text() for i in range(hits.count()))
    ctx.close()


def test_focus_ring_and_highlights_have_contrast(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser)
    page = ctx.new_page()
    page.goto(server + "/?q=Friedhof")
    white = "rgb(255, 255, 255)"
    page.locator("ol.hits li.hit h3 a").first.focus()
    page.keyboard.press("Shift+Tab")  # keyboard focus, so :focus-visible applies
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth,"
        " s.outlineColor]; })()"
    )
    assert ring[0] == "solid" and float(ring[1].rstrip("px")) >= 2
    assert contrast(ring[2], white) >= 3, ring
    # in the dark header the ring is light
    page.goto(server + "/nirgends")
    page.locator("#kopf-q").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    header = page.evaluate("getComputedStyle(document.querySelector('header.site')).backgroundColor")
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert contrast(ring, header) >= 3, (ring, header)
    # search words are marked by more than colour: bold and underlined, the line with 3:1 contrast
    page.goto(server + "/?q=Friedhof")
    mark = page.evaluate(
        """(() => { const s = getComputedStyle(document.querySelector('.snippet mark'));
             return [s.fontWeight, s.textDecorationLine, s.textDecorationColor, s.backgroundColor]; })()"""
    )
    assert int(mark[0]) >= 600 and "underline" in mark[1]
    assert contrast(mark[2], white) >= 3 and contrast(mark[2], mark[3]) >= 3, mark
    ctx.close()


def test_error_pages_say_fehler_and_link_the_message_to_the_field(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser)
    page = ctx.new_page()
    for path in ("/?q=" + "Haushalt+" * 200, '/?q="Friedhof', "/nirgends"):
        page.goto(server + path)
        assert "Fehler" in page.title() and len(page.title()) <= 60, page.title()
    page.goto(server + '/?q="Friedhof')
    described = page.locator("#q").get_attribute("aria-describedby").split()
    message = page.locator(f"#{described[0]}")
    assert message.get_attribute("role") == "alert" and "Anführungszeichen" in message.inner_text()
    assert page.locator("#q").get_attribute("aria-invalid") == "true"
    ctx.close()


def test_the_first_result_is_an_early_tab_stop(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser)
    page = ctx.new_page()
    page.goto(server + "/?q=Friedhof")
    first = page.locator("ol.hits li.hit h3 a").first.get_attribute("href")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zu den Treffern"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    ctx.close()


def test_no_hits_offers_the_suggestion_and_next_steps(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    ctx = context(browser, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + "/?q=Friedhhof")
    assert page.locator("#treffer-titel").inner_text().startswith("0 Treffer")
    assert page.locator("ul.next-steps li").count() >= 3
    page.locator("p.suggestion a").click()
    page.wait_for_url("**/?q=*")
    assert int(page.locator("#treffer-titel").inner_text().split()[0]) >= 1
    ctx.close()
