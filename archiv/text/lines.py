"""Lines joined again: a word hyphenated at a line end ("Beschlussfas-" + "sung") is one word again;
a hyphen before a coordinated word ("Haupt-" + "und Finanzausschuss") or a capital ("Bau-" +
"Ausschuss") stays. One keep-list for every joiner (parsers, OCR, extraction)."""

from __future__ import annotations

import re

# The words before which a hyphen at a line end is a real one: "Haupt- und Finanzausschuss".
KEEP_HYPHEN_BEFORE = frozenset({"und", "oder", "bzw", "bzw.", "sowie", "als", "wie"})

_EOL_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=([^\W\d_][^\s,.;:]*))")


def hyphen_joins(head: str, word: str) -> bool:
    """Whether a line ending in ``head`` ("Beschlussfas-") goes on with ``word`` ("sung") as one word."""
    return (
        len(head) > 1
        and head.endswith("-")
        and head[-2].isalpha()
        and word[:1].islower()
        and word.rstrip(",.;:") not in KEEP_HYPHEN_BEFORE
    )


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into one, undoing hyphenation at line ends."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if hyphen_joins(out, line.split(" ", 1)[0]):
            out = out[:-1] + line
        elif out.endswith(("-", "/")) and len(out) > 1 and out[-2].isalpha():
            out = out + line
        else:
            out = out + " " + line
    return out


def dehyphenate_lines(lines: list[str]) -> list[str]:
    """A word hyphenated at a line end is joined on the upper line ("derglei-" + "chen ..."), as
    pdfium does for a text layer, so that a search finds it; "Ver- und Entsorgung" stays."""
    out = list(lines)
    for i in range(len(out) - 1):
        head, rest = out[i], out[i + 1]
        if "\t" in rest:
            continue
        first, _, tail = rest.partition(" ")
        if hyphen_joins(head, first):
            out[i], out[i + 1] = head[:-1] + first, tail
    # A line that was one word only is gone, not left blank (a blank line ends a paragraph).
    return [line for i, line in enumerate(out) if line or not lines[i]]


def dehyphenate(text: str) -> str:
    """``text`` with every word hyphenated at a line end joined ("Energiegenos-\\nsenschaft"); the
    line ends elsewhere stay."""
    return _EOL_HYPHEN.sub(lambda m: "" if hyphen_joins("x-", m.group(1)) else m.group(0), text)
