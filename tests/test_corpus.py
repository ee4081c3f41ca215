"""The real council documents of ../shared/corpus (skipped where it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archiv.detect import open_source
from archiv.extract import extract
from archiv.extract.normalize import identifier_key
from archiv.parsers import parse

from .conftest import CORPUS

pytestmark = pytest.mark.skipif(not (CORPUS / "labels" / "dev.jsonl").exists(), reason="../shared/corpus is not here")
NORDSTEMMEN_PDF = CORPUS / "nordstemmen" / "pdf" / "fernwaerme-adensen"


def _record(path: Path):
    source, data = open_source(path)
    return extract(parse(source, data))


def _same_text(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def test_dev_labels_nordstemmen_texts(capsys: pytest.CaptureFixture[str]) -> None:
    """vorlage_nr and betreff against the RIS labels of the 400 Nordstemmen texts."""
    labels = [json.loads(line) for line in (CORPUS / "labels" / "dev.jsonl").open(encoding="utf-8")]
    labels = [d for d in labels if d["municipality"] == "Gemeinde Nordstemmen" and d["path"].endswith(".txt")]
    nr_ok = betreff_ok = 0
    for d in labels:
        r = _record(CORPUS / d["path"])
        # The RIS prints "DS 26/2007" where older documents print "Drucksache Nr. 26/2007": compare loosely.
        nr_ok += identifier_key(r.vorlage_nr or "") == identifier_key(d["vorlage_nr"])
        betreff_ok += _same_text(r.betreff, d["betreff"])
    n = len(labels)
    with capsys.disabled():
        print(f"\nNordstemmen dev labels (n={n}): vorlage_nr {nr_ok / n:.1%}, betreff {betreff_ok / n:.1%}")
    assert n == 400
    assert nr_ok / n >= 0.99
    assert betreff_ok / n >= 0.90


@pytest.mark.parametrize(
    ("pdf", "expected"),
    [
        (
            "DS_53_2025/Beschlussvorlage_DS_53-2025.pdf",
            [
                ("Verwaltungsausschuss", "2025-06-17", "Beratung und Empfehlung", None),
                (
                    "Rat",
                    "2025-06-24",
                    "Beratung und Beschlussfassung",
                    "Einstimmig bei einer Enthaltung lt. Beschlussvorschlag",
                ),
            ],
        ),
        (
            "DS_12_2025/Mitteilungsvorlage_DS_12-2025.pdf",
            [
                ("Fachausschuss Klimaschutz, Bau und Umwelt", "2025-03-06", "Mitteilung", None),
                ("Verwaltungsausschuss", "2025-03-18", "Mitteilung", None),
                ("Rat", "2025-03-25", "Mitteilung", None),
            ],
        ),
        (
            "DS_75_2025/Beschlussvorlage_DS_75-2025.pdf",
            [
                (
                    "Fachausschuss Finanzen, Wirtschaftsförderung, Marketing und Feuerschutz",
                    "2025-09-09",
                    "Beratung und Empfehlung",
                    "Einstimmig",
                ),
                ("Verwaltungsausschuss", "2025-09-11", "Beratung und Empfehlung", None),
                ("Rat", "2025-09-16", "Beratung und Beschlussfassung", None),
                ("Verwaltungsausschuss", "2025-10-14", "Beratung und Empfehlung", None),
                ("Rat", "2025-10-14", "Beratung und Beschlussfassung", None),
            ],
        ),
    ],
)
def test_nordstemmen_pdf_beschlusslauf(pdf: str, expected: list[tuple]) -> None:
    r = _record(NORDSTEMMEN_PDF / pdf)
    assert [(b.gremium, b.datum, b.zustaendigkeit, b.ergebnis) for b in r.beschlusslauf] == expected


def test_nordstemmen_letterhead_fields() -> None:
    r = _record(NORDSTEMMEN_PDF / "DS_53_2025" / "Beschlussvorlage_DS_53-2025.pdf")
    assert (r.vorlage_nr, r.aktenzeichen, r.art, r.datum) == (
        "DS 53/2025",
        "(1) 11.40.90",
        "Beschlussvorlage",
        "2025-06-13",
    )
    assert r.fachbereich == "Innere Dienste und Finanzen"
    assert r.koerperschaft == "Gemeinde Nordstemmen" and r.oeffentlich is True
    assert r.betreff == "Abschluss eines Gestattungsvertrages über die Verlegung und den Betrieb von Wärmeleitungen"
    assert r.beschlussvorschlag.startswith("Die Bürgermeisterin wird beauftragt, auf der Basis des beigefügten")
    assert "Gestattungsvertrag über" in r.beschlussvorschlag  # "Ge-" + "stattungsvertrag" joined


def test_pages_without_text_layer_are_ocred_or_recorded() -> None:
    """The mixed Radverkehr Vorlage: pages 3-4 are scans. They are OCRed where Tesseract is installed,
    and never silently empty: each page records how its text was obtained."""
    import shutil

    mixed = _record(CORPUS / "nordstemmen" / "pdf" / "BeschlussvorlageRadverkehrskonzpetNordstemmen2021.pdf")
    methods = [p.method for p in mixed.source.page_methods]
    assert methods[:2] == ["text", "text"]
    if shutil.which("tesseract"):
        assert methods[2:] == ["ocr", "ocr"] and mixed.source.format == "pdf-ocr"
        assert mixed.source.ocr_confidence and mixed.source.ocr_confidence > 50
    else:
        assert methods[2:] == ["none", "none"]
