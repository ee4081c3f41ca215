"""Rows "Gremium dd.mm.yyyy Stand [Abstimmung]" as pdfplumber prints a ruled table: the form every
text falls back to."""

from __future__ import annotations

import re

from ...models import BeschlusslaufRow
from ...text.lines import join_lines
from ..sections import match_label
from .cells import continue_row, heads_next_row, new_row
from .common import (
    DATE_ONLY,
    GREMIUM,
    RESULT,
    ROLES_LONGEST,
    ROW,
    is_open,
    is_open_vote,
    names_itself,
    next_has_gremium,
    next_is_row,
    read_header,
    starts_row_part,
)
from .draft import RowDraft
from .header import map_header

_PROSE_BEFORE_DATE = re.compile(r"\b(?:vom|von|bis|zum|zur|am|ab|seit|per|den|dem|des|gemäß)$", re.I)


def _undated_row(line: str) -> RowDraft | None:
    """ "Ortsrat Heyersum", "SPD-Fraktion Beratung": a row with a committee and no date."""
    first = line.split()[0]
    # a committee's name starts with what it is: "Ortsrat …", "SPD-Fraktion", "Gruppe …", "Fachausschuss …"
    if len(line) > 80 or line.endswith((".", ":", ";")) or not GREMIUM.search(first) or RESULT.search(line):
        return None
    role = next((r for r in ROLES_LONGEST if line.lower().endswith(" " + r.lower())), None)
    gremium = line[: len(line) - len(role)].strip() if role else line
    if len(gremium.split()) > 8:
        return None
    return RowDraft(gremium, role=line[len(gremium) :].strip() or None, open_gremium=is_open(gremium))


def read(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int]:
    """A cell that wraps puts its other lines above and below the row's line (vertically centred)."""
    header_words, i = read_header(lines, start)
    in_table = bool(header_words)
    mapping = map_header(header_words) if in_table else None
    if not in_table:
        header = lines[start].strip()
        if not ROW.match(header) and not GREMIUM.search(header):
            i += 1  # a header line of words the vocabulary does not know
    rows: list[RowDraft] = []
    pending: list[str] = []  # lines that belong to the next row
    end = i
    while i < len(lines):
        line = lines[i].strip()
        if match_label(line) and not (
            rows and (is_open(rows[-1].role) or is_open_vote(rows[-1].result)) and len(line.split()) == 1
        ):
            break  # (a role "Beratung und" / "Beschlussempfehlung" goes on below its row)
        m = ROW.match(line)
        if m and _PROSE_BEFORE_DATE.search(m.group("gremium")):
            m = None  # "… in der Zeit vom 01.01. bis 31.12.2008": a date in a sentence, not a row
        known = GREMIUM.search(m.group("gremium")) if m else None
        short_rest = m is not None and 0 < len(m.group("rest") or "") <= 60
        if in_table and DATE_ONLY.match(line) and (rows or next_is_row(lines, i)):
            end = i + 1  # a further session date of a row: pdfplumber prints a cell's lines above and below
        elif m and (known or pending or not m.group("gremium").strip() or (in_table and short_rest)):
            if rows and pending and names_itself(m) and rows[-1].result:
                # "Vertagt auf die nächste" / "Sitzung des Ortsrates" / "Ortsrat Lütjenmoor 28.10.2025 …":
                # a row that names its committee itself has no name above; those lines end the last vote
                rest = [
                    p for p in pending if not (starts_row_part(p) or GREMIUM.search(p.split()[0]) or RESULT.search(p))
                ]
                rows[-1].result = join_lines([rows[-1].result, *rest])
                pending = [p for p in pending if p not in rest]
            rows.append(new_row(m, pending))
            pending = []
            end = i + 1
        elif not line:
            # a page break (its page number blanked) may stand between rows: go on if a row follows
            if rows and not next_is_row(lines, i, reach=4):  # a name may wrap twice above the row's line
                break
        elif rows and not pending and heads_next_row(rows[-1], line, lines, i):
            pending.append(line)  # "Beratung und Beschlussfas- Einstimmig …" / "Rat 24.06.2025" / "sung …"
        elif rows and not pending and continue_row(rows[-1], line):
            end = i + 1
        elif (
            in_table
            and not pending
            and (undated := _undated_row(line))
            and (undated.role or not next_is_row(lines, i) or (not undated.open_gremium and next_has_gremium(lines, i)))
        ):
            rows.append(undated)  # a committee whose session is not set yet
            end = i + 1
        elif next_is_row(lines, i) and len(pending) < 3:
            pending.append(line)
        else:
            break
        i += 1
    _fit_columns(rows, header_words, mapping)
    return [r.row() for r in rows], end


_BOXES = {"x", "☐", "☒", "□", "■"}


def _fit_columns(rows: list[RowDraft], header_words: list[str], mapping: dict[int, str] | None) -> None:
    """Put the text after a row's date where the header says: "Gremium am TOP ö nö Ergebnis" has a
    TOP number and no role column, so "4 vorberaten" is TOP 4 with the result "vorberaten"."""
    has_top = any(w.lower().strip(":.") == "top" for w in header_words)
    columns = set(mapping.values()) if mapping else set()
    result_only = "ergebnis" in columns and "zustaendigkeit" not in columns
    for r in rows:
        if has_top and r.role:
            r.role = re.sub(r"^\d+(?:\.\d+)*[a-z]?(?:\s+|$)", "", r.role) or None
        # "x": a ticked box of the ö/nö columns, its column lost in the text
        r.role, r.result = _unboxed(r.role), _unboxed(r.result)
        if result_only and r.role and not r.result:
            r.result, r.role = r.role, None


def _unboxed(cell: str | None) -> str | None:
    tokens = (cell or "").split()
    while tokens and tokens[0] in _BOXES:
        tokens.pop(0)
    while tokens and tokens[-1] in _BOXES:
        tokens.pop()
    return " ".join(tokens) or None
