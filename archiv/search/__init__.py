"""Search: one backend protocol, our own query language, German analysis shared by all engines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .document import IndexDocument
from .query import Node

FACETS = ("gremium", "jahr", "art", "fachbereich", "koerperschaft", "einreicher", "ergebnis")
FACET_SIZE = 50  # values per facet, most frequent first
BACKENDS = ("tantivy", "whoosh", "opensearch")
DEFAULT_BACKEND = "tantivy"  # chosen by benchmarks/bench_search.py (README.md, "Search backends")
BACKEND_FILE = "search-backend.json"  # in the index folder: the backend its search index was built with
# Where the opensearch backend connects (set by the CLI's --opensearch-url / --opensearch-index; None:
# the environment, then what the index folder remembers, then the defaults of opensearch_backend).
OPENSEARCH: dict[str, str | None] = {"url": None, "index": None}


@dataclass(frozen=True)
class Filters:
    gremium: str | None = None
    art: str | None = None
    fachbereich: str | None = None
    jahr: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    public_only: bool = False
    koerperschaft: str | None = None
    einreicher: str | None = None
    ergebnis: str | None = None  # an outcome of the decisions linked from minutes ("abgelehnt")


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


def open_backend(name: str, index_dir: Path, *, create: bool = False, rebuild: bool = False) -> SearchBackend:
    """The backend ``name`` of the archive in ``index_dir``; ``rebuild``: a search index from another
    version may be replaced (reindex; the embedded backends' folders are removed before)."""
    if name == "whoosh":
        from .whoosh_backend import WhooshBackend

        return WhooshBackend(index_dir / "whoosh", create=create)
    if name == "tantivy":
        from .tantivy_backend import TantivyBackend

        return TantivyBackend(index_dir / "tantivy", create=create)
    if name == "opensearch":
        from .opensearch_backend import OpenSearchBackend

        return OpenSearchBackend(
            index_dir, url=OPENSEARCH["url"], index=OPENSEARCH["index"], create=create, rebuild=rebuild
        )
    from ..errors import ArchivError

    raise ArchivError(f"unknown search backend '{name}' (available: {', '.join(BACKENDS)})")


def recorded_backend(index_dir: Path) -> str | None:
    """The backend the index in ``index_dir`` was built with (None: not recorded)."""
    import json

    try:
        return json.loads((index_dir / BACKEND_FILE).read_text())["backend"]
    except (OSError, ValueError, KeyError, TypeError):
        if (index_dir / "whoosh").is_dir() and not (index_dir / "tantivy").exists():
            return "whoosh"  # an index from before the record existed
        return None


def record_backend(index_dir: Path, name: str) -> None:
    import json

    (index_dir / BACKEND_FILE).write_text(json.dumps({"backend": name}) + "\n")
