"""Normalisers for values read out of Vorlagen: dates, identifiers, public status.

They live in the lower text layer (archiv/text/), shared with the parsers, store, search and web;
the extractors import them from here."""

from __future__ import annotations

import re

from ..text.dates import DATE_ANY, DATE_ISO, DATE_NUMERIC, DATE_WORDS, MONTHS, iso_from_match, parse_date
from ..text.keys import identifier_base, identifier_bases, identifier_key, identifier_keys
from ..text.status import parse_oeffentlich

__all__ = [
    "DATE_ANY",
    "DATE_ISO",
    "DATE_NUMERIC",
    "DATE_WORDS",
    "MONTHS",
    "identifier_base",
    "identifier_bases",
    "identifier_key",
    "identifier_keys",
    "iso_from_match",
    "others_date",
    "parse_date",
    "parse_oeffentlich",
]


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
