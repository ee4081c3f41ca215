"""One naming rule and the same --format choices for every listing command; plain snippets with offsets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .conftest import SAMPLES, marked_words, run

PDF = SAMPLES / "pdf" / "lindenau_ds-47-2025_feuerwehrhaus.pdf"


def _ok(*args: object) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output


def test_dates_are_von_and_bis_with_the_old_spellings_as_aliases(sample_index: Path) -> None:
    def total(*extra: str) -> int:
        return json.loads(_ok("search", "--index", sample_index, "--format", "json", *extra))["total"]

    everything = total()
    since = total("--von", "2025-01-01")
    assert 0 < since < everything and since == total("--from", "01.01.2025")
    until = total("--bis", "2024-12-31")
    assert 0 < until == total("--to", "2024-12-31") == total("--", "datum:..2024-12-31") <= everything - since
    bad = run("search", "--index", sample_index, "--von", "gestern")
    assert bad.exit_code == 2 and "'gestern' is not a date" in bad.output


def test_every_listing_command_writes_each_format(sample_index: Path) -> None:
    for command in (("search", "Feuerwehrhaus"), ("similar", "DS 47/2025"), ("show", "DS 47/2025"), ("export",)):
        lines = _ok(*command, "--index", sample_index, "--format", "jsonl").splitlines()
        assert lines and all(isinstance(json.loads(line), dict) for line in lines), command
        rows = list(csv.reader(io.StringIO(_ok(*command, "--index", sample_index, "--format", "csv"))))
        assert rows[0][0] == "id" and len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), command
        assert _ok(*command, "--index", sample_index, "--format", "text").strip(), command
    # "table", the older name of text output, still works
    assert _ok("show", "DS 47/2025", "--index", sample_index, "--format", "table") == _ok(
        "show", "DS 47/2025", "--index", sample_index
    )


def test_one_json_shape_per_command(sample_index: Path) -> None:
    shown = json.loads(_ok("show", "DS 47/2025", "--index", sample_index, "--format", "json"))
    assert isinstance(shown, list) and [r["vorlage_nr"] for r in shown] == ["DS 47/2025"]
    extracted = json.loads(_ok("extract", PDF, "--format", "json"))
    assert isinstance(extracted, list) and len(extracted) == 1
    exported = json.loads(_ok("export", "--index", sample_index, "--format", "json", "--without-text"))
    assert isinstance(exported, list) and all("text" not in r for r in exported) and len(exported) > 5
    for command in (("search", "Feuerwehrhaus"), ("similar", "DS 47/2025")):
        page = json.loads(_ok(*command, "--index", sample_index, "--format", "json"))
        assert set(page) == {"total", "hits", "facets", "suggestion"}, command


def test_machine_formats_carry_plain_snippets_with_offsets(sample_index: Path) -> None:
    [hit] = [json.loads(line) for line in _ok("search", "Feuerwehrhaus", "--index", sample_index, "--format", "jsonl",
                                                "--limit", "1").splitlines()]  # fmt: skip
    assert "<" not in hit["snippet"] and marked_words(hit)
    assert all("feuerwehrhaus" in w.lower() for w in marked_words(hit))
    rows = list(csv.DictReader(io.StringIO(_ok("search", "Feuerwehrhaus", "--index", sample_index, "--format", "csv"))))
    assert "<mark>" not in rows[0]["snippet"]
    start, end = map(int, rows[0]["marks"].split()[0].split("-"))
    assert "feuerwehrhaus" in rows[0]["snippet"][start:end].lower()
    text = _ok("search", "Feuerwehrhaus", "--index", sample_index, "--limit", "1")
    assert "[Feuerwehrhaus" in text or "[feuerwehrhaus" in text.lower()  # not a terminal: the words in [brackets]
