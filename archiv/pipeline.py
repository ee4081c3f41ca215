"""The recipe for one file: detect -> parse -> extract. Runs inside a guarded worker."""

from __future__ import annotations

from dataclasses import replace

from .detect import as_utf8
from .extract import extract
from .models import ParseOptions, Source, Vorlage
from .parsers import parse

Job = tuple[Source, bytes, str, bool] | tuple[Source, bytes, str, bool, ParseOptions]


def process(job: Job) -> Vorlage:
    """Parse and extract one file's bytes into its record (no I/O: the caller stores it).

    The optional fifth item carries the parse options (OCR cache, OCR processes, time budget)."""
    source, data, ingested_at, nichtoeffentlich, *rest = job
    if source.detected in ("text", "html", "json"):
        data = as_utf8(data)  # UTF-16/32 text: every text parser reads UTF-8 or 8-bit
    doc = parse(source, data, rest[0] if rest else None)
    record = extract(doc, ingested_at)
    if nichtoeffentlich:
        record = replace(record, oeffentlich=False)
    return record


def process_file(job: Job) -> tuple[Vorlage, ...]:
    """The records of one file: one, or one per Paper of an OParl list."""
    source, data, *rest = job
    if source.detected == "json":
        from .parsers.oparl import split_papers

        papers = split_papers(source, as_utf8(data))
        if papers is not None:
            return tuple(process((paper, own, *rest)) for paper, own in papers)  # type: ignore[arg-type]
    return (process(job),)
