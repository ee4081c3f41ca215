"""Seconds of `archiv ingest` where most paths need no parsing, and of a no-op rerun.

Sets: 2,000 empty files (each fails at its stat, nothing is read), 2,000 small valid text
Vorlagen (the text samples with a line of their own, so no two have the same bytes; parsed and
indexed), and the real corpus ../shared/corpus (skipped when absent). Each ingest runs as the real
CLI in a subprocess (start-up included) with --quiet; a rerun is the same command again. The
corpus is ingested once (OCR included: minutes; --corpus-index reuses an index built before) and
rerun once to settle, then its no-op reruns are timed. Goals (issue 10): the empty files under
10 s, the corpus no-op rerun under 2 s.

    .venv/bin/python benchmarks/bench_outcomes.py [--files 2000] [--repeat 3] [--corpus-index DIR] [--write]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from readme_section import write_section

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "text"
CORPUS = ROOT.parent / "shared" / "corpus"
ARCHIV = [sys.executable, "-c", "from archiv.cli import main; main()"]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest(paths: list[Path], index: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of archiv and its workers, exit code) of one CLI run."""
    started, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([*ARCHIV, "ingest", *map(str, paths), "--index", str(index), "-q"], capture_output=True)
    return time.perf_counter() - started, _cpu() - cpu, done.returncode


Row = tuple[str, float, float, int]


def timed(label: str, paths: list[Path], index: Path, repeat: int) -> Row:
    runs = [ingest(paths, index) for _ in range(repeat)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    listed = ", ".join(f"{r[0]:.2f}" for r in runs)
    print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU (exit {runs[0][2]}; runs {listed})")
    return label, wall, cpu, runs[0][2]


def empty_files(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"leer-{i:05d}.pdf").touch()


def small_texts(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    texts = [p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(n):
        (folder / f"vorlage-{i:05d}.txt").write_bytes(texts[i % len(texts)] + f"\nLaufende Nummer {i}\n".encode())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each no-op rerun (median)")
    ap.add_argument("--corpus-index", type=Path, help="an index of the corpus built before (reused, not changed)")
    ap.add_argument("--write", action="store_true", help="write the results into benchmarks/README.md")
    args = ap.parse_args()

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-outcomes-") as tmp:
        work = Path(tmp)
        empty_files(work / "leer", args.files)
        rows.append(timed(f"{args.files} empty files, first run", [work / "leer"], work / "ix-leer", 1))
        rows.append(timed(f"{args.files} empty files, rerun", [work / "leer"], work / "ix-leer", args.repeat))
        small_texts(work / "texte", args.files)
        rows.append(timed(f"{args.files} small text Vorlagen, first run", [work / "texte"], work / "ix-texte", 1))
        rows.append(timed(f"{args.files} small text Vorlagen, no-op rerun", [work / "texte"], work / "ix-texte", 3))
        if CORPUS.is_dir():
            index = work / "ix-corpus"
            if args.corpus_index:
                shutil.copytree(args.corpus_index, index)
            files = sum(len(f) for _, _, f in os.walk(CORPUS))
            rows.append(timed(f"corpus ({files} files), first run or settling rerun", [CORPUS], index, 1))
            rows.append(timed(f"corpus ({files} files), no-op rerun", [CORPUS], index, args.repeat))

    if args.write:
        table = ["| run | seconds (wall) | CPU seconds | exit |", "|---|---:|---:|---|"]
        table += [f"| {label} | {wall:.2f} | {cpu:.2f} | {code} |" for label, wall, cpu, code in rows]
        body = (
            f"Measured {date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, under load (six sessions sharing the two cores). "
            f"`--workers` default (2), `--quiet`; each figure is a whole CLI run (start-up included), "
            f"no-op reruns the median of {args.repeat}. CPU seconds (user + system, archiv and its parser "
            f"processes) do not depend on the load as the wall times do."
            "\n\n" + "\n".join(table) + "\n\n"
            "Exit 3 for the empty files: an empty file is a document that cannot be read (failed); a "
            "rerun names the same failures again. A corpus no-op rerun reads no file: the sha256 of a "
            "path whose size, mtime, ctime and inode are unchanged is taken from the store, and known "
            "skips and failures are not parsed again."
        )
        write_section("bench_outcomes", "## bench_outcomes.py: outcomes without parsing, and no-op reruns", body)


if __name__ == "__main__":
    main()
