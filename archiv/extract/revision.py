"""The base paper of a revised version: "DS 121/2021 1. Ergänzung", "VII-A-08079-NF-02", "…/61750-1".

``vorlage_nr`` keeps its suffix (it is the revised paper's own number); ``basis_nr`` names the
paper it revises, read off the number itself or off the header's "1. Ergänzung zur Drucksache 10/2006".
"""

from __future__ import annotations

import re

from ..text.revision import split_revision

_WORDS = r"Ergänzung|Neufassung|Änderung|Nachtrag|Fortschreibung|Austauschvorlage|Ergänzungsvorlage|Änderungsvorlage"
# "1. Ergänzung zur Drucksache 10/2006", "Neufassung der Vorlage Nr. 2025/118", "Änderung zu DS 3/2017"
_MENTION = re.compile(
    rf"^(?:\d+\.\s*)?(?:{_WORDS})\s+(?:zu[mr]?|der|des|von)\s+(?:(?:Beschluss|Mitteilungs|Informations)?vorlage|"
    r"Drucksache|DS|Vorlage|Antrag|Antrags)?\s*(?:Nr\.?)?\s*:?\s*(?P<nr>[A-Z]{0,6}\s?[/-]?\d{1,6}(?:\s*[/-]\s*[0-9A-Za-z]{1,8}){1,3})\b",
    re.I,
)


def basis_nr(vorlage_nr: str | None, lines: list[str]) -> str | None:
    """The number of the paper a revised version revises; None for an original paper."""
    if vorlage_nr:
        base, suffix = split_revision(vorlage_nr)
        if suffix is not None:
            return base
    for line in lines[:40]:
        m = _MENTION.match(line.strip())
        if m:
            return " ".join(m.group("nr").split())
    return None
