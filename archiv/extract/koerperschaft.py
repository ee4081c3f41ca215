"""The body a paper belongs to ("Stadt Trier", "Gemeinde Nordstemmen", "Landkreis Darmstadt-Dieburg").

Only where the paper names one: a letterhead, footer or stamp line (or a stamp's cell of an OCR line) that
begins with the body ("STADT KARLSRUHE", "Gemeinde Nordstemmen • Der Bürgermeister", "stadt Köln"), else
the body the text names ("im Rat der Stadt Köln"), most often first. A word after "Stadt" is no name when
it is a common noun ("Stadt Abstimmung"), an OCR scrap ("Stadt Su") or runs on into a broken character.

A letter of a council group or an office often names its body only by its place: the place-and-date line
("Erlangen, den 16.12.2020"), the postal address of the town hall it is sent to ("Rathaus / 91052
Erlangen") or a council named by its place ("Stadtrat Augsburg"). The kind of body then comes from what
the paper says of it: an Oberbürgermeister, a Stadtrat, a Bezirksvertretung or "städtisch" belong to a
Stadt; a Gemeindevertretung or Gemeindeverwaltung alone to a Gemeinde. Without such a word the place names no body.
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


# "der inklusiven Stadt" / "Bürgerstadt …" (a table's cells): a kind word after an adjective is a common noun
# ("Weltoffene Stadt", a cell's first word, is capitalised); an article or pronoun is no adjective
_ATTRIBUTE = re.compile(
    r"(?<![\w-])(?!(?:[Dd]ie|[Dd]er|[Dd]es|[Dd]em|[Dd]en|(?:[Ee]in|[Dd]ies|[Jj]en|[Uu]nser|[Ii]hr|[Ss]ein|[Ee]ur|[Mm]ein"
    r"|[Jj]ed|[Aa]ll|[Ww]elch)\w*)\s)(?:[a-zäöüß]{2,}(?:e|en|er|es|em)|[A-ZÄÖÜ][a-zäöüß]+e)\s+$",
)


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


def _stamp(cell: str) -> str | None:
    """A stamp's cell on an OCR line ("stadt Köln"): the kind is capitalised, the rest as printed."""
    s = cell.strip()
    m = _IN_TEXT.match(s[:1].upper() + s[1:]) if len(s) <= 40 else None
    return f"{m.group('kind')} {m.group('name')}" if m and _name_ok(m.group("name")) else None


def koerperschaft(lines: list[str], header_end: int) -> str | None:
    for line in lines:
        found = _letterhead(line) or next(filter(None, map(_stamp, line.split("\t")[1:])), None)
        if found:
            return found

    def named(text: str) -> list[str]:
        return [
            f"{m.group('kind')} {m.group('name')}"
            for m in _IN_TEXT.finditer(text)
            if _name_ok(m.group("name")) and not _ATTRIBUTE.search(text[max(m.start() - 40, 0) : m.start()])
        ]

    in_header = named("\n".join(lines[:header_end]))
    if in_header:
        return in_header[0]
    everywhere = named("\n".join(lines))
    if not everywhere:
        return _by_place(lines) or _by_adjective("\n".join(lines))
    counts = Counter(everywhere)
    best = max(counts.values())
    return next(name for name in everywhere if counts[name] == best)


