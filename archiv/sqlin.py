"""Values for an SQL ``IN (...)`` a chunk at a time: SQLite builds before 3.32 bind at most 999 parameters
per statement (SQLITE_MAX_VARIABLE_NUMBER)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

IN_CHUNK = 500


def in_chunks(values: Sequence[str], size: int = IN_CHUNK) -> Iterator[tuple[Sequence[str], str]]:
    """``values`` in slices of at most ``size``, each with its placeholders ("?,?,?")."""
    for i in range(0, len(values), size):
        chunk = values[i : i + size]
        yield chunk, ",".join("?" * len(chunk))
