"""Ruled tables read from pdfium (archiv/parsers/pdftable.py) come out exactly as pdfplumber's
``page.extract_tables()`` reads them, cell for cell; pages it cannot vouch for go to pdfplumber."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from archiv.detect import open_source
from archiv.models import Source
from archiv.parsers.pdf import PdfParser, layout_pages, read_tables
from archiv.parsers.pdftable import read_page_tables

from .conftest import CORPUS, SAMPLES

ROWS = [
    ("Gremium", "Sitzungstermin", "Zuständigkeit"),
    ("Ausschuss für Planung, Bau", "14.09.2025", "Beratung und Beschluss-"),
    ("Verwaltungsausschuss", "28.09.2025", "Empfehlung"),
    ("Rat", "30.09.2025", "Entscheidung"),
]
COLUMNS = (60, 240, 340, 520)  # x of the column rules
TOP, ROW_H = 700, 28


def _draw_table(c: Canvas, style: str) -> None:
    """One Beratungsfolge table; ``style`` picks how its rules and words are drawn."""
    bottom = TOP - ROW_H * len(ROWS)
    if style == "rects":  # every cell a rectangle of its own, the header shaded
        c.setFillGray(0.85)
        c.rect(COLUMNS[0], TOP - ROW_H, COLUMNS[-1] - COLUMNS[0], ROW_H, stroke=0, fill=1)
        c.setFillGray(0)
        for r in range(len(ROWS)):
            for x0, x1 in itertools.pairwise(COLUMNS):
                c.rect(x0, TOP - ROW_H * (r + 1), x1 - x0, ROW_H, stroke=1, fill=0)
    else:  # lines (also a closed path of four lines around the table)
        p = c.beginPath()
        p.moveTo(COLUMNS[0], TOP)
        for x, y in ((COLUMNS[-1], TOP), (COLUMNS[-1], bottom), (COLUMNS[0], bottom)):
            p.lineTo(x, y)
        p.close()
        c.drawPath(p, stroke=1, fill=0)
        for r in range(1, len(ROWS)):
            c.line(COLUMNS[0], TOP - ROW_H * r, COLUMNS[-1], TOP - ROW_H * r)
        for x in COLUMNS[1:-1]:
            c.line(x, TOP, x, bottom)
    for r, row in enumerate(ROWS):
        y = TOP - ROW_H * r - 12
        for x, cell in zip(COLUMNS, row, strict=False):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
            if style == "words":  # each word and each space a text object of its own, as Word writes them
                for word in cell.replace(" ", "  ").split(" "):
                    c.drawString(x + 4, y, word or " ")
                    x += c.stringWidth(word or " ", "Helvetica", 9)
            else:
                c.drawString(x + 4, y, cell)
        if r == 1:  # the role wraps inside its cell
            c.setFont("Helvetica", 9)
            c.drawString(COLUMNS[2] + 4, y - 11, "fassung")


def _pdf(style: str, *, in_form: bool = False, rotate: int = 0, mediabox_origin: float = 0) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 760, "Beschlussvorlage DS 12/2025 - Beratungsfolge:")
    if in_form:  # the table inside a form XObject, moved by its own matrix
        c.beginForm("table")
        _draw_table(c, style)
        c.endForm()
        c.saveState()
        c.translate(5, -40)
        c.doForm("table")
        c.restoreState()
    else:
        _draw_table(c, style)
    c.setFont("Helvetica", 10)
    c.drawString(60, 500, "Sachverhalt: Die Verwaltung schlägt vor, die Maßnahme umzusetzen.")
    if rotate:
        c.setPageRotation(rotate)
    if mediabox_origin:
        c.setCropBox((mediabox_origin, mediabox_origin, A4[0], A4[1]))
    c.showPage()
    c.save()
    data = buf.getvalue()
    if mediabox_origin:  # a MediaBox not starting at the origin
        data = data.replace(b"/MediaBox [ 0 0 ", f"/MediaBox [ {mediabox_origin:g} {mediabox_origin:g} ".encode())
    return data


def _both(data: bytes, page: int = 0) -> tuple[list | None, list]:
    doc = pdfium.PdfDocument(data)
    try:
        p = doc[page]
        tp = p.get_textpage()
        fast = read_page_tables(p, tp)
        tp.close()
        p.close()
    finally:
        doc.close()
    with pdfplumber.open(io.BytesIO(data), pages=[page + 1]) as pdf:
        slow = pdf.pages[0].extract_tables()
    return fast, slow


@pytest.mark.parametrize("style", ["lines", "rects", "words"])
@pytest.mark.parametrize("in_form", [False, True])
def test_generated_tables_read_as_pdfplumber_reads_them(style: str, in_form: bool) -> None:
    fast, slow = _both(_pdf(style, in_form=in_form))
    assert slow and slow[0][0] == ["Gremium", "Sitzungstermin", "Zuständigkeit"]  # the table is there at all
    assert fast == slow


def test_separate_space_objects_still_part_words() -> None:
    """Word writes a space as a text object of its own, which pdfium leaves out of its text page."""
    fast, _ = _both(_pdf("words"))
    assert fast is not None
    assert fast[0][1][0] == "Ausschuss für Planung, Bau"
    assert fast[0][1][2] == "Beratung und Beschluss-\nfassung"


def test_a_page_it_cannot_vouch_for_goes_to_pdfplumber() -> None:
    rotated = _pdf("lines", rotate=90)
    assert _both(rotated)[0] is None
    data = _pdf("lines", mediabox_origin=10)
    assert _both(data)[0] is None
    # the parser still reads the table, with pdfplumber
    tables = PdfParser().parse(_source(data), data).tables
    assert tables and tables[0].rows[0] == ("Gremium", "Sitzungstermin", "Zuständigkeit")


def _source(data: bytes) -> Source:
    return Source(path="generated.pdf", sha256="0" * 64, size=len(data), detected="pdf")


def _pdfs_with_tables() -> list[Path]:
    files = sorted((SAMPLES / "pdf").glob("*.pdf"))
    nordstemmen = CORPUS / "nordstemmen" / "pdf"
    if nordstemmen.is_dir():
        files += sorted(nordstemmen.rglob("Beschlussvorlage*.pdf"))[:4]
    return files


@pytest.mark.parametrize("path", _pdfs_with_tables(), ids=lambda p: p.name)
def test_parser_tables_equal_pdfplumbers(path: Path) -> None:
    """The whole parser: the tables of a Vorlage's layout pages are pdfplumber's, cell for cell."""
    source, data = open_source(path)
    doc = PdfParser().parse(source, data)
    layout = layout_pages(list(doc.pages))
    assert doc.tables == read_tables(data, layout)  # without open pages: pdfplumber's own reading
