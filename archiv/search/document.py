"""The index document: what a backend indexes of a Vorlage, backend-neutral."""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.normalize import identifier_keys
from ..models import Vorlage


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


def index_document(v: Vorlage) -> IndexDocument:
    datum = v.datum or next((r.datum for r in v.beschlusslauf if r.datum), None) or ""
    gremien = tuple(dict.fromkeys(r.gremium for r in v.beschlusslauf))
    refs = tuple(dict.fromkeys(k for ref in v.entities.get("vorlagen", ()) for k in identifier_keys(ref)))
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
    )
