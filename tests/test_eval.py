"""`archiv eval`: per-field accuracy against a labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archiv.evaluate import COMPARE, _without_ris_prefix

from .conftest import CORPUS, SAMPLES, run


def test_eval_counts_right_and_wrong_fields(tmp_path: Path) -> None:
    labels = tmp_path / "labels" / "mini.jsonl"
    labels.parent.mkdir()
    rows = [
        {"path": "pdf/lindenau_ds-47-2025_feuerwehrhaus.pdf", "vorlage_nr": "DS 47/2025", "art": "Beschlussvorlage",
         "municipality": "Lindenau", "reference_in_text": True},
        # a wrong label: the document is a Mitteilungsvorlage with another number
        {"path": "pdf/lindenau_ds-51-2025_ortsdurchfahrt_mitteilung.pdf", "vorlage_nr": "DS 99/2025",
         "art": "Beschlussvorlage", "municipality": "Lindenau", "reference_in_text": True},
        {"path": "text/wesertal_0412-2024_schulsanierung.txt", "vorlage_nr": "nicht gedruckt",
         "municipality": "Wesertal", "reference_in_text": False},
    ]  # fmt: skip
    labels.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    misses = tmp_path / "misses.jsonl"
    result = run("eval", labels, "--root", SAMPLES, "--misses", misses, "-q")
    assert result.exit_code == 0, result.output
    assert "| Lindenau | 50.0% (1/2) | – | 50.0% (1/2) | – |" in result.output
    assert "| Wesertal | – | – | – | – |" not in result.output  # not printed: nothing to score
    wrong = [json.loads(line) for line in misses.read_text(encoding="utf-8").splitlines()]
    assert {(m["field"], m["got"]) for m in wrong} == {("vorlage_nr", "DS 51/2025"), ("art", "Mitteilungsvorlage")}


@pytest.mark.skipif(not (CORPUS / "labels" / "dev.jsonl").exists(), reason="../shared/corpus is not here")
def test_eval_on_the_dev_labels(capsys: pytest.CaptureFixture[str]) -> None:
    result = run("eval", CORPUS / "labels" / "dev.jsonl", "-q")
    assert result.exit_code == 0
    with capsys.disabled():
        print("\n" + result.stdout)
    accuracy = _table(result.stdout)["**all**"]
    # The issue's goals: vorlage_nr >= 99 %, art >= 95 %, betreff >= 97 % (not met: 95 % is this version's
    # floor; most misses are titles the RIS retyped, see the issue's closing note).
    assert accuracy["vorlage_nr"] >= 0.99
    assert accuracy["betreff"] >= 0.95
    assert accuracy["art"] >= 0.95


def _table(output: str) -> dict[str, dict[str, float]]:
    """The eval table as {source: {column: accuracy}} (cells "95.0% (19/20)"; "–" left out)."""
    rows = [line for line in output.splitlines() if line.startswith("| ") and not line.startswith("|---")]
    head = [c.strip() for c in rows[0].strip("|").split("|")]
    table: dict[str, dict[str, float]] = {}
    for line in rows[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        table[cells[0]] = {
            h: float(c.split("%")[0]) / 100 for h, c in zip(head[1:], cells[1:], strict=True) if "%" in c
        }
    return table


@pytest.mark.skipif(not (CORPUS / "labels" / "fields.jsonl").exists(), reason="../shared/corpus is not here")
def test_eval_of_every_field_on_the_hand_read_labels(
    pytestconfig: pytest.Config, capsys: pytest.CaptureFixture[str]
) -> None:
    ocr = pytestconfig.cache.mkdir("archiv-eval-ocr")  # the Köln scans are OCRed once, not on every run
    result = run("eval", CORPUS / "labels" / "fields.jsonl", "--ocr-cache", ocr, "-q")
    assert result.exit_code == 0, result.output
    with capsys.disabled():
        print("\n" + result.stdout)
    table = _table(result.stdout)
    # The issue's goal is 95 % of all fields and no council below 85 %; these floors are what this
    # version reaches (see README, "Measuring the extraction"), so a change that loses fields fails here.
    assert table["**all**"]["all fields"] >= ALL_FIELDS_FLOOR
    worst = min(row["all fields"] for name, row in table.items() if name != "**all**")
    assert worst >= COUNCIL_FLOOR, table
    for name in ("beschlusslauf", "anlagen", "beteiligungen", "begruendung_prefix", "beschlussvorschlag_prefix"):
        assert name in table["**all**"]  # every field of the labels is scored


ALL_FIELDS_FLOOR = 0.95  # the goal of issue 17
COUNCIL_FLOOR = 0.85


def test_every_field_is_compared_the_way_a_reader_would() -> None:
    # prefixes: ours begins with the label's first 80 characters, whitespace and hyphenation set aside
    assert COMPARE["beschlussvorschlag_prefix"]("Der Rat be-\nschließt  die Satzung.", "Der Rat beschließt die")
    assert not COMPARE["beschlussvorschlag_prefix"]("Begründung: Der Rat beschließt", "Der Rat beschließt")
    assert COMPARE["begruendung_prefix"](None, None)
    assert not COMPARE["begruendung_prefix"]("Text", None)  # a begruendung where the paper has none is wrong
    # lists: one entry per attachment, in order; two merged into one is a miss
    assert COMPARE["anlagen"](["Lageplan", "Kosten"], ["Lageplan", "Kosten"])
    assert not COMPARE["anlagen"](["Lageplan Kosten"], ["Lageplan", "Kosten"])
    assert COMPARE["beteiligungen"](["Amt 61", "Amt 20"], ["Amt 20", "Amt 61"])
    # an empty field is right only where the paper prints nothing
    assert COMPARE["vorlage_nr"](None, None)
    assert not COMPARE["vorlage_nr"]("12/2025", None)
    assert COMPARE["vorlage_nr"]("2017/467", "2017/0467")
    assert COMPARE["koerperschaft"]("Stadt  Trier", "Stadt Trier")
    assert COMPARE["art"](None, None)
    rows = [{"gremium": "Rat", "datum": "2025-06-24"}]
    assert COMPARE["beschlusslauf"](rows, [{"gremium": "Rat ", "datum": "2025-06-24", "ergebnis": None}])
    assert not COMPARE["beschlusslauf"]([], rows)


def test_labels_in_the_ris_form_count_as_the_printed_form() -> None:
    # the RIS prefixes kind and originator to the printed subject, and types both kinds of motion as one
    assert COMPARE["betreff"]("Busunfall am Markt", "Busunfall am Markt")
    assert not COMPARE["betreff"]("Busunfall am Markt", "Anfrage SPD: Busunfall am Markt")
    assert _without_ris_prefix("Busunfall am Markt", "Anfrage SPD: Busunfall am Markt")
    assert _without_ris_prefix("Neue Radwege", "Neue Radwege - Antrag CDU-Fraktion")
    assert not _without_ris_prefix("Radwege", "Anfrage SPD: Neue Radwege")
    assert COMPARE["betreff"]("IT-moderne Schule – Zwischenbericht", "IT-moderne Schule - Zwischenbericht")
    assert COMPARE["art"]("Änderungsantrag", "Änderungs-/Ergänzungsantrag")
    assert COMPARE["art"]("Ergänzungsantrag", "Änderungs-/Ergänzungsantrag")
    assert not COMPARE["art"]("Antrag", "Änderungs-/Ergänzungsantrag")
    assert not COMPARE["art"]("Anfrage", "Beschlussvorlage")
