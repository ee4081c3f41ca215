"""Every sample Vorlage against its golden record (written from the document, not from the program)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archiv.archive import Archive

from .conftest import assert_matches_golden, golden_of, sample_files

_RECORDS: dict[Path, dict] = {}


def _extract(path: Path) -> dict:
    if path not in _RECORDS:
        _RECORDS[path] = Archive.extract(path, timeout=120)[0].to_dict()
    return _RECORDS[path]


def test_every_layout_has_samples() -> None:
    forms = {p.parent.name for p in sample_files()}
    assert {"text", "pdf", "html"} <= forms
    assert len(sample_files()) >= 8
    assert all(golden_of(p).exists() for p in sample_files())


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_matches_golden(sample: Path) -> None:
    golden = json.loads(golden_of(sample).read_text(encoding="utf-8"))
    assert_matches_golden(_extract(sample), golden)


def test_mitteilungsvorlage_has_no_beschlussvorschlag() -> None:
    sample = next(p for p in sample_files() if "mitteilung" in p.name and p.suffix == ".txt")
    record = _extract(sample)
    assert record["art"] == "Mitteilungsvorlage"
    assert record["beschlussvorschlag"] is None
    assert record["produkt"] is None


def test_pdf_records_pages_and_how_they_were_read() -> None:
    sample = next(p for p in sample_files() if p.suffix == ".pdf")
    record = _extract(sample)
    detail = record["source"]["pages_detail"]
    assert len(detail) == record["source"]["pages"]
    assert all(p["method"] == "text" and p["chars"] > 100 for p in detail)
