"""The Betreff printed without a label: the title after the header block or after the Beratungsfolge."""

from __future__ import annotations

import re
from itertools import pairwise

from ..models import BeschlusslaufRow
from ..text.lines import join_lines
from ..text.status import STATUS
from . import beschlusslauf as bl
from .normalize import parse_date
from .patterns import ART_LINE, BARE_ID, CHECKBOX, LETTER_SPACED, SALUTATION, STATUS_LINE, clean_value
from .sections import Segment, match_label


def _is_table_residue(line: str, rows: list[BeschlusslaufRow]) -> bool:
    """A line made only of words of the Beschlusslauf cells (text order of a table differs between readers)."""
    cells = " ".join(" ".join(filter(None, (r.gremium, r.zustaendigkeit, r.ergebnis))) for r in rows).lower()
    words = [w.strip(".,;:-").lower() for w in line.split() if not parse_date(w)]
    return bool(cells) and all(w in cells for w in words if w)


def betreff_after_table(
    lines: list[str], table_end: int, segs: list[Segment], rows: list[BeschlusslaufRow]
) -> str | None:
    stop = next((s.line for s in segs if s.line >= table_end), len(lines))
    chunk = [ln.strip() for ln in lines[table_end:stop]]
    # Skip what still belongs to the header: checkbox rows, the public-status line, wrapped cells.
    i = 0
    while i < len(chunk) and (
        not chunk[i]
        or CHECKBOX.search(chunk[i])
        or STATUS_LINE.match(chunk[i])
        or (chunk[i][:1].islower() and len(chunk[i].split()) <= 2)  # "fassung": a wrapped cell
        or _is_table_residue(chunk[i], rows)
    ):
        i += 1
    rest = chunk[i:]
    if "" in rest:  # the source marks paragraphs: the Betreff is the first one
        rest = rest[: rest.index("")]
    body = [c for c in rest if c and not CHECKBOX.search(c)]
    if body and SALUTATION.match(body[0]):  # the letter begins right after the table: no subject here
        return None
    if len(body) > 6 or (len(body) > 1 and any(c.endswith((".", ":")) for c in body[1:])):
        body = _title_lines(body, _line_width(lines))  # the title runs into prose
    text = clean_value(join_lines(body)) if body and len(body) <= 6 else None
    return text if text and re.search(r"[A-Za-zÄÖÜäöüß]{3}", text) and not _not_a_title(text) else None


def _not_a_title(text: str) -> bool:
    return bool(_SENTENCE.search(text) or _OPEN_TAIL.search(text))


# A title does not stop at an article or preposition: "… des Sportamtes zeigen die" is a cut sentence.
_OPEN_TAIL = re.compile(
    r"\s(?:der|die|das|den|dem|des|ein|eine|einer|eines|und|oder|mit|von|vom|zu|zum|zur|im|in|für|auf|an|am|bei)$"
)


# A sentence, not a title: it ends in a lower-case word and a full stop ("… dringend ist."); "u. a." is none.
_SENTENCE = re.compile(r"\s[a-zäöüß]{3,}\.$")


def _line_width(lines: list[str]) -> int:
    """The width of a full line of prose in characters (PDF text has no paragraph marks)."""
    # lines under 40 characters are table cells and headings, no measure of the prose
    widths = sorted(len(ln.strip()) for ln in lines if len(ln.strip()) > 40)
    return widths[int(len(widths) * 0.9)] if len(widths) >= 3 else 80


def _title_lines(body: list[str], width: int) -> list[str]:
    """A title on top of prose: its lines run on while they fill the line or end in "-", ";" or ",";
    the first short line ends it. A title over more than three lines is none."""
    out: list[str] = []
    for line in body[:4]:
        out.append(line)
        if not (line.endswith(("-", ";", ",")) or len(line) >= 0.85 * width):
            return out if len(out) <= 3 else []
    return []


