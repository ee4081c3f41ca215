"""'Meinten Sie …?' for a query without hits, and the terms of 'more like this'.

A suggestion replaces each unknown word of the query by the indexed word (as written) closest to it
by edit distance: at most 1 edit for words of up to 5 letters, 2 beyond; among equals the word in
most documents. The caller offers it only if it finds something.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..text.distance import edit_distance
from .analysis import WORD, analyse_word, fold
from .backend import SearchBackend
from .query import And, Node, Or, Term

CANDIDATES = 5000  # indexed words looked at per unknown word (those sharing its first letter)
SIMILAR_TERMS = 25


def _words(node: Node) -> list[str]:
    """The plain words of the query (default or prose fields), where a correction makes sense."""
    if isinstance(node, Term) and node.field in (None, "betreff", "text"):
        return [w for w in WORD.findall(node.text) if w.isalpha() and len(w) >= 3]
    if isinstance(node, And | Or):
        return [w for c in node.children for w in _words(c)]
    return []


def closest_word(backend: SearchBackend, word: str) -> str | None:
    lower = word.lower()
    limit = 1 if len(lower) <= 5 else 2
    best: tuple[int, int, str] | None = None
    for candidate, docs in backend.vocabulary(lower[0], CANDIDATES):
        if candidate == lower or not candidate.isalpha():
            continue
        d = edit_distance(fold(lower), fold(candidate), limit)
        if d == 0:
            return None  # the same word in another spelling ("Muell"): nothing to correct
        if d <= limit and (best is None or (d, -docs) < best[:2]):
            best = (d, -docs, candidate)
    return best[2] if best else None


def suggestion(query: str, tree: Node, backend: SearchBackend) -> str | None:
    """The query with its unknown words corrected, or None where nothing could be corrected."""
    out = query
    changed = False
    for word in dict.fromkeys(_words(tree)):
        first = backend.vocabulary(word.lower(), 1)
        if first and first[0][0] == word.lower():
            continue  # the word is in the index as written
        better = closest_word(backend, word)
        if better:
            if word[0].isupper():  # the index keeps words in lower case; the user's capital stays
                better = better[0].upper() + better[1:]
            out = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", better, out)
            changed = True
    return out if changed else None


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """The Snowball German stop words (as Whoosh ships them), analysed like the index terms."""
    from whoosh.lang import stopwords_for_language

    return frozenset(analyse_word(w) for w in stopwords_for_language("de"))


def similar_terms(stems: Sequence[str], backend: SearchBackend, total_docs: int) -> tuple[str, ...]:
    """The stems that characterise a document best, for 'more like this': repeated in it (or in its
    Betreff), found in other Vorlagen but not in most, rarest first (tf x idf²)."""
    stop = _stopwords()
    tf = Counter(s for s in stems if len(s) >= 4 and not s.isdigit() and s not in stop)
    tf = Counter({t: n for t, n in tf.items() if n >= 2})
    df = backend.doc_freqs(list(tf))
    scored = []
    for term, n in tf.items():
        docs = df.get(term, 0)
        if docs < 2 or docs > total_docs * 0.3:  # only in this one, or in nearly every Vorlage
            continue
        scored.append((n * math.log(total_docs / docs) ** 2, term))
    return tuple(t for _, t in sorted(scored, reverse=True)[:SIMILAR_TERMS])
