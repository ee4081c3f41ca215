"""The format registry: one parser module per input format, each declaring its ``FORMAT`` (name, how
it is sniffed, media type, parser; see format.py). Detection (archiv/detect.py), dispatch and the
OParl export's media types read this list and nothing else. A new format is one module with its
FORMAT, one line in FORMATS, a sample and its golden record."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from ..errors import UnsupportedFormatError
from ..files import check_stat, read_bytes
from ..models import ExtractedText, ParseOptions, Source
from ..text.encoding import as_utf8, text_encoding
from . import docx, html, image, oparl, pdf, text
from .format import Format, Parser

# A ZIP archive that is no Word document: recognised, so that it is refused as what it is.
ZIP = Format("zip", lambda head: head.startswith(b"PK\x03\x04"), None, None)

# In the order they are sniffed: the first whose sniff accepts a file's first bytes is its format.
FORMATS: tuple[Format, ...] = (
    pdf.FORMAT,
    docx.FORMAT,
    ZIP,
    image.FORMAT,
    html.FORMAT,
    oparl.FORMAT,
    text.FORMAT,
)
BINARY = "binary"  # what no format accepts
_BY_NAME = {f.name: f for f in FORMATS}

__all__ = ["FORMATS", "Format", "Parser", "format_named", "identify", "media_type", "parse", "parser_for", "sniff"]


def sniff(head: bytes) -> str:
    """The name of the format of a file whose first bytes are ``head`` (one of FORMATS, or "binary")."""
    if text_encoding(head):
        head = as_utf8(head[: len(head) - len(head) % 4])
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return next((f.name for f in FORMATS if f.sniff(head)), BINARY)


def format_named(name: str) -> Format | None:
    return _BY_NAME.get(name)


def media_type(record_format: str) -> str | None:
    """The media type of an original file whose record has this format ("pdf-ocr": application/pdf);
    None where the registry leaves it to the file's name."""
    return next((f.media_type for f in FORMATS if record_format in f.record_formats), None)


def identify(name: str, data: bytes) -> Source:
    """The Source of a file's bytes; refuses what no parser reads."""
    detected = sniff(data[:8192])
    known = _BY_NAME.get(detected)
    if known is None or known.parser is None:
        raise UnsupportedFormatError(name, f"unsupported format ({detected} data, not a PDF, HTML or text file)")
    return Source(path=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data), detected=detected)


def parser_for(source: Source, options: ParseOptions | None = None) -> Parser:
    """The parser of the sniffed format; ``options`` reach the parsers that OCR (pdf, image)."""
    known = _BY_NAME.get(source.detected)
    if known is None or known.parser is None:
        raise UnsupportedFormatError(source.path, f"format '{source.detected}' is not supported yet")
    return known.parser(options, _parse_linked)


def parse(source: Source, data: bytes, options: ParseOptions | None = None) -> ExtractedText:
    known = _BY_NAME.get(source.detected)
    if known is not None and known.text:
        data = as_utf8(data)  # UTF-16/32 text: every text parser reads UTF-8 or 8-bit
    return parser_for(source, options).parse(source, data)


def _parse_linked(path: Path, options: ParseOptions | None, linking: str) -> ExtractedText | None:
    check_stat(path)
    name, data = read_bytes(path)
    source = identify(name, data)
    if source.detected == linking:
        return None
    return parse(source, data, options)
