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
from dataclasses import dataclass, replace

from ...models import Sitzung, Top, Vorlage
from ..normalize import identifier_keys
from .headings import DECISION_LABEL, RESULT_LABEL, Block, heading_part, heading_title, heading_vorlagen, item_blocks
from .outcome import classify, labelled_text, per_vorlage, read_stimmen, resolution_in
from .sitzung import read_sitzung, unspaced

__all__ = ["ERGEBNISSE", "Niederschrift", "as_minutes", "classify", "is_niederschrift", "read_niederschrift",
           "read_stimmen"]  # fmt: skip

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


def is_niederschrift(text: str) -> bool:
    """A title word of minutes among the first lines, before any title of another kind of paper."""
    lines = [unspaced(s) for s in text.split("\n") if s.strip()][:15]
    for s in lines:
        if _OTHER_KIND.match(s):
            return False
        if _TITLE.match(s) or _SESSION_HEAD.match(s):
            return True
    return False


_ADOPTED_MOTION = re.compile(
    r"\b(?:änderungs|ergänzungs|zusatz)?antrag\b[^.]{0,160}?\b(?:angenommen|zugestimmt)\b", re.I
)


def _top(block: Block) -> Top:
    parts = [block.lines, *block.joined]
    nrs: list[str] = []
    amendments: set[str] = set()
    for part in parts:
        part_nrs, part_amendments = heading_vorlagen(heading_part(part))
        nrs += [nr for nr in part_nrs if nr not in nrs]
        amendments |= part_amendments
    heading = heading_part(block.lines)
    last = parts[-1]
    body = last[len(heading_part(last)) :]
    result = labelled_text(last, RESULT_LABEL)
    decision = labelled_text(last, DECISION_LABEL) or resolution_in(body)
    per, main_result = per_vorlage(result or "", nrs, amendments)
    ergebnis = per[nrs[0]] if nrs and nrs[0] in per else classify(main_result, decision or "")
    if ergebnis == "beschlossen" and nrs and not labelled_text(last, DECISION_LABEL):
        # running-text minutes: a motion adopted before the resolution changed what was resolved
        before = " ".join(" ".join(body).split())
        if decision and (cut := before.find(" ".join(decision.split())[:60])) > 0:
            before = before[:cut]
        if _ADOPTED_MOTION.search(before):
            ergebnis = "geändert beschlossen"
    vote_text = main_result if result else (decision or "")
    return Top(
        nummer=block.nummer,
        titel=heading_title(heading),
        vorlagen=tuple(nrs),
        beschluss=decision,
        abstimmung=result,
        stimmen=read_stimmen(vote_text),
        einstimmig=bool(re.search(r"einstimmig", vote_text, re.I)),
        ergebnis=ergebnis,
        oeffentlich=block.oeffentlich,
        ergebnis_je_vorlage=tuple((nr, per[nr]) for nr in nrs if nr in per),
    )


def read_niederschrift(text: str) -> Niederschrift:
    """The session and the TOPs of a minutes text (no TOPs where no heading is recognised)."""
    lines = text.split("\n")
    sitzung = read_sitzung(lines)
    tops = []
    for block in item_blocks(lines):
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
