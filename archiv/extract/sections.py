"""Split a Vorlage's lines into labelled segments using the vocabulary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..words import words
from .patterns import ROMAN_HEADING, STATUS_WORD
from .vocabulary import GREMIUM, LABELS, LabelSpec

# Lines that carry no content: page numbers, "Seite 2 von 5", pdf.js page markers, a rule of underscores.
_NOISE = re.compile(
    r"^(?:[-–]\s*\d+\s*[-–]|Seite \d+( von \d+)?|--\s*\d+\s+of\s+\d+\s*--|\d{1,3}\s*/\s*\d{1,3}"
    r"|\d+\s+von\s+\d+(?:\s+in\s+Zusammenstellung)?|Seite\s+\d+\s*/\s*\d+|[_=]{10,})$",
    re.I,
)
# A running head that ends in the page number: "Beschlussvorlage BSV/25/04718 öffentlich Seite 3/3".
_RUNNING_HEAD = re.compile(r"^.{0,70}\S\s+Seite\s+\d+\s*(?:/|von)\s*\d+$", re.I)
# A heading with the page number printed on its line: "Ergänzende Erläuterungen   Seite 2".
_TRAILING_PAGE = re.compile(r"\s+Seite\s+\d+(?:\s*(?:/|von)\s*\d+)?\s*$", re.I)
# A form row of check boxes, the boxes lost in the text export: "Anhörung Ortschaftsrat  nein  ja  durchgeführt am"
_FORM_CHECKBOX = re.compile(r"\bnein\s+ja\b|(?:^|\s)x\s+(?:nein|ja)$", re.I)  # "… GemO) x nein": a ticked box
# "I. Antrag" heads the proposed resolution in SessionNet prints (a bare "Antrag" is the kind of paper).
_ROMAN_ANTRAG = re.compile(r"^[IVX]{1,4}\.\s+(?:Antrag|Beschlussantrag)\s*:?\s*$", re.I)
# "Antrag an den Hauptausschuss", "Beschlussantrag an die Bezirksvertretung": the heading of the proposal
# "Antrag:" alone: the heading of the proposal (and the kind of paper)
ANTRAG_COLON = re.compile(r"^(?:" + "|".join(words("motion", "colon_heading")) + r")\s*:$", re.I)
_ANTRAG_AN = re.compile(r"^(?:" + "|".join(words("motion", "heading")) + r")\s+\S.{2,60}?\s*:?$", re.I)
_SIGNATURE = re.compile(r"^(?:gez\.|i\.\s?V\.|i\.\s?A\.|Im Auftrag|In Vertretung|Mit freundlichen Grüßen)", re.I)


def _label_regex() -> tuple[re.Pattern[str], dict[str, LabelSpec]]:
    by_word: dict[str, LabelSpec] = {}
    for spec in LABELS:
        for word in spec.words:
            by_word.setdefault(word.lower(), spec)
    alternatives = sorted(by_word, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    # "Beratungsfolge (Änderungen vorbehalten):" - a remark in brackets may stand between label and colon.
    pattern = re.compile(rf"^(?:(?:[IVX]+|\d+)\.\s*)?({body})\s*(?:\([^)]{{0,60}}\)\s*)?(?::|\t|$)\s*(.*)$", re.I)
    return pattern, by_word


_LABEL_LINE, _BY_WORD = _label_regex()


@dataclass(frozen=True)
class Segment:
    spec: LabelSpec
    line: int  # index of the label line
    inline: str  # the value on the label's own line
    body: tuple[str, ...]  # the lines up to the next label

    @property
    def field(self) -> str:
        return self.spec.field

    def first_value(self) -> str | None:
        if self.inline.strip():
            return self.inline.strip()
        for line in self.body:
            if line.strip():
                return line.strip()
        return None


def _inline_label_regex() -> re.Pattern[str]:
    words = sorted(
        (w for s in LABELS if s.kind in ("line", "stop") for w in s.words if len(w) > 3), key=len, reverse=True
    )
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<=\S)\s+(?=(?:{body}):\s)")


_INLINE_LABEL = _inline_label_regex()


_DATE_VALUE = re.compile(r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}$|^\d{1,2}\.\s+\w+\s+\d{4}$")


def _fits(spec: LabelSpec, word: str, value: str) -> bool:
    """Whether ``value`` can be the value of a label (used to pair separated label and value blocks)."""
    is_date = bool(_DATE_VALUE.match(value))
    if spec.kind == "block" and spec.field != "betreff":
        return False  # a prose section is never one line of a value block ("Beschlussvorschlag:" left empty)
    if STATUS_WORD.fullmatch(value):
        return spec.field == "status"
    if spec.field == "datum" or word.lower() in ("termin", "sitzung", "vom", "eingegangen"):
        return is_date
    if spec.field == "vorlage_nr":
        return (
            not is_date
            and not re.match(r"(?:Dez\.|Dezernat)\s", value)
            and len(value) >= 2
            and len(value) <= 40
            and any(c.isdigit() for c in value)
        )
    if word.lower() == "top":
        return len(value) <= 8 and any(c.isdigit() for c in value)
    return not is_date and not value.endswith(":")


# A value that goes on on the next line: it ends in an article, a preposition, a comma or a hyphen.
_WRAPPED = re.compile(r"(?:\b(?:des|der|die|den|dem|für|und|im|am|zum|zur|von)|[,-])$")


def realign_label_blocks(lines: list[str]) -> list[str]:
    """Pair labels and values that a PDF-to-text tool printed as two blocks.

    pdf.js prints "Gremium:", "Termin:", "Vorlage Nr.:", "TOP:" one under the other and then
    their values in the same order. A value is paired only where it fits its label (a date for
    "Termin", an identifier for "Vorlage Nr."), so a missing value leaves its label empty.
    """
    out = list(lines)
    i = 0
    while i < len(out):
        run: list[tuple[int, LabelSpec, str]] = []
        j = i
        while j < len(out):
            line = out[j].strip()
            m = _LABEL_LINE.match(line) if line.endswith(":") else None
            if m and not m.group(2):
                run.append((j, _BY_WORD[" ".join(m.group(1).lower().split())], m.group(1)))
            elif line:
                break
            j += 1
        if len(run) < 2:
            i = max(i + 1, j if run else i + 1)
            continue
        k = j
        filled: int | None = None  # the label line that took the last value
        for index, spec, word in run:
            while k < len(out) and not out[k].strip():
                k += 1
            if k >= len(out) or match_label(out[k]):
                break
            value = out[k].strip()
            if filled is not None and _WRAPPED.search(out[filled]) and not _fits(spec, word, value):
                out[filled] = f"{out[filled]} {value}"  # "38. Plenarsitzung des" / "Gemeinderates"
                out[k] = ""
                k += 1
                while k < len(out) and not out[k].strip():
                    k += 1
                if k >= len(out) or match_label(out[k]):
                    break
                value = out[k].strip()
            if spec.field != "status" and STATUS_WORD.fullmatch(value):
                k += 1  # "öffentlich" printed among the values without a label of its own: left for the status
                while k < len(out) and not out[k].strip():
                    k += 1
                if k >= len(out) or match_label(out[k]):
                    break
                value = out[k].strip()
            if _fits(spec, word, value):
                out[index] = f"{out[index].strip()} {value}"
                out[k] = ""
                k += 1
                filled = index
        i = j
    return out


def clean_lines(text: str) -> list[str]:
    """Lines without page furniture; a line holding several "Label: value" pairs is split into one per pair."""
    out: list[str] = []
    row_label = None  # the label in the first cell of the last label row of a grid
    for line in _without_running_heads(text.split("\n")):
        page = _TRAILING_PAGE.search(line)
        if page and match_label(line[: page.start()]):
            line = line[: page.start()]
        if _NOISE.match(line.strip()) or _RUNNING_HEAD.match(line.strip()):
            out.append("")
        elif "\t" in line and any(match_label(c) for c in line.split("\t") if c.strip().endswith(":")):
            cells = line.split("\t")
            if not cells[0].strip() and row_label:
                cells[0] = row_label  # "\tRechnungsprüfungsamt\tDatum:\t…" continues "Beteiligt:"
            elif match_label(cells[0]):
                row_label = cells[0].strip()
            out.extend(_split_cells("\t".join(c for c in cells if c.strip())))
        elif ":" in line and match_label(line):
            out.extend(part for part in _INLINE_LABEL.split(line.rstrip()) if part)
        else:
            out.append(line.rstrip())
    return realign_label_blocks(out)


def _is_page_mark(line: str) -> bool:
    s = line.strip()
    return bool(s) and bool(_NOISE.match(s) or _RUNNING_HEAD.match(s) or s == "\f")


def _without_running_heads(lines: list[str]) -> list[str]:
    """Blank a short line printed next to the page number on two pages or more
    ("Beschlussvorlage BSV/25/04718 öffentlich" / "Seite 3/3")."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    at_mark: dict[str, list[int]] = {}
    for n, i in enumerate(filled):
        s = lines[i].strip()
        if len(s) > 80 or _is_page_mark(s):
            continue
        near = [filled[m] for m in (n - 1, n + 1) if 0 <= m < len(filled)]
        if any(_is_page_mark(lines[j]) for j in near):
            at_mark.setdefault(s, []).append(i)
    out = list(lines)
    for where in at_mark.values():
        if len(where) >= 2:
            for i in where:
                out[i] = ""
    return out


