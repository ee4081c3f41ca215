"""A Vorlage over all its records: one value to show and one document to index.

The fields come from the paper's fullest file (grouping.rank), a field it lacks from its other
files of the same paper (never from an Anlage or another version), so a date keeps its meaning: the
paper's own date is only ever a paper's own date (a file's date that is one of the Beschlusslauf's
session dates gives way to one a file prints of its own), the session dates stay in the
Beschlusslauf. The
index document holds the text of every file, the Anlagen and versions included, so they are found
as part of the Vorlage, and the numbers of every version, so the base number finds them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from .grouping import Membership, Role
from .models import ENTITY_KINDS, Vorlage
from .search.document import IndexDocument, az_keys_of, document_fields, nr_keys_of
from .search.kept import decode, encode
from .store import Store

_FILLED = (
    "vorlage_nr", "aktenzeichen", "art", "datum", "koerperschaft", "fachbereich", "produkt", "betreff",
    "beschlussvorschlag", "begruendung",
)  # fmt: skip
_ORDER = {"datei": 0, "fassung": 1, "anlage": 2}


@dataclass(frozen=True)
class Member:
    record: Vorlage
    role: Role


@dataclass(frozen=True)
class VorlageGroup:
    """The records of one Vorlage, its primary record (the one a hit shows) first."""

    id: str  # the primary record's id
    members: tuple[Member, ...]
    koerperschaft: str | None = None  # as grouping read it: its own, or the one of the files around it

    @classmethod
    def of(cls, group_id: str, members: list[tuple[Vorlage, Membership]]) -> VorlageGroup:
        """``members`` in any order; the primary first, then the paper's files, versions, Anlagen."""
        ordered = sorted(members, key=lambda m: (m[0].id != group_id, _ORDER[m[1].role], m[0].source.path, m[0].id))
        body = next((m.koerperschaft for _, m in ordered if m.koerperschaft), None)
        return cls(group_id, tuple(Member(v, m.role) for v, m in ordered), body)

    @classmethod
    def single(cls, record: Vorlage) -> VorlageGroup:
        return cls(record.id, (Member(record, "datei"),), record.koerperschaft)

    @property
    def primary(self) -> Vorlage:
        return self.members[0].record

    def role(self, record_id: str) -> Role | None:
        return next((m.role for m in self.members if m.record.id == record_id), None)

    def with_role(self, role: Role) -> tuple[Vorlage, ...]:
        return tuple(m.record for m in self.members if m.role == role)

    @property
    def fassungen(self) -> tuple[Vorlage, ...]:
        """Revised versions (Ergänzung, Neufassung), in the order of their numbers."""
        return tuple(sorted(self.with_role("fassung"), key=lambda v: (v.vorlage_nr or "", v.id)))

    @property
    def anlagen(self) -> tuple[Vorlage, ...]:
        return self.with_role("anlage")

    @cached_property
    def merged(self) -> Vorlage:
        """The primary record, each field it lacks taken from the paper's other files."""
        primary = self.primary
        files = [primary] + [v for v in self.with_role("datei") if v.id != primary.id]
        if self.members[0].role != "datei":
            files = [primary]
        values = {f: next((getattr(v, f) for v in files if getattr(v, f)), None) for f in _FILLED}
        # The Körperschaft is that of every file, and grouping has read it from all of them.
        values["koerperschaft"] = self.koerperschaft or values["koerperschaft"]
        rows = max((v.beschlusslauf for v in files), key=_beschlusslauf_rank)
        # The paper's own date, not a session's: some RIS give a Paper the date of the session that
        # decided it, while the paper itself prints its own.
        sessions = {r.datum for r in rows if r.datum}
        dates = [v.datum for v in files if v.datum]
        values["datum"] = next((d for d in dates if d not in sessions), dates[0] if dates else None)
        everyone = [m.record for m in self.members]
        entities = {k: tuple(dict.fromkeys(e for v in everyone for e in v.entities.get(k, ()))) for k in ENTITY_KINDS}
        return replace(
            primary,
            **values,
            # not public as soon as one of its files is not: nothing of a closed file may leak
            oeffentlich=False if any(v.oeffentlich is False for v in everyone) else _first(files, "oeffentlich"),
            beteiligungen=tuple(dict.fromkeys(b for v in files for b in v.beteiligungen)),
            beschlusslauf=rows,
            anlagen=tuple(dict.fromkeys(a for v in files for a in v.anlagen)),
            # decisions may be linked to any file of the paper (beschluesse.py links by number)
            beschluesse=_distinct(b for v in files for b in v.beschluesse),
            entities={k: v for k, v in entities.items() if v},
            text=next((v.text for v in files if v.text.strip()), primary.text),
        )

    def numbers(self) -> tuple[str, ...]:
        """The Vorlage-Nr. of the paper and of its versions, each once, as printed."""
        return tuple(dict.fromkeys(v.vorlage_nr for v in (self.merged, *self.fassungen) if v.vorlage_nr))


