"""The store's side of the kept index documents (search/kept.py): one row per group, its analysed
fields compressed and the fingerprint they were made from. Part of the Store (archiv/store.py).

A row is a cache, never the truth: it is used only where its fingerprint matches the group's records
and the analysis of today, so a row left behind (a group merged, a rebuild killed) is harmless, and a
store of an earlier version simply gets the table and its documents on the next rebuild or ingest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from .sqlin import in_chunks

DOCUMENTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    group_id TEXT PRIMARY KEY,
    fingerprint BLOB NOT NULL,  -- search/kept.group_fingerprint: the members' records and the analysis
    data BLOB NOT NULL          -- search/kept.encode
);
-- A record written, replaced, moved to another group or removed: the documents of its groups are
-- stale (the fingerprint covers which records a group has, these its records' content). Triggers,
-- so that no writer of vorlagen can forget it. BEFORE INSERT: INSERT OR REPLACE removes the row it
-- replaces without firing the DELETE trigger.
CREATE TRIGGER IF NOT EXISTS documents_insert BEFORE INSERT ON vorlagen BEGIN
    DELETE FROM documents WHERE group_id IN
        (SELECT group_id FROM vorlagen WHERE id = NEW.id OR sha256 = NEW.sha256) OR group_id = NEW.group_id;
END;
CREATE TRIGGER IF NOT EXISTS documents_update AFTER UPDATE OF record, group_id, group_role, group_koerperschaft
ON vorlagen WHEN OLD.record IS NOT NEW.record OR OLD.group_id IS NOT NEW.group_id
    OR OLD.group_role IS NOT NEW.group_role OR OLD.group_koerperschaft IS NOT NEW.group_koerperschaft BEGIN
    DELETE FROM documents WHERE group_id IN (OLD.group_id, NEW.group_id);
END;
CREATE TRIGGER IF NOT EXISTS documents_delete AFTER DELETE ON vorlagen BEGIN
    DELETE FROM documents WHERE group_id = OLD.group_id;
END;
"""

Member = tuple[str, str, str, str, str | None]  # id, source path, record JSON, role, Körperschaft
Light = tuple[str, str, str, str | None]  # id, source path, role, Körperschaft


class DocumentRows:
    """The Store's methods over the table ``documents``."""

    db: sqlite3.Connection

    def _migrate_documents(self) -> None:
        if self._has_documents():
            return
        try:  # the table with its triggers, or neither
            self.db.executescript(f"BEGIN; {DOCUMENTS_SCHEMA} COMMIT;")
        except sqlite3.OperationalError:  # a read-only store: it has no kept documents
            if self.db.in_transaction:
                self.db.rollback()

    def _has_documents(self) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'"
        return self.db.execute(sql).fetchone() is not None

    def keep_documents(self, rows: Iterable[tuple[str, bytes, bytes]]) -> None:
        """Keep (group id, fingerprint, data) rows, replacing a group's earlier one."""
        rows = list(rows)
        if rows and self._has_documents():
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?)", rows)

    def kept_documents(self, fingerprints: dict[str, bytes]) -> dict[str, bytes]:
        """The kept data of each group whose row has the fingerprint given."""
        out: dict[str, bytes] = {}
        if not self._has_documents():
            return out
        ids = list(fingerprints)
        for chunk, marks in in_chunks(ids):
            sql = f"SELECT group_id, fingerprint, data FROM documents WHERE group_id IN ({marks})"
            for group, fp, data in self.db.execute(sql, chunk):
                if fingerprints[group] == fp:
                    out[group] = data
        return out

    def drop_stale_documents(self) -> None:
        """Forget the documents of groups that are no more (merged into others, records removed)."""
        if self._has_documents():
            with self.db:
                self.db.execute(
                    "DELETE FROM documents WHERE group_id NOT IN"
                    " (SELECT group_id FROM vorlagen WHERE group_id IS NOT NULL)"
                )

    def group_members_raw(self, group_ids: list[str]) -> dict[str, list[Member]]:
        """The records of each group, unparsed, as iter_groups_raw gives them."""
        out: dict[str, list[Member]] = {}
        for chunk, marks in in_chunks(group_ids):
            sql = (
                "SELECT group_id, id, source_path, record, group_role, group_koerperschaft FROM vorlagen"
                f" WHERE group_id IN ({marks})"
            )
            for group, *member in self.db.execute(sql, chunk):
                out.setdefault(group, []).append(tuple(member))  # type: ignore[arg-type]
        return out

    def iter_groups_kept(self, batch: int = 500) -> Iterator[tuple[str, list[Light], bytes | None, bytes | None]]:
        """Every group with its members (id, source path, role, Körperschaft; not their records) and
        its kept document's fingerprint and data (None where it has none), one group after another:
        for a rebuild, which reads the records only of the groups it analyses (group_members_raw)."""
        kept = self._has_documents()
        cur = self.db.execute(
            "SELECT v.group_id, v.id, v.source_path, v.group_role, v.group_koerperschaft,"
            + (
                " d.fingerprint, d.data FROM vorlagen v LEFT JOIN documents d ON d.group_id = v.group_id"
                if kept
                else " NULL, NULL FROM vorlagen v"
            )
            + " WHERE v.group_id IS NOT NULL ORDER BY v.group_id"
        )
        current: str | None = None
        members: list[Light] = []
        found: tuple[bytes | None, bytes | None] = (None, None)
        while rows := cur.fetchmany(batch):
            for group, rid, path, role, body, fp, data in rows:
                if group != current and members:
                    yield current, members, *found  # type: ignore[misc]
                    members = []
                current, found = group, (fp, data)
                members.append((rid, path, role, body))
        if members:
            yield current, members, *found  # type: ignore[misc]
