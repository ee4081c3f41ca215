"""Beschlusslauf tables that run over a page break."""

from __future__ import annotations

import json
from dataclasses import asdict

from archiv.extract.beschlusslauf import from_lines, from_tables
from archiv.extract.sections import clean_lines
from archiv.models import Page, Table
from archiv.parsers.pdf import layout_pages

HEADER = ("Beratungsfolge", "Termin", "Stand", "Abstimmung")
PAGE1 = (
    HEADER,
    ("Ortsrat Adenstedt", "02.06.2025", "Anhörung", "Einstimmig"),
    ("Verwaltungsausschuss", "10.06.2025", "Beratung und Empfehlung", ""),
)
LAST_ROW = ("Rat", "19.06.2025", "Beratung und Beschlussfassung", "")


def test_table_continued_overleaf_without_header() -> None:
    rows = from_tables((Table(1, PAGE1), Table(2, (LAST_ROW,))))
    assert [r.gremium for r in rows] == ["Ortsrat Adenstedt", "Verwaltungsausschuss", "Rat"]


def test_table_continued_overleaf_with_its_header_again() -> None:
    rows = from_tables((Table(1, PAGE1), Table(2, (HEADER, LAST_ROW))))
    assert [r.gremium for r in rows] == ["Ortsrat Adenstedt", "Verwaltungsausschuss", "Rat"]
    assert rows[-1].zustaendigkeit == "Beratung und Beschlussfassung"


def test_table_on_the_next_page_is_not_another_tables_rows() -> None:
    other = Table(3, (("Gremium", "Ja", "Nein", "Enthaltung"), ("Rat", "20", "2", "1")))
    rows = from_tables((Table(1, PAGE1), other))
    assert len(rows) == 2


def test_text_rows_go_on_after_a_page_number_line() -> None:
    text = (
        "Beratungsfolge Termin Stand Abstimmung\n"
        "Ortsrat Adenstedt 02.06.2025 Anhörung\n"
        "Verwaltungsausschuss 10.06.2025 Beratung und Empfehlung\n"
        "- 2 -\n"
        "Rat 19.06.2025 Beratung und Beschlussfassung\n"
        "\n"
        "Ausbau der Ortsdurchfahrt Adenstedt\n"
    )
    rows, _ = from_lines(clean_lines(text))
    assert [r.gremium for r in rows] == ["Ortsrat Adenstedt", "Verwaltungsausschuss", "Rat"]
    assert [r.datum for r in rows][-1] == "2025-06-19"


def test_pdf_reads_the_next_page_where_the_table_runs_to_the_end() -> None:
    pages = [
        Page(1, "Gemeinde\nBeratungsfolge Termin Stand\nOrtsrat Adenstedt 02.06.2025 Anhörung", "text"),
        Page(2, "Rat 19.06.2025 Beratung\nBetreff\nBeschlussvorschlag: …", "text"),
        Page(3, "Sachverhalt: …", "text"),
    ]
    assert layout_pages(pages) == [1, 2]
    pages[0] = Page(1, "Beratungsfolge Termin Stand\nRat 19.06.2025 Beratung\nBeschlussvorschlag: …", "text")
    assert layout_pages(pages) == [1]


def test_rows_without_a_session_date_are_kept() -> None:
    # SD.NET RIM prints committees whose session is not set yet without a date, a name wrapped over lines
    text = (
        "Beratungsfolge Sitzungstermin Stand\n"
        "SPD-Fraktion Beratung\n"
        "Ratsfraktion Die Unabhängigen in\n"
        "Beratung\n"
        "Nordhagen\n"
        "Ortsrat Süd\n"
        "Verwaltungsausschuss 29.09.2015 Beratung und Empfehlung\n"
        "Rat 13.10.2015 Beratung und Beschlussfassung\n"
        "Festsetzung der Elternbeiträge für die Kindertagesstätten\n"
        "Beschlussvorschlag:\n"
    )
    rows, end = from_lines(clean_lines(text))
    assert [(r.gremium, r.datum, r.zustaendigkeit) for r in rows] == [
        ("SPD-Fraktion", None, "Beratung"),
        ("Ratsfraktion Die Unabhängigen in Nordhagen", None, "Beratung"),
        ("Ortsrat Süd", None, None),
        ("Verwaltungsausschuss", "2015-09-29", "Beratung und Empfehlung"),
        ("Rat", "2015-10-13", "Beratung und Beschlussfassung"),
    ]
    assert clean_lines(text)[end] == "Festsetzung der Elternbeiträge für die Kindertagesstätten"


