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

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_NUMERIC = r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d|\.\d)"
DATE_WORDS = rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_NAMES})\.?\s+(\d{{4}})(?!\d)"
DATE_ISO = r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
DATE_ANY = re.compile(f"{DATE_NUMERIC}|{DATE_WORDS}|{DATE_ISO}", re.I)


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
        return _iso(int(g[5]), MONTHS[g[4].lower()], int(g[3]))
    return _iso(int(g[6]), int(g[7]), int(g[8]))


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO YYYY-MM-DD: 17.06.2025, 17.6.25, 17. Juni 2025, 2025-06-17."""
    if not text:
        return None
    for m in DATE_ANY.finditer(text):
        iso = iso_from_match(m)
        if iso:
            return iso
