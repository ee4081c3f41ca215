"""The Beschlusslauf (Beratungsfolge): from a layout table where the parser found one, else from text."""

from __future__ import annotations

import re

from ..models import BeschlusslaufRow, Table
from ..text.lines import join_lines
from .normalize import parse_date, parse_oeffentlich
from .sections import match_label
from .stimmen import outcome, votes_from_cells
from .vocabulary import GREMIUM_WORDS, ROLES, TABLE_COLUMNS

_GREMIUM = re.compile(GREMIUM_WORDS, re.I)
_PUBLIC_CELL = re.compile(r"^(?:Ö|N|NÖ|öffentlich|nicht ?öffentlich|nichtöffentlich|öff\.?|nöff\.?)$", re.I)
_NR = re.compile(r"^(\d{1,2})\.?$")
_ROLES_LOWER = sorted(ROLES, key=len, reverse=True)


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
            if i not in mapping and values and all(_PUBLIC_CELL.match(v.strip()) for v in values):
                fixed[i] = "oeffentlich"
                break
    for i, column in list(fixed.items()):
        values = [r[i] for r in rows if i < len(r) and r[i].strip()]
        public_like = bool(values) and all(_PUBLIC_CELL.match(v.strip()) for v in values)
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
        nr = _NR.match(values.get("nr", ""))
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


def from_lines(lines: list[str]) -> tuple[list[BeschlusslaufRow], int]:
    """Rows from the text after a Beschlusslauf label; returns the rows and the index of the
    line after the table. Tab-separated tables use their header; space-separated rows are read
    as "Gremium dd.mm.yyyy Stand [Abstimmung]"."""
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is None:
        return [], 0
    if "\t" in lines[start]:
        return _tabbed(lines, start)
    return _spaced(lines, start)


def _tabbed(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int]:
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


_ROW = re.compile(r"^(?P<gremium>.*?)\s*(?<![\d.])(?P<datum>\d{1,2}\.\d{1,2}\.\d{2,4})(?:\s+(?P<rest>.*))?$")


