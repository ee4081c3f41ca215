"""Where each field was read: the page and the character span in that page's text.

The extractors join wrapped lines and undo hyphenation, so a value is found again by comparing
"squashed" text (no whitespace, no hyphens, case-folded) and mapping the match back to the
original characters. A short value that occurs in several places is taken at its first place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from itertools import accumulate
from typing import Any

from ..models import Page
from .normalize import MONTHS

_SKIP = re.compile(r"[\s\-\u00ad‐‑–—]+")  # whitespace and hyphens, left out when comparing
_SKIP_BUT_NEWLINE = re.compile(r"[^\S\n]+|[\-\u00ad‐‑–—]+")
_MONTH_NAME = {n: name for name, n in MONTHS.items() if len(name) > 3}


class _Offsets:
    """For each character of a squashed text, the offset of the character it came from (one
    character may fold into several: "ß" into "ss"). Worked out a line at a time, and only for the
    lines asked about: most of a page is never looked up."""

    def __init__(self, text: str, line_starts: list[int], squashed_starts: list[int]) -> None:
        self.text = text
        self.line_starts = line_starts
        self.squashed_starts = squashed_starts
        self.lines: dict[int, list[int]] = {}

    def __getitem__(self, k: int) -> int:
        i = bisect_right(self.squashed_starts, k) - 1
        if i not in self.lines:
            start = self.line_starts[i]
            end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
            where: list[int] = []
            for j in range(start, end):
                if not _SKIP.match(self.text[j]):
                    where.extend([j] * len(self.text[j].casefold()))
            self.lines[i] = where
        return self.lines[i][k - self.squashed_starts[i]]


def squash(text: str) -> tuple[str, _Offsets]:
    """``text`` without whitespace and hyphens, case-folded, and where each of its characters came from."""
    lines = _SKIP_BUT_NEWLINE.sub("", text).casefold().split("\n")
    line_starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))][:-1]
    squashed_starts = [0, *accumulate(map(len, lines))][:-1]
    return "".join(lines), _Offsets(text, line_starts, squashed_starts)


class Locator:
    def __init__(self, pages: tuple[Page, ...]) -> None:
        self.pages = [(p.number, p.text, *squash(p.text)) for p in pages if p.text]

    def find(self, value: str | None, *, max_chars: int = 80) -> dict[str, Any] | None:
        return next(self._places(value, max_chars), None)

    def find_row(self, gremium: str | None, iso: str | None) -> dict[str, Any] | None:
        """A Beschlusslauf row's committee where its line (or the next) also holds the row's date:
        "Rat" is named in several rows and in the prose."""
        first = None
        for place in self._places(gremium, 80):
            first = first or place
            text = next(t for n, t, *_ in self.pages if n == place["page"])
            lines_around = "\n".join(text[: place["end"]].split("\n")[-1:] + text[place["end"] :].split("\n")[:2])
            if iso and any(form in lines_around for form in _date_forms(iso)):
                return place
        return first

    def _places(self, value: str | None, max_chars: int) -> Iterator[dict[str, Any]]:
        if not value:
            return
        truncated = len(value) > max_chars
        needle, _ = squash(value[:max_chars])
        if len(needle) < 2:
            return
        for number, text, squashed, where in self.pages:
            at = squashed.find(needle)
            while at >= 0:
                start, end = where[at], where[at + len(needle) - 1] + 1
                # whole words only: "Rat" is not the "rat" in "Beratung"
                cut_word = not truncated and end < len(text) and text[end].isalnum()
                if not ((start > 0 and text[start - 1].isalnum()) or cut_word):
                    yield {"page": number, "start": start, "end": end}
                at = squashed.find(needle, at + 1)

    def find_date(self, iso: str | None) -> dict[str, Any] | None:
        if not iso:
            return None
        for form in _date_forms(iso):
            found = self.find(form)
            if found:
                return found
        return None


def _date_forms(iso: str) -> tuple[str, ...]:
    d = date.fromisoformat(iso)
    return (
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        f"{d.day}. {_MONTH_NAME.get(d.month, '')} {d.year}",
        iso,
    )


def provenance(pages: tuple[Page, ...], fields: Any, known: set[str]) -> dict[str, Any]:
    """field -> {"page", "start", "end"} (or {"source": "metadata"}); list fields get one entry per item."""
    loc = Locator(pages)
    out: dict[str, Any] = {}
    for name in ("vorlage_nr", "aktenzeichen", "art", "koerperschaft", "fachbereich", "betreff",
                 "beschlussvorschlag", "begruendung"):  # fmt: skip
        if name in known:
            out[name] = {"source": "metadata"}
        elif span := loc.find(getattr(fields, name), max_chars=300 if name == "betreff" else 80):
            out[name] = span
    if "datum" in known:
        out["datum"] = {"source": "metadata"}
    elif span := loc.find_date(fields.datum):
        out["datum"] = span
    if fields.produkt and (span := loc.find(fields.produkt.nummer or fields.produkt.bezeichnung)):
        out["produkt"] = span
    for name in ("beteiligungen", "anlagen"):
        spans = [loc.find(v) for v in getattr(fields, name)]
        if any(spans):
            out[name] = spans
    if "beschlusslauf" in known:
        out["beschlusslauf"] = {"source": "metadata"}
    elif fields.beschlusslauf:
        out["beschlusslauf"] = [loc.find_row(r.gremium, r.datum) for r in fields.beschlusslauf]
    return out
