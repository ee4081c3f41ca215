"""Sniff a file's format from its bytes, never from its name; read a file only when it can end.

The formats and how each is sniffed are the registry's (archiv/parsers/__init__.py); the careful
reading is archiv/files.py's."""

from __future__ import annotations

from pathlib import Path

from .files import MAX_FILE_BYTES, check_stat, read_bytes, size_text
from .models import Source
from .parsers import identify, sniff
from .text.encoding import as_utf8, text_encoding

__all__ = [
    "MAX_FILE_BYTES",
    "as_utf8",
    "check_stat",
    "open_source",
    "read_source",
    "size_text",
    "sniff",
    "text_encoding",
]


def read_source(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> tuple[Source, bytes]:
    """Read a regular file and return its Source and bytes; refuse empty, huge or unknown files."""
    name, data = read_bytes(path, max_bytes=max_bytes, shown=shown)
    return identify(name, data), data


def open_source(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> tuple[Source, bytes]:
    """Read ``path`` and return its Source and bytes; refuse what is no regular file, empty, huge or unreadable."""
    check_stat(path, max_bytes=max_bytes, shown=shown)
    return read_source(path, max_bytes=max_bytes, shown=shown)
