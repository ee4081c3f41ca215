"""The grouping's side of the record store: each record's grouping summary and the group it belongs
to (archiv/grouping.py decides; these methods keep and read it). Part of the Store (archiv/store.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .grouping import SUMMARY_VERSION, Membership, Summary, summarize
from .models import Vorlage
from .sqlin import in_chunks

_MEMBER = "group_id, group_role, group_koerperschaft, record"


class GroupRows:
    """The Store's methods over the grouping columns of ``vorlagen``."""

    db: sqlite3.Connection

    def get(self, vorlage_id: str) -> Vorlage | None:
        raise NotImplementedError  # the Store's

    def original_path(self, vorlage_id: str) -> Path | None:
        raise NotImplementedError  # the Store's

    def set_groups(self, memberships: dict[str, Membership]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE vorlagen SET group_id = ?, group_role = ?, group_koerperschaft = ? WHERE id = ?",
                [(m.group, m.role, m.koerperschaft, i) for i, m in memberships.items()],
            )

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
        for chunk, marks in in_chunks(group_ids):
            sql = f"SELECT {_MEMBER} FROM vorlagen WHERE group_id IN ({marks})"
            for group, role, body, rec in self.db.execute(sql, chunk):
                out.setdefault(group, []).append((Vorlage.from_dict(json.loads(rec)), Membership(group, role, body)))
        return out

    def group_ids(self, ids: list[str]) -> dict[str, str]:
        """The group of each record (records not grouped yet are left out)."""
        out: dict[str, str] = {}
        for chunk, marks in in_chunks(ids):
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

    def iter_groups_raw(self, batch: int = 500) -> Iterator[tuple[str, list[tuple[str, str, str, str | None]]]]:
        """Every group with its records unparsed, (id, source path, record JSON, role, Körperschaft),
        one group after another: for workers that parse and analyse them (reindex)."""
        cur = self.db.execute(
            "SELECT group_id, id, source_path, record, group_role, group_koerperschaft FROM vorlagen"
            " WHERE group_id IS NOT NULL ORDER BY group_id"
        )
        current: str | None = None
        members: list[tuple[str, str, str, str | None]] = []
        while rows := cur.fetchmany(batch):
            for group, *member in rows:
                if group != current and members:
                    yield current, members  # type: ignore[misc]
                    members = []
                current = group
                members.append(tuple(member))  # type: ignore[arg-type]
        if members:
            yield current, members  # type: ignore[misc]
