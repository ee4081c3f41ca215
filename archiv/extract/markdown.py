"""Markdown papers read like the print they stand for: headings without "#", tables as TAB rows,
bold labels ("**Vorlage-Nr.:** 2026/031") as plain "Label: value" lines."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_ITALIC_LINE = re.compile(r"^\s*[*_]([^*_].*?)[*_]\s*$")


def is_markdown(lines: list[str]) -> bool:
    """Two or more Markdown signs: a "#" heading, a table rule, a bold label."""
    signs = sum(bool(_HEADING.match(ln) or _TABLE_RULE.match(ln) or ln.lstrip().startswith("**")) for ln in lines)
    return signs >= 2 and any(_HEADING.match(ln) or _TABLE_RULE.match(ln) for ln in lines)


def plain(text: str) -> str:
    lines = text.split("\n")
    if not is_markdown(lines):
        return text
    out: list[str] = []
    for line in lines:
        if _TABLE_RULE.match(line):
            continue
        m = _TABLE_ROW.match(line)
        if m:
            out.append("\t".join(c.strip() for c in m.group(1).split("|")))
            continue
        m = _HEADING.match(line)
        if m:
            line = m.group(1)
        line = _EMPHASIS.sub(r"\2", line)
        m = _ITALIC_LINE.match(line)
        out.append((m.group(1) if m else line).rstrip())
    return "\n".join(out)
