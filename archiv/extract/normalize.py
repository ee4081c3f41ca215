"""Normalisers for values read out of Vorlagen: dates, identifiers, public status.

They live in the lower text layer (archiv/text/), shared with the parsers, store, search and web;
the extractors import them from here."""

from __future__ import annotations

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
    "parse_date",
    "parse_oeffentlich",
]
