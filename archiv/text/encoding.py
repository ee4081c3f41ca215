"""Text in UTF-16/32 (with a byte-order mark, or as Windows tools write it without one) found and
re-encoded as UTF-8, so every text parser reads it."""

from __future__ import annotations

import codecs

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
