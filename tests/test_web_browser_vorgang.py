"""The Vorgang timeline, the decisions of a Vorlage and the counts chart in a real browser, with
scripts off (the pages run none). Shares the server and browser of test_web_browser.py; screenshots
go to test-artifacts/web/."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SAMPLES, run
from .test_web_browser import browser, context, screenshot, server  # noqa: F401  (fixtures)
from .web_support import build_index, record_of

VORLAGE_12 = SAMPLES / "minutes" / "quellbrunn_ds-12-2023_dorfplatz.txt"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples of test_web_browser.py and the minutes samples with the Vorlagen they decide."""
    target = build_index(tmp_path_factory.mktemp("browser-minutes-index"))
    result = run("ingest", SAMPLES / "minutes", "--index", target, "--quiet")
    assert result.exit_code == 0, result.output
    return target


def test_timeline_decisions_and_chart_without_javascript(browser, server: str, index: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    ctx = context(browser, java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    v = record_of(index, VORLAGE_12)

    # The Vorlage: its decisions, and the outcome beside the Beschlusslauf row of that session.
    page.goto(f"{server}/vorlage/{v.id}")
    decisions = page.locator("section[aria-labelledby='beschluesse'] li")
    assert decisions.count() == 2
    assert "geändert beschlossen" in decisions.first.inner_text()
    row = page.locator("table.beschlusslauf tbody tr").filter(has_text="Bauausschuss")
    assert "geändert beschlossen" in row.inner_text()
    screenshot(page, "vorlage-beschluesse")

    # The matter: from the Vorlage page to the timeline, events in date order, the Ergänzung listed.
    page.get_by_role("link", name="Der ganze Vorgang als Zeitleiste").click()
    page.wait_for_url("**/vorgang/*")
    dates = page.locator("ol.zeitleiste time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates and dates == sorted(dates) and "2023-03-28" in dates
    assert page.locator("ol.zeitleiste li.ereignis-beschluss").count() == 2
    assert "DS 14/2023" in page.locator("section[aria-labelledby='vorlagen-des-vorgangs']").inner_text()
    screenshot(page, "vorgang-zeitleiste")

    # The search page: a server-drawn SVG chart of hits per month, its numbers also as a table.
    page.goto(f"{server}/?q=Quellbrunn")
    chart = page.locator("figure.zeitverlauf svg")
    assert chart.count() == 1 and chart.locator("rect").count() == 2
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 50
    assert "pro Monat" in page.locator("figure.zeitverlauf figcaption").inner_text()
    page.locator("figure.zeitverlauf summary").click()
    assert "Mär 2023" in page.locator("figure.zeitverlauf table").inner_text()
    screenshot(page, "suche-zeitverlauf")

    page.goto(f"{server}/statistik")
    assert "Bauausschuss" in page.locator("section[aria-labelledby='gremien-jahre']").inner_text()
    screenshot(page, "statistik")
    ctx.close()
