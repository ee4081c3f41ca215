"""Identifier keys: a Vorlage-Nr. or an Aktenzeichen is found however it is typed ("Az. 413 017",
"413/017" and "(1) 413-017" are one key), and a revision also by its base number."""

from __future__ import annotations

import re

from ..words import alternation, words
from .revision import split_revision

# Label words that users type in front of identifiers and that are not part of the number.
_ID_LABEL = re.compile(r"^\s*(?:" + alternation(words("numbers", "identifier_labels")) + r")\s*[.:]?\s*(?=\S)", re.I)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})


# A register prefix printed before an Aktenzeichen ("(1) 11.40.90", "(FB 1) 20.03"): no part of the number.
_REGISTER = re.compile(r"^\s*\(\s*[^()]{1,12}\)\s*")


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
    base = split_revision(text)[0]
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
