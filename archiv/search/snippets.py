"""Snippets: the best short passage of a text for a query, escaped, the matched words in <mark>.

Built with the same analysis chain as the index, so every backend highlights alike, and from
escaped text, so a document can never inject markup into a result page.
"""

from __future__ import annotations

import html
from itertools import islice

from .analysis import WORD, fold, query_keys, tokens, word_parts
from .query import Node, positive_words

WINDOW_WORDS = 32


def query_terms(tree: Node) -> tuple[set[str], tuple[str, ...]]:
    """The keys a document word is matched by (stems, and family keys for the parts of compounds)
    and the folded prefixes a query looks for (default and prose fields)."""
    keys: set[str] = set()
    prefixes: list[str] = []
    for field, text, is_prefix in positive_words(tree):
        if field not in (None, "text", "betreff"):
            continue
        if is_prefix:
            prefixes.append(fold(text.lower()))
            continue
        for word in WORD.findall(text):
            stem, family = query_keys(word)
            keys.add(stem)
            if family:
                keys.add(family)
    return keys, tuple(prefixes)


def snippet(text: str, tree: Node, *, max_chars: int = 240) -> str:
    keys, prefixes = query_terms(tree)
    # Nothing to mark: the beginning will do.
    words = list(tokens(text) if keys or prefixes else islice(tokens(text), WINDOW_WORDS))
    if not words:
        return ""
    seen: dict[str, bool] = {}

    def is_hit(term: str, start: int, end: int) -> bool:
        if term in keys:
            return True
        word = text[start:end]
        hit = seen.get(word)
        if hit is None:
            # Parts of compounds and word families ("Arbeitsmarktintegration" for "Integration").
            hit = bool(prefixes) and fold(word.lower()).startswith(prefixes)
            hit = hit or (len(word) >= 7 and any(p in keys for p in word_parts(word)))
            seen[word] = hit
        return hit

    hits = [i for i, (t, s, e) in enumerate(words) if is_hit(t, s, e)] if keys or prefixes else []
    if hits:
        # The window with the most distinct matched terms, earliest first.
        best, best_score = hits[0], -1
        for h in hits:
            window = {words[j][0] for j in hits if h <= j < h + WINDOW_WORDS}
            if len(window) > best_score:
                best, best_score = h, len(window)
        first = max(0, best - 6)
    else:
        first = 0
    last = min(len(words), first + WINDOW_WORDS) - 1
    start, end = words[first][1], words[last][2]
    if end - start > max_chars:
        end = start + max_chars
    hit_set = set(hits)
    out = ["… " if start > 0 else ""]
    pos = start
    for i in range(first, last + 1):
        _, s, e = words[i]
        if s >= end:
            break
        if i in hit_set:
            out.append(html.escape(" ".join(text[pos:s].split(" "))))
            out.append(f"<mark>{html.escape(text[s:e])}</mark>")
            pos = e
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append(" …")
    return " ".join("".join(out).split())
