"""File names are data: any bytes but "/" and NUL are kept losslessly, shown escaped in one line,
and break neither SQLite, the search index, the CLI nor the web page."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archiv.fsnames import display, fs_path, unescape

from .conftest import SAMPLES, run

TEXT = SAMPLES / "text" / "wesertal_0433-2024_radverkehr_mitteilung.txt"

NAMES = [
    b"plain.txt",
    b"caf\xc3\xa9 \xe2\x80\x93 gut.txt",  # valid UTF-8: shown as it is
    b"latin1-\xe4\xf6\xfc.txt",  # not UTF-8
    b"zeile\nzwei\r.txt",
    b"tab\there.txt",
    b"esc\x1b[2J.txt",
    b"\xe2\x80\xaertl-override.txt",  # U+202E
    b"back\\slash \\xff.txt",
    b"-r",
    b"*?[a-z]{x,y}$HOME;`id`.txt",
    b"x" * 251 + b".txt",
]


@pytest.mark.parametrize("raw", [*NAMES, bytes(range(1, 256)).replace(b"/", b"")])
def test_display_is_one_printable_line_and_lossless(raw: bytes) -> None:
    shown = display(raw)
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown and "\u202e" not in shown
    shown.encode("utf-8")  # valid Unicode, no lone surrogates
    if shown != raw.decode("utf-8", "replace"):
        assert unescape(shown) == raw
    else:
        assert shown.encode("utf-8") == raw  # a clean name is shown as it is


def test_clean_names_are_shown_as_they_are() -> None:
    assert display("/a/Sitzung – Rat/Vorlage Nr. 12.pdf") == "/a/Sitzung – Rat/Vorlage Nr. 12.pdf"
    assert display("C:\\Temp\\x.pdf") == "C:\\Temp\\x.pdf"  # a clean name keeps its backslashes


def test_odd_names_pass_through_ingest_show_export_and_the_web(tmp_path: Path) -> None:
    folder = tmp_path / "eingang"
    folder.mkdir()
    data = TEXT.read_bytes()
    for i, raw in enumerate(NAMES):
        (Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))).write_bytes(data + f"\nNr {i}\n".encode())
    index = tmp_path / "index"
    result = run("ingest", folder, "--index", index)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"ingest: {len(NAMES)} added, 0 unchanged, 0 failed"
    lines = result.stdout.splitlines()[:-1]
    assert len(lines) == len(NAMES)  # one line each, however many line breaks the names hold
    for raw in NAMES:
        shown = display(os.fsencode(folder) + b"/" + raw)
        assert f"{shown}: added" in lines
        assert fs_path(shown).read_bytes().startswith(data)  # the name on disk, back from its display form

    records = [json.loads(line) for line in run("export", "--index", index).stdout.splitlines()]
    by_path = {r["source"]["path"]: r for r in records}
    odd = by_path[display(os.fsencode(folder) + b"/latin1-\xe4\xf6\xfc.txt")]
    assert run("show", odd["id"], "--index", index).exit_code == 0
    assert run("search", "Radverkehr", "--index", index, "--format", "csv").exit_code == 0

    from starlette.testclient import TestClient

    from archiv.web import create_app

    with TestClient(create_app(index)) as client:
        for record in records:
            page = client.get(f"/vorlage/{record['id']}")
            assert page.status_code == 200
            assert "\x1b" not in page.text and "\u202e" not in page.text
            original = client.get(f"/datei/{record['id']}")
            assert original.status_code == 200 and original.content.startswith(data)
        assert client.get("/", params={"q": "Radverkehr"}).status_code == 200


def test_no_copy_finds_an_odd_original_in_place(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/nicht-utf8-\xff\nzeile.txt"
    Path(os.fsdecode(raw)).write_bytes(TEXT.read_bytes())
    index = tmp_path / "index"
    assert run("ingest", os.fsdecode(raw), "--index", index, "-q", "--no-copy").exit_code == 0
    from archiv.archive import Archive

    with Archive(index) as archive:
        record = next(archive.records())
        assert record.source.path == display(raw)
        assert archive.store.original_path(record.id) == Path(os.fsdecode(raw))
