"""The archive stays whole: a killed or interrupted ingest, a damaged index, two writers at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from archiv.errors import ExitCode

from .ingest_support import archiv_cmd


def make_texts(folder: Path, n: int, tag: str = "stueck") -> list[Path]:
    """``n`` distinct small Vorlagen, each its own paper (its own number), with a line of its own."""
    folder.mkdir(parents=True)
    out = []
    for i in range(n):
        path = folder / f"{tag}-{i:03d}.txt"
        text = (
            f"Gemeinde Prüfstadt\nBeschlussvorlage\nVorlage-Nr.: {tag.upper()} {i}/2026\n"
            f"Betreff: Prüfung der Unterlagen Teil {i}\n\n"
            "Beschlussvorschlag:\nDer Rat beschließt, die Unterlagen zu prüfen.\n\n"
            f"Begründung:\nDie Unterlagen des Teils {i} liegen vor und werden geprüft.\n"
            f"Laufende Nummer {tag}{i}x\n"
        )
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def archiv(*args: object, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*archiv_cmd(), *map(str, args)], capture_output=True, text=True, timeout=timeout, check=False
    )


def start_ingest(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*archiv_cmd(), "ingest", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A test run started in the background (`make test &`) ignores SIGINT, and a child inherits
        # that; Ctrl-C must reach the ingest as it does at a terminal.
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_added(proc: subprocess.Popen[str], count: int) -> list[str]:
    """Read the running ingest's stdout until ``count`` files were added (committed)."""
    assert proc.stdout is not None
    lines: list[str] = []
    while sum(1 for line in lines if line.endswith(": added")) < count:
        line = proc.stdout.readline()
        assert line, "the ingest ended before it had added enough files"
        lines.append(line.rstrip("\n"))
    return lines


def search_total(index: Path, query: str) -> int:
    result = archiv("search", query, "--index", index, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def test_sigkill_in_the_middle_leaves_a_consistent_archive(tmp_path: Path) -> None:
    make_texts(tmp_path / "eingang", 30)
    index = tmp_path / "index"
    proc = start_ingest("--index", index, "--workers", "1", tmp_path / "eingang")
    wait_for_added(proc, 4)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)

    check = archiv("check", "--index", index, "-q")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "whole" in check.stdout
    again = archiv("ingest", "--index", index, "-q", tmp_path / "eingang")
    assert again.returncode == 0, again.stderr
    after = archiv("check", "--index", index, "-q")
    assert after.returncode == 0 and "check: 30 records, 30 originals verified, 30 in the search index: whole" in (
        after.stdout
    ), after.stdout
    assert "note:" not in after.stdout
    assert search_total(index, "stueck29x") == 1


