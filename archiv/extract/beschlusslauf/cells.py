"""The cells of a spaced row: the role, the vote, and the lines a wrapped cell puts above and below."""

from __future__ import annotations

import re

from ...text.lines import join_lines
from ...words import alternation, words
from ..vocabulary import ROLES
from .common import (
    GREMIUM,
    RESULT,
    ROLES_LONGEST,
    is_open,
    is_open_vote,
    is_row,
    next_is_row,
    starts_row_part,
)
from .draft import RowDraft


def split_role(rest: str) -> tuple[str | None, str | None]:
    rest = rest.strip()
    if not rest:
        return None, None
    low = rest.lower()
    if re.fullmatch(r"\w+\s+(?:und|oder)", rest) and starts_row_part(rest):
        return rest, None  # "Beratung und" (+ "Empfehlung" below)
    # A role cut by a hyphen at the cell's line end: "Beratung und Beschlussfas-" (+ "sung" below).
    cut = re.match(r"^(\S.*?\w-)(?:\s+|$)", rest)
    if cut:
        head = cut.group(1)[:-1].lower()
        if any(role.lower().startswith(head) and len(head) >= len(role) // 2 for role in ROLES_LONGEST):
            return cut.group(1), rest[cut.end() :].strip() or None
    for role in ROLES_LONGEST:
        if low.startswith(role.lower()):
            tail = rest[len(role) :].strip()
            if not tail or rest[len(role)] == " ":
                return rest[: len(role)], tail or None
    return rest, None


def new_row(m: re.Match[str], pending: list[str]) -> RowDraft:
    """The row of a line "Gremium dd.mm.yyyy rest", with the lines of its wrapped cells printed above it."""
    gremium = m.group("gremium").strip()
    role, result = split_role(m.group("rest") or "")
    role_prefix: list[str] = []
    result_prefix: list[str] = []
    gremium_prefix: list[str] = []
    for p in pending:
        if starts_row_part(p) and re.search(r"\b(?:und|oder)$", p):
            role_prefix.append(p)  # "Beratung und" / row / "Beschlussempfehlung"
        elif starts_row_part(p):
            head, tail = split_role(p)  # "Beratung und Beschlussfas- Einstimmig bei ..."
            role_prefix.append(head or "")
            if tail:
                result_prefix.append(tail)
        elif RESULT.search(p) and not GREMIUM.search(p):
            result_prefix.append(p)
        else:
            name, vote = split_vote(p)  # "Fachausschuss Klimaschutz, Bau 7 Stimmen dafür, 1 …"
            gremium_prefix.append(name)
            if vote:
                result_prefix.append(vote)
    if role_prefix:
        # the row's own rest is then the result column
        result = join_lines([*result_prefix, m.group("rest") or ""]) or None
        role = join_lines(role_prefix) or None
    elif result_prefix:
        result = join_lines([*result_prefix, result or ""]) or None
    name = join_lines([*gremium_prefix, gremium])
    return RowDraft(name, m.group("datum"), role, result, open_gremium=not gremium or is_open(name))


# Where a vote starts on a line that also holds the end of a committee's name.
_VOTE_START = re.compile(
    r"\s(?=(?:\d+\s+(?:Ja-|Nein-)?Stimmen?\b|" + alternation(words("vote_start_words")) + "))", re.I
)


def split_vote(line: str) -> tuple[str, str | None]:
    m = _VOTE_START.search(line)
    if not m or not line[: m.start()].strip():
        return line, None
    return line[: m.start()].strip(), line[m.end() :].strip()


def heads_next_row(row: RowDraft, line: str, lines: list[str], i: int) -> bool:
    """A role cell printed above its row's line (pdfplumber centres a row's other cells on a
    wrapped cell), when the row above is complete: it belongs to the next row, not the last."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    # (a vote ending in ":" goes on below, unless what follows is a vote of its own)
    vote_open = is_open_vote(row.result) and not (row.result or "").endswith(":")
    complete = row.role and not is_open(row.role) and not row.open_gremium and not vote_open
    if not complete:
        return False
    if starts_row_part(line):
        return is_row(nxt)
    # the first line of a vote centred on the next row: "Mehrheitlich mit 5 Ja-Stimmen, 1 Nein-"
    return bool(RESULT.search(line)) and not GREMIUM.search(line) and is_open(line) and next_is_row(lines, i)


def continue_row(row: RowDraft, line: str) -> bool:
    """Attach a line printed below a row's line to the cell it continues; False if it is none."""
    nothing_open = not (row.open_gremium or is_open(row.role) or is_open_vote(row.result))
    if line[:1].islower() and len(line.split()) > 3 and not RESULT.search(line) and nothing_open:
        return False  # "eMobilität; Antrag der SPD-Fraktion": the Betreff below the table, no wrapped cell
    if is_open(row.role) and len(line.split()) <= 2 and starts_row_part(line):
        row.role = join_lines([row.role, line])  # "Beratung und" / "Empfehlung"
        return True
    if row.open_gremium and row.role is None and any(line.lower() == r.lower() for r in ROLES):
        row.role = line  # the role cell sits beside a name wrapped over three lines
        return True
    name, vote = split_vote(line)
    if row.open_gremium and is_open_vote(row.result) and not vote:
        head, _, last = name.rpartition(" ")
        if head and (last.islower() or RESULT.search(last)) and not RESULT.search(head):
            # "und Umwelt tungen", "und Umwelt Beschlussvorschlag": the name's end beside the vote's end
            name, vote = head, last
    if row.open_gremium and name and not (RESULT.search(name) and not GREMIUM.search(name)):
        row.gremium = join_lines([row.gremium, name])  # "und Umwelt Enthaltung": name and vote side by side
        row.open_gremium = is_open(name)
        if vote:
            row.result = join_lines([row.result or "", vote])
        return True
    # a role cell's other line is short ("Beschlussempfehlung"); a long line starting "Anhörung …" is the Betreff
    role_like = line[:1].islower() or (
        len(line) <= 40 and (starts_row_part(line) or any(r.lower().startswith(line.lower()) for r in ROLES))
    )
    if (row.role is None or is_open(row.role)) and role_like:
        first, _, more = line.partition(" ")
        if line[:1].islower():
            row.role = join_lines([row.role or "", first])
            if more:
                row.result = join_lines([row.result or "", more])
        else:
            row.role = join_lines([row.role or "", line])
        return True
    if line[:1].islower():
        first, _, more = line.partition(" ")
        if row.role and row.role.endswith("-"):
            row.role = join_lines([row.role, first])
            if more:
                row.result = join_lines([row.result or "", more])
        else:
            row.result = join_lines([row.result or "", line])
        return True
    if (row.result and is_open_vote(row.result)) or (RESULT.search(line) and not GREMIUM.search(line)):
        row.result = join_lines([row.result or "", line])
        return True
    return False
