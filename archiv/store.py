"""The record store: SQLite in the index folder, the source of truth of the archive.

One row per record (the JSON record plus indexed columns for lookups); each file's record is
written in one transaction. Originals are kept content-addressed by sha256 so the archive stays
whole when the source share moves; the search index can always be rebuilt from here.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import IndexStateError
from .extract.normalize import identifier_bases, identifier_keys
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
CREATE TABLE IF NOT EXISTS id_keys (
    key TEXT NOT NULL,
    kind TEXT NOT NULL,       -- vorlage_nr | aktenzeichen | version (the base number of a revision)
    vorlage_id TEXT NOT NULL REFERENCES vorlagen(id) ON DELETE CASCADE,
    PRIMARY KEY (key, kind, vorlage_id)
);
CREATE INDEX IF NOT EXISTS id_keys_id ON id_keys(vorlage_id);
CREATE TABLE IF NOT EXISTS paths (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL
);
"""


KEYS_VERSION = 1  # raised when identifier_keys changes: the keys of every record are computed anew


def _key_rows(record: Vorlage) -> list[tuple[str, str, str]]:
    rows = [(k, "vorlage_nr", record.id) for k in identifier_keys(record.vorlage_nr)]
    rows += [(k, "aktenzeichen", record.id) for k in identifier_keys(record.aktenzeichen)]
    rows += [(k, "version", record.id) for k in identifier_bases(record.vorlage_nr)]
    rows += [(k, "version", record.id) for k in identifier_bases(record.aktenzeichen, aktenzeichen=True)]
    return rows


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
            if self.db.execute("PRAGMA user_version").fetchone()[0] < KEYS_VERSION:
                # a read-only store keeps its old keys: identifiers match as before
                with contextlib.suppress(sqlite3.OperationalError):
                    self._rebuild_keys()
        except sqlite3.DatabaseError as e:
            raise IndexStateError(f"{self.path}: cannot open the record store ({e})") from e

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------

    def put(self, record: Vorlage, original: bytes | None) -> None:
        """Store a record and (unless None) its original bytes, in one transaction."""
        rel = self._keep_original(record.source.sha256, original) if original is not None else None
        data = json.dumps(record.to_dict(), ensure_ascii=False)
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO vorlagen (id, sha256, vorlage_nr, aktenzeichen, source_path, original,"
                " oeffentlich, indexed, record) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                (
                    record.id,
                    record.source.sha256,
                    record.vorlage_nr,
                    record.aktenzeichen,
                    record.source.path,
                    rel,
                    None if record.oeffentlich is None else int(record.oeffentlich),
                    data,
                ),
            )
            self.db.execute("DELETE FROM id_keys WHERE vorlage_id = ?", (record.id,))
            self.db.executemany(
                "INSERT OR IGNORE INTO id_keys (key, kind, vorlage_id) VALUES (?, ?, ?)", _key_rows(record)
            )
            self.db.execute(
                "INSERT OR REPLACE INTO paths (path, sha256) VALUES (?, ?)", (record.source.path, record.source.sha256)
            )

    def _rebuild_keys(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM id_keys")
            for (rec,) in self.db.execute("SELECT record FROM vorlagen").fetchall():
                rows = _key_rows(Vorlage.from_dict(json.loads(rec)))
                self.db.executemany("INSERT OR IGNORE INTO id_keys (key, kind, vorlage_id) VALUES (?, ?, ?)", rows)
            self.db.execute(f"PRAGMA user_version = {KEYS_VERSION}")

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
            f"SELECT v.id, v.record, MIN(CASE k.kind WHEN 'vorlage_nr' THEN 0 WHEN 'aktenzeichen' THEN 1 ELSE 2 END)"
            f" AS rank FROM id_keys k JOIN vorlagen v ON v.id = k.vorlage_id WHERE k.key IN ({marks})"
            " GROUP BY v.id ORDER BY rank, v.id",
            keys,
        ).fetchall()
        return [Vorlage.from_dict(json.loads(r[1])) for r in rows]

    def original_path(self, vorlage_id: str) -> Path | None:
        row = self.db.execute("SELECT original, source_path FROM vorlagen WHERE id = ?", (vorlage_id,)).fetchone()
        if not row:
            return None
        if row[0]:
            return self.dir / row[0]
        return Path(row[1])

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM vorlagen").fetchone()[0]

    def iter_raw(self, batch: int = 500) -> Iterator[tuple[str, str, str]]:
        """(id, source path, record JSON) of every record, unparsed: for workers that parse them."""
        cur = self.db.execute("SELECT id, source_path, record FROM vorlagen ORDER BY id")
        while rows := cur.fetchmany(batch):
            yield from rows

    def iter_records(self, only_unindexed: bool = False, batch: int = 500) -> Iterator[Vorlage]:
        sql = "SELECT record FROM vorlagen" + (" WHERE indexed = 0" if only_unindexed else "") + " ORDER BY id"
        cur = self.db.execute(sql)
        while rows := cur.fetchmany(batch):
            for (rec,) in rows:
                yield Vorlage.from_dict(json.loads(rec))
