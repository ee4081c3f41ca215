"""OParl 1.1 Paper objects (JSON), as council information systems publish them.

The Paper's metadata states the fields outright (reference, name, paperType, date, the
Consultations); the text comes from the main File's "text" property or, where the File names a
file that lies beside the JSON, from that file parsed by its own parser. A list of Papers (a JSON
list, or an API page with "data") is split into one Paper per record by ``split_papers``; JSON
that holds no Paper (another OParl object, a manifest, JSON Lines) is skipped, not failed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import InputFileError, SkippedFileError, UnsupportedFormatError
from ..fsnames import fs_path
from ..models import BeschlusslaufRow, ExtractedText, Page, ParseOptions, Source
from .format import Format, ParseLinked
from .textutil import normalise_text

PAPER_TYPES = ("https://schema.oparl.org/1.1/Paper", "https://schema.oparl.org/1.0/Paper")


def load_json(path: str, data: bytes) -> Any:
    text = data.decode("utf-8-sig", errors="replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        if _json_lines(text):
            reason = "JSON Lines (one JSON value per line): a manifest, not a document"
            raise SkippedFileError(path, reason) from e
        raise InputFileError(path, f"not valid JSON ({e})") from e


def _json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), (dict, list)) for line in lines)
    except json.JSONDecodeError:
        return False


def _items(obj: Any) -> list[Any] | None:
    """The entries of a JSON list or of an OParl list page ({"data": [...]}); None for anything else."""
    if isinstance(obj, dict) and isinstance(obj.get("data"), list):
        return obj["data"]
    return obj if isinstance(obj, list) else None


def _typed(obj: Any) -> bool:
    return isinstance(obj, dict) and obj.get("type") in PAPER_TYPES


def _not_papers(items: list[Any]) -> str:
    if not items:
        return "an empty JSON list: no document"
    return f"a JSON list of {len(items)} entries that are no OParl Papers (no type Paper): a manifest, not a document"


def split_papers(source: Source, data: bytes) -> list[tuple[Source, bytes]] | None:
    """Each Paper of an OParl list (a JSON list of Papers or an API page with "data") as a Source
    and bytes of its own, so each becomes its own record; None where the file is no such list.

    Only entries that say they are Papers count: an untyped list of objects with "reference" and
    "name" is a manifest of a download script, not a list a council system publishes."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"[", b"{"):
        return None
    try:
        items = _items(json.loads(data.decode("utf-8-sig", errors="replace")))
    except json.JSONDecodeError:
        return None
    papers = [p for p in items or () if _typed(p)]
    if len(papers) < 2:
        return None
    out: dict[str, tuple[Source, bytes]] = {}  # the same Paper twice in one list is one record
    for paper in papers:
        own = json.dumps(paper, ensure_ascii=False, sort_keys=True).encode("utf-8")
        digest = hashlib.sha256(own).hexdigest()
        out.setdefault(digest, (Source(path=source.path, sha256=digest, size=len(own), detected="oparl"), own))
    return list(out.values())


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
    obj = load_json(path, data)
    items = _items(obj)
    if items is not None:
        typed = [p for p in items if _typed(p)]
        if len(typed) > 1:
            raise UnsupportedFormatError(path, f"a list of {len(typed)} OParl Papers: ingest reads them Paper by Paper")
        if typed:
            obj = typed[0]
        elif len(items) == 1 and is_paper(items[0]):
            obj = items[0]
        else:
            raise SkippedFileError(path, _not_papers(items))
    if not is_paper(obj):
        raise SkippedFileError(path, "JSON, but not an OParl Paper (no type Paper, no reference/name)")
    return obj


class OparlParser:
    def __init__(self, options: ParseOptions | None = None, parse_linked: ParseLinked | None = None) -> None:
        self.options = options
        self.parse_linked = parse_linked  # the registry's: the main file beside the JSON, by its own format

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
        linked = _linked_file(fs_path(source.path), main) if main else None
        if linked is not None and self.parse_linked is not None:
            inner = self.parse_linked(linked, self.options, FORMAT.name)
            if inner is not None:
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


def _is_json(head: bytes) -> bool:
    return head.lstrip()[:1] in (b"{", b"[")  # JSON is read as OParl only; other JSON is skipped, not failed


FORMAT = Format(
    "oparl", _is_json, "application/json", lambda options, linked: OparlParser(options, linked), ("oparl",), text=True
)
