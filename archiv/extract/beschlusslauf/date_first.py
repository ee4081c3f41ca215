"""Rows printed "Datum Gremium Rolle Ö/N" without ruled lines (ALLRIS/SessionNet prints), under a
header whose date column comes before the committee's."""

from __future__ import annotations

import re

from ...models import BeschlusslaufRow
from ...text.lines import join_lines
from ..normalize import parse_date, parse_oeffentlich
from ..sections import match_label
from .common import ROLES_LONGEST, read_header
from .header import map_header


def read(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int] | None:
    header_words, i = read_header(lines, start)
    mapping = map_header(header_words) if header_words else None
    if mapping is None:
        return None
    order = [mapping[k] for k in sorted(mapping)]
    if "datum" not in order or order.index("gremium") < order.index("datum"):
        return None
    return _date_first(lines, i)


_DATE_FIRST = re.compile(r"^(?P<datum>\d{1,2}\.\d{1,2}\.\d{2,4})\s+(?P<rest>.+)$")
_FLAG = re.compile(r"\s+(?P<flag>Ö|N|NÖ|öffentlich|nicht ?öffentlich|nichtöffentlich)$", re.I)


def _date_first(lines: list[str], i: int) -> tuple[list[BeschlusslaufRow], int]:
    """Rows printed "Datum Gremium Rolle Ö/N" without ruled lines (ALLRIS/SessionNet prints)."""
    rows: list[BeschlusslaufRow] = []
    end = i
    while i < len(lines):
        line = lines[i].strip()
        m = _DATE_FIRST.match(line)
        if not line:
            if rows:
                break
        elif m:
            rest = m.group("rest")
            flag = _FLAG.search(rest)
            public = parse_oeffentlich(flag.group("flag")) if flag else None
            if flag:
                rest = rest[: flag.start()]
            role = next((r for r in ROLES_LONGEST if rest.lower().endswith(" " + r.lower())), None)
            gremium = rest[: len(rest) - len(role)].strip() if role else rest
            role_text = rest[len(gremium) :].strip() or None
            rows.append(BeschlusslaufRow(None, gremium, public, role_text, parse_date(m.group("datum")), None))
            end = i + 1
        elif rows and not match_label(line) and len(line) < 80 and line[:1].islower():
            last = rows[-1]
            rows[-1] = BeschlusslaufRow(
                last.nr,
                join_lines([last.gremium, line]),
                last.oeffentlich,
                last.zustaendigkeit,
                last.datum,
                last.ergebnis,
            )
            end = i + 1
        else:
            break
        i += 1
    return rows, end
