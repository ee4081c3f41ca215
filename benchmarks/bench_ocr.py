"""OCR: seconds per page with 1 and 2 Tesseract processes, the re-ingest of the same scans, and
the character accuracy on two pages of a real scanned Anlage against our own reading of them.

Pages: the real scanned Anlage (../shared/corpus/nordstemmen/pdf/fernwaerme-adensen/DS_53_2025/
Anlage_1_Gestattungsvertrag.pdf, 10 image-only pages; skipped when absent) and the OCRed pages
of samples/scan. OCR timings run PageOcr in-process without a cache (rendering + deskew + rule
removal + Tesseract + second look + layout), --repeat times, the fastest run counts (the machine is shared).

    .venv/bin/python benchmarks/bench_ocr.py [--write] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from readme_section import write_section

from archiv.models import ParseOptions
from archiv.parsers import secondlook
from archiv.parsers.ocr import RENDER_DPI, PageOcr, require_tesseract
from archiv.text.distance import edit_distance
from archiv.text.lines import dehyphenate_lines

ROOT = Path(__file__).resolve().parent.parent
ANLAGE = ROOT.parent / "shared/corpus/nordstemmen/pdf/fernwaerme-adensen/DS_53_2025/Anlage_1_Gestattungsvertrag.pdf"
SCANS = ROOT / "samples" / "scan"
REFERENCE = ROOT / "benchmarks" / "ocr_reference"
ARCHIV = Path(sys.executable).with_name("archiv")


def page_images(path: Path) -> list[Image.Image]:
    """The pages archiv OCRs: image frames, or PDF pages without a text layer, rendered."""
    if path.suffix.lower() == ".pdf":
        doc = pdfium.PdfDocument(path.read_bytes())
        out = []
        for page in doc:
            text = page.get_textpage().get_text_bounded()
            if len("".join(text.split())) < 30:
                out.append(page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil().convert("L"))
        return out
    image = Image.open(path)
    frames = []
    for i in range(getattr(image, "n_frames", 1)):
        image.seek(i)
        frames.append(image.convert("L"))
    return frames


def ocr_run(images: list[Image.Image], workers: int, second_look: bool = True) -> tuple[float, dict]:
    unsure = secondlook.UNSURE
    if not second_look:
        secondlook.UNSURE = 0  # no word is unsure: the page as Tesseract read it first
    try:
        ocr = PageOcr("bench", ParseOptions(ocr_workers=workers, progress=False))
        started = time.perf_counter()
        pages = ocr.run((i + 1, im, RENDER_DPI) for i, im in enumerate(images))
        return time.perf_counter() - started, pages
    finally:
        secondlook.UNSURE = unsure


def busy_share(seconds: float = 1.0) -> float:
    """The share of all cores busy over ``seconds`` (from /proc/stat; 0 where there is none)."""

    def sample() -> tuple[int, int]:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        except OSError:
            return 0, 0
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return sum(fields), idle

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / (total1 - total0) if total1 > total0 else 0.0


def wait_for_quiet(max_wait: float) -> None:
    """Wait (at most ``max_wait`` s) until the other work on the machine uses under 15 % of it."""
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline and busy_share() > 0.15:
        time.sleep(4)


def ocr_seconds(images: list[Image.Image], repeat: int, quiet_wait: float) -> tuple[float, float, float, dict]:
    """Fastest of ``repeat`` runs with 1 worker without the second look, and with 1 and with 2
    workers, taken in turns so that a change in the machine's load hits all alike."""
    first = one = two = float("inf")
    pages: dict = {}
    for _ in range(repeat):
        wait_for_quiet(quiet_wait)
        first = min(first, ocr_run(images, 1, second_look=False)[0])
        one = min(one, ocr_run(images, 1)[0])
        seconds, pages = ocr_run(images, 2)
        two = min(two, seconds)
    return first, one, two, pages


def char_accuracy(ocr: str, reference: str) -> tuple[float, int, int]:
    """1 - edit distance / reference length, on the text with all whitespace runs as one space.
    The reference is our reading of the print, line by line; its words hyphenated at a line end
    are joined as archiv joins them in the OCR text."""
    a, b = " ".join(ocr.split()), " ".join(" ".join(dehyphenate_lines(reference.splitlines())).split())
    d = edit_distance(a, b)
    return 1 - d / len(b), d, len(b)


