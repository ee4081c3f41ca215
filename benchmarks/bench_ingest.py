"""Pages per second of `archiv ingest` against a pdfplumber-only baseline, on the same PDFs.

Sets: the real Nordstemmen PDFs (../shared/corpus/nordstemmen/pdf, skipped when absent), the
generated samples/pdf/*.pdf, those samples copied --copies times (a distinct trailing byte per
copy, so that archiv's sha256 dedupe does not skip them), the Vorlagen with a ruled
Beratungsfolge table: samples/pdf plus --vorlagen files written by vorlage_tables.py, the mixed
corpus: every PDF of ../shared/corpus without scanned pages plus those Vorlagen, and the large set:
samples/pdf plus --large generated Vorlagen (the same generator, so the first --vorlagen of them are
the Vorlagen set's files; without the few whose short last page has too little text, which archiv
would OCR). With both Vorlagen sets in one run, the steady-state rate of an ingest is
printed too: the extra pages of the large set over the extra seconds its ingest took, i.e. the rate
once the fixed start-up (process, fork server, spaCy, index) is paid. Every
measurement runs --repeat times; the median is reported, in wall seconds and in CPU seconds
(the process and its children: on a machine other work shares, CPU time moves much less than
wall time). `archiv ingest` runs as the real CLI in a subprocess (process start-up, spaCy
loading, field extraction and indexing included); the other methods run in-process.

    .venv/bin/python benchmarks/bench_ingest.py [--write]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from readme_section import write_section
from vorlage_tables import write as write_vorlagen

from archiv.detect import open_source
from archiv.models import ParseOptions
from archiv.parsers.pdf import MIN_TEXT_CHARS, PdfParser

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
NORDSTEMMEN = CORPUS / "nordstemmen" / "pdf"
SAMPLES = ROOT / "samples" / "pdf"
README = ROOT / "benchmarks" / "README.md"
ARCHIV = Path(sys.executable).with_name("archiv")
SET_KEYS = ("nordstemmen", "nordstemmen-text", "samples", "copies", "vorlagen", "mixed", "vorlagen-large")
BASELINE = "pdfplumber extract_text, baseline (in-process)"
INGEST2 = "archiv ingest --workers 2 (CLI)"


@dataclass(frozen=True)
class PdfSet:
    name: str
    folder: Path
    files: list[Path]
    pages: int
    scanned: int  # pages without a text layer: archiv OCRs them, the baselines find no text there

    def describe(self) -> str:
        return f"{self.name}: {len(self.files)} files, {self.pages} pages, {self.scanned} without a text layer"


@dataclass(frozen=True)
class Row:
    set: str
    method: str
    files: int
    pages: int
    seconds: float
    cpu: float  # CPU seconds of the process and its children
    own_cpu: float = 0.0  # of an ingest: the command's own CPU seconds (the rest: fork server and workers)

    def line(self) -> str:
        rate = self.pages / self.seconds if self.seconds > 0 else float("inf")
        shown = f"{rate:,.1f}" if rate < 100 else f"{rate:,.0f}"
        cells = f"{self.files} | {self.pages} | {self.seconds:.3f} | {shown} | {self.cpu:.3f}"
        return f"| {self.set} | {self.method} | {cells} |"


def adopt_orphans() -> None:
    """Linux: make this process the subreaper of its descendants, so that the CPU time of the CLI's
    fork server and its workers (which the CLI does not wait for: they end when it ends) is counted
    in RUSAGE_CHILDREN once reap_orphans has waited for them."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1)  # PR_SET_CHILD_SUBREAPER


