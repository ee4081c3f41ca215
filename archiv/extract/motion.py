"""What an Antrag asks for where no label says so.

- The lead-in sentence with which a motion states what the council is to decide: "Die Bezirksverordneten-
  versammlung möge beschließen:", "Der Stadtteilbeirat stellt folgenden Antrag:", "Wir beantragen deshalb:"
  (the text after it), or "Wir beantragen deshalb, die Verwaltung möge …" (that sentence on).
- Its demands printed without a heading: a numbered list right after the header, then its reasons.
  "1. Der Takt der S 5 wird verdichtet." / "2. …" / (blank) / "Eine Entlastung der Rheinbrücke …": the list is
  the proposed resolution, the paragraphs after it up to the next labelled section are the Begründung.
"""

from __future__ import annotations

import re

from ..text.lines import join_lines
from ..words import words
from .sections import Segment, paragraphs

# A line that ends in a lead-in: what follows it is the proposal (vocabulary.toml, [motion]).
_LEAD_IN = re.compile(r"(?:" + "|".join(words("motion", "lead_in")) + r")\s*:?$", re.I)
# A sentence that asks itself: "Wir beantragen deshalb, die Verwaltung möge …".
_ASKS = re.compile(r"^(?:" + "|".join(words("motion", "asking")) + r")", re.I)


def lead_in_motion(lines: list[str], segs: list[Segment], closing: re.Pattern[str]) -> str | None:
    """The proposal after a lead-in, up to the next labelled section or the letter's closing formula."""
    for i, line in enumerate(lines):
        s = line.strip()
        lead_in = bool(_LEAD_IN.search(s)) and len(s) <= 160
        if not lead_in and not _ASKS.match(s):
            continue
        begin = i + 1 if lead_in else i
        stop = next((seg.line for seg in segs if seg.line > i), len(lines))
        stop = next((j for j in range(begin, stop) if closing.match(lines[j].strip())), stop)
        text = paragraphs(lines[begin:stop], join_lines)
        if text:
            return text
    return None


# "1. …" or "1.1. …" (a numbered motion whose first point has sub-points)
_FIRST_ITEM = re.compile(r"^1(?:\.1)?[.)]\s+[A-ZÄÖÜ„\"]")
_ITEM = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")


def _demands(lines: list[str], segs: list[Segment]) -> tuple[int, int, int] | None:
    """Where a numbered list right after the header starts and ends, and where the next section starts."""
    prose = [s.line for s in segs if s.spec.kind in ("block", "list") and s.field != "betreff"]
    limit = min([*prose, 80, len(lines)])
    start = next((i for i in range(limit) if _FIRST_ITEM.match(lines[i].strip())), None)
    if start is None:
        return None
    stop = next((s.line for s in segs if s.line > start and s.spec.kind in ("block", "list", "stop")), len(lines))
    end = stop
    j = start
    while j < stop:
        if lines[j].strip():
            j += 1
            continue
        k = j
        while k < stop and not lines[k].strip():
            k += 1
        if k >= stop or not _ITEM.match(lines[k].strip()):
            end = j  # a blank line and then no further item: the list is over
            break
        j = k
    return start, end, stop


def numbered_demands(lines: list[str], segs: list[Segment]) -> tuple[str | None, str | None]:
    found = _demands(lines, segs)
    if found is None:
        return None, None
    start, end, stop = found
    return paragraphs(lines[start:end], join_lines), paragraphs(lines[end:stop], join_lines)


def reasons_above(lines: list[str], segs: list[Segment], label: int) -> str | None:
    """The paragraphs between a numbered list (demands, questions) and a Begründung label right below them:
    a form whose label cell pdf.js prints after the first lines of the text it heads."""
    found = _demands(lines, segs)
    if found is None or found[2] != label:
        return None
    return paragraphs(lines[found[1] : label], join_lines)


def prose_after_table(lines: list[str], start: int, segs: list[Segment], betreff: str | None) -> str | None:
    """Sentences right below the Beschlusslauf table, before the next labelled section: the explanation a
    form prints without a heading (the title, where it stands there, is left out)."""
    stop = next((s.line for s in segs if s.line >= start), len(lines))
    text = paragraphs(lines[start:stop], join_lines)
    if not text:
        return None
    if betreff and " ".join(text.split()).startswith(" ".join(betreff.split())):
        return None  # the title printed below the table, the prose (if any) after it is the title's
    return text if len(text) >= 100 and re.search(r"\w[.!?]\s", text + " ") else None


# "1. Wie breit müssen Radwege sein?": an Anfrage's questions, which are no Begründung
QUESTION_FIRST = re.compile(r"^\s*1[.)]\s[^\n]*\?")
# "Wir bitten Sie, folgende Anfrage … auf die Tagesordnung der nächsten Sitzung … zu setzen:" (over lines)
_COVERING = re.compile(r"\bfolgenden?\s+(?P<kind>\w*(?:antrag|anfrage))\b.{0,200}\bzu\s+setzen\s*:?$", re.I)


def after_covering_sentence(
    lines: list[str], segs: list[Segment], closing: re.Pattern[str], art: str | None
) -> tuple[str | None, str | None]:
    """What follows the sentence that asks for a paper to be put on the agenda: an Antrag's proposal (up to the
    next labelled section), or an Anfrage's explanation and questions (up to the closing formula). The kind the
    paper's heading names (``art``) wins over the one the sentence names."""
    for i in range(min(len(lines), 80)):
        if not lines[i].strip().endswith(":"):
            continue
        joined = " ".join(ln.strip() for ln in lines[max(0, i - 2) : i + 1])
        m = _COVERING.search(joined)
        if not m:
            continue
        stop = next((seg.line for seg in segs if seg.line > i), len(lines))
        stop = next((j for j in range(i + 1, stop) if closing.match(lines[j].strip())), stop)
        text = paragraphs(lines[i + 1 : stop], join_lines)
        if "anfrage" in (art or m.group("kind")).lower():
            return None, None if text and QUESTION_FIRST.match(text) else text
        return text, None
    return None, None


_HIER = re.compile(r"^hier\s*[:\t]", re.I)


def body_after_subject(lines: list[str], segs: list[Segment], closing: re.Pattern[str]) -> str | None:
    """A letter without salutation ("Gegenstand" / "hier: Bedarfsprüfung" / "Mit Schreiben vom … übersandten
    Sie mir …"): the text after its subject, up to the closing formula or the next labelled section."""
    at = next((i for i, line in enumerate(lines[:60]) if _HIER.match(line.strip())), None)
    if at is None:
        return None
    i = at + 1
    while i < len(lines) and (not lines[i].strip() or lines[i].strip()[:1].islower() or lines[i].strip()[:1] == "("):
        i += 1  # the subject's own continuation ("(141/41/17/08)")
    stop = next((seg.line for seg in segs if seg.line >= i), len(lines))
    stop = next((j for j in range(i, stop) if closing.match(lines[j].strip())), stop)
    text = paragraphs(lines[i:stop], join_lines)
    return text if text and len(text) >= 100 and text[:1].isupper() else None