_STATUS_WORDS = re.compile(rf"^(?:Status:\s*)?{STATUS}(?:\s+{STATUS})?$", re.I)
# "Dez. 3", "verantwortlich  Dez. 5" (a label printed without its colon)
_DEZERNAT = re.compile(r"^(?:\w+\s+)?(?:Dez\.|Dezernat)\s*\S{1,6}$", re.I)
# the originator printed under the title: "CDU-OR-Fraktion", "B ́90/DIE GRÜNEN-OR-Fraktion"
_GROUP_LINE = re.compile(r"^(?:\S+\s+){0,4}\S*(?:Fraktion|fraktion|Gruppe)$")
_ORIGINATOR_BRACKET = re.compile(r"\s*\((?:Antrag|Anfrage)\s+(?:von|der|des)\b[^()]*\)$")


def _is_table_header(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 10 and (bl.map_header(words) is not None or "Beratungsfolge" in line)


def is_heading(line: str) -> bool:
    """A section heading the vocabulary does not know: "Stellungnahme des Bürgermeisteramtes:"."""
    return match_label(line) is None and line.endswith(":") and 1 <= len(line.split()) <= 6 and line[:1].isupper()


def _limit(lines: list[str], header_end: int) -> int:
    """The title stands above the Beratungsfolge and above any section heading printed without a colon."""
    limit = min(header_end or len(lines), len(lines))
    for i, line in enumerate(lines[:limit]):
        s = line.strip()
        hit = match_label(s)
        if _NO_CONSULTATION.search(s):
            continue
        if (hit and (hit[0].kind == "table" or (":" not in s and "\t" not in s and not hit[1]))) or _is_table_header(s):
            return i
    return limit


def _header_items(lines: list[str], limit: int, nr: str | None) -> list[int]:
    """The lines of the header block that are no title: labels, status, Dezernat, number, kind of paper."""
    items: list[int] = []
    value_of_label = False  # the line after a label printed without its value holds that value
    prose: list[str] = []  # the run of lines since the last item: three, one of them long, are prose
    for i, line in enumerate(lines[:limit]):
        s = line.strip()
        if not s:
            prose = []
            continue
        hit = match_label(s)
        if (value_of_label and not hit) or (hit is None and i and _glued_value(lines, i, limit)):
            items.append(i)
            value_of_label = False
            continue
        value_of_label = bool(hit and hit[0].kind != "block" and not hit[1].strip())
        if _is_header_item(s, hit, nr):
            items.append(i)
            prose = []
        elif items:
            prose.append(s)
            if len(prose) >= 3 and max(map(len, prose)) >= 50:
                break  # the header block is over: a kind of paper named in the text is no header item
    return items


def _is_header_item(s: str, hit: tuple | None, nr: str | None) -> bool:
    if LETTER_SPACED.fullmatch(s):
        s = s.replace(" ", "")  # "A N T R A G"
    return bool(
        (hit and hit[0].kind != "block")
        or _STATUS_WORDS.match(s)
        or STATUS_LINE.match(s)
        or _DEZERNAT.match(s)
        or BARE_ID.match(s)
        or (nr and s == nr)
        or (ART_LINE.match(s) and len(s) <= 40 and not s.endswith(":"))
        or _NO_CONSULTATION.search(s)
    )


def _glued_value(lines: list[str], i: int, limit: int) -> bool:
    """ "Dienststelle:  Team Sauberes" / "Karlsruhe": in a text whose paragraphs are set apart by blank
    lines, a lone line glued to a label's value continues that value when a paragraph follows it."""
    above = match_label(lines[i - 1].strip())
    if not (above and above[0].kind in ("line", "list") and above[1].strip()):
        return False
    if i + 1 >= limit or lines[i + 1].strip():
        return False
    return any(ln.strip() for ln in lines[i + 1 : limit])


_NO_CONSULTATION = re.compile(r"\bkeine Beratung\b", re.I)  # "Für diese Vorlage erfolgt keine Beratung in …"
# "Auskunft erteilt: Herr X": a label the vocabulary does not know (lower-case word before the colon).
_UNKNOWN_LABEL = re.compile(r"^[A-ZÄÖÜ]\w*(?:\s+\w+){0,2}:\s", re.U)


def _label_like(text: str) -> bool:
    m = _UNKNOWN_LABEL.match(text)
    return bool(m) and any(w[:1].islower() for w in m.group(0).split())


# "der Stadträtinnen A und B (SPD) sowie der SPD-Gemeinderatsfraktion vom 22. August 2005": who asks, not what.
_ORIGINATOR = re.compile(r"^(?:der|des|von)\s|\bvom\s+\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s*\d{2,4}$")


_ORIGINATOR_MARK = "\x00originator"  # what _paragraph returns for the authors of an Antrag


def _paragraph(lines: list[str], start: int, stop: int) -> tuple[str | None, int]:
    """The title-like paragraph from ``start``: its text (None if it is no title) and the line after it."""
    i = start
    # blank lines, and the stamp, contact or reference lines of a letter above its subject
    while i < stop and (not lines[i].strip() or _STAMP_WORDS.search(lines[i]) or _ISO_DATE.match(lines[i].strip())):
        i += 1
    para: list[str] = []
    while i < stop and lines[i].strip() and not match_label(lines[i]) and not _is_table_header(lines[i]):
        if para and (is_heading(lines[i].strip()) or SALUTATION.match(lines[i].strip())):
            break
        para.append(lines[i].strip())
        i += 1
    if len(para) >= 2 and _GROUP_LINE.match(para[-1]):
        para = para[:-1]
    text = clean_value(join_lines(para)) if para else None
    if text and _ORIGINATOR.search(text):
        return _ORIGINATOR_MARK, i
    if text:
        text = _ORIGINATOR_BRACKET.sub("", text)
    if len(para) > 4 or (text and len(text) > 300):
        kept = _title_lines(para, _line_width(lines))  # a title that runs straight into prose
        text = clean_value(join_lines(kept)) if kept else None
    if (
        not text
        or text.endswith(":")
        or _DEFINED_KIND.match(text)
        or _STATUS_WORDS.match(text)
        or SALUTATION.match(text)
        or _not_a_title(text)
        or not re.search(r"[A-Za-zÄÖÜäöüß]{3}", text)  # a date or number is no title
    ):
        return None, i
    return text, i


def title_after_header(lines: list[str], segs: list[Segment], header_end: int, nr: str | None) -> str | None:
    """The subject printed without a label as the first paragraph after the header block
    (Karlsruhe, ALLRIS 4): after the last label, status line or Dezernat of the header."""
    limit = _limit(lines, header_end)
    items = _header_items(lines, limit, nr)
    if not items:
        return None
    text, after = _paragraph(lines, items[-1] + 1, limit)
    if text is _ORIGINATOR_MARK:
        text, _ = _paragraph(lines, after, limit)  # the Antrag's authors stand between its kind and its title
    return None if text is _ORIGINATOR_MARK else text


_FURNITURE = re.compile(
    r"^(?:Der|Die)\s+(?:Ober)?Bürgermeister(?:in)?$|recyclingpapier|^(?:Stadt|Gemeinde|Landkreis)\s+\S+$", re.I
)


def title_in_header(lines: list[str], header_end: int, nr: str | None, fachbereich: str | None) -> str | None:
    """Where no title follows the header block: one printed between its items (Karlsruhe since 2020:
    "Eingang: …" / title / "Antrag: GRÜNE") or right above its first label."""
    limit = _limit(lines, header_end)
    items = _header_items(lines, limit, nr)
    for a, b in reversed(list(pairwise(items))):
        if b > a + 1:
            text, _ = _paragraph(lines, a + 1, b)
            if text and text is not _ORIGINATOR_MARK and not (_FURNITURE.search(text) or _label_like(text)):
                return text
    first_label = next((i for i in items if match_label(lines[i].strip())), None)
    filled_before = sum(1 for ln in lines[: first_label or 0] if ln.strip())
    if first_label is None or filled_before > 8:
        return None  # a label deep in the text ("Anlage:" under a letter) heads no header block
    above: list[str] = []
    for line in reversed(lines[:first_label]):
        s = line.strip()
        if not s and not above:
            continue
        if not s or _FURNITURE.search(s) or ART_LINE.match(s) or s == fachbereich or len(above) == 4:
            break
        if _ADDRESS.search(s) or _STAMP_WORDS.search(s):
            break  # a letter's address block or contact lines
        above.insert(0, s)
    if len(above) >= 2 and _GROUP_LINE.match(above[-1]):
        above = above[:-1]  # the originator printed under the title
    text = clean_value(join_lines(above)) if above else None
    ok = text and len(text) <= 300 and re.search(r"[A-Za-zÄÖÜäöüß]{3}", text) and not _not_a_title(text)
    return text if ok and not _SENTENCE_INSIDE.search(text) else None


# "Herrn …", "An die Bezirksbürgermeisterin", "50767 Köln": an address block
_ADDRESS = re.compile(r"^(?:Herrn?|Frau|An\s+(?:den|die|das))\b|(?:^|\s)\d{5}\s+[A-ZÄÖÜ]")
_SENTENCE_INSIDE = re.compile(r"[a-zäöüß]{2}[.!?]\s+[A-ZÄÖÜ]")  # prose: "… ausgesprochen. Mit freundlichen …"
_KIND_PREFIX = re.compile(r"^(?:Antrag|Anfrage|Stellungnahme|Änderungsantrag|Ergänzungsantrag)\s*:\s*")
# DIN 5008: a letter's subject stands right above its salutation.
_HIER = re.compile(r"^hier\s*[:\t]", re.I)
_DATE_ANY_LINE = re.compile(
    r"\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜa-zäöü]{3,9}\.?)\s?\d{2,4}|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|^\d{5}\s"
)


# A receipt stamp ("Eingang 23. JAN. 2012", OCR "Emgang"), a contact line (e-mail, phone, fax), the column
# heads of a letter's reference line ("Ihre Nachricht vom", "Unser Zeichen")
_STAMP_WORDS = re.compile(
    r"^E[imnl1]{1,2}g[ae]ng\b|^Posteingang\b|@|\b(?:Tel(?:efon)?|Fax|E-Mail)\b|\bIhre?\s+(?:Zeichen|Nachricht|Schreiben)"
    r"|\bUnser(?:e)?\s+(?:Zeichen|Nachricht)",
    re.I,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _stamp(s: str) -> bool:
    """A line of a stamp, a registry mark or a reference block between subject and salutation: a short
    line with a date, a line made mostly of other signs than letters, or a "Label: value" line."""
    letters = sum(c.isalpha() for c in s)
    if (_DATE_ANY_LINE.search(s) and len(s) <= 40) or _STAMP_WORDS.search(s) or _ISO_DATE.match(s):
        return True
    if letters < max(4, len(s) // 2):
        return True
    label = re.match(r"^[A-ZÄÖÜ][\wäöüß/ .-]{2,40}:\s+\S", s)
    return bool(label) and not re.match(r"^(?:hier|betr)", s, re.I) and not _KIND_PREFIX.match(s)


def letter_subject(lines: list[str]) -> str | None:
    """The subject of a letter (a Stellungnahme, a council group's Antrag): the line or two above
    "Sehr geehrte …", unless that is the address, the date or the sender."""
    for i, line in enumerate(lines[:60]):
        if not SALUTATION.match(line.strip()):
            continue
        above: list[str] = []
        skipped = 0
        top = i
        for j in range(i - 1, -1, -1):
            prev = lines[j]
            # a scan's line runs on into a stamp or a note at its right (OCR marks the gap with a TAB)
            s = _subject_cell(prev)
            if s and not above and "\t" in prev and _DATE_ANY_LINE.search(prev.split("\t", 1)[1]):
                continue  # a table row ("Bezirksvertretung 2<TAB>26.01.2026"), no subject
            if s and above and _DATE_ANY_LINE.search(prev) and not _HIER.match(above[0]):
                break  # an address or a place-and-date line at the right of the line above the subject
            if not above and (not s or (_stamp(s) and skipped < 4)):
                skipped += bool(s)
                continue  # a stamp or a detail line ("Voraussichtliche Auftragssumme: …") under the subject
            if above and _HIER.match(above[0]) and s and len(above) < 3:
                above.insert(0, s)  # "<Gegenstand>" / "hier: …": the subject's first part, dates and all
                top = j
                continue
            # the subject's line, and the one above it only where the subject wraps onto this one
            wraps = s.endswith(("-", ",")) or _OPEN_TAIL.search(s) or above[0][:1].islower() if above else True
            # a short last line ("„Fussballplatz am Holzweg“") is the end of a subject wrapped from above
            wraps = wraps or (len(above) == 1 and len(above[0]) < 50 and ":" not in s and len(s) > len(above[0]))
            if above and (not wraps or len(above) == 2):
                break
            if not s or match_label(s) or _DATE_ANY_LINE.search(s):
                break
            above.insert(0, s)
            top = j
        if above and not any(ln.strip() for ln in lines[:top]):
            return _subject_below(lines, i)  # the letter's first line is its sender, no subject
        text = clean_value(_KIND_PREFIX.sub("", _STAMP_TAIL.sub("", join_lines(above)))) if above else None
        ok = text and len(text) >= 10 and not text.endswith((",", ":")) and not _not_a_title(text)
        if ok and not _SENTENCE_INSIDE.search(text) and not _DEFINED_KIND.match(text):
            return text
        return _subject_below(lines, i)
    return None


def _subject_below(lines: list[str], at: int) -> str | None:
    """ "Sehr geehrter Herr …," / "sehr geehrte Mitglieder …," / "Antrag: <subject>": a subject that names
    its kind, printed under the salutation lines."""
    i = at
    while i < len(lines) and (not lines[i].strip() or SALUTATION.match(lines[i].strip())):
        i += 1
    if i >= len(lines) or not (m := _KIND_PREFIX.match(lines[i].strip())):
        return None
    parts = [lines[i].strip()[m.end() :]]
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if nxt and (_OPEN_TAIL.search(parts[0]) or parts[0].endswith(("-", ","))) and len(nxt) < 60:
        parts.append(nxt)  # the subject wraps onto a short second line
    text = clean_value(join_lines(parts))
    return text if text and len(text) >= 10 and not _not_a_title(text) else None


# "Anfrage<TAB>Frechener Weg …": the kind printed as a label column beside the subject
_KIND_CELL = re.compile(r"^(?:" + ART_LINE.pattern.removeprefix(r"(?:^|\s)") + r"|Betreff|Betr\.|Titel)\s*:?$", re.I)
# A stamp the OCR line runs into at the right of the subject: scraps of one or two signs, then the body's
# name or the receipt word ("… Köln-Sülz 2 1 Stadt Su", "… Busschleuse er Stadt Köln")
_STAMP_TAIL = re.compile(
    r"(?:\s+\S{1,2}){1,4}\s+(?:Stadt|Gemeinde|Landkreis|Kreis|Eingang|Eing\.)(?:\s+\S{1,20})?\s*$", re.I
)
# "ANFRAGE NACH § 4 DER GESCHÄFTSORDNUNG": the kind of paper and its rule, no subject
_DEFINED_KIND = re.compile(r"^\S+\s+(?:nach|gemäß|im Sinne)\s.{0,10}§", re.I)


def _subject_cell(line: str) -> str:
    cells = [c.strip() for c in line.strip().split("\t")]
    if len(cells) > 1 and _KIND_CELL.match(cells[0]) and cells[1]:
        return cells[1]
    return cells[0]


_LABEL_WITHOUT_COLON = re.compile(r"^(?:Betreff|Betr\.|Titel|Gegenstand)\s+(?P<value>[A-ZÄÖÜ0-9„\"].{5,})$")


def subject_without_colon(lines: list[str], limit: int = 40) -> str | None:
    """A subject whose label lost its colon in the scan ("Titel Fortschreibung des Nahverkehrsplans")."""
    for line in lines[:limit]:
        m = _LABEL_WITHOUT_COLON.match(line.strip().split("\t")[0])
        if m and not match_label(line):
            text = clean_value(_STAMP_TAIL.sub("", m.group("value")))
            return text if text and not _not_a_title(text) else None
    return None
