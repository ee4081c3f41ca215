"""The original Vorlage this project started from (../shared/seeds), every field."""

from __future__ import annotations

import json

import pytest

from .conftest import SEED, run

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not here")


def test_seed_every_field() -> None:
    result = run("extract", SEED, "--format", "json")
    assert result.exit_code == 0, result.output
    [r] = json.loads(result.output)
    assert r["vorlage_nr"] == "1557-2018/DaDi"
    assert r["aktenzeichen"] == "413-017"
    assert r["koerperschaft"] == "Landkreis Darmstadt-Dieburg"
    assert r["fachbereich"] == "B - Kreisbeigeordnete"
    assert r["beteiligungen"] == [
        "EB - Erster Kreisbeigeordneter",
        "L - Landrat",
        "111 - Büro für Chancengleichheit",
        "120 - Büro für Migration und Inklusion",
        "520 - Planung, Zentrale Angelegenheiten",
        "541 - Zuwanderung und Flüchtlinge",
        "620 - Volkshochschule",
    ]
    assert r["produkt"] == {"nummer": "1.01.01.01", "bezeichnung": "Verwaltungsführung und -steuerung"}
    assert [(b["nr"], b["gremium"], b["oeffentlich"], b["zustaendigkeit"]) for b in r["beschlusslauf"]] == [
        ("1", "Kreisausschuss", False, "Zur vorbereitenden Beschlussfassung"),
        ("2", "Ausschuss für Gleichstellung, Generationen und Soziales", True, "Zur vorbereitenden Beschlussfassung"),
        ("2", "Haupt- und Finanzausschuss", True, "Zur vorbereitenden Beschlussfassung"),
        ("3", "Kreistag", True, "Zur abschließenden Beschlussfassung"),
    ]
    assert r["betreff"].startswith('Erarbeitete Haltung für den "Masterplan Integration in Arbeit"')
    assert r["betreff"].endswith("in Kooperation mit der Bertelsmann-Stiftung")
    assert r["beschlussvorschlag"].startswith("Der Kreistag beschließt die im Rahmen des Projektes")
    assert r["begruendung"].startswith("Die Arbeitsmarktintegration von Geflüchteten stellt")
    assert r["begruendung"].endswith("die notwendige politische Unterstützung erfährt.")
    assert r["begruendung"].count("\n\n") == 5  # six paragraphs
    assert r["anlagen"] == ["Haltung für den Masterplan Integration in Arbeit"]
    # The seed prints no date, no kind and no public status: null, not a guess.
    assert r["datum"] is None and r["art"] is None and r["oeffentlich"] is None
    assert "**" not in r["text"] and "<i>" not in r["text"]
    assert r["source"]["format"] == "text" and r["id"] == r["source"]["sha256"][:16]
    assert "Kreistag" in r["entities"]["gremien"]


def test_seed_found_by_aktenzeichen_in_any_spelling(sample_index) -> None:
    for typed in ("aktenzeichen:413/017", "aktenzeichen:413-017", 'aktenzeichen:"413 017"', "413/017"):
        result = run("search", typed, "--index", sample_index, "--format", "json")
        hits = json.loads(result.output)["hits"]
        assert hits and hits[0]["vorlage_nr"] == "1557-2018/DaDi", typed
    for typed in ("Az. 413 017", "413/017", "1557/2018/DaDi", "1557-2018-dadi"):
        result = run("show", typed, "--index", sample_index, "--format", "json")
        assert result.exit_code == 0, typed
        assert [r["aktenzeichen"] for r in json.loads(result.output)] == ["413-017"]
