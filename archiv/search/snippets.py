"""Snippets: the best short passage of a text for a query, escaped, the matched words in <mark>.

Built with the same analysis chain as the index, so every backend highlights alike, and from
escaped text, so a document can never inject markup into a result page.
"""

from __future__ import annotations

import html

from .analysis import fold, terms, tokens
from .query import Node, positive_words

WINDOW_WORDS = 32


def query_terms(tree: Node) -> tuple[set[str], tuple[str, ...]]:
    """The analysed terms and the folded prefixes a query looks for (default and text fields)."""
    exact: set[str] = set()
    prefixes: list[str] = []
    for field, text, is_prefix in positive_words(tree):
        if field not in (None, "text", "betreff"):
            continue
        if is_prefix:
            prefixes.append(fold(text.lower()))
        else:
            exact.update(terms(text))
    return exact, tuple(prefixes)


def snippet(text: str, tree: Node, *, max_chars: int = 240) -> str:
    exact, prefixes = query_terms(tree)
    words = list(tokens(text))
    if not words:
        return ""

    def is_hit(term: str, start: int, end: int) -> bool:
        if term in exact:
            return True
        return bool(prefixes) and fold(text[start:end].lower()).startswith(prefixes)

    hits = [i for i, (t, s, e) in enumerate(words) if is_hit(t, s, e)]
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
