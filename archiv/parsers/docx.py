"""Word exports (DOCX): paragraphs and tables in document order.

A table row becomes one line with its cells separated by tabs (like the text exports), so label
cells read as "Label:\tvalue"; every table is also kept as a Table for the Beschlusslauf.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputFileError
from ..models import ExtractedText, Page, Source, Table
from .format import Format
from .textutil import normalise_text


class DocxParser:
    def parse(self, source: Source, data: bytes) -> ExtractedText:
        from docx import Document
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph

        try:
            doc = Document(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError) as e:
            raise InputFileError(source.path, f"not a readable Word document ({e})") from e
        lines: list[str] = []
        tables: list[Table] = []
        for block in doc.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
                if block.style is not None and block.style.name.lower().startswith(("heading", "überschrift")):
                    lines.append("")
            elif isinstance(block, DocxTable):
                rows = _rows(block)
                lines.extend("\t".join(r) for r in rows)
                lines.append("")
                if len(rows) >= 2:
                    tables.append(Table(page=1, rows=tuple(rows)))
        text = normalise_text("\n".join(lines))
        return ExtractedText(source=source, format="docx", pages=(Page(1, text, "text"),), tables=tuple(tables))


def _rows(table) -> list[tuple[str, ...]]:  # table: docx.table.Table
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:  # a merged cell repeats itself in python-docx
                cells.append(text)
        if any(cells):
            rows.append(tuple(cells))
    return rows


def _is_docx(head: bytes) -> bool:
    """A ZIP archive whose first entries are those of a Word document."""
    return head.startswith(b"PK\x03\x04") and (b"word/" in head[:4096] or b"[Content_Types].xml" in head[:4096])


FORMAT = Format(
    "docx",
    _is_docx,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    lambda options, _: DocxParser(),
    ("docx",),
)
