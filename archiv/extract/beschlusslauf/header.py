"""Beschlusslauf tables with cells: the parser's layout tables, or text tables once split into cells.

The first row is the header; its words (vocabulary.toml, [table_columns]) say which column is what.
"""

from __future__ import annotations

import re

from ...models import BeschlusslaufRow, Table
from ..normalize import parse_date, parse_oeffentlich
from ..stimmen import outcome, votes_from_cells
from ..vocabulary import TABLE_COLUMNS
from .common import PUBLIC_CELL

NR = re.compile(r"^(\d{1,2})\.?$")


def _column_of(header: str) -> str | None:
    key = "".join(header.lower().split())
    for column, words in TABLE_COLUMNS.items():
        if key in words:
            return column
    return None


def map_header(cells: tuple[str, ...] | list[str]) -> dict[int, str] | None:
    """Column index -> row key, when ``cells`` are the header of a Beschlusslauf table."""
    mapping: dict[int, str] = {}
    for i, cell in enumerate(cells):
        column = _column_of(cell)
        if column and column not in mapping.values():
            mapping[i] = column
    if "gremium" in mapping.values() and len(mapping) >= 2:
        return mapping
    return None


def _fix_public_column(mapping: dict[int, str], rows: list[tuple[str, ...]]) -> dict[int, str]:
    """'Status' means Ö/N in some layouts and the role in others: decide from the values."""
    fixed = dict(mapping)
    width = max((len(r) for r in rows), default=0)
    if "oeffentlich" not in mapping.values():
        # a column whose header was not read (OCR: "Ö/N" as "ÖMN") but whose values are all Ö/N
        for i in range(width):
            values = [r[i] for r in rows if i < len(r) and r[i].strip()]
            if i not in mapping and values and all(PUBLIC_CELL.match(v.strip()) for v in values):
                fixed[i] = "oeffentlich"
                break
    for i, column in list(fixed.items()):
        values = [r[i] for r in rows if i < len(r) and r[i].strip()]
        public_like = bool(values) and all(PUBLIC_CELL.match(v.strip()) for v in values)
        if column == "oeffentlich" and values and not public_like:
            fixed[i] = "zustaendigkeit" if "zustaendigkeit" not in fixed.values() else "ergebnis"
        elif column != "oeffentlich" and public_like and "oeffentlich" not in fixed.values():
            fixed[i] = "oeffentlich"
    return fixed


def rows_from_table(rows: tuple[tuple[str, ...], ...] | list[tuple[str, ...]]) -> list[BeschlusslaufRow] | None:
    """Rows of a table whose first row is a Beschlusslauf header; None if it is no such table."""
    if not rows:
        return None
    mapping = map_header(rows[0])
    if mapping is None:
        return None
    data = [r for r in rows[1:] if any(c.strip() for c in r)]
    mapping = _fix_public_column(mapping, data)
    out = []
    for r in data:
        values = {col: (r[i].strip() if i < len(r) else "") for i, col in mapping.items()}
        gremium = values.get("gremium", "")
        if not gremium or map_header(r):
            continue
        nr = NR.match(values.get("nr", ""))
        votes = votes_from_cells(values)  # a results table: Ja / Nein / Enthaltung columns
        out.append(
            BeschlusslaufRow(
                nr=nr.group(1) if nr else (values.get("nr") or None),
                gremium=gremium,
                oeffentlich=parse_oeffentlich(values.get("oeffentlich")),
                zustaendigkeit=values.get("zustaendigkeit") or None,
                datum=parse_date(values.get("datum")),
                ergebnis=values.get("ergebnis") or (outcome(votes) if votes else None),
                stimmen=votes,
            )
        )
    return out


def from_tables(tables: tuple[Table, ...]) -> list[BeschlusslaufRow] | None:
    """The first Beschlusslauf table; a table continued on the next page (no header) is appended."""
    for i, table in enumerate(tables):
        rows = rows_from_table(table.rows)
        if rows is None:
            continue
        header = table.rows[0]
        for follow in tables[i + 1 :]:
            if follow.page == table.page + 1 and len(follow.rows[0]) == len(header):
                # continued overleaf, with the header printed again or without it
                body = follow.rows[1:] if map_header(follow.rows[0]) else follow.rows
                rows += rows_from_table((header, *body)) or []
            break
        return rows
    return None
