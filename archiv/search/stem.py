"""Folding and stemming of one word: the bottom of the German analysis chain (analysis.py), which the
compound splitter and the word list build on too."""

from __future__ import annotations

import re
from functools import lru_cache

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
