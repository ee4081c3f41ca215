"""Votes called in running text (verbatim records, "Wortprotokoll"): the chair names what is voted
on ("Ich lasse jetzt über den Änderungsantrag der AfD abstimmen", "über die Vorlage in der
geänderten Fassung"), then the result follows. What each call names decides whose outcome the
result is: an amendment listed under the heading, or the main paper.
"""

from __future__ import annotations

import re

from .outcome import DECISION_SENTENCE, classify

# "über den Änderungsantrag der Gruppen … abstimmen", "über den AfD-Antrag abstimmen"
_CALL = re.compile(r"\büber\s+(?P<obj>(?:den|die|das)\b[^.?!]{0,120}?)\s+(?:abstimmen|abzustimmen|abstimmung)\b", re.I)
_AMENDING = re.compile(r"(?:änderungs|ergänzungs|ersetzungs|zusatz|gegen)antr", re.I)
_MAIN = re.compile(r"ursprungsantrag|\bvorlage\b|gesamten\s+antrag|beschlussvorschlag", re.I)
_COMMON = {"änderungsantrag", "ergänzungsantrag", "ersetzungsantrag", "zusatzantrag", "antrag", "der", "die",
           "des", "den", "dem", "und", "von", "fraktion", "fraktionen", "gruppe", "ratsmitglied", "zu"}  # fmt: skip
# The main paper given up for an adopted replacement: "Der Ursprungsantrag entfällt damit."
_SUPERSEDED = re.compile(r"\bursprungsantrag\b[^.]{0,30}\b(?:erledigt|entfällt|entfallen)|\bersetzungsantrag\b", re.I)
_ADOPTED = re.compile(r"beschlossen|angenommen|zugestimmt", re.I)
# The last vote is on the paper as changed: "über die Vorlage in der geänderten Fassung abstimmen"
_CHANGED_VERSION = re.compile(
    r"geänderte[nr]?\s+(?:fassung|form|ursprungsantrag)|so\s+geänderte[nr]?\s+(?:vorlage|antrag|ursprungsantrag)", re.I
)
# A change asked for in the debate ("bitte ich darum, den zweiten Vertreter zu streichen") and taken
# up by the chair or the mover ("Das nehme ich so auf", "wird übernommen") instead of a vote on it.
_CHANGE_ASKED = re.compile(
    r"\b(?:bitte|bitten|beantrage|beantragen)\b[^.?!]{0,200}?\bzu\s+(?:streichen|ergänzen|ändern|ersetzen|korrigieren)\b",
    re.I,
)
_CHANGE_TAKEN = re.compile(r"\b(?:nehme|nehmen)\b[^.?!]{0,30}\bauf\b|\bübernomm\w*|\bübernehme\w*", re.I)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zäöüß]+", text.lower()) if w not in _COMMON and len(w) > 1}


def amendment_outcomes(body: str, amendments: list[tuple[str, str]]) -> dict[str, str]:
    """Outcomes of the amendments a heading lists ((number, its heading text)), from the votes the
    chair called on them; an amendment no call names gets none here."""
    if not amendments:
        return {}
    calls: list[tuple[int, str | None]] = []  # (start, amendment number or None for the main paper)
    previous: str | None = None
    for m in _CALL.finditer(body):
        obj = m.group("obj")
        named = [nr for nr, text in amendments if _words(obj) & _words(text)]
        if len(named) == 1:
            target: str | None = named[0]
        elif _AMENDING.search(obj):
            target = previous if previous is not None else amendments[0][0]
        elif _MAIN.search(obj):
            target = None
        else:
            continue  # a vote on something else (the agenda, a procedure)
        calls.append((m.start(), target))
        previous = target
    out: dict[str, str] = {}
    for i, (start, target) in enumerate(calls):
        if target is None:
            continue
        end = calls[i + 1][0] if i + 1 < len(calls) else len(body)
        segment = body[start:end]
        call_sentence = segment.split(".")[0]
        results = [s for s in DECISION_SENTENCE.findall(segment) if "ursprungsantrag" not in s.lower()]
        if results and (found := classify("", call_sentence + ". " + results[0])):
            out[target] = found
    return out


def superseded(body: str) -> bool:
    """The main paper gave way to a replacement that was adopted ("Der Ursprungsantrag entfällt damit")."""
    return bool(_SUPERSEDED.search(body) and _ADOPTED.search(body))


def main_changed(body: str) -> bool:
    """The main paper was adopted as changed: its last vote was on a changed version, it gave way to
    an adopted replacement, or a change asked for in the debate was taken up."""
    calls = list(_CALL.finditer(body))
    last_call = calls[-1].group("obj") if calls else ""
    if _CHANGED_VERSION.search(last_call):
        return True
    if superseded(body):
        return True
    asked = _CHANGE_ASKED.search(body)
    return bool(asked and _CHANGE_TAKEN.search(body, asked.end()))
