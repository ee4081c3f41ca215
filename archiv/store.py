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
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .errors import IndexStateError
from .fsnames import fs_path
from .grouping import summarize
from .ledger import INGEST_SCHEMA, Ledger
from .models import Beschluss, Vorlage
from .sqlin import in_chunks
from .store_docs import DocumentRows
from .store_groups import GroupRows
from .text.keys import identifier_bases, identifier_keys

SCHEMA = """
CREATE TABLE IF NOT EXISTS vorlagen (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    vorlage_nr TEXT,
    aktenzeichen TEXT,
    source_path TEXT NOT NULL,
    original TEXT,            -- path of the kept copy, relative to the index folder (NULL: --no-copy)
    oeffentlich INTEGER,      -- NULL = unknown
    indexed INTEGER NOT NULL DEFAULT 0,  -- unused since the table unindexed (kept: older stores have it)
    record TEXT NOT NULL
);
-- grouping (grouping.py): the record's summary, and the group it belongs to with its role there;
-- the columns are added to a store made by an earlier version when it is opened (GROUP_COLUMNS)
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
# Made where a store is opened (a store of an earlier version is migrated then; one on a read-only
# share is read as it is, its flags in the column ``indexed``):
STATE_SCHEMA = """
-- The records whose search document is not written yet. A table of its own, not a column of
-- vorlagen: SQLite rewrites a whole row (with its record) when one column changes, so a rebuild
-- marking every record would rewrite the whole store twice.
CREATE TABLE IF NOT EXISTS unindexed (id TEXT PRIMARY KEY) WITHOUT ROWID;
-- "writes": how many times records (or their identifier keys) were written, "linked": that count when
-- the decisions were last linked over the whole store (beschluesse.relink), which need not run again
-- while no record changed.
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""
GROUP_COLUMNS = (("grouping", "TEXT"), ("group_id", "TEXT"), ("group_role", "TEXT"), ("group_koerperschaft", "TEXT"))

KEYS_VERSION = 1  # raised when identifier_keys changes: the keys of every record are computed anew


def _key_rows(record: Vorlage) -> list[tuple[str, str, str]]:
    rows = [(k, "vorlage_nr", record.id) for k in identifier_keys(record.vorlage_nr)]
    rows += [(k, "aktenzeichen", record.id) for k in identifier_keys(record.aktenzeichen)]
    rows += [(k, "version", record.id) for k in identifier_bases(record.vorlage_nr)]
    rows += [(k, "version", record.id) for k in identifier_bases(record.aktenzeichen, aktenzeichen=True)]
    return rows