def test_a_cell_with_several_dates_is_one_row() -> None:
    text = (
        "Beratungsfolge Sitzungstermin Stand\n"
        "03.09.2007\n"
        "Ratsgruppe Mitte 17.09.2007 Beratung\n"
        "08.10.2007\n"
        "Beratung und\n"
        "Verwaltungsausschuss 11.10.2007\n"
        "Beschlussempfehlung\n"
        "Rat 18.10.2007 Beratung und Beschlussfassung\n"
        "I. Nachtragshaushaltssatzung für das Haushaltsjahr 2007\n"
    )
    rows, _ = from_lines(clean_lines(text))
    assert [(r.gremium, r.datum, r.zustaendigkeit) for r in rows] == [
        ("Ratsgruppe Mitte", "2007-09-17", "Beratung"),
        ("Verwaltungsausschuss", "2007-10-11", "Beratung und Beschlussempfehlung"),
        ("Rat", "2007-10-18", "Beratung und Beschlussfassung"),
    ]


def test_cells_centred_on_their_row_go_with_that_row() -> None:
    # pdfplumber prints a row's wrapped cells above and below its line; a vote may sit beside a name
    text = (
        "Beratungsfolge Termin Stand Abstimmung\n"
        "Fachausschuss Klimaschutz, Bau 7 Stimmen dafür, 1 Stimme dagegen, 1\n"
        "17.09.2024 Beratung und Empfehlung\n"
        "und Umwelt Enthaltung\n"
        "Mehrheitlich mit 5 Ja-Stimmen, 1 Nein-\n"
        "Verwaltungsausschuss 24.09.2024 Beratung und Empfehlung Stimme und 2 Enthaltungen lt. geänder-\n"
        "ten Beschluss\n"
        "Beratung und Beschlussfas- Einstimmig bei einer Enthaltung lt. Be-\n"
        "Rat 01.10.2024\n"
        "sung schlussvorschlag\n"
        "Neubau der Brücke am Mühlbach\n"
    )
    rows, _ = from_lines(clean_lines(text))
    assert [(r.gremium, r.zustaendigkeit, r.ergebnis) for r in rows] == [
        ("Fachausschuss Klimaschutz, Bau und Umwelt", "Beratung und Empfehlung",
         "7 Stimmen dafür, 1 Stimme dagegen, 1 Enthaltung"),
        ("Verwaltungsausschuss", "Beratung und Empfehlung",
         "Mehrheitlich mit 5 Ja-Stimmen, 1 Nein-Stimme und 2 Enthaltungen lt. geänderten Beschluss"),
        ("Rat", "Beratung und Beschlussfassung", "Einstimmig bei einer Enthaltung lt. Beschlussvorschlag"),
    ]  # fmt: skip


def test_the_text_alone_reads_a_table_over_two_pages() -> None:
    # where no table can be read (a scan, a text export), the rows come from the text: 16 on page 1 with
    # votes over two or three lines, 3 on page 2 after the page number, names and roles wrapped
    from archiv.detect import open_source
    from archiv.extract.fields import read_fields
    from archiv.pipeline import parse

    from .conftest import SAMPLES, golden_of

    sample = SAMPLES / "pdf" / "ilmenbrueck_ds-88-2025_dorfgemeinschaftshaeuser.pdf"
    doc = parse(*open_source(sample))
    fields = read_fields("\n".join(p.text for p in doc.pages if p.text), ())
    golden = json.loads(golden_of(sample).read_text(encoding="utf-8"))
    assert [asdict(r) for r in fields.beschlusslauf] == golden["beschlusslauf"]


def test_ticked_boxes_of_the_public_columns_are_no_cell_text() -> None:
    text = (
        "Gremium Termin TOP ö nö Ergebnis\n"
        "Ortschaftsrat Nordhang 28.04.2021 14 x ☐\n"
        "Gemeinderat 04.05.2021 7 x vorberaten\n"
    )
    rows, _ = from_lines(clean_lines(text))
    assert [(r.gremium, r.zustaendigkeit, r.ergebnis) for r in rows] == [
        ("Ortschaftsrat Nordhang", None, None),
        ("Gemeinderat", None, "vorberaten"),
    ]
