"""What a parser module declares about its input format (its ``FORMAT``), read by the registry in
``archiv/parsers/__init__.py``: detection, dispatch and the media types of the OParl export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..models import ExtractedText, ParseOptions, Source


class Parser(Protocol):
    """Turns the bytes of one file into text per page (and tables where the layout was read)."""

    def parse(self, source: Source, data: bytes) -> ExtractedText: ...


# Parses a file a document links to (an OParl Paper's main file beside it) by that file's own format:
# (path, options, the linking document's format name); None where the linked file is of that same
# format (a Paper's "main file" that is JSON again is not followed: no loop).
ParseLinked = Callable[[Path, ParseOptions | None, str], ExtractedText | None]


@dataclass(frozen=True)
class Format:
    name: str  # as sniffed (Source.detected)
    sniff: Callable[[bytes], bool]  # whether a file's first bytes (UTF-16/32 text re-encoded) are this format
    media_type: str | None  # of the original file in the OParl export; None: guessed from the file's name
    parser: Callable[[ParseOptions | None, ParseLinked], Parser] | None  # None: recognised, but refused
    record_formats: tuple[str, ...] = ()  # the ExtractedText.format values its parser writes
    text: bool = False  # text in UTF-16/32 is re-encoded as UTF-8 before the parser reads it
