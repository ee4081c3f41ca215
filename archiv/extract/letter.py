"""Papers written as letters: Anträge and Anfragen of council groups, answers, audit letters.

A letter labels almost nothing. What a reader takes from it:
- its kind from the lines that introduce it ("Antrag zur Sitzung …", "folgende Anfrage der …"),
- the session it is meant for ("… auf die Tagesordnung der Sitzung der Bezirksvertretung X am 30. Januar 2012"),
- its explanation: the body after the salutation, without the request to put it on the agenda,
  up to the proposed resolution, the questions or the closing formula.
"""

from __future__ import annotations

import re

from ..models import BeschlusslaufRow
from ..text.lines import join_lines
from .normalize import DATE_ANY, iso_from_match
from .patterns import SALUTATION
from .sections import Segment, paragraphs
from .vocabulary import ARTEN

# DIN 5008: "Sehr geehrte Damen und Herren," (OCR drops letters: "Sehr geehrt Frau …")
CLOSING = re.compile(r"^(?:Mit\s+freundliche[nm]?\s+Gr[üu]ß|Freundliche\s+Grüße|Viele\s+Grüße|Hochachtungsvoll)", re.I)
# "wir bitten Sie, folgende Anfrage … auf die Tagesordnung … zu setzen:" — the letter's covering sentence
_AGENDA_REQUEST = re.compile(r"Tagesordnung|folgenden?\s+(?:Antrag|Anfrage|Beschluss)", re.I)
_KINDS = sorted(ARTEN, key=len, reverse=True)
_KIND_WORDS = "|".join(re.escape(a) for a in _KINDS)
# "Antrag zur Sitzung der …", "Anfrage gemäß § 4 …", "Ergänzungsantrag zu TOP 3": the kind opening a line
_KIND_OPENS = re.compile(rf"^(?P<art>{_KIND_WORDS})(?:\s+|\t)(?:zur|zum|zu|für|der|des|an|gemäß|nach|von)\b", re.I)
# "folgende Anfrage der CDU-Fraktion", "folgenden Antrag"
_KIND_NAMED = re.compile(rf"\bfolgenden?\s+(?P<art>{_KIND_WORDS})\b", re.I)
# "Sitzung der Bezirksvertretung Lindenthal am 30. Januar 2012", "Sitzung des Rates am 12.03.2024"
_SESSION = re.compile(
    r"\bSitzung\s+(?:des|der)\s+(?P<gremium>[A-ZÄÖÜ][\wäöüß-]+(?:\s+(?:\d+\s+)?(?:\([^)]{1,30}\)\s*)?[A-ZÄÖÜ][\wäöüß-]+){0,3})"
    r"\s+(?:am|vom)\s+(?P<datum>.{6,20})"
)
# "Der Gemeinderat möge beschließen:", "Wir beantragen:": the proposed resolution begins
_RESOLUTION = re.compile(r"(?:möge|wolle|möchte)\s+(?:folgendes\s+)?beschließen\s*:?$|^Wir\s+beantragen\s*:?$", re.I)
_QUESTIONS = re.compile(r"(?:folgende[rn]?\s+Fragen|Fragen\s*:)\s*:?\s*$", re.I)


def salutation_at(lines: list[str], limit: int = 80) -> int | None:
    for i, line in enumerate(lines[:limit]):
        if SALUTATION.match(line.strip()):
            return i
    return None


# "Betreff: Anfrage zur …" (OCR: "Betreff;") in front of the subject
_SUBJECT_LABEL = re.compile(r"^(?:Betreff|Betr\.?)\s*[:;,.]?\s+", re.I)


def kind(lines: list[str]) -> str | None:
    """The kind a letter names in its first lines."""
    for line in lines[:60]:
        s = _SUBJECT_LABEL.sub("", line.strip())
        m = _KIND_OPENS.match(s) or _KIND_NAMED.search(s)
        if m:
            word = m.group("art").lower()
            return next(a for a in ARTEN if a.lower() == word)
    return None


def session(lines: list[str]) -> BeschlusslaufRow | None:
    """The session a letter is submitted to, where it names committee and date."""
    text = " ".join(ln.strip() for ln in lines[:60])
    m = _SESSION.search(text)
    if not m:
        return None
    d = DATE_ANY.match(m.group("datum")) or DATE_ANY.search(m.group("datum")[:14])
    datum = iso_from_match(d) if d else None
    return BeschlusslaufRow(None, _nominative(m.group("gremium").strip()), None, None, datum, None) if datum else None


# "des Gemeinderates", "des Kreistags", "des Ausschusses für Umwelt": the committee in the genitive
_GENITIVE = re.compile(r"^(?P<stem>\w*(?:rat|tag|schuss|beirat|vorstand|senat|magistrat))(?:es|s)\b")


def _nominative(gremium: str) -> str:
    return _GENITIVE.sub(lambda m: m.group("stem"), gremium, count=1)


def body(lines: list[str], segs: list[Segment]) -> str | None:
    """The letter's explanation: after the salutation (and the covering sentence), up to the next labelled
    section, the questions or the closing formula."""
    start = salutation_at(lines)
    if start is None:
        return None
    i = start + 1
    while i < len(lines) and (not lines[i].strip() or SALUTATION.match(lines[i].strip())):
        i += 1  # "sehr geehrter Herr Oberbürgermeister," on the next line
    # the covering sentence: up to the line that ends in ":" within the first three lines
    for j in range(i, min(i + 3, len(lines))):
        head = " ".join(ln.strip() for ln in lines[i : j + 1])
        if lines[j].strip().endswith(":") and _AGENDA_REQUEST.search(head):
            i = j + 1
            break
    stop = next((s.line for s in segs if s.line >= i), len(lines))
    if stop == i or any(s.line == i for s in segs):
        return None  # a labelled section follows the salutation: the labels say what is what
    out: list[str] = []
    for line in lines[i:stop]:
        s = line.strip()
        if CLOSING.match(s) or _RESOLUTION.search(s):
            break
        out.append(line)
        if _QUESTIONS.search(s) and len(out) > 1:
            break
    return paragraphs(out, join_lines)


_HIER = re.compile(r"^hier\s*[:\t]", re.I)


def hier_subject(lines: list[str]) -> str | None:
    """A subject printed in two parts, "<Gegenstand>" / "hier: <what this paper does>": both lines, whether
    above or below the salutation."""
    for i, line in enumerate(lines[:60]):
        if not _HIER.match(line.strip()):
            continue
        prev = next((lines[j].strip() for j in range(i - 1, max(i - 3, -1), -1) if lines[j].strip()), "")
        if not prev or SALUTATION.match(prev) or prev.endswith((":", ",")):
            return None
        parts = [_SUBJECT_LABEL.sub("", prev), line.strip()]
        for follow in lines[i + 1 : i + 3]:  # "hier: Bedarfsprüfung" / "(141/41/17/08)"
            s = follow.strip()
            if s and (s[0].islower() or s.startswith("(")) and not SALUTATION.match(s):
                parts.append(s)
            else:
                break
        return " ".join(" ".join(join_lines(parts).replace("\t", " ").split()).split())
    return None