def reap_orphans(deadline: float = 10.0) -> None:
    """Wait for the descendants that the CLI left to us (they end within moments of the CLI)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.01)


def cpu_seconds() -> float:
    """CPU time of this process and of its children that were waited for (a CLI, its fork server
    and its workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def count_pages(path: Path) -> tuple[int, int]:
    """Pages, and pages without a text layer by archiv's rule (fewer than MIN_TEXT_CHARS characters)."""
    doc = pdfium.PdfDocument(path)
    try:
        scanned = 0
        for page in doc:
            textpage = page.get_textpage()
            scanned += len("".join(textpage.get_text_bounded().split())) < MIN_TEXT_CHARS
            textpage.close()
            page.close()
        return len(doc), scanned
    finally:
        doc.close()


def make_set(name: str, folder: Path) -> PdfSet:
    files = sorted(folder.rglob("*.pdf"))
    counts = [count_pages(f) for f in files]
    return PdfSet(name, folder, files, sum(c[0] for c in counts), sum(c[1] for c in counts))


def make_copies(files: list[Path], n: int, dest: Path) -> None:
    """``n`` copies of every file, each with its own trailing comment after %%EOF."""
    for i in range(n):
        for f in files:
            copy = dest / f"{f.stem}-copy{i:03d}.pdf"
            copy.write_bytes(f.read_bytes() + f"\n%copy-{i}\n".encode())
            if count_pages(copy) != count_pages(f):  # pypdfium2 must still read it whole
                raise SystemExit(f"{copy}: pypdfium2 reads a different page count than {f}")


def median_seconds(fn: Callable[[], None], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn``."""
    times, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), cpu_seconds()
        fn()
        times.append(time.perf_counter() - t)
        cpus.append(cpu_seconds() - c)
    return statistics.median(times), statistics.median(cpus)


def run_ingest(folder: Path, index: Path, workers: int, expect: str, n: int) -> tuple[float, float, float]:
    """Wall time, CPU time (with the fork server and workers) and the command's own CPU time of one
    `archiv ingest`; its summary must say ``n`` files were ``expect``."""
    cmd = [str(ARCHIV), "ingest", str(folder), "--index", str(index), "--quiet", "--workers", str(workers)]
    t, c = time.perf_counter(), cpu_seconds()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # the command's own rusage, apart from its descendants'
        seconds = time.perf_counter() - t
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    code = os.waitstatus_to_exitcode(status)
    reap_orphans()
    cpu = cpu_seconds() - c
    m = re.search(rf"(\d+) {expect}", stdout)
    if code != 0 or not m or int(m.group(1)) != n:
        print(f"warning: {shlex.join(cmd)} -> exit {code}: {stdout.strip()} {stderr.strip()}", file=sys.stderr)
    return seconds, cpu, usage.ru_utime + usage.ru_stime


def _median_row(name: str, method: str, s: PdfSet, runs: list[tuple[float, float, float]]) -> Row:
    return Row(name, method, len(s.files), s.pages, *(statistics.median(r[i] for r in runs) for i in (0, 1, 2)))


def bench_archiv(s: PdfSet, repeat: int) -> list[Row]:
    fresh: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    again: list[tuple[float, float, float]] = []
    for _ in range(repeat):
        for workers in (1, 2):
            with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
                index = Path(tmp) / "index"
                fresh[workers].append(run_ingest(s.folder, index, workers, "added", len(s.files)))
                if workers == 1:  # the same folder again: every file unchanged
                    again.append(run_ingest(s.folder, index, workers, "unchanged", len(s.files)))
    return [
        _median_row(s.name, "archiv ingest --workers 1 (CLI)", s, fresh[1]),
        _median_row(s.name, "archiv ingest --workers 2 (CLI)", s, fresh[2]),
        _median_row(s.name, "archiv ingest again, unchanged (CLI)", s, again),
    ]


def archiv_parse(files: list[Path]) -> None:
    parser = PdfParser(ParseOptions(progress=False))  # no OCR cache: scanned pages are OCRed every run
    for f in files:
        source, data = open_source(f)
        parser.parse(source, data)


def pdfplumber_text(files: list[Path]) -> None:
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()


def pypdfium2_text(files: list[Path]) -> None:
    for f in files:
        doc = pdfium.PdfDocument(f)
        try:
            for page in doc:
                textpage = page.get_textpage()
                textpage.get_text_bounded()
                textpage.close()
                page.close()
        finally:
            doc.close()


def bench_set(s: PdfSet, repeat: int) -> list[Row]:
    rows = bench_archiv(s, repeat)
    for method, fn in (
        ("archiv PdfParser.parse (in-process)", archiv_parse),
        ("pdfplumber extract_text, baseline (in-process)", pdfplumber_text),
        ("pypdfium2 get_text_bounded (in-process)", pypdfium2_text),
    ):
        rows.append(Row(s.name, method, len(s.files), s.pages, *median_seconds(lambda fn=fn: fn(s.files), repeat)))
    return rows


def revision() -> str:
    """The archiv code measured: commit, and whether the working tree differs from it."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "archiv"], capture_output=True, text=True).stdout
    return f"{head or 'unknown'}{' with uncommitted changes' if dirty.strip() else ''}"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0))
    return f"{nproc} CPUs (nproc), {cpu}, Python {platform.python_version()}, {platform.system()}"


