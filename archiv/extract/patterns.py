"""Patterns shared by the field readers: header lines that are no prose."""

from __future__ import annotations

import re

from ..text.status import STATUS
from ..text.status import STATUS_WORD as STATUS_WORD  # the field readers take it from here
from .vocabulary import ARTEN

# A header line that is only an identifier: "ANF/25/61796", "VII-DS-08561-NF-01", "TVO-BSV/25/61736-2".
BARE_ID = re.compile(r"^(?=[A-Z0-9/-]{6,30}$)(?=.*\d{2})(?=.*[A-Z])[A-Z]{1,6}(?:[-/][A-Z0-9]{1,6}){2,5}$")
ART_LINE = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(a) for a in sorted(ARTEN, key=len, reverse=True)) + r")\b", re.I
)
# A numbered part of a SessionNet print: "II. Begründung", "III. Abstimmung".
ROMAN_HEADING = re.compile(r"^[IVX]{1,4}\.\s+\S")
STATUS_LINE = re.compile(rf"^Beratung in (?:{STATUS}er|\S{{1,30}}) Sitzung", re.I)
CHECKBOX = re.compile(r"[☐☒☑□■]|\bJa\s+[☐☒□■]|^Beteiligung\s+\w+\s+Ja\b", re.I)
LETTER_SPACED = re.compile(r"(?:[A-ZÄÖÜ] )+[A-ZÄÖÜ]")


def clean_value(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.replace("\t", " ").split()).strip(" :;,")
    return value or None


# The salutation that opens a letter's body: never a subject, never a label's value.
SALUTATION = re.compile(r"^(?:Sehr\s+geehrt\w*|Liebe[rn]?\s|Guten\s+Tag\b|Hallo\b)", re.I)
