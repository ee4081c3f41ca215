"""The session a Niederschrift records: its committee, date and public status, from the head lines."""

from __future__ import annotations

import re

from ...models import Sitzung
from ...text.status import status_in
from ..normalize import parse_date
from .headings import SECTION

_SPACED = re.compile(r"^\s*(?:\w ){3,}\w\s*$")


def unspaced(line: str) -> str:
    """ "P r o t o k o l l" -> "Protokoll" (a title set letter-spaced)."""
    return line.replace(" ", "") if _SPACED.match(line) else line


# --- the session ----------------------------------------------------------------------------

_GREMIUM_LABEL = re.compile(r"^\s*(?:gremium|thema)\s*:\s*(?P<g>.+)$", re.I)
_SITZUNG_OF = re.compile(
    r"(?i:\w*sitzung|niederschrift|protokoll)\s+(?:des\s+|der\s+)?(?P<g>[A-ZÄÖÜ][^\d(]*?)"
    r"(?=\s+(?:am|vom|in|im|den)\b|\s*\(|\s*$)"
)
_KOERPERSCHAFT_TAIL = re.compile(r"\s+(?:der|des)\s+(?:Gemeinde|Stadt|Landkreis|Kreis|\w*gemeinde)\b.*$")
_GENITIVE = re.compile(r"^(?P<w>\S*(?:rat|ausschuss|ausschuß|tag|beirat|kollegium|gremium))(?:es|s)\b", re.I)
_DATE = re.compile(
    r"\b\d{1,2}\.\s*(?:\d{1,2}\.|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november"
    r"|dezember)\s*\d{2,4}",
    re.I,
)
_DATE_CUE = re.compile(r"(?:termin|datum|am|vom|dem|sitzung)\W*(?:\w+,?\s+){0,3}$", re.I)


def _gremium(head: list[str]) -> str | None:
    found = None
    for s in head:
        if m := _GREMIUM_LABEL.match(s):
            found = m.group("g")
            break
    if found is None:
        found = next((m.group("g") for s in head[:8] if (m := _SITZUNG_OF.search(s))), None)
    if not found:
        return None
    g = re.sub(
        r"^(?:\d+\.\s*)?(?:(?:nicht)?öffentliche\s+)?\w*sitzung\s+(?:des\s+|der\s+)?", "", found.strip(), flags=re.I
    )
    g = _KOERPERSCHAFT_TAIL.sub("", g).strip(" ,:")
    g = _GENITIVE.sub(lambda m: m.group("w"), g)
    return g or None


def read_sitzung(lines: list[str]) -> Sitzung:
    head = [unspaced(s).strip() for s in lines if s.strip()][:25]
    joined = " ".join(head)
    datum = None
    dates = list(_DATE.finditer(joined))
    for m in dates:
        if _DATE_CUE.search(joined[max(0, m.start() - 40) : m.start()]):
            datum = parse_date(m.group(0))
            break
    if datum is None and dates:
        datum = parse_date(dates[0].group(0))
    oeffentlich = None
    for s in head:
        if SECTION.match(s):
            break  # "- öffentlicher Teil -": the agenda starts, the session has parts
        oeffentlich = status_in(s)
        if oeffentlich is not None:
            break
    return Sitzung(_gremium(head), datum, oeffentlich)
