"""Normalisers for values read out of Vorlagen: dates, identifiers, public status."""

from __future__ import annotations

import re
from datetime import date

from ..words import alternation, words

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dez": 12,
    # English, as RIS pages print dates in their default locale ("2026 Oct 21")
    "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7, "october": 10, "oct": 10,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_NUMERIC = r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d|\.\d)"
DATE_WORDS = rf"(?<!\d)(\d{{1,2}})\.\s*({_MONTH_NAMES})\.?\s+(\d{{4}})(?!\d)"
DATE_ISO = r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
# "2026 Oct 21" (year first), "21 Oct 2026" (no dot after the day)
DATE_YEAR_WORDS = rf"(?<!\d)(\d{{4}})\s+({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?![\d.:])"
DATE_DAY_WORDS = rf"(?<![\d.])(\d{{1,2}})\s+({_MONTH_NAMES})\.?\s+(\d{{4}})(?!\d)"
DATE_ANY = re.compile(f"{DATE_NUMERIC}|{DATE_WORDS}|{DATE_ISO}|{DATE_YEAR_WORDS}|{DATE_DAY_WORDS}", re.I)


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
    if g[6] is not None:
        return _iso(int(g[6]), int(g[7]), int(g[8]))
    if g[9] is not None:
        return _iso(int(g[9]), MONTHS[g[10].lower()], int(g[11]))
    return _iso(int(g[14]), MONTHS[g[13].lower()], int(g[12]))


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO YYYY-MM-DD: 17.06.2025, 17.6.25, 17. Juni 2025, 2025-06-17,
    2025 Jun 17, 17 Jun 2025."""
    if not text:
        return None
    for m in DATE_ANY.finditer(text):
        iso = iso_from_match(m)
        if iso:
            return iso
    return None


# What stands before a date that is not the paper's own: a receipt stamp ("Eingang: 21.08.2026", OCR
# "Emgang 03. Mai"), a session row ("Gemeinderat 15./16.12.2020", "Bezirksvertretung 6 (Nord)  26.01.2012"),
# a decision or paper it refers to ("Zum Beschluss des Stadtrates vom 23.04.2020", "Antrag Nr. 26/2019 vom …").
_RECEIPT = re.compile(r"\b(?:E[imnl1]{1,2}g[ae]ng|Posteingang|[Ee]ingegangen|Eing\.)", re.I)
_SESSION_BEFORE = re.compile(
    r"\w(?:rat|rates|rats|ausschuss|ausschusses|vertretung|versammlung|beirat|beirates|kommission|konferenz)"
    r"(?:\s+\d+)?(?:\s*\([^)]*\))?\s*(?:vom|am)?\s*$"
    r"|\b(?:Beschlusses|Beschluss|Sitzung|Schreiben|Niederschrift|Protokoll)\b[^.]{0,40}\b(?:vom|am)\s*$"
    r"|\bNr\.?\s*[\w/.-]+\s+vom\s*$",  # "Antrag … Nr. 266/2019 vom 21.10.2019": the paper it answers
    re.I,
)


def others_date(line: str) -> bool:
    """Whether the first date of ``line`` belongs to something else than the paper: a receipt stamp, a
    session or a decision it refers to."""
    m = re.search(r"\d{1,2}\.(?:/\d{1,2}\.)?\s?(?:\d{1,2}\.|[A-Za-zÄÖÜäöü]{3,9}\.?\s)|\d{4}-\d\d-\d\d", line)
    head = line[: m.start()] if m else line
    return bool(_RECEIPT.search(head) or _SESSION_BEFORE.search(head))


_NOT_PUBLIC = re.compile(r"\b(nicht[\s-]?öffentlich\w*|nichtöffentlich\w*|nö|nein|n)\b|^\s*N\s*$", re.I)
_PUBLIC = re.compile(r"\b(öffentlich\w*|ö|ja)\b|^\s*Ö\s*$", re.I)


def parse_oeffentlich(text: str | None) -> bool | None:
    """Ö / öffentlich -> True, N / nicht öffentlich / nichtöffentlich -> False, anything else None."""
    if not text:
        return None
    t = text.strip()
    if _NOT_PUBLIC.search(t):
        return False
    if _PUBLIC.search(t):
        return True
    return None


# Label words that users type in front of identifiers and that are not part of the number.
_ID_LABEL = re.compile(r"^\s*(?:" + alternation(words("numbers", "identifier_labels")) + r")\s*[.:]?\s*(?=\S)", re.I)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})


# A register prefix printed before an Aktenzeichen ("(1) 11.40.90", "(FB 1) 20.03"): no part of the number.
_REGISTER = re.compile(r"^\s*\(\s*[^()]{1,12}\)\s*")
# A revision printed after a Vorlage-Nr. ("DS 79/2016 – 1. Ergänzung", "VII-A-07860-NF-04"): the base
# number is also a key, so the versions are found by it.
_VERSION = re.compile(
    r"\s*(?:[-–—,/]\s*)?(?:\d{1,2}\.?\s*)?(?:ergänzung|erganzung|neufassung|änderung|anderung|nachtrag"
    r"|fortschreibung|nf|äa|ergänzungsvorlage)\b.*$",
    re.I,
)


def _strip_labels(value: str) -> str:
    text = _REGISTER.sub("", value.strip(), count=1)
    while True:
        stripped = _ID_LABEL.sub("", text, count=1)
        stripped = _REGISTER.sub("", stripped, count=1)
        if stripped == text:
            return text
        text = stripped


def _key(text: str) -> str:
    # Leading zeros are folded so "VO/2023/117" meets "VO/2023/0117".
    parts = re.findall(r"[a-z0-9]+", text.lower().translate(_FOLD))
    return "-".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)


def identifier_key(value: str) -> str:
    """A loose key under which an identifier is found however it is typed.

    Case, spaces, leading zeros and the separators - / . _ are folded; label words ("Az.", "DS",
    "Vorlage-Nr.") and a register prefix in parentheses ("(1)", "(FB 1)") are dropped: "Az. 413 017",
    "413/017" and "(1) 413-017" all give "413-17". A register prefix alone ("(2)") gives no key.
    """
    text = _strip_labels(value)
    if not text or (_REGISTER.match(value) and not any(c.isdigit() for c in text)):  # "(2)", "(2) – Sch/mü"
        return ""
    return _key(text)


# What follows a file number in an Aktenzeichen: the writer's initials ("– Dom/mü") and a year ("- 2015").
_INITIALS = re.compile(r"\s*[-–—]?\s*[A-ZÄÖÜ][a-zäöüß]{0,3}\.?\s*/\s*[a-zäöüß]{1,4}\s*$")
_YEAR = re.compile(r"\s*[-–—/]\s*(?:19|20)\d\d\s*$")


def identifier_base(value: str | None, *, aktenzeichen: bool = False) -> str:
    """The key of an identifier without what follows its number: a revision ("DS 79/2016 – 1. Ergänzung"
    -> "79-2016"), the writer's initials and a year after an Aktenzeichen ("(2) 20 21 00 - 2015 Nie/mü"
    -> "20-21-0"); "" if there is nothing to strip."""
    if not value:
        return ""
    text = _strip_labels(value)
    base = _VERSION.sub("", text)
    if aktenzeichen:  # a Vorlage-Nr. ends in its year ("79/2016"), an Aktenzeichen's year is an addition
        base = _YEAR.sub("", _INITIALS.sub("", base)).strip()
        base = _YEAR.sub("", _INITIALS.sub("", base)).strip()  # "- 2013 Nie/mü": the year before the initials
    return _key(base) if _key(base) != _key(text) and any(c.isdigit() for c in base) else ""


def identifier_keys(value: str | None) -> tuple[str, ...]:
    """All keys of an identifier: the full key, and the key without leading letter groups
    ("VO/4680/2016" is also found as "4680/2016")."""
    if not value:
        return ()
    key = identifier_key(value)
    if not key:
        return ()
    keys = [key]
    parts = key.split("-")
    i = 0
    while i < len(parts) - 1 and parts[i].isalpha():
        i += 1
    if 0 < i < len(parts):
        keys.append("-".join(parts[i:]))
    return tuple(dict.fromkeys(keys))


def identifier_bases(value: str | None, *, aktenzeichen: bool = False) -> tuple[str, ...]:
    """The keys of the base number (see identifier_base), () if there is none. An Aktenzeichen is a
    path in the file plan, so its leading groups (at least three) are bases too: "53.20.61/20" is
    found by "53.20.61"."""
    base = identifier_base(value, aktenzeichen=aktenzeichen)
    keys = list(identifier_keys(base.replace("-", "/"))) if base else []
    if aktenzeichen:
        parts = (base or identifier_key(value or "")).split("-")
        keys += ["-".join(parts[:n]) for n in range(len(parts) - 1, 2, -1) if parts[n - 1].isdigit()]
    return tuple(k for k in dict.fromkeys(keys) if k and k not in identifier_keys(value))
