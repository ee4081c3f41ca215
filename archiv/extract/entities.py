"""Entities with spaCy: a blank German pipeline (or a trained one, where installed) plus rules.

Identifiers, amounts, § references and dates are regular expressions on the text, because
spaCy's German tokenizer splits "VA/2014/282" and "1.500 €" into several tokens; committees
and persons are token patterns of an EntityRuler.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..models import ENTITY_KINDS
from ..text.lines import dehyphenate
from ..words import alternation, words
from .normalize import DATE_ANY, identifier_key, parse_date
from .rulespans import Finder, Pieces, filter_spans, regex_spans, ruler_spans, triggers_for

LABEL_TO_KIND = {
    "GREMIUM": "gremien",
    "PER": "personen",
    "LOC": "orte",
    "ORG": "organisationen",
    "BETRAG": "betraege",
    "NORM": "rechtsnormen",
    "VORLAGE": "vorlagen",
    "DATUM": "daten",
}

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2}|,-{1,2})?|\d+(?:,\d{1,2}|,-{1,2})?"
_SCALE = r"(?:\s*(?:Mio\.|Millionen|Mrd\.|Milliarden|Tsd\.|T))?"
_AMOUNT = rf"(?:(?:{_NUMBER}){_SCALE}\s*(?:€|Euro\b|EUR\b))|(?:(?:€|EUR)\s*(?:{_NUMBER}){_SCALE})"
_LAW = r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-Z][A-Za-zäöü]*(?:\s+[IVX]{1,4}\b)?"
_NORM = (
    r"(?:§§?|Art\.|Artikel)\s*\d+[a-z]?(?:\s*(?:Abs\.|Absatz)\s*\d+[a-z]?)?(?:\s*(?:S\.|Satz)\s*\d+)?"
    rf"(?:\s*(?:Nr\.|Ziff\.)\s*\d+)?(?:\s*(?:und|,|bis)\s*\d+[a-z]?)*\s+{_LAW}"
)
_REF_LISTS = ("reference_words", "code_prefixes", "spaced_code_prefixes")
_REF = (
    r"\b(?:(?:" + alternation(words("numbers", "reference_words")) + r")(?:\s*Nr\.?)?\s*"
    r"(?:[A-Z]{1,4}\s*)?\d{1,5}\s*/\s*\d{2,4}(?:/\d{2,4})?(?:\s+\d\.\s*Ergänzung)?"
    r"|(?:" + alternation(words("numbers", "code_prefixes")) + r")[/-]\d{1,5}(?:[/-][0-9A-Za-z]{1,6}){1,3}"
    r"|(?:" + alternation(words("numbers", "spaced_code_prefixes")) + r")\s+\d{1,5}/\d{2,4}"
    r"|\d{3,5}-\d{4}/[A-Z][A-Za-z]{1,5}"
    r"|(?:[A-Z]{2,5}-)?[A-Z]{2,5}/\d{2}/\d{3,6}(?:-\d{1,2})?"  # ALLRIS 4: BSV/24/03391, INF-ANF/25/61471-1
    r"|[IVX]{1,4}-[A-Z]{1,3}-\d{4,5}(?:-[A-Z]{2,3}-\d{2})?)"  # Leipzig: VII-DS-08561, VII-A-07860-NF-04
)
_ORG = (
    r"(?:[A-ZÄÖÜ][\w&\-]*\s+){0,4}[A-ZÄÖÜ][\w&\-]*\s+(?:gGmbH|GmbH(?:\s*&\s*Co\.\s*KG)?|AG|e\.\s?V\.|e\.\s?G\.|eG|KG|AöR)"
    r"|(?:[A-ZÄÖÜ][\w\-]*\s+)?[A-ZÄÖÜ][\w]*-?Stiftung\b|[A-ZÄÖÜ]\w+\s+Stiftung\b"
)

# The first characters the alternatives of _REF can start with: a word of the lists, a digit or a capital.
_REF_FIRST = "".join(sorted({re.escape(w[0]) for k in _REF_LISTS for w in words("numbers", k)}))


@dataclass(frozen=True)
class Gated:
    """A pattern that can only match in a text where ``gate`` is found: the other texts (most of them,
    for a rare suffix) are not scanned by the pattern at all. The matches are the pattern's."""

    pattern: re.Pattern[str]
    gate: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.gate.search(text) else iter(())


