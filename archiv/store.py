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
from dataclasses import asdict
from pathlib import Path

from .errors import IndexStateError
from .extract.normalize import identifier_keys
from .models import Beschluss, Vorlage

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
            rows = [(k, "vorlage_nr", record.id) for k in identifier_keys(record.vorlage_nr)]
            rows += [(k, "aktenzeichen", record.id) for k in identifier_keys(record.aktenzeichen)]
            self.db.executemany("INSERT OR IGNORE INTO id_keys (key, kind, vorlage_id) VALUES (?, ?, ?)", rows)
            self.db.execute(
                "INSERT OR REPLACE INTO paths (path, sha256) VALUES (?, ?)", (record.source.path, record.source.sha256)
            )

    def set_beschluesse(self, vorlage_id: str, beschluesse: tuple[Beschluss, ...]) -> None:
        """Replace the decisions linked to a record (archiv/beschluesse.py); its index entry is stale then."""
        row = self.db.execute("SELECT record FROM vorlagen WHERE id = ?", (vorlage_id,)).fetchone()
        if row is None:
            return
        data = json.loads(row[0])
        data["beschluesse"] = [asdict(b) for b in beschluesse]
        with self.db:
            self.db.execute(
                "UPDATE vorlagen SET record = ?, indexed = 0 WHERE id = ?",
                (json.dumps(data, ensure_ascii=False), vorlage_id),
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

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM vorlagen").fetchone()[0]

    def iter_minutes(self) -> Iterator[Vorlage]:
        """The records of minutes (those with agenda items)."""
        for (rec,) in self.db.execute("SELECT record FROM vorlagen WHERE record LIKE '%\"tops\": [{%' ORDER BY id"):
            yield Vorlage.from_dict(json.loads(rec))

    def dates(self, ids: list[str]) -> dict[str, str | None]:
        """The date of each record, as the index dates it (its own date, else its first session's)."""
        out: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
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
        sql = "SELECT record FROM vorlagen" + (" WHERE indexed = 0" if only_unindexed else "") + " ORDER BY id"
        cur = self.db.execute(sql)
        while rows := cur.fetchmany(batch):
            for (rec,) in rows:
                yield Vorlage.from_dict(json.loads(rec))
