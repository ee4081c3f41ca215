"""What every search engine speaks: the backend protocol, the filters and the results (the
backends import this, never the package that chooses among them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .document import IndexDocument
from .query import Node

FACETS = ("gremium", "jahr", "art", "fachbereich", "koerperschaft", "einreicher", "ergebnis")
FACET_SIZE = 50  # values per facet, most frequent first


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to. Each field's name is also the CLI option (--von) and the web
    parameter (von=): one name per filter everywhere (README, "Names")."""

    gremium: str | None = None
    art: str | None = None
    fachbereich: str | None = None
    jahr: str | None = None
    von: str | None = None  # ISO date, inclusive
    bis: str | None = None  # ISO date, inclusive
    public_only: bool = False
    koerperschaft: str | None = None
    einreicher: str | None = None
    ergebnis: str | None = None  # an outcome of the decisions linked from minutes ("abgelehnt")


def ranked_facet(values: Iterable[tuple[str, int]]) -> dict[str, int]:
    """One facet's (value, count) pairs, the most frequent first and equal counts by value, at most
    FACET_SIZE: the same order on every backend."""
    return dict(sorted(values, key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE])


@dataclass(frozen=True)
class BackendHit:
    id: str
    score: float


@dataclass(frozen=True)
class BackendResult:
    total: int
    hits: tuple[BackendHit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class CountingResult(BackendResult):
    """A page of hits whose count and facets the engine is still counting (OpenSearch: a second request
    in flight beside the page's): the caller makes the page's records and snippets meanwhile and waits
    only where it first reads ``total`` or ``facets`` (``counted`` blocks until they are known)."""

    def __init__(
        self, hits: tuple[BackendHit, ...], counted: Callable[[], tuple[int, dict[str, dict[str, int]]]]
    ) -> None:
        object.__setattr__(self, "hits", hits)  # frozen as its base
        object.__setattr__(self, "_counted", counted)

    def __repr__(self) -> str:  # without waiting for the count
        return f"CountingResult(hits={self.hits!r})"

    @property  # type: ignore[override]
    def total(self) -> int:
        return self._counted()[0]

    @property  # type: ignore[override]
    def facets(self) -> dict[str, dict[str, int]]:
        return self._counted()[1]


class SearchBackend(Protocol):
    """An engine behind archiv's search. Callers speak only this protocol and the query tree."""

    name: str
    keeps_records: bool  # the index holds the records too (IndexDocument.vorlage), for other machines

    def add(self, docs: Iterable[IndexDocument]) -> int:
        """Add or replace documents (by id) and commit; returns how many were written."""
        ...

    def delete(self, ids: Iterable[str]) -> None:
        """Remove documents by id and commit (a Vorlage whose files now belong to another)."""
        ...

    def clear(self) -> None: ...

    def search(
        self, tree: Node, filters: Filters, *, limit: int, offset: int = 0, sort: str = "relevance"
    ) -> BackendResult: ...

    def count(self) -> int: ...

    def close(self) -> None: ...

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        """How many documents hold each stem in the text field (for more like this)."""
        ...

    def vocabulary(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Words as written (lower case) starting with ``prefix``, with their document counts."""
        ...