# Each pattern starts with a lookahead for the characters its alternatives can start with: the same
# matches, but every other position of the text is passed by one test instead of entering each
# alternative (the regex engine derives no such test from an alternation or an optional group).
REGEX_ENTITIES: tuple[tuple[str, Finder], ...] = (
    ("BETRAG", re.compile(rf"(?=[\d€E])(?:{_AMOUNT})")),
    ("NORM", re.compile(_NORM)),
    ("VORLAGE", re.compile(rf"(?=[{_REF_FIRST}A-Z\d])(?:{_REF})")),
    # every match holds a legal form after white space, or "Stiftung"
    (
        "ORG",
        Gated(re.compile(rf"(?=[A-ZÄÖÜ])(?:{_ORG})"), re.compile(r"\s(?:g?GmbH|AG|e\.\s?[VG]\.|eG|KG|AöR)|Stiftung")),
    ),
    ("DATUM", DATE_ANY),
)

_GREMIUM_TOKEN = (
    r"(?i)^(?:[\wäöüß-]*ausschuss|[\wäöüß-]*ausschuß|kreistag|gemeinderat|stadtrat|ortsrat|ortschaftsrat|bezirksrat"
    r"|[\wäöüß-]*beirat|gemeindevertretung|stadtverordnetenversammlung|bezirksvertretung|bezirksverordnetenversammlung"
    r"|kreisausschuss|magistrat|verwaltungsausschuss|samtgemeinderat|rat)$"
)
_PERSON_TITLES = [
    "herr", "herrn", "frau", "bürgermeister", "bürgermeisterin", "landrat", "landrätin", "oberbürgermeister",
    "oberbürgermeisterin", "stadtrat", "stadträtin", "ratsherr", "ratsfrau",
]  # fmt: skip
RULER_PATTERNS: list[dict[str, Any]] = [
    # "Ausschuss für Gleichstellung, Generationen und Soziales"
    {"label": "GREMIUM", "pattern": [
        {"LOWER": {"IN": ["ausschuss", "ausschuß", "beirat"]}}, {"LOWER": "für"},
        {"IS_TITLE": True}, {"ORTH": {"IN": [",", "und", "-"]}, "OP": "?"}, {"IS_TITLE": True, "OP": "?"},
        {"ORTH": {"IN": [",", "und"]}, "OP": "?"}, {"IS_TITLE": True, "OP": "?"},
    ]},
    # "Haupt- und Finanzausschuss"
    {"label": "GREMIUM", "pattern": [
        {"TEXT": {"REGEX": r"^[A-ZÄÖÜ]\w+-$"}}, {"LOWER": "und"}, {"TEXT": {"REGEX": _GREMIUM_TOKEN}},
    ]},
    {"label": "GREMIUM", "pattern": [{"IS_TITLE": True, "TEXT": {"REGEX": _GREMIUM_TOKEN}}]},
    {"label": "PER", "pattern": [
        {"LOWER": {"IN": _PERSON_TITLES}},
        {"TEXT": {"REGEX": r"^(?:Dr\.|Prof\.)$"}, "OP": "*"},
        {"IS_TITLE": True, "TEXT": {"REGEX": r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$"}},
        {"IS_TITLE": True, "TEXT": {"REGEX": r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$"}, "OP": "?"},
    ]},
]  # fmt: skip
_TITLES = re.compile(
    r"^(?:Herrn?|Frau|Bürgermeister(?:in)?|Oberbürgermeister(?:in)?|Landr(?:at|ätin)|Stadtr(?:at|ätin)|Ratsherr|Ratsfrau)\s+"
)
_REF_LABEL = re.compile(
    r"^(?:Drucksache|(?:Beschluss|Mitteilungs|Informations)?[Vv]orlage|Antrag|Anfrage)(?:\s*Nr\.?)?\s*(?=\S)"
)
_LEADING_WORDS = re.compile(r"^(?:(?:Die|Der|Das|Den|Dem|Des|Eine|Ein|Einer|Mit|Von|Vom|Für|Bei|Durch|Zur|Zum)\s+)+")
# Capitalised words that the PER pattern would take as a surname.
_NOT_SURNAMES = {"Vorsitzende", "Vorsitzender", "Kollegin", "Kollege", "Präsident", "Präsidentin"}


@lru_cache(maxsize=1)
def _nlp():
    import spacy
    from spacy.language import Language

    nlp = None
    for name in ("de_core_news_lg", "de_core_news_md", "de_core_news_sm", "de_dep_news_trf"):
        if spacy.util.is_package(name):  # a trained pipeline, only when installed
            nlp = spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "morphologizer", "attribute_ruler"])
            break
    if nlp is None:
        nlp = spacy.blank("de")

    if not Language.has_factory("archiv_regex_entities"):

        @Language.component("archiv_regex_entities")
        def regex_entities(doc):
            from spacy.util import filter_spans

            spans = list(doc.ents)
            for label, pattern in REGEX_ENTITIES:
                for m in pattern.finditer(doc.text):
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
            doc.ents = filter_spans(spans)
            return doc

    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": False})
    ruler.add_patterns(RULER_PATTERNS)
    nlp.add_pipe("archiv_regex_entities")
    nlp.max_length = 20_000_000
    return nlp


def _clean(kind: str, text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,.;:()")
    if kind == "personen":
        text = _TITLES.sub("", text)
        if not text or text.split()[0] in _NOT_SURNAMES:
            return None
    if kind == "organisationen":
        text = _LEADING_WORDS.sub("", text)
        if text.endswith(("e.V", "e.G")):
            text += "."
    if kind == "daten" and not parse_date(text):
        return None
    if kind == "vorlagen":
        text = _REF_LABEL.sub("", text)
    return text or None


@lru_cache(maxsize=1)
def _rules_only() -> bool:
    """True where the pipeline is the blank one with archiv's rules: then ``entity_spans`` may read
    the rules piecewise (a trained pipeline's entities depend on the whole text)."""
    return _nlp().pipe_names == ["entity_ruler", "archiv_regex_entities"]


def entity_spans(text: str, *, piecewise: bool = True) -> list[tuple[str, int, int]]:
    """(label, start, end) of every entity of ``text``, in order: the pipeline's ``doc.ents``.

    ``piecewise`` tokenizes only the places that can hold an entity (rulespans.py), with the same
    result as running the pipeline over the whole text, which ``piecewise=False`` does."""
    nlp = _nlp()
    if piecewise and _rules_only():
        pieces = Pieces(text, nlp.tokenizer)
        ruler = ruler_spans(pieces, nlp.get_pipe("entity_ruler").matcher, _triggers())
        regex = regex_spans(pieces, REGEX_ENTITIES) if ruler is not None else None
        if ruler is not None and regex is not None:
            return [(s.label, s.start, s.end) for s in filter_spans(ruler + regex)]
    return [(e.label_, e.start_char, e.end_char) for e in nlp(text).ents]


def load_pipeline() -> None:
    """Load spaCy's pipeline with archiv's rules now (a worker's fork server does, once), not on
    the first text."""
    _nlp()
    _triggers()


@lru_cache(maxsize=1)
def _triggers():
    return triggers_for(RULER_PATTERNS)


def find_entities(
    text: str, gremien: list[str], own_nr: str | None = None, *, piecewise: bool = True
) -> dict[str, tuple[str, ...]]:
    """Distinct entities per kind, in order of first appearance; the Beschlusslauf's Gremien come first."""
    found: dict[str, list[str]] = {k: [] for k in ENTITY_KINDS}
    found["gremien"].extend(dict.fromkeys(g for g in gremien if g))
    text = dehyphenate(text)
    own = identifier_key(own_nr) if own_nr else None
    for label, start, end in entity_spans(text, piecewise=piecewise):
        kind = LABEL_TO_KIND.get(label)
        if kind is None:
            continue
        value = _clean(kind, text[start:end])
        if not value or value in found[kind]:
            continue
        if kind == "vorlagen" and own and identifier_key(value) == own:
            continue
        found[kind].append(value)
    return {k: tuple(v) for k, v in found.items()}
