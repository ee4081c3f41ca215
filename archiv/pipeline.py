"""The recipe for one file: detect -> parse -> extract. Runs inside a guarded worker."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .detect import as_utf8
from .extract import extract
from .models import ExtractedText, PageInfo, ParseOptions, Source, Vorlage
from .parsers import parse

# Fields are read from the first this many characters. A Vorlage states them on its first pages;
# a text of tens of MB (one 50 MB line, a dump) would keep the extractor (entities, provenance)
# busy for minutes and gigabytes: 5 MB took 90 s, 50 MB ran out of 4 GiB.
EXTRACT_CHARS = 500_000


@dataclass(frozen=True)
class Job:
    """One file's work for a guarded worker: its bytes and what the record is to say beyond them."""

    source: Source
    data: bytes
    ingested_at: str
    nichtoeffentlich: bool = False
    options: ParseOptions | None = None  # OCR cache, OCR processes, time budget


def process(job: Job) -> Vorlage:
    """Parse and extract one file's bytes into its record (no I/O: the caller stores it)."""
    doc = parse(job.source, job.data, job.options)  # the registry re-encodes UTF-16/32 text
    record = extract(_head(doc), job.ingested_at)
    if len(record.text) < len(doc.text):  # the whole text is kept and indexed, only extraction stopped early
        info = tuple(PageInfo(p.number, p.method, len(p.text)) for p in doc.pages) if doc.paged else ()
        record = replace(record, text=doc.text, source=replace(record.source, page_methods=info))
    if job.nichtoeffentlich:
        record = replace(record, oeffentlich=False)
    return record


def _head(doc: ExtractedText) -> ExtractedText:
    """``doc`` with its pages cut after EXTRACT_CHARS characters (the rest left empty)."""
    if sum(len(p.text) for p in doc.pages) <= EXTRACT_CHARS:
        return doc
    budget = EXTRACT_CHARS
    pages = []
    for p in doc.pages:
        text = p.text[:budget]
        if len(text) < len(p.text) and " " in text[-200:]:
            text = text[: text.rindex(" ")]  # not in the middle of a word
        budget -= len(text)
        pages.append(replace(p, text=text))
    return replace(doc, pages=tuple(pages))


def process_file(job: Job) -> tuple[Vorlage, ...]:
    """The records of one file: one, or one per Paper of an OParl list."""
    if job.source.detected == "oparl":
        from .parsers.oparl import split_papers

        papers = split_papers(job.source, as_utf8(job.data))
        if papers is not None:
            return tuple(process(replace(job, source=paper, data=own)) for paper, own in papers)
    return (process(job),)
