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


def snippet(text: str, tree: Node, *, max_chars: int = 240) -> tuple[str, Marks]:
    """The passage of ``text`` that best matches the query, and where the matched words are in it."""
    return split_marks(_snippet_html(text, tree, max_chars))


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


def _snippet_html(text: str, tree: Node, max_chars: int) -> str:
    keys, prefixes = query_terms(tree)
    found = WORD.finditer(text)
    # Nothing to mark: the beginning will do.
    spans = [m.span() for m in (found if keys or prefixes else islice(found, WINDOW_WORDS))]
    if not spans:
        return ""
    # Whether a word is a hit depends on the word alone: each distinct word is judged once per text,
    # and a hit keeps its term (the window below counts distinct terms).
    judged: dict[str, str | None] = {}  # word -> its term where it is a hit, else None
    hits: list[int] = []
    term: dict[int, str] = {}
    for i, (s, e) in enumerate(spans if keys or prefixes else ()):
        word = text[s:e]
        if word not in judged:
            analysed = analyse_word(word)
            hit = analysed in keys
            # Parts of compounds and word families ("Arbeitsmarktintegration" for "Integration").
            hit = hit or (bool(prefixes) and fold(word.lower()).startswith(prefixes))
            hit = hit or (len(word) >= 7 and any(p in keys for p in word_parts(word)))
            judged[word] = analysed if hit else None
        if (found_term := judged[word]) is not None:
            hits.append(i)
            term[i] = found_term
    if hits:
        # The window with the most distinct matched terms, earliest first.
        best, best_score = hits[0], -1
        for h in hits:
            window = {term[j] for j in hits if h <= j < h + WINDOW_WORDS}
            if len(window) > best_score:
                best, best_score = h, len(window)
        first = max(0, best - 6)
    else:
        first = 0
    last = min(len(spans), first + WINDOW_WORDS) - 1
    start, end = spans[first][0], spans[last][1]
    if end - start > max_chars:
        end = start + max_chars
    hit_set = set(hits)
    out = ["… " if start > 0 else ""]
    pos = start
    for i in range(first, last + 1):
        s, e = spans[i]
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