def _split_cells(line: str) -> list[str]:
    """ "Status:\töffentlich\tVorlage-Art:\tBeschlussvorlage" -> one line per label cell."""
    parts: list[str] = []
    for cell in line.split("\t"):
        if parts and cell.rstrip().endswith(":") and match_label(cell):
            parts.append(cell)
        elif parts:
            parts[-1] += "\t" + cell
        else:
            parts.append(cell)
    return parts


def match_label(line: str, bare: bool = True) -> tuple[LabelSpec, str] | None:
    """The label a line starts with, and the rest of the line. ``bare=False``: only "Label:" counts."""
    line = line.strip()
    if _ROMAN_ANTRAG.match(line) or ANTRAG_COLON.match(line) or (_ANTRAG_AN.match(line) and GREMIUM.search(line)):
        return _BY_WORD["beschlussvorschlag"], ""
    m = _LABEL_LINE.match(line)
    if not m and "  " in line:
        # "Finanzielle Auswirkungen      nein   ja": a label of several words set apart by a wide gap
        gapped = re.sub(r"\s{2,}", "\t", line, count=1)
        m = _LABEL_LINE.match(gapped)
        if m and " " not in m.group(1).strip():
            return None
        line = gapped if m else line
    if not m:
        return None
    if not bare and ":" not in line[: max(m.end(1) + 3, m.start(2))] and "\t" not in line:
        return None
    spec = _BY_WORD[" ".join(m.group(1).lower().split())]
    # "Art" or "Amt" mid-sentence is no label: a label line is short or has a colon.
    if spec.kind in ("line", "list") and ":" not in line and "\t" not in line and m.group(2):
        return None
    return spec, m.group(2)


