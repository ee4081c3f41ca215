"""PDFs with a text layer.

pypdfium2 reads the text of every page (about 1,000 pages/s here); pdfplumber, about 60 times
slower, reads tables only on the few first pages that carry a Beratungsfolge, because that is
where the layout matters. Pages without a text layer are marked method="none", never dropped.
"""

from __future__ import annotations

import io
import re

from ..errors import EncryptedPdfError, InputFileError
from ..models import ExtractedText, Page, Source, Table
from .textutil import join_lines, normalise_text

# A page with fewer non-space characters than this has no usable text layer.
MIN_TEXT_CHARS = 30
# Only these first pages are read for layout (header block, Beschlusslauf table).
LAYOUT_PAGES = 4
_TABLE_HINT = re.compile(r"Beratungsfolge|Beschlusslauf|Beratungsreihenfolge|Beratungsgang", re.I)


class PdfParser:
    def parse(self, source: Source, data: bytes) -> ExtractedText:
        import pypdfium2 as pdfium

        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            if "password" in str(e).lower():
                raise EncryptedPdfError(source.path) from e
            raise InputFileError(source.path, f"not a readable PDF ({e})") from e
        try:
            pages = []
            for i in range(len(doc)):
                page = doc[i]
                try:
                    textpage = page.get_textpage()
                    text = normalise_text(textpage.get_text_bounded())
                    textpage.close()
                finally:
                    page.close()
                has_text = len("".join(text.split())) >= MIN_TEXT_CHARS
                pages.append(Page(number=i + 1, text=text if has_text else "", method="text" if has_text else "none"))
        finally:
            doc.close()
        if not pages:
            raise InputFileError(source.path, "PDF has no pages")
        layout = [p.number for p in pages[:LAYOUT_PAGES] if _TABLE_HINT.search(p.text)]
        tables = read_tables(data, layout) if layout else ()
        return ExtractedText(source=source, format="pdf", pages=tuple(pages), tables=tables, paged=True)


def read_tables(data: bytes, page_numbers: list[int]) -> tuple[Table, ...]:
    """Ruled tables on the given pages, cells with wrapped lines joined."""
    import pdfplumber

    found: list[Table] = []
    with pdfplumber.open(io.BytesIO(data), pages=page_numbers) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows = tuple(
                    tuple(join_lines((cell or "").split("\n")) for cell in row)
                    for row in table
                    if any((cell or "").strip() for cell in row)
                )
                if rows:
                    found.append(Table(page=page.page_number, rows=rows))
    return tuple(found)
