"""The recipe for one file: detect -> parse -> extract. Runs inside a guarded worker."""

from __future__ import annotations

from dataclasses import replace

from .extract import extract
from .models import Source, Vorlage
from .parsers import parse


def process(job: tuple[Source, bytes, str, bool]) -> Vorlage:
    """Parse and extract one file's bytes into its record (no I/O: the caller stores it)."""
    source, data, ingested_at, nichtoeffentlich = job
    doc = parse(source, data)
    record = extract(doc, ingested_at)
    if nichtoeffentlich:
        record = replace(record, oeffentlich=False)
    return record
