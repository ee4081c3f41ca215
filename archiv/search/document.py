"""The index document: what a backend indexes of a Vorlage, backend-neutral and already analysed.

Prose fields come as written (for exact phrases) and as pre-analysed term strings (stems; parts of
compounds and word-family roots), so every backend indexes the very same terms.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.normalize import identifier_keys
from ..models import Vorlage
from .analysis import index_terms, terms


@dataclass(frozen=True)
class IndexDocument:
    id: str
    vorlage_nr: str
    aktenzeichen: str
    nr_keys: tuple[str, ...]
    az_keys: tuple[str, ...]
    ref_keys: tuple[str, ...]  # keys of the other Vorlagen this one cites
    betreff: str
    text: str  # every prose field and the full text
    gremien: tuple[str, ...]
    art: str
    fachbereich: str
    koerperschaft: str
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
    ergebnisse: tuple[str, ...] = ()  # outcomes of the decisions linked from minutes (archiv/beschluesse.py)
    ergebnis_terms: str = ""


def index_document(v: Vorlage) -> IndexDocument:
    datum = v.datum or next((r.datum for r in v.beschlusslauf if r.datum), None) or ""
    gremien = tuple(dict.fromkeys(r.gremium for r in v.beschlusslauf))
    refs = tuple(dict.fromkeys(k for ref in v.entities.get("vorlagen", ()) for k in identifier_keys(ref)))
    betreff_terms, betreff_parts = index_terms(v.betreff or "")
    # what the minutes say was decided is searchable on the Vorlage it decides
    decided = "\n\n".join(b.text for b in v.beschluesse if b.text)
    text_terms, text_parts = index_terms(f"{v.text}\n\n{decided}" if decided else v.text)
    ergebnisse = tuple(dict.fromkeys(b.ergebnis for b in v.beschluesse if b.ergebnis))
    return IndexDocument(
        id=v.id,
        vorlage_nr=v.vorlage_nr or "",
        aktenzeichen=v.aktenzeichen or "",
        nr_keys=identifier_keys(v.vorlage_nr),
        az_keys=identifier_keys(v.aktenzeichen),
        ref_keys=refs,
        betreff=v.betreff or "",
        text=v.text,
        gremien=gremien,
        art=v.art or "",
        fachbereich=v.fachbereich or "",
        koerperschaft=v.koerperschaft or "",
        datum=datum,
        jahr=datum[:4],
        oeffentlich=v.oeffentlich is not False,
        betreff_terms=betreff_terms,
        betreff_parts=betreff_parts,
        text_terms=text_terms,
        text_parts=text_parts,
        gremium_terms=" ".join(t for g in gremien for t in terms(g)),
        art_terms=" ".join(terms(v.art or "")),
        fachbereich_terms=" ".join(terms(v.fachbereich or "")),
        koerperschaft_terms=" ".join(terms(v.koerperschaft or "")),
        ergebnisse=ergebnisse,
        ergebnis_terms=" ".join(t for e in ergebnisse for t in terms(e)),
    )
