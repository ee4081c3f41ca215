"""Read the record's fields out of the lines of a Vorlage.

First the labelled segments (vocabulary.LABELS); then, for what is still missing, the rules of
layouts that print fields without labels (the SD.NET RIM letterhead: a bare "DS 53/2025" line,
the Fachbereich above the Aktenzeichen, the Betreff between the Beratungsfolge and the first
section).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..models import BeschlusslaufRow, Produkt, Table
from ..parsers.textutil import join_lines
from . import beschlusslauf as bl
from .normalize import parse_date, parse_oeffentlich
from .sections import Segment, clean_lines, match_label, paragraphs, segments
from .vocabulary import ARTEN, KOERPERSCHAFT_KINDS

# A line that is a Vorlage number on its own: "DS 53/2025", "Drucksache Nr. 26/2007", "DS 10/2008 1. Ergänzung".
_BARE_NR = re.compile(
    r"^(?:(?P<label>Drucksache(?:\s*Nr\.?)?|Drs\.(?:\s*Nr\.?)?|Vorlage\s*Nr\.?)\s*)?"
    r"(?P<nr>(?:DS\s*)?\d{1,5}\s*/\s*\d{2,4}(?:\s*[-–]?\s*\d+\.\s*Ergänzung)?)\s*$",
    re.I,
)
# A header line that is only an identifier: "ANF/25/61796", "VII-DS-08561-NF-01", "TVO-BSV/25/61736-2".
_BARE_ID = re.compile(r"^(?=[A-Z0-9/-]{6,30}$)(?=.*\d{2})(?=.*[A-Z])[A-Z]{1,6}(?:[-/][A-Z0-9]{1,6}){2,5}$")
# "Beschlussvorlage-Nr. VII-DS-08561", "Neufassung Antrag-Nr. VII-A-08079-NF-02": kind and number in one.
_ART_NR = re.compile(r"^(?P<art>(?:[A-ZÄÖÜ][\wäöüß]*\s+)?[A-ZÄÖÜ][\wäöüß]*)-Nr\.?:?\s+(?P<nr>\S{3,40})$")
# A heading that names the Vorlage by its number: "Vorlage - BV/0235/2025", "Drucksache 2025/0318".
_HEADING_NR = re.compile(
    r"^(?:Vorlage|Drucksache|Beschlussvorlage|Mitteilungsvorlage|Informationsvorlage|Antrag|Anfrage)\s*(?:Nr\.?)?\s*[-–:]?\s*"
    r"(?P<nr>[A-Z]{0,6}[/-]?\d{1,6}(?:\s*[/-]\s*[0-9A-Za-z]{1,8}){1,3})\s*$"
)
_ART_LINE = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(a) for a in sorted(ARTEN, key=len, reverse=True)) + r")\b", re.I
)
_STATUS_LINE = re.compile(
    r"^Beratung in (?:nicht[\s-]?öffentlicher|nichtöffentlicher|öffentlicher|\S{1,30}) Sitzung", re.I
)
_CHECKBOX = re.compile(r"[☐☒☑□■]|\bJa\s+[☐☒□■]|^Beteiligung\s+\w+\s+Ja\b", re.I)
_NOT_TITLE = re.compile(r"^(?:\d+[.)]?|[\d.,]+\s*(?:KB|MB|kB|Bytes?)|PDF|DOCX?|Anlage\s*\d+)$", re.I)
_PRODUKT = re.compile(r"^(?P<nr>\d+(?:[.\-]\d+)+)\s*[-–:]?\s*(?P<name>.*)$")
_ANLAGE_ITEM = re.compile(r"^(?:[-–•·*▪]\s*|Anlage\s*\d+[a-z]?\s*[:.)–-]?\s*|\d+[.)]\s+)", re.I)
_KOERPERSCHAFT = re.compile(
    r"\b(?P<kind>" + "|".join(re.escape(k) for k in KOERPERSCHAFT_KINDS) + r")\s+"
    r"(?P<name>(?:Bad\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    r"(?:\s+(?:am|an der|im|ob der|in der|vor der)\s+[A-ZÄÖÜ][a-zäöüß]+)?)"
)
# Words after "Stadt"/"Gemeinde" that are no names ("die Stadt Verwaltung" is a typo, not a body).
_NOT_A_NAME = {"Verwaltung", "Rat", "Ortsrat", "Bürgermeister", "Bürgermeisterin", "Und", "Oder", "Der", "Die", "Das"}


@dataclass
class Fields:
    """Mutable while reading; frozen into a Vorlage at the end."""

    vorlage_nr: str | None = None
    aktenzeichen: str | None = None
    art: str | None = None
    datum: str | None = None
    oeffentlich: bool | None = None
    koerperschaft: str | None = None
    fachbereich: str | None = None
    beteiligungen: list[str] = field(default_factory=list)
    produkt: Produkt | None = None
    betreff: str | None = None
    beschlusslauf: list[BeschlusslaufRow] = field(default_factory=list)
    beschlussvorschlag: str | None = None
    begruendung: str | None = None
    anlagen: list[str] = field(default_factory=list)


def _clean_value(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.replace("\t", " ").split()).strip(" :;,")
    return value or None


def read_fields(text: str, tables: tuple[Table, ...], *, bare_labels: bool = False) -> Fields:
    lines = clean_lines(text)
    segs = segments(lines, bare_labels)
    f = Fields()
    first: dict[str, Segment] = {}
    for seg in segs:
        first.setdefault(seg.field, seg)

    _read_labelled(f, first, lines, segs)
    table_end = _read_beschlusslauf(f, first, lines, tables)
    header_end = _header_end(lines, segs, table_end)
    _read_unlabelled(f, lines, header_end, table_end, segs)
    f.koerperschaft = _koerperschaft(lines, header_end)
    return f


def _read_labelled(f: Fields, first: dict[str, Segment], lines: list[str], segs: list[Segment]) -> None:
    if seg := first.get("vorlage_nr"):
        f.vorlage_nr = _clean_value(seg.first_value())
        m = _TRAILING_ART.match(f.vorlage_nr or "")
        if m and _ART_LINE.fullmatch(m.group("art")):
            f.vorlage_nr, f.art = m.group("nr"), _canonical_art(m.group("art"))  # "815  ANFRAGE"
    if seg := first.get("aktenzeichen"):
        f.aktenzeichen = _clean_value(seg.first_value())
    if seg := first.get("art"):
        f.art = _clean_value(seg.first_value())
    if seg := first.get("datum"):
        f.datum = parse_date(seg.first_value())
    if seg := first.get("status"):
        f.oeffentlich = parse_oeffentlich(seg.first_value())
    if seg := first.get("fachbereich"):
        f.fachbereich = _clean_value(seg.first_value())
    if first.get("beteiligungen"):
        items = [line for seg in segs if seg.field == "beteiligungen" for line in (seg.inline, *seg.body)]
        f.beteiligungen = [v for item in items for part in item.split(";") if (v := _clean_value(part))]
    if seg := first.get("produkt"):
        value = _clean_value(seg.first_value())
        if value:
            m = _PRODUKT.match(value)
            f.produkt = Produkt(m.group("nr"), m.group("name") or None) if m else Produkt(None, value)
    if seg := first.get("betreff"):
        f.betreff = _clean_value(join_lines([seg.inline, *seg.body]))
    for name in ("beschlussvorschlag", "begruendung"):
        if seg := first.get(name):
            setattr(f, name, paragraphs([seg.inline, *seg.body], join_lines))
    if seg := first.get("anlagen"):
        f.anlagen = _anlagen([seg.inline, *seg.body])


def _anlagen(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if "©" in s or s.startswith(("(c)", "Copyright")):
            break  # page footer
        if "\t" in s:  # a table row: number, title, size
            cells = [c for c in s.split("\t") if c.strip() and not _NOT_TITLE.match(c.strip())]
            if cells:
                items.append(_clean_value(max(cells, key=len)) or "")
            continue
        bullet = _ANLAGE_ITEM.match(s)
        title = _clean_value(s[bullet.end() :] if bullet else s)
        if not title:
            continue
        if bullet or not items:
            items.append(title)
        else:
            items[-1] = join_lines([items[-1], title])  # a title wrapped over two lines
    return items


def _read_beschlusslauf(f: Fields, first: dict[str, Segment], lines: list[str], tables: tuple[Table, ...]) -> int:
    """Fill the Beschlusslauf; return the index of the first line after its table (0 if none)."""
    seg = first.get("beschlusslauf")
    start = seg.line + 1 if seg else _header_line(lines)
    rows, end = ([], 0)
    if start is not None:
        rows, consumed = bl.from_lines(lines[start:])
        end = start + consumed
    from_tables = bl.from_tables(tables)
    f.beschlusslauf = from_tables if from_tables else rows
    return end


def _header_line(lines: list[str]) -> int | None:
    """A Beschlusslauf column header printed without a label: "Beratungsfolge Termin Stand Abstimmung"."""
    for i, line in enumerate(lines[:150]):
        cells = line.split("\t") if "\t" in line else line.split()
        if 2 <= len(cells) <= 8:
            mapping = bl.map_header(cells)
            if mapping and len(mapping) >= 3:
                return i
    return None


def _header_end(lines: list[str], segs: list[Segment], table_end: int) -> int:
    """Where the header block ends: the first prose section (or the Beschlusslauf table)."""
    for seg in segs:
        if seg.spec.kind == "block" and seg.field != "betreff":
            return seg.line
    return table_end or min(len(lines), 40)


def _read_unlabelled(f: Fields, lines: list[str], header_end: int, table_end: int, segs: list[Segment]) -> None:
    header = lines[:header_end]
    if f.vorlage_nr is None:
        for line in header:
            s = line.strip()
            m = _ART_NR.match(s)
            if m and _ART_LINE.search(m.group("art")):
                f.vorlage_nr = m.group("nr")
                f.art = f.art or m.group("art")
                break
            m = _BARE_NR.match(s) or _HEADING_NR.match(s)
            if m:
                f.vorlage_nr = " ".join(m.group("nr").split())
                break
            if _BARE_ID.match(s):
                f.vorlage_nr = s
                break
    if f.art is None:
        f.art = _defined_art(header[:30])
    if f.art is None:
        for line in header[:60]:
            s = line.strip()
            if _LETTER_SPACED.fullmatch(s):
                s = s.replace(" ", "")  # "A N F R A G E"
            m = _ART_LINE.match(s)
            if m and len(s) <= 60 and not match_label(s) and not bl._ROW.match(s) and not _HEADING_NR.match(s):
                f.art = _canonical_art(m.group(1))
                break
    if f.oeffentlich is None:
        for line in header:
            if _STATUS_LINE.match(line.strip()):
                f.oeffentlich = parse_oeffentlich(line)
                break
    if f.fachbereich is None:
        f.fachbereich = _line_above_label(lines[:header_end], "aktenzeichen")
    if f.datum is None:
        f.datum = _header_date(lines[: table_end or header_end], f)
    if f.betreff is None:  # a title printed right after the header, above any Beratungsfolge
        f.betreff = _title_after_header(lines, segs, header_end, f.vorlage_nr)
    if f.betreff is None and table_end:
        f.betreff = _betreff_after_table(lines, table_end, segs, f.beschlusslauf)


_LETTER_SPACED = re.compile(r"(?:[A-ZÄÖÜ] )+[A-ZÄÖÜ]")
_TRAILING_ART = re.compile(r"^(?P<nr>\S.*?)\s+(?P<art>[A-ZÄÖÜ][A-ZÄÖÜa-zäöüß-]+)$")
# "Antrag im Sinne von § 33 Abs. 1 GeschO (öffentlich)": the kind of paper defined by the rules of procedure.
_DEFINED_ART = re.compile(r"^[A-ZÄÖÜ][\wäöüß-]*(?:\s+[A-ZÄÖÜa-zäöüß][\wäöüß-]*){0,3}\s+im Sinne (?:von|des) §.{2,60}$")


def _defined_art(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        s = line.strip()
        if _DEFINED_ART.match(s):
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if re.fullmatch(r"\((?:nicht\s?)?öffentlich\)", following, re.I):
                s = f"{s} {following}"  # the status in brackets wrapped onto the next line
            return s
    return None


def _canonical_art(word: str) -> str:
    for art in ARTEN:
        if art.lower() == word.lower():
            return art
    return word


def _line_above_label(lines: list[str], field_name: str) -> str | None:
    for i, line in enumerate(lines):
        hit = match_label(line)
        if hit and hit[0].field == field_name:
            j = i - 1
            while j >= 0 and not lines[j].strip():
                j -= 1
            if j < 0:
                return None
            above = lines[j].strip()
            if match_label(above) or ":" in above or re.search(r"\d", above) or len(above) > 80:
                return None
            return above
    return None


def _header_date(lines: list[str], f: Fields) -> str | None:
    """The Vorlage's own date in a header without a "Datum:" label: the first date outside the Beschlusslauf."""
    for line in lines:
        s = line.strip()
        if not s or (bl._ROW.match(s) and any(r.gremium and r.gremium in s for r in f.beschlusslauf)):
            continue
        hit = match_label(s)
        if hit and hit[0].kind in ("block", "table"):
            break
        d = parse_date(s)
        if d:
            return d
    return None


