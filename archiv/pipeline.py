"""The recipe for one file: detect -> parse -> extract. Runs inside a guarded worker."""

from __future__ import annotations

from dataclasses import replace

from .extract import extract
from .models import ParseOptions, Source, Vorlage
from .parsers import parse


def process(job: tuple[Source, bytes, str, bool] | tuple[Source, bytes, str, bool, ParseOptions]) -> Vorlage:
    """Parse and extract one file's bytes into its record (no I/O: the caller stores it).

    The optional fifth item carries the parse options (OCR cache, OCR processes, time budget)."""
    source, data, ingested_at, nichtoeffentlich, *rest = job
    doc = parse(source, data, rest[0] if rest else None)
    record = extract(doc, ingested_at)
    if nichtoeffentlich:
        record = replace(record, oeffentlich=False)
    return record