_PLACE = r"(?P<place>[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)*)"
_DATE = r"\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s?\d{2,4}"
# "Erlangen, den 16.12.2020", "Köln, 23. Januar 2012", "Erlangen 04.11.2020" at the end of a line or cell
_PLACE_DATE = re.compile(
    rf"(?:^|\s){_PLACE}(?:,\s*(?:den\s+)?|\s+den\s+|\s+){_DATE}(?:\s*/\s*\S{{1,8}}|\s+\S{{1,6}})?\s*(?:\t|$)"
)
# "Rathaus 50667 Köln", "91052 Erlangen" (the line under "Rathaus")
_POSTCODE = re.compile(rf"(?:^|\s)\d{{5}}\s+{_PLACE}\s*$")
_TOWN_HALL = re.compile(r"\bRathaus\b")
# a council named by its place: "Stadtrat Augsburg", "Rat der Stadt" is taken by _IN_TEXT already
# (not "Stadtrat Hans Müller", a member: a second name follows; not "Stadtrat Müller (CDU):", a speaker;
# not "Herr Stadtrat Huber,")
_COUNCIL_OF = re.compile(
    r"(?<!Herr )(?<!Frau )\b(?:Stadtrat(?:es|s)?|Stadtratsfraktion|Stadtverordnetenversammlung|Stadtverwaltung)"
    rf"[ \t]+{_PLACE}\b"
    r"(?!\s+[A-ZÄÖÜ][a-zäöüß]|-|\s*[:,]|\s*\([^)]{1,30}\)\s*:)"
)
# words before a date that are no place ("Eingang 23.01.2012", "Stand 01.02.2024", "Gemeinderat 15.12.2020")
_NOT_PLACE = re.compile(
    r"^(?:Eingang|Eingegangen|Posteingang|Stand|Datum|Termin|Sitzung|Frist|Beginn|Ende|Montag|Dienstag|Mittwoch"
    r"|Donnerstag|Freitag|Samstag|Sonntag|Den|Vom|Am|Bis|Ab|Seit|Nr|Vorlage|Antrag|Anfrage|Beschluss)$"
    r"|(?:rat|rates|ausschuss|vertretung|versammlung|beirat|kommission|tag|konferenz|sitzung|gremium)$",
    re.I,
)
# "Ortschaftsrat Nordau 10.07.2026", "Bezirksvertretung Nord 12.03.2026": a session row, no place-and-date line
_COMMITTEE_BEFORE = re.compile(
    r"(?:rat|ausschuss|vertretung|versammlung|beirat|kommission|bezirk|teil|schaft)\s+(?:\d+\s+)?$", re.I
)
_CITY = re.compile(
    r"\bOberbürgermeister|\bStadtr[aä]t|\bStadtbezirk|\bBezirksvertretung|\bStadtverordnete|\bStadtverwaltung"
    r"|\bRat der Stadt|\bStadtratsfraktion|städtisch",
    re.I,
)
# (not "Gemeinderat": in Baden-Württemberg a Stadt's council is its Gemeinderat too)
_MUNICIPALITY = re.compile(r"\bGemeindevertretung|\bGemeindeverwaltung|\bGemeindedirektor|\bGemeindeverordnete", re.I)


def _kind_of_body(text: str) -> str | None:
    if _CITY.search(text):
        return "Stadt"
    return "Gemeinde" if _MUNICIPALITY.search(text) else None


def _by_place(lines: list[str]) -> str | None:
    """A body named by its place (module docstring): the council named by its place, the place-and-date
    line, the town hall's postal address, the one place all postal addresses of the first lines share."""
    text = "\n".join(lines)
    kind = _kind_of_body(text)
    if kind is None:
        return None
    for m in _COUNCIL_OF.finditer(text):
        if _place_ok(m["place"], text):
            return f"Stadt {m.group('place')}"
    head = lines[:60]
    for line in head:
        for cell in line.split("\t"):
            m = _PLACE_DATE.search(cell.strip())
            if m and _place_ok(m["place"], text) and not _COMMITTEE_BEFORE.search(cell.strip()[: m.start("place")]):
                return f"{kind} {m.group('place')}"
    places = []
    for i, line in enumerate(head[:30]):
        for cell in line.split("\t"):
            m = _POSTCODE.search(cell.strip())
            if m and _name_ok(m.group("place")):
                near = " ".join(head[max(i - 1, 0) : i + 1])
                if _TOWN_HALL.search(near):
                    return f"{kind} {m.group('place')}"
                places.append(m.group("place"))
    return f"{kind} {places[0]}" if places and len(set(places)) == 1 else None


# "Leipziger Solardachkataster": a place's adjective before a noun
_ADJECTIVE = re.compile(r"\b(?P<place>[A-ZÄÖÜ][a-zäöüß]{3,})er\s+[A-ZÄÖÜ][a-zäöüß]")


# the part of a town a district council or a Stadtteil is named by ("Ortschaftsrat Durlach"): no body
_DISTRICT = (
    r"(?:Ortschaftsrat|Ortsrat|Ortsbeirat|Bezirksbeirat|Stadtbezirk|Bezirksvertretung|Stadtteil|Ortsteil|Ortschaft)"
)


def _place_ok(place: str, text: str) -> bool:
    """A name that can be a body's place: no common noun or label word, no district of a town."""
    district = re.search(rf"\b{_DISTRICT}\s+(?:\d+\s+)?{re.escape(place)}(?![\w-])", text)
    return _name_ok(place) and not _NOT_PLACE.search(place) and not district


def _by_adjective(text: str) -> str | None:
    """A place the text names both by itself and by its adjective ("Leipzigs Dächer", "Leipziger
    Kataster"), in a paper that says what kind of body it belongs to."""
    kind = _kind_of_body(text)
    if kind is None:
        return None
    for m in _ADJECTIVE.finditer(text):
        place = m.group("place")
        named_alone = re.search(rf"(?<=[a-zäöüß,] ){place}s?(?![\w-])", text)
        often = len(re.findall(rf"\b{place}er\s+[A-ZÄÖÜ]", text)) >= 2  # once is a mention ("Pariser Klimaziele")
        if named_alone and often and _place_ok(place, text):
            return f"{kind} {place}"
    return None
