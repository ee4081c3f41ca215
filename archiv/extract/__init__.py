"""From ExtractedText to the Vorlage record."""

from __future__ import annotations

from datetime import UTC, datetime

from ..models import ExtractedText, PageInfo, SourceInfo, Vorlage


def extract(doc: ExtractedText, ingested_at: str | None = None) -> Vorlage:
    # Imported here, not with the package: the ingest command imports a few small modules of it
    # (vocabulary, normalize) and never extracts; its workers have these loaded in advance.
    from .entities import find_entities
    from .fields import read_fields
    from .niederschrift import as_minutes
    from .provenance import provenance

    text = doc.text
    # Pages are joined by a plain line break here: a page end is no paragraph end.
    f = read_fields(
        "\n".join(p.text for p in doc.pages if p.text), doc.tables, bare_labels=doc.format == "html", title=doc.title
    )
    for name, value in doc.known:  # what a structured source states wins over the text
        setattr(f, name, list(value) if name == "beschlusslauf" else value)
    where = provenance(doc.pages, f, {name for name, _ in doc.known})
    entities = find_entities(text, [r.gremium for r in f.beschlusslauf], f.vorlage_nr)
    source = SourceInfo(
        path=doc.source.path,
        sha256=doc.source.sha256,
        format=doc.format,
        pages=len(doc.pages) if doc.paged else None,
        ocr_confidence=doc.ocr_confidence,
        ingested_at=ingested_at or datetime.now(UTC).isoformat(timespec="seconds"),
        page_methods=tuple(PageInfo(p.number, p.method, len(p.text)) for p in doc.pages) if doc.paged else (),
    )
    record = Vorlage(
        id=doc.source.sha256[:16],
        vorlage_nr=f.vorlage_nr,
        aktenzeichen=f.aktenzeichen,
        art=f.art,
        datum=f.datum,
        oeffentlich=f.oeffentlich,
        koerperschaft=f.koerperschaft,
        fachbereich=f.fachbereich,
        beteiligungen=tuple(f.beteiligungen),
        produkt=f.produkt,
        betreff=f.betreff,
        beschlusslauf=tuple(f.beschlusslauf),
        beschlussvorschlag=f.beschlussvorschlag,
        begruendung=f.begruendung,
        anlagen=tuple(f.anlagen),
        entities=entities,
        source=source,
        text=text,
        provenance=where,
        einreicher=f.einreicher,
        basis_nr=f.basis_nr,
    )
    return as_minutes(record)