def ratios(rows: list[Row]) -> str:
    """Per set, archiv's rates as multiples of the pdfplumber baseline's, measured in the same run
    (by wall time, and by CPU time in brackets)."""
    out = [
        "| set | ingest --workers 2 ÷ pdfplumber text | ingest --workers 1 ÷ pdfplumber text"
        " | parse ÷ pdfplumber text |"
    ]
    out.append("|---|---:|---:|---:|")
    for name in dict.fromkeys(r.set for r in rows):
        by = {r.method: r for r in rows if r.set == name}
        base = by[BASELINE]
        cells = [
            f"{base.seconds / by[m].seconds:.1f}× ({base.cpu / by[m].cpu:.1f}×)"
            for m in (
                "archiv ingest --workers 2 (CLI)",
                "archiv ingest --workers 1 (CLI)",
                "archiv PdfParser.parse (in-process)",
            )
        ]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def steady_state(rows: list[Row], small: str, large: str) -> str:
    """The ingest's rate once start-up is paid: the large set's extra pages over its extra seconds
    (wall, and CPU in brackets), beside pdfplumber's rate on the large set."""
    out = [
        f"Steady state ({large} against {small}):",
        "",
        "| method | extra pages | extra seconds | pages/s | ÷ pdfplumber text |",
        "|---|---:|---:|---:|---:|",
    ]
    by_small = {r.method: r for r in rows if r.set == small}
    by_large = {r.method: r for r in rows if r.set == large}
    base = by_large[BASELINE]
    for method in ("archiv ingest --workers 1 (CLI)", INGEST2):
        a, b = by_small[method], by_large[method]
        pages, seconds, cpu = b.pages - a.pages, b.seconds - a.seconds, b.cpu - a.cpu
        if seconds <= 0 or cpu <= 0:
            out.append(f"| {method} | {pages} | {seconds:.3f} | – | – |")
            continue
        rate = pages / seconds
        ratio, cpu_ratio = rate / (base.pages / base.seconds), (pages / cpu) / (base.pages / base.cpu)
        out.append(f"| {method} | {pages} | {seconds:.3f} | {rate:.1f} | {ratio:.1f}× ({cpu_ratio:.1f}×) |")
    return "\n".join(out)


