"""Text clean-up shared by the parsers."""

from __future__ import annotations

import re

from ..text.lines import KEEP_HYPHEN_BEFORE

_SOFT_HYPHEN_EOL = re.compile("\u00ad[ \t]*\n[ \t]*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which every byte decodes in."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def normalise_text(text: str) -> str:
    """Unify line ends and spaces; join words split by a soft hyphen at a line end."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufffe", "\x02")
    if "\x02" in text:
        text = _pdfium_hyphens(text)
    text = _SOFT_HYPHEN_EOL.sub("", text).replace("\u00ad", "")
    lines = [_SPACES.sub(" ", line).strip() if "\t" not in line else _tabbed(line) for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _pdfium_hyphens(text: str) -> str:
    """pdfium joins a word hyphenated at a line end and marks the place with U+0002.

    Undo the join where the hyphen was real: before "und"/"oder" ("Haupt- und") or a capital.
    """

    def repl(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.lower() in KEEP_HYPHEN_BEFORE:
            return "- " + word
        if word[:1].isupper():
            return "-\n" + word  # keep the line end: the next line may be a label ("Beschlussvorschlag:")
        return word

    return re.sub(r"\x02(\w*)", repl, text)


def _tabbed(line: str) -> str:
    cells = [_SPACES.sub(" ", cell).strip() for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells) if any(cells) else ""
