"""Sniff a file's format from its bytes, never from its name."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import EmptyFileError, InputFileError, UnsupportedFormatError
from .models import Source

# A file larger than this is refused before anything parses it.
MAX_FILE_BYTES = 200 * 1024 * 1024

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|table|div|meta)\b", re.I | re.S)


def sniff(head: bytes) -> str:
    """The format of a file whose first bytes are ``head``: pdf, html, text, docx, zip, image, json, binary."""
    if head.startswith(b"\xef\xbb\xbf"):
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
    if b"\x00" in head:
        return False
    sample = head[:8192]
    controls = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return controls <= len(sample) * 0.01


def open_source(path: Path) -> tuple[Source, bytes]:
    """Read ``path`` and return its Source and bytes; refuse empty, huge or unreadable files."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    if size == 0:
        raise EmptyFileError(name)
    if size > MAX_FILE_BYTES:
        raise InputFileError(name, f"file is {size // 2**20} MiB, larger than the {MAX_FILE_BYTES // 2**20} MiB limit")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    detected = sniff(data[:8192])
    if detected in ("zip", "binary"):
        raise UnsupportedFormatError(name, f"unsupported format ({detected} data, not a PDF, HTML or text file)")
    digest = hashlib.sha256(data).hexdigest()
    return Source(path=name, sha256=digest, size=size, detected=detected), data
