"""Search: one backend protocol, our own query language, German analysis shared by all engines."""

from __future__ import annotations

from pathlib import Path

from .backend import FACET_SIZE, FACETS, BackendHit, BackendResult, Filters, SearchBackend

__all__ = [
    "BACKENDS",
    "BACKEND_FILE",
    "DEFAULT_BACKEND",
    "FACETS",
    "FACET_SIZE",
    "OPENSEARCH",
    "BackendHit",
    "BackendResult",
    "Filters",
    "SearchBackend",
    "open_backend",
    "record_backend",
    "recorded_backend",
]

BACKENDS = ("tantivy", "whoosh", "opensearch")
DEFAULT_BACKEND = "tantivy"  # chosen by benchmarks/bench_search.py (README.md, "Search backends")
BACKEND_FILE = "search-backend.json"  # in the index folder: the backend its search index was built with
# Where the opensearch backend connects (set by the CLI's --opensearch-url / --opensearch-index; None:
# the environment, then what the index folder remembers, then the defaults of opensearch_backend).
OPENSEARCH: dict[str, str | None] = {"url": None, "index": None}


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
