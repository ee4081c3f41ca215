"""The matter (Vorgang): the papers that belong with one Vorlage, and what happened to them, by date.

Papers belong together when they share the Aktenzeichen or the Vorlage-Nr. (an Antrag and the
administration's Stellungnahme), when one revises the other (Ergänzung, Neufassung, Änderung of a
number), or when one cites the other (both ways). The timeline shows each paper's date, the sessions
its Beschlusslauf plans, and the decisions read from minutes in the archive.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .models import Vorlage
from .text.keys import identifier_keys

MAX_MEMBERS = 60
Finder = Callable[[str], list[Vorlage]]

# "1. Ergänzung zu DS 89/2020", "Neufassung der Vorlage 2020/0296", "Änderung zur Drucksache 12/2021"
_REVISES = re.compile(
    r"\b(?:\d+\.\s*)?(?:ergänzung|neufassung|änderung|fortschreibung)\w*\s+(?:zu[rm]?\s+|der\s+|des\s+)?"
    r"(?:vorlage|drucksache|ds|beschlussvorlage)?\s*(?:-?nr\.?)?\s*:?\s*(?P<nr>[A-Z]{0,5}[ /-]?\d{1,5}/\d{2,4})",
    re.I,
)

RELATIONS = {
    "selbst": "diese Vorlage",
    "nummer": "gleiche Vorlage-Nr.",
    "aktenzeichen": "gleiches Aktenzeichen",
    "revidiert": "Ergänzung/Neufassung von",
    "revision": "Ergänzung/Neufassung",
    "zitiert": "zitiert",
    "zitiert_von": "zitiert von",
}


@dataclass(frozen=True)
class Member:
    record: Vorlage
    relation: str  # a key of RELATIONS

    @property
    def relation_label(self) -> str:
        return RELATIONS[self.relation]


@dataclass(frozen=True)
class Event:
    datum: str | None
    kind: str  # "vorlage" | "beratung" | "beschluss"
    text: str
    record_id: str  # the paper the event belongs to
    link_id: str | None = None  # where to read more (the minutes of a decision)


@dataclass(frozen=True)
class Vorgang:
    seed: Vorlage
    members: tuple[Member, ...]
    timeline: tuple[Event, ...]


def revised_number(v: Vorlage) -> str | None:
    """The number of the paper this one revises, where it says so (basis_nr, or its title/number)."""
    basis = getattr(v, "basis_nr", None)
    if basis:
        return basis
    for text in (v.vorlage_nr or "", v.betreff or "", (v.text or "")[:400]):
        if m := _REVISES.search(text):
            return m.group("nr")
    return None


def _keys(nr: str | None) -> set[str]:
    return set(identifier_keys(nr))


def members_of(seed: Vorlage, find: Finder, citing: Finder) -> list[Member]:
    """The papers of the matter: ``find(ref)`` looks records up by number or Aktenzeichen,
    ``citing(nr)`` returns records whose text cites that number."""
    out: dict[str, Member] = {seed.id: Member(seed, "selbst")}

    def add(records: list[Vorlage], relation: str) -> None:
        for r in records:
            if r.id not in out and len(out) < MAX_MEMBERS and r.art != "Niederschrift":
                out[r.id] = Member(r, relation)

    nr_keys = _keys(seed.vorlage_nr)
    if nr_keys:
        add([r for r in find(seed.vorlage_nr) if _keys(r.vorlage_nr) & nr_keys], "nummer")
    az_keys = _keys(seed.aktenzeichen)
    if az_keys:
        add([r for r in find(seed.aktenzeichen) if _keys(r.aktenzeichen) & az_keys], "aktenzeichen")
    if base := revised_number(seed):
        add([r for r in find(base) if _keys(r.vorlage_nr) & _keys(base)], "revidiert")
    for m in list(out.values()):  # revisions and citations of every paper with the seed's number
        nr = m.record.vorlage_nr
        if not nr:
            continue
        for r in citing(nr):
            base = revised_number(r)
            add([r], "revision" if base and _keys(base) & _keys(nr) else "zitiert_von")
    for ref in seed.entities.get("vorlagen", ()):
        if _keys(ref) & nr_keys:
            continue
        found = [r for r in find(ref) if _keys(r.vorlage_nr) & _keys(ref)]
        same_body = [r for r in found if seed.koerperschaft and r.koerperschaft == seed.koerperschaft]
        add(same_body or found, "zitiert")
    return list(out.values())


def timeline_of(members: list[Member]) -> list[Event]:
    events: list[Event] = []
    for m in members:
        r = m.record
        label = f"{r.art or 'Vorlage'} {r.vorlage_nr or ''}".strip()
        events.append(Event(r.datum, "vorlage", f"{label}: {r.betreff or '(ohne Betreff)'}", r.id))
        decided = {(b.datum, b.gremium) for b in r.beschluesse}
        for row in r.beschlusslauf:
            if row.datum and not any(d == row.datum for d, _ in decided):
                role = f" ({row.zustaendigkeit})" if row.zustaendigkeit else ""
                result = f": {row.ergebnis}" if row.ergebnis else ""
                events.append(Event(row.datum, "beratung", f"{row.gremium}{role}{result} — {label}", r.id))
        for b in r.beschluesse:
            top = f", TOP {b.top}" if b.top else ""
            text = f"{b.gremium or 'Gremium nicht erkannt'}{top}: {b.ergebnis or 'Ergebnis nicht erkannt'} — {label}"
            events.append(Event(b.datum, "beschluss", text, r.id, b.niederschrift_id))
    # one decision recorded on several papers of the same number is one event
    unique: dict[tuple[str | None, str, str], Event] = {}
    for e in events:
        head, _, paper = e.text.partition(" — ")
        key = (e.datum, e.kind, f"{e.link_id}|{head}" if e.kind == "beschluss" else e.text)
        if key in unique and paper:
            old = unique[key]
            unique[key] = Event(old.datum, old.kind, f"{old.text}, {paper}", old.record_id, old.link_id)
        else:
            unique.setdefault(key, e)
    order = {"vorlage": 0, "beratung": 1, "beschluss": 2}
    return sorted(unique.values(), key=lambda e: (e.datum is None, e.datum or "", order[e.kind]))


def build(seed: Vorlage, find: Finder, citing: Finder) -> Vorgang:
    members = members_of(seed, find, citing)
    return Vorgang(seed, tuple(members), tuple(timeline_of(members)))


def vorgang_dict(v: Vorgang) -> dict[str, object]:
    """The matter as JSON: the papers (id, number, kind, date, subject, relation) and the timeline."""
    return {
        "id": v.seed.id,
        "vorlagen": [
            {"id": m.record.id, "vorlage_nr": m.record.vorlage_nr, "art": m.record.art, "datum": m.record.datum,
             "betreff": m.record.betreff, "beziehung": m.relation_label, "beschluesse": len(m.record.beschluesse)}
            for m in v.members
        ],
        "zeitleiste": [
            {"datum": e.datum, "art": e.kind, "text": e.text, "vorlage_id": e.record_id, "niederschrift_id": e.link_id}
            for e in v.timeline
        ],
    }  # fmt: skip
