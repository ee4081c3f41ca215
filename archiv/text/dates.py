"""Dates as printed in German council papers, as ISO YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dez": 12,
}  # fmt: skip
# English too, as RIS pages print dates in their default locale ("2026 Oct 21"); read, never written
_READ_MONTHS = {
    **MONTHS, "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7, "october": 10,
    "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(_READ_MONTHS, key=len, reverse=True))
DATE_NUMERIC = r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d|\.\d)"
DATE_WORDS = rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_NAMES})\.?\s+(\d{{4}})(?!\d)"
DATE_ISO = r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
# "2026 Oct 21" (year first), "21 Oct 2026" (no dot after the day)
DATE_YEAR_WORDS = rf"(?<!\d)(\d{{4}})\s+({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?![\d.:])"
DATE_DAY_WORDS = rf"(?<![\d.])(\d{{1,2}})\s+({_MONTH_NAMES})\.?\s+(\d{{4}})(?!\d)"
# Every form starts with a digit: the lookahead lets the engine pass every other character with one
# test instead of five (the same matches and groups; the entities run this over whole texts).
DATE_ANY = re.compile(rf"(?=\d)(?:{DATE_NUMERIC}|{DATE_WORDS}|{DATE_ISO}|{DATE_YEAR_WORDS}|{DATE_DAY_WORDS})", re.I)


def _iso(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def iso_from_match(m: re.Match[str]) -> str | None:
    g = m.groups()
    if g[0] is not None:
        return _iso(int(g[2]), int(g[1]), int(g[0]))
    if g[3] is not None:
        return _iso(int(g[5]), _READ_MONTHS[g[4].lower()], int(g[3]))
    if g[6] is not None:
        return _iso(int(g[6]), int(g[7]), int(g[8]))
    if g[9] is not None:
        return _iso(int(g[9]), _READ_MONTHS[g[10].lower()], int(g[11]))
    return _iso(int(g[14]), _READ_MONTHS[g[13].lower()], int(g[12]))


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO YYYY-MM-DD: 17.06.2025, 17.6.25, 17. Juni 2025, 2025-06-17,
    2025 Jun 17, 17 Jun 2025."""
    if not text:
        return None
    for m in DATE_ANY.finditer(text):
        iso = iso_from_match(m)
        if iso:
            return iso
