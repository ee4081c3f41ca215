"""PDFs with a text layer.

pypdfium2 reads the text of every page (about 1,000 pages/s here); tables are read only on the
few first pages that carry a Beratungsfolge, because that is where the layout matters: with
pdfplumber's table finder on pdfium's rules and characters (pdftable.py), and with pdfplumber's
own page only where that reader declines a page. Pages without a text layer are rendered at 300 dpi and OCRed (ocr.py);
a page whose OCR finds no words stays in the record, empty, never dropped.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..errors import EncryptedPdfError, InputFileError
from ..models import ExtractedText, Page, ParseOptions, Source, Table
from ..text.lines import join_lines
from ..words import alternation, label_words, words
from .format import Format
from .textutil import normalise_text

# A page with fewer non-space characters than this has no usable text layer.
MIN_TEXT_CHARS = 30
# Only these first pages are read for layout (header block, Beschlusslauf table).
LAYOUT_PAGES = 4
# The Beschlusslauf's labels (vocabulary.toml) mark the pages whose layout is read.
_TABLE_HINT = re.compile(alternation(label_words("table")), re.I)


class PdfParser:
    def __init__(self, options: ParseOptions | None = None) -> None:
        self.options = options

    def parse(self, source: Source, data: bytes) -> ExtractedText:
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            if "password" in str(e).lower():
                raise EncryptedPdfError(source.path) from e
            raise InputFileError(source.path, f"not a readable PDF ({e})") from e
        kept: dict[int, tuple[Any, Any]] = {}  # the first pages, open until their tables are read
        try:
            pages = []
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                text = normalise_text(textpage.get_text_bounded())
                if i <= LAYOUT_PAGES:
                    kept[i + 1] = (page, textpage)
                else:
                    textpage.close()
                    page.close()
                has_text = usable_text(text)
                pages.append(Page(number=i + 1, text=text if has_text else "", method="text" if has_text else "none"))
            if not pages:
                raise InputFileError(source.path, "PDF has no pages")
            confidence = None
            scanned = [p.number for p in pages if p.method == "none"]
            if scanned:
                from .ocr import RENDER_DPI, PageOcr

                ocr = PageOcr(source.path, self.options, total=len(pages))
                done = ocr.run(_render(doc, scanned, RENDER_DPI))
                pages = [Page(p.number, done[p.number].text, "ocr") if p.number in done else p for p in pages]
                confidence = ocr.confidence
            layout = layout_pages(pages)
            tables = read_tables(data, layout, kept) if layout else ()
        finally:
            for page, textpage in kept.values():
                textpage.close()
                page.close()
            doc.close()
        return ExtractedText(
            source=source,
            format="pdf-ocr" if scanned else "pdf",
            pages=tuple(pages),
            tables=tables,
            paged=True,
            ocr_confidence=confidence,
        )


def _render(doc: Any, numbers: list[int], dpi: int) -> Iterator[tuple[int, Any, int]]:
    """Grey page images, one at a time (pdfium is not thread-safe: this runs in the caller's thread)."""
    for number in numbers:
        page = doc[number - 1]
        try:
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
        finally:
            page.close()
        yield number, image, dpi


def usable_text(text: str) -> bool:
    """Enough characters, and mostly real ones: a text layer in a broken font encoding (private-use
    code points, U+FFFD, control characters) is no text layer, and the page is OCRed instead."""
    chars = "".join(text.split())
    if len(chars) < MIN_TEXT_CHARS:
        return False
    odd = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn"))
    return odd <= 0.3 * len(chars)


_AFTER_TABLE = re.compile(alternation(words("pdf", "after_table")), re.I)


def layout_pages(pages: list[Page]) -> list[int]:
    """The first pages that carry a Beratungsfolge, and the page after one whose table runs to its end
    (nothing that follows a table is printed below it: the table goes on overleaf)."""
    numbers: list[int] = []
    for p in pages[:LAYOUT_PAGES]:
        hint = _TABLE_HINT.search(p.text) if p.method == "text" else None
        if hint is None:
            continue
        numbers.append(p.number)
        if not _AFTER_TABLE.search(p.text, hint.end()) and p.number < len(pages):
            numbers.append(p.number + 1)
    return sorted(set(numbers))


def read_tables(
    data: bytes, page_numbers: list[int], opened: dict[int, tuple[Any, Any]] | None = None
) -> tuple[Table, ...]:
    """Ruled tables on the given pages, cells with wrapped lines joined.

    pdfplumber's table finder runs on pdfium's rules and characters (pdftable.py) for the pages in
    ``opened`` (number -> pypdfium2 page and text page), many times faster than pdfplumber's own
    page; pdfplumber opens only the pages that reader declines (and any not opened)."""
    found: dict[int, list[list[list[str | None]]]] = {}
    if opened:
        from .pdftable import read_page_tables

        for number in page_numbers:
            if number in opened:
                tables = read_page_tables(*opened[number])
                if tables is not None:
                    found[number] = tables
    rest = [n for n in page_numbers if n not in found]
    if rest:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data), pages=rest) as pdf:
            for page in pdf.pages:
                found[page.page_number] = page.extract_tables()
    out: list[Table] = []
    for number in sorted(found):
        for table in found[number]:
            rows = tuple(
                tuple(join_lines((cell or "").split("\n")) for cell in row)
                for row in table
                if any((cell or "").strip() for cell in row)
            )
            if rows:
                out.append(Table(page=number, rows=rows))
    return tuple(out)


def _is_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]  # some writers put a few bytes before the header


FORMAT = Format("pdf", _is_pdf, "application/pdf", lambda options, _: PdfParser(options), ("pdf", "pdf-ocr"))
