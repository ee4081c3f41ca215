"""Snippets: the best short passage of a text for a query, as plain text with the offsets of the
matched words (``marks``); ``marked_html`` turns them into escaped HTML with <mark> for the web.

Built with the same analysis chain as the index, so every backend highlights alike. Machine output
(JSON, CSV) carries the plain text and the offsets, never HTML.
"""

from __future__ import annotations

import html
import re
from itertools import islice

from .analysis import WORD, analyse_word, fold, query_keys, word_parts
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


Marks = tuple[tuple[int, int], ...]  # (start, end) character offsets of the matched words in the snippet


Judged = dict[str, str | None]  # document words -> the term each is a hit by, or None; for one query


def snippet(text: str, tree: Node, *, max_chars: int = 240, judged: Judged | None = None) -> tuple[str, Marks]:
    """The passage of ``text`` that best matches the query, and where the matched words are in it.
    ``judged``: the words judged for this query so far, filled in as it goes: the texts of one page
    of hits share most of their words, so each is judged once per page (never kept across searches)."""
    return split_marks(_snippet_html(text, tree, max_chars, {} if judged is None else judged))


def split_marks(marked: str) -> tuple[str, Marks]:
    """Escaped HTML with <mark> around words -> (plain text, offsets of the marked words)."""
    parts = _MARK.split(marked)
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    for i, part in enumerate(parts):
        piece = html.unescape(part)
        if i % 2:
            marks.append((length, length + len(piece)))
        plain.append(piece)
        length += len(piece)
    return "".join(plain), tuple(marks)


def marked_html(text: str, marks: Marks) -> str:
    """Plain text and offsets -> escaped HTML with <mark> around the marked words."""
    out: list[str] = []
    pos = 0
    for start, end in marks:
        out.append(html.escape(text[pos:start]) + f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    return "".join(out) + html.escape(text[pos:])


_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def _snippet_html(text: str, tree: Node, max_chars: int, judged: Judged) -> str:
    keys, prefixes = query_terms(tree)
    # The words by one C-level scan; their offsets only for the window shown (a long text's words
    # are listed once, as strings, and judged below as distinct words).
    words = WORD.findall(text) if keys or prefixes else []
    if not words:
        # Nothing to mark: the beginning will do.
        first = 0
        count = sum(1 for _ in islice(WORD.finditer(text), WINDOW_WORDS))
        if not count:
            return ""
        hits: list[int] = []
        term: dict[int, str] = {}
    else:
        # Whether a word is a hit depends on the word alone: each distinct word is judged once, and a
        # hit keeps its term (the window below counts distinct terms).
        distinct = set(words)
        for w in distinct.difference(judged):
            judged[w] = _judged(w, keys, prefixes)
        found = {w: t for w in distinct if (t := judged[w]) is not None}
        hits = [i for i, w in enumerate(words) if w in found]
        term = {i: found[words[i]] for i in hits}
        count = len(words)
        first = max(0, _best_window(hits, term) - 6) if hits else 0
    last = min(count, first + WINDOW_WORDS) - 1
    spans = [m.span() for m in islice(WORD.finditer(text), first, last + 1)]
    start, end = spans[0][0], spans[-1][1]
    if end - start > max_chars:
        end = start + max_chars
    hit_set = set(hits)
    out = ["… " if start > 0 else ""]
    pos = start
    for i, (s, e) in enumerate(spans, first):
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


def _judged(word: str, keys: set[str], prefixes: tuple[str, ...]) -> str | None:
    """The term a document word is a hit by, or None: its stem, a prefix, or the parts of a compound
    and word families ("Arbeitsmarktintegration" for "Integration")."""
    analysed = analyse_word(word)
    hit = analysed in keys
    hit = hit or (bool(prefixes) and fold(word.lower()).startswith(prefixes))
    hit = hit or (len(word) >= 7 and any(p in keys for p in word_parts(word)))
    return analysed if hit else None


def _best_window(hits: list[int], term: dict[int, str]) -> int:
    """The hit starting the window of WINDOW_WORDS words with the most distinct matched terms, the
    earliest of equals: one pass, the window's terms counted as it slides over the hits."""
    best, best_score = hits[0], -1
    inside: dict[str, int] = {}
    j = 0
    for a, h in enumerate(hits):
        while j < len(hits) and hits[j] < h + WINDOW_WORDS:
            inside[term[hits[j]]] = inside.get(term[hits[j]], 0) + 1
            j += 1
        if len(inside) > best_score:
            best, best_score = h, len(inside)
        t = term[hits[a]]
        inside[t] -= 1
        if not inside[t]:
            del inside[t]
    return best
