"""What ingest remembers of each file it met, beside the records: the outcome of its bytes (added,
skipped or failed, and why) and the stat of each path as last read, so a rerun reads and parses
nothing that has not changed. Part of the Store (archiv/store.py)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

# Tables only ingest uses, made where it opens the store (a reader of an older archive, say on a
# read-only share, never has to write).
INGEST_SCHEMA = """
-- What became of each file's bytes: added (its records), or skipped/failed with the reason, by the
-- archiv version that decided; a rerun repeats a skip or failure without parsing the file again.
CREATE TABLE IF NOT EXISTS file_outcomes (
    sha256 TEXT PRIMARY KEY,
    status TEXT NOT NULL,     -- added | skipped | failed
    reason TEXT,
    version TEXT NOT NULL,
    first_id TEXT,
    records INTEGER NOT NULL DEFAULT 0
);
-- The sha256 of a path as last read, with the stat that identifies that state: a rerun trusts it
-- while size, mtime, ctime and inode are the same (as git's index does) and reads nothing.
CREATE TABLE IF NOT EXISTS file_stats (
    path BLOB PRIMARY KEY,    -- the exact bytes of the name
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class KnownOutcome:
    status: str  # added | skipped | failed
    reason: str | None
    first_id: str | None
    records: int


class Ledger:
    """The Store's methods over the ingest tables (the Store makes them when it opens to write)."""

    db: sqlite3.Connection

    def has_sha(self, sha256: str) -> bool:
        raise NotImplementedError  # the Store's: whether a record of these bytes is kept

    def remember_outcome(self, sha256: str, status: str, reason: str, version: str) -> None:
        """A file skipped or failed by this version, so a rerun need not parse it again."""
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO file_outcomes (sha256, status, reason, version, first_id, records)"
                " VALUES (?, ?, ?, ?, NULL, 0)",
                (sha256, status, reason, version),
            )

    def known_outcome(self, sha256: str, version: str) -> KnownOutcome | None:
        """What became of these bytes before: added (by any version), or skipped/failed by ``version``."""
        row = self.db.execute(
            "SELECT status, reason, first_id, records, version FROM file_outcomes WHERE sha256 = ?", (sha256,)
        ).fetchone()
        if row and (row[0] == "added" or row[4] == version):
            return KnownOutcome(row[0], row[1], row[2], row[3])
        if self.has_sha(sha256):  # stored before file_outcomes existed
            return KnownOutcome("added", None, sha256[:16], 1)
        return None

    def forget_outcome(self, sha256: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM file_outcomes WHERE sha256 = ? AND status != 'added'", (sha256,))

    def cached_sha(self, path: bytes, st: os.stat_result) -> str | None:
        """The sha256 of ``path`` as last read, if its stat says it has not changed since."""
        row = self.db.execute(
            "SELECT sha256 FROM file_stats WHERE path = ? AND size = ? AND mtime_ns = ? AND ctime_ns = ? AND ino = ?",
            (path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino),
        ).fetchone()
        return row[0] if row else None

    def remember_stats(self, rows: list[tuple[bytes, os.stat_result, str]]) -> None:
        if not rows:
            return
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO file_stats (path, size, mtime_ns, ctime_ns, ino, sha256)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(p, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, sha) for p, st, sha in rows],
            )