def _is_table_residue(line: str, rows: list[BeschlusslaufRow]) -> bool:
    """A line made only of words of the Beschlusslauf cells (text order of a table differs between readers)."""
    cells = " ".join(" ".join(filter(None, (r.gremium, r.zustaendigkeit, r.ergebnis))) for r in rows).lower()
    words = [w.strip(".,;:-").lower() for w in line.split() if not parse_date(w)]
    return bool(cells) and all(w in cells for w in words if w)


def _betreff_after_table(
    lines: list[str], table_end: int, segs: list[Segment], rows: list[BeschlusslaufRow]
) -> str | None:
    stop = next((s.line for s in segs if s.line >= table_end), len(lines))
    chunk = [ln.strip() for ln in lines[table_end:stop]]
    # Skip what still belongs to the header: checkbox rows, the public-status line, wrapped cells.
    i = 0
    while i < len(chunk) and (
        not chunk[i]
        or _CHECKBOX.search(chunk[i])
        or _STATUS_LINE.match(chunk[i])
        or chunk[i][:1].islower()
        or _is_table_residue(chunk[i], rows)
    ):
        i += 1
    rest = chunk[i:]
    if "" in rest:  # the source marks paragraphs: the Betreff is the first one
        rest = rest[: rest.index("")]
    body = [c for c in rest if c and not _CHECKBOX.search(c)]
    if not body or len(body) > 6:
        return None
    return _clean_value(join_lines(body))


