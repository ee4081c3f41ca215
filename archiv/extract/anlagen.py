"""The Anlagen of a Vorlage: one entry per attachment, from the list under an "Anlagen" label."""

from __future__ import annotations

import re

from ..text.lines import join_lines
from .patterns import ROMAN_HEADING, clean_value

_ANLAGE_ITEM = re.compile(r"^(?:[-–•·*▪]\s*|Anlage\s*\d+[a-z]?\s*[:.)–-]?\s*|\d+[.)]\s+)", re.I)
_NOT_TITLE = re.compile(r"^(?:\d+[.)]?|[\d.,]+\s*(?:KB|MB|kB|Bytes?)|PDF|DOCX?|Anlage\s*\d+)$", re.I)

# "(PDF, 264 KB)": the download's type and size that an RIS page prints after an Anlage's title
_FILE_INFO = re.compile(r"\s*\((?:PDF|DOCX?|XLSX?|ODT|JPE?G|PNG|ZIP)(?:,\s*[\d.,]+\s*[KMG]?B)?\)\s*$", re.I)


_NO_ANLAGEN = re.compile(r"^(?:keine|entfällt|ohne|nein|[-–—/])\.?$", re.I)
_MARKER = re.compile(r"^\[[^\]]{2,40}\]$")  # "[Dokumentende]", "[Seite 2]": an export's marker
_WRAPS = re.compile(r"(?:[-,(/&+]|\bund|\boder|\bzum|\bzur|\bder|\bdes|\bvom)$")


def anlagen(lines: list[str]) -> list[str]:
    """One entry per attachment; a line that continues a wrapped title is joined to it, a paragraph after a
    bulleted list is not taken along, and "keine" means none."""
    items: list[str] = []
    bulleted = False
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if "©" in s or s.startswith(("(c)", "Copyright")) or ROMAN_HEADING.match(s) or _MARKER.match(s):
            break  # page footer, an export's end marker, the next numbered part of a SessionNet print
        if "\t" in s:  # a table row: number, title, size
            cells = [c for c in s.split("\t") if c.strip() and not _NOT_TITLE.match(c.strip())]
            if cells:
                items.append(clean_value(_FILE_INFO.sub("", max(cells, key=len))) or "")
            continue
        bullet = _ANLAGE_ITEM.match(s)
        title = clean_value(_FILE_INFO.sub("", s[bullet.end() :] if bullet else s))
        if not title:
            continue
        if bullet or not items:
            bulleted = bulleted or bool(bullet)
            items.append(title)
        elif title[:1].islower() or _WRAPS.search(items[-1]) or len(items[-1]) >= 60:
            items[-1] = join_lines([items[-1], title])  # a title wrapped over two lines
        elif bulleted:
            break  # the paragraph after the list
        else:
            items.append(title)  # a list of one title per line
    return [] if len(items) == 1 and _NO_ANLAGEN.match(items[0]) else items
