"""The German analysis chain, shared by every backend, the query side and the snippets.

lowercase -> umlaut folding (ä/ae -> a, ö/oe -> o, ü/ue -> u, ß -> ss) -> German Snowball stem.
Folding happens on both sides, so "Müll", "Muell" and "Mull" meet; stemming comes after the
folding so an inflected form typed without umlauts meets the printed one.

Besides the stems, a document's words give "parts" (compounds.py): the stems of the words a
compound is made of (every sub-compound), and "^" + the root of a participle or -ling noun, and the
words an elliptic or hyphenated compound stands for ("Rad- und Fußwege": radweg; "Kinder-Tagesstätte":
kindertagesstatte). The backends index the
stems, the parts and the words as written (lower case, for "exact phrases") in separate fields;
every backend receives the same pre-analysed terms (index_terms), so all of them match alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from .compounds import decompose, family, head, tail
from .lexicon import LEXICON_VERSION
from .stem import fold, stem

ANALYSIS_VERSION = f"de-fold-snowball-parts-3+{LEXICON_VERSION}"  # 3: sub-compounds, citation and base keys
FAMILY_MARK = "^"  # prefix of a word-family root among the parts

WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=500_000)
def analyse_word(word: str) -> str:
    return stem(fold(word.lower()))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(analysed term, start char, end char) for every word of ``text``."""
    for m in WORD.finditer(text):
        yield analyse_word(m.group()), m.start(), m.end()


def terms(text: str) -> list[str]:
    return [t for t, _, _ in tokens(text)]


def exact_terms(text: str) -> list[str]:
    """The words as written, lower-cased only: what a quoted phrase matches."""
    return [w.lower() for w in WORD.findall(text)]


_CACHE: dict[str, tuple[str, tuple[str, ...]]] = {}
_CACHE_SIZE = 400_000  # distinct words (and pieces of text, analyse_text) kept; a vocabulary rarely exceeds it


def _analysed(word: str) -> tuple[str, tuple[str, ...]]:
    """(stem, parts) of one word as found in a text; repeated words are looked up, not analysed."""
    hit = _CACHE.get(word)
    if hit is not None:
        return hit
    folded = fold(word.lower())
    parts: dict[str, None] = {}
    for form in (folded, *decompose(folded)):
        if form != folded:
            parts[stem(form)] = None
        root = family(form)
        if root:
            parts[FAMILY_MARK + stem(root)] = None
    out = (stem(folded), tuple(parts))
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[word] = out
    if _LEARNED is not None:
        _LEARNED[word] = out
    return out


# Words analysed here since learned() was last asked (kept only once it has been): a rebuild's
# workers hand them on to each other (parallel.py), so that a word is rarely analysed twice.
_LEARNED: dict[str, tuple[str, tuple[str, ...]]] | None = None


def learned() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The words this process analysed since the last call, with their (stem, parts)."""
    global _LEARNED
    out, _LEARNED = _LEARNED or {}, {}
    return out


def teach(words: dict[str, tuple[str, tuple[str, ...]]]) -> None:
    """Take words another process analysed (learned() there): the very (stem, parts) _analysed gives."""
    if len(_CACHE) + len(words) < _CACHE_SIZE:
        _CACHE.update(words)


def word_parts(word: str) -> tuple[str, ...]:
    """The parts a document word is also found by (see the module's doc)."""
    return _analysed(word)[1]


# "Rad- und Fußwege", "Kita-/Schulgebäude", "Rad-, Fuß- und Reitwege": the first words complete with the
# head of the last one; "Schulbau und -sanierung": the last completes with the first word of the first.
# Possessive quantifiers (\w++): a word that is not followed by "-" fails at once, without backtracking.
_ELLIPTIC = re.compile(r"((?:\b\w++-\s*+(?:/|,|und\b|oder\b|bzw\.?|sowie\b|&)\s*+)++)(\w++)")
_FRAGMENT = re.compile(r"(\w++)-")
_ELLIPTIC_BACK = re.compile(r"\b(\w++)\s*+(?:,|/|und|oder|bzw\.?|sowie|&)\s*+-(\w++)")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]++(?:-[^\W\d_]++)++(?![\w-])")  # "Kinder-Tagesstätte" = Kindertagesstätte


def _hyphen_windows(text: str) -> Iterator[str]:
    """The stretches of ``text`` around its hyphens (whole words, merged where they overlap): the only
    places the compound patterns can match, so the long rest of a text is not scanned three times."""
    i = text.find("-")
    lo = hi = -1
    while i != -1:
        start = text.rfind(" ", 0, max(0, i - 60)) + 1
        end = text.find(" ", i + 60)
        end = len(text) if end == -1 else end
        if start > hi:
            if hi > lo:
                yield text[lo:hi]
            lo = start
        hi = max(hi, end)
        i = text.find("-", i + 1)
    if hi > lo:
        yield text[lo:hi]


def implied_words(text: str) -> list[str]:
    """Words a text means without writing them out: elliptic and hyphenated compounds, folded."""
    out: list[str] = []
    for window in _hyphen_windows(text):
        for m in _ELLIPTIC.finditer(window):
            rest = tail(fold(m.group(2).lower()))
            if rest:
                out += [fold(f.lower()) + rest for f in _FRAGMENT.findall(m.group(1)) if not f.isdigit()]
        for m in _ELLIPTIC_BACK.finditer(window):
            first = head(fold(m.group(1).lower()))
            if first:
                out.append(first + fold(m.group(2).lower()))
        out += [fold(m.group().replace("-", "").lower()) for m in _HYPHENATED.finditer(window)]
    return out