def ingest(folder: Path, index: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(
        [str(ARCHIV), "ingest", str(folder), "--index", str(index), "--quiet"],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return time.perf_counter() - started, (out.stdout.strip() or out.stderr.strip()).splitlines()[-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="put the results into benchmarks/README.md")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--quiet-wait", type=float, default=300, help="seconds to wait, per run, for the other work to stop"
    )
    args = ap.parse_args()
    require_tesseract()
    load_before = os.getloadavg()[0]
    rows: list[str] = []
    notes: list[str] = []

    sets = [("samples/scan", [im for f in sorted(SCANS.iterdir()) for im in page_images(f)])]
    if ANLAGE.exists():
        sets.insert(0, ("real scanned Anlage (10 pages)", page_images(ANLAGE)))
    else:
        notes.append(f"{ANLAGE} is absent: the real Anlage was skipped.")
    anlage_pages: dict = {}
    for name, images in sets:
        first, one, two, pages = ocr_seconds(images, args.repeat, args.quiet_wait)
        if name.startswith("real"):
            anlage_pages = pages
        n = len(images)
        cost = f"+{one / first - 1:.0%}"
        rows.append(f"| {name} | {n} | {first / n:.2f} | {one / n:.2f} ({cost}) | {two / n:.2f} | {one / two:.2f}× |")
        print(rows[-1], flush=True)

    accuracy_rows: list[str] = []
    for number in (1, 2):
        ref = REFERENCE / f"gestattungsvertrag_p{number}.txt"
        if anlage_pages and ref.exists():
            acc, dist, length = char_accuracy(anlage_pages[number].text, ref.read_text(encoding="utf-8"))
            accuracy_rows.append(f"| {number} | {length} | {dist} | {acc:.2%} |")
            print(accuracy_rows[-1], flush=True)

    # Re-ingest: the same scans a second time, and into a new record store that shares the cache.
    reingest: list[str] = []
    with tempfile.TemporaryDirectory(prefix="archiv-bench-ocr-") as tmp:
        folder = Path(tmp) / "scans"
        shutil.copytree(SCANS, folder)
        if ANLAGE.exists():
            shutil.copy(ANLAGE, folder)
        first, summary = ingest(folder, Path(tmp) / "a")
        reingest.append(f"| first ingest (OCR) | {first:.2f} | {summary} |")
        again, summary = ingest(folder, Path(tmp) / "a")
        reingest.append(f"| again, same index (unchanged files are skipped) | {again:.2f} | {summary} |")
        (Path(tmp) / "b").mkdir()
        shutil.copytree(Path(tmp) / "a" / "ocr-cache", Path(tmp) / "b" / "ocr-cache")
        # Tesseract made unavailable: whatever text comes out came from the cache.
        cached, summary = ingest(folder, Path(tmp) / "b", {"ARCHIV_TESSERACT": str(Path(tmp) / "no-tesseract")})
        reingest.append(f"| new record store, same OCR cache, Tesseract removed | {cached:.2f} | {summary} |")
        for row in reingest:
            print(row, flush=True)

    cpu = os.cpu_count()
    tess = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    text = "\n".join(
        [
            f"Measured {date.today().isoformat()} on {cpu} CPUs, {tess}, Python {platform.python_version()}, "
            f"fastest of {args.repeat} runs, with `.venv/bin/python benchmarks/bench_ocr.py --write`; "
            f"load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after; each pair of runs "
            "waited (up to --quiet-wait s) for the machine to be idle, since the speedup needs two free cores.",
            *(["", *notes] if notes else []),
            "",
            "| pages | n | s/page, 1 worker, first look only | s/page, 1 worker (second look's cost) "
            "| s/page, 2 workers | speedup |",
            "|---|---:|---:|---:|---:|---:|",
            *rows,
            "",
            "Character accuracy of the real Anlage's OCR text against our reading (benchmarks/ocr_reference/):",
            "",
            "| page | reference chars | edit distance | accuracy |",
            "|---:|---:|---:|---:|",
            *accuracy_rows,
            "",
            "Re-ingest of the same files (samples/scan and the Anlage), `archiv ingest` CLI:",
            "",
            "| run | seconds | summary |",
            "|---|---:|---|",
            *reingest,
        ]
    )
    if args.write:
        heading, _, intro = SECTION.partition("\n\n")
        write_section("bench_ocr", f"{heading}\n\n{intro.strip()}", text)
    return 0


SECTION = """## bench_ocr.py: OCR seconds per page, re-ingest, character accuracy

`benchmarks/bench_ocr.py` OCRs the pages that archiv OCRs (the real scanned Anlage when ../shared
is there, and samples/scan) in-process with `PageOcr` and no cache, once with one Tesseract process
and once with two; a page's time includes rendering at 300 dpi, deskew, rule removal, Tesseract
(`--psm 6`, `deu`, OMP_THREAD_LIMIT=1), the second look at the words Tesseract was unsure of
(`archiv/parsers/secondlook.py`, one more Tesseract run per page on pieces of those lines) and the
layout; runs with 1 and 2 processes alternate and the fastest of each counts (and one with 1
process without the second look, for its cost). Then it ingests the same files three times with the
CLI: fresh; again into the same index; and into a new record store that shares the first index's
`ocr-cache/` with Tesseract made unavailable (`ARCHIV_TESSERACT` pointing nowhere), so that every
page must come from the cache. Character accuracy is 1 - Levenshtein distance / reference length on
whitespace-normalised text.
"""


if __name__ == "__main__":
    sys.exit(main())
