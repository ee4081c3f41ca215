"""Votes and outcomes of an agenda item: the vote counts, the decision text and its outcome class."""

from __future__ import annotations

import re

from ...models import Votes
from .headings import AMENDMENT, DECISION_LABEL, HEADING, LABELLED_NR, RESULT_LABEL, heading_number, join_text

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


def labelled_text(lines: list[str], label: re.Pattern[str]) -> str | None:
    """The text after a label, up to the next label or heading (a result ends at its first blank line)."""
    for i, s in enumerate(lines):
        m = label.match(s)
        if not m:
            continue
        out = [m.group("rest")]
        blank = 0
        for t in lines[i + 1 :]:
            if RESULT_LABEL.match(t) or DECISION_LABEL.match(t) or HEADING.match(t) or _INTRO.search(t):
                break
            if not t.strip():
                blank += 1
                nxt = next((x for x in lines[lines.index(t, i + 1) + 1 :] if x.strip()), "")
                goes_on = bool(LABELLED_NR.search(nxt) or AMENDMENT.search(nxt.split(":")[0]))
                if blank >= 2 or (label is RESULT_LABEL and any(x.strip() for x in out) and not goes_on):
                    break
                continue
            blank = 0
            out.append(t)
        return join_text(out) or None
    return None


def resolution_in(body: list[str]) -> str | None:
    """A resolution in running text: from its introducing line to the result label, else the last
    sentence that reports a decision."""
    for i in range(len(body)):
        if _INTRO.search(body[i]):
            out = [body[i]]
            for t in body[i + 1 :]:
                if RESULT_LABEL.match(t) or heading_number(t):
                    break
                out.append(t)
            return join_text(out) or None
    sentences = _DECISION_SENTENCE.findall(" ".join(" ".join(body).split()))
    return sentences[-1].strip() if sentences else None


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


def per_vorlage(result: str, nrs: list[str], amendments: set[str]) -> tuple[dict[str, str], str]:
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
        elif m and AMENDMENT.search(label):
            if amendments and (c := classify(item[m.end() :])):
                for nr in amendments:
                    out.setdefault(nr, c)
        else:
            rest.append(item)
    return out, "\n".join(rest)
