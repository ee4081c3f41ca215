"""The vocabulary (vocabulary.toml): the words council papers print, as data, read once.

It sits below every other module of archiv (it imports none), so that the parsers and the
extraction read the same words: the PDF parser finds the pages that carry a Beschlusslauf by the
same labels with which the extraction reads it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any


@cache
def vocabulary() -> dict[str, Any]:
    """The parsed vocabulary.toml of the package."""
    return tomllib.loads(Path(__file__).with_name("vocabulary.toml").read_text(encoding="utf-8"))


def words(*path: str) -> tuple[str, ...]:
    """The word list at ``path`` ("numbers", "heading_words")."""
    node: Any = vocabulary()
    for key in path:
        node = node[key]
    return tuple(node)


def label_words(kind: str) -> tuple[str, ...]:
    """Every label word of the labels of one kind ("table": the Beschlusslauf labels)."""
    return tuple(w for label in vocabulary()["label"] if label["kind"] == kind for w in label["words"])


def alternation(items: tuple[str, ...] | list[str]) -> str:
    """A regular-expression alternation of literal words, the longest first (so a word is never cut
    short by a shorter one it begins with)."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))
