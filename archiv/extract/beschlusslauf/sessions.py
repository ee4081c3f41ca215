"""A Beratung printed as two rows (ALLRIS): the committee and its role on one row, the session that
treats it ("Sitzung des Ortsgemeinderates X", its date, the result) on the row below; and the session
a form names by its labels ("Gremium: 38. Plenarsitzung des Gemeinderates" / "Termin: 22.05.2007")."""

from __future__ import annotations

import re
from dataclasses import replace

from ...models import BeschlusslaufRow
from ...text.status import STATUS
from ...words import alternation, words
from ..normalize import parse_date, parse_oeffentlich
from .common import GREMIUM, PUBLIC_CELL, ROLES_LONGEST

# "Sitzung des Stadtrates", "38. Plenarsitzung des Gemeinderates", "öffentliche Sitzung des Rates"
SESSION = re.compile(
    r"^(?:\d+\.\s*)?(?:" + STATUS + r"e\s+|ordentliche\s+|außerordentliche\s+)?"
    r"[A-ZÄÖÜa-zäöüß-]*[Ss]itzung\b(?:\s+(?:des|der|im|vom))?\s*",
)
_DATE_CELL = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d{4}\s+[A-Z][a-z]{2}\s+\d{1,2}$|^\d{4}-\d{2}-\d{2}$")
# "des Gemeinderates", "des Kreistags", "des Ausschusses für Umwelt": a committee in the genitive
_GENITIVE = re.compile(r"^(?P<stem>[\wäöüß-]*(?:rat|tag|schuss|beirat|vorstand|senat|magistrat))(?:es|s)\b")


def nominative(gremium: str) -> str:
    """ "Gemeinderates" -> "Gemeinderat", "Ausschusses für Umwelt" -> "Ausschuss für Umwelt"."""
    return _GENITIVE.sub(lambda m: m.group("stem"), gremium.strip(), count=1)


def committee_of_session(text: str) -> str | None:
    """The committee a session's name names: "38. Plenarsitzung des Gemeinderates" -> "Gemeinderat"."""
    m = SESSION.match(text.strip())
    rest = text.strip()[m.end() :] if m else text.strip()
    rest = nominative(rest)
    return rest if rest and GREMIUM.search(rest) else None


def merge_session_rows(rows: list[BeschlusslaufRow]) -> list[BeschlusslaufRow]:
    """A row without a date followed by the row of the session that treats it: one row."""
    out: list[BeschlusslaufRow] = []
    for row in rows:
        last = out[-1] if out else None
        if last and last.datum is None and row.datum and SESSION.match(row.gremium) and last.gremium:
            out[-1] = replace(
                last,
                datum=row.datum,
                ergebnis=row.ergebnis if row.ergebnis and row.ergebnis != last.zustaendigkeit else last.ergebnis,
                oeffentlich=last.oeffentlich if last.oeffentlich is not None else row.oeffentlich,
            )
        else:
            out.append(row)
    return out


def read(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int] | None:
    """Tab-separated rows without a header, in pairs: committee [role] / date, session [result]."""
    if "\t" not in lines[start]:
        return None
    cells: list[list[str]] = []
    end = start
    for i in range(start, len(lines)):
        if not lines[i].strip():
            continue
        if "\t" not in lines[i]:
            break
        cells.append([c.strip() for c in lines[i].split("\t") if c.strip()])
        end = i + 1
    if not any(any(SESSION.match(c) for c in row) and any(_DATE_CELL.match(c) for c in row) for row in cells):
        return None
    rows = [_by_content(row) for row in cells]
    merged = merge_session_rows([r for r in rows if r is not None])
    return [r for r in merged if not SESSION.match(r.gremium)] or merged, end


def _by_content(cells: list[str]) -> BeschlusslaufRow | None:
    """A row whose cells say what they are: a date, a status, a role word, a committee or session."""
    gremium = role = result = datum = public = None
    for cell in cells:
        if datum is None and _DATE_CELL.match(cell):
            datum = parse_date(cell) or allris_date(cell)
        elif public is None and PUBLIC_CELL.match(cell):
            public = parse_oeffentlich(cell)
        elif gremium is None and (GREMIUM.search(cell) or SESSION.match(cell)):
            gremium = cell
        elif role is None and any(cell.lower() == r.lower() for r in ROLES_LONGEST):
            role = cell
        elif result is None:
            result = cell
    if gremium is None:
        return None
    return BeschlusslaufRow(None, gremium, public, role, datum, result)


_MONTHS_EN = {m: i for i, m in enumerate(words("months_short_en"), 1)}
_ALLRIS_DATE = re.compile(r"^(\d{4})\s+(" + alternation(tuple(_MONTHS_EN)) + r")\s+(\d{1,2})$", re.I)


def allris_date(text: str) -> str | None:
    """ "2026 Oct 21": how some ALLRIS 4 pages print a session's date."""
    m = _ALLRIS_DATE.match(text.strip())
    if not m:
        return None
    month = _MONTHS_EN[m.group(2).capitalize()]
    return parse_date(f"{int(m.group(3))}.{month}.{m.group(1)}")


_LABEL = r"\s*[:\t]\s*(?P<value>\S.*)$"
_COMMITTEE_LABEL = re.compile(r"^(?:" + alternation(words("session", "committee_labels")) + ")" + _LABEL, re.I)
_DATE_LABEL = re.compile(r"^(?:" + alternation(words("session", "date_labels")) + ")" + _LABEL, re.I)


def from_labels(lines: list[str]) -> BeschlusslaufRow | None:
    """The one session a form names by labels: "Gremium: 11. Plenarsitzung Gemeinderat" and "Termin: 18.05.2010"."""
    committee = datum = None
    for line in lines:
        s = line.strip()
        if committee is None and (m := _COMMITTEE_LABEL.match(s)):
            committee = committee_of_session(m.group("value"))
        elif datum is None and (m := _DATE_LABEL.match(s)):
            datum = parse_date(m.group("value"))
    if committee and datum:
        return BeschlusslaufRow(None, committee, None, None, datum, None)
    return None


def complete_gremium(rows: list[BeschlusslaufRow], lines: list[str]) -> list[BeschlusslaufRow]:
    """A committee named only by its kind ("Sitzung der Bezirksvertretung am …") takes the fuller name the
    letterhead prints ("Fraktion in der Bezirksvertretung Köln-Porz")."""
    if len(rows) != 1 or " " in rows[0].gremium or not rows[0].gremium[:1].isupper():
        return rows  # (a table's rows name their committees themselves)
    row = rows[0]
    named = re.compile(rf"\b{re.escape(row.gremium)}\s+(?P<name>[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*)\b")
    roles = {r.lower() for r in ROLES_LONGEST}
    for line in lines:
        m = named.search(line)
        if m and not m.group("name").isupper() and m.group("name").lower() not in roles and not _DATE.search(line):
            return [replace(row, gremium=f"{row.gremium} {m.group('name')}")]
    return rows


_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}")