def index_terms(text: str) -> tuple[str, str]:
    """(stems, parts) of a text, each as one space-separated string: what a backend indexes."""
    stems, parts, _ = analyse_text(text)
    return stems, parts


def analyse_text(text: str) -> tuple[str, str, str]:
    """(stems, parts, words) of a text, each one space-separated string; the words are those of
    exact_terms (as written, lower case), for the exact-phrase field.

    A text is cut at white space (in C), and each piece ("Fußwege,", "(FB") is looked up once per
    process with its finished strings, each followed by a space ("" where it gives none): no word
    spans white space, so the pieces' strings joined are the text's. Only the hyphens need the text
    around them (implied_words). A text warm() analysed ahead is only taken."""
    if _READY:
        ready = _READY.pop(text, None)
        if ready is not None:
            return ready[1]
    pieces = text.split()
    if not pieces:
        return "", "", ""
    try:
        found = list(map(_PIECES.__getitem__, pieces))
    except KeyError:  # pieces not seen yet: only those are analysed, the text is joined in C again
        _learn(pieces)
        found = list(map(_PIECES.__getitem__, pieces))
    return _joined(text, found)


def _joined(text: str, found: list[tuple[str, str, str]]) -> tuple[str, str, str]:
    """analyse_text's strings of ``text`` from the strings of its pieces (``found``)."""
    stems, parts, words = zip(*found, strict=True)
    joined = "".join(parts)[:-1]
    if "-" in text:
        found = []
        for word in implied_words(text):
            s, more = _analysed(word)
            found += [s, *more]
        if found:
            joined = f"{joined} {' '.join(found)}" if joined else " ".join(found)
    return "".join(stems)[:-1], joined, "".join(words)[:-1]


# A piece of text between white space -> its (stems, parts, words), each string followed by a space.
_PIECES: dict[str, tuple[str, str, str]] = {}


def _piece(piece: str) -> tuple[str, str, str]:
    words = WORD.findall(piece)
    if not words:
        return "", "", ""
    analysed = [_analysed(w) for w in words]
    parts = "".join(f"{' '.join(p)} " for _, p in analysed if p)
    return " ".join(s for s, _ in analysed) + " ", parts, " ".join(words).lower() + " "


def _learn(pieces: list[str]) -> None:
    """Analyse the new ones of a text's ``pieces`` into the cache; all of the text's stay, even where
    it holds more than the cache keeps."""
    new = set(pieces).difference(_PIECES)
    if len(_PIECES) + len(new) >= _CACHE_SIZE:  # making room first, so that none is dropped
        _PIECES.clear()
        new = set(pieces)
    for piece in new:
        _PIECES[piece] = _piece(piece)


# Texts warm() analysed whole, with the round they were warmed in, until analyse_text takes them: the
# batch that indexes them only looks them up. Bounded by the characters put in (a text's strings take
# about three times its own).
_READY: dict[str, tuple[int, tuple[str, str, str]]] = {}
_READY_CHARS = 4_000_000
_ready_chars = 0


def warm(texts: Iterable[str], stopped: Callable[[], bool], round_: int = 0) -> None:
    """Analyse ``texts`` ahead of analyse_text, from another thread (an ingest's, while its workers
    parse): the very strings, since they depend on the text alone, and the very cache entries, since
    those depend on the piece or the word alone. Only adds, and only while there is room: a cache is
    emptied by the thread that analyses a batch alone, so its lookup after _learn always finds the
    text's pieces (and _CACHE is only read with get). Words learned() hands on are only asked for in
    a rebuild's workers, which warm nothing. Returns as soon as ``stopped()``; ``round_``: see
    forget_warmed."""
    global _ready_chars
    for text in texts:
        pieces = text.split()
        for piece in set(pieces).difference(_PIECES):
            if stopped() or len(_PIECES) >= _CACHE_SIZE or len(_CACHE) + len(piece) >= _CACHE_SIZE:
                return  # (a piece holds fewer words than characters)
            _PIECES[piece] = _piece(piece)
        # every hyphen gives at most three implied words, each at most one new entry
        if not pieces or _ready_chars + len(text) > _READY_CHARS or len(_CACHE) + 3 * text.count("-") >= _CACHE_SIZE:
            continue
        try:
            found = list(map(_PIECES.__getitem__, pieces))
        except KeyError:  # the batch's thread made room meanwhile
            continue
        if stopped():
            return
        _READY[text] = (round_, _joined(text, found))
        _ready_chars += len(text)


def forget_warmed(before: int | None = None) -> None:
    """Drop the texts warm() analysed that analyse_text did not take: all, or those of the rounds
    before ``before`` (their batch has ended: they were texts of records merged into a group)."""
    global _ready_chars
    if before is None:
        _READY.clear()
    else:  # (a copy of the items, made in C: warm may add meanwhile; pop never fails)
        for text, (round_, _) in list(_READY.items()):
            if round_ < before:
                _READY.pop(text, None)
    _ready_chars = sum(map(len, list(_READY)))


def query_keys(word: str) -> tuple[str, str | None]:
    """(stem, family key) of a query word. The key meets the "^" parts of the index: "Flüchtling",
    "Flüchtlinge" and "Flucht" all give "^flucht" and find "die Geflüchteten"."""
    folded = fold(word.lower())
    base = stem(family(folded) or folded)
    return stem(folded), (FAMILY_MARK + base if len(base) >= 4 and not base.isdigit() else None)
