"""TOP headings: where each agenda item of minutes starts, its number, title and the papers it treats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...text.lines import dehyphenate
from ...text.status import STATUS_NAMED

# --- TOP headings ---------------------------------------------------------------------------


def _num(name: str) -> str:
    return r"(?P<" + name + r">\d{1,3}(?:\.\d{1,3}){0,3})\.?"


HEADING = re.compile(
    r"^\s*(?:"
    r"zu\s+(?:punkt|top|tagesordnungspunkt)\s*" + _num("n1") + r"\s*[:.)\-–]?"
    r"|(?:punkt|tagesordnungspunkt)\s*" + _num("n2") + r"(?:\s+der\s+tagesordnung\s*[:.\-–]?|\s*[:)\-–])"
    r"|(?:top|top-nr\.?)\s*" + _num("n3") + r"(?:\s*[:.)\-–]|\s)"
    r")\s*(?P<title>.*)$",
    re.I,
)
# A Vorlage number in a TOP heading, however it is labelled ("Vorlage: 2014/0016", "(DS 121/2021)",
# "Drucksache Nr. 12/2020", "Vorlage-Nr.: VO/4680/2016") or standing alone on a line ("AN/1726/2021").
LABELLED_NR = re.compile(
    r"(?:vorlagen?(?:-?nr\.?)?|drucksachen?(?:-?nr\.?)?|ds(?:-?nr\.?)?|vorlage\s+nr\.?)\s*:?\s*(?:nr\.?\s*)?"
    r"(?P<nr>(?-i:[A-Z]{1,5})[ /-]?\d{1,5}(?:[/.-]\d{1,5}){1,2}(?:/[A-Za-z]{1,8})?|\d{1,5}(?:[/.-]\d{1,5}){1,2}"
    r"(?:/[A-Za-z]{1,8})?)",
    re.I,
)
_BARE_NR = re.compile(r"^\s*(?P<nr>(?:[A-Z]{1,5}/)?\d{1,5}/\d{4}(?:/[A-Za-z]{1,8})?)\s*$")
AMENDMENT = re.compile(r"(?:änderungs|ergänzungs|zusatz|gegen)antr", re.I)
SECTION = re.compile(rf"^\s*[-–(]*\s*{STATUS_NAMED}e[rn]?\s+(?:teil|sitzung)\b", re.I)
RESULT_LABEL = re.compile(
    r"^\s*(?:abstimmungsergebnis|beratungsergebnis|abstimmung|ergebnis|beschlussergebnis|votum)\s*:\s*(?P<rest>.*)$",
    re.I,
)
DECISION_LABEL = re.compile(r"^\s*(?:beschluss|beschlusstext|beschlussempfehlung|empfehlung)\s*:\s*(?P<rest>.*)$", re.I)
_END = re.compile(r"^\s*(?:zur\s+beurkundung|genehmigungsvermerk|ende\s+der\s+sitzung|gez\.)", re.I)


@dataclass
class Block:
    nummer: str
    lines: list[str]
    oeffentlich: bool | None
    # items listed under one heading and decided together (their own lines, first item first)
    joined: list[list[str]] = field(default_factory=list)


def heading_number(line: str) -> tuple[str, str] | None:
    m = HEADING.match(line)
    if not m:
        return None
    return next(m.group(g) for g in ("n1", "n2", "n3") if m.group(g)), m.group("title")


# Minutes of a speech ("Wortprotokoll") call the item up in words, the number on the next line:
# "Ich rufe auf:" / "Tagesordnungspunkt" then "2.1 Ordnungsbehördliche Verordnung …".
_CALLUP = re.compile(r"^\s*(?:tagesordnungspunkt|(?:.*\b)?rufe\b.*\bauf)\s*:?\s*$", re.I)
_CALLED = re.compile(r"^\s*(?P<num>\d{1,3}(?:\.\d{1,3}){0,3}|[A-Z])\.?\s+(?P<title>[A-ZÄÖÜ„\"].*)$")
_RUNNING_HEAD = re.compile(r"\bseite\s+\d{1,3}\s*$", re.I)


def _raw_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    part: bool | None = None
    seen: set[str] = set()
    current: Block | None = None
    called = False
    for line in lines:
        if m := SECTION.match(line):
            part = not m.group("nicht")
        if _END.match(line):
            break  # signatures, approval note, annexes: no more items
        found = heading_number(line)
        if found is None and called and line.strip() and not _RUNNING_HEAD.search(line):
            called = False
            if m := _CALLED.match(line):
                found = m.group("num"), m.group("title")
        if line.strip() and _CALLUP.match(line):
            called = True
            continue
        if found is None:
            if current is not None:
                current.lines.append(line)
            continue
        num, title = found
        if num in seen:
            current = None  # the same number again: a list repeating the agenda
            continue
        seen.add(num)
        current = Block(num, [title], part)
        blocks.append(current)
    return blocks


def _bare(block: Block) -> bool:
    """A heading with nothing under it: no label, no text after the heading."""
    if any(RESULT_LABEL.match(s) or DECISION_LABEL.match(s) for s in block.lines):
        return False

    def content(lines: list[str]) -> int:
        return sum(1 for s in lines if s.strip() and not _PAGE_MARK.match(s) and not _RUNNING_HEAD.search(s))

    return content(heading_part(block.lines)) >= content(block.lines)


def item_blocks(lines: list[str]) -> list[Block]:
    """Items; bare headings that name a paper join the next item with a body (decided together:
    "Punkt 11.1 … Vorlage: …" then "Punkt 11.2 … Beschluss: …"); bare headings without a paper
    are section titles ("Punkt 9: Klimaschutzkonzept:", "2 Weitere Vorgänge") and are left out."""
    out: list[Block] = []
    pending: list[Block] = []
    for block in _raw_blocks(lines):
        if _bare(block):
            if any(LABELLED_NR.search(s) or _BARE_NR.match(s) for s in block.lines):
                pending.append(block)
            continue
        if pending:
            first = pending[0]
            block = Block(first.nummer, first.lines, first.oeffentlich, [p.lines for p in pending[1:]] + [block.lines])
            pending = []
        out.append(block)
    out.extend(pending)
    return out


_PAGE_MARK = re.compile(r"^\s*(?:[-–]\s*\d{1,3}\s*[-–]|seite\s+\d{1,3}(?:\s+von\s+\d+)?)\s*$", re.I)


def _continues_heading(line: str) -> bool:
    s = line.strip()
    return bool(
        heading_number(s)
        or LABELLED_NR.search(s)
        or _BARE_NR.match(s)
        or AMENDMENT.search(s)
        or s.lower().startswith("dazu")
    )


_NR_LINE = re.compile(r"^\s*\(?\s*(?:vorlagen?|drucksachen?|ds)\b[^.]*\d/\d", re.I)


def _treats_nr(line: str) -> bool:
    """A Vorlage number in the line that is not a mere reference ("Ergänzung zu DS 89/2020")."""
    return any(not _REFERENCE.search(line[: m.start()]) for m in LABELLED_NR.finditer(line)) or bool(
        _BARE_NR.match(line)
    )


_OPEN_END = re.compile(
    r"(?:[-,;:/]|\b(?:und|oder|der|des|die|dem|den|für|von|vom|zur|zum|in|im|auf|mit|über|bis|am|an))\s*$", re.I
)


def heading_part(lines: list[str]) -> list[str]:
    """The heading of a block: its first line and what carries it on — more papers treated with it,
    a title wrapped over lines (up to the Vorlage number printed under it, or a line ending
    mid-phrase). A blank line or a sentence ends it."""
    out: list[str] = lines[:1]
    has_nr = bool(lines and _treats_nr(lines[0]))
    for i in range(1, len(lines)):
        s = lines[i]
        if RESULT_LABEL.match(s) or DECISION_LABEL.match(s):
            break
        if not s.strip() or _PAGE_MARK.match(s) or _RUNNING_HEAD.search(s):
            nxt = next((t for t in lines[i + 1 :] if t.strip() and not _PAGE_MARK.match(t)), "")
            if any(x.strip() for x in out) and not _continues_heading(nxt):
                break
            out.append(s)
            continue
        if _continues_heading(s):
            has_nr = has_nr or _treats_nr(s)
            out.append(s)
            continue
        ahead = lines[i + 1 : i + 6]
        if not s.rstrip().endswith(".") and len(s) < 100 and any(_NR_LINE.match(t) or _BARE_NR.match(t) for t in ahead):
            out.append(s)
            continue
        prev = out[-1] if out else ""
        if not has_nr and _OPEN_END.search(prev) and len(out) < 4:
            out.append(s)
            continue
        break
    return out


def _year_range(nr: str) -> bool:
    """ "2018/2019" is a span of years, not a paper."""
    parts = nr.split("/")
    return len(parts) == 2 and all(p.isdigit() and len(p) == 4 for p in parts) and int(parts[1]) - int(parts[0]) == 1


_REFERENCE = re.compile(r"\b(?:zu[rm]?|vom|gemäß|siehe)\s+(?:der\s+|dem\s+)?$", re.I)


def heading_vorlagen(heading: list[str]) -> tuple[list[str], set[str]]:
    """The papers a heading names, main paper first, and which of them are amendments ("dazu:")."""
    nrs: list[str] = []
    refs: list[str] = []
    amendments: set[str] = set()
    amending = False
    for s in heading:
        if AMENDMENT.search(s) or s.strip().lower().startswith("dazu"):
            amending = True
        found = [(m.group("nr"), _REFERENCE.search(s[: m.start()]) is not None) for m in LABELLED_NR.finditer(s)]
        if not found and (m := _BARE_NR.match(s)) and not _year_range(m.group("nr")):
            found = [(m.group("nr"), False)]
        for nr, is_ref in found:
            nr = " ".join(nr.split())
            if is_ref:
                refs.append(nr)  # "Ergänzung zu DS 89/2020": the paper it revises, not the one treated
            elif nr not in nrs:
                nrs.append(nr)
                if amending and nrs[0] != nr:
                    amendments.add(nr)
    return (nrs or refs), amendments


_SUBMITTER = re.compile(r"^(?:anfrage|antrag|interfraktioneller|dazu)\b", re.I)


def heading_title(heading: list[str]) -> str:
    parts: list[str] = []
    for s in heading:
        s = s.strip()
        if not s or LABELLED_NR.match(s) or _BARE_NR.match(s) or AMENDMENT.search(s):
            break
        if parts and _SUBMITTER.match(s):
            break
        if (found := heading_number(s)) is not None:
            if parts:
                break  # the next item listed in the same heading
            s = found[1].strip()
        parts.append(s)
    text = join_text(parts).replace("\n", " ")
    return re.sub(r"\s*\((?:DS|Drucksache|Vorlage)[^)]*\)?\s*$", "", text).strip(" :")


def join_text(lines: list[str]) -> str:
    """Lines joined; a word hyphenated at a line end is joined again ("Maßnahmenkata-" "log")."""
    text = "\n".join(s.strip() for s in lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    return dehyphenate(text)
