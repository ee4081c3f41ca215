"""The context of grouping over a whole archive: the Körperschaft of each folder's surroundings, and
the spelling each Körperschaft is shown in (grouping.assign; regroup.py keeps them in the store)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .grouping import Summary

INFER_LEVELS = 2  # a record's own folder and the one above it tell its surroundings' Körperschaft


def area_of(folders: tuple[str, ...], counts: Callable[[tuple[str, ...]], Counter[str]]) -> str | None:
    """The Körperschaft of a folder's surroundings: the one more than half, and at least two, of the
    records in it (``counts``: those of a folder and of the folders in it) name, or failing a single
    one there, in the folder above (never higher: above lie other councils' folders). It names the body
    of a record that names none (OParl metadata often does not), and guards the links of OParl file
    lists (a misread line in a file does not break them)."""
    for k in range(len(folders), max(-1, len(folders) - INFER_LEVELS), -1):
        c = counts(folders[:k])
        if c.total() > 1:
            top, n = c.most_common(1)[0]
            return top if n > 1 and 2 * n > c.total() else None
    return None


def areas_of(where: Iterable[tuple[str, ...]], summaries: Iterable[Summary]) -> dict[tuple[str, ...], str | None]:
    """The area of every folder of ``where`` (each record's folders, in the order of ``summaries``)."""
    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    folders_of = list(where)
    for folders, s in zip(folders_of, summaries, strict=True):
        if s.scope:
            for k in range(max(0, len(folders) - INFER_LEVELS + 1), len(folders) + 1):
                counts[folders[:k]][s.scope] += 1
    return {f: area_of(f, lambda g: counts.get(g) or Counter()) for f in set(folders_of)}


def spellings(summaries: Iterable[Summary]) -> dict[str, str]:
    """The spelling of each Körperschaft the most records print (the first one met of equals)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for s in summaries:
        if s.scope and s.koerperschaft:
            seen[s.scope][" ".join(s.koerperschaft.split())] += 1
    return {sc: c.most_common(1)[0][0] for sc, c in seen.items()}
