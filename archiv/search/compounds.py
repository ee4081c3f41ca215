"""Compound decomposition and word families, on folded lower-case words.

decompose("arbeitsmarktintegration") -> ("arbeitsmarkt", "integration", "arbeit", "markt"): the parts
a compound is made of, each at least MIN_PART characters and each a word of the word list
(lexicon.py), found by the segmentation with the fewest parts; linking elements ("Fugen": -s-, -es-,
-n-, -en-, -er-, -e-, -ens-) and a dropped final -e ("Schul|sanierung") are undone. Only the index
side decomposes: a query word is matched as typed, so "Ratsbeschluss" never turns into "Beschluss"
and "Rat" never matches "Beirat" (both parts of Beirat are shorter than MIN_PART).

family("gefluechteten") -> "flucht", family("fluechtling") -> "flucht": the root of a participle
noun ("die Geflüchteten", "das Geplante") or of a -ling noun, where that root is a word, so that a
search for "Flüchtling" also finds "Geflüchtete" (ranked below the word itself).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis import stem
from .lexicon import words

MIN_PART = 4  # shorter parts ("Rat", "Weg", "Bau") are never indexed on their own
MIN_SEGMENT = 4  # nor used to split, but before a linking -s-: "Vor|lage", "Aus|schuss", "Bei|rat" stay whole
MIN_WORD = 2 * MIN_SEGMENT
FUGEN = ("s", "es", "n", "en", "er", "e", "ens", "ns")

_PARTICIPLE = re.compile(r"ge([a-z]{4,}?)e?t(?:e|en|er|es|em)?")
_LING = re.compile(r"([a-z]{4,}?)ling(?:e|en|s)?")


def _segment(piece: str, lex: frozenset[str], *, final: bool) -> tuple[str, int] | None:
    """(the word a segment stands for, 1 if a linking element was undone), or None.

    The word's stem must have at least MIN_SEGMENT characters, or three before a linking -s-.
    """
    if final and "-" + piece in lex:  # "Wirt|schaft", "Tour|ismus": a suffix, not a word
        return None
    if piece in lex:
        form, penalty = piece, 0
    elif final:
        return None
    else:
        form = next((piece[: -len(f)] for f in FUGEN if piece.endswith(f) and piece[: -len(f)] in lex), "")
        if not form and piece + "e" in lex:  # a dropped final -e: "Schul|sanierung"
            form = piece + "e"
        penalty = 1
    size = len(stem(form))
    # A short first word is accepted only before a linking -s- ("Orts|durchfahrt", "Rats|beschluss"),
    # which keeps prefixes that are nouns too ("Vor|lage", "Aus|schuss") from splitting anything.
    if size < MIN_SEGMENT and not (size == 3 and not final and piece.endswith("s") and piece[:-1] in lex):
        return None
    return form, penalty


@lru_cache(maxsize=300_000)
def split(word: str) -> tuple[str, ...]:
    """The best segmentation of ``word`` into words of the list (() if there is none).

    Best = fewest segments, then fewest linking elements undone, then the most even lengths' squares.
    """
    n = len(word)
    if n < MIN_WORD or not word.isalpha():
        return ()
    lex = words()
    Cost = tuple[int, int, int]
    # best[i]: the cheapest segmentation of word[:i] into non-final segments
    best: list[tuple[Cost, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = ((0, 0, 0), ())
    for i in range(MIN_SEGMENT, n - MIN_SEGMENT + 1):
        for k in range(0, i - MIN_SEGMENT + 1):
            prev = best[k]
            if prev is None:
                continue
            seg = _segment(word[k:i], lex, final=False)
            if seg is None:
                continue
            (parts, penalties, sq), forms = prev
            cost = (parts + 1, penalties + seg[1], sq - (i - k) ** 2)
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, (*forms, seg[0]))
    found: tuple[Cost, tuple[str, ...]] | None = None
    for j in range(MIN_SEGMENT, n - MIN_SEGMENT + 1):
        left = best[j]
        head = _segment(word[j:], lex, final=True) if left is not None else None
        if left is None or head is None:
            continue
        (parts, penalties, sq), forms = left
        cost = (parts + 1, penalties, sq - (n - j) ** 2)
        if found is None or cost < found[0]:
            found = (cost, (*forms, head[0]))
    return found[1] if found else ()


@lru_cache(maxsize=300_000)
def decompose(word: str) -> tuple[str, ...]:
    """Every part of a compound worth indexing: its segments and, recursively, theirs."""
    out: dict[str, None] = {}
    for part in split(word):
        if len(stem(part)) >= MIN_PART:
            out[part] = None
        for sub in decompose(part):
            out[sub] = None
    out.pop(word, None)
    return tuple(out)


def _is_root(root: str, lex: frozenset[str]) -> bool:
    return any(form in lex for form in (root, root + "e", root + "ung", root + "er"))


@lru_cache(maxsize=300_000)
def family(word: str) -> str | None:
    """The root of a participle noun or -ling noun, where that root is a word; else None."""
    if len(word) < 7:
        return None
    lex = words()
    for pattern in (_PARTICIPLE, _LING):
        m = pattern.fullmatch(word)
        if m and _is_root(m.group(1), lex):
            return m.group(1)
    return None