def _own_line_heading(line: str) -> bool:
    """A heading that counts without colon even inside PDF text: "II. Begründung", or a label of
    several words that fills its line ("Beteiligte Dienststellen"); a single word may be a table cell."""
    s = line.strip()
    if ROMAN_HEADING.match(s):
        return True
    m = _LABEL_LINE.match(s)
    return (
        bool(m)
        and not m.group(2)
        and " " in m.group(1).strip()
        and _BY_WORD[" ".join(m.group(1).lower().split())].kind in ("block", "list")
    )


_NUMBERED = re.compile(r"^(\d{1,2})((?:\.\d{1,2})*)[.)]\s+\S")


def _next_item(body: list[str], lines: list[str], i: int) -> bool:
    """Whether line ``i`` continues the numbered list above it ("2. …" / "3. Begründung") and the list goes
    on below it ("3.1. …"); a heading that follows a list is followed by prose instead."""
    here = _NUMBERED.match(lines[i].strip())
    above = next((_NUMBERED.match(b.strip()) for b in reversed(body) if b.strip()), None)
    below = next((_NUMBERED.match(ln.strip()) for ln in lines[i + 1 : i + 4] if ln.strip()), None)
    return bool(here and above and below) and int(here.group(1)) == int(above.group(1)) + 1


