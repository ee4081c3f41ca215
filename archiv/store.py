"""The record store: SQLite in the index folder, the source of truth of the archive.

One row per record (the JSON record plus indexed columns for lookups); each file's record is
written in one transaction. Originals are kept content-addressed by sha256 so the archive stays
whole when the source share moves; the search index can always be rebuilt from here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import IndexStateError
from .extract.normalize import identifier_keys
from .grouping import SUMMARY_VERSION, Membership, Summary, split_version, summarize
from .models import Vorlage

SCHEMA = """
CREATE TABLE IF NOT EXISTS vorlagen (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    vorlage_nr TEXT,
    aktenzeichen TEXT,
    source_path TEXT NOT NULL,
    original TEXT,            -- path of the kept copy, relative to the index folder (NULL: --no-copy)
    oeffentlich INTEGER,      -- NULL = unknown
    indexed INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL
);
-- grouping (grouping.py): the record's summary, and the group it belongs to with its role there;
-- the columns are added to a store made by an earlier version when it is opened (GROUP_COLUMNS)
CREATE TABLE IF NOT EXISTS id_keys (
    key TEXT NOT NULL,
    kind TEXT NOT NULL,       -- vorlage_nr | aktenzeichen
    vorlage_id TEXT NOT NULL REFERENCES vorlagen(id) ON DELETE CASCADE,
    PRIMARY KEY (key, kind, vorlage_id)
);
CREATE INDEX IF NOT EXISTS id_keys_id ON id_keys(vorlage_id);
CREATE TABLE IF NOT EXISTS paths (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL
);
"""
_MEMBER = "group_id, group_role, group_koerperschaft, record"
GROUP_COLUMNS = (("grouping", "TEXT"), ("group_id", "TEXT"), ("group_role", "TEXT"), ("group_koerperschaft", "TEXT"))


class Store:
    def __init__(self, index_dir: Path, *, create: bool = False) -> None:
        self.dir = index_dir
        self.path = index_dir / "records.sqlite3"
        if not create and not self.path.exists():
            raise IndexStateError(f"no archive in {index_dir}: run 'archiv ingest PATH --index {index_dir}' first")
        index_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            have = {row[1] for row in self.db.execute("PRAGMA table_info(vorlagen)")}
            with self.db:
                for name, kind in GROUP_COLUMNS:
                    if name not in have:
                        self.db.execute(f"ALTER TABLE vorlagen ADD COLUMN {name} {kind}")
                self.db.execute("CREATE INDEX IF NOT EXISTS vorlagen_group ON vorlagen(group_id)")
        except sqlite3.DatabaseError as e:
            raise IndexStateError(f"{self.path}: cannot open the record store ({e})") from e

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------

    def put(self, record: Vorlage, original: bytes | None) -> None:
        """Store a record and (unless None) its original bytes, in one transaction."""
        rel = self._keep_original(record.source.sha256, original) if original is not None else None
        data = json.dumps(record.to_dict(), ensure_ascii=False)
        summary = summarize(record, original).to_json()
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO vorlagen (id, sha256, vorlage_nr, aktenzeichen, source_path, original,"
                " oeffentlich, indexed, record, grouping) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (
                    record.id,
                    record.source.sha256,
                    record.vorlage_nr,
                    record.aktenzeichen,
                    record.source.path,
                    rel,
                    None if record.oeffentlich is None else int(record.oeffentlich),
                    data,
                    summary,
                ),
            )
            self.db.execute("DELETE FROM id_keys WHERE vorlage_id = ?", (record.id,))
            # a revised version ("DS 79/2016 – 1. Ergänzung") is found by its base number too
            numbers = (record.vorlage_nr, split_version(record.vorlage_nr)[0]) if record.vorlage_nr else ()
            rows = [(k, "vorlage_nr", record.id) for n in numbers for k in identifier_keys(n)]
            rows += [(k, "aktenzeichen", record.id) for k in identifier_keys(record.aktenzeichen)]
            self.db.executemany("INSERT OR IGNORE INTO id_keys (key, kind, vorlage_id) VALUES (?, ?, ?)", rows)
            self.db.execute(
                "INSERT OR REPLACE INTO paths (path, sha256) VALUES (?, ?)", (record.source.path, record.source.sha256)
            )

    def remember_path(self, path: str, sha256: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO paths (path, sha256) VALUES (?, ?)", (path, sha256))

    def mark_indexed(self, ids: list[str], value: bool = True) -> None:
        with self.db:
            if ids:
                self.db.executemany("UPDATE vorlagen SET indexed = ? WHERE id = ?", [(int(value), i) for i in ids])

    def mark_all_unindexed(self) -> None:
        with self.db:
            self.db.execute("UPDATE vorlagen SET indexed = 0")

    def set_groups(self, memberships: dict[str, Membership]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE vorlagen SET group_id = ?, group_role = ?, group_koerperschaft = ? WHERE id = ?",
                [(m.group, m.role, m.koerperschaft, i) for i, m in memberships.items()],
            )

    def _keep_original(self, sha256: str, data: bytes) -> str:
        rel = f"originals/{sha256[:2]}/{sha256}"
        target = self.dir / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Write to a temporary file and rename, so a crash never leaves half a file.
            fd, tmp = tempfile.mkstemp(dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        return rel

    # -- reading ---------------------------------------------------------------------------

    def has_sha(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM vorlagen WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def get(self, vorlage_id: str) -> Vorlage | None:
        row = self.db.execute("SELECT record FROM vorlagen WHERE id = ?", (vorlage_id,)).fetchone()
        return Vorlage.from_dict(json.loads(row[0])) if row else None

    def get_many(self, ids: list[str]) -> dict[str, Vorlage]:
        out: dict[str, Vorlage] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for vid, rec in self.db.execute(f"SELECT id, record FROM vorlagen WHERE id IN ({marks})", chunk):
                out[vid] = Vorlage.from_dict(json.loads(rec))
        return out

    def find(self, query: str) -> list[Vorlage]:
        """Records by id (or id prefix of at least 6 characters), Vorlage-Nr. or Aktenzeichen, any variant."""
        q = query.strip()
        if len(q) >= 6 and all(c in "0123456789abcdef" for c in q.lower()):
            rows = self.db.execute("SELECT record FROM vorlagen WHERE id LIKE ?", (q.lower() + "%",)).fetchall()
            if rows:
                return [Vorlage.from_dict(json.loads(r[0])) for r in rows]
        keys = identifier_keys(q)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT DISTINCT v.record FROM id_keys k JOIN vorlagen v ON v.id = k.vorlage_id WHERE k.key IN ({marks})"
            " ORDER BY k.kind DESC, v.id",
            keys,
        ).fetchall()
        return [Vorlage.from_dict(json.loads(r[0])) for r in rows]

    def original_path(self, vorlage_id: str) -> Path | None:
        row = self.db.execute("SELECT original, source_path FROM vorlagen WHERE id = ?", (vorlage_id,)).fetchone()
        if not row:
            return None
        if row[0]:
            return self.dir / row[0]
        return Path(row[1])

    def summaries(self) -> list[tuple[Summary, Membership | None]]:
        """Every record's grouping summary and its group; a summary missing (a store of an earlier
        version) is made now from the record and its kept original."""
        sql = "SELECT id FROM vorlagen WHERE grouping IS NULL OR json_extract(grouping, '$.v') IS NOT ?"
        missing = [i for (i,) in self.db.execute(sql, (SUMMARY_VERSION,))]
        for i in missing:
            record = self.get(i)
            path = self.original_path(i)
            original = path.read_bytes() if path is not None and path.is_file() else None
            if record is not None:
                with self.db:
                    self.db.execute(
                        "UPDATE vorlagen SET grouping = ? WHERE id = ?", (summarize(record, original).to_json(), i)
                    )
        out = []
        sql = "SELECT grouping, group_id, group_role, group_koerperschaft FROM vorlagen"
        for text, group, role, body in self.db.execute(sql):
            out.append((Summary.from_json(text), Membership(group, role, body) if group else None))
        return out

    def group_members(self, group_ids: list[str]) -> dict[str, list[tuple[Vorlage, Membership]]]:
        """The records of each group, with their memberships."""
        out: dict[str, list[tuple[Vorlage, Membership]]] = {}
        for i in range(0, len(group_ids), 500):
            chunk = group_ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {_MEMBER} FROM vorlagen WHERE group_id IN ({marks})"
            for group, role, body, rec in self.db.execute(sql, chunk):
                out.setdefault(group, []).append((Vorlage.from_dict(json.loads(rec)), Membership(group, role, body)))
        return out

    def group_ids(self, ids: list[str]) -> dict[str, str]:
        """The group of each record (records not grouped yet are left out)."""
        out: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, group_id FROM vorlagen WHERE id IN ({marks}) AND group_id IS NOT NULL"
            out.update(self.db.execute(sql, chunk).fetchall())
        return out

    def iter_groups(self, batch: int = 500) -> Iterator[tuple[str, list[tuple[Vorlage, Membership]]]]:
        """Every group with its records, one after another (grouped records only)."""
        cur = self.db.execute(f"SELECT {_MEMBER} FROM vorlagen WHERE group_id IS NOT NULL ORDER BY group_id")
        current: str | None = None
        members: list[tuple[Vorlage, Membership]] = []
        while rows := cur.fetchmany(batch):
            for group, role, body, rec in rows:
                if group != current and members:
                    yield current, members  # type: ignore[misc]
                    members = []
                current = group
                members.append((Vorlage.from_dict(json.loads(rec)), Membership(group, role, body)))
        if members:
            yield current, members  # type: ignore[misc]

    def unindexed_ids(self) -> list[str]:
        return [i for (i,) in self.db.execute("SELECT id FROM vorlagen WHERE indexed = 0")]

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM vorlagen").fetchone()[0]

    def iter_records(self, only_unindexed: bool = False, batch: int = 500) -> Iterator[Vorlage]:
        sql = "SELECT record FROM vorlagen" + (" WHERE indexed = 0" if only_unindexed else "") + " ORDER BY id"
        cur = self.db.execute(sql)
        while rows := cur.fetchmany(batch):
            for (rec,) in rows:
                yield Vorlage.from_dict(json.loads(rec))
