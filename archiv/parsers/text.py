"""Plain-text exports of council information systems (the seed's form), in UTF-8, Windows-1252 or UTF-16/32."""

from __future__ import annotations

import re

from ..models import ExtractedText, Page, Source
from ..text.encoding import as_utf8
from .format import Format
from .textutil import decode_text, normalise_text

# Remnants of rich-text exports: **bold**, *italic*, <i>…</i>, <b>…</b>.
_TAGS = re.compile(r"</?(?:i|b|u|em|strong|br)\s*/?>", re.I)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")


def strip_markup(text: str) -> str:
    text = _TAGS.sub("", text)
    text = _BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text)


class TextParser:
    def parse(self, source: Source, data: bytes) -> ExtractedText:
        # A form feed separates pages where the exporter kept them; a stray NUL (a damaged export) is dropped.
        chunks = decode_text(as_utf8(data)).replace("\x00", "").split("\f")
        pages = tuple(
            Page(number=i, text=strip_markup(normalise_text(chunk)), method="text")
            for i, chunk in enumerate(chunks, start=1)
        )
        return ExtractedText(source=source, format="text", pages=pages, paged=len(chunks) > 1)


def _is_text(head: bytes) -> bool:
    # A stray NUL or control character is tolerated (a damaged export is still text); binary data has many.
    sample = head[:8192]
    controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return controls <= len(sample) * 0.01


FORMAT = Format("text", _is_text, "text/plain", lambda options, _: TextParser(), ("text",), text=True)
