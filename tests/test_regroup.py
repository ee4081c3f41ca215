"""Grouping at each index commit only what changed (archiv/regroup.py) gives the very groups that
grouping the whole store gives, after ingests, deletions and revisions of every kind of link."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from archiv.grouping import Membership, Summary, assign, file_key, paper_number
from archiv.models import SourceInfo, Vorlage
from archiv.regroup import regroup
from archiv.store import Store

COUNCILS = ("nord", "sued", "ost", "west")
FOLDERS = ("vorlagen", "vorlagen/DS_5_2024", "oparl", "anlagen", "texte", "")
BODIES = {"nord": ("Gemeinde Nord", "Gemeinde  Nord", "gemeinde nord"), "sued": ("Stadt Süd", "Stadt Sued"),
          "ost": ("Gemeinde Ost",), "west": ("Stadt West", "Stadt West")}  # fmt: skip


def _number(rnd: random.Random) -> str:
    k = rnd.randint(1, 40)
    return rnd.choice((f"DS {k}/2024", f"DS {k}/2024 – 1. Ergänzung", f"{k}/2024", f"DS {k}/2024 Neufassung"))


def _name(rnd: random.Random) -> str:
    k = rnd.randint(1, 40)
    names = (f"Vorlage_{k}", f"ds-{k}-2024", f"Anlage_{rnd.randint(1, 3)}", f"Anlage_{k}_Lageplan", f"{650400 + k}",
             f"00{650400 + k}", f"DS_{k}_2024", "protokoll", f"Beschlussvorlage_DS_{k}-2024")  # fmt: skip
    return rnd.choice(names)


def _record(i: str, path: str) -> Vorlage:
    source = SourceInfo(path, i * 4, "text", None, None, "2026-01-01T00:00:00+00:00")
    return Vorlage(
        id=i, vorlage_nr=None, aktenzeichen=None, art=None, datum=None, oeffentlich=True, koerperschaft=None,
        fachbereich=None, beteiligungen=(), produkt=None, betreff=None, beschlusslauf=(), beschlussvorschlag=None,
        begruendung=None, anlagen=(), entities={}, source=source, text="",
    )  # fmt: skip


def _summary(rnd: random.Random, i: str) -> Summary:
    """A record of any kind grouping links: numbered or not, an Anlage by name or by a printed
    number, an OParl Paper naming files, twins by name, with or without a Körperschaft."""
    council = rnd.choice(COUNCILS)
    folder = rnd.choice(FOLDERS) if rnd.random() < 0.9 else f"neu/{i}"  # now and then a folder of its own
    path = f"/ris/{council}/{folder}/{_name(rnd)}.{rnd.choice(('txt', 'pdf', 'json'))}".replace("//", "/")
    base, version = paper_number(_number(rnd)) if rnd.random() < 0.7 else (None, None)
    body = rnd.choice(BODIES[council]) if rnd.random() < 0.7 else None
    if rnd.random() < 0.05:  # a file in another council's folder
        body = rnd.choice(BODIES[rnd.choice(COUNCILS)])
    refs: tuple[tuple[str, str], ...] = ()
    if rnd.random() < 0.15:
        refs = tuple((file_key(_name(rnd)), rnd.choice(("haupt", "anlage"))) for _ in range(rnd.randint(1, 2)))
    anlage_zu = paper_number(_number(rnd))[0] if rnd.random() < 0.15 else None
    scope = " ".join(body.lower().replace("ü", "u").split()) if body else None
    anlage = "anlage" in path.lower() or rnd.random() < 0.1
    return Summary(i, path, base, version, scope, anlage, anlage_zu, refs, rnd.randint(0, 12), body)


def _put(store: Store, s: Summary) -> None:
    store.put(_record(s.id, s.path), None)
    with store.db:  # the summary as grouping reads it (any kind of record, without writing its file)
        store.db.execute("UPDATE vorlagen SET grouping = ? WHERE id = ?", (s.to_json(), s.id))


def _stored(store: Store) -> dict[str, Membership]:
    rows = store.db.execute("SELECT id, group_id, group_role, group_koerperschaft FROM vorlagen")
    return {i: Membership(g, role, body) for i, g, role, body in rows}


def test_incremental_regroup_agrees_with_grouping_the_whole_store(tmp_path: Path) -> None:
    rnd = random.Random(16)
    store = Store(tmp_path, create=True)
    ids = iter(f"{n:016x}" for n in range(10_000))
    moved = 0
    for step in range(60):
        present = [i for (i,) in store.db.execute("SELECT id FROM vorlagen")]
        for _ in range(rnd.randint(1, 8) if step else 150):  # an ingest batch
            _put(store, _summary(rnd, next(ids)))
        if present and step % 3 == 1:  # records removed
            doomed = rnd.sample(present, min(len(present), rnd.randint(1, 3)))
            with store.db:
                store.db.executemany("DELETE FROM vorlagen WHERE id = ?", [(i,) for i in doomed])
        if present and step % 4 == 2:  # the same record again with other findings (a revised reading)
            for i in rnd.sample(present, min(len(present), 2)):
                if store.get(i) is not None:
                    _put(store, replace(_summary(rnd, i), path=store.get(i).source.path))
        before = _stored(store)
        stale, again = regroup(store)
        expected = assign([s for s, _ in store.summaries()])  # the whole store, from scratch
        assert _stored(store) == expected, f"step {step}"
        moved += sum(before.get(i) != m for i, m in expected.items())
        assert {m.group for i, m in expected.items() if before.get(i) != m} <= again
        assert not stale & {m.group for m in expected.values()}
    assert moved > 100  # the sequence did move records between groups


def test_a_store_without_link_tables_is_grouped_whole_once(tmp_path: Path) -> None:
    rnd = random.Random(3)
    store = Store(tmp_path, create=True)
    for n in range(30):
        _put(store, _summary(rnd, f"{n:016x}"))
    regroup(store)
    with store.db:
        store.db.execute("DROP TABLE group_links")
        store.db.execute("UPDATE vorlagen SET group_id = NULL")
    regroup(store)
    assert _stored(store) == assign([s for s, _ in store.summaries()])
    assert regroup(store) == (set(), set())  # nothing changed since
    with store.db:  # records grouped by a version that kept no links, and a new one: all linked anew
        store.db.execute("DELETE FROM group_links WHERE rowid % 3 = 0")
    _put(store, _summary(rnd, f"{99:016x}"))
    regroup(store)
    assert _stored(store) == assign([s for s, _ in store.summaries()])
    assert store.db.execute("SELECT COUNT(*) FROM group_links").fetchone()[0] == store.count()
