"""OParl 1.1 Paper objects (JSON), as council information systems publish them.

The Paper's metadata states the fields outright (reference, name, paperType, date, the
Consultations); the text comes from the main File's "text" property or, where the File names a
file that lies beside the JSON, from that file parsed by its own parser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputFileError, UnsupportedFormatError
from ..models import BeschlusslaufRow, ExtractedText, Page, ParseOptions, Source
from .textutil import normalise_text

PAPER_TYPES = ("https://schema.oparl.org/1.1/Paper", "https://schema.oparl.org/1.0/Paper")


def is_paper(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    if obj.get("type") in PAPER_TYPES:
        return True
    return obj.get("type") is None and "reference" in obj and "name" in obj


def read_paper(path: str, data: bytes) -> dict[str, Any]:
    """The one OParl Paper in a file's bytes (a Paper, or a list or list page holding one).

    Also used after ingest: the OParl server reads what the source said (ids, body, every
    Consultation) from the kept original, so nothing the record has no field for is lost."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputFileError(path, f"not valid JSON ({e})") from e
    if isinstance(obj, dict) and isinstance(obj.get("data"), list):
        obj = obj["data"]  # an OParl list response
    if isinstance(obj, list):
        papers = [p for p in obj if is_paper(p)]
        if len(papers) == 1:
            obj = papers[0]
        else:
            raise UnsupportedFormatError(
                path, f"a list of {len(papers)} OParl Papers: store one Paper per file to ingest them"
            )
    if not is_paper(obj):
        raise UnsupportedFormatError(path, "JSON, but not an OParl Paper (no type Paper, no reference/name)")
    return obj


class OparlParser:
    def __init__(self, options: ParseOptions | None = None) -> None:
        self.options = options

    def parse(self, source: Source, data: bytes) -> ExtractedText:
        obj = read_paper(source.path, data)
        pages, tables, fmt_pages = self._main_text(source, obj)
        return ExtractedText(
            source=source,
            format="oparl",
            pages=pages,
            tables=tables,
            paged=fmt_pages,
            known=tuple(_known_fields(obj)),
        )

    def _main_text(self, source: Source, paper: dict[str, Any]) -> tuple[tuple[Page, ...], tuple, bool]:
        main = paper.get("mainFile") if isinstance(paper.get("mainFile"), dict) else None
        if main and isinstance(main.get("text"), str) and main["text"].strip():
            return (Page(1, normalise_text(main["text"]), "text"),), (), False
        linked = _linked_file(Path(source.path), main) if main else None
        if linked is not None:
            from ..detect import open_source
            from . import parse

            inner_source, inner_data = open_source(linked)
            if inner_source.detected not in ("json",):
                inner = parse(inner_source, inner_data, self.options)
                return inner.pages, inner.tables, inner.paged
        return (Page(1, "", "none"),), (), False


def _linked_file(json_path: Path, main: dict[str, Any]) -> Path | None:
    """The main File's own file when it lies beside the JSON (by fileName or the last part of its URL)."""
    names = [main.get("fileName"), *(str(main.get(k, "")).rsplit("/", 1)[-1] for k in ("accessUrl", "downloadUrl"))]
    for name in names:
        if name and "/" not in name and "?" not in name and name not in (".", ".."):
            candidate = json_path.parent / name
            if candidate.is_file():
                return candidate
    return None


def _name(value: Any) -> str | None:
    """An embedded object's name; a bare URL reference carries none."""
    if isinstance(value, dict):
        return value.get("name") or value.get("shortName")
    return None


def _known_fields(paper: dict[str, Any]) -> list[tuple[str, Any]]:
    known: list[tuple[str, Any]] = []
    for field, key in (("vorlage_nr", "reference"), ("betreff", "name"), ("art", "paperType")):
        if isinstance(paper.get(key), str) and paper[key].strip():
            known.append((field, " ".join(paper[key].split())))
    if isinstance(paper.get("date"), str) and len(paper["date"]) >= 10:
        known.append(("datum", paper["date"][:10]))
    body = _name(paper.get("body"))
    if body:
        known.append(("koerperschaft", " ".join(body.split())))
    lead = [n for n in map(_name, paper.get("underDirectionOf") or []) if n]
    if lead:
        known.append(("fachbereich", lead[0]))
    rows = []
    for c in paper.get("consultation") or []:
        if not isinstance(c, dict):
            continue
        organizations = [n for n in map(_name, c.get("organization") or []) if n]
        meeting = c.get("meeting") if isinstance(c.get("meeting"), dict) else {}
        gremium = organizations[0] if organizations else _name(meeting)
        if not gremium:
            continue  # only URLs: the committee's name is not in the Paper
        start = meeting.get("start") if isinstance(meeting.get("start"), str) else None
        rows.append(BeschlusslaufRow(None, gremium, None, c.get("role") or None, start[:10] if start else None, None))
    if rows:
        known.append(("beschlusslauf", tuple(rows)))
    return known
