"""The archive as the web may see it: the one place where the --public rule is applied.

Every route reads through ArchiveView. In public mode a record whose ``oeffentlich`` is False
(the Vorlage says "nichtöffentlich", or it was ingested with --nichtoeffentlich) does not exist
for the web: the search runs with Filters(public_only=True), so totals and facet counts leave it
out, and every record fetched by id or through a reference is checked again here.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..archive import Archive
from ..counts import Counts, YearCounts
from ..errors import NotFoundError
from ..grouped import VorlageGroup
from ..models import SearchPage, Vorlage
from ..search import Filters
from ..text.keys import identifier_keys
from ..vorgang import Vorgang
from .params import SearchRequest

ID_PATTERN = re.compile(r"[0-9a-f]{16}")


class ArchiveView:
    def __init__(self, index_dir: Path, *, backend: str | None, public: bool) -> None:
        self.index_dir = index_dir
        self.backend = backend
        self.public = public
        self._local = threading.local()
        self._opened: list[Archive] = []
        self._lock = threading.Lock()
        self._archive()  # fails now (missing index, other schema) rather than on the first request

    def _archive(self) -> Archive:
        # SQLite connections belong to the thread that opened them; requests run in a thread pool.
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = Archive(self.index_dir, self.backend)
            _ = archive.backend
            self._local.archive = archive
            with self._lock:
                self._opened.append(archive)
        return archive

    def close(self) -> None:
        with self._lock:
            for archive in self._opened:
                # One opened by a pool thread refuses to close here; SQLite closes it when collected.
                with contextlib.suppress(sqlite3.ProgrammingError):
                    archive.close()
            self._opened.clear()
        self._local = threading.local()

    def visible(self, v: Vorlage) -> bool:
        return not self.public or v.oeffentlich is not False

    # -- reading -------------------------------------------------------------------------------

    def search(self, req: SearchRequest) -> SearchPage:
        filters = req.filters(public_only=self.public)
        page = self._archive().search(req.q, filters, sortierung=req.sort_key, pro_seite=req.pro_seite, seite=req.seite)
        if not self.public:
            return page
        records = self.get_many([h.id for h in page.hits])
        # A Vorlage one of whose files is not public is not public (grouped.VorlageGroup.merged): the
        # files of a hit shown here are all public.
        hits = tuple(h for h in page.hits if h.id in records)
        return SearchPage(total=page.total, hits=hits, facets=page.facets, suggestion=page.suggestion)

    def group(self, v: Vorlage) -> VorlageGroup:
        """The Vorlage a visible record belongs to, with the files the web may show."""
        try:
            group = self._archive().group(v.id)
        except NotFoundError:
            return VorlageGroup.single(v)
        members = tuple(m for m in group.members if self.visible(m.record))
        if not any(m.record.id == group.id for m in members):
            return VorlageGroup.single(v)
        return replace(group, members=members)

    def get(self, vorlage_id: str) -> Vorlage | None:
        if not ID_PATTERN.fullmatch(vorlage_id):
            return None
        v = self._archive().get(vorlage_id)
        return v if v is not None and self.visible(v) else None

    def get_many(self, ids: list[str]) -> dict[str, Vorlage]:
        found = self._archive().get_many(ids)
        return {i: v for i, v in found.items() if self.visible(v)}

    def records(self) -> Iterator[Vorlage]:
        """Every record the web may show, without its text (for the OParl object graph)."""
        return (v for v in self._archive().records(with_text=False) if self.visible(v))

    def find(self, ref: str) -> list[Vorlage]:
        try:
            return [v for v in self._archive().find(ref) if self.visible(v)]
        except NotFoundError:
            return []

    def same_aktenzeichen(self, v: Vorlage) -> list[Vorlage]:
        """Other Vorlagen filed under the same Aktenzeichen (any spelling), newest first; each once,
        never a file of this one."""
        keys = set(identifier_keys(v.aktenzeichen))
        if not keys:
            return []
        others = [o for o in self.find(v.aktenzeichen or "") if keys & set(identifier_keys(o.aktenzeichen))]
        return sorted(self._one_per_vorlage(v, others), key=lambda o: o.datum or "", reverse=True)

    def _one_per_vorlage(self, v: Vorlage, records: list[Vorlage]) -> list[Vorlage]:
        """``records`` without the files of ``v``'s Vorlage, one record per other Vorlage."""
        groups = self._archive().group_ids([v.id, *(o.id for o in records)])
        own = groups.get(v.id, v.id)
        seen: set[str] = set()
        out = []
        for o in records:
            group = groups.get(o.id, o.id)
            if o.id != v.id and group != own and group not in seen:
                seen.add(group)
                out.append(o)
        return out

    def similar(self, v: Vorlage, limit: int = 5) -> list[Vorlage]:
        """Vorlagen on the same subject (more like this), best first; in public mode public ones only."""
        try:
            page = self._archive().similar(v.id, Filters(public_only=self.public), limit=limit)
        except NotFoundError:
            return []
        found = self.get_many([h.id for h in page.hits])
        return [found[h.id] for h in page.hits if h.id in found]

    def cited(self, v: Vorlage) -> list[tuple[str, list[Vorlage]]]:
        """Each Vorlage-Nr. the text refers to, with the archived Vorlagen of that number.

        Numbers repeat across councils, so where the citing Vorlage names its Körperschaft the
        records of the same Körperschaft are preferred.
        """
        out: list[tuple[str, list[Vorlage]]] = []
        for ref in v.entities.get("vorlagen", ()):
            keys = set(identifier_keys(ref))
            found = [o for o in self.find(ref) if keys & set(identifier_keys(o.vorlage_nr))]
            found = self._one_per_vorlage(v, found)
            same_body = [o for o in found if v.koerperschaft and o.koerperschaft == v.koerperschaft]
            out.append((ref, same_body or found))
        return out

    def vorgang(self, v: Vorlage) -> Vorgang:
        return self._archive().vorgang(v.id)

    def counts(self, req: SearchRequest, per: str) -> Counts:
        return self._archive().counts(req.q, req.filters(public_only=self.public), per=per)

    def year_counts(self) -> YearCounts:
        return self._archive().year_counts(public_only=self.public)

    def original(self, v: Vorlage) -> Path | None:
        """The stored original of a visible record, if it is still there and unchanged."""
        path = self._archive().original_path(v.id)
        if path is None or not path.is_file():
            return None
        kept = self.index_dir.resolve() in path.resolve().parents
        if not kept and _sha256(path) != v.source.sha256:
            return None  # referenced in place (--no-copy) and changed since: not the file of this record
        return path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
