"""A folder of hostile inputs, built here: one ingest names every path once with the right outcome.

Nothing hangs (FIFOs, sockets and devices are never opened), nothing aborts the batch (names that
are not UTF-8, have line breaks or glob characters), the good files beside them are found, and a
rerun gives the same outcomes without parsing a failed file again.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import stat
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from archiv.errors import ExitCode
from archiv.fsnames import display

from .conftest import SAMPLES
from .ingest_support import OPARL_SAMPLE, archiv_cmd

KITA = SAMPLES / "text" / "wesertal_0398-2024_kita_ausbau.txt"
PDF = SAMPLES / "pdf" / "hohenfeld_vo-2024-0193_bebauungsplan.pdf"
SCHULE = SAMPLES / "text" / "wesertal_0412-2024_schulsanierung.txt"


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def _docx_bomb(megabytes: int) -> bytes:
    """A Word file whose document.xml inflates from a few hundred KB to ``megabytes`` MB."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (megabytes * 1024 * 1024 // 34)
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>".encode() + body + b"</w:body></w:document>")
    return buf.getvalue()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption("geheim", ownerPassword="verwaltung"))
    c.drawString(100, 700, "Beschlussvorlage DS 1/2026: Haushalt")
    c.save()


def build_hostile(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the hostile folder; returns display path -> (expected outcome, a word of the reason)."""
    folder.mkdir()
    expect: dict[str, tuple[str, str]] = {}

    def put(name: str | bytes, data: bytes, outcome: str, why: str = "") -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.write_bytes(data)
        expect[display(path)] = (outcome, why)
        return path

    def special(path: Path, outcome: str, why: str) -> None:
        expect[display(path)] = (outcome, why)

    # the good ones, and what hostile names do to good content
    put("kita.txt", KITA.read_bytes(), "added")
    put("bebauungsplan.pdf", PDF.read_bytes(), "added")
    put("kopie der kita.txt", KITA.read_bytes(), "duplicate", "duplicate of")
    put(b"schule-\xff\xfe-latin1.txt", SCHULE.read_bytes(), "added")
    put("zeile\numbruch.txt", SCHULE.read_bytes() + b"\nZeilenumbruch im Namen\n", "added")
    put("[glob]*?$(echo x);`rm -rf`.txt", SCHULE.read_bytes() + b"\nGlob\n", "added")
    put("-r --help.txt", SCHULE.read_bytes() + b"\nBindestrich\n", "added")
    put(("lang" * 62) + ".txt", SCHULE.read_bytes() + b"\nlanger Name\n", "added")  # 252 bytes
    put("\u202eevil\x1b[31m.txt", SCHULE.read_bytes() + b"\nSteuerzeichen\n", "added")
    # encodings: BOMs, UTF-16 without one, NUL bytes, one long line
    text = KITA.read_text(encoding="utf-8") + "\nUnicode-Fassung\n"
    put("utf16le-bom.txt", b"\xff\xfe" + text.encode("utf-16-le"), "added")
    put("utf16be-bom.txt", b"\xfe\xff" + text.replace("Unicode", "Big-Endian").encode("utf-16-be"), "added")
    put("utf32le-bom.txt", b"\xff\xfe\x00\x00" + text.replace("Unicode", "UTF32").encode("utf-32-le"), "added")
    put("utf16-ohne-bom.txt", text.replace("Unicode", "Ohne BOM").encode("utf-16-le"), "added")
    put("nul-bytes.txt", SCHULE.read_bytes().replace(b"\n\n", b"\n\x00\n", 3), "added")
    put("eine-zeile.txt", b"Haushaltsmittel " * 150_000, "added")  # one 2.4 MB line
    # JSON: an OParl list, a non-OParl object, a manifest, JSON Lines, broken JSON
    paper = json.loads(OPARL_SAMPLE.read_text(encoding="utf-8"))
    second = dict(paper, id="urn:x:2", reference="DS 2026/099", name="Eisbahn am Markt")
    put("liste.json", json.dumps({"data": [paper, second], "links": {}}).encode(), "added")
    put("meeting.json", b'{"type": "https://schema.oparl.org/1.1/Meeting", "name": "Rat"}', "skipped", "not an OParl")
    put("manifest.json", json.dumps([{"path": "a.pdf"}, {"path": "b.pdf"}]).encode(), "skipped", "manifest")
    put("index.jsonl", b'{"path": "a.pdf"}\n{"path": "b.pdf"}\n', "skipped", "JSON Lines")
    put("kaputt.json", b'{"type": "https://schema.oparl.org/1.1/Paper", "name": ', "failed", "not valid JSON")
    put(
        "README.md",
        b"# Export\n\nDieser Ordner enthaelt Vorlagen.\n\n## Aufbau\n\n- `pdf/`: PDF\n- `text/`: Texte\n"
        b"- [Doku](https://example.org)\n\n```\nmake\n```\n",
        "skipped",
        "Markdown",
    )
    # documents that cannot be read
    put("leer.pdf", b"", "failed", "empty file")
    put("abgeschnitten.pdf", PDF.read_bytes()[:1500], "failed", "not a readable PDF")
    put("muell.bin", bytes((i * 7919) % 251 for i in range(5000)), "failed", "unsupported format")
    put("pixelbombe.png", _png_header(60_000, 60_000), "failed", "not a readable image")
    put("zipbombe.docx", _docx_bomb(160), "failed", "")
    _encrypted_pdf(folder / "verschluesselt.pdf")
    special(folder / "verschluesselt.pdf", "failed", "encrypted")
    big = folder / "riesig.pdf"
    with open(big, "wb") as fh:
        fh.truncate(6 * 1024 * 1024)  # sparse: over --max-size 5M, and never read
    special(big, "skipped", "size limit")
    # what is no file
    os.mkfifo(folder / "fifo.pdf")
    special(folder / "fifo.pdf", "skipped", "FIFO")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    sock.close()
    special(folder / "sock.txt", "skipped", "socket")
    try:
        os.mknod(folder / "geraet.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))  # like /dev/zero
        special(folder / "geraet.txt", "skipped", "character device")
    except (PermissionError, OSError):
        pass
    os.symlink("/dev/zero", folder / "null.txt")
    special(folder / "null.txt", "skipped", "character device")
    os.symlink("schleife-b.txt", folder / "schleife-a.txt")
    os.symlink("schleife-a.txt", folder / "schleife-b.txt")
    special(folder / "schleife-a.txt", "skipped", "loop")
    special(folder / "schleife-b.txt", "skipped", "loop")
    os.symlink("gibt-es-nicht.pdf", folder / "ins-leere.pdf")
    special(folder / "ins-leere.pdf", "skipped", "dangling")
    os.symlink("kita.txt", folder / "verweis-auf-kita.txt")
    special(folder / "verweis-auf-kita.txt", "duplicate", "duplicate of")
    (folder / "ordner.pdf").mkdir()
    special(folder / "ordner.pdf", "skipped", "empty folder")
    (folder / "unter").mkdir()
    os.symlink("..", folder / "unter" / "zurueck")
    special(folder / "unter" / "zurueck", "skipped", "link to a folder")
    put(".versteckt.txt", KITA.read_bytes(), "skipped", "hidden")
    put("Thumbs.db", b"\xd0\xcf\x11\xe0" + bytes(600), "excluded")
    return expect


def outcomes(report: Path) -> dict[str, dict]:
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    by_path = {o["path"]: o for o in lines}
    assert len(by_path) == len(lines), "a path was named twice"
    return by_path


def ingest(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*archiv_cmd(), "ingest", *map(str, args)], capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file types")
def test_every_hostile_path_gets_one_outcome_and_the_good_files_are_found(tmp_path: Path) -> None:
    folder = tmp_path / "eingang"
    expect = build_hostile(folder)
    index, report = tmp_path / "index", tmp_path / "report.jsonl"
    extra = tmp_path / "-beginnt-mit-strich.txt"
    extra.write_bytes(SCHULE.read_bytes() + b"\nals Argument\n")
    args = ("--index", index, "--max-size", "5M", "--memory-limit", "1536", "--exclude", "Thumbs.db")
    first = ingest(*args, "--report", report, "--", folder, extra)
    assert "Traceback" not in first.stdout + first.stderr
    assert first.returncode == ExitCode.PARTIAL_FAILURE, first.stderr
    got = outcomes(report)
    wanted = {p: e for p, e in expect.items() if e[0] != "excluded"} | {display(extra): ("added", "")}
    assert set(got) == set(wanted)
    for path, (outcome, why) in wanted.items():
        assert got[path]["outcome"] == outcome, (path, got[path])
        assert why in (got[path]["reason"] or ""), (path, got[path])
        reason = got[path]["reason"] or ""
        assert len(reason) <= 200 and "\n" not in reason and "/tmp/" not in reason.replace(str(tmp_path), "")
    assert got[display(folder / "liste.json")]["records"] == 2
    # every path is named once on the terminal too: failures on stderr, the others on stdout
    shown = [line for line in first.stdout.splitlines() if not line.startswith("ingest:")]
    shown += [line.removeprefix("error: ") for line in first.stderr.splitlines() if line.startswith("error: ")]
    for path in wanted:
        assert sum(1 for line in shown if line.startswith(path + ": ")) == 1, path
    counts = {k: sum(1 for o in got.values() if o["outcome"] == k) for k in ("added", "failed", "skipped")}
    assert first.stdout.splitlines()[-1].startswith(f"ingest: {counts['added']} added, 0 unchanged, ")

    def search(query: str) -> set[str]:
        found = subprocess.run(
            [*archiv_cmd(), "search", query, "--index", index, "--format", "json"], capture_output=True, text=True
        )
        # a hit is a Vorlage with all its files (the same paper in several encodings is one Vorlage)
        return {d["id"] for h in json.loads(found.stdout)["hits"] for d in h["dateien"]}

    assert got[display(folder / "kita.txt")]["id"] in search("Kita")
    assert got[display(folder / "bebauungsplan.pdf")]["id"] in search("Bebauungsplan")
    assert search("Eisbahn") and search("Hallenbad")  # the two Papers of the list
    listed = subprocess.run([*archiv_cmd(), "export", "--index", index], capture_output=True, text=True)
    paths = {json.loads(line)["source"]["path"] for line in listed.stdout.splitlines()}
    assert display(folder / b"schule-\xff\xfe-latin1.txt".decode("utf-8", "surrogateescape")) in paths
    assert "zeile\\numbruch.txt" in {p.rsplit("/", 1)[-1] for p in paths}

    # the rerun: the same outcome for every path, added ones now unchanged, nothing parsed again
    again_report = tmp_path / "again.jsonl"
    again = ingest(*args, "--report", again_report, "--", folder, extra)
    assert again.returncode == first.returncode and "Traceback" not in again.stdout + again.stderr
    second = outcomes(again_report)
    assert list(second) == list(got)
    for path, o in got.items():
        wanted_outcome = "unchanged" if o["outcome"] == "added" else o["outcome"]
        assert second[path]["outcome"] == wanted_outcome, (path, second[path])
        if o["outcome"] in ("failed", "skipped") and o["seconds"] > 0:  # parsed in the first run, not again
            assert second[path]["known"] and second[path]["seconds"] == 0, (path, second[path])
    check = subprocess.run([*archiv_cmd(), "check", "--index", index, "-q"], capture_output=True, text=True)
    assert check.returncode == 0 and "whole" in check.stdout, check.stdout + check.stderr


def test_a_known_failure_is_parsed_again_with_retry_failed(tmp_path: Path) -> None:
    folder = tmp_path / "eingang"
    folder.mkdir()
    broken = folder / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.4\n%garbage that is no pdf at all")
    shutil.copy(KITA, folder)
    index = tmp_path / "index"
    first = ingest("--index", index, "-q", folder)
    assert first.returncode == ExitCode.PARTIAL_FAILURE
    again = ingest("--index", index, "-q", folder)
    assert again.returncode == ExitCode.PARTIAL_FAILURE
    assert "known from an earlier run; --retry-failed parses it again" in again.stderr
    assert again.stdout.strip() == "ingest: 0 added, 1 unchanged, 1 failed (1 known from earlier runs)"
    broken.write_bytes(PDF.read_bytes())  # fixed in place: new bytes, parsed without asking
    fixed = ingest("--index", index, "-q", folder)
    assert fixed.returncode == 0 and fixed.stdout.startswith("ingest: 1 added, 1 unchanged, 0 failed")
    retried = ingest("--index", index, "-q", "--retry-failed", folder)
    assert retried.returncode == 0
