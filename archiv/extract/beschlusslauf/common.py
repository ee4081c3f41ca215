"""What the text-table readers share: what a row's line, a committee, a vote and a header look like."""

from __future__ import annotations

import re

from ...words import alternation, words
from ..vocabulary import GREMIUM_WORDS, ROLES, TABLE_COLUMNS

GREMIUM = re.compile(GREMIUM_WORDS, re.I)
# a cell that holds only the Ö/N flag
PUBLIC_CELL = re.compile(r"^(?:" + alternation(words("status_cells")) + r")$", re.I)
ROLES_LONGEST = sorted(ROLES, key=len, reverse=True)

# A row's line: "Gremium dd.mm.yyyy [rest]" (the Gremium may be empty where it wraps above).
ROW = re.compile(r"^(?P<gremium>.*?)\s*(?<![\d.])(?P<datum>\d{1,2}\.\d{1,2}\.\d{2,4})(?:\s+(?P<rest>.*))?$")


# Words of a vote or an outcome (vocabulary.toml).
RESULT = re.compile(
    alternation(words("result_words")) + r"|(?:" + alternation(words("result_whole_words")) + r")\b", re.I
)
OPEN_END = re.compile(r"(?:,|\bund|\boder|-|/|\bbei|\beiner|\bin|\bim|\bfür|\bder|\bdes|\blt\.)$")


def is_open(text: str | None) -> bool:
    return bool(text) and bool(OPEN_END.search(text.strip()))


def is_open_vote(text: str | None) -> bool:
    """A vote that goes on below: "… lt.", "Mehrheitlich bei 1" / "Gegenstimme lt.", "mit Änderung:"."""
    return is_open(text) or bool(text and DANGLING.search(text.strip()))


DANGLING = re.compile(r"(?:\b(?:\d+|eine[rm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)|:)$")


def names_itself(m: re.Match[str]) -> bool:
    tokens = m.group("gremium").split()
    return bool(tokens) and bool(GREMIUM.search(tokens[0]))


_HEADER_FILLERS = set(words("table_header_fillers"))
# the vote columns' words ("Ja", "Nein") are left out: alone on a line they are a ticked answer, not a header
_VOTES = ("ja", "nein", "enthaltung")
HEADER_WORDS = {w for c, names in TABLE_COLUMNS.items() if c not in _VOTES for w in names} | _HEADER_FILLERS


def is_header_piece(line: str) -> bool:
    """A column header printed one word per line ("Gremium" / "Voraussichtlicher" / "Sitzungstermin")."""
    tokens = [w.lower().strip(":") for w in line.split()]
    return bool(tokens) and all(w in HEADER_WORDS or w.replace(" ", "") in HEADER_WORDS for w in tokens)


DATE_ONLY = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
STATUS_ONLY = re.compile(r"^(?:öffentlich|nicht ?öffentlich|nichtöffentlich)$", re.I)


def read_header(lines: list[str], start: int) -> tuple[list[str], int]:
    """The words of a column header printed one word or a few per line, and the index after it
    (blank lines before the first row are passed over too)."""
    i = start
    header_words: list[str] = []
    while i < len(lines) and (not lines[i].strip() or is_header_piece(lines[i])) and i - start < 8:
        header_words += lines[i].split()
        i += 1
    return header_words, i


def starts_stacked_date(lines: list[str], i: int) -> bool:
    """A date alone on its line that heads a stacked row (not one of a cell's several dates)."""
    following = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
    return bool(DATE_ONLY.match(lines[i].strip())) and not ROW.match(following)


def looks_stacked(lines: list[str], i: int) -> bool:
    """Whether a row of the stacked form starts at line ``i``: up to 3 lines, then a status line."""
    for j in range(i, min(i + 4, len(lines))):
        if STATUS_ONLY.match(lines[j].strip()):
            return j > i
    return False


def starts_row_part(line: str) -> bool:
    low = line.lower()
    return any(low.startswith(role.lower()) for role in ROLES_LONGEST)


def is_row(line: str) -> bool:
    m = ROW.match(line)
    if not m or len(line) >= 200:
        return False
    gremium = m.group("gremium").strip()
    # empty (date-first), a committee, or the lower-case rest of a committee wrapped from the line above
    return not gremium or bool(GREMIUM.search(gremium)) or gremium[:1].islower()


def next_has_gremium(lines: list[str], i: int) -> bool:
    """Whether the next line is a row with a committee of its own (so the line before is no part of it)."""
    m = ROW.match(lines[i + 1].strip()) if i + 1 < len(lines) else None
    tokens = m.group("gremium").split() if m else []
    return bool(tokens) and bool(GREMIUM.search(tokens[0]))


def next_is_row(lines: list[str], i: int, reach: int = 2) -> bool:  # within ``reach`` lines
    return any(is_row(lines[j].strip()) for j in range(i + 1, min(i + 1 + reach, len(lines))))
