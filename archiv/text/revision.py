"""The revision suffix of a Vorlage-Nr.: "DS 121/2021 1. Ergänzung", "DS 10/2008 - 2. Neufassung",
"VII-A-08079-NF-02", "ANT-BSV/25/61750-1". The one recogniser for extraction (``basis_nr``),
identifier keys (a revision is also found by its base number) and grouping (a revision is a
version of its base paper)."""

from __future__ import annotations

import re

_WORDS = (
    r"ergänzung(?:svorlage)?|erganzung|erg\.|neufassung|änderung(?:svorlage|sfassung)?|anderung|nachtrag"
    r"|fortschreibung|austauschvorlage|nf|äa"
)
# "DS 121/2021 1. Ergänzung", "DS 10/2008 - 2. Neufassung", "DS 5/2020 (Änderung)": a revision word
# (not inside another word: "Satzungsänderung" is a title), maybe numbered, after the number.
_WORD_SUFFIX = re.compile(
    rf"^(?P<base>.*?\d.*?)[\s,;:–—_/(-]*(?P<suffix>(?:\d{{1,2}}\s*\.\s*)?(?<![^\W\d_])(?:{_WORDS})(?![^\W\d_]).*)$",
    re.I,
)
# ALLRIS-style letter codes of a new version: "-NF-02" (Neufassung), "-ÄA-01" (Änderungsantrag), "-E-01"
_CODE_SUFFIX = re.compile(r"^(?P<base>.*\d)[-/](?P<suffix>(?:(?i:NF|ÄA|AEA|ÄEA|EA|ErgA|ÄndA)|N|E)(?:[-/]?\d{1,3})?)$")
# "ANT-BSV/25/61750-1", "2025/0123-2": a numbered version after a number with a year part
_NUMBERED = re.compile(r"^(?P<base>.*\d+\s*/\s*\d{2,}(?:\s*/\s*\d+)?)\s*-\s*(?P<suffix>\d{1,2})$")


def split_revision(number: str) -> tuple[str, str | None]:
    """(base number, revision suffix) as printed: "DS 79/2016 – 1. Ergänzung" -> ("DS 79/2016",
    "1. Ergänzung"); (number, None) where the number names no revision."""
    text = " ".join(number.split())
    for pattern in (_WORD_SUFFIX, _CODE_SUFFIX, _NUMBERED):
        m = pattern.match(text)
        if m:
            base = m.group("base").strip(" -–—,;:_/(")
            if base and any(c.isdigit() for c in base):
                return base, m.group("suffix").strip(" )")
    return text, None
