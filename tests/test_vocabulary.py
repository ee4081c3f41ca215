"""The label words are data (archiv/vocabulary.toml), and the Beschlusslauf readers are one module per form."""

from __future__ import annotations

import pytest

from archiv.extract import beschlusslauf
from archiv.extract.beschlusslauf import date_first, spaced, stacked, tabbed
from archiv.extract.beschlusslauf.draft import RowDraft
from archiv.extract.sections import clean_lines, match_label
from archiv.extract.vocabulary import LABELS, TABLE_COLUMNS
from archiv.models import Page
from archiv.parsers.pdf import layout_pages
from archiv.words import label_words, vocabulary


def test_every_label_kind_and_field_is_read_from_the_data_file() -> None:
    data = vocabulary()
    assert [(spec.field, spec.kind) for spec in LABELS] == [(x["field"], x["kind"]) for x in data["label"]]
    assert {spec.kind for spec in LABELS} == {"line", "list", "block", "table", "stop"}
    assert set(TABLE_COLUMNS) >= {"gremium", "datum", "ja", "nein", "enthaltung"}
    for spec in LABELS:
        assert spec.words, spec.field
        assert all(w == w.strip() and w for w in spec.words), spec.field


def test_a_pdf_page_with_any_beschlusslauf_label_is_read_for_its_layout() -> None:
    # the parser finds layout pages by the same words as the extraction: "Beratungsweg" was missing
    assert "Beratungsweg" in label_words("table")
    for word in label_words("table"):
        pages = [Page(1, f"Stadt Nirgendwo\n{word}\nRat 19.06.2025 Beratung\nBegründung …", "text")]
        assert layout_pages(pages) == [1], word
        assert match_label(f"{word}:") is not None


ROWS_SPACED = ["Beratungsfolge Termin Stand", "Ortsrat Süd 02.06.2025 Anhörung", "Rat 19.06.2025 Beratung"]
ROWS_TABBED = ["Gremium\tDatum\tZuständigkeit", "Ortsrat Süd\t02.06.2025\tAnhörung", "Rat\t19.06.2025\tBeratung"]
ROWS_DATE_FIRST = ["Datum", "Gremium", "02.06.2025 Ortsrat Süd Anhörung Ö", "19.06.2025 Rat Beratung N"]
ROWS_STACKED = [
    "Beratungsfolge",
    "02.06.2025",
    "Ortsrat Süd (Anhörung)",
    "öffentlich",
    "19.06.2025",
    "Rat",
    "öffentlich",
]


def test_each_reader_declines_the_forms_that_are_not_its_own() -> None:
    assert tabbed.read(ROWS_SPACED, 0) is None
    assert stacked.read(ROWS_SPACED, 0) is None
    assert date_first.read(ROWS_SPACED, 0) is None
    assert date_first.read(ROWS_STACKED, 0) is None
    assert stacked.read(ROWS_DATE_FIRST, 0) is None
    # the fallback reads any text
    assert spaced.read(ROWS_SPACED, 0) is not None


def _read(lines: list[str]) -> list[tuple[str, str | None, str | None]]:
    rows, _ = beschlusslauf.from_lines(clean_lines("\n".join(lines)))
    return [(r.gremium, r.datum, r.zustaendigkeit) for r in rows]


def test_every_form_gives_the_same_rows() -> None:
    want = [("Ortsrat Süd", "2025-06-02", "Anhörung"), ("Rat", "2025-06-19", "Beratung")]
    assert _read(ROWS_SPACED) == want
    assert _read(ROWS_TABBED) == want
    assert _read(ROWS_DATE_FIRST) == want
    rows, _ = beschlusslauf.from_lines(ROWS_STACKED)
    assert [(r.gremium, r.datum, r.zustaendigkeit, r.oeffentlich) for r in rows] == [
        ("Ortsrat Süd", "2025-06-02", "Anhörung", True),
        ("Rat", "2025-06-19", None, True),
    ]


def test_a_new_table_form_is_one_reader_put_in_front(monkeypatch: pytest.MonkeyPatch) -> None:
    class Pipes:
        """A made-up vendor form: "Gremium | Datum" rows."""

        @staticmethod
        def read(lines: list[str], start: int):
            if "|" not in lines[start]:
                return None
            drafts = [RowDraft(*(c.strip() for c in line.split("|"))) for line in lines[start:] if "|" in line]
            return [d.row() for d in drafts], len(lines)

    monkeypatch.setattr(beschlusslauf, "READERS", (Pipes, *beschlusslauf.READERS))
    rows, end = beschlusslauf.from_lines(["Rat | 19.06.2025"])
    assert [(r.gremium, r.datum) for r in rows] == [("Rat", "2025-06-19")]
    assert end == 1


def test_the_row_draft_is_typed() -> None:
    draft = RowDraft("Rat", "19.06.2025", "Beratung", "einstimmig")
    with pytest.raises(AttributeError):
        draft.nonsense = 1  # type: ignore[attr-defined]
    assert draft.row().datum == "2025-06-19"
