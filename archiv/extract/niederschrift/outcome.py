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
    (
        "zurückgezogen",
        re.compile(
            r"zurückgezogen|zurückgenommen|hat sich erledigt|für erledigt erklärt|antrag\b[^.]{0,40}\berledigt", re.I
        ),
    ),
    (
        "vertagt",
        re.compile(
            r"vertag|zurückgestellt|abgesetzt|von der tagesordnung genommen|antwort\b[^.]{0,30}\bnoch\s+nicht\s+vor"
            r"|(?:erfolgt|erfolgen)\b[^.]{0,30}\bnächsten\s+sitzung|nächsten\s+sitzung[^.]{0,20}\berfolg",
            re.I,
        ),
    ),
    (
        "verwiesen",
        re.compile(r"verwiesen|verweisung|überwiesen|weiterbehandlung\s+im|\bberatung\s+im\s+\w*ausschuss", re.I),
    ),
    ("abgelehnt", re.compile(r"abgelehnt|ablehnung|abzulehnen|lehnt\b[^.]*\bab\b", re.I)),
    # a matter dealt with that asked for no decision (a debate held, a question answered)
    (
        "zur Kenntnis genommen",
        re.compile(
            r"kenntnis|keine\s+abstimmung|ohne\s+abstimmung|\berledigt\b|beantwortet|\bantwort\b[^.]{0,40}\bvor\b", re.I
        ),
    ),
    (
        "geändert beschlossen",
        re.compile(
            r"mit\s+(?:der\s+|den\s+|folgender\s+|folgenden\s+)?(?:\w+\s+)?(?:änderung|ergänzung)|geändert"
            r"|mit\s+der\s+maßgabe",
            re.I,
        ),
    ),
    (
        "beschlossen",
        re.compile(
            r"beschlossen|beschließt|beschliesst|zugestimmt|zustimmung|angenommen|einstimmig|mehrheitlich"
            r"|empfiehlt|beschlussvorschlag|gewählt|wählt|gegenstimmen\?\s*[-–]?\s*keine",
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


# A sentence starts at the text's start or after "." or ":": where no sentence starts at a run's
# first character, none starts inside it either, and the anchor saves the engine from trying each
# position of a long run without a full stop again (quadratic: minutes of ~100 kB took seconds).
DECISION_SENTENCE = re.compile(
    r"(?:^|(?<=[.:]))[^.:]*\b(?:beschließt|beschliesst|empfiehlt|nimmt[^.]*kenntnis|zur\s+kenntnis|wird[^.]*(?:angenommen|abgelehnt"
    r"|vertagt|verwiesen|zurückgezogen|beschlossen)|vertagt|verwiesen|zurückgezogen|erledigt|kenntnisnahme"
    r"|\bantwort\b[^.:]*\bvor\b|nächsten\s+sitzung|gegenstimmen\?\s*[-–]?\s*keine|einstimmige?n?\b"
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
    sentences = [s for s in DECISION_SENTENCE.findall(" ".join(" ".join(body).split())) if not _ABOUT_AGENDA.search(s)]
    return sentences[-1].strip() if sentences else None


# What was decided about the agenda as a whole ("Wir haben bei der Festlegung der Tagesordnung
# beschlossen, …", said when calling the next item) is not this item's decision.
_ABOUT_AGENDA = re.compile(r"\btagesordnung(?!\s+(?:genommen|abgesetzt))\b(?!spunkt)", re.I)


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


_VOTE_CALL = re.compile(r"abstimm|lasse\b|zustimm|beschl", re.I)


def per_item(body: list[str], items: list[tuple[str, list[str]]]) -> dict[str, tuple[str, str]]:
    """Outcomes of items deliberated together but decided one by one in running text.

    A verbatim record calls each vote by the item's number ("Ich lasse nun über den
    Tagesordnungspunkt 2.3 abstimmen"): what follows that call, up to the next one, decides that
    item; what comes before the first call decides the items no call names. Paper number ->
    (outcome class, decision text)."""
    text = "\n".join(body)
    nums = "|".join(re.escape(n) for n, _ in items)
    calls = []
    for m in re.finditer(r"\b(?:tagesordnungspunkt|top|punkt)\s+(?P<n>" + nums + r")(?![\w.]\w)", text, re.I):
        if _VOTE_CALL.search(text[max(0, m.start() - 60) : m.end() + 80]):
            calls.append((m.start(), m.group("n")))
    if not calls:
        return {}
    segments = {
        n: text[start : calls[i + 1][0] if i + 1 < len(calls) else len(text)] for i, (start, n) in enumerate(calls)
    }
    lead = text[: calls[0][0]]
    out: dict[str, tuple[str, str]] = {}
    for n, nrs in items:
        decision = resolution_in(segments.get(n, lead).split("\n")) or ""
        if ergebnis := classify("", decision):
            for nr in nrs:
                out.setdefault(nr, (ergebnis, decision))
    return out
