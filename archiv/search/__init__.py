"""Search: one backend protocol, our own query language, German analysis shared by all engines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .document import IndexDocument
from .query import Node

FACETS = ("gremium", "jahr", "art", "fachbereich")


@dataclass(frozen=True)
class Filters:
    gremium: str | None = None
    art: str | None = None
    fachbereich: str | None = None
    jahr: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    public_only: bool = False


@dataclass(frozen=True)
class BackendHit:
    id: str
    score: float


@dataclass(frozen=True)
class BackendResult:
    total: int
    hits: tuple[BackendHit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchBackend(Protocol):
    """An engine behind archiv's search. Callers speak only this protocol and the query tree."""

    name: str

    def add(self, docs: Iterable[IndexDocument]) -> int:
        """Add or replace documents (by id) and commit; returns how many were written."""
        ...

    def clear(self) -> None: ...

    def search(
        self, tree: Node, filters: Filters, *, limit: int, offset: int = 0, sort: str = "relevance"
    ) -> BackendResult: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def open_backend(name: str, index_dir: Path, *, create: bool = False) -> SearchBackend:
    if name == "whoosh":
        from .whoosh_backend import WhooshBackend

        return WhooshBackend(index_dir / "whoosh", create=create)
    from ..errors import ArchivError

    raise ArchivError(f"unknown search backend '{name}' (available: whoosh)")
