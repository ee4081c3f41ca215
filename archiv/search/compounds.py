"""Compound decomposition and word families, on folded lower-case words.

decompose("arbeitsmarktintegration") -> ("arbeitsmarkt", "integration", "arbeit", "markt"): the parts
a compound is made of, each at least MIN_PART characters and each a word of the word list
(lexicon.py), found by the segmentation with the fewest parts; linking elements ("Fugen": -s-, -es-,
-n-, -en-, -er-, -e-, -ens-) and a dropped final -e ("Schul|sanierung") are undone. Every run of
adjacent segments is a part too (sub-compounds: "Straßenbeleuchtung" in "Straßenbeleuchtungsanlagen").
"Rat" never matches "Beirat" (parts shorter than MIN_PART are not indexed). The query side splits a
word only where all its parts are long enough (plan.py), so "Ratsbeschluss" never finds every "Beschluss".

family("gefluechteten") -> "flucht", family("fluechtling") -> "flucht": the root of a participle
noun ("die Geflüchteten", "das Geplante") or of a -ling noun, where that root is a word, so that a
search for "Flüchtling" also finds "Geflüchtete" (ranked below the word itself).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import words
from .stem import stem

MIN_PART = 4  # shorter parts ("Rat", "Weg", "Bau") are never indexed on their own
MIN_SEGMENT = 4  # nor used to split, but as a word of three letters (_segment): "Vor|lage", "Aus|schuss" stay whole
MIN_WORD = 2 * MIN_SEGMENT
FUGEN = ("s", "es", "n", "en", "er", "e", "ens", "ns")
_FUGEN_BY_LAST = {c: tuple(f for f in FUGEN if f.endswith(c)) for c in "snre"}

_PARTICIPLE = re.compile(r"ge([a-z]{4,}?)e?t(?:e|en|er|es|em)?")
_LING = re.compile(r"([a-z]{4,}?)ling(?:e|en|s)?")


# Three-letter words that are mostly prefixes or particles: never a segment of their own, so "Aus|schuss"
# and "Bei|rat" stay whole while "Rad|verkehrs|konzept" and "Fuß|wege" split.
_PARTICLES = frozenset({"aus", "bei", "ein", "vor", "mit", "auf", "los", "not", "uran", "art"})


def _segment(piece: str, lex: frozenset[str], *, final: bool) -> tuple[str, int] | None:
    """(the word a segment stands for, 1 if a linking element was undone), or None.

    The word's stem must have at least MIN_SEGMENT characters, or three where the piece is a word as
    it stands (no linking element, no particle) or comes before a linking -s-.
    """
    if final and "-" + piece in lex:  # "Wirt|schaft", "Tour|ismus": a suffix, not a word
        return None
    if piece in lex:
        form, penalty = piece, 0
    elif final:
        return None
    else:
        form = ""
        for f in _FUGEN_BY_LAST.get(piece[-1], ()):  # the linking elements it can end in, in FUGEN's order
            if piece.endswith(f) and piece[: -len(f)] in lex:
                form = piece[: -len(f)]
                break
        if not form and piece + "e" in lex:  # a dropped final -e: "Schul|sanierung"
            form = piece + "e"
        penalty = 1
    size = len(stem(form))
    if size >= MIN_SEGMENT:
        return form, penalty
    whole = penalty == 0 and len(piece) == 3 and piece not in _PARTICLES
    linked = (
        not final and len(piece) == 4 and piece.endswith("s") and piece[:-1] in lex and piece[:-1] not in _PARTICLES
    )
    return (form, penalty + 1) if (whole or linked) and size == 3 else None


Segments = tuple[tuple[int, int, str], ...]  # (start, end, the word it stands for)


# _segment of the pieces of words: the same pieces recur in many words of a text ("verwaltungs" in
# every "Verwaltungs..."), and a piece's answer depends on the word list alone.
@lru_cache(maxsize=300_000)
def _inner(piece: str) -> tuple[str, int] | None:
    return _segment(piece, words(), final=False)


@lru_cache(maxsize=300_000)
def _last(piece: str) -> tuple[str, int] | None:
    return _segment(piece, words(), final=True)


@lru_cache(maxsize=300_000)
def segments(word: str) -> Segments:
    """The best segmentation of ``word`` into words of the list, with their places (() if none).

    Best = fewest segments, then fewest linking elements undone, then the most even lengths' squares.
    """
    n = len(word)
    if n < MIN_WORD or not word.isalpha():
        return ()
    Cost = tuple[int, int, int]
    # best[i]: the cheapest segmentation of word[:i] into non-final segments. Filled forward from each
    # reachable start k in order, so every best[i] sees its candidates by rising k, and the first of
    # equal cost wins.
    best: list[tuple[Cost, Segments] | None] = [None] * (n + 1)
    best[0] = ((0, 0, 0), ())
    for k in range(0, n - 5):
        prev = best[k]
        if prev is None:
            continue
        (parts, penalties, sq), segs = prev
        for i in range(k + 3, n - 2):
            seg = _inner(word[k:i])
            if seg is None:
                continue
            cost = (parts + 1, penalties + seg[1], sq - (i - k) ** 2)
            if best[i] is None or cost < best[i][0]:
                best[i] = (cost, (*segs, (k, i, seg[0])))
    found: tuple[Cost, Segments] | None = None
    for j in range(3, n - 2):
        left = best[j]
        head = _last(word[j:]) if left is not None else None
        if left is None or head is None:
            continue
        (parts, penalties, sq), segs = left
        cost = (parts + 1, penalties + head[1], sq - (n - j) ** 2)
        if found is None or cost < found[0]:
            found = (cost, (*segs, (j, n, head[0])))
    return found[1] if found else ()


def split(word: str) -> tuple[str, ...]:
    """The words of the best segmentation of ``word`` (() if there is none)."""
    return tuple(form for _, _, form in segments(word))


@lru_cache(maxsize=300_000)
def decompose(word: str) -> tuple[str, ...]:
    """Every sub-compound worth indexing: each run of adjacent segments ("strassen|beleuchtungs|anlagen"
    gives strassenbeleuchtung, beleuchtungsanlagen, strasse, beleuchtung, anlagen) and, recursively,
    the parts of a segment that is a compound itself."""
    segs = segments(word)
    out: dict[str, None] = {}
    for a in range(len(segs)):
        for b in range(a, len(segs)):
            if a == 0 and b == len(segs) - 1:
                continue
            part = word[segs[a][0] : segs[b][0]] + segs[b][2]
            if len(stem(part)) >= MIN_PART:
                out[part] = None
        for sub in decompose(segs[a][2]):
            out[sub] = None
    head_word = _head_after_free_word(word)
    if head_word:
        out[head_word] = None
        for sub in decompose(head_word):
            out[sub] = None
    out.pop(word, None)
    return tuple(out)


# A first element that is no noun of the list ("Neu|baugebiet", "Rhein|brücke", "Bio|energienutzung"):
# its head is still a part, unless the element starts with a particle or ends in a verb prefix
# ("Schüler|be|förderung" must not give "Förderung", nor "Aus|schreibung" "Reibung").
_INSEPARABLE = ("be", "ge", "er", "ver", "ent", "emp", "zer", "miss")
_PARTICLE_START = (
    "auf", "aus", "bei", "ein", "mit", "nach", "uber", "unter", "durch", "hinter", "wider", "zuruck", "vor",
    *_INSEPARABLE,
)  # fmt: skip


@lru_cache(maxsize=300_000)
def _head_after_free_word(word: str) -> str:
    """The longest head of a word the list cannot split that is a word or a compound of words as they
    stand (no linking element undone) after a free first element of 3 to 10 letters; else ""."""
    lex = words()
    if len(word) < MIN_WORD or not word.isalpha() or word in lex or segments(word):  # "Integration" is a word
        return ""
    for i in range(3, min(11, len(word) - 4)):
        first, rest = word[:i], word[i:]
        if first.endswith(_INSEPARABLE) or first.startswith(_PARTICLE_START) or not any(c in "aeiouy" for c in first):
            continue
        # (the stem last: most heads are no word, and a new word's stem is the dearest of the tests)
        if not (rest in lex or (segments(rest) and all(rest[a:b] == form for a, b, form in segments(rest)))):
            continue
        if len(stem(rest)) >= MIN_PART + 1 and "-" + rest not in lex:
            return rest
    return ""


@lru_cache(maxsize=100_000)
def query_parts(word: str) -> tuple[str, ...]:
    """The parts a query compound is matched by when written apart: its segments, a short one joined
    to its neighbour ("halb|tags|schule" -> halbtags, schule); () where that leaves one part
    ("Rats|beschluss" stays whole)."""
    runs: list[list[tuple[int, int, str]]] = []
    for seg in segments(word):
        if runs and len(runs[-1]) == 1 and len(stem(runs[-1][0][2])) < MIN_PART:
            runs[-1].append(seg)  # a short first one joins this one
        elif runs and len(stem(seg[2])) < MIN_PART:
            runs[-1].append(seg)  # a short one joins the one before
        else:
            runs.append([seg])
    if len(runs) < 2:
        return ()
    return tuple(word[run[0][0] : run[-1][0]] + run[-1][2] for run in runs)


@lru_cache(maxsize=100_000)
def tail(word: str) -> str:
    """The head of a compound without its first word ("fusswege" -> "wege", "schulgebaude" -> "gebaude"),
    which completes an elliptic compound ("Rad- und Fußwege" -> "Radwege"); "" if there is none."""
    segs = segments(word)
    if len(segs) >= 2:
        return word[segs[1][0] :]
    lex = words()
    return next((word[i:] for i in range(3, len(word) - 3) if word[i:] in lex and "-" + word[i:] not in lex), "")


@lru_cache(maxsize=100_000)
def head(word: str) -> str:
    """The first word of a compound ("schulbau" -> "schul"), which completes "Schulbau und -sanierung"."""
    segs = segments(word)
    return word[: segs[1][0]] if len(segs) >= 2 else ""


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