class Store(Ledger, GroupRows, DocumentRows):
    def __init__(self, index_dir: Path, *, create: bool = False) -> None:
        self.dir = index_dir
        self.path = index_dir / "records.sqlite3"
        if not create and not self.path.exists():
            raise IndexStateError(f"no archive in {index_dir}: run 'archiv ingest PATH --index {index_dir}' first")
        index_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a commit survives a killed process (only a power cut may lose the last
            # ones), without an fsync per file.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(SCHEMA)
            self._migrate_state()
            have = {row[1] for row in self.db.execute("PRAGMA table_info(vorlagen)")}
            with self.db:
                for name, kind in GROUP_COLUMNS:
                    if name not in have:
                        self.db.execute(f"ALTER TABLE vorlagen ADD COLUMN {name} {kind}")
                self.db.execute("CREATE INDEX IF NOT EXISTS vorlagen_group ON vorlagen(group_id)")
            self._migrate_documents()
            if create:
                self.db.executescript(INGEST_SCHEMA)
            if self.db.execute("PRAGMA user_version").fetchone()[0] < KEYS_VERSION:
                # a read-only store keeps its old keys: identifiers match as before
                with contextlib.suppress(sqlite3.OperationalError):
                    self._rebuild_keys()
        except sqlite3.DatabaseError as e:
            raise IndexStateError(f"{self.path}: cannot open the record store ({e})") from e

    def _migrate_state(self) -> None:
        tables = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self._flags = "unindexed" in tables  # False: a store from before, read-only (the column's flags)
        if self._flags and "counters" in tables:
            return
        with contextlib.suppress(sqlite3.OperationalError), self.db:
            self.db.execute("BEGIN")  # the tables and the flags they take over in one transaction
            for statement in filter(str.strip, STATE_SCHEMA.split(";")):
                self.db.execute(statement)
            if not self._flags:  # every record keeps its state
                self.db.execute("INSERT INTO unindexed (id) SELECT id FROM vorlagen WHERE indexed = 0")
            self._flags = True

    def close(self) -> None:
        self.db.close()

    # -- writing ---------------------------------------------------------------------------

    def put(self, record: Vorlage, original: bytes | None) -> None:
        """Store a record and (unless None) its original bytes, in one transaction."""
        self.put_file((record,), original, record.source.sha256)

    def put_file(self, records: Iterable[Vorlage], original: bytes | None, sha256: str, version: str = "") -> None:
        """Store the records of one file (one, or one per OParl Paper of a list), its original
        (content-addressed by ``sha256``, the file's) and its outcome, in one transaction."""
        rel = self.keep_original(sha256, original) if original is not None else None
        records = list(records)
        with self.db:
            for record in records:
                self._put_row(record, rel, original)
            if version:
                self.db.execute(
                    "INSERT OR REPLACE INTO file_outcomes (sha256, status, reason, version, first_id, records)"
                    " VALUES (?, 'added', NULL, ?, ?, ?)",
                    (sha256, version, records[0].id if records else None, len(records)),
                )

    def _put_row(self, record: Vorlage, rel: str | None, original: bytes | None) -> None:
        data = json.dumps(record.to_dict(), ensure_ascii=False)
        self.db.execute(
            "INSERT OR REPLACE INTO vorlagen (id, sha256, vorlage_nr, aktenzeichen, source_path, original,"
            " oeffentlich, record, grouping) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                record.source.sha256,
                record.vorlage_nr,
                record.aktenzeichen,
                record.source.path,
                rel,
                None if record.oeffentlich is None else int(record.oeffentlich),
                data,
                summarize(record, original).to_json(),
            ),
        )
        self.db.execute("INSERT OR IGNORE INTO unindexed (id) VALUES (?)", (record.id,))
        self._count_write()
        self.db.execute("DELETE FROM id_keys WHERE vorlage_id = ?", (record.id,))
        self.db.executemany("INSERT OR IGNORE INTO id_keys (key, kind, vorlage_id) VALUES (?, ?, ?)", _key_rows(record))
        self.db.execute(
            "INSERT OR REPLACE INTO paths (path, sha256) VALUES (?, ?)", (record.source.path, record.source.sha256)
        )

    def set_beschluesse(self, vorlage_id: str, beschluesse: tuple[Beschluss, ...]) -> None:
        """Replace the decisions linked to a record (archiv/beschluesse.py); its index entry is stale then."""
        row = self.db.execute("SELECT record FROM vorlagen WHERE id = ?", (vorlage_id,)).fetchone()
        if row is None:
            return
        # through the record, so that the Beschlusslauf rows' outcomes (derived) follow the decisions
        data = replace(Vorlage.from_dict(json.loads(row[0])), beschluesse=beschluesse).to_dict()
        with self.db:
            self.db.execute(
                "UPDATE vorlagen SET record = ? WHERE id = ?", (json.dumps(data, ensure_ascii=False), vorlage_id)
            )
            self.db.execute("INSERT OR IGNORE INTO unindexed (id) VALUES (?)", (vorlage_id,))

    def _rebuild_keys(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM id_keys")
            for (rec,) in self.db.execute("SELECT record FROM vorlagen").fetchall():
                rows = _key_rows(Vorlage.from_dict(json.loads(rec)))
                self.db.executemany("INSERT OR IGNORE INTO id_keys (key, kind, vorlage_id) VALUES (?, ?, ?)", rows)
            self.db.execute(f"PRAGMA user_version = {KEYS_VERSION}")
            self._count_write()  # other keys may link other decisions

    def _count_write(self) -> None:
        self.db.execute("INSERT INTO counters VALUES ('writes', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1")

    def counter(self, name: str) -> int | None:
        if not self._flags:
            return None
        row = self.db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_counter(self, name: str, value: int) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO counters VALUES (?, ?)", (name, value))

    def mark_indexed(self, ids: list[str], value: bool = True) -> None:
        sql = "DELETE FROM unindexed WHERE id = ?" if value else "INSERT OR IGNORE INTO unindexed (id) VALUES (?)"
        with self.db:
            if ids:
                self.db.executemany(sql, [(i,) for i in ids])

    def mark_all_unindexed(self) -> None:
        with self.db:  # the ids only (vorlagen's key index): the records are not read
            self.db.execute("INSERT OR IGNORE INTO unindexed (id) SELECT id FROM vorlagen")

    def mark_all_indexed(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM unindexed")

    def keep_original(self, sha256: str, data: bytes) -> str:
        rel = f"originals/{sha256[:2]}/{sha256}"
        target = self.dir / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # A temporary file, flushed to disk, then renamed: a crash never leaves half a file
            # under the name of a sha256 (check would call it damaged); at worst a .tmp- file
            # that 'archiv check --repair' removes.
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        return rel

    def sweep_temporary(self) -> int:
        """Remove the half-written originals (.tmp- files) of a writer that was killed; only the
        holder of the writer lock may call this. Returns how many were removed."""
        removed = 0
        for tmp in (self.dir / "originals").glob("*/.tmp-*"):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed += 1
        return removed

    # -- reading ---------------------------------------------------------------------------

    def has_sha(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM vorlagen WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def get(self, vorlage_id: str) -> Vorlage | None:
        row = self.db.execute("SELECT record FROM vorlagen WHERE id = ?", (vorlage_id,)).fetchone()
        return Vorlage.from_dict(json.loads(row[0])) if row else None

    def get_many(self, ids: list[str]) -> dict[str, Vorlage]:
        out: dict[str, Vorlage] = {}
        for chunk, marks in in_chunks(ids):
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
        return fs_path(row[1])

    def unindexed_ids(self) -> list[str]:
        # a record replaced under another id (same bytes) leaves its old id behind here: not a record
        sql = "SELECT id FROM unindexed WHERE id IN (SELECT id FROM vorlagen)"
        return [i for (i,) in self.db.execute(sql if self._flags else "SELECT id FROM vorlagen WHERE indexed = 0")]

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM vorlagen").fetchone()[0]

    def iter_records_without_text(self, batch: int = 500) -> Iterator[Vorlage]:
        """Every record with ``text`` empty: SQLite drops the text before Python parses the JSON
        (the OParl object graph needs every record's fields, not their texts)."""
        cur = self.db.execute("SELECT json_set(record, '$.text', '') FROM vorlagen ORDER BY id")
        while rows := cur.fetchmany(batch):
            for (rec,) in rows:
                yield Vorlage.from_dict(json.loads(rec))

    def iter_raw(self, batch: int = 500) -> Iterator[tuple[str, str, str]]:
        """(id, source path, record JSON) of every record, unparsed: for workers that parse them."""
        cur = self.db.execute("SELECT id, source_path, record FROM vorlagen ORDER BY id")
        while rows := cur.fetchmany(batch):
            yield from rows

    def iter_minutes(self) -> Iterator[Vorlage]:
        """The records of minutes (those with agenda items)."""
        for (rec,) in self.db.execute("SELECT record FROM vorlagen WHERE record LIKE '%\"tops\": [{%' ORDER BY id"):
            yield Vorlage.from_dict(json.loads(rec))

    def dates(self, ids: list[str]) -> dict[str, str | None]:
        """The date of each record, as the index dates it (its own date, else its first session's)."""
        out: dict[str, str | None] = {}
        for chunk, marks in in_chunks(ids):
            sql = (
                "SELECT id, COALESCE(json_extract(record, '$.datum'), json_extract(record, '$.beschlusslauf[0].datum'))"
                f" FROM vorlagen WHERE id IN ({marks})"
            )
            out.update(self.db.execute(sql, chunk).fetchall())
        return out

    def gremium_year_counts(self, public_only: bool = False) -> list[tuple[str, str, int]]:
        """(Gremium, year, how many records it consulted on) from the Beschlusslauf rows."""
        sql = (
            "SELECT json_extract(b.value, '$.gremium'), substr(COALESCE(json_extract(v.record, '$.datum'),"
            " json_extract(v.record, '$.beschlusslauf[0].datum')), 1, 4) AS jahr, COUNT(DISTINCT v.id)"
            " FROM vorlagen v, json_each(v.record, '$.beschlusslauf') b"
            + (" WHERE v.oeffentlich IS NOT 0" if public_only else "")
            + " GROUP BY 1, 2"
        )
        return [(g, y or "", n) for g, y, n in self.db.execute(sql) if g]

    def ergebnis_year_counts(self, public_only: bool = False) -> list[tuple[str, str, int]]:
        """(outcome, year of the session, how many decisions) over the decisions linked from minutes."""
        sql = (
            "SELECT json_extract(b.value, '$.ergebnis'), substr(json_extract(b.value, '$.datum'), 1, 4), COUNT(*)"
            " FROM vorlagen v, json_each(v.record, '$.beschluesse') b"
            " JOIN vorlagen m ON m.id = json_extract(b.value, '$.niederschrift_id')"
            + (" WHERE v.oeffentlich IS NOT 0 AND m.oeffentlich IS NOT 0" if public_only else "")
            + " GROUP BY 1, 2"
        )
        return [(e or "nicht erkannt", y or "", n) for e, y, n in self.db.execute(sql)]

    def all_ids(self, public_only: bool = False) -> list[str]:
        sql = "SELECT id FROM vorlagen" + (" WHERE oeffentlich IS NOT 0" if public_only else "")
        return [r[0] for r in self.db.execute(sql)]

    def ids_with_beschluesse(self) -> list[str]:
        rows = self.db.execute("SELECT id FROM vorlagen WHERE record LIKE '%\"beschluesse\": [{%'").fetchall()
        return [r[0] for r in rows]

    def iter_records(self, only_unindexed: bool = False, batch: int = 500) -> Iterator[Vorlage]:
        only = " WHERE id IN (SELECT id FROM unindexed)" if self._flags else " WHERE indexed = 0"
        only = only if only_unindexed else ""
        sql = "SELECT record FROM vorlagen" + only + " ORDER BY id"
        cur = self.db.execute(sql)
        while rows := cur.fetchmany(batch):
            for (rec,) in rows:
                yield Vorlage.from_dict(json.loads(rec))

    # -- checking ----------------------------------------------------------------------------

    def iter_rows(self) -> Iterator[tuple[str, str, str | None, bool]]:
        """(id, sha256, original, indexed) of every record."""
        flag = "id NOT IN (SELECT id FROM unindexed)" if self._flags else "indexed"
        sql = f"SELECT id, sha256, original, {flag} FROM vorlagen"
        for vid, sha, original, indexed in self.db.execute(sql):
            yield vid, sha, original, bool(indexed)

    def originals_in_use(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT DISTINCT original FROM vorlagen WHERE original IS NOT NULL")}
