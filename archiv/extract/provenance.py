"""Where each field was read: the page and the character span in that page's text.

The extractors join wrapped lines and undo hyphenation, so a value is found again by comparing
"squashed" text (no whitespace, no hyphens, case-folded) and mapping the match back to the
original characters. A short value that occurs in several places is taken at its first place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..models import Page
from .normalize import MONTHS

_SKIP = re.compile(r"[\s\-\u00ad‐‑–—]")
_MONTH_NAME = {n: name for name, n in MONTHS.items() if len(name) > 3}


def _squash(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if _SKIP.match(ch):
            continue
        folded = ch.casefold()
        chars.append(folded)
        where.extend([i] * len(folded))
    return "".join(chars), where


class Locator:
    def __init__(self, pages: tuple[Page, ...]) -> None:
        self.pages = [(p.number, p.text, *_squash(p.text)) for p in pages if p.text]

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
        needle, _ = _squash(value[:max_chars])
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
