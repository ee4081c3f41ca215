"""The German analysis chain, shared by every backend, the query side and the snippets.

lowercase -> umlaut folding (ä/ae -> a, ö/oe -> o, ü/ue -> u, ß -> ss) -> German Snowball stem.
Folding happens on both sides, so "Müll", "Muell" and "Mull" meet; stemming comes after the
folding so an inflected form typed without umlauts meets the printed one.

Besides the stems, a document's words give "parts" (compounds.py): the stems of the words a
compound is made of, and "^" + the root of a participle or -ling noun. The backends index the
stems, the parts and the words as written (lower case, for "exact phrases") in separate fields;
every backend receives the same pre-analysed terms (index_terms), so all of them match alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .lexicon import LEXICON_VERSION

ANALYSIS_VERSION = f"de-fold-snowball-parts-2+{LEXICON_VERSION}"
FAMILY_MARK = "^"  # prefix of a word-family root among the parts

WORD = re.compile(r"\w+", re.UNICODE)
_FOLD_DIGRAPHS = re.compile(r"(?<=[a-z])(ae|oe|ue)|^(ae|oe|ue)")
_FOLD_CHARS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "á": "a", "à": "a"})


def fold(token: str) -> str:
    """Lower-case token with umlauts and their ASCII spellings folded to the base vowel."""
    token = token.translate(_FOLD_CHARS)
    # "ue" after q is no umlaut ("Quelle"); the rule is applied alike on both sides anyway.
    return _FOLD_DIGRAPHS.sub(lambda m: (m.group(1) or m.group(2))[0], token)


@lru_cache(maxsize=1)
def _stemmer():
    from whoosh.lang.snowball.german import GermanStemmer

    return GermanStemmer()


@lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    if folded.isdigit() or len(folded) < 4:
        return folded
    return _stemmer().stem(folded)


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


@lru_cache(maxsize=500_000)
def _analysed(word: str) -> tuple[str, tuple[str, ...]]:
    """(stem, parts) of one word as found in a text."""
    from .compounds import decompose, family

    folded = fold(word.lower())
    parts: dict[str, None] = {}
    for form in (folded, *decompose(folded)):
        if form != folded:
            parts[stem(form)] = None
        root = family(form)
        if root:
            parts[FAMILY_MARK + stem(root)] = None
    return stem(folded), tuple(parts)


def word_parts(word: str) -> tuple[str, ...]:
    """The parts a document word is also found by (see the module's doc)."""
    return _analysed(word)[1]


def index_terms(text: str) -> tuple[str, str]:
    """(stems, parts) of a text, each as one space-separated string: what a backend indexes."""
    analysed = [_analysed(w) for w in WORD.findall(text)]
    return " ".join([a[0] for a in analysed]), " ".join([p for a in analysed if a[1] for p in a[1]])


def query_keys(word: str) -> tuple[str, str | None]:
    """(stem, family key) of a query word. The key meets the "^" parts of the index: "Flüchtling",
    "Flüchtlinge" and "Flucht" all give "^flucht" and find "die Geflüchteten"."""
    from .compounds import family

    folded = fold(word.lower())
    base = stem(family(folded) or folded)
    return stem(folded), (FAMILY_MARK + base if len(base) >= 4 and not base.isdigit() else None)