def _children(pid: int) -> set[int]:
    """The live processes whose parent is ``pid`` (Linux /proc)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from Linux /proc")
def test_sigkill_of_the_ingest_stops_its_fork_server_and_workers(tmp_path: Path) -> None:
    make_texts(tmp_path / "eingang", 300)
    proc = start_ingest("--index", tmp_path / "index", "--workers", "2", tmp_path / "eingang")
    wait_for_added(proc, 3)
    family = _children(proc.pid)
    family |= {grandchild for child in family for grandchild in _children(child)}
    assert len(family) >= 3, family  # the fork server and its two workers (and multiprocessing's tracker)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    deadline = time.monotonic() + 10
    while any(map(_alive, family)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in family if _alive(pid)]


def test_the_next_ingest_removes_what_a_killed_run_left_half_written(tmp_path: Path) -> None:
    make_texts(tmp_path / "eingang", 3)
    index = tmp_path / "index"
    assert archiv("ingest", "--index", index, "-q", tmp_path / "eingang").returncode == 0
    half = next((index / "originals").iterdir()) / ".tmp-killed"  # a copy cut short by SIGKILL
    half.write_bytes(b"half a file")
    assert "leftover" in archiv("check", "--index", index, "-q").stdout
    make_texts(tmp_path / "neu", 1, tag="neu")
    assert archiv("ingest", "--index", index, "-q", tmp_path / "neu").returncode == 0
    assert not half.exists()
    after = archiv("check", "--index", index, "-q")
    assert after.returncode == 0 and "note:" not in after.stdout, after.stdout


def test_check_finds_a_damaged_index_and_repair_restores_it(tmp_path: Path) -> None:
    files = make_texts(tmp_path / "eingang", 6)
    index = tmp_path / "index"
    assert archiv("ingest", "--index", index, "-q", tmp_path / "eingang").returncode == 0
    assert archiv("check", "--index", index, "-q").returncode == 0

    # two entries deleted from the search index behind archiv's back
    import tantivy

    db = sqlite3.connect(index / "records.sqlite3")
    ids = [r[0] for r in db.execute("SELECT id FROM vorlagen ORDER BY source_path")]
    db.close()
    ix = tantivy.Index.open(str(index / "tantivy"))
    writer = ix.writer()
    for vid in ids[:2]:
        writer.delete_documents_by_term("id", vid)
    writer.commit()
    writer.wait_merging_threads()
    assert search_total(index, "stueck0x") == 0

    damaged = archiv("check", "--index", index, "-q")
    assert damaged.returncode == ExitCode.INDEX
    assert "error: 2 record(s) missing from the search index" in damaged.stderr
    repaired = archiv("check", "--repair", "--index", index, "-q")
    assert repaired.returncode == 0, repaired.stderr
    assert "repaired: 2 record(s) added to the search index" in repaired.stdout
    assert search_total(index, "stueck0x") == 1 and search_total(index, "stueck1x") == 1
    assert archiv("check", "--index", index, "-q").returncode == 0

    # a record the store no longer has, and an original whose bytes changed
    db = sqlite3.connect(index / "records.sqlite3")
    row = db.execute("SELECT original FROM vorlagen WHERE id = ?", (ids[3],)).fetchone()
    with db:
        db.execute("DELETE FROM vorlagen WHERE id = ?", (ids[5],))
    db.close()
    (index / row[0]).write_bytes(b"overwritten")
    damaged = archiv("check", "--index", index, "-q")
    assert damaged.returncode == ExitCode.INDEX
    assert "search index entr(ies) of no record in the store" in damaged.stderr
    assert "is damaged (its sha256 differs)" in damaged.stderr
    repaired = archiv("check", "--repair", "--index", index, "-q")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "restored from its source file" in repaired.stdout
    assert (index / row[0]).read_bytes() == files[3].read_bytes()
    whole = archiv("check", "--index", index, "-q")
    assert whole.returncode == 0 and "check: 5 records, 5 originals verified, 5 in the search index" in whole.stdout

    # a search index of another schema version (an older archiv built it)
    meta = index / "tantivy" / "archiv-index.json"
    meta.write_text(json.dumps(dict(json.loads(meta.read_text()), schema_version=0)))
    stale = archiv("check", "--index", index, "-q")
    assert stale.returncode == ExitCode.INDEX and "built by another version of archiv" in stale.stderr
    repaired = archiv("check", "--repair", "--index", index, "-q")
    assert repaired.returncode == 0 and "repaired: search index rebuilt from the store (5 records)" in repaired.stdout
    assert search_total(index, "stueck4x") == 1


def test_ctrl_c_stops_soon_with_one_line_and_keeps_what_was_added(tmp_path: Path) -> None:
    # Enough files that a run on a loaded machine cannot finish between the third "added" and the signal.
    make_texts(tmp_path / "eingang", 400)
    index = tmp_path / "index"
    proc = start_ingest("--index", index, "--workers", "1", tmp_path / "eingang")
    wait_for_added(proc, 3)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    seconds = time.monotonic() - sent
    assert proc.returncode == 130
    assert seconds < 5, f"took {seconds:.1f} s to stop"  # 1-2 s on an idle machine; slack for a loaded one
    assert "Traceback" not in out + err
    assert [line for line in err.splitlines() if line.startswith("interrupted")] == [err.splitlines()[-1]]
    check = archiv("check", "--index", index, "-q")
    assert check.returncode == 0 and "note:" not in check.stdout, check.stdout  # what was added is indexed
    assert search_total(index, "stueck0x") == 1


def test_a_second_ingest_waits_and_searches_keep_working(tmp_path: Path) -> None:
    make_texts(tmp_path / "a", 600, tag="erster")
    make_texts(tmp_path / "b", 3, tag="zweiter")
    index = tmp_path / "index"
    first = start_ingest("--index", index, "--workers", "1", tmp_path / "a")
    wait_for_added(first, 2)
    second = start_ingest("--index", index, "-q", tmp_path / "b")
    # while both run, a search sees what the first has committed (indexed every few seconds)
    deadline = time.monotonic() + 60
    while search_total(index, "Laufende") == 0 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert first.poll() is None, "the first ingest ended too soon to test this"
    assert search_total(index, "Laufende") > 0
    out2, err2 = second.communicate(timeout=600)
    _, err1 = first.communicate(timeout=600)
    assert first.returncode == 0 and second.returncode == 0, err1 + err2
    assert "another archiv process (pid" in err2 and f"is writing to {index}; waiting for it to finish" in err2
    assert out2.strip() == "ingest: 3 added, 0 unchanged, 0 failed"
    check = archiv("check", "--index", index, "-q")
    assert check.returncode == 0 and "603 in the search index: whole" in check.stdout, check.stdout
    assert os.path.exists(index / "writer.lock")