_STATUS_WORDS = re.compile(
    r"^(?:Status:\s*)?(?:öffentlich|nicht\s?öffentlich|nichtöffentlich)(?:\s+nicht\s?öffentlich)?$", re.I
)
_DEZERNAT = re.compile(r"^(?:Dez\.|Dezernat)\s*\S{1,6}$", re.I)


def _is_table_header(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 10 and (bl.map_header(words) is not None or "Beratungsfolge" in line)


def _title_after_header(lines: list[str], segs: list[Segment], header_end: int, nr: str | None) -> str | None:
    """The subject printed without a label as the first paragraph after the header block
    (Karlsruhe, ALLRIS 4): after the last label, status line or Dezernat of the header."""
    limit = min(header_end or len(lines), len(lines))
    for i, line in enumerate(lines[:limit]):
        s = line.strip()
        hit = match_label(s)
        # the title stands above the Beratungsfolge and above any section heading printed without a colon
        if (hit and (hit[0].kind == "table" or ":" not in s)) or _is_table_header(s):
            limit = i
            break
    last = -1
    for i, line in enumerate(lines[:limit]):
        s = line.strip()
        hit = match_label(s)
        header_item = (
            _STATUS_WORDS.match(s)
            or _STATUS_LINE.match(s)
            or _DEZERNAT.match(s)
            or _BARE_ID.match(s)
            or (nr and s == nr)
            or (_ART_LINE.match(s) and len(s) <= 40)
        )
        if (hit and hit[0].kind != "block") or header_item:
            last = i
    if last < 0:
        return None
    i = last + 1
    while i < limit and not lines[i].strip():
        i += 1
    para: list[str] = []
    while i < limit and lines[i].strip() and not match_label(lines[i]) and not _is_table_header(lines[i]):
        para.append(lines[i].strip())
        i += 1
    text = _clean_value(join_lines(para)) if para else None
    if (
        not text
        or len(para) > 4
        or len(text) > 300
        or text.endswith(":")
        or _STATUS_WORDS.match(text)
        or not re.search(r"[A-Za-zÄÖÜäöüß]{3}", text)  # a date or number is no title
    ):
        return None
    return text


def _koerperschaft(lines: list[str], header_end: int) -> str | None:
    def found(text: str) -> list[str]:
        return [
            f"{m.group('kind')} {m.group('name')}"
            for m in _KOERPERSCHAFT.finditer(text)
            if m.group("name").split()[0] not in _NOT_A_NAME
        ]

    in_header = found("\n".join(lines[:header_end]))
    if in_header:
        return in_header[0]
    everywhere = found("\n".join(lines))
    if not everywhere:
        return None
    counts = Counter(everywhere)
    best = max(counts.values())
    return next(name for name in everywhere if counts[name] == best)