def _heading_after_list(line: str, lines: list[str], i: int) -> tuple[LabelSpec, str] | None:
    """A numbered section heading ("3. Begründung") right below a numbered list, followed by prose."""
    hit = match_label(line)
    below = next((ln.strip() for ln in lines[i + 1 : i + 4] if ln.strip()), "")
    if hit and hit[0].kind == "block" and not hit[1].strip() and below and not _NUMBERED.match(below):
        return hit
    return None


def segments(lines: list[str], bare: bool = True) -> list[Segment]:
    """Every labelled segment, in order. A signature line ("gez.") ends the segment before it.

    ``bare``: a label alone on its line without a colon counts too (HTML headings); in PDF and
    text exports a bare word on its own line is too often a wrapped table cell.
    """
    found: list[Segment] = []
    current: tuple[LabelSpec, int, str] | None = None
    body: list[str] = []
    for i, line in enumerate(lines):
        # A heading without colon counts at the start of a paragraph (after a blank line).
        hit = match_label(line, bare or (i > 0 and not lines[i - 1].strip()) or _own_line_heading(line))
        if hit is None and current is not None and (_SIGNATURE.match(line.strip()) or _FORM_CHECKBOX.search(line)):
            hit = (LABELS[-1], "")  # treated like a stop label: a signature, or a form's "nein ☐ ja ☐" row
        in_list = current is not None and current[0].kind == "list"
        if hit is not None and in_list and _next_item(body, lines, i):
            hit = None  # "3. Begründung" between "2. …" and "3.1. …": an item of the list, not a heading
        elif hit is None and in_list and _NUMBERED.match(line.strip()) and not _next_item(body, lines, i):
            hit = _heading_after_list(line, lines, i)  # "3. Begründung" and then prose: the list is over
        if hit is None:
            if current is not None:
                body.append(line)
            continue
        if current is not None:
            found.append(Segment(current[0], current[1], current[2], tuple(body)))
        current, body = (hit[0], i, hit[1]), []
    if current is not None:
        found.append(Segment(current[0], current[1], current[2], tuple(body)))
    return found


_LIST_ITEM = re.compile(r"^(?:[-–•·*▪]\s*|\d+[.)]\s+|[a-z]\)\s+)")


def paragraphs(lines: tuple[str, ...] | list[str], join) -> str | None:
    """Prose lines as paragraphs separated by a blank line.

    Where the source has blank lines between paragraphs (text exports, HTML) they are kept;
    where it has none (PDF text) a paragraph ends at a line that ends a sentence and is
    clearly shorter than the lines around it, or before a list item.
    """
    stripped = [ln.strip() for ln in lines]
    while stripped and not stripped[0]:
        stripped.pop(0)
    while stripped and not stripped[-1]:
        stripped.pop()
    if not stripped:
        return None
    paras: list[list[str]] = [[]]
    has_blank = "" in stripped
    width = max(len(s) for s in stripped)
    for s in stripped:
        if not s:
            if paras[-1]:
                paras.append([])
            continue
        if paras[-1] and _LIST_ITEM.match(s):
            paras.append([])
        paras[-1].append(s)
        if not has_blank and s[-1:] in ".!?:" and len(s) < 0.8 * width and width > 40:
            paras.append([])
    out = [join(p) for p in paras if p]
    return "\n\n".join(out) or None
