"""The lower text layer (archiv/text) and the format registry (archiv/parsers): one helper each,
the same answer wherever it is used."""

from __future__ import annotations

import pytest

from archiv.errors import UnsupportedFormatError
from archiv.grouping import paper_number
from archiv.parsers import FORMATS, identify, media_type, sniff
from archiv.text.distance import edit_distance
from archiv.text.keys import identifier_bases
from archiv.text.lines import dehyphenate, dehyphenate_lines, join_lines
from archiv.text.revision import split_revision
from archiv.text.status import parse_oeffentlich, status_in


def test_every_joiner_keeps_the_same_hyphens() -> None:
    # joined: a word cut at the line end; kept: before a coordinated word or a capital
    assert join_lines(["Beschlussfas-", "sung"]) == "Beschlussfassung"
    assert dehyphenate("Beschlussfas-\nsung") == "Beschlussfassung"
    assert dehyphenate_lines(["Beschlussfas-", "sung folgt"]) == ["Beschlussfassung", "folgt"]
    for word in ("und", "oder", "sowie", "bzw.", "als", "wie"):
        assert join_lines(["Haupt-", f"{word} Finanzausschuss"]).startswith(f"Haupt-{word}")  # hyphen kept
        assert dehyphenate(f"Haupt-\n{word} Finanzausschuss") == f"Haupt-\n{word} Finanzausschuss"
        assert dehyphenate_lines(["Haupt-", f"{word} Finanzausschuss"]) == ["Haupt-", f"{word} Finanzausschuss"]
    assert dehyphenate("Bau-\nAusschuss") == "Bau-\nAusschuss"


@pytest.mark.parametrize(
    ("number", "base", "suffix"),
    [
        ("DS 79/2016 – 1. Ergänzung", "DS 79/2016", "1. Ergänzung"),
        ("VII-DS-08561-NF-01", "VII-DS-08561", "NF-01"),
        ("ANT-BSV/25/61750-1", "ANT-BSV/25/61750", "1"),
        ("DS 5/2020 (Änderung)", "DS 5/2020", "Änderung"),
        ("DS 5/2020 Satzungsänderung", "DS 5/2020 Satzungsänderung", None),  # a title word, no revision
        ("VII-F-08507-AW-01", "VII-F-08507-AW-01", None),  # an answer revises nothing
        ("DS 53/2025", "DS 53/2025", None),
    ],
)
def test_one_revision_recogniser_for_extraction_keys_and_grouping(number: str, base: str, suffix: str | None) -> None:
    assert split_revision(number) == (base, suffix)
    # grouping and the identifier keys agree with it
    assert paper_number(number)[1] == suffix
    assert bool(identifier_bases(number)) == (suffix is not None)


def test_status_words() -> None:
    assert parse_oeffentlich("nicht-öffentlich") is False
    assert parse_oeffentlich("Ö") is True
    assert status_in("Niederschrift über die nichtöffentliche Sitzung") is False
    assert status_in("Niederschrift über die öffentliche Sitzung") is True
    assert status_in("Niederschrift des Rates") is None


def test_edit_distance_with_and_without_a_limit() -> None:
    assert edit_distance("Kita", "Kitas") == 1
    assert edit_distance("Haushalt", "Haushaltsplan") == 5
    assert edit_distance("Haushalt", "Haushaltsplan", limit=2) == 3


def test_the_registry_sniffs_and_names_every_format_once() -> None:
    names = [f.name for f in FORMATS]
    assert len(names) == len(set(names))
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b'{"type": "https://schema.oparl.org/1.1/Paper"}') == "oparl"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"Beschlussvorlage DS 1/2025\n") == "text"
    assert sniff("Beschlussvorlage".encode("utf-16")) == "text"
    assert media_type("pdf-ocr") == "application/pdf" and media_type("image-ocr") is None
    with pytest.raises(UnsupportedFormatError, match="zip data"):
        identify("archiv.zip", b"PK\x03\x04" + b"\x00" * 64)
    with pytest.raises(UnsupportedFormatError, match="binary data"):
        identify("blob.bin", bytes(range(32)) * 8)
