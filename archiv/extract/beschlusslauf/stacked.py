"""ALLRIS 4 prints each row as stacked lines: [date] / Gremium [(short name)] (Rolle) / öffentlich."""

from __future__ import annotations

import re

from ...models import BeschlusslaufRow
from ...text.lines import join_lines
from ..normalize import parse_date, parse_oeffentlich
from ..sections import match_label
from .common import DATE_ONLY, STATUS_ONLY, looks_stacked, read_header, starts_stacked_date

_ROLE_IN_BRACKETS = re.compile(r"^(?P<gremium>.*?)\s*\((?P<role>[^()]+)\)$")


def read(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int] | None:
    header_words, i = read_header(lines, start)
    if not header_words or i >= len(lines) or not (starts_stacked_date(lines, i) or looks_stacked(lines, i)):
        return None
    return _stacked(lines, i)


def _stacked(lines: list[str], i: int) -> tuple[list[BeschlusslaufRow], int]:
    """ALLRIS 4 prints each row as stacked lines: [date] / Gremium [(short name)] (Rolle) / öffentlich."""
    rows: list[BeschlusslaufRow] = []
    end = i
    datum: str | None = None
    name: list[str] = []
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            if rows and not name and datum is None:
                j = i
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j >= len(lines) or not (DATE_ONLY.match(lines[j].strip()) or looks_stacked(lines, j)):
                    break
        elif DATE_ONLY.match(line) and not name:
            datum = parse_date(line)
        elif STATUS_ONLY.match(line) and name:
            text = join_lines(name)
            m = _ROLE_IN_BRACKETS.match(text)
            gremium, role = (m.group("gremium"), m.group("role")) if m else (text, None)
            rows.append(BeschlusslaufRow(None, gremium.strip(), parse_oeffentlich(line), role, datum, None))
            datum, name = None, []
            end = i + 1
        elif match_label(line) or len(name) >= 3:
            break
        else:
            name.append(line)
        i += 1
    return rows, end
