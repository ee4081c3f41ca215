"""The whole OParl tree of one archive: what ``archiv serve`` answers and ``archiv export`` writes.

Both read through Site, so a static export holds exactly the objects and pages the server gives
(without filters: a file host cannot filter; a client gets the full lists there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArchivError
from ..models import Vorlage
from ..parsers.oparl import read_paper
from . import mime_type
from .catalog import Catalog, Span, build
from .lists import ListQuery, entries, page_size, paginate
from .objects import LIST_KINDS, Renderer, Urls, served_name
from .sessions import build_sessions

log = logging.getLogger(__name__)
OBJECT_KINDS = ("body", "paper", "file", "consultation", "organization", "meeting", "agendaitem")


@dataclass(frozen=True)
class Content:
    """What a File's access or download URL delivers: a kept original, or text the archive holds."""

    media_type: str
    file_name: str
    path: Path | None = None
    data: bytes | None = None


OriginalOf = Callable[[Vorlage], "Path | None"]
TextsOf = Callable[[list[str]], dict[str, str]]


def imported_paper(original_of: OriginalOf) -> Callable[[Vorlage], dict[str, Any] | None]:
    """The OParl Paper a record was ingested from, read again from its kept original."""

    def read(v: Vorlage) -> dict[str, Any] | None:
        path = original_of(v)
        if path is None:
            return None  # referenced in place and gone: the record's own fields must do
        try:
            return read_paper(v.source.path, path.read_bytes())
        except (OSError, ArchivError) as e:
            log.warning("%s: the OParl original cannot be read again (%s)", v.source.path, e)
            return None

    return read


def store_stamp(index_dir: Path) -> Span:
    """created/modified of an empty archive's System: when its record store last changed."""
    from datetime import UTC, datetime

    mtime = (index_dir / "records.sqlite3").stat().st_mtime
    stamp = datetime.fromtimestamp(mtime, UTC).isoformat(timespec="seconds")
    return Span(stamp, stamp)


class Site:
    def __init__(
        self,
        records: Iterable[Vorlage],
        base_url: str,
        *,
        original_of: OriginalOf,
        texts: TextsOf,
        web: bool,
        fallback: Span,
    ) -> None:
        self.cat: Catalog = build(records, imported_paper(original_of))
        self.sessions = build_sessions(self.cat)
        self.urls = Urls(base_url)
        self.render = Renderer(self.cat, self.urls, texts, web=web, sessions=self.sessions)
        self.original_of = original_of
        self.texts = texts
        self.fallback = fallback

    # -- objects and lists ----------------------------------------------------------------------

    def system(self) -> dict[str, Any]:
        return self.render.system(self.fallback)

    def canonical(self, kind: str, key: str) -> str | None:
        """The key a Paper is served under, where ``key`` names one of its other records."""
        if kind == "paper" and key not in self.cat.papers:
            return self.cat.paper_of_record.get(key)
        return None

    def object(self, kind: str, key: str) -> dict[str, Any] | None:
        r = self.render
        if kind == "body":
            return r.body(key) if key in self.cat.bodies else None
        found = {
            "paper": (self.cat.papers, r.papers),
            "file": (self.cat.files, r.files),
            "consultation": (self.cat.consultations, r.consultations),
            "organization": (self.cat.organizations, r.organizations),
            "meeting": (self.sessions.meetings, r.meetings),
            "agendaitem": (self.sessions.agenda_items, r.agenda_items),
        }.get(kind)
        if found is None or key not in found[0]:
            return None
        return found[1]([key])[0]

    def list_page(self, kind: str, body: str | None, page: int, query: ListQuery) -> dict[str, Any] | None:
        """One page of a list; None for an unknown list or a page past the end."""
        if kind != "bodies" and (kind not in LIST_KINDS or body not in self.cat.bodies):
            return None
        listed = self.sessions.entries(body) if kind == "meetings" else entries(self.cat, kind, body)
        keys = [k for k, span in listed if query.keeps(span)]
        size = page_size(kind, query)
        if page < 1 or (page - 1) * size >= max(len(keys), 1):
            return None
        chosen, pagination, links = paginate(keys, page, size, lambda n: self.urls.list(kind, body, n), query)
        return {"data": self._render(kind, chosen, query), "pagination": pagination, "links": links}

    def _render(self, kind: str, keys: list[str], query: ListQuery) -> list[dict[str, Any]]:
        r = self.render
        if kind == "bodies":
            return [r.body(k) for k in keys]
        if kind == "papers":
            return r.papers(keys, internal=not query.omit_internal)
        if kind == "files":
            return r.files(keys)
        if kind == "consultations":
            return r.consultations(keys)
        if kind == "organizations":
            return r.organizations(keys)
        if kind == "meetings":
            return r.meetings(keys)
        return []  # persons: none

    # -- files ----------------------------------------------------------------------------------

    def content(self, key: str, name: str) -> Content | None:
        f = self.cat.files.get(key)
        if f is None or served_name(self.cat, f) != name:
            return None
        v = self.cat.records[f.record_id]
        if f.original is None:
            path = self.original_of(v)
            return Content(mime_type(v), name, path=path) if path else None
        text = self.texts([v.id]).get(v.id, "") if f.main_text else str(f.original.get("text") or "")
        return Content("text/plain; charset=utf-8", name, data=text.encode("utf-8"))

    # -- the whole tree -------------------------------------------------------------------------

    def walk(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(URL, JSON) of every object and every list page (unfiltered), the System first."""
        yield self.urls.system(), self.system()
        everything = ListQuery()
        lists: list[tuple[str, str | None]] = [("bodies", None)]
        lists += [(kind, b) for b in sorted(self.cat.bodies) for kind in LIST_KINDS]
        for kind, body in lists:
            page = 1
            while (listing := self.list_page(kind, body, page, everything)) is not None:
                yield self.urls.list(kind, body, page), listing
                page += 1
        tables = {"body": self.cat.bodies, "meeting": self.sessions.meetings, "agendaitem": self.sessions.agenda_items}
        for kind in OBJECT_KINDS:
            table = tables[kind] if kind in tables else getattr(self.cat, kind + "s")
            for key in sorted(table):
                obj = self.object(kind, key)
                if obj is not None:
                    yield self.urls.obj(kind, key), obj

    def served_files(self) -> Iterator[tuple[str, str]]:
        """(file key, name) of every File whose bytes or text the archive serves itself."""
        for key in sorted(self.cat.files):
            name = served_name(self.cat, self.cat.files[key])
            if name is not None:
                yield key, name
