"""Grouping kept up to date by what changed, not computed again over the whole store.

At every index commit, only the records added, replaced or removed since the last one, and every record
they can move, are grouped again: grouping.assign over that part, with the areas of the folders and the
spellings of the Körperschaften of the whole archive.

Beside each record the store keeps its link keys (tables below): the keys through which assign can
join it to another record (its base number, the number an Anlage prints, its file name, the files an
OParl Paper names, its folder), and the keys of the records its own grouping depends on ("near"). The
records a change can move are the closure of the changed records under "depends on a key of" and "was
in one group with". assign over that closure gives what it gives over the whole store, because every
link and every choice between records (the first of equals, the nearest one) that concerns a record of
the closure concerns only records of the closure, in the same order (the store's). A store without
these tables, a summary of another version, a changed spelling or a closure of more than a third of
the archive is grouped whole.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from .grouping import SUMMARY_VERSION, Context, Membership, Summary, assign, file_key
from .grouping_areas import INFER_LEVELS, area_of, areas_of, spellings
from .store import Store

LINKS_VERSION = "1"  # raise when grouping.assign links records by anything else
SCHEMA = """
CREATE TABLE IF NOT EXISTS group_links (
    id TEXT PRIMARY KEY,
    folder TEXT NOT NULL,     -- JSON list of the folder names of its path
    parent TEXT,              -- the same of the folder above (NULL at the top)
    scope TEXT,               -- Summary.scope
    spelling TEXT,            -- its Körperschaft as printed, spaces folded
    near TEXT NOT NULL,       -- JSON list of the keys of the records its grouping depends on
    grp TEXT                  -- the group it was given last
);
CREATE INDEX IF NOT EXISTS group_links_folder ON group_links(folder);
CREATE INDEX IF NOT EXISTS group_links_parent ON group_links(parent);
CREATE INDEX IF NOT EXISTS group_links_scope ON group_links(scope);
CREATE INDEX IF NOT EXISTS group_links_grp ON group_links(grp);
CREATE TABLE IF NOT EXISTS group_keys (key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS group_keys_id ON group_keys(id);
-- kind 'area': folder -> Körperschaft of its surroundings; 'spelling': scope -> as shown; 'version'
CREATE TABLE IF NOT EXISTS group_context (kind TEXT NOT NULL, name TEXT NOT NULL, value TEXT,
                                          PRIMARY KEY (kind, name));
"""
CHUNK = 500  # ids per IN (...) query
_VERSION = f"{LINKS_VERSION}+{SUMMARY_VERSION}"
assert INFER_LEVELS == 2, "the tables keep a folder and the one above it"


def _folders(path: str) -> tuple[str, ...]:
    """grouping's folders of a path (PurePath's parts of its parent), without PurePath for a plain path."""
    if "\\" in path or "//" in path or "/." in path or path.startswith(".") or path.endswith("/"):
        return PurePath(path.replace("\\", "/")).parent.parts
    parts = path.split("/")[:-1]
    return ("/", *parts[1:]) if parts and not parts[0] else tuple(parts)


def links(s: Summary) -> tuple[list[str], list[str]]:
    """(the keys of a record, the keys of the records its grouping depends on)."""
    folders = _folders(s.path)
    folder = json.dumps(list(folders))
    fk = file_key(s.path)
    own, near = [f"f{fk}", *(f"r{k}" for k, _ in s.refs)], [f"r{fk}", *(f"f{k}" for k, _ in s.refs)]
    if any(c.isdigit() for c in fk) and any(c.isalpha() for c in fk):  # twins by name
        near.append(f"f{fk}")
    if s.base:  # the same number: of its own Körperschaft, and those naming none (which join the nearest)
        own += [f"b{s.base}", f"b{s.base}|{s.scope or ''}"]
        near += [f"b{s.base}|{s.scope}", f"b{s.base}|"] if s.scope else [f"b{s.base}"]
        near.append(f"z{s.base}")
        if not s.anlage:  # a paper of its folder, which an Anlage without a number there may name
            own.append(f"p{folder}|{s.base}")
            near.append(f"u{folder}|{s.base}")
    else:
        parts = "-".join(file_key(p) for p in (*folders[-1:], s.path)).split("-")
        runs = ["-".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)]
        own += [f"u{folder}|{run}" for run in runs]
        near += [f"p{folder}|{run}" for run in runs]
    if s.anlage_zu:
        own.append(f"z{s.anlage_zu}")
        near.append(f"b{s.anlage_zu}")
    return list(dict.fromkeys(own)), list(dict.fromkeys(near))


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    items = list(items)
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _rows(store: Store, sql: str, ids: Iterable[str]) -> Iterator[tuple]:
    """``sql`` with "{}" standing for the marks of a chunk of ``ids``, over all of them."""
    for chunk in _chunks(ids):
        yield from store.db.execute(sql.format(",".join("?" * len(chunk))), chunk)


def _context(store: Store, kind: str, names: Iterable[str]) -> dict[str, str | None]:
    sql = "SELECT name, value FROM group_context WHERE kind = '" + kind + "' AND name IN ({})"
    return dict(_rows(store, sql, set(names)))


def _save_links(store: Store, summaries: Iterable[Summary], groups: dict[str, Membership]) -> None:
    rows, keys = [], []
    for s in summaries:
        own, near = links(s)
        folders = _folders(s.path)
        parent = json.dumps(list(folders[:-1])) if folders else None
        spelling = " ".join(s.koerperschaft.split()) if s.scope and s.koerperschaft else None
        m = groups.get(s.id)
        rows.append((s.id, json.dumps(list(folders)), parent, s.scope, spelling, json.dumps(near), m and m.group))
        keys += [(k, s.id) for k in own]
    store.db.executemany("INSERT OR REPLACE INTO group_links VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    store.db.executemany("INSERT OR IGNORE INTO group_keys VALUES (?, ?)", keys)


def _counts(store: Store, folder: str) -> Counter[str]:
    sql = "SELECT scope, COUNT(*) FROM group_links WHERE scope IS NOT NULL AND (folder = ? OR parent = ?) GROUP BY 1"
    return Counter(dict(store.db.execute(sql, (folder, folder))))


def _spelling(store: Store, scope: str) -> str | None:
    """The spelling most records of ``scope`` print, the first in the store of equals (as grouping.spellings)."""
    row = store.db.execute(
        "SELECT g.spelling FROM group_links g JOIN vorlagen v ON v.id = g.id WHERE g.scope = ? AND g.spelling"
        " IS NOT NULL GROUP BY g.spelling ORDER BY COUNT(*) DESC, MIN(v.rowid) LIMIT 1",
        (scope,),
    ).fetchone()
    return row[0] if row else None


def changes(old: dict[str, Membership | None], new: dict[str, Membership]) -> tuple[set[str], set[str]]:
    """(index documents to delete, groups to index again) when the groups go from ``old`` to ``new``."""
    in_use = {m.group for m in new.values()}
    changed = [i for i, m in new.items() if old.get(i) != m]
    again = {new[i].group for i in changed}
    before = {m.group for i in changed if (m := old.get(i)) is not None}
    return before - in_use, again | (before & in_use)


def regroup_all(store: Store) -> tuple[set[str], set[str]]:
    """Group the whole store anew and keep its link keys (see regroup)."""
    rows = store.summaries()
    summaries = [s for s, _ in rows]
    where = [_folders(s.path) for s in summaries]
    context: Context = (areas_of(where, summaries), spellings(summaries))
    new = assign(summaries, context)
    old = {s.id: m for s, m in rows}
    stale, again = changes(old, new)
    store.db.executescript(SCHEMA)
    with store.db:
        for table in ("group_links", "group_keys", "group_context"):
            store.db.execute(f"DELETE FROM {table}")
        _save_links(store, summaries, new)
        context_rows = [("area", json.dumps(list(f)), a) for f, a in context[0].items()]
        context_rows += [("spelling", sc, sp) for sc, sp in context[1].items()] + [("version", "links", _VERSION)]
        store.db.executemany("INSERT INTO group_context VALUES (?, ?, ?)", context_rows)
    store.set_groups({i: m for i, m in new.items() if old.get(i) != m})
    return stale, again


def _ready(store: Store) -> bool:
    """Whether the link tables are there, made from summaries of this version (else they are made anew, and
    Store.summaries makes every summary of another version again)."""
    tables = "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('group_links', 'group_keys', 'group_context')"
    if store.db.execute(tables).fetchone()[0] != 3:
        return False
    row = store.db.execute("SELECT value FROM group_context WHERE kind = 'version' AND name = 'links'").fetchone()
    return row is not None and row[0] == _VERSION


def regroup(store: Store) -> tuple[set[str], set[str]]:
    """Group again what the records added, replaced or removed since the last time can move, and save
    what changed; returns (index documents to delete, groups to index again)."""
    if not _ready(store):
        return regroup_all(store)
    db = store.db
    added = [i for (i,) in db.execute("SELECT id FROM vorlagen WHERE group_id IS NULL")]
    # Every grouped record has its links: records were removed where the links outnumber them.
    linked = sum(1 for _ in _rows(store, "SELECT 1 FROM group_links WHERE id IN ({})", added))
    count = "SELECT (SELECT COUNT(*) FROM group_links) - (SELECT COUNT(*) FROM vorlagen)"
    gone = db.execute(count).fetchone()[0] + len(added) - linked
    if gone < 0:  # grouped records without links (grouped by a version before them): the links are made anew
        return regroup_all(store)
    removed: set[str] = set()
    if gone:
        removed = {i for (i,) in db.execute("SELECT id FROM group_links WHERE id NOT IN (SELECT id FROM vorlagen)")}
    if not added and not removed:
        return set(), set()
    # What the changed records were: their keys' neighbours and groups may move too.
    sql = "SELECT id, folder, parent, scope, spelling, near, grp FROM group_links WHERE id IN ({})"
    before = {r[0]: r for r in _rows(store, sql, [*added, *removed])}
    fresh = [Summary.from_json(t) for (t,) in _rows(store, "SELECT grouping FROM vorlagen WHERE id IN ({})", added)]
    with db:
        for chunk in _chunks(before):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM group_links WHERE id IN ({marks})", chunk)
            db.execute(f"DELETE FROM group_keys WHERE id IN ({marks})", chunk)
        _save_links(store, fresh, {})
    now = {r[0]: r for r in _rows(store, sql, added)}
    changed = [*before.values(), *now.values()]
    seeds = set(added) | _moved_areas(store, changed)
    if not _spellings_kept(store, before.values(), now.values()):
        return regroup_all(store)
    members = _closure(store, seeds, {k for r in changed for k in json.loads(r[5])}, {r[6] for r in changed if r[6]})
    if members is None:
        return regroup_all(store)
    rows = sorted(_rows(store, f"SELECT rowid, {_MEMBERSHIP} FROM vorlagen WHERE id IN ({{}})", members))
    summaries = [Summary.from_json(t) for _, t, *_ in rows]
    old = {
        s.id: Membership(g, role, body) if g else None for s, (_, _, g, role, body) in zip(summaries, rows, strict=True)
    }
    areas = _context(store, "area", (json.dumps(list(_folders(s.path))) for s in summaries))
    context: Context = (
        {tuple(json.loads(f)): a for f, a in areas.items()},
        # the Körperschaften the records name, and those of their surroundings (a group's body may be either)
        {k: v for k, v in _context(store, "spelling", {s.scope for s in summaries} | set(areas.values())).items() if v},
    )
    new = assign(summaries, context)
    stale, again = changes(old, new)
    in_use = {m.group for m in new.values()}
    stale |= {r[6] for r in before.values() if r[0] in removed and r[6] and r[6] not in in_use}
    moved = {i: m for i, m in new.items() if old.get(i) != m}
    store.set_groups(moved)
    with db:
        db.executemany("UPDATE group_links SET grp = ? WHERE id = ?", [(m.group, i) for i, m in new.items()])
    return stale, again


_MEMBERSHIP = "grouping, group_id, group_role, group_koerperschaft"


def _moved_areas(store: Store, rows: list[tuple]) -> set[str]:
    """The records of the folders whose area the changed records changed (those with a Körperschaft:
    their folder, the one above and the folders in either); every folder of a record gets its area."""
    near = {r[1] for r in rows} | {r[2] for r in rows if r[3] and r[2] is not None}
    sql = "SELECT DISTINCT folder FROM group_links WHERE folder IN ({0}) OR parent IN ({0})"
    folders = set()
    for chunk in _chunks(near):
        folders |= {f for (f,) in store.db.execute(sql.format(",".join("?" * len(chunk))), chunk + chunk)}
    known = _context(store, "area", folders | near)
    out: set[str] = set()
    with store.db:
        for f in folders:
            area = area_of(tuple(json.loads(f)), lambda g: _counts(store, json.dumps(list(g))))
            if f not in known or known[f] != area:
                store.db.execute("INSERT OR REPLACE INTO group_context VALUES ('area', ?, ?)", (f, area))
                if f in known:
                    out |= {i for (i,) in store.db.execute("SELECT id FROM group_links WHERE folder = ?", (f,))}
        gone = [f for f in near - folders if f in known]
        store.db.executemany("DELETE FROM group_context WHERE kind = 'area' AND name = ?", [(f,) for f in gone])
    return out


def _spellings_kept(store: Store, before: Iterable[tuple], now: Iterable[tuple]) -> bool:
    """Update the spellings of the Körperschaften of the changed records (their rows ``before`` and
    ``now``); False where one a Vorlage may show changed (all is grouped again then)."""
    went, came = [r for r in before if r[3]], [r for r in now if r[3]]
    known = _context(store, "spelling", {r[3] for r in [*went, *came]})
    # The spelling shown can only change where a record of it went, or one of another came.
    scopes = {r[3] for r in went if r[4] == known.get(r[3])} | {r[3] for r in came if r[4] != known.get(r[3])}
    with store.db:
        for sc in scopes:
            chosen = _spelling(store, sc)
            if known.get(sc) is not None and chosen != known[sc]:
                return False
            store.db.execute("INSERT OR REPLACE INTO group_context VALUES ('spelling', ?, ?)", (sc, chosen))
    return True


def _closure(store: Store, seeds: set[str], keys: set[str], groups: set[str]) -> set[str] | None:
    """Every record that shares a key ``keys`` names or a group with one found, and so on; None where
    that is more than a third of the archive (grouping it whole is as fast)."""
    limit = max(2_000, store.count() // 3)
    members, seen_keys, seen_groups = set(seeds), set(), set()
    sql_near = "SELECT near, grp FROM group_links WHERE id IN ({})"
    for near, grp in _rows(store, sql_near, seeds):
        keys |= set(json.loads(near))
        groups |= {grp} if grp else set()
    while keys or groups:
        found = {i for (i,) in _rows(store, "SELECT id FROM group_keys WHERE key IN ({})", keys - seen_keys)}
        found |= {i for (i,) in _rows(store, "SELECT id FROM group_links WHERE grp IN ({})", groups - seen_groups)}
        seen_keys |= keys
        seen_groups |= groups
        new = found - members
        members |= new
        if len(members) > limit:
            return None
        keys, groups = set(), set()
        for near, grp in _rows(store, sql_near, new):
            keys |= set(json.loads(near)) - seen_keys
            if grp and grp not in seen_groups:
                groups.add(grp)
    return members
