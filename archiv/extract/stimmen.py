"""Votes of a Beschlusslauf row: from the columns of a results table or from the vote text.

"Ja 12 / Nein 3 / Enthaltung 1", "12 Ja-Stimmen, 3 Gegenstimmen, 1 Enthaltung", "einstimmig",
"mehrheitlich bei 2 Gegenstimmen und 1 Enthaltung": every count that is printed, None for the rest.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import BeschlusslaufRow, Stimmen
from ..words import vocabulary

# The words for each count; a count stands before ("12 Ja-Stimmen") or after ("Ja: 12") its word.
_WORDS = {kind: "|".join(parts) for kind, parts in vocabulary()["vote_words"].items()}  # vocabulary.toml
_NUMBER_WORDS = {"keine": 0, "kein": 0, "eine": 1, "einer": 1, "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5}
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_AFTER = {k: re.compile(rf"\b(?:{w})\s*[:=]?\s*{_COUNT}\b", re.I) for k, w in _WORDS.items()}
_BEFORE = {k: re.compile(rf"\b{_COUNT}\s+(?:{w})(?![\wäöü])", re.I) for k, w in _WORDS.items()}
_UNANIMOUS = re.compile(r"\beinstimmig\b", re.I)
# "12:3:1" / "12/3/1" printed as the vote of a row (Ja:Nein:Enthaltung, the usual order)
_TRIPLE = re.compile(r"(?<![\d./])(\d{1,3})\s*[:/]\s*(\d{1,3})\s*[:/]\s*(\d{1,3})(?![\d./])")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


def votes_in(text: str | None) -> Stimmen | None:
    """The counts a vote text prints; None where it prints none."""
    if not text:
        return None
    # "Ja 9 Nein 0" and "9 Ja, 0 Nein" both occur: read the text both ways, keep the reading that finds more
    # counts, and on a tie the one that fits how the text begins (a count first, or a word first)
    before = {k: _number(m.group("n")) for k in _WORDS if (m := _BEFORE[k].search(text))}
    after = {k: _number(m.group("n")) for k in _WORDS if (m := _AFTER[k].search(text))}
    count_first = bool(re.match(r"\W*\d", text))
    counts: dict[str, int | None] = dict(
        max((before, count_first), (after, not count_first), key=lambda x: (len(x[0]), x[1]))[0]
    )
    if not counts:
        m = _TRIPLE.search(text)
        if m and ("ja" in text.lower() or "stimm" in text.lower() or "abstimm" in text.lower()):
            counts = {"ja": int(m.group(1)), "nein": int(m.group(2)), "enthaltung": int(m.group(3))}
    if _UNANIMOUS.search(text):
        counts.setdefault("nein", 0)  # unanimous: no vote against; abstentions only where printed
    if not counts:
        return None
    return Stimmen(counts.get("ja"), counts.get("nein"), counts.get("enthaltung"))


def votes_from_cells(values: dict[str, str]) -> Stimmen | None:
    """The counts of a results table's Ja / Nein / Enthaltung columns."""
    counts: dict[str, int | None] = {}
    for key in ("ja", "nein", "enthaltung"):
        cell = (values.get(key) or "").strip()
        m = re.fullmatch(r"[-–]|\d{1,3}", cell)
        if m:
            counts[key] = 0 if cell in "-–" else int(cell)
    return Stimmen(counts.get("ja"), counts.get("nein"), counts.get("enthaltung")) if counts else None


def outcome(votes: Stimmen) -> str | None:
    """A results table without an outcome column: more Ja than Nein carries the motion, a tie does not."""
    if votes.ja is None or votes.nein is None:
        return None
    return "beschlossen" if votes.ja > votes.nein else "abgelehnt"


def with_votes(rows: list[BeschlusslaufRow]) -> list[BeschlusslaufRow]:
    """Rows whose vote text prints counts gain them as ``stimmen``."""
    out = []
    for row in rows:
        if row.stimmen is None and row.ergebnis:
            votes = votes_in(row.ergebnis)
            if votes:
                row = replace(row, stimmen=votes)
        out.append(row)
    return out
