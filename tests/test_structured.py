"""OParl Paper and DOCX input, OParl export, and --explain (where each field was read)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from archiv.errors import ExitCode

from .conftest import SAMPLES, run

OPARL = SAMPLES / "oparl" / "auenfels_ds-2026-021_hallenbad.json"


def test_oparl_paper_fields_come_from_the_metadata() -> None:
    [record] = json.loads(run("extract", OPARL, "--format", "json").output)
    assert record["source"]["format"] == "oparl"
    assert (record["vorlage_nr"], record["art"], record["datum"]) == ("DS 2026/021", "Mitteilungsvorlage", "2026-01-20")
    assert record["provenance"]["betreff"] == {"source": "metadata"}
    # the Consultation with an embedded Organization becomes a row; the one with a bare URL cannot
    assert [r["gremium"] for r in record["beschlusslauf"]] == ["Ausschuss für Sport und Freizeit"]


def test_oparl_main_file_beside_the_json_is_read(tmp_path: Path) -> None:
    paper = json.loads(OPARL.read_text(encoding="utf-8"))
    del paper["mainFile"]["text"]
    paper["mainFile"]["fileName"] = "vorlage.txt"
    shutil.copy(SAMPLES / "text" / "wesertal_0412-2024_schulsanierung.txt", tmp_path / "vorlage.txt")
    (tmp_path / "paper.json").write_text(json.dumps(paper), encoding="utf-8")
    [record] = json.loads(run("extract", tmp_path / "paper.json", "--format", "json").output)
    assert "Weserlandgymnasium" in record["text"]
    assert record["vorlage_nr"] == "DS 2026/021"  # the metadata wins over the text's own number
    assert record["beschlussvorschlag"]  # read from the linked file's text


def test_json_list_of_papers_gives_one_record_each_and_other_json_is_refused(tmp_path: Path) -> None:
    # Issue 10: a list of Papers (or an OParl API page) is read Paper by Paper, no longer refused.
    two = tmp_path / "zwei.json"
    paper = json.loads(OPARL.read_text(encoding="utf-8"))
    other = dict(paper, reference="DS 2026/022", name="Freibad: Öffnungszeiten")
    two.write_text(json.dumps({"data": [paper, other, paper]}), encoding="utf-8")
    result = run("extract", two, "--format", "json")
    assert result.exit_code == 0
    assert [r["vorlage_nr"] for r in json.loads(result.output)] == ["DS 2026/021", "DS 2026/022"]
    meeting = tmp_path / "andere.json"
    meeting.write_text('{"type": "https://schema.oparl.org/1.1/Meeting", "name": "Sitzung"}', encoding="utf-8")
    result = run("extract", meeting)
    assert result.exit_code == ExitCode.INPUT_FILE
    assert "JSON, but not an OParl Paper" in result.output


def test_docx_tables_give_fields_and_beschlusslauf() -> None:
    [record] = json.loads(run("extract", next((SAMPLES / "docx").glob("*.docx")), "--format", "json").output)
    assert record["source"]["format"] == "docx"
    assert record["fachbereich"] == "Amt 67 – Grünflächen und Umwelt"
    assert [(r["gremium"], r["oeffentlich"]) for r in record["beschlusslauf"]] == [
        ("Ausschuss für Umwelt und Klimaschutz", True),
        ("Stadtrat", True),
    ]


def test_export_oparl_papers_with_consultations(sample_index: Path) -> None:
    result = run("export", "--index", sample_index, "--format", "oparl", "--base-url", "https://archiv.example")
    papers = json.loads(result.output)
    seed_like = next(p for p in papers if p["reference"] == "DS 47/2025")
    assert seed_like["type"] == "https://schema.oparl.org/1.1/Paper"
    assert seed_like["id"].startswith("https://archiv.example/")
    assert [c["role"] for c in seed_like["consultation"]][-1] == "Beratung und Beschlussfassung"


def test_explain_shows_the_line_each_field_came_from() -> None:
    result = run("extract", SAMPLES / "pdf" / "lindenau_ds-47-2025_feuerwehrhaus.pdf", "--explain")
    assert result.exit_code == 0
    out = result.output
    assert "aktenzeichen: 37.10.02\n      ← p.1: Aktenzeichen: »37.10.02«" in out
    assert "datum: 2025-09-02\n      ← p.1: Telefon: 05064 9411-32 »02.09.2025«" in out
    assert "vorlage_nr: DS 47/2025\n      ← p.1: »DS 47/2025«" in out
    # a field the document lacks is said to be null, not explained away
    assert "produkt: null" in out


def test_explain_points_each_beschlusslauf_row_at_its_own_line() -> None:
    # the BVV consults this Antrag twice: the second row is the line with the second date
    result = run("extract", SAMPLES / "html" / "havelwerder_ds-0817-vi_trinkbrunnen.html", "--explain")
    rows = result.output.split("beschlusslauf:")[1].split("beschlussvorschlag:")[0]
    assert "← p.1: 12.06.2025\t»Bezirksverordnetenversammlung Havelwerder«" in rows
    assert "← p.1: 10.07.2025\t»Bezirksverordnetenversammlung Havelwerder«" in rows
