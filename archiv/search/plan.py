"""The query tree as a plan over index fields: what every backend executes, field by field.

Both backends translate the same plan, so analysis, fields and boosts are decided once, here:

- a word matches its stem in betreff (x3) and text, and, less strongly, the parts of compounds
  ("Integration" finds "Arbeitsmarktintegration") and word-family roots ("Flüchtling" finds
  "Geflüchtete"); a compound query word whose parts are all long enough also matches its parts
  written apart ("Schulwegsicherung": "Sicherung des Schulwegs"), below the word itself; a hyphenated
  one ("Kinder-Tagesstätte") also matches the word written as one;
- a quoted phrase matches the words as written, lower-cased only, in order;
- an identifier-shaped query ("11.40.90", "DS 79/2016", "Az. 413 017") matches the normalised
  Vorlage-Nr. / Aktenzeichen keys with a strong boost (IDENTIFIER_BOOST), a revision by its base
  number less strongly, the Vorlagen citing it, and the same digits as a phrase of the text, never
  its numbers one by one (so "11.40.90" does not find "Bündnis 90 … 26.11");
- a law citation ("§ 34 BauGB", "§§ 5, 6 KAG", fielded: paragraph:34 gesetz:BauGB) matches the
  citation keys of the Vorlagen (citations.py);
- a prefix matches every indexed term starting with it (the backend's automaton query, no cap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.dates import DATE_ANY, parse_date
from ..text.keys import identifier_keys
from .analysis import WORD, exact_terms, fold, query_keys, stem, terms
from .citations import MARK, any_law_key, citation_spans, law_key, paragraph_key
from .compounds import query_parts
from .document import BASE_MARK
from .query import And, AnyOf, MatchAll, Node, Not, Or, Phrase, Prefix, Range, Term

IDENTIFIER_BOOST = 20.0
VERSION_BOOST = 10.0  # a revision of the Vorlage-Nr. typed: below the paper itself
REFERENCE_BOOST = 2.0  # a Vorlage that cites the identifier
LAW_BOOST = 5.0
SPLIT_WEIGHT = 0.3  # the parts of a query compound written apart: below the compound itself
# A token with a digit and a separator between letters or digits: "11.40.90", "VO/2023/0117", "0398-2024".
_ID_SHAPE = re.compile(r"(?=\S*\d)\w+(?:[/._-]+\w+)+[.]?")
# Words typed before an identifier that are no part of it.
_ID_LABELS = {
    "az", "aktenzeichen", "gz", "ds", "drs", "drucksache", "drucksachen", "vorlage", "vorlagen", "nr", "nummer",
    "vorlagennummer", "vorlagen-nr", "ds-nr", "vo-nr", "drucksachennummer",
}  # fmt: skip
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


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
_SMALL["einreicher"] = "einreicher_terms"
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
    key, family = query_keys(word)
    out: list[Q] = []
    for stems, parts, boost in _PROSE[field]:
        out += [TermQ(stems, key, boost), TermQ(parts, key, boost * PART_WEIGHT)]
        if family:
            out.append(TermQ(parts, family, boost * FAMILY_WEIGHT))
    pieces = [stem(p) for p in query_parts(fold(word.lower()))]
    if pieces:
        # "Schulwegsicherung" also finds "Sicherung des Schulwegs"; short parts ("Rats|beschluss") never split.
        each = [
            _any([TermQ(f, p, boost * SPLIT_WEIGHT) for stems, parts, boost in _PROSE[field] for f in (stems, parts)])
            for p in pieces
        ]
        out.append(_all(each))
    return _any(out)


def _words(field: str | None, text: str) -> Q:
    if field in _SMALL:
        return _all([TermQ(_SMALL[field], t) for t in terms(text)])
    q = _all([_word(field, w) for w in WORD.findall(text)])
    if _HYPHENATED.fullmatch(text):  # "Kinder-Tagesstätte" is also "Kindertagesstätte"
        return _any([q, _word(field, text.replace("-", ""))])
    return q


def _exact(field: str | None, text: str) -> Q:
    if field not in _EXACT:
        return _words(field, text)
    words = tuple(exact_terms(text))
    if not words:
        return NoneQ()
    return _any([TermQ(f, words[0], b) if len(words) == 1 else PhraseQ(f, words, b) for f, b in _EXACT[field]])


def _identifier(text: str, *, phrase: bool = False, alt: str | None = None) -> Q | None:
    """The identifier keys of ``text`` (or of ``alt``, the same without a register number typed
    before it: "(1) 11.40.90"); with ``phrase``, also its words in this order in the text."""
    keys = identifier_keys(text)
    if not keys or not any(c.isdigit() for c in text):
        return None
    out: list[Q] = []
    for key in dict.fromkeys([keys[0], *identifier_keys(alt)[:1]]):
        out += [
            TermQ("nr_keys", key, IDENTIFIER_BOOST),
            TermQ("az_keys", key, IDENTIFIER_BOOST),
            TermQ("nr_keys", BASE_MARK + key, VERSION_BOOST),
            TermQ("az_keys", BASE_MARK + key, VERSION_BOOST),
            TermQ("ref_keys", key, REFERENCE_BOOST),
        ]
    if phrase:
        words = [w for w in WORD.findall(text.lower()) if w not in _ID_LABELS]
        if words:
            out.append(_exact(None, " ".join(words)))
    return BoolQ(should=tuple(out))


def is_identifier(text: str) -> bool:
    """An identifier typed as one token ("11.40.90", "3/2025"), not a date ("17.06.2025")."""
    date = DATE_ANY.fullmatch(text.rstrip("."))
    return bool(_ID_SHAPE.fullmatch(text)) and not (date and parse_date(date.group()))


def _is_label(word: str) -> bool:
    return word.lower().rstrip(".:") in _ID_LABELS


def _keys(field: str, text: str) -> Q:
    keys = identifier_keys(text)
    if not keys:
        return NoneQ()
    # the paper first, then its revisions (or the Aktenzeichen with a year or initials added)
    return _any([TermQ(field, keys[0], 2.0), TermQ(field, BASE_MARK + keys[0])])


def _citation(keys: tuple[str, ...]) -> Q:
    """A law citation of a query: any of its paragraphs; the one with the Absatz typed ranks higher."""
    of_law = [k for k in keys if not k.startswith(MARK + "-")]  # "§-34" is any law's § 34
    paragraphs = [k for k in of_law if k.count("-") == 1]
    absaetze = [k for k in of_law if k.count("-") == 2]
    found = _any([TermQ("ref_keys", k, LAW_BOOST) for k in paragraphs])
    return BoolQ(must=(found,), should=tuple(TermQ("ref_keys", k, LAW_BOOST) for k in absaetze)) if absaetze else found


def _law_fields(nodes: list[Node]) -> tuple[Q | None, list[Node]]:
    """paragraph:34 gesetz:BauGB as one key; either alone as the paragraph of any law / any paragraph."""
    paras = [n.text for n in nodes if isinstance(n, Term | Phrase) and n.field == "paragraph"]
    laws = [n.text for n in nodes if isinstance(n, Term | Phrase) and n.field == "gesetz"]
    if not paras and not laws:
        return None, nodes
    rest = [n for n in nodes if not (isinstance(n, Term | Phrase) and n.field in ("paragraph", "gesetz"))]
    if paras and laws:
        keys = [paragraph_key(law, p.removeprefix("§").strip()) for law in laws for p in paras]
    elif laws:
        keys = [law_key(law) for law in laws]
    else:
        keys = [any_law_key(p.removeprefix("§")) for p in paras]
    return _any([TermQ("ref_keys", k, LAW_BOOST) for k in keys]), rest


def _plain_run(words: list[Node]) -> Q | None:
    """Plain words that together are one identifier ("Az. 11.40.90", "DS 79/2016") or citation."""
    texts = [w.text for w in words]  # type: ignore[union-attr]
    joined = " ".join(texts)
    spans = citation_spans(joined)
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(joined):
        return _citation(spans[0][2])
    labels_and_numbers = all(_is_label(t) or t.isdigit() or is_identifier(t) for t in texts)
    if len(texts) > 1 and labels_and_numbers and any(not _is_label(t) for t in texts):
        rest = " ".join(texts[1:]) if texts[0].isdigit() and len(texts[0]) <= 2 else None
        return _identifier(joined, phrase=True, alt=rest)
    return None


def plan(node: Node) -> Q:
    """The plan of a query tree."""
    if isinstance(node, MatchAll):
        return AllQ()
    if isinstance(node, _Citation):
        return _citation(citation_spans(node.text)[0][2])
    if isinstance(node, Term | Phrase):
        if node.field == "vorlage_nr":
            return _keys("nr_keys", node.text)
        if node.field == "aktenzeichen":
            return _keys("az_keys", node.text)
        if node.field == "id":
            return PrefixQ("id", node.text.lower())
        if node.field == "jahr":
            return TermQ("jahr", node.text)
        if node.field in ("paragraph", "gesetz"):
            return _law_fields([node])[0] or NoneQ()
        if node.field is None and isinstance(node, Term):
            if (whole := _plain_run([node])) is not None:
                return whole
            if is_identifier(node.text):  # its numbers one by one would match dates and stray numbers
                return _identifier(node.text, phrase=True) or NoneQ()
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
        negatives = tuple(plan(c.child) for c in node.children if isinstance(c, Not))
        law, words = _law_fields(words)
        positives = [plan(c) for c in _runs(words)] + ([law] if law is not None else [])
        both = BoolQ(must=tuple(positives) or (AllQ(),))
        # "Az. 413 017", "DS 61/2025": an identifier typed as several words
        if len(words) > 1 and all(isinstance(c, Term) and c.field is None for c in words):
            whole = _plain_run(words)
            ident = _identifier(" ".join(c.text for c in words))  # type: ignore[union-attr]
            if whole is not None:
                both = whole
            elif ident is not None:
                both = BoolQ(should=(both, ident))
        return BoolQ(must=(both,), must_not=negatives) if negatives else both
    if isinstance(node, Or):
        return BoolQ(should=tuple(plan(c) for c in node.children))
    if isinstance(node, AnyOf):
        return _any([TermQ(f, t, b) for t in node.terms for f, _, b in _PROSE[None]])
    raise TypeError(f"unknown query node {node!r}")


def _is_citation(words: list[Node]) -> bool:
    joined = " ".join(w.text for w in words)  # type: ignore[union-attr]
    spans = citation_spans(joined)
    return len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(joined)


def _runs(words: list[Node]) -> list[Node]:
    """The words with each law citation among them ("Einvernehmen § 36 BauGB") made one node."""
    plain = [isinstance(w, Term) and w.field is None for w in words]
    if not any(p and (MARK in w.text or w.text.startswith("Art")) for p, w in zip(plain, words, strict=True)):  # type: ignore[union-attr]
        return words
    out: list[Node] = []
    i = 0
    while i < len(words):
        # the longest run of plain words from here that is one citation
        ends = (j for j in range(min(len(words), i + 12), i + 1, -1) if all(plain[i:j]) and _is_citation(words[i:j]))
        end = next(ends, None)
        if end:
            out.append(_Citation(" ".join(w.text for w in words[i:end])))  # type: ignore[union-attr]
            i = end
        else:
            out.append(words[i])
            i += 1
    return out


@dataclass(frozen=True)
class _Citation:
    text: str


def filter_plan(gremium: str | None, art: str | None, fachbereich: str | None, jahr: str | None,
                von: str | None, bis: str | None, public_only: bool,
                koerperschaft: str | None = None, einreicher: str | None = None,
                ergebnis: str | None = None) -> list[Q]:  # fmt: skip
    """The filters as plans; a value matches exactly or by its words ("--gremium ausschuss")."""
    out: list[Q] = []
    pairs = (("gremium", gremium), ("art", art), ("fachbereich", fachbereich))
    for field, value in (*pairs, ("koerperschaft", koerperschaft), ("einreicher", einreicher), ("ergebnis", ergebnis)):
        if value:
            out.append(BoolQ(should=(TermQ(field, value), _words(field, value))))
    if jahr:
        out.append(TermQ("jahr", jahr))
    if von or bis:
        out.append(RangeQ("datum", von, bis))
    if public_only:
        out.append(TermQ("oeffentlich", "1"))
    if koerperschaft:
        out.append(BoolQ(should=(TermQ("koerperschaft", koerperschaft), _words("koerperschaft", koerperschaft))))
    return out
