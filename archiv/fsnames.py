"""File names are data, not trusted text.

A POSIX file name is any bytes but "/" and NUL: not always UTF-8, possibly with line breaks,
terminal escapes or bidi controls. archiv keeps such a name as one printable line of valid
Unicode, its *display form*: a clean name (valid UTF-8, nothing a terminal or a log would
misread) stays as it is; any other name has its backslashes doubled and each troublesome
character written as an escape (\\n, \\t, \\xNN for a byte that is not UTF-8 or a control
character, \\uNNNN for an invisible Unicode control). The display form goes into records,
SQLite, the search index, reports, the CLI and the web page; ``fs_path`` turns it back into the
name on disk, and ``path_bytes`` gives the exact bytes, which the store keeps beside it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# C0 and C1 controls, DEL, line/paragraph separators, bidi and zero-width controls, BOM.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
_ESCAPE = re.compile(r"\\(\\|n|t|r|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})")


def path_bytes(path: str | bytes | os.PathLike[str]) -> bytes:
    """The exact bytes of a name as the file system has it."""
    return os.fsencode(path)


def display(path: str | bytes | os.PathLike[str]) -> str:
    """The display form of a path: one line of valid Unicode, lossless (see the module docstring)."""
    raw = path_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _UNSAFE.search(text):
        return text
    out: list[str] = []
    for ch in raw.decode("utf-8", "surrogateescape"):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        elif _UNSAFE.match(ch):
            out.append(f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def is_escaped(path: str) -> bool:
    """True where ``display`` had to escape this name (its display form differs from the name)."""
    return display(path) != path


def unescape(shown: str) -> bytes:
    """The bytes of the name whose display form is ``shown`` (the inverse of ``display`` for escaped names)."""
    out = bytearray()
    pos = 0
    for m in _ESCAPE.finditer(shown):
        out += shown[pos : m.start()].encode("utf-8", "surrogateescape")
        code = m.group(1)
        if code == "\\":
            out += b"\\"
        elif code in ("n", "t", "r"):
            out += {"n": b"\n", "t": b"\t", "r": b"\r"}[code]
        elif code[0] == "x":
            out.append(int(code[1:], 16))
        else:
            out += chr(int(code[1:], 16)).encode("utf-8")
        pos = m.end()
    out += shown[pos:].encode("utf-8", "surrogateescape")
    return bytes(out)


def fs_path(shown: str) -> Path:
    """The path on disk for a display form: the name itself where it exists, else its unescaped bytes."""
    plain = Path(shown)
    if "\\" not in shown or os.path.lexists(plain):
        return plain
    return Path(os.fsdecode(unescape(shown)))
