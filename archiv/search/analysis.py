"""The German analysis chain, shared by every backend, the query side and the snippets.

lowercase -> umlaut folding (ä/ae -> a, ö/oe -> o, ü/ue -> u, ß -> ss) -> German Snowball stem.
Folding happens on both sides, so "Müll", "Muell" and "Mull" meet; stemming comes after the
folding so an inflected form typed without umlauts meets the printed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

ANALYSIS_VERSION = "de-fold-snowball-1"

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


def analyse_word(word: str) -> str:
    return stem(fold(word.lower()))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(analysed term, start char, end char) for every word of ``text``."""
    for m in WORD.finditer(text):
        yield analyse_word(m.group()), m.start(), m.end()


def terms(text: str) -> list[str]:
    return [t for t, _, _ in tokens(text)]