def cpu_split(rows: list[Row]) -> str:
    """Where an ingest's CPU seconds went: the command itself (CLI, walk, store, search index) and
    the rest (the fork server's loading, the workers' parsing and field extraction)."""
    out = [
        "CPU seconds of each `archiv ingest` (medians): the command itself, and its fork server and workers:",
        "",
        "| set | method | wall s | CPU s | command | fork server + workers |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r.method.startswith("archiv ingest"):
            cells = f"{r.seconds:.3f} | {r.cpu:.3f} | {r.own_cpu:.3f} | {r.cpu - r.own_cpu:.3f}"
            out.append(f"| {r.set} | {r.method} | {cells} |")
    return "\n".join(out)


def table(rows: list[Row]) -> str:
    head = "| set | method | files | pages | seconds | pages/s | CPU s |\n|---|---|---:|---:|---:|---:|---:|"
    return "\n".join([head, *(r.line() for r in rows)])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=20, help="copies of every sample PDF in the larger set (default 20)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported (default 3)")
    ap.add_argument("--vorlagen", type=int, default=60, help="generated Vorlagen with tables (default 60)")
    ap.add_argument("--large", type=int, default=300, help="generated Vorlagen of the large set (default 300)")
    ap.add_argument(
        "--sets",
        default=",".join(SET_KEYS),
        help=f"comma-separated sets to run, of {', '.join(SET_KEYS)} (default: all)",
    )
    ap.add_argument("--write", action="store_true", help=f"also write the results into {README.relative_to(ROOT)}")
    args = ap.parse_args()
    if not ARCHIV.exists():
        raise SystemExit(f"{ARCHIV} not found: run this with the project's venv python")

    adopt_orphans()
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        print(f"warning: load average {load_before:.2f} before the run; other work skews the timings", file=sys.stderr)
    keys = {k.strip() for k in args.sets.split(",") if k.strip()}
    if keys - set(SET_KEYS):
        raise SystemExit(f"unknown sets: {', '.join(sorted(keys - set(SET_KEYS)))}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-copies-") as tmp:
        sets = []
        if "mixed" in keys and not CORPUS.is_dir():
            print(f"skipping the mixed corpus: {CORPUS} does not exist", file=sys.stderr)
            keys.discard("mixed")
        if keys & {"nordstemmen", "nordstemmen-text"} and not NORDSTEMMEN.is_dir():
            print(f"skipping the Nordstemmen sets: {NORDSTEMMEN} does not exist", file=sys.stderr)
        elif keys & {"nordstemmen", "nordstemmen-text"}:
            real = make_set("Nordstemmen (real)", NORDSTEMMEN)
            if "nordstemmen" in keys:
                sets.append(real)
            if "nordstemmen-text" in keys:  # without the files that have scanned pages: archiv without OCR
                text_only = Path(tmp) / "nordstemmen-text"
                text_only.mkdir()
                for i, f in enumerate(real.files):
                    if count_pages(f)[1] == 0:
                        shutil.copyfile(f, text_only / f"{i:02d}-{f.name}")
                sets.append(make_set("Nordstemmen, text-layer files", text_only))
        samples = make_set("samples", SAMPLES)
        if "samples" in keys:
            sets.append(samples)
        if "copies" in keys:
            copies = Path(tmp) / "samples-copies"
            copies.mkdir()
            make_copies(samples.files, args.copies, copies)
            sets.append(make_set(f"samples ×{args.copies}", copies))
        if keys & {"vorlagen", "mixed"}:
            # Vorlagen that carry a ruled Beratungsfolge table: the samples and generated ones
            vorlagen = Path(tmp) / "vorlagen"
            write_vorlagen(vorlagen, args.vorlagen)
            for f in samples.files:
                shutil.copyfile(f, vorlagen / f.name)
            if "vorlagen" in keys:
                sets.append(make_set(f"Vorlagen with tables (samples + {args.vorlagen} generated)", vorlagen))
        if "vorlagen-large" in keys:
            large = Path(tmp) / "vorlagen-large"
            for f in write_vorlagen(large, args.large):
                if count_pages(f)[1]:  # a short last page would be OCRed: the rate is of text-layer PDFs
                    f.unlink()
            for f in samples.files:
                shutil.copyfile(f, large / f.name)
            sets.append(make_set(f"Vorlagen with tables, large (samples + {args.large} generated)", large))
        if "mixed" in keys:
            # the real PDFs of every council (without those with scanned pages: no OCR) and the Vorlagen
            mixed = Path(tmp) / "mixed"
            shutil.copytree(vorlagen, mixed)
            copied = {p.read_bytes() for p in mixed.iterdir()}
            for i, f in enumerate(sorted(CORPUS.rglob("*.pdf"))):
                if count_pages(f)[1] == 0 and f.read_bytes() not in copied:  # the corpus holds one file twice
                    copied.add(f.read_bytes())
                    shutil.copyfile(f, mixed / f"corpus-{i:03d}-{f.name}")
            sets.append(make_set(f"mixed (corpus text-layer PDFs + samples + {args.vorlagen} Vorlagen)", mixed))
        for s in sets:
            print(f"{s.describe()} ...", file=sys.stderr)
            rows += bench_set(s, args.repeat)

    result = table(rows) + "\n\n" + ratios(rows) + "\n\n" + "".join(f"- {s.describe()}\n" for s in sets)
    result += "\n" + cpu_split(rows) + "\n"
    names = [s.name for s in sets]
    small = next((n for n in names if n.startswith("Vorlagen with tables (")), None)
    large_name = next((n for n in names if n.startswith("Vorlagen with tables, large")), None)
    if small and large_name:
        result += "\n" + steady_state(rows, small, large_name) + "\n"
    print(result)
    if args.write:
        cmd = shlex.join([".venv/bin/python", "benchmarks/bench_ingest.py", *sys.argv[1:]])
        block = (
            f"Measured {date.today().isoformat()} on {machine()}, archiv at commit {revision()}, "
            f"median of {args.repeat} runs, with `{cmd}` (1-minute load average {load_before:.2f} before, "
            f"{os.getloadavg()[0]:.2f} after).\n\n{result}"
        )
        write_section("bench_ingest", "### Results", block)
        print(f"written to {README.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
