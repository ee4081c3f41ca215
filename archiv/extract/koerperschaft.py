"""The body a paper belongs to ("Stadt Trier", "Gemeinde Nordstemmen", "Landkreis Darmstadt-Dieburg").

Only where the paper names one: a letterhead, footer or stamp line that begins with the body
("STADT KARLSRUHE", "Gemeinde Nordstemmen • Der Bürgermeister"), else the body the text names
("im Rat der Stadt Köln"), most often first. A word after "Stadt" is no name when it is a common noun
("Stadt Abstimmung"), an OCR scrap ("Stadt Su") or runs on into a broken character.
"""

from __future__ import annotations

import re
from collections import Counter

from .vocabulary import KOERPERSCHAFT_KINDS

_KIND = "|".join(re.escape(k) for k in KOERPERSCHAFT_KINDS)
_NAME = (
    r"(?:Bad\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    r"(?:\s+(?:am|an der|im|ob der|in der|vor der)\s+[A-ZÄÖÜ][a-zäöüß]+)?"
)
# the name ends at a space, a punctuation mark or the line's end, not inside a broken word ("AusschÃ¼sse")
_END = r"(?=[\s,.;:!?)\]\"“”'/•|–-]|$)"
_IN_TEXT = re.compile(rf"\b(?P<kind>{_KIND})\s+(?P<name>{_NAME}){_END}")
# a line of capitals: "STADT KARLSRUHE", "LANDKREIS DARMSTADT-DIEBURG"
_CAPS_LINE = re.compile(rf"^(?P<kind>{_KIND.upper()})\s+(?P<name>[A-ZÄÖÜ]{{3,}}(?:-[A-ZÄÖÜ]{{3,}})*){_END}")
# Words after "Stadt"/"Gemeinde" that are no names ("die Stadt Verwaltung" is a typo, not a body).
_NOT_A_NAME = {"Verwaltung", "Rat", "Ortsrat", "Bürgermeister", "Bürgermeisterin", "Und", "Oder", "Der", "Die", "Das"}
# German common nouns end so; place names rarely do ("Stadt Abstimmung", "Gemeinde Verwaltungsgemeinschaft")
_COMMON_NOUN = re.compile(
    r"(?:ung|heit|keit|schaft|tion|ität|nis|ismus|ment|ie|rat|amt|ausschuss|schüsse|verwaltung|ige|ische|liche|ende)$"
)  # and adjectives ("Region Vielfältige")


def _name_ok(name: str) -> bool:
    first = name.split()[0]
    return len(first) >= 3 and first not in _NOT_A_NAME and not _COMMON_NOUN.search(name.lower())


def _caps(kind: str, name: str) -> str:
    return f"{kind.title()} " + "-".join(part.capitalize() for part in name.split("-"))


def _letterhead(line: str) -> str | None:
    s = line.strip()
    if not s or len(s) > 70:
        return None
    m = _CAPS_LINE.match(s)
    if m and _name_ok(m.group("name").capitalize()):
        kind = next(k for k in KOERPERSCHAFT_KINDS if k.upper() == m.group("kind"))
        return f"{kind} " + _caps("", m.group("name")).strip()
    m = _IN_TEXT.match(s)
    if m and _name_ok(m.group("name")):
        return f"{m.group('kind')} {m.group('name')}"
    return None


def koerperschaft(lines: list[str], header_end: int) -> str | None:
    for line in lines:
        found = _letterhead(line)
        if found:
            return found

    def named(text: str) -> list[str]:
        return [f"{m.group('kind')} {m.group('name')}" for m in _IN_TEXT.finditer(text) if _name_ok(m.group("name"))]

    in_header = named("\n".join(lines[:header_end]))
    if in_header:
        return in_header[0]
    everywhere = named("\n".join(lines))
    if not everywhere:
        return None
    counts = Counter(everywhere)
    best = max(counts.values())
    return next(name for name in everywhere if counts[name] == best)
