"""Sniff a file's format from its bytes, never from its name; read a file only when it can end."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
from pathlib import Path

from .errors import EmptyFileError, InputFileError, SkippedFileError, UnsupportedFormatError
from .fsnames import display
from .models import Source
from .walk import special_kind

# A file larger than this is refused before anything reads it (ingest --max-size).
MAX_FILE_BYTES = 200 * 1024 * 1024

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|table|div|meta)\b", re.I | re.S)
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def text_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) of text that is not plain UTF-8/8-bit: a UTF-16/32 BOM, or UTF-16
    without one (every other byte NUL, as Windows tools write it)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return (name, len(bom)) if name != "utf-8" else None
    sample = data[:4096]
    if len(sample) >= 8:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return ("utf-16-le", 0) if _reads_as_text(sample, "utf-16-le") else None
        if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return ("utf-16-be", 0) if _reads_as_text(sample, "utf-16-be") else None
    return None


def _reads_as_text(sample: bytes, encoding: str) -> bool:
    """Whether bytes with a NUL in every other place decode to prose (not 16-bit samples of a sound or image)."""
    text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    readable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return readable >= 0.95 * len(text) and sum(1 for c in text if c.isalpha()) >= 0.5 * len(text)


def as_utf8(data: bytes) -> bytes:
    """Text in UTF-16/32 re-encoded as UTF-8, so every parser reads it; other bytes as they are."""
    found = text_encoding(data)
    if found is None:
        return data
    name, skip = found
    return data[skip:].decode(name, errors="replace").encode("utf-8")


def sniff(head: bytes) -> str:
    """The format of a file whose first bytes are ``head``: pdf, html, text, docx, zip, image, json, binary."""
    if text_encoding(head):
        head = as_utf8(head[: len(head) - len(head) % 4])
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in head[:4096] or b"[Content_Types].xml" in head[:4096] else "zip"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if _HTML_START.match(head) or re.search(rb"<html[\s>]", head[:4096], re.I):
        return "html"
    stripped = head.lstrip()
    if stripped[:1] in (b"{", b"["):
        return "json"
    if _looks_like_text(head):
        return "text"
    return "binary"


def _looks_like_text(head: bytes) -> bool:
    # A stray NUL or control character is tolerated (a damaged export is still text); binary data has many.
    sample = head[:8192]
    controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return controls <= len(sample) * 0.01


def size_text(n: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= factor:
            return f"{n / factor:.3g} {unit}"
    return f"{n} bytes"


def check_stat(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> os.stat_result:
    """The ``stat`` of a regular file that may be read; raises for anything else, before any read."""
    name = shown or display(path)
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise SkippedFileError(name, "symbolic link loop: never followed") from e
        if e.errno == errno.ENOENT and os.path.islink(path):
            raise SkippedFileError(name, "dangling symbolic link: its target does not exist") from e
        raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    kind = special_kind(st.st_mode)
    if kind:
        raise SkippedFileError(name, kind if ":" in kind else f"{kind}, not a file")
    if st.st_size == 0:
        raise EmptyFileError(name)
    if st.st_size > max_bytes:
        raise SkippedFileError(name, _too_large(st.st_size, max_bytes))
    return st


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size_text(size)}, larger than the size limit of {size_text(max_bytes)} (--max-size): not read"


def read_source(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> tuple[Source, bytes]:
    """Read a regular file (checked again on the open descriptor: it may have been swapped for a
    FIFO since the stat) and return its Source and bytes; refuse empty, huge or unknown files."""
    name = shown or display(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        kind = special_kind(st.st_mode)
        if kind:
            raise SkippedFileError(name, f"{kind.split(':')[0]}, not a file: not read")
        try:
            chunks: list[bytes] = []
            got = 0
            while got <= max_bytes and (chunk := fh.read(min(1 << 20, max_bytes + 1 - got))):
                chunks.append(chunk)
                got += len(chunk)
        except OSError as e:
            raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    if got > max_bytes:
        raise SkippedFileError(name, _too_large(got, max_bytes))
    data = b"".join(chunks)
    if not data:
        raise EmptyFileError(name)
    detected = sniff(data[:8192])
    if detected in ("zip", "binary"):
        raise UnsupportedFormatError(name, f"unsupported format ({detected} data, not a PDF, HTML or text file)")
    digest = hashlib.sha256(data).hexdigest()
    return Source(path=name, sha256=digest, size=len(data), detected=detected), data


def open_source(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> tuple[Source, bytes]:
    """Read ``path`` and return its Source and bytes; refuse what is no regular file, empty, huge or unreadable."""
    check_stat(path, max_bytes=max_bytes, shown=shown)
    return read_source(path, max_bytes=max_bytes, shown=shown)
