"""Minutes (Niederschrift, Protokoll, Beschlussauszug): the session and its agenda items (TOPs).

Only general rules of German minutes are used: a title word at the top ("Niederschrift",
"Protokoll"), TOP headings ("Punkt 3 der Tagesordnung", "Zu Punkt 3:", "TOP 3:",
"Tagesordnungspunkt 3"), labelled results ("Beschluss:", "Abstimmungsergebnis:",
"Beratungsergebnis:") and the vote words (einstimmig, mehrheitlich, Ja-/Nein-Stimmen,
Enthaltungen). What a TOP decided is read from its result line first (what was voted), then
from its decision text (what was done: verwiesen, vertagt, zur Kenntnis genommen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..models import Sitzung, Top, Vorlage, Votes
from .normalize import identifier_keys, parse_date

ERGEBNISSE = (
    "beschlossen",
    "geändert beschlossen",
    "abgelehnt",
    "vertagt",
    "zurückgezogen",
    "zur Kenntnis genommen",
    "verwiesen",
)


@dataclass(frozen=True)
class Niederschrift:
    sitzung: Sitzung
    tops: tuple[Top, ...]


# --- recognising minutes -------------------------------------------------------------------

_TITLE = re.compile(
    r"^\s*(?:auszug\s+(?:aus\s+(?:der|dem)\s+)?)?(?:sitzungs)?(?:niederschrift|protokoll|wortprotokoll|beschlussauszug"
    r"|ergebnisprotokoll|beschlussprotokoll)\b",
    re.I,
)
_OTHER_KIND = re.compile(r"^\s*(?:beschlussvorlage|mitteilungsvorlage|informationsvorlage|vorlage\b|antrag\b)", re.I)


# The running head of a verbatim record: "9. Sitzung vom 23. August 2021 Seite 1"
_SESSION_HEAD = re.compile(r"^\s*\d{1,3}\.\s*sitzung\s+(?:vom|am)\s+\d", re.I)
_SPACED = re.compile(r"^\s*(?:\w ){3,}\w\s*$")


def _unspaced(line: str) -> str:
    """ "P r o t o k o l l" -> "Protokoll" (a title set letter-spaced)."""
    return line.replace(" ", "") if _SPACED.match(line) else line


def is_niederschrift(text: str) -> bool:
    """A title word of minutes among the first lines, before any title of another kind of paper."""
    lines = [_unspaced(s) for s in text.split("\n") if s.strip()][:15]
    for s in lines:
        if _OTHER_KIND.match(s):
            return False
        if _TITLE.match(s) or _SESSION_HEAD.match(s):
            return True
    return False


# --- TOP headings ---------------------------------------------------------------------------


def _num(name: str) -> str:
    return r"(?P<" + name + r">\d{1,3}(?:\.\d{1,3}){0,3})\.?"


_HEADING = re.compile(
    r"^\s*(?:"
    r"zu\s+(?:punkt|top|tagesordnungspunkt)\s*" + _num("n1") + r"\s*[:.)\-–]?"
    r"|(?:punkt|tagesordnungspunkt)\s*" + _num("n2") + r"(?:\s+der\s+tagesordnung\s*[:.\-–]?|\s*[:)\-–])"
    r"|(?:top|top-nr\.?)\s*" + _num("n3") + r"(?:\s*[:.)\-–]|\s)"
    r")\s*(?P<title>.*)$",
    re.I,
)
# A Vorlage number in a TOP heading, however it is labelled ("Vorlage: 2014/0016", "(DS 121/2021)",
# "Drucksache Nr. 12/2020", "Vorlage-Nr.: VO/4680/2016") or standing alone on a line ("AN/1726/2021").
_LABELLED_NR = re.compile(
    r"(?:vorlagen?(?:-?nr\.?)?|drucksachen?(?:-?nr\.?)?|ds(?:-?nr\.?)?|vorlage\s+nr\.?)\s*:?\s*(?:nr\.?\s*)?"
    r"(?P<nr>(?-i:[A-Z]{1,5})[ /-]?\d{1,5}(?:[/.-]\d{1,5}){1,2}(?:/[A-Za-z]{1,8})?|\d{1,5}(?:[/.-]\d{1,5}){1,2}"
    r"(?:/[A-Za-z]{1,8})?)",
    re.I,
)
_BARE_NR = re.compile(r"^\s*(?P<nr>(?:[A-Z]{1,5}/)?\d{1,5}/\d{4}(?:/[A-Za-z]{1,8})?)\s*$")
_AMENDMENT = re.compile(r"(?:änderungs|ergänzungs|zusatz|gegen)antr", re.I)
_SECTION = re.compile(r"^\s*[-–(]*\s*(?P<nicht>nicht\s*-?\s*|nicht)?öffentliche[rn]?\s+(?:teil|sitzung)\b", re.I)
_RESULT_LABEL = re.compile(
    r"^\s*(?:abstimmungsergebnis|beratungsergebnis|abstimmung|ergebnis|beschlussergebnis|votum)\s*:\s*(?P<rest>.*)$",
    re.I,
)
_DECISION_LABEL = re.compile(
    r"^\s*(?:beschluss|beschlusstext|beschlussempfehlung|empfehlung)\s*:\s*(?P<rest>.*)$", re.I
)
_END = re.compile(r"^\s*(?:zur\s+beurkundung|genehmigungsvermerk|ende\s+der\s+sitzung|gez\.)", re.I)


@dataclass
class _Block:
    nummer: str
    lines: list[str]
    oeffentlich: bool | None
    # items listed under one heading and decided together (their own lines, first item first)
    joined: list[list[str]] = field(default_factory=list)


def _heading_number(line: str) -> tuple[str, str] | None:
    m = _HEADING.match(line)
    if not m:
        return None
    return next(m.group(g) for g in ("n1", "n2", "n3") if m.group(g)), m.group("title")


# Minutes of a speech ("Wortprotokoll") call the item up in words, the number on the next line:
# "Ich rufe auf:" / "Tagesordnungspunkt" then "2.1 Ordnungsbehördliche Verordnung …".
_CALLUP = re.compile(r"^\s*(?:tagesordnungspunkt|(?:.*\b)?rufe\b.*\bauf)\s*:?\s*$", re.I)
_CALLED = re.compile(r"^\s*(?P<num>\d{1,3}(?:\.\d{1,3}){0,3}|[A-Z])\.?\s+(?P<title>[A-ZÄÖÜ„\"].*)$")
_RUNNING_HEAD = re.compile(r"\bseite\s+\d{1,3}\s*$", re.I)


def _raw_blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    part: bool | None = None
    seen: set[str] = set()
    current: _Block | None = None
    called = False
    for line in lines:
        if m := _SECTION.match(line):
            part = not m.group("nicht")
        if _END.match(line):
            break  # signatures, approval note, annexes: no more items
        found = _heading_number(line)
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
        current = _Block(num, [title], part)
        blocks.append(current)
    return blocks


def _bare(block: _Block) -> bool:
    """A heading with nothing under it: no label, no text after the heading."""
    if any(_RESULT_LABEL.match(s) or _DECISION_LABEL.match(s) for s in block.lines):
        return False

    def content(lines: list[str]) -> int:
        return sum(1 for s in lines if s.strip() and not _PAGE_MARK.match(s) and not _RUNNING_HEAD.search(s))

    return content(_heading_part(block.lines)) >= content(block.lines)


def _blocks(lines: list[str]) -> list[_Block]:
    """Items; bare headings that name a paper join the next item with a body (decided together:
    "Punkt 11.1 … Vorlage: …" then "Punkt 11.2 … Beschluss: …"); bare headings without a paper
    are section titles ("Punkt 9: Klimaschutzkonzept:", "2 Weitere Vorgänge") and are left out."""
    out: list[_Block] = []
    pending: list[_Block] = []
    for block in _raw_blocks(lines):
        if _bare(block):
            if any(_LABELLED_NR.search(s) or _BARE_NR.match(s) for s in block.lines):
                pending.append(block)
            continue
        if pending:
            first = pending[0]
            block = _Block(first.nummer, first.lines, first.oeffentlich, [p.lines for p in pending[1:]] + [block.lines])
            pending = []
        out.append(block)
    out.extend(pending)
    return out


_PAGE_MARK = re.compile(r"^\s*(?:[-–]\s*\d{1,3}\s*[-–]|seite\s+\d{1,3}(?:\s+von\s+\d+)?)\s*$", re.I)


def _continues_heading(line: str) -> bool:
    s = line.strip()
    return bool(
        _heading_number(s)
        or _LABELLED_NR.search(s)
        or _BARE_NR.match(s)
        or _AMENDMENT.search(s)
        or s.lower().startswith("dazu")
    )


_NR_LINE = re.compile(r"^\s*\(?\s*(?:vorlagen?|drucksachen?|ds)\b[^.]*\d/\d", re.I)


def _treats_nr(line: str) -> bool:
    """A Vorlage number in the line that is not a mere reference ("Ergänzung zu DS 89/2020")."""
    return any(not _REFERENCE.search(line[: m.start()]) for m in _LABELLED_NR.finditer(line)) or bool(
        _BARE_NR.match(line)
    )


_OPEN_END = re.compile(
    r"(?:[-,;:/]|\b(?:und|oder|der|des|die|dem|den|für|von|vom|zur|zum|in|im|auf|mit|über|bis|am|an))\s*$", re.I
)


def _heading_part(lines: list[str]) -> list[str]:
    """The heading of a block: its first line and what carries it on — more papers treated with it,
    a title wrapped over lines (up to the Vorlage number printed under it, or a line ending
    mid-phrase). A blank line or a sentence ends it."""
    out: list[str] = lines[:1]
    has_nr = bool(lines and _treats_nr(lines[0]))
    for i in range(1, len(lines)):
        s = lines[i]
        if _RESULT_LABEL.match(s) or _DECISION_LABEL.match(s):
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


def _vorlagen(heading: list[str]) -> tuple[list[str], set[str]]:
    """The papers a heading names, main paper first, and which of them are amendments ("dazu:")."""
    nrs: list[str] = []
    refs: list[str] = []
    amendments: set[str] = set()
    amending = False
    for s in heading:
        if _AMENDMENT.search(s) or s.strip().lower().startswith("dazu"):
            amending = True
        found = [(m.group("nr"), _REFERENCE.search(s[: m.start()]) is not None) for m in _LABELLED_NR.finditer(s)]
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


def _title(heading: list[str]) -> str:
    parts: list[str] = []
    for s in heading:
        s = s.strip()
        if not s or _LABELLED_NR.match(s) or _BARE_NR.match(s) or _AMENDMENT.search(s):
            break
        if parts and _SUBMITTER.match(s):
            break
        if (found := _heading_number(s)) is not None:
            if parts:
                break  # the next item listed in the same heading
            s = found[1].strip()
        parts.append(s)
    text = _join(parts).replace("\n", " ")
    return re.sub(r"\s*\((?:DS|Drucksache|Vorlage)[^)]*\)?\s*$", "", text).strip(" :")


# --- votes and outcomes ---------------------------------------------------------------------

_NUMBER_WORDS = {
    "eine": 1, "einer": 1, "einem": 1, "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "keine": 0, "keiner": 0,
}  # fmt: skip
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_JA = re.compile(_COUNT + r"\s+(?:ja\s*-?\s*stimmen?|ja\b|dafür|für)", re.I)
_NEIN = re.compile(_COUNT + r"\s+(?:nein\s*-?\s*stimmen?|gegenstimmen?|nein\b|dagegen)", re.I)
_ENTH = re.compile(_COUNT + r"\s+(?:stimm)?enthaltung(?:en)?", re.I)


# the label first: "Ja: 9 Nein: 2 Enthaltungen: 1"
_JA_FIRST = re.compile(r"\b(?:ja(?:-?stimmen)?|dafür)\s*[:=]\s*(?P<n>\d{1,3})", re.I)
_NEIN_FIRST = re.compile(r"\b(?:nein(?:-?stimmen)?|dagegen|gegenstimmen)\s*[:=]\s*(?P<n>\d{1,3})", re.I)
_ENTH_FIRST = re.compile(r"\b(?:stimm)?enthaltung(?:en)?\s*[:=]\s*(?P<n>\d{1,3})", re.I)


def _count(rx: re.Pattern[str], text: str, first: re.Pattern[str] | None = None) -> int | None:
    m = (first.search(text) if first else None) or rx.search(text)
    if not m:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUMBER_WORDS[n]


def read_stimmen(text: str) -> Votes | None:
    ja, nein, enth = _count(_JA, text, _JA_FIRST), _count(_NEIN, text, _NEIN_FIRST), _count(_ENTH, text, _ENTH_FIRST)
    if ja is None and nein is None and enth is None:
        return None
    return {"ja": ja, "nein": nein, "enthaltung": enth}


_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("zurückgezogen", re.compile(r"zurückgezogen|zurückgenommen|hat sich erledigt|für erledigt erklärt", re.I)),
    ("vertagt", re.compile(r"vertag|zurückgestellt|abgesetzt|von der tagesordnung genommen", re.I)),
    (
        "verwiesen",
        re.compile(r"verwiesen|verweisung|überwiesen|weiterbehandlung\s+im|\bberatung\s+im\s+\w*ausschuss", re.I),
    ),
    ("abgelehnt", re.compile(r"abgelehnt|ablehnung|abzulehnen|lehnt\b[^.]*\bab\b", re.I)),
    ("zur Kenntnis genommen", re.compile(r"kenntnis|keine\s+abstimmung|ohne\s+abstimmung", re.I)),
    (
        "geändert beschlossen",
        re.compile(
            r"mit\s+(?:der\s+|den\s+|folgender\s+|folgenden\s+)?(?:\w+\s+)?änderung|geändert|mit\s+der\s+maßgabe",
            re.I,
        ),
    ),
    (
        "beschlossen",
        re.compile(
            r"beschlossen|beschließt|beschliesst|zugestimmt|zustimmung|angenommen|einstimmig|mehrheitlich"
            r"|empfiehlt|beschlussvorschlag|gewählt|wählt",
            re.I,
        ),
    ),
)


def _rule(text: str) -> str | None:
    return next((name for name, rx in _RULES if rx.search(text)), None)


_ADOPTING = re.compile(r"beschließt|beschliesst|beschlossen|stimmt\b[^.]*\bzu\b|zugestimmt|angenommen", re.I)
_NO_VOTE = re.compile(r"keine\s+abstimmung|ohne\s+abstimmung", re.I)


def classify(result: str, decision: str = "") -> str | None:
    """The outcome class of a TOP from its vote line and its decision text.

    The vote line says what was voted; where no vote was taken, the decision text says what was
    done instead (referred to a committee, postponed, noted)."""
    result, decision = " ".join(result.split()), " ".join(decision.split())
    texts = (decision, result) if _NO_VOTE.search(result) else (result, decision)
    found = next((c for t in texts if t and (c := _rule(t))), None)
    stimmen = read_stimmen(result or decision) or {}
    ja, nein = stimmen.get("ja"), stimmen.get("nein")
    if found is None and ja is not None:
        # only the counts are printed: more for than against carries it
        found = "beschlossen" if ja > (nein or 0) else "abgelehnt"
    if found == "beschlossen":
        if ja is not None and nein is not None and nein > ja:
            return "abgelehnt"
        # a vote on a procedural decision ("einstimmig" on "wird vertagt") is that decision
        done = _rule(decision)
        if done in ("vertagt", "verwiesen", "zurückgezogen") or (
            done == "zur Kenntnis genommen" and not _ADOPTING.search(decision)
        ):
            return done
        if _rule(decision) == "geändert beschlossen":
            return "geändert beschlossen"
    return found


_DECISION_SENTENCE = re.compile(
    r"[^.:]*\b(?:beschließt|beschliesst|empfiehlt|nimmt[^.]*kenntnis|zur\s+kenntnis|wird[^.]*(?:angenommen|abgelehnt"
    r"|vertagt|verwiesen|zurückgezogen|beschlossen)|vertagt|verwiesen|zurückgezogen|einstimmige?n?\b"
    r"|mehrheitlich|beschlossen|abgelehnt|gewählt)[^.:]*[.:]",
    re.I,
)
# The line that introduces a resolution in running text ("beschließt der Rat einstimmig wie folgt:")
_INTRO = re.compile(r"(?:beschließt|beschliesst|empfiehlt|beschluss\s+zu\s+fassen|wie\s+folgt)[^:]*:\s*$", re.I)


def _labelled(lines: list[str], label: re.Pattern[str]) -> str | None:
    """The text after a label, up to the next label or heading (a result ends at its first blank line)."""
    for i, s in enumerate(lines):
        m = label.match(s)
        if not m:
            continue
        out = [m.group("rest")]
        blank = 0
        for t in lines[i + 1 :]:
            if _RESULT_LABEL.match(t) or _DECISION_LABEL.match(t) or _HEADING.match(t) or _INTRO.search(t):
                break
            if not t.strip():
                blank += 1
                nxt = next((x for x in lines[lines.index(t, i + 1) + 1 :] if x.strip()), "")
                goes_on = bool(_LABELLED_NR.search(nxt) or _AMENDMENT.search(nxt.split(":")[0]))
                if blank >= 2 or (label is _RESULT_LABEL and any(x.strip() for x in out) and not goes_on):
                    break
                continue
            blank = 0
            out.append(t)
        return _join(out) or None
    return None


def _resolution(body: list[str]) -> str | None:
    """A resolution in running text: from its introducing line to the result label, else the last
    sentence that reports a decision."""
    for i in range(len(body)):
        if _INTRO.search(body[i]):
            out = [body[i]]
            for t in body[i + 1 :]:
                if _RESULT_LABEL.match(t) or _heading_number(t):
                    break
                out.append(t)
            return _join(out) or None
    sentences = _DECISION_SENTENCE.findall(" ".join(" ".join(body).split()))
    return sentences[-1].strip() if sentences else None


def _join(lines: list[str]) -> str:
    """Lines joined; a word hyphenated at a line end is joined again ("Maßnahmenkata-" "log")."""
    text = "\n".join(s.strip() for s in lines).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    return re.sub(r"(\w)-\n(?!und\b|oder\b|bzw\b)([a-zäöüß])", r"\1\2", text)


_ITEM_LABEL = re.compile(r"^\s*(?P<label>[^:\n]{1,70}?)\s*:\s")


def _items(result: str) -> list[str]:
    """A vote split into its labelled items ("Beschlussvorlage: …", "Änderungsantrag, Ziffer 2: …")."""
    items: list[str] = []
    for line in result.split("\n"):
        if not line.strip():
            continue
        if _ITEM_LABEL.match(line) or not items:
            items.append(line)
        else:
            items[-1] += " " + line
    return items


def _per_vorlage(result: str, nrs: list[str], amendments: set[str]) -> tuple[dict[str, str], str]:
    """Outcomes the vote gives per paper, and what remains of the vote for the main paper."""
    out: dict[str, str] = {}
    rest: list[str] = []
    for item in _items(result):
        m = _ITEM_LABEL.match(item)
        label = m.group("label") if m else ""
        named = [nr for nr in nrs if nr in item]
        if named:
            for nr in named:
                if c := classify(item):
                    out[nr] = c
        elif m and _AMENDMENT.search(label):
            if amendments and (c := classify(item[m.end() :])):
                for nr in amendments:
                    out.setdefault(nr, c)
        else:
            rest.append(item)
    return out, "\n".join(rest)


_ADOPTED_MOTION = re.compile(
    r"\b(?:änderungs|ergänzungs|zusatz)?antrag\b[^.]{0,160}?\b(?:angenommen|zugestimmt)\b", re.I
)


def _top(block: _Block) -> Top:
    parts = [block.lines, *block.joined]
    nrs: list[str] = []
    amendments: set[str] = set()
    for part in parts:
        part_nrs, part_amendments = _vorlagen(_heading_part(part))
        nrs += [nr for nr in part_nrs if nr not in nrs]
        amendments |= part_amendments
    heading = _heading_part(block.lines)
    last = parts[-1]
    body = last[len(_heading_part(last)) :]
    result = _labelled(last, _RESULT_LABEL)
    decision = _labelled(last, _DECISION_LABEL) or _resolution(body)
    per, main_result = _per_vorlage(result or "", nrs, amendments)
    ergebnis = per[nrs[0]] if nrs and nrs[0] in per else classify(main_result, decision or "")
    if ergebnis == "beschlossen" and nrs and not _labelled(last, _DECISION_LABEL):
        # running-text minutes: a motion adopted before the resolution changed what was resolved
        before = " ".join(" ".join(body).split())
        if decision and (cut := before.find(" ".join(decision.split())[:60])) > 0:
            before = before[:cut]
        if _ADOPTED_MOTION.search(before):
            ergebnis = "geändert beschlossen"
    vote_text = main_result if result else (decision or "")
    return Top(
        nummer=block.nummer,
        titel=_title(heading),
        vorlagen=tuple(nrs),
        beschluss=decision,
        abstimmung=result,
        stimmen=read_stimmen(vote_text),
        einstimmig=bool(re.search(r"einstimmig", vote_text, re.I)),
        ergebnis=ergebnis,
        oeffentlich=block.oeffentlich,
        ergebnis_je_vorlage=tuple((nr, per[nr]) for nr in nrs if nr in per),
    )


# --- the session ----------------------------------------------------------------------------

_GREMIUM_LABEL = re.compile(r"^\s*(?:gremium|thema)\s*:\s*(?P<g>.+)$", re.I)
_SITZUNG_OF = re.compile(
    r"(?i:\w*sitzung|niederschrift|protokoll)\s+(?:des\s+|der\s+)?(?P<g>[A-ZÄÖÜ][^\d(]*?)"
    r"(?=\s+(?:am|vom|in|im|den)\b|\s*\(|\s*$)"
)
_KOERPERSCHAFT_TAIL = re.compile(r"\s+(?:der|des)\s+(?:Gemeinde|Stadt|Landkreis|Kreis|\w*gemeinde)\b.*$")
_GENITIVE = re.compile(r"^(?P<w>\S*(?:rat|ausschuss|ausschuß|tag|beirat|kollegium|gremium))(?:es|s)\b", re.I)
_DATE = re.compile(
    r"\b\d{1,2}\.\s*(?:\d{1,2}\.|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november"
    r"|dezember)\s*\d{2,4}",
    re.I,
)
_DATE_CUE = re.compile(r"(?:termin|datum|am|vom|dem|sitzung)\W*(?:\w+,?\s+){0,3}$", re.I)


def _gremium(head: list[str]) -> str | None:
    found = None
    for s in head:
        if m := _GREMIUM_LABEL.match(s):
            found = m.group("g")
            break
    if found is None:
        found = next((m.group("g") for s in head[:8] if (m := _SITZUNG_OF.search(s))), None)
    if not found:
        return None
    g = re.sub(
        r"^(?:\d+\.\s*)?(?:(?:nicht)?öffentliche\s+)?\w*sitzung\s+(?:des\s+|der\s+)?", "", found.strip(), flags=re.I
    )
    g = _KOERPERSCHAFT_TAIL.sub("", g).strip(" ,:")
    g = _GENITIVE.sub(lambda m: m.group("w"), g)
    return g or None


def _sitzung(lines: list[str]) -> Sitzung:
    head = [_unspaced(s).strip() for s in lines if s.strip()][:25]
    joined = " ".join(head)
    datum = None
    dates = list(_DATE.finditer(joined))
    for m in dates:
        if _DATE_CUE.search(joined[max(0, m.start() - 40) : m.start()]):
            datum = parse_date(m.group(0))
            break
    if datum is None and dates:
        datum = parse_date(dates[0].group(0))
    oeffentlich = None
    for s in head:
        if _SECTION.match(s):
            break  # "- öffentlicher Teil -": the agenda starts, the session has parts
        low = s.lower()
        if re.search(r"nicht\s*-?\s*öffentlich", low):
            oeffentlich = False
            break
        if re.search(r"\böffentlich", low):
            oeffentlich = True
            break
    return Sitzung(_gremium(head), datum, oeffentlich)


def read_niederschrift(text: str) -> Niederschrift:
    """The session and the TOPs of a minutes text (no TOPs where no heading is recognised)."""
    lines = text.split("\n")
    sitzung = _sitzung(lines)
    tops = []
    for block in _blocks(lines):
        if block.oeffentlich is None and sitzung.oeffentlich is not None:
            block.oeffentlich = sitzung.oeffentlich
        tops.append(_top(block))
    return Niederschrift(sitzung, tuple(tops))


_BODY = re.compile(
    r"\b(?:der|des)\s+(?P<b>(?:Gemeinde|Stadt|Landeshauptstadt|Hansestadt|Samtgemeinde|Verbandsgemeinde|Flecken"
    r"|Markt|Landkreis|Kreis)\s+[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)?)(?=\s+(?:am|vom|in|im)\b|\s*[,(]|\s*$)"
)


def _body(text: str) -> str | None:
    """The body named in the session line ("Sitzung des Rates der Gemeinde Quellbrunn am …")."""
    for line in [s for s in text.split("\n") if s.strip()][:12]:
        if re.search(r"sitzung", line, re.I) and (m := _BODY.search(line)):
            return m.group("b")
    return None


def _de(iso: str) -> str:
    return f"{iso[8:]}.{iso[5:7]}.{iso[:4]}" if len(iso) == 10 else iso


def as_minutes(record: Vorlage) -> Vorlage:
    """The record of a minutes document with its kind, session and TOPs; other records unchanged."""
    if not is_niederschrift(record.text):
        return record
    minutes = read_niederschrift(record.text)
    treated = {k for top in minutes.tops for nr in top.vorlagen for k in identifier_keys(nr)}
    nr = record.vorlage_nr
    if nr and set(identifier_keys(nr)) & treated:
        nr = None  # the number of a paper the minutes treat, not of the minutes
    s = minutes.sitzung
    title = " ".join(x for x in ("Niederschrift", s.gremium, f"vom {_de(s.datum)}" if s.datum else None) if x)
    return replace(
        record,
        art="Niederschrift",
        # minutes print no subject line: what they record is the session
        betreff=title if s.gremium or s.datum else record.betreff,
        koerperschaft=_body(record.text) or record.koerperschaft,
        vorlage_nr=nr,
        datum=minutes.sitzung.datum or record.datum,
        oeffentlich=minutes.sitzung.oeffentlich if minutes.sitzung.oeffentlich is not None else record.oeffentlich,
        sitzung=minutes.sitzung,
        tops=minutes.tops,
    )