def _distinct(items: Iterable[Any]) -> tuple[Any, ...]:
    """Each item once, in order (items that are not hashable, such as decisions with their votes)."""
    out: list[Any] = []
    for item in items:
        if item not in out:
            out.append(item)
    return tuple(out)


def _first(records: list[Vorlage], field: str) -> object:
    return next((getattr(v, field) for v in records if getattr(v, field) is not None), None)


def _beschlusslauf_rank(rows: tuple) -> tuple[int, int]:
    """Rows with session dates and outcomes tell more than bare committee names."""
    return (sum(bool(r.datum) + bool(r.ergebnis) for r in rows), len(rows))


Kept = tuple[str, list[tuple[str, str, str, str, str | None]], bytes, bytes | None]  # rebuild.py
Made = tuple[IndexDocument, bytes | None, bytes | None]  # the document; to keep: its fingerprint, data


def parse_group(group_id: str, members: list[tuple[str, str, str, str, str | None]]) -> VorlageGroup:
    """A group from its records as Store.iter_groups_raw gives them."""
    parsed = [(Vorlage.from_dict(json.loads(m[2])), Membership(group_id, m[3], m[4])) for m in members]
    return VorlageGroup.of(group_id, parsed)  # type: ignore[arg-type]


def from_kept(item: Kept, records: bool = False) -> Made | None:
    """The kept document of ``item``, decoded, where the backend needs no record with it (else None:
    the group is parsed, by a worker in a rebuild)."""
    data = item[3]
    return (decode(data, plain=True), None, None) if data is not None and not records else None


def analyse_groups(chunk: list[Kept], records: bool = False) -> list[Made]:
    """The index documents of stored groups, each (group id, its records as Store.iter_groups_raw
    gives them, their fingerprint, the kept document, inflated, where its fingerprint matched): run in
    the worker processes of a rebuild (search/parallel.py). Only what the writer needs goes back: the
    record as JSON where the backend keeps records (``records``), else nothing of it; and the document
    to keep where it was analysed anew (search/kept.py)."""
    out: list[Made] = []
    for item in chunk:
        if (ready := from_kept(item, records)) is not None:
            out.append(ready)
            continue
        group_id, members, fp, data = item
        group = parse_group(group_id, members)
        if data is not None:
            record = json.dumps(indexed_record(group).to_dict(), ensure_ascii=False)
            out.append((decode(data, plain=True, record_json=record), None, None))
            continue
        fields = group_fields(group)
        v = fields.pop("vorlage")
        doc = IndexDocument(**fields, record_json=json.dumps(v.to_dict(), ensure_ascii=False) if records else "")
        out.append((doc, fp, encode(doc)))
    return out


def group_document(group: VorlageGroup) -> IndexDocument:
    """The one index document of a Vorlage (id = the group's id)."""
    return IndexDocument(**group_fields(group))


def group_fields(group: VorlageGroup) -> dict[str, Any]:
    """The fields of ``group_document``, as keywords."""
    if len(group.members) == 1:  # its keys are the record's own
        fields = document_fields(group.merged)
        own = set(fields["nr_keys"])
        if own:
            fields["ref_keys"] = tuple(k for k in fields["ref_keys"] if k not in own)
        return fields
    merged = group.merged
    fields = document_fields(indexed_record(group))
    papers = [m.record for m in group.members if m.role != "anlage"] or [merged]
    # every paper's number (a revision's also under its base: search/document.py), and Aktenzeichen
    nr_keys = [k for v in papers for k in nr_keys_of(v.vorlage_nr)]
    az_keys = [k for v in papers for k in az_keys_of(v.aktenzeichen)]
    own = set(nr_keys)
    fields.update(
        id=group.id,
        nr_keys=tuple(dict.fromkeys(nr_keys)),
        az_keys=tuple(dict.fromkeys(az_keys)),
        ref_keys=tuple(k for k in fields["ref_keys"] if k not in own),
    )
    return fields


def indexed_record(group: VorlageGroup) -> Vorlage:
    """The record a group's document is made of (IndexDocument.vorlage): the merged one, with the
    text of every file and the other files' titles."""
    merged = group.merged
    if len(group.members) == 1:
        return merged
    texts = [m.record.text for m in group.members if m.record.text.strip()]
    titles = [m.record.betreff for m in group.members[1:] if m.record.betreff and m.record.betreff != merged.betreff]
    return replace(merged, text="\n\n".join(dict.fromkeys([*texts, *titles])))


# -- over the store ------------------------------------------------------------------------------


def load_groups(store: Store, group_ids: list[str]) -> dict[str, VorlageGroup]:
    found = store.group_members(group_ids)
    return {g: VorlageGroup.of(g, members) for g, members in found.items()}


def group_of(store: Store, record_id: str) -> VorlageGroup | None:
    """The Vorlage a record belongs to; a record not grouped yet is one of its own."""
    group = store.group_ids([record_id]).get(record_id)
    if group is not None:
        found = load_groups(store, [group]).get(group)
        if found is not None:
            return found
    record = store.get(record_id)
    return VorlageGroup.single(record) if record is not None else None
