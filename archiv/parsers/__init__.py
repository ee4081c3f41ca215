"""One parser per input format, behind one protocol; the format is sniffed from the bytes."""

from __future__ import annotations

from typing import Protocol

from ..errors import UnsupportedFormatError
from ..models import ExtractedText, ParseOptions, Source


class Parser(Protocol):
    """Turns the bytes of one file into text per page (and tables where the layout was read)."""

    def parse(self, source: Source, data: bytes) -> ExtractedText: ...


def parser_for(source: Source, options: ParseOptions | None = None) -> Parser:
    """The parser of the sniffed format; ``options`` reach the parsers that OCR (pdf, image)."""
    # Imported here so that a worker only loads the libraries of the formats it meets.
    if source.detected == "pdf":
        from .pdf import PdfParser

        return PdfParser(options)
    if source.detected == "html":
        from .html import HtmlParser

        return HtmlParser()
    if source.detected == "text":
        from .text import TextParser

        return TextParser()
    if source.detected == "json":
        from .oparl import OparlParser

        return OparlParser(options)
    if source.detected == "docx":
        from .docx import DocxParser

        return DocxParser()
    if source.detected == "image":
        from .image import ImageParser

        return ImageParser(options)
    raise UnsupportedFormatError(source.path, f"format '{source.detected}' is not supported yet")


def parse(source: Source, data: bytes, options: ParseOptions | None = None) -> ExtractedText:
    return parser_for(source, options).parse(source, data)