def _split_role(rest: str) -> tuple[str | None, str | None]:
    rest = rest.strip()
    if not rest:
        return None, None
    low = rest.lower()
    if re.fullmatch(r"\w+\s+(?:und|oder)", rest) and _starts_row_part(rest):
        return rest, None  # "Beratung und" (+ "Empfehlung" below)
    # A role cut by a hyphen at the cell's line end: "Beratung und Beschlussfas-" (+ "sung" below).
    cut = re.match(r"^(\S.*?\w-)(?:\s+|$)", rest)
    if cut:
        head = cut.group(1)[:-1].lower()
        if any(role.lower().startswith(head) and len(head) >= len(role) // 2 for role in _ROLES_LOWER):
            return cut.group(1), rest[cut.end() :].strip() or None
    for role in _ROLES_LOWER:
        if low.startswith(role.lower()):
            tail = rest[len(role) :].strip()
            if not tail or rest[len(role)] == " ":
                return rest[: len(role)], tail or None
    return rest, None


_RESULT = re.compile(
    r"einstimmig|mehrheitlich|stimmen?\b|enthaltung|beschlossen|abgelehnt|zurückgestellt|vertagt|zugestimmt"
    r"|kenntnis genommen|ja-|nein-|lt\.|beschlussvorschlag|mit änderungen|dafür|dagegen",
    re.I,
)
_OPEN_END = re.compile(r"(?:,|\bund|\boder|-|/|\bbei|\beiner|\bin|\bim|\bfür|\bder|\bdes|\blt\.)$")


def _open(text: str | None) -> bool:
    return bool(text) and bool(_OPEN_END.search(text.strip()))


def _open_vote(text: str | None) -> bool:
    """A vote that goes on below: "… lt.", "Mehrheitlich bei 1" / "Gegenstimme lt.", "mit Änderung:"."""
    return _open(text) or bool(text and _DANGLING.search(text.strip()))


_DANGLING = re.compile(r"(?:\b(?:\d+|eine[rm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)|:)$")


def _names_itself(m: re.Match[str]) -> bool:
    words = m.group("gremium").split()
    return bool(words) and bool(_GREMIUM.search(words[0]))


_PROSE_BEFORE_DATE = re.compile(r"\b(?:vom|von|bis|zum|zur|am|ab|seit|per|den|dem|des|gemäß)$", re.I)
_HEADER_FILLERS = {
    "voraussichtlicher",
    "geplante",
    "sitzungstermine",
    "(änderungen",
    "vorbehalten)",
    "dieser",
    "vorlage",
    "top",
    "nö",
}
# the vote columns' words ("Ja", "Nein") are left out: alone on a line they are a ticked answer, not a header
_VOTES = ("ja", "nein", "enthaltung")
_HEADER_WORDS = {w for c, words in TABLE_COLUMNS.items() if c not in _VOTES for w in words} | _HEADER_FILLERS


def _is_header_piece(line: str) -> bool:
    """A column header printed one word per line ("Gremium" / "Voraussichtlicher" / "Sitzungstermin")."""
    words = [w.lower().strip(":") for w in line.split()]
    return bool(words) and all(w in _HEADER_WORDS or w.replace(" ", "") in _HEADER_WORDS for w in words)


_DATE_ONLY = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
_ROLE_IN_BRACKETS = re.compile(r"^(?P<gremium>.*?)\s*\((?P<role>[^()]+)\)$")
_STATUS_ONLY = re.compile(r"^(?:öffentlich|nicht ?öffentlich|nichtöffentlich)$", re.I)


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
                if j >= len(lines) or not (_DATE_ONLY.match(lines[j].strip()) or _looks_stacked(lines, j)):
                    break
        elif _DATE_ONLY.match(line) and not name:
            datum = parse_date(line)
        elif _STATUS_ONLY.match(line) and name:
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


def _starts_stacked_date(lines: list[str], i: int) -> bool:
    """A date alone on its line that heads a stacked row (not one of a cell's several dates)."""
    following = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
    return bool(_DATE_ONLY.match(lines[i].strip())) and not _ROW.match(following)


def _undated_row(line: str) -> dict | None:
    """ "Ortsrat Heyersum", "SPD-Fraktion Beratung": a row with a committee and no date."""
    words = line.split()
    # a committee's name starts with what it is: "Ortsrat …", "SPD-Fraktion", "Gruppe …", "Fachausschuss …"
    if len(line) > 80 or line.endswith((".", ":", ";")) or not _GREMIUM.search(words[0]) or _RESULT.search(line):
        return None
    role = next((r for r in _ROLES_LOWER if line.lower().endswith(" " + r.lower())), None)
    gremium = line[: len(line) - len(role)].strip() if role else line
    if len(gremium.split()) > 8:
        return None
    return {
        "gremium": gremium,
        "datum": None,
        "role": line[len(gremium) :].strip() or None,
        "result": None,
        "open_gremium": _open(gremium),
    }


def _looks_stacked(lines: list[str], i: int) -> bool:
    """Whether a row of the stacked form starts at line ``i``: up to 3 lines, then a status line."""
    for j in range(i, min(i + 4, len(lines))):
        if _STATUS_ONLY.match(lines[j].strip()):
            return j > i
    return False


def _spaced(lines: list[str], start: int) -> tuple[list[BeschlusslaufRow], int]:
    """Rows "Gremium dd.mm.yyyy Stand [Abstimmung]" as pdfplumber prints a ruled table: a cell
    that wraps puts its other lines above and below the row's line (vertically centred)."""
    i = start
    header_words: list[str] = []
    while i < len(lines) and (not lines[i].strip() or _is_header_piece(lines[i])) and i - start < 8:
        header_words += lines[i].split()
        i += 1
    in_table = bool(header_words)
    if in_table and i < len(lines) and (_starts_stacked_date(lines, i) or _looks_stacked(lines, i)):
        return _stacked(lines, i)
    mapping = map_header(header_words) if in_table else None
    if mapping is not None:
        order = [mapping[k] for k in sorted(mapping)]
        if "datum" in order and order.index("gremium") > order.index("datum"):
            return _date_first(lines, i)
    elif not in_table:
        header = lines[start].strip()
        if not _ROW.match(header) and not _GREMIUM.search(header):
            i += 1
    rows: list[dict] = []
    pending: list[str] = []  # lines that belong to the next row
    end = i
    while i < len(lines):
        line = lines[i].strip()
        if match_label(line) and not (
            rows and (_open(rows[-1]["role"]) or _open_vote(rows[-1]["result"])) and len(line.split()) == 1
        ):
            break  # (a role "Beratung und" / "Beschlussempfehlung" goes on below its row)
        m = _ROW.match(line)
        if m and _PROSE_BEFORE_DATE.search(m.group("gremium")):
            m = None  # "… in der Zeit vom 01.01. bis 31.12.2008": a date in a sentence, not a row
        known = _GREMIUM.search(m.group("gremium")) if m else None
        short_rest = m is not None and 0 < len(m.group("rest") or "") <= 60
        if in_table and _DATE_ONLY.match(line) and (rows or _next_is_row(lines, i)):
            end = i + 1  # a further session date of a row: pdfplumber prints a cell's lines above and below
        elif m and (known or pending or not m.group("gremium").strip() or (in_table and short_rest)):
            if rows and pending and _names_itself(m) and rows[-1]["result"]:
                # "Vertagt auf die nächste" / "Sitzung des Ortsrates" / "Ortsrat Lütjenmoor 28.10.2025 …":
                # a row that names its committee itself has no name above; those lines end the last vote
                rest = [
                    p
                    for p in pending
                    if not (_starts_row_part(p) or _GREMIUM.search(p.split()[0]) or _RESULT.search(p))
                ]
                rows[-1]["result"] = join_lines([rows[-1]["result"], *rest])
                pending = [p for p in pending if p not in rest]
            rows.append(_new_row(m, pending))
            pending = []
            end = i + 1
        elif not line:
            # a page break (its page number blanked) may stand between rows: go on if a row follows
            if rows and not _next_is_row(lines, i, reach=4):  # a name may wrap twice above the row's line
                break
        elif rows and not pending and _heads_next_row(rows[-1], line, lines, i):
            pending.append(line)  # "Beratung und Beschlussfas- Einstimmig …" / "Rat 24.06.2025" / "sung …"
        elif rows and not pending and _continue_row(rows[-1], line):
            end = i + 1
        elif (
            in_table
            and not pending
            and (undated := _undated_row(line))
            and (
                undated["role"]
                or not _next_is_row(lines, i)
                or (not undated["open_gremium"] and _next_has_gremium(lines, i))
            )
        ):
            rows.append(undated)  # a committee whose session is not set yet
            end = i + 1
        elif _next_is_row(lines, i) and len(pending) < 3:
            pending.append(line)
        else:
            break
        i += 1
    _fit_columns(rows, header_words, mapping)
    out = [
        BeschlusslaufRow(
            nr=None,
            gremium=r["gremium"],
            oeffentlich=None,
            zustaendigkeit=r["role"] or None,
            datum=parse_date(r["datum"]),
            ergebnis=r["result"] or None,
        )
        for r in rows
    ]
    return out, end


_BOXES = {"x", "☐", "☒", "□", "■"}


def _fit_columns(rows: list[dict], header_words: list[str], mapping: dict[int, str] | None) -> None:
    """Put the text after a row's date where the header says: "Gremium am TOP ö nö Ergebnis" has a
    TOP number and no role column, so "4 vorberaten" is TOP 4 with the result "vorberaten"."""
    has_top = any(w.lower().strip(":.") == "top" for w in header_words)
    columns = set(mapping.values()) if mapping else set()
    result_only = "ergebnis" in columns and "zustaendigkeit" not in columns
    for r in rows:
        if has_top and r["role"]:
            r["role"] = re.sub(r"^\d+(?:\.\d+)*[a-z]?(?:\s+|$)", "", r["role"]) or None
        for cell in ("role", "result"):  # "x": a ticked box of the ö/nö columns, its column lost in the text
            words = (r[cell] or "").split()
            while words and words[0] in _BOXES:
                words.pop(0)
            while words and words[-1] in _BOXES:
                words.pop()
            r[cell] = " ".join(words) or None
        if result_only and r["role"] and not r["result"]:
            r["result"], r["role"] = r["role"], None


def _new_row(m: re.Match[str], pending: list[str]) -> dict:
    gremium = m.group("gremium").strip()
    role, result = _split_role(m.group("rest") or "")
    role_prefix: list[str] = []
    result_prefix: list[str] = []
    gremium_prefix: list[str] = []
    for p in pending:
        if _starts_row_part(p) and re.search(r"\b(?:und|oder)$", p):
            role_prefix.append(p)  # "Beratung und" / row / "Beschlussempfehlung"
        elif _starts_row_part(p):
            head, tail = _split_role(p)  # "Beratung und Beschlussfas- Einstimmig bei ..."
            role_prefix.append(head or "")
            if tail:
                result_prefix.append(tail)
        elif _RESULT.search(p) and not _GREMIUM.search(p):
            result_prefix.append(p)
        else:
            name, vote = _split_vote(p)  # "Fachausschuss Klimaschutz, Bau 7 Stimmen dafür, 1 …"
            gremium_prefix.append(name)
            if vote:
                result_prefix.append(vote)
    if role_prefix:
        # the row's own rest is then the result column
        result = join_lines([*result_prefix, m.group("rest") or ""]) or None
        role = join_lines(role_prefix) or None
    elif result_prefix:
        result = join_lines([*result_prefix, result or ""]) or None
    return {
        "gremium": join_lines([*gremium_prefix, gremium]),
        "datum": m.group("datum"),
        "role": role,
        "result": result,
        "open_gremium": not gremium or _open(join_lines([*gremium_prefix, gremium])),
    }


# Where a vote starts on a line that also holds the end of a committee's name.
_VOTE_START = re.compile(
    r"\s(?=(?:\d+\s+(?:Ja-|Nein-)?Stimmen?\b|einstimmig|mehrheitlich|Enthaltung(?:en)?\b|abgelehnt|zugestimmt"
    r"|beschlossen|vertagt|zurückgestellt))",
    re.I,
)


def _split_vote(line: str) -> tuple[str, str | None]:
    m = _VOTE_START.search(line)
    if not m or not line[: m.start()].strip():
        return line, None
    return line[: m.start()].strip(), line[m.end() :].strip()


def _heads_next_row(row: dict, line: str, lines: list[str], i: int) -> bool:
    """A role cell printed above its row's line (pdfplumber centres a row's other cells on a
    wrapped cell), when the row above is complete: it belongs to the next row, not the last."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    # (a vote ending in ":" goes on below, unless what follows is a vote of its own)
    vote_open = _open_vote(row["result"]) and not (row["result"] or "").endswith(":")
    complete = row["role"] and not _open(row["role"]) and not row["open_gremium"] and not vote_open
    if not complete:
        return False
    if _starts_row_part(line):
        return _is_row(nxt)
    # the first line of a vote centred on the next row: "Mehrheitlich mit 5 Ja-Stimmen, 1 Nein-"
    return bool(_RESULT.search(line)) and not _GREMIUM.search(line) and _open(line) and _next_is_row(lines, i)


def _continue_row(row: dict, line: str) -> bool:
    """Attach a line printed below a row's line to the cell it continues; False if it is none."""
    nothing_open = not (row["open_gremium"] or _open(row["role"]) or _open_vote(row["result"]))
    if line[:1].islower() and len(line.split()) > 3 and not _RESULT.search(line) and nothing_open:
        return False  # "eMobilität; Antrag der SPD-Fraktion": the Betreff below the table, no wrapped cell
    if _open(row["role"]) and len(line.split()) <= 2 and _starts_row_part(line):
        row["role"] = join_lines([row["role"], line])  # "Beratung und" / "Empfehlung"
        return True
    if row["open_gremium"] and row["role"] is None and any(line.lower() == r.lower() for r in ROLES):
        row["role"] = line  # the role cell sits beside a name wrapped over three lines
        return True
    name, vote = _split_vote(line)
    if row["open_gremium"] and _open_vote(row["result"]) and not vote:
        head, _, last = name.rpartition(" ")
        if head and (last.islower() or _RESULT.search(last)) and not _RESULT.search(head):
            # "und Umwelt tungen", "und Umwelt Beschlussvorschlag": the name's end beside the vote's end
            name, vote = head, last
    if row["open_gremium"] and name and not (_RESULT.search(name) and not _GREMIUM.search(name)):
        row["gremium"] = join_lines([row["gremium"], name])  # "und Umwelt Enthaltung": name and vote side by side
        row["open_gremium"] = _open(name)
        if vote:
            row["result"] = join_lines([row["result"] or "", vote])
        return True
    # a role cell's other line is short ("Beschlussempfehlung"); a long line starting "Anhörung …" is the Betreff
    role_like = line[:1].islower() or (
        len(line) <= 40 and (_starts_row_part(line) or any(r.lower().startswith(line.lower()) for r in ROLES))
    )
    if (row["role"] is None or _open(row["role"])) and role_like:
        first, _, more = line.partition(" ")
        if line[:1].islower():
            row["role"] = join_lines([row["role"] or "", first])
            if more:
                row["result"] = join_lines([row["result"] or "", more])
        else:
            row["role"] = join_lines([row["role"] or "", line])
        return True
    if line[:1].islower():
        first, _, more = line.partition(" ")
        if row["role"] and row["role"].endswith("-"):
            row["role"] = join_lines([row["role"], first])
            if more:
                row["result"] = join_lines([row["result"] or "", more])
        else:
            row["result"] = join_lines([row["result"] or "", line])
        return True
    if (row["result"] and _open_vote(row["result"])) or (_RESULT.search(line) and not _GREMIUM.search(line)):
        row["result"] = join_lines([row["result"] or "", line])
        return True
    return False


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
            role = next((r for r in _ROLES_LOWER if rest.lower().endswith(" " + r.lower())), None)
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


def _starts_row_part(line: str) -> bool:
    low = line.lower()
    return any(low.startswith(role.lower()) for role in _ROLES_LOWER)


def _is_row(line: str) -> bool:
    m = _ROW.match(line)
    if not m or len(line) >= 200:
        return False
    gremium = m.group("gremium").strip()
    # empty (date-first), a committee, or the lower-case rest of a committee wrapped from the line above
    return not gremium or bool(_GREMIUM.search(gremium)) or gremium[:1].islower()


def _next_has_gremium(lines: list[str], i: int) -> bool:
    """Whether the next line is a row with a committee of its own (so the line before is no part of it)."""
    m = _ROW.match(lines[i + 1].strip()) if i + 1 < len(lines) else None
    words = m.group("gremium").split() if m else []
    return bool(words) and bool(_GREMIUM.search(words[0]))


def _next_is_row(lines: list[str], i: int, reach: int = 2) -> bool:  # within ``reach`` lines
    return any(_is_row(lines[j].strip()) for j in range(i + 1, min(i + 1 + reach, len(lines))))
