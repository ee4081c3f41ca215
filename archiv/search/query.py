"""archiv's query language, parsed once into a backend-neutral tree.

words                    all must match (AND)
"exact phrase"           the words in this order
field:value              betreff, text, gremium, art, fachbereich, aktenzeichen, vorlage_nr,
                         koerperschaft, datum, jahr, id, paragraph, gesetz (paragraph:34 gesetz:BauGB)
field:"a phrase"         a phrase in one field
prefix*                  words starting with "prefix"
-word, -field:value      exclusion
a OR b                   either (OR binds tighter than the implicit AND)
( ... )                  grouping
datum:2018-01-01..2018-12-31, jahr:2018, jahr:2016..2018   ranges (either end may be empty)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QueryError

FIELDS = (
    "betreff", "text", "gremium", "art", "fachbereich", "aktenzeichen", "vorlage_nr", "koerperschaft",
    "datum", "jahr", "id", "einreicher", "paragraph", "gesetz", "ergebnis",
)  # fmt: skip
FIELD_ALIASES = {"az": "aktenzeichen", "nr": "vorlage_nr", "vorlage": "vorlage_nr", "ds": "vorlage_nr"}
MAX_QUERY_LENGTH = 1000


@dataclass(frozen=True)
class Term:
    field: str | None  # None = the default fields
    text: str


@dataclass(frozen=True)
class Phrase:
    field: str | None
    text: str


@dataclass(frozen=True)
class Prefix:
    field: str | None
    text: str


@dataclass(frozen=True)
class Range:
    field: str  # datum | jahr
    low: str | None
    high: str | None


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class MatchAll:
    pass


@dataclass(frozen=True)
class AnyOf:
    """Already analysed terms (stems) of the default fields, any of which may match; built by code
    (more like this), never by the parser."""

    terms: tuple[str, ...]


Node = Term | Phrase | Prefix | Range | Not | And | Or | MatchAll | AnyOf

_TOKEN = re.compile(
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|(?P<neg>-)(?=\S)|(?P<field>[A-Za-z_]+):(?=\S)|"(?P<phrase>[^"]*)(?P<close>"?)'
    r"|(?P<word>[^\s()\"]+))"
)


@dataclass(frozen=True)
class _Tok:
    kind: str
    value: str
    pos: int


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TOKEN.match(query, pos)
        if not m or m.end() == pos:
            raise QueryError(query, pos, "unexpected-character")
        start = m.start(m.lastgroup) if m.lastgroup else pos
        if m.group("lp"):
            toks.append(_Tok("(", "(", start))
        elif m.group("rp"):
            toks.append(_Tok(")", ")", start))
        elif m.group("neg"):
            toks.append(_Tok("-", "-", start))
        elif m.group("field"):
            toks.append(_Tok("field", m.group("field"), start))
        elif m.group("phrase") is not None:
            if not m.group("close"):
                raise QueryError(query, m.start() + len(m.group()) - len(m.group().lstrip()), "unclosed-quote")
            toks.append(_Tok("phrase", m.group("phrase"), m.start("phrase") - 1))
        else:
            word = m.group("word")
            kind = "OR" if word == "OR" else "AND" if word == "AND" else "NOT" if word == "NOT" else "word"
            toks.append(_Tok(kind, word, start))
        pos = m.end()
    return toks


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.toks = _lex(query)
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def error(self, tok: _Tok | None, code: str, reason: str | None = None, detail: str = "") -> QueryError:
        return QueryError(self.query, tok.pos if tok else len(self.query), code, reason, detail)

    def parse(self) -> Node:
        if not self.toks:
            return MatchAll()
        node = self.and_expr()
        tok = self.peek()
        if tok is not None:
            raise self.error(tok, "unmatched-parenthesis" if tok.kind == ")" else "unexpected-input")
        return node

    def and_expr(self) -> Node:
        children: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != ")":
            if tok.kind == "AND":
                self.take()
                continue
            children.append(self.or_expr())
        if not children:
            raise self.error(self.peek(), "empty-group")
        return children[0] if len(children) == 1 else And(tuple(children))

    def or_expr(self) -> Node:
        children = [self.unary()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "OR"):
                raise self.error(nxt or tok, "or-operand")
            children.append(self.unary())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def unary(self) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind in ("-", "NOT"):
            self.take()
            if self.peek() is None:
                raise self.error(tok, "nothing-to-exclude")
            return Not(self.unary())
        return self.atom()

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "OR":
            raise self.error(tok, "or-operand")
        if tok.kind == "(":
            node = self.and_expr()
            close = self.peek()
            if close is None or close.kind != ")":
                raise self.error(tok, "unclosed-parenthesis")
            self.take()
            return node
        if tok.kind == ")":
            raise self.error(tok, "unmatched-parenthesis")
        if tok.kind == "field":
            return self.fielded(tok)
        if tok.kind == "phrase":
            return Phrase(None, tok.value)
        return _word(None, tok.value)

    def fielded(self, tok: _Tok) -> Node:
        name = FIELD_ALIASES.get(tok.value.lower(), tok.value.lower())
        if name not in FIELDS:
            reason = f"unknown field '{tok.value}' (known: {', '.join(FIELDS)})"
            raise self.error(tok, "unknown-field", reason, tok.value)
        value = self.peek()
        if value is None or value.kind not in ("word", "phrase", "OR", "AND", "NOT"):
            raise self.error(value or tok, "needs-value", f"'{tok.value}:' needs a value", tok.value)
        self.take()
        if value.kind == "phrase":
            return Phrase(name, value.value)
        if name in ("datum", "jahr"):
            return self.range_or_value(name, value)
        return _word(name, value.value)

    def range_or_value(self, name: str, tok: _Tok) -> Node:
        text = tok.value
        low, sep, high = text.partition("..")
        pattern = r"\d{4}" if name == "jahr" else r"\d{4}(-\d{2}(-\d{2})?)?"
        for part in (low, high) if sep else (low,):
            if part and not re.fullmatch(pattern, part):
                form = "YYYY" if name == "jahr" else "YYYY-MM-DD"
                raise self.error(tok, "bad-value", f"'{part}' is not a {name} ({form})", part)
        if not sep:
            if name == "jahr":
                return Term("jahr", low)
            return Range("datum", *_date_bounds(low))
        if not low and not high:
            raise self.error(tok, "open-range")
        if name == "datum":
            return Range("datum", _date_bounds(low)[0] if low else None, _date_bounds(high)[1] if high else None)
        return Range("jahr", low or None, high or None)


def _date_bounds(value: str) -> tuple[str, str]:
    """ "2018" -> 2018-01-01..2018-12-31; "2018-06" -> the month; a full date -> itself."""
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-31"
    return value, value


def _word(field: str | None, text: str) -> Node:
    if text.endswith("*") and len(text.rstrip("*")) >= 2:
        return Prefix(field, text.rstrip("*"))
    return Term(field, text)


def parse_query(query: str) -> Node:
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(query[:60] + "…", 0, "too-long", f"query longer than {MAX_QUERY_LENGTH} characters")
    return _Parser(query).parse()


def positive_words(node: Node) -> list[tuple[str | None, str, bool]]:
    """(field, text, is_prefix) of every non-excluded word or phrase, for highlighting."""
    out: list[tuple[str | None, str, bool]] = []
    if isinstance(node, Term | Phrase):
        out.append((node.field, node.text, False))
    elif isinstance(node, Prefix):
        out.append((node.field, node.text, True))
    elif isinstance(node, And | Or):
        for child in node.children:
            out.extend(positive_words(child))
    return out
