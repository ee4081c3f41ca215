"""The index document: what a backend indexes of a Vorlage, backend-neutral and already analysed.

Prose fields come as written (for exact phrases) and as pre-analysed term strings (stems; parts of
compounds and word-family roots), so every backend indexes the very same terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models import Vorlage
from ..text.keys import identifier_bases, identifier_keys
from .analysis import analyse_text, exact_terms, terms
from .citations import citation_keys

BASE_MARK = "~"  # a revision ("DS 79/2016 – 1. Ergänzung") is also found, less strongly, by its base number


@dataclass(frozen=True)
class IndexDocument:
    id: str
    vorlage_nr: str
    aktenzeichen: str
    nr_keys: tuple[str, ...]  # and BASE_MARK + the base number of a revision ("~79-2016")
    az_keys: tuple[str, ...]
    ref_keys: tuple[str, ...]  # keys of the other Vorlagen this one cites, and of the laws (citations.py)
    betreff: str
    text: str  # every prose field and the full text
    gremien: tuple[str, ...]
    art: str
    fachbereich: str
    koerperschaft: str
    einreicher: str
    datum: str  # ISO date or "" (the Vorlage's own date, else its first session)
    jahr: str
    oeffentlich: bool  # False only where the record says so
    betreff_terms: str = ""  # space-separated stems
    betreff_parts: str = ""  # space-separated parts (compounds.py) and "^" word-family roots
    text_terms: str = ""
    text_parts: str = ""
    gremium_terms: str = ""  # the small fields' stems, for field:value queries
    art_terms: str = ""
    fachbereich_terms: str = ""
    koerperschaft_terms: str = ""
    einreicher_terms: str = ""
    ergebnisse: tuple[str, ...] = ()  # outcomes of the decisions linked from minutes (archiv/beschluesse.py)
    ergebnis_terms: str = ""
    betreff_words: str = ""  # the words as written, lower case, space-separated (analysis.exact_terms)
    text_words: str = ""
    # The record itself, for a backend that serves records too (opensearch: several ingest machines);
    # or, from a rebuild's workers, its JSON (grouped.analyse_groups): a Vorlage is costly to send between processes.
    vorlage: Vorlage | None = field(default=None, compare=False, repr=False)
    record_json: str = field(default="", compare=False, repr=False)


# Cached: a rebuild asks for the same numbers again (a group's papers, the numbers papers cite)
@lru_cache(maxsize=50_000)
def nr_keys_of(vorlage_nr: str | None) -> tuple[str, ...]:
    """The keys of a Vorlage-Nr., and BASE_MARK + its base number where it is a revision."""
    return identifier_keys(vorlage_nr) + tuple(BASE_MARK + k for k in identifier_bases(vorlage_nr))


@lru_cache(maxsize=50_000)
def az_keys_of(aktenzeichen: str | None) -> tuple[str, ...]:
    """The keys of an Aktenzeichen, and BASE_MARK + it without initials, year or its last groups."""
    return identifier_keys(aktenzeichen) + tuple(
        BASE_MARK + k for k in identifier_bases(aktenzeichen, aktenzeichen=True)
    )


_cited_keys = lru_cache(maxsize=50_000)(identifier_keys)  # the numbers papers cite repeat


@lru_cache(maxsize=20_000)
def field_terms(value: str) -> str:
    """The stems of a short value (a Gremium, an Art): few distinct values, each analysed once."""
    return " ".join(terms(value))


def index_document(v: Vorlage) -> IndexDocument:
    return IndexDocument(**document_fields(v))


def analysed_texts(v: Vorlage) -> tuple[str, str]:
    """The prose of ``v`` that its document analyses (analyse_text): the Betreff, and the text with
    what the minutes say was decided, which is searchable on the Vorlage it decides."""
    decided = "\n\n".join(b.text for b in v.beschluesse if b.text)
    return v.betreff or "", f"{v.text}\n\n{decided}" if decided else v.text


def document_fields(v: Vorlage) -> dict[str, Any]:
    """The fields of ``v``'s IndexDocument, as keywords: for callers that change a few before making it
    (grouped.py), since each dataclasses.replace of a document costs as much as making it."""
    datum = v.datum or next((r.datum for r in v.beschlusslauf if r.datum), None) or ""
    gremien = tuple(dict.fromkeys(r.gremium for r in v.beschlusslauf))
    # the Vorlagen it cites, and for minutes the Vorlagen their agenda items treat
    cited = (*v.entities.get("vorlagen", ()), *(nr for top in v.tops for nr in top.vorlagen))
    refs = tuple(dict.fromkeys(k for ref in cited for k in _cited_keys(ref)))
    refs += citation_keys(f"{v.betreff or ''}\n{v.text}")
    betreff, prose = analysed_texts(v)
    betreff_terms, betreff_parts, betreff_words = analyse_text(betreff)
    text_terms, text_parts, text_words = analyse_text(prose)
    if len(prose) != len(v.text):  # with decisions: the words as written are those of the text alone
        text_words = " ".join(exact_terms(v.text))
    ergebnisse = tuple(dict.fromkeys(b.ergebnis for b in v.beschluesse if b.ergebnis))
    return dict(
        id=v.id,
        vorlage_nr=v.vorlage_nr or "",
        aktenzeichen=v.aktenzeichen or "",
        nr_keys=nr_keys_of(v.vorlage_nr),
        az_keys=az_keys_of(v.aktenzeichen),
        ref_keys=refs,
        betreff=v.betreff or "",
        text=v.text,
        gremien=gremien,
        art=v.art or "",
        fachbereich=v.fachbereich or "",
        koerperschaft=v.koerperschaft or "",
        einreicher=v.einreicher or "",
        datum=datum,
        jahr=datum[:4],
        oeffentlich=v.oeffentlich is not False,
        betreff_terms=betreff_terms,
        betreff_parts=betreff_parts,
        text_terms=text_terms,
        text_parts=text_parts,
        gremium_terms=" ".join(filter(None, map(field_terms, gremien))),
        art_terms=field_terms(v.art or ""),
        fachbereich_terms=field_terms(v.fachbereich or ""),
        koerperschaft_terms=field_terms(v.koerperschaft or ""),
        einreicher_terms=field_terms(v.einreicher or ""),
        ergebnisse=ergebnisse,
        ergebnis_terms=" ".join(filter(None, map(field_terms, ergebnisse))),
        betreff_words=betreff_words,
        text_words=text_words,
        vorlage=v,
    )
