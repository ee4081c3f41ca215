"""The query tree as a plan over index fields: what every backend executes, field by field.

Both backends translate the same plan, so analysis, fields and boosts are decided once, here:

- a word matches its stem in betreff (x3) and text, and, less strongly, the parts of compounds
  ("Integration" finds "Arbeitsmarktintegration") and word-family roots ("Flüchtling" finds
  "Geflüchtete"); a query word itself is never decomposed;
- a quoted phrase matches the words as written, lower-cased only, in order;
- a word or phrase with a digit also matches the normalised Vorlage-Nr. / Aktenzeichen keys with a
  strong boost (IDENTIFIER_BOOST), so "413/017" finds Az. 413-017 first;
- a prefix is expanded by the backend to at most MAX_PREFIX_TERMS indexed terms (the most frequent).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.normalize import identifier_keys
from .analysis import WORD, exact_terms, fold, query_keys, terms
from .query import And, AnyOf, MatchAll, Node, Not, Or, Phrase, Prefix, Range, Term

MAX_PREFIX_TERMS = 200
IDENTIFIER_BOOST = 20.0
REFERENCE_BOOST = 2.0  # a Vorlage that cites the identifier


@dataclass(frozen=True)
class TermQ:
    field: str
    term: str
    boost: float = 1.0


@dataclass(frozen=True)
class PhraseQ:
    field: str
    terms: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class PrefixQ:
    field: str
    prefix: str
    boost: float = 1.0


@dataclass(frozen=True)
class RangeQ:
    field: str  # "datum": ISO dates; either end open
    low: str | None
    high: str | None


@dataclass(frozen=True)
class AllQ:
    pass


@dataclass(frozen=True)
class NoneQ:
    pass


@dataclass(frozen=True)
class BoolQ:
    """All of ``must``, none of ``must_not``; without ``must``, at least one of ``should``."""

    must: tuple[Q, ...] = ()
    should: tuple[Q, ...] = ()
    must_not: tuple[Q, ...] = ()


Q = TermQ | PhraseQ | PrefixQ | RangeQ | AllQ | NoneQ | BoolQ

# (stem field, parts field, boost) per query field; None = the default fields
_PROSE: dict[str | None, tuple[tuple[str, str, float], ...]] = {
    None: (("betreff", "betreff_parts", 3.0), ("text", "text_parts", 1.0)),
    "betreff": (("betreff", "betreff_parts", 1.0),),
    "text": (("text", "text_parts", 1.0),),
}
_SMALL = {"gremium": "gremium_terms", "art": "art_terms", "fachbereich": "fachbereich_terms"}
_SMALL["koerperschaft"] = "koerperschaft_terms"
_SMALL["ergebnis"] = "ergebnis_terms"
_EXACT = {None: (("betreff_exact", 3.0), ("text_exact", 1.0)), "betreff": (("betreff_exact", 1.0),)}
_EXACT["text"] = (("text_exact", 1.0),)
PART_WEIGHT = 0.5  # a compound's part counts half as much as the word itself
FAMILY_WEIGHT = 0.3


def _any(queries: list[Q]) -> Q:
    if not queries:
        return NoneQ()
    return queries[0] if len(queries) == 1 else BoolQ(should=tuple(queries))


def _all(queries: list[Q]) -> Q:
    if not queries:
        return NoneQ()
    return queries[0] if len(queries) == 1 else BoolQ(must=tuple(queries))


def _word(field: str | None, word: str) -> Q:
    stem, family = query_keys(word)
    out: list[Q] = []
    for stems, parts, boost in _PROSE[field]:
        out += [TermQ(stems, stem, boost), TermQ(parts, stem, boost * PART_WEIGHT)]
        if family:
            out.append(TermQ(parts, family, boost * FAMILY_WEIGHT))
    return _any(out)


def _words(field: str | None, text: str) -> Q:
    if field in _SMALL:
        return _all([TermQ(_SMALL[field], t) for t in terms(text)])
    return _all([_word(field, w) for w in WORD.findall(text)])


def _exact(field: str | None, text: str) -> Q:
    if field not in _EXACT:
        return _words(field, text)
    words = tuple(exact_terms(text))
    if not words:
        return NoneQ()
    return _any([TermQ(f, words[0], b) if len(words) == 1 else PhraseQ(f, words, b) for f, b in _EXACT[field]])


def _identifier(text: str) -> Q | None:
    keys = identifier_keys(text)
    if not keys or not any(c.isdigit() for c in text):
        return None
    key = keys[0]
    return BoolQ(
        should=(
            TermQ("nr_keys", key, IDENTIFIER_BOOST),
            TermQ("az_keys", key, IDENTIFIER_BOOST),
            TermQ("ref_keys", key, REFERENCE_BOOST),
        )
    )


def _keys(field: str, text: str) -> Q:
    keys = identifier_keys(text)
    return TermQ(field, keys[0]) if keys else NoneQ()


def plan(node: Node) -> Q:
    """The plan of a query tree."""
    if isinstance(node, MatchAll):
        return AllQ()
    if isinstance(node, Term | Phrase):
        if node.field == "vorlage_nr":
            return _keys("nr_keys", node.text)
        if node.field == "aktenzeichen":
            return _keys("az_keys", node.text)
        if node.field == "id":
            return PrefixQ("id", node.text.lower())
        if node.field == "jahr":
            return TermQ("jahr", node.text)
        q = _exact(node.field, node.text) if isinstance(node, Phrase) else _words(node.field, node.text)
        ident = _identifier(node.text) if node.field is None else None
        return BoolQ(should=(q, ident)) if ident is not None else q
    if isinstance(node, Prefix):
        if node.field in ("vorlage_nr", "aktenzeichen", "id"):
            field = {"vorlage_nr": "nr_keys", "aktenzeichen": "az_keys", "id": "id"}[node.field]
            return PrefixQ(field, "-".join(identifier_keys(node.text)[:1]) or node.text.lower())
        folded = fold(node.text.lower())
        if node.field in _SMALL:
            return PrefixQ(_SMALL[node.field], folded)
        out: list[Q] = []
        for stems, parts, boost in _PROSE[node.field]:
            out += [PrefixQ(stems, folded, boost), PrefixQ(parts, folded, boost * PART_WEIGHT)]
        return _any(out)
    if isinstance(node, Range):
        if node.field == "jahr":
            low, high = node.low and f"{node.low}-01-01", node.high and f"{node.high}-12-31"
            return RangeQ("datum", low, high)
        return RangeQ("datum", node.low, node.high)
    if isinstance(node, Not):
        return BoolQ(must=(AllQ(),), must_not=(plan(node.child),))
    if isinstance(node, And):
        words = [c for c in node.children if not isinstance(c, Not)]
        positives = [plan(c) for c in words]
        negatives = tuple(plan(c.child) for c in node.children if isinstance(c, Not))
        both = BoolQ(must=tuple(positives) or (AllQ(),))
        # "Az. 413 017", "DS 61/2025": an identifier typed as several words
        if len(words) > 1 and all(isinstance(c, Term) and c.field is None for c in words):
            ident = _identifier(" ".join(c.text for c in words))  # type: ignore[union-attr]
            if ident is not None:
                both = BoolQ(should=(both, ident))
        return BoolQ(must=(both,), must_not=negatives) if negatives else both
    if isinstance(node, Or):
        return BoolQ(should=tuple(plan(c) for c in node.children))
    if isinstance(node, AnyOf):
        return _any([TermQ(f, t, b) for t in node.terms for f, _, b in _PROSE[None]])
    raise TypeError(f"unknown query node {node!r}")


def filter_plan(gremium: str | None, art: str | None, fachbereich: str | None, jahr: str | None,
                date_from: str | None, date_to: str | None, public_only: bool,
                ergebnis: str | None = None) -> list[Q]:  # fmt: skip
    """The filters as plans; a value matches exactly or by its words ("--gremium ausschuss")."""
    out: list[Q] = []
    for field, value in (("gremium", gremium), ("art", art), ("fachbereich", fachbereich), ("ergebnis", ergebnis)):
        if value:
            out.append(BoolQ(should=(TermQ(field, value), _words(field, value))))
    if jahr:
        out.append(TermQ("jahr", jahr))
    if date_from or date_to:
        out.append(RangeQ("datum", date_from, date_to))
    if public_only:
        out.append(TermQ("oeffentlich", "1"))
    return out
