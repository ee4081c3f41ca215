"""The rule entities of a blank spaCy pipeline without tokenizing the whole text.

Running the tokenizer, the EntityRuler and the regular-expression component over every token of
a Vorlage was most of the time per file, though few places can hold an entity. This module gives
the same spans, by spaCy's own code on small pieces of the text:

- spaCy's tokenizer splits at whitespace first and reads each piece on its own; a whitespace run
  other than one blank becomes a token of its own. The text between such runs (a *segment*,
  e.g. a line) is therefore tokenized the same alone as inside the whole text, and no ruler
  pattern matches a whitespace token, so every ruler match lies inside one segment.
- The ruler's patterns need a token that names a committee or a title; only segments that
  contain one of those words (a superset test on the text) are tokenized and matched.
- A regular-expression match is aligned to tokens (``char_span(..., "expand")``) on the segments
  it touches, which are tokenized the same as inside the whole text.

Overlaps are then resolved as ``EntityRuler.set_annotations`` and ``spacy.util.filter_spans``
do, on token positions (a token is named by its first character's offset). The result is the
list of (label, start, end) the whole-text pipeline gives as ``doc.ents``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

# Whitespace runs that spaCy makes a token of: all but a single blank.
_BREAK = re.compile(r"\s{2,}|[^\S ]")


@dataclass(frozen=True, slots=True)
class RuleSpan:
    label: str
    tokens: tuple[int, ...]  # offset of each token's first character, in order
    start: int  # first character
    end: int  # after the last character


# The characters that a case-insensitive expression matches to one of the letters a-z, ä, ö, ü, ß
# although their lower case is not that letter (tests/test_fastpath.py works this set out anew).
CASE_ODD = "İıſ"
_CASE_ODD = re.compile(f"[{CASE_ODD}]")
_PLAIN_WORD = re.compile(r"[a-zäöüß]+")


@dataclass(frozen=True)
class Triggers:
    """What a segment must contain before a ruler pattern can match in it: a word (the LOWER
    predicate compares a token's lower-case text), a word found case-insensitively (a REGEX
    predicate "(?i)^(?:...)$" of plain words) or a regular expression (other REGEX predicates)."""

    words: tuple[str, ...]
    ci_words: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]  # each a lookahead: found at every place it starts

    def candidates(self, text: str, starts: list[int], ends: list[int]) -> set[int]:
        """The segments (by index) of ``text`` where some trigger starts: every segment that holds
        one, and perhaps a few more (a match that runs on past the segment's end)."""
        lower = text.lower()
        aligned = len(lower) == len(text)  # one character each: the offsets agree
        plain = list(self.words) if aligned else []
        places = [m.start() for p in self.patterns for m in p.finditer(text)]
        if self.ci_words and aligned and not _CASE_ODD.search(text):
            plain += self.ci_words  # found in the lower-case text, many times faster than by (?i)
        elif self.ci_words:
            places += [m.start() for m in _lookahead(tuple(self.ci_words), True).finditer(text)]
        if plain:
            places += [m.start() for m in _lookahead(tuple(plain), False).finditer(lower)]
        found = {bisect_right(starts, at) - 1 for at in places}
        if self.words and not aligned:
            pieces = (text[a:b].lower() for a, b in zip(starts, ends, strict=True))
            found |= {i for i, piece in enumerate(pieces) if any(w in piece for w in self.words)}
        return found


@lru_cache(maxsize=8)
def _lookahead(words: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    return re.compile(("(?i)" if ignore_case else "") + "(?=" + "|".join(map(re.escape, words)) + ")")


def segments(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the pieces between whitespace tokens (possibly empty at the ends)."""
    starts, ends = [0], []
    for m in _BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


class Pieces:
    """Tokenized pieces of one text, each tokenized once; gives up (``None``) once more characters
    were tokenized than the text has, where one pass over the whole text is cheaper."""

    def __init__(self, text: str, tokenizer: Callable[[str], Any]) -> None:
        self.text = text
        self.tokenizer = tokenizer
        self.starts, self.ends = segments(text)
        self.docs: dict[tuple[int, int], Any] = {}
        self.budget = len(text)

    def doc(self, a: int, b: int) -> Any | None:
        if (a, b) not in self.docs:
            self.budget -= b - a
            if self.budget < 0:
                return None
            self.docs[a, b] = self.tokenizer(self.text[a:b])
        return self.docs[a, b]


def _span(label: str, doc: Any, start: int, end: int, offset: int) -> RuleSpan:
    tokens = tuple(offset + doc[i].idx for i in range(start, end))
    last = doc[end - 1]
    return RuleSpan(label, tokens, tokens[0], offset + last.idx + len(last))


def ruler_spans(pieces: Pieces, matcher: Any, triggers: Triggers | None) -> list[RuleSpan] | None:
    """The EntityRuler's entities (ruler first in a blank pipeline, nothing to overwrite), by start."""
    strings = matcher.vocab.strings
    matches: set[tuple[int, int, int, str]] = set()
    by_key: dict[tuple[int, int, int, str], RuleSpan] = {}
    hits = triggers.candidates(pieces.text, pieces.starts, pieces.ends) if triggers is not None else None
    for i, (a, b) in enumerate(zip(pieces.starts, pieces.ends, strict=True)):
        if a == b or (hits is not None and i not in hits):
            continue
        if (doc := pieces.doc(a, b)) is None:
            return None
        for match_id, s, e in matcher(doc):
            if s == e:
                continue
            span = _span(strings[match_id], doc, s, e, a)
            key = (len(span.tokens), span.start, span.end, span.label)
            matches.add(key)
            by_key[key] = span
    # EntityRuler.match: longest first, then leftmost; set_annotations: skip what overlaps a kept one
    seen: set[int] = set()
    kept = []
    for key in sorted(matches, key=lambda k: (k[0], -k[1]), reverse=True):
        span = by_key[key]
        if span.tokens[0] not in seen and span.tokens[-1] not in seen:
            kept.append(span)
            seen.update(span.tokens)
    return sorted(kept, key=lambda s: s.start)


class Finder(Protocol):
    """What regex_spans needs of a pattern: its matches in a whole text, in order (re.Pattern has it)."""

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]: ...


def regex_spans(pieces: Pieces, patterns: Iterable[tuple[str, Finder]]) -> list[RuleSpan] | None:
    """Every match of ``patterns`` aligned to tokens as ``doc.char_span(..., alignment_mode="expand")``
    would, in the order found; None where that cannot be promised (an empty span, or too much text
    to tokenize piecewise)."""
    out = []
    for label, pattern in patterns:
        for m in pattern.finditer(pieces.text):
            # from the segment the match starts in (or the one before the whitespace it starts in)
            # to the one it ends in (or the one after)
            a = pieces.starts[bisect_right(pieces.starts, m.start()) - 1]
            b = pieces.ends[bisect_left(pieces.ends, m.end())]
            if (doc := pieces.doc(a, b)) is None:
                return None
            span = doc.char_span(m.start() - a, m.end() - a, label=label, alignment_mode="expand")
            if span is None:
                continue
            if len(span) == 0:
                return None
            out.append(_span(label, doc, span.start, span.end, a))
    return out


def filter_spans(spans: list[RuleSpan]) -> list[RuleSpan]:
    """``spacy.util.filter_spans`` on token positions: longest first, then leftmost, no overlaps."""
    seen: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (len(s.tokens), -s.start), reverse=True):
        if span.tokens[0] not in seen and span.tokens[-1] not in seen:
            kept.append(span)
            seen.update(span.tokens)
    return sorted(kept, key=lambda s: s.start)


_FLAGS = re.compile(r"(\(\?[aiLmsux]+\))?(.*)", re.S)
_CONTEXT = re.compile(r"\(\?<?[=!]|\\[bBAZ]|[\^$]")  # lookarounds and anchors read outside the token


@dataclass(frozen=True)
class _Condition:
    rank: tuple[int, int]  # lower is more selective: long words, then long expressions, then short words
    words: tuple[str, ...] = ()
    ci_words: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None


def _condition(token: dict[str, Any]) -> _Condition | None:
    """A test the text of a segment passes wherever ``token`` matches a token in it."""
    for key in ("LOWER", "TEXT", "ORTH"):
        value = token.get(key)
        if key == "LOWER" and isinstance(value, str):
            value = {"IN": [value]}
        if key == "LOWER" and isinstance(value, dict) and set(value) == {"IN"}:
            words = tuple(w.lower() for w in value["IN"])
            if any(ch.isspace() or ch in "σς" for w in words for ch in w):
                return None  # such a word could be cut by a segment's end, or read another way there
            return _Condition((0 if min(map(len, words)) >= 4 else 2, 0), words=words)
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            # spaCy searches the token's text; the same expression without its anchors is found
            # in any text that holds such a token
            flags, body = _FLAGS.match(value["REGEX"]).groups()  # type: ignore[union-attr]
            if body.startswith("^") and body.endswith("$") and not body.endswith("\\$"):
                body = body[1:-1]
            if _CONTEXT.search(body):
                return None
            body = unstarred(body)
            rank = (1, -len(body))
            alternatives = _alternatives(body[3:-1]) if body.startswith("(?:") and body.endswith(")") else None
            if flags == "(?i)" and alternatives and all(_PLAIN_WORD.fullmatch(w) for w in alternatives):
                return _Condition(rank, ci_words=tuple(alternatives))
            return _Condition(rank, pattern=re.compile(f"{flags or ''}(?={body})"))
    return None


def _class_end(expr: str, i: int) -> int:
    """The index after the character class that starts at ``expr[i]`` ("[")."""
    j = i + 1
    if expr[j : j + 1] == "^":
        j += 1
    if expr[j : j + 1] == "]":
        j += 1
    while j < len(expr) and expr[j] != "]":
        j += 2 if expr[j] == "\\" else 1
    return j + 1


def _alternatives(expr: str) -> list[str] | None:
    """``expr`` split at its top-level "|", or None where it is not plain enough to split."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(expr):
        ch = expr[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(expr, i)
            continue
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return None
        if ch == "|" and depth == 0:
            parts.append(expr[start:i])
            start = i + 1
        i += 1
    return [*parts, expr[start:]] if depth == 0 else None


def unstarred(body: str) -> str:
    """``body`` without a leading "[...]*", "\\w*" or ".*" in each alternative: searched anywhere in
    a text, "C*X" is found exactly where "X" is (with C* empty), and without it the search does not
    try every length of C* at every position."""
    if not (body.startswith("(?:") and body.endswith(")")) or _alternatives(body) != [body]:
        return body
    alternatives = _alternatives(body[3:-1])
    if alternatives is None:
        return body
    out = []
    for alt in alternatives:
        if alt.startswith("["):
            end = _class_end(alt, 0)
        elif alt.startswith(("\\w", "\\S")):
            end = 2
        else:
            end = 1 if alt.startswith(".") else 0
        rest = alt[end + 1 :].removeprefix("?")  # "*?" finds the same places as "*"
        if end and alt[end : end + 1] == "*" and rest and rest[0] not in "+*?{":
            alt = rest
        out.append(alt)
    return "(?:" + "|".join(out) + ")"


def triggers_for(patterns: list[dict[str, Any]]) -> Triggers | None:
    """Triggers of EntityRuler token patterns, or None where a pattern has no usable test (then
    every segment is matched)."""
    chosen: list[_Condition] = []
    for entry in patterns:
        options = []
        for token in entry["pattern"] if isinstance(entry["pattern"], list) else [None]:
            if token is None or token.get("OP", "1") not in ("1", "+"):
                continue
            if (cond := _condition(token)) is not None:
                options.append(cond)
        if not options:
            return None
        chosen.append(min(options, key=lambda c: c.rank))
    return Triggers(
        tuple(dict.fromkeys(w for c in chosen for w in c.words)),
        tuple(dict.fromkeys(w for c in chosen for w in c.ci_words)),
        tuple(dict.fromkeys(c.pattern for c in chosen if c.pattern is not None)),
    )
