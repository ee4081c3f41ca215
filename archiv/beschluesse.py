"""Decisions linked to their Vorlagen: each TOP of a Niederschrift in the archive that treats a Vorlage
of the same Körperschaft becomes a `Beschluss` on that Vorlage's record.

Linking runs over the whole store (after every ingest and on reindex), never inside one file's
extraction: minutes may arrive before or after the papers they decide on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .extract.vocabulary import KOERPERSCHAFT_KINDS
from .models import Beschluss, BeschlusslaufRow, Vorlage
from .store import Store
from .text.keys import identifier_keys

_KINDS = {k.lower() for k in KOERPERSCHAFT_KINDS}


def _council_words(name: str | None) -> frozenset[str]:
    words = re.findall(r"[\wäöüß-]+", (name or "").lower())
    return frozenset(w for w in words if w not in _KINDS and w not in ("der", "des"))


def same_council(a: str | None, b: str | None) -> bool | None:
    """True/False where both bodies are named ("Stadt Karlsruhe" is "Karlsruhe"); None where one is not."""
    wa, wb = _council_words(a), _council_words(b)
    if not wa or not wb:
        return None
    return wa <= wb or wb <= wa


def decisions_of(minutes: Vorlage) -> Iterable[tuple[str, Beschluss]]:
    """(Vorlage number as printed, the decision on it) for every paper the minutes' TOPs treat."""
    sitzung = minutes.sitzung
    for top in minutes.tops:
        own = dict(top.ergebnis_je_vorlage)
        for i, nr in enumerate(top.vorlagen):
            voted_apart = nr in own and i > 0
            yield (
                nr,
                Beschluss(
                    gremium=sitzung.gremium if sitzung else None,
                    datum=sitzung.datum if sitzung else minutes.datum,
                    top=top.nummer,
                    ergebnis=top.ergebnis_fuer(nr),
                    stimmen=None if voted_apart else top.stimmen,
                    text=top.beschluss,
                    niederschrift_id=minutes.id,
                ),
            )


def _targets(store: Store, minutes: Vorlage, nr: str) -> list[Vorlage]:
    """The Vorlagen numbered ``nr`` that the minutes can mean: papers (not minutes) of the same body;
    where a body is not named, only an unambiguous paper."""
    found = [r for r in store.find(nr) if not r.tops and r.id != minutes.id and r.art != "Niederschrift"]
    keys = set(identifier_keys(nr))
    found = [r for r in found if set(identifier_keys(r.vorlage_nr)) & keys]
    verdicts = [same_council(minutes.koerperschaft, r.koerperschaft) for r in found]
    sure = [r for r, v in zip(found, verdicts, strict=True) if v]
    if sure:
        return sure
    unknown = [r for r, v in zip(found, verdicts, strict=True) if v is None]
    councils = {frozenset(_council_words(r.koerperschaft)) for r in unknown}
    return unknown if len(councils) <= 1 else []


def relink(store: Store) -> list[str]:
    """Recompute `beschluesse` of every record from the minutes in the store; returns the ids whose
    record changed (their search documents must be written again). Nothing is read where no record
    was written since the last linking (Store.counter): the decisions are what they were then."""
    writes = store.counter("writes") or 0
    if store.counter("linked") == writes:
        return []
    wanted: dict[str, list[Beschluss]] = defaultdict(list)
    for minutes in store.iter_minutes():
        for nr, beschluss in decisions_of(minutes):
            for target in _targets(store, minutes, nr):
                if beschluss not in wanted[target.id]:
                    wanted[target.id].append(beschluss)
    changed = []
    for vid in set(wanted) | set(store.ids_with_beschluesse()):
        record = store.get(vid)
        if record is None:
            continue
        new = tuple(sorted(wanted.get(vid, ()), key=lambda b: (b.datum or "", b.niederschrift_id, b.top or "")))
        if new != record.beschluesse:
            store.set_beschluesse(vid, new)
            changed.append(vid)
    store.set_counter("linked", writes)
    return changed


def beschluss_of_row(record: Vorlage, row: BeschlusslaufRow) -> Beschluss | None:
    """The decision taken in the session a Beschlusslauf row names (see Vorlage.beschluss_of_row)."""
    return record.beschluss_of_row(row)


def _votes(stimmen: dict[str, int | None] | None) -> str:
    if not stimmen:
        return ""
    parts = [f"{n} {label}" for key, label in (("ja", "Ja"), ("nein", "Nein"), ("enthaltung", "Enthaltung"))
             if (n := stimmen.get(key)) is not None]  # fmt: skip
    return " (" + ", ".join(parts) + ")" if parts else ""


def format_beschluesse(r: Vorlage) -> list[str]:
    """Lines for `archiv show`: the decisions on a Vorlage, or the agenda of a Niederschrift."""
    lines: list[str] = []
    if r.beschluesse:
        lines.append("  Beschlüsse:")
        for b in r.beschluesse:
            where = " ".join(x for x in (b.datum, b.gremium, f"TOP {b.top}" if b.top else None) if x)
            lines.append(f"    {where}: {b.ergebnis or 'Ergebnis nicht erkannt'}{_votes(b.stimmen)}"
                         f"  [Niederschrift {b.niederschrift_id}]")  # fmt: skip
            if b.text:
                short = " ".join(b.text.split())
                lines.append("      " + (short if len(short) < 300 else short[:300] + " …"))
    if r.sitzung:
        s = r.sitzung
        lines.append(f"  Sitzung:       {' '.join(x for x in (s.gremium, s.datum) if x) or '(nicht erkannt)'}")
    if r.tops:
        lines.append("  Tagesordnung:")
        for t in r.tops:
            nrs = f" [{', '.join(t.vorlagen)}]" if t.vorlagen else ""
            result = f" → {t.ergebnis}{_votes(t.stimmen)}" if t.ergebnis else ""
            lines.append(f"    TOP {t.nummer}: {t.titel or '(ohne Titel)'}{nrs}{result}")
    return lines
