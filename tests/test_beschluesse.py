"""Decisions linked to their Vorlagen, the matter's timeline and counts over time (issue 13), on the
Quellbrunn samples (scripts/make_minutes_samples.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from starlette.testclient import TestClient

from archiv.beschluesse import same_council
from archiv.web.app import create_app

from .conftest import SAMPLES, run

VORLAGE_12 = SAMPLES / "minutes" / "quellbrunn_ds-12-2023_dorfplatz.txt"
VORLAGE_15 = SAMPLES / "minutes" / "quellbrunn_ds-15-2023_hundesteuer.txt"
BAUAUSSCHUSS = SAMPLES / "minutes" / "quellbrunn_niederschrift_bauausschuss_2023-03-07.txt"
RAT = SAMPLES / "minutes" / "quellbrunn_protokoll_rat_2023-03-28.pdf"


def _show(index: Path, ref: str) -> dict:
    [record] = _show_all(index, ref)
    return record


def test_decisions_of_both_minutes_reach_the_vorlage(sample_index: Path) -> None:
    v = _show(sample_index, "DS 12/2023")
    got = [(b["gremium"], b["datum"], b["top"], b["ergebnis"], b["stimmen"]) for b in v["beschluesse"]]
    assert got == [
        ("Bauausschuss", "2023-03-07", "2", "geändert beschlossen", {"ja": 6, "nein": 1, "enthaltung": 2}),
        ("Rat", "2023-03-28", "2", "geändert beschlossen", {"ja": 15, "nein": 4, "enthaltung": None}),
    ]
    assert "Trinkwasserbrunnen" in v["beschluesse"][0]["text"]
    minutes = _show(sample_index, v["beschluesse"][1]["niederschrift_id"])
    assert minutes["art"] == "Niederschrift" and minutes["source"]["path"].endswith(RAT.name)
    rejected = _show(sample_index, "DS 15/2023")["beschluesse"]
    assert [(b["gremium"], b["ergebnis"]) for b in rejected] == [("Rat", "abgelehnt")]


def test_show_puts_the_outcome_beside_its_beschlusslauf_row(sample_index: Path) -> None:
    out = run("show", "DS 12/2023", "--index", sample_index).output
    assert "Bauausschuss | " in out and "2023-03-07 | Vorberatung |   → geändert beschlossen" in out
    assert "Beschlüsse:" in out and "2023-03-28 Rat TOP 2: geändert beschlossen (15 Ja, 4 Nein)" in out
    agenda = run("show", "DS 15/2023", "--index", sample_index).output
    assert "abgelehnt" in agenda


def test_minutes_before_or_after_the_vorlage_and_other_councils(tmp_path: Path) -> None:
    index = tmp_path / "index"
    assert run("ingest", RAT, "--index", index, "-q").exit_code == 0  # the minutes first
    other = tmp_path / "anderswo.txt"
    other.write_text(
        "Stadt Anderswo\n\nBeschlussvorlage\n\nVorlage-Nr.: DS 15/2023\n\nBetreff:\n\nNeubau einer Brücke\n",
        encoding="utf-8",
    )
    copy = tmp_path / VORLAGE_15.name
    shutil.copy(VORLAGE_15, copy)
    assert run("ingest", copy, other, "--index", index, "-q").exit_code == 0  # the papers later
    found = {r["koerperschaft"]: r["beschluesse"] for r in _show_all(index, "DS 15/2023")}
    assert [b["ergebnis"] for b in found["Gemeinde Quellbrunn"]] == ["abgelehnt"]
    assert found["Stadt Anderswo"] == []  # same number, other council: not its decision
    assert same_council("Stadt Karlsruhe", "Karlsruhe") and same_council("Gemeinde A", "Stadt B") is False


def _show_all(index: Path, ref: str) -> list[dict]:
    result = run("show", ref, "--index", index, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # show --format json: always a list of the records found


def test_search_by_outcome_and_decision_text(sample_index: Path) -> None:
    def search(*args: str) -> dict:
        result = run("search", *args, "--index", sample_index, "--format", "json", "--limit", "50")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    rejected = search("ergebnis:abgelehnt")
    assert [h["vorlage_nr"] for h in rejected["hits"]] == ["DS 15/2023"]
    facet = search("Quellbrunn")["facets"]["ergebnis"]
    assert facet == {"geändert beschlossen": 2, "abgelehnt": 1}
    assert [h["vorlage_nr"] for h in search("Hundesteuersatzung", "--ergebnis", "abgelehnt")["hits"]] == ["DS 15/2023"]
    # words only the minutes say are found on the Vorlage they decide
    assert "DS 12/2023" in {h["vorlage_nr"] for h in search("Bänken heimischem Holz")["hits"]}


def test_vorgang_lists_related_papers_and_a_dated_timeline(sample_index: Path) -> None:
    result = run("vorgang", "DS 12/2023", "--index", sample_index, "--format", "json")
    assert result.exit_code == 0, result.output
    g = json.loads(result.output)
    relations = {(m["vorlage_nr"], m["beziehung"]) for m in g["vorlagen"]}
    assert ("DS 12/2023", "diese Vorlage") in relations and ("DS 14/2023", "Ergänzung/Neufassung") in relations
    dates = [e["datum"] for e in g["zeitleiste"] if e["datum"]]
    assert dates == sorted(dates)
    decisions = [(e["datum"], e["text"]) for e in g["zeitleiste"] if e["art"] == "beschluss"]
    assert decisions[0][0] == "2023-03-07" and "Bauausschuss" in decisions[0][1]
    assert decisions[-1][0] == "2023-03-28" and "geändert beschlossen" in decisions[-1][1]
    text = run("vorgang", "DS 14/2023", "--index", sample_index).output
    assert "Ergänzung/Neufassung von" in text and "DS 12/2023" in text


def test_counts_per_month_and_year(sample_index: Path) -> None:
    months = run("search", "Quellbrunn", "--index", sample_index, "--format", "counts", "--per", "month").output
    assert months.splitlines() == ["2023-02\t2", "2023-03\t3"]
    years = run("search", "Quellbrunn", "--index", sample_index, "--format", "counts").output
    assert years.splitlines() == ["2023\t5"]


def test_web_pages_show_decisions_timeline_chart_and_statistics(sample_index: Path) -> None:
    client = TestClient(create_app(sample_index))
    v15 = _show(sample_index, "DS 15/2023")
    page = client.get(f"/vorlage/{v15['id']}").text
    assert 'id="beschluesse"' in page and "abgelehnt" in page and f"/vorgang/{v15['id']}" in page
    assert client.get(f"/api/vorlagen/{v15['id']}").json()["beschluesse"][0]["ergebnis"] == "abgelehnt"
    minutes = client.get(f"/vorlage/{v15['beschluesse'][0]['niederschrift_id']}").text
    assert "Tagesordnung dieser Niederschrift" in minutes and "Hundesteuersatzung" in minutes
    timeline = client.get(f"/vorgang/{v15['id']}").text
    assert 'class="zeitleiste"' in timeline and "28.03.2023" in timeline
    search = client.get("/", params={"q": "Quellbrunn"}).text
    assert "<svg" in search and "<title>Mär 2023: 3</title>" in search and "<script" not in search
    filtered = client.get("/", params={"q": "Quellbrunn", "ergebnis": "abgelehnt"}).text
    assert "Ergebnis: abgelehnt" in filtered
    stats = client.get("/statistik").text
    assert "Vorlagen je Gremium und Jahr" in stats and "Bauausschuss" in stats and "abgelehnt" in stats


def test_public_site_hides_decisions_of_nonpublic_minutes(tmp_path: Path) -> None:
    index = tmp_path / "index"
    assert run("ingest", VORLAGE_15, "--index", index, "-q").exit_code == 0
    assert run("ingest", RAT, "--index", index, "-q", "--nichtoeffentlich").exit_code == 0
    vid = _show(index, "DS 15/2023")["id"]
    internal = TestClient(create_app(index)).get(f"/api/vorlagen/{vid}").json()
    assert [b["ergebnis"] for b in internal["beschluesse"]] == ["abgelehnt"]
    public = TestClient(create_app(index, public=True))
    assert public.get(f"/api/vorlagen/{vid}").json()["beschluesse"] == []
    for url in (f"/vorlage/{vid}", f"/vorgang/{vid}", "/statistik"):
        assert "abgelehnt" not in public.get(url).text, url


def test_count_series_runs_over_empty_periods_and_year_ends() -> None:
    from archiv.counts import count_by_period, from_year_facet

    months = count_by_period(["2021-11-02", "2022-01-05", None, "2022-01-30", "nicht lesbar"], "month")
    assert months.series == (("2021-11", 1), ("2021-12", 0), ("2022-01", 2)) and months.undated == 2
    years = from_year_facet({"2019": 2, "2021": 1}, total=4)
    assert years.series == (("2019", 2), ("2020", 0), ("2021", 1)) and years.undated == 1
