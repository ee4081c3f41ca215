"""Tab-separated text tables (a DOCX or HTML table as text): the header row names the columns."""

from __future__ import annotations

from ...models import BeschlusslaufRow
from .header import rows_from_table


def read(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int] | None:
    if "\t" not in lines[start]:
        return None
    table: list[tuple[str, ...]] = []
    end = start
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            if table and i + 1 < len(lines) and "\t" in lines[i + 1]:
                continue
            if len(table) > 1:
                end = i
                break
            continue
        if "\t" not in line:
            end = i
            break
        table.append(tuple(c.strip() for c in line.split("\t")))
        end = i + 1
    rows = rows_from_table(table)
    if rows is None and table:
        # No header: assume the seed's order Nr, Gremium, Status, Zuständigkeit when it fits.
        rows = rows_from_table([("Nr.", "Gremium", "Status", "Zuständigkeit")[: len(table[0])], *table])
    return rows or [], end
