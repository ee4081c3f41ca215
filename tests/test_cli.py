"""Every command through click's CliRunner, with the exact error texts and exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from archiv.errors import ExitCode

from .conftest import HIT_KEYS, SAMPLES, marked_words, run


def test_every_command_is_documented() -> None:
    result = run("--help")
    for command in ("extract", "ingest", "search", "show", "export", "reindex", "check", "serve"):
        assert command in result.output
        sub = run(command, "--help")
        assert sub.exit_code == 0 and len(sub.output) > 80


def test_extract_json_of_a_sample_pdf() -> None:
    pdf = SAMPLES / "pdf" / "lindenau_ds-47-2025_feuerwehrhaus.pdf"
    result = run("extract", pdf, "--format", "json")
    assert result.exit_code == 0
    [record] = json.loads(result.output)  # extract --format json: always a list of records
    assert record["vorlage_nr"] == "DS 47/2025"
    assert [r["gremium"] for r in record["beschlusslauf"]][-1] == "Rat"


def test_extract_text_format_is_readable() -> None:
    result = run("extract", SAMPLES / "text" / "wesertal_0412-2024_schulsanierung.txt")
    assert result.exit_code == 0
    assert "Beschlusslauf:" in result.output and "Aktenzeichen:" in result.output


def test_extract_errors(tmp_path: Path) -> None:
    empty = tmp_path / "leer.pdf"
    empty.write_bytes(b"")
    result = run("extract", empty)
    assert result.exit_code == ExitCode.INPUT_FILE
    assert result.output == f"error: {empty}: empty file (0 bytes)\n"

    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    result = run("extract", broken)
    assert result.exit_code == ExitCode.INPUT_FILE
    assert result.output.startswith(f"error: {broken}: not a readable PDF")

    binary = tmp_path / "bild.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run("extract", binary)
    assert result.exit_code == ExitCode.INPUT_FILE
    assert result.output == f"error: {binary}: unsupported format (binary data, not a PDF, HTML or text file)\n"

    result = run("extract", tmp_path / "fehlt.pdf")
    assert result.exit_code == ExitCode.USAGE


def test_ingest_batch_with_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "eingang"
    shutil.copytree(SAMPLES / "text", folder / "text")
    shutil.copy(SAMPLES / "pdf" / "hohenfeld_vo-2024-0193_bebauungsplan.pdf", folder)
    (folder / "kaputt.pdf").write_bytes(b"%PDF-1.4\n%garbage that is no pdf at all")
    (folder / "leer.txt").write_bytes(b"")
    good = len(list((folder / "text").iterdir())) + 1  # the text samples and the PDF
    index = tmp_path / "index"

    first = run("ingest", folder, "--index", index, "--quiet")
    assert first.exit_code == ExitCode.PARTIAL_FAILURE
    errors = [line for line in first.stderr.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: {folder / 'kaputt.pdf'}: not a readable PDF")
    assert errors[1] == f"error: {folder / 'leer.txt'}: empty file (0 bytes)"
    assert f"ingest: {good} added, 0 unchanged, 2 failed" in first.stdout

    before = (index / "records.sqlite3").read_bytes()
    second = run("ingest", folder, "--index", index, "--quiet")
    assert second.exit_code == ExitCode.PARTIAL_FAILURE
    assert f"ingest: 0 added, {good} unchanged, 2 failed" in second.stdout
    assert json.loads(run("search", "Bebauungsplan", "--index", index, "--format", "json").output)["total"] == 1
    export = run("export", "--index", index).output.splitlines()
    assert len(export) == good
    assert before[:100] == (index / "records.sqlite3").read_bytes()[:100]


def test_ingest_progress_goes_to_stderr(tmp_path: Path) -> None:
    result = run("ingest", SAMPLES / "text", "--index", tmp_path / "ix")
    assert result.exit_code == 0
    n = len([p for p in (SAMPLES / "text").iterdir() if p.is_file()])
    assert f"[{n}/{n}]" in result.stderr
    assert f"[{n}/{n}]" not in result.stdout
    quiet = run("ingest", SAMPLES / "text", "--index", tmp_path / "ix2", "--quiet")
    assert quiet.stderr == ""


def test_ingest_keeps_originals_unless_no_copy(tmp_path: Path) -> None:
    sample = SAMPLES / "text" / "wesertal_0398-2024_kita_ausbau.txt"
    run("ingest", sample, "--index", tmp_path / "a", "-q")
    kept = list((tmp_path / "a" / "originals").rglob("*"))
    assert any(p.is_file() and p.read_bytes() == sample.read_bytes() for p in kept)
    run("ingest", sample, "--index", tmp_path / "b", "-q", "--no-copy")
    assert not (tmp_path / "b" / "originals").exists()


def test_search_json_contract(sample_index: Path) -> None:
    result = run("search", "Kita", "--index", sample_index, "--format", "json")
    assert result.exit_code == 0
    page = json.loads(result.output)
    assert set(page) == {"total", "hits", "facets", "suggestion"}
    assert page["total"] >= 1
    hit = page["hits"][0]
    assert set(hit) == HIT_KEYS
    assert [d["id"] for d in hit["dateien"]][:1] == [hit["id"]]
    # plain text with the offsets of the matched words, never HTML
    assert "<mark>" not in hit["snippet"] and hit["marks"]
    assert all(w.lower().startswith("kita") for w in marked_words(hit))
    assert {"gremium", "jahr", "art"} <= set(page["facets"])


def test_search_operators(sample_index: Path) -> None:
    def total(q: str, *extra: str) -> int:
        # "--" ends the options, so a query may start with "-".
        result = run("search", "--index", sample_index, "--format", "json", *extra, "--", q)
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["total"]

    all_docs = total("")
    assert total("Friedhof") >= 1
    assert total("Friedhof OR Feuerwehrhaus") == total("Friedhof") + total("Feuerwehrhaus")
    assert total("Feuerwehrhaus -Lindenau") < total("Feuerwehrhaus")
    assert total('"Friedhofsgebührensatzung der Stadt Elmshagen"') == 1
    assert total("art:Antrag") >= 1
    assert total("", "--art", "Mitteilungsvorlage") >= 2
    assert total("jahr:2025") + total("-jahr:2025") == all_docs
    assert total("datum:2024-01-01..2024-12-31") == total("jahr:2024")
    assert total("", "--from", "2025-01-01") == total("datum:2025-01-01..")


def test_search_csv_and_table(sample_index: Path) -> None:
    result = run("search", "Radweg", "--index", sample_index, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0][:3] == ["id", "vorlage_nr", "aktenzeichen"] and len(rows) >= 2
    table = run("search", "Radweg", "--index", sample_index)
    assert "Treffer" in table.output and "[" in table.output


def test_search_query_error_shows_where(sample_index: Path) -> None:
    result = run("search", 'Kita "offen', "--index", sample_index)
    assert result.exit_code == ExitCode.USAGE
    assert result.output == 'error: invalid query: unclosed quotation mark at position 6\n  Kita "offen\n       ^\n'
    bad_field = run("search", "farbe:rot", "--index", sample_index)
    assert bad_field.exit_code == ExitCode.USAGE and "unknown field 'farbe'" in bad_field.output


def test_show_by_number_in_any_spelling_and_not_found(sample_index: Path) -> None:
    for typed in ("DS 47/2025", "47/2025", "ds47/2025"):
        result = run("show", typed, "--index", sample_index, "--format", "json")
        assert result.exit_code == 0, typed
        assert [r["vorlage_nr"] for r in json.loads(result.output)] == ["DS 47/2025"]
    missing = run("show", "DS 999/1999", "--index", sample_index)
    assert missing.exit_code == ExitCode.NOT_FOUND
    assert missing.output == f"error: no Vorlage with id, Vorlage-Nr. or Aktenzeichen 'DS 999/1999' in {sample_index}\n"


def test_missing_index_says_what_to_do(tmp_path: Path) -> None:
    result = run("search", "Kita", "--index", tmp_path / "nichts")
    assert result.exit_code == ExitCode.INDEX
    assert (
        result.output
        == f"error: no archive in {tmp_path / 'nichts'}: run 'archiv ingest PATH --index {tmp_path / 'nichts'}' first\n"
    )


def test_export_jsonl_and_csv(sample_index: Path) -> None:
    lines = run("export", "--index", sample_index).output.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) >= 10 and all("beschlusslauf" in r and "text" in r for r in records)
    out = run("export", "--index", sample_index, "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(records)
    assert any(r["vorlage_nr"] == "VO/2024/0193" for r in rows)


def test_reindex_rebuilds_and_schema_mismatch_asks_for_it(fresh_index: Path) -> None:
    backend = json.loads((fresh_index / "search-backend.json").read_text())["backend"]
    meta = fresh_index / backend / "archiv-index.json"
    data = json.loads(meta.read_text())
    meta.write_text(json.dumps({**data, "schema_version": 0}))
    stale = run("search", "Kita", "--index", fresh_index)
    assert stale.exit_code == ExitCode.INDEX and "run 'archiv reindex'" in stale.output
    result = run("reindex", "--index", fresh_index, "--quiet")
    assert result.exit_code == 0 and "records indexed" in result.stderr
    again = run("search", "Kita", "--index", fresh_index, "--format", "json")
    assert json.loads(again.output)["total"] >= 1
