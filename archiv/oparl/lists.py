"""External object lists: the filters of the specification, a stable order, pages with links.next.

Entries are sorted by their key, which never changes, so a client paging through a list while the
archive grows sees every object that existed when it started (new ones may appear on later pages).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from .catalog import Catalog, Span

PAGE_SIZE = {"papers": 50, "files": 50}  # objects with texts: smaller pages
DEFAULT_PAGE_SIZE = 100
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


class ListQueryError(ValueError):
    """A list URL parameter that cannot be read (answered with 400)."""


@dataclass(frozen=True)
class ListQuery:
    created_since: datetime | None = None
    created_until: datetime | None = None
    modified_since: datetime | None = None
    modified_until: datetime | None = None
    omit_internal: bool = False
    per_page: int | None = None  # the client's elementsPerPage, at most the server's size

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> ListQuery:
        values: dict[str, Any] = {name: _datetime(name, params[name]) for name in FILTERS if params.get(name)}
        omit = (params.get("omit_internal") or "false").lower()
        if omit not in ("true", "false"):
            raise ListQueryError(f"omit_internal must be true or false, not '{params['omit_internal']}'")
        values["omit_internal"] = omit == "true"
        if params.get("elementsPerPage"):
            try:
                values["per_page"] = max(1, int(params["elementsPerPage"]))
            except ValueError as e:
                raise ListQueryError(f"elementsPerPage must be a number, not '{params['elementsPerPage']}'") from e
        return cls(**values)

    def keeps(self, span: Span) -> bool:
        created, modified = _aware(span.created), _aware(span.modified)
        return not (
            (self.created_since and created < self.created_since)
            or (self.created_until and created > self.created_until)
            or (self.modified_since and modified < self.modified_since)
            or (self.modified_until and modified > self.modified_until)
        )

    def params(self) -> dict[str, str]:
        """The query as URL parameters, for the links to the other pages."""
        out = {name: getattr(self, name).isoformat() for name in FILTERS if getattr(self, name)}
        if self.omit_internal:
            out["omit_internal"] = "true"
        if self.per_page:
            out["elementsPerPage"] = str(self.per_page)
        return out


def _datetime(name: str, value: str) -> datetime:
    try:
        return _aware(value)
    except ValueError as e:
        raise ListQueryError(f"{name} must be a date-time like 2026-01-01T00:00:00+01:00, not '{value}'") from e


def _aware(value: str) -> datetime:
    dt = datetime.fromisoformat(value.strip().replace(" ", "+"))  # a '+' sent unencoded arrives as a space
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def entries(cat: Catalog, kind: str, body: str | None) -> list[tuple[str, Span]]:
    """(key, span) of a list's objects in their stable order (meetings: Site, from the minutes; persons: none)."""
    if kind == "bodies":
        return sorted((k, b.span) for k, b in cat.bodies.items())
    table: dict[str, Any] = {
        "papers": cat.papers,
        "files": cat.files,
        "consultations": cat.consultations,
        "organizations": cat.organizations,
    }.get(kind, {})
    return sorted((k, e.span) for k, e in table.items() if e.body == body)


def page_size(kind: str, query: ListQuery) -> int:
    size = PAGE_SIZE.get(kind, DEFAULT_PAGE_SIZE)
    return min(size, query.per_page) if query.per_page else size


def paginate(
    keys: list[str], page: int, size: int, url_of_page: Any, query: ListQuery
) -> tuple[list[str], dict[str, Any], dict[str, str]]:
    """The keys of one page, its ``pagination`` and its ``links`` (filters kept in every link)."""
    total_pages = max(1, -(-len(keys) // size))
    params = query.params()

    def link(n: int) -> str:
        return url_of_page(n) + ("?" + urlencode(params) if params else "")

    chosen = keys[(page - 1) * size : page * size]
    pagination = {"totalElements": len(keys), "elementsPerPage": size, "currentPage": page, "totalPages": total_pages}
    links = {"first": link(1), "self": link(page), "last": link(total_pages)}
    if page > 1:
        links["prev"] = link(min(page - 1, total_pages))
    if page < total_pages:
        links["next"] = link(page + 1)
    return chosen, pagination, links
