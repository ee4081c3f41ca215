"""Read the record's fields out of the lines of a Vorlage.

First the labelled segments (vocabulary.LABELS); then, for what is still missing, the rules of
layouts that print fields without labels (the SD.NET RIM letterhead: a bare "DS 53/2025" line,
the Fachbereich above the Aktenzeichen, the Betreff between the Beratungsfolge and the first
section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import BeschlusslaufRow, Produkt, Table
from ..text.lines import join_lines
from ..words import alternation, words
from . import beschlusslauf as bl
from . import einreicher as who
from . import letter, markdown
from .anlagen import anlagen
from .koerperschaft import koerperschaft
from .motion import numbered_demands
from .normalize import parse_date, parse_oeffentlich
from .patterns import ART_LINE, BARE_ID, LETTER_SPACED, STATUS_LINE, STATUS_WORD, clean_value
from .revision import basis_nr
from .sections import Segment, clean_lines, match_label, paragraphs, segments
from .stimmen import with_votes
from .title import betreff_after_table, is_heading, letter_subject, title_after_header, title_in_header
from .vocabulary import ARTEN

# A line that is a Vorlage number on its own: "DS 53/2025", "Drucksache Nr. 26/2007", "DS 10/2008 1. Ergänzung".
_BARE_NR = re.compile(
    r"^(?:(?P<label>Drucksache(?:\s*Nr\.?)?|Drs\.(?:\s*Nr\.?)?|Vorlage\s*Nr\.?)\s*)?"
    r"(?P<nr>(?:DS\s*)?\d{1,5}\s*/\s*\d{2,4}(?:\s*[-–]?\s*\d+\.\s*Ergänzung)?)\s*$",
    re.I,
)
# "Beschlussvorlage-Nr. VII-DS-08561", "Neufassung Antrag-Nr. VII-A-08079-NF-02": kind and number in one.
# "schriftliche Antwort zur Anfrage-Nr. VII-F-08507-AW-01" too (the kind of paper is checked against ARTEN).
_ART_NR = re.compile(r"^(?P<art>(?:[\wäöüß]+\s+){0,3}[A-ZÄÖÜ][\wäöüß]*)-Nr\.?:?\s+(?P<nr>\S{3,40})$")
# A heading that names the Vorlage by its number: "Vorlage - BV/0235/2025", "Drucksache 2025/0318".
_HEADING_NR = re.compile(
    r"^(?:" + alternation(words("numbers", "heading_words")) + r")\s*(?:Nr\.?)?\s*[-–:]?\s*"
    r"(?P<nr>[A-Z]{0,6}\s?[/-]?\d{1,6}(?:\s*[/-]\s*[0-9A-Za-z]{1,8}){1,3})\s*$"
)
_PRODUKT = re.compile(r"^(?P<nr>\d+(?:[.\-]\d+)+)\s*[-–:]?\s*(?P<name>.*)$")


@dataclass
class Fields:
    """Mutable while reading; frozen into a Vorlage at the end."""

    vorlage_nr: str | None = None
    aktenzeichen: str | None = None
    art: str | None = None
    datum: str | None = None
    oeffentlich: bool | None = None
    koerperschaft: str | None = None
    einreicher: str | None = None
    basis_nr: str | None = None
    fachbereich: str | None = None
    beteiligungen: list[str] = field(default_factory=list)
    produkt: Produkt | None = None
    betreff: str | None = None
    beschlusslauf: list[BeschlusslaufRow] = field(default_factory=list)
    beschlussvorschlag: str | None = None
    begruendung: str | None = None
    anlagen: list[str] = field(default_factory=list)


def read_fields(text: str, tables: tuple[Table, ...], *, bare_labels: bool = False, title: str | None = None) -> Fields:
    text = markdown.plain(text)
    lines = clean_lines(text)
    segs = segments(lines, bare_labels)
    f = Fields()
    first: dict[str, Segment] = {}
    for seg in segs:
        first.setdefault(seg.field, seg)

    _read_labelled(f, first, lines, segs)
    if f.beschlussvorschlag is None:
        f.beschlussvorschlag = _motion(lines, segs)
    table_end = _read_beschlusslauf(f, first, lines, tables)
    header_end = _header_end(lines, segs, table_end)
    _read_unlabelled(f, lines, header_end, table_end, segs)
    if f.beschlussvorschlag is None and "antrag" in (f.art or "").lower():
        f.beschlussvorschlag, reasons = numbered_demands(lines, segs)
        f.begruendung = f.begruendung or (reasons if f.beschlussvorschlag else None)
    if f.art is None:
        f.art = _running_head_art(text.split("\n"))
    f.koerperschaft = koerperschaft(lines, header_end) or (koerperschaft([title], 1) if title else None)
    _read_letter(f, lines, segs, first)
    if f.einreicher is None:
        f.einreicher = who.unlabelled(lines, header_end)
    f.basis_nr = basis_nr(f.vorlage_nr, lines)
    f.beschlusslauf = with_votes(f.beschlusslauf)
    return f


def _read_letter(f: Fields, lines: list[str], segs: list[Segment], first: dict[str, Segment]) -> None:
    """What a paper written as a letter says without labels (letter.py)."""
    at = letter.salutation_at(lines)
    if at is None:
        return
    if f.art is None:
        f.art = letter.kind(lines)
    if not f.beschlusslauf and (row := letter.session(lines[: at + 6])):
        f.beschlusslauf = [row]
    if "betreff" not in first and (subject := letter.hier_subject(lines)):
        f.betreff = subject
    if f.begruendung is None:
        f.begruendung = letter.body(lines, segs)


def _read_labelled(f: Fields, first: dict[str, Segment], lines: list[str], segs: list[Segment]) -> None:
    if seg := first.get("vorlage_nr"):
        f.vorlage_nr = clean_value(seg.first_value())
        m = _TRAILING_ART.match(f.vorlage_nr or "")
        if m and ART_LINE.fullmatch(m.group("art")):
            f.vorlage_nr, f.art = m.group("nr"), _canonical_art(m.group("art"))  # "815  ANFRAGE"
    if seg := first.get("aktenzeichen"):
        f.aktenzeichen = clean_value(seg.first_value())
    if seg := first.get("art"):
        f.art = clean_value(seg.first_value())
    if seg := first.get("datum"):
        f.datum = parse_date(seg.first_value())
    if seg := first.get("status"):
        f.oeffentlich = parse_oeffentlich(seg.first_value())
    if seg := first.get("fachbereich"):
        f.fachbereich = clean_value(seg.first_value())
    if first.get("beteiligungen"):
        items = [line for seg in segs if seg.field == "beteiligungen" for line in (seg.inline, *seg.body)]
        f.beteiligungen = [v for item in items for part in item.split(";") if (v := clean_value(part))]
    if seg := first.get("einreicher"):
        f.einreicher, office = who.from_label(seg.first_value())
        f.fachbereich = f.fachbereich or office
    if seg := first.get("produkt"):
        value = clean_value(seg.first_value())
        if value:
            m = _PRODUKT.match(value)
            f.produkt = Produkt(m.group("nr"), m.group("name") or None) if m else Produkt(None, value)
    prose = min((s.line for s in segs if s.spec.kind == "block" and s.field != "betreff"), default=len(lines))
    if (seg := first.get("betreff")) and seg.line < prose:  # a "Betreff:" after the prose is an attachment's
        f.betreff = clean_value(join_lines(_first_paragraph([seg.inline, *seg.body])))
    for name in ("beschlussvorschlag", "begruendung"):
        # the first segment with text: a form may print the label once empty ("Ergänzende Erläuterungen:")
        for seg in (s for s in segs if s.field == name):
            if text := _before_form(paragraphs([seg.inline, *seg.body], join_lines)):
                setattr(f, name, text)
                break
    if seg := first.get("anlagen"):
        f.anlagen = anlagen([seg.inline, *seg.body])


# "Die Bezirksverordnetenversammlung möge beschließen:", "Der Gemeinderat wolle folgendes beschließen:"
_MOVES = re.compile(r"^(?:Die|Der|Das)\s+\S.{2,80}?\s+(?:möge|wolle|möchte)\s+(?:folgendes\s+)?beschließen\s*:?$")


def _motion(lines: list[str], segs: list[Segment]) -> str | None:
    """The resolution a motion proposes without a "Beschlussvorschlag" label: the text after
    "<Gremium> möge beschließen:" up to the next labelled section."""
    for i, line in enumerate(lines):
        if _MOVES.match(line.strip()):
            stop = next((seg.line for seg in segs if seg.line > i), len(lines))
            # a letter's closing formula ends it too ("Mit freundlichen Grüßen")
            stop = next((j for j in range(i + 1, stop) if letter.CLOSING.match(lines[j].strip())), stop)
            return paragraphs(lines[i + 1 : stop], join_lines)
    return None


_FORM_BITS = re.compile(r"^(?:x|ja|nein|☐|☒)$|\(bitte auswählen\)|\bnein\s+ja\b|\bx\s+(?:nein|ja)$|^ja\s", re.I)


def _before_form(text: str | None) -> str | None:
    """The text up to where the rest of a form begins, a form whose fields are empty
    ("ISEK-relevant x nein" / "ja Handlungsfeld: (bitte auswählen)" / …)."""
    parts = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    for i in range(len(parts)):
        rest = parts[i:]
        if (
            _FORM_BITS.search(parts[i])
            and len(rest) >= 3
            and sum(bool(_FORM_BITS.search(p)) for p in rest) * 2 >= len(rest)
        ):
            return "\n\n".join(parts[:i]) or None
    return text


def _first_paragraph(lines: list[str]) -> list[str]:
    """The lines of a labelled Betreff: up to a blank line or an unknown heading after it ("Antrag:")."""
    out: list[str] = []
    for line in lines:
        s = line.strip()
        if out and not s and re.search(r"[;,\-–]$|\b(?:und|oder|sowie)$", out[-1]):
            continue  # "…(Naturwissenschaftstrakt);" / blank / "Freigabe der Mittel": one title (OCR spacing)
        if out and (not s or is_heading(s)):
            break
        if s:
            out.append(s)
    return out


def _read_beschlusslauf(f: Fields, first: dict[str, Segment], lines: list[str], tables: tuple[Table, ...]) -> int:
    """Fill the Beschlusslauf; return the index of the first line after its table (0 if none)."""
    seg = first.get("beschlusslauf")
    start = seg.line + 1 if seg else _header_line(lines)
    rows, end = ([], 0)
    if start is not None:
        # "Beratungsfolge dieser Vorlage am TOP ö nö Ergebnis": the column header on the label's line
        head = [seg.inline] if seg and seg.inline.strip() and bl.map_header(seg.inline.split()) else []
        rows, consumed = bl.from_lines([*head, *lines[start:]])
        end = start + max(consumed - len(head), 0)
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
            if m and ART_LINE.search(m.group("art")):
                f.vorlage_nr = m.group("nr")
                f.art = f.art or m.group("art")
                break
            m = _BARE_NR.match(s) or _HEADING_NR.match(s)
            if m:
                f.vorlage_nr = " ".join(m.group("nr").split())
                kind = s.split()[0]  # "Antrag - 469/2026", "Beschlussvorlage DS 44/2026": the kind heads the number
                if f.art is None and kind.lower() in {a.lower() for a in ARTEN}:
                    f.art = _canonical_art(kind)
                break
            if BARE_ID.match(s):
                f.vorlage_nr = s
                break
    if f.art is None:
        f.art = _defined_art(header[:30])
    if f.art is None:
        for line in header[:60]:
            s = line.strip()
            if LETTER_SPACED.fullmatch(s):
                s = s.replace(" ", "")  # "A N F R A G E"
            m = ART_LINE.match(s) or _QUALIFIED_ART.match(s)
            if m and len(s) <= 60 and not match_label(s) and not bl.ROW.match(s) and not _HEADING_NR.match(s):
                f.art = _canonical_art(m.group(1))
                break
    if f.oeffentlich is None:
        for line in header:
            s = line.strip()
            if STATUS_LINE.match(s) or STATUS_WORD.fullmatch(s) or _ART_STATUS.match(s):
                f.oeffentlich = parse_oeffentlich(s)
                break
    if f.fachbereich is None:
        f.fachbereich = _line_above_label(lines[:header_end], "aktenzeichen")
    if f.datum is None:
        f.datum = _header_date(lines[: table_end or header_end], f) or _closing_date(lines)
    if f.betreff is None:  # a title printed right after the header, above any Beratungsfolge
        f.betreff = title_after_header(lines, segs, header_end, f.vorlage_nr)
    if f.betreff is None and table_end:
        f.betreff = betreff_after_table(lines, table_end, segs, f.beschlusslauf)
    if f.betreff is None:
        f.betreff = letter_subject(lines) or title_in_header(lines, header_end, f.vorlage_nr, f.fachbereich)


# "GEMEINSAMER ZUSATZANTRAG", "Interfraktioneller ÄNDERUNGSANTRAG": one qualifying word before the kind.
_QUALIFIED_ART = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß]+\s+(" + "|".join(re.escape(a) for a in sorted(ARTEN, key=len, reverse=True)) + r")$", re.I
)
_TRAILING_ART = re.compile(r"^(?P<nr>\S.*?)\s+(?P<art>[A-ZÄÖÜ][A-ZÄÖÜa-zäöüß-]+)$")
# "Antrag im Sinne von § 33 Abs. 1 GeschO (öffentlich)": the kind of paper defined by the rules of procedure.
# "ANFRAGE NACH § 4 DER GESCHÄFTSORDNUNG DES RATES", "Antrag gemäß § 28/ § 29 GeschO" too.
_DEFINED_ART = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß-]*(?:\s+[A-ZÄÖÜa-zäöüß][\wäöüß-]*){0,3}\s+(?:im Sinne (?:von|des)|nach|gemäß)\s+§.{1,60}$", re.I
)


_PAGE_MARK = re.compile(r"^(?:[-–]\s*\d+\s*[-–]|--\s*\d+\s+of\s+\d+\s*--|Seite\s+\d+(?:\s+von\s+\d+)?)$", re.I)


def _running_head_art(raw: list[str]) -> str | None:
    """The kind of paper printed only as the running head of the next page: "Beschlussvorlage" right
    above the page number "– 2 –" (or as the last line, where a one-page export puts its head)."""
    stripped = [ln.strip() for ln in raw]
    filled = [i for i, s in enumerate(stripped) if s]
    for n, i in enumerate(filled):
        s = stripped[i]
        if not ART_LINE.fullmatch(s) or s.endswith(":"):
            continue
        following = stripped[filled[n + 1]] if n + 1 < len(filled) else None
        if following is None or _PAGE_MARK.match(following):
            return _canonical_art(s)
    return None


def _defined_art(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        s = line.strip()
        kinds = {a.lower() for a in ARTEN}
        # a kind of paper among the first words ("Einfacher Sachantrag im Sinne …", "ANFRAGE NACH § 4 …")
        if _DEFINED_ART.match(s) and any(w.lower().strip(":").endswith(tuple(kinds)) for w in s.split()[:4]):
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


# "öffentlich" alone on a header line (its label printed elsewhere), "Beschlussvorlage öffentlich" (ALLRIS 4);
# not "Öffentlich  Nichtöffentlich", a form whose check boxes the text export lost.
_ART_STATUS = re.compile(r"^(?:" + "|".join(re.escape(a) for a in ARTEN) + r")\s+" + STATUS_WORD.pattern + "$", re.I)
_SESSION_LABEL = re.compile(r"^(?:Termin|Sitzungstermin|Sitzung(?:sdatum)?)\s*:", re.I)
_DATE_LINE = re.compile(r"^\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|[A-ZÄÖÜ][a-zäöü]+\s+\d{4})$")


def _closing_date(lines: list[str]) -> str | None:
    """The date printed alone on the last line, under the office that wrote the paper
    ("Hauptamt - Ratsangelegenheiten -" / "14. November 2025")."""
    filled = [ln.strip() for ln in lines if ln.strip()]
    if len(filled) >= 2 and _DATE_LINE.match(filled[-1]) and not re.search(r"\d", filled[-2]):
        return parse_date(filled[-1])
    return None


def _header_date(lines: list[str], f: Fields) -> str | None:
    """The Vorlage's own date in a header without a "Datum:" label: the first date outside the Beschlusslauf."""
    for line in lines:
        s = line.strip()
        if not s or (bl.ROW.match(s) and any(r.gremium and r.gremium in s for r in f.beschlusslauf)):
            continue
        hit = match_label(s)
        if hit and hit[0].kind in ("block", "table"):
            break
        if (hit and hit[0].field in ("aktenzeichen", "vorlage_nr", "produkt")) or _SESSION_LABEL.match(s):
            continue  # "Aktenzeichen: (1) 11.01.12" is a file number, "Termin: …" the session's date
        d = parse_date(s)
        if d:
            return d
    return None
