"""The Beschlusslauf (Beratungsfolge): from a layout table where the parser found one, else from text.

Text tables come in several forms; each has a reader module with ``read(lines, start)`` that returns
the rows and the index of the line after the table, or None where the table is not of its form.
They are tried in the order of ``READERS``; the last one (``spaced``) takes any text. Adding a
vendor's form is one module with a ``read`` function, put into ``READERS`` before the ones it
must win against, and its own test.
"""

from __future__ import annotations

from ...models import BeschlusslaufRow
from . import date_first, spaced, stacked, tabbed
from .common import ROW
from .header import from_tables, map_header, rows_from_table

READERS = (tabbed, stacked, date_first, spaced)

__all__ = ["READERS", "ROW", "from_lines", "from_tables", "map_header", "rows_from_table"]


def from_lines(lines: list[str]) -> tuple[list[BeschlusslaufRow], int]:
    """Rows from the text after a Beschlusslauf label; returns the rows and the index of the
    line after the table."""
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is None:
        return [], 0
    for reader in READERS:
        found = reader.read(lines, start)
        if found is not None:
            return found
    return [], start
