"""The OCR second look on fresh scans: how many words it changes, and whether rightly.

Every page of samples/pdf and samples/text is "scanned" anew with scripts/make_scans.py's scanner
(other seeds than the samples: turned 1-2°, blurred, noise and dust; bilevel and grey), read by
Tesseract as archiv reads it, and given the second look (archiv/parsers/secondlook.py). A change
is right when the new word is in the twin's text and the old one is not, wrong when it is the
other way round, unclear otherwise. The twin's text: the PDF's text layer, or the text file.

    .venv/bin/python benchmarks/bench_secondlook.py [--seeds 1,2,3] [--write]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from readme_section import write_section

from archiv.cpus import cpus
from archiv.parsers.ocr import read_lines, require_tesseract, run_tesseract
from archiv.parsers.ocrtext import parse_tsv
from archiv.parsers.scanprep import prepare
from archiv.parsers.secondlook import is_unsure, second_look

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import make_scans  # noqa: E402  (a script, not a package)

_CORE = re.compile(r"^\W*(.*?)\W*$", re.S)


def words_of(text: str) -> set[str]:
    out = set()
    for token in re.split(r"[\s/]+", text):
        core = _CORE.match(token).group(1)  # type: ignore[union-attr]
        out.add(core)
        out.update(core.split("-"))
    return out


def twins() -> list[tuple[str, bytes, set[str]]]:
    """(name, printed PDF, words of its text) for every sample PDF and text export."""
    out = []
    for pdf in sorted((ROOT / "samples" / "pdf").glob("*.pdf")):
        data = pdf.read_bytes()
        text = " ".join(page.get_textpage().get_text_bounded() for page in pdfium.PdfDocument(data))
        out.append((pdf.name, data, words_of(text)))
    for txt in sorted((ROOT / "samples" / "text").glob("*.txt")):
        out.append((txt.name, make_scans.print_text(txt), words_of(txt.read_text(encoding="utf-8"))))
    return out


def look(binary: str, task: tuple) -> tuple[int, int, list[tuple[str, str, str]]]:
    """(words, unsure words, [(verdict, old, new)]) for one freshly scanned page."""
    page, seed, number, bilevel, truth = task
    scan = make_scans.scan(page, np.random.default_rng([seed, number]), bilevel=bilevel).convert("L")
    prepared = prepare(scan, make_scans.DPI)
    words = parse_tsv(run_tesseract(binary, prepared.image, prepared.dpi, None))
    fixes = second_look(words, prepared, lambda crops, dpi: read_lines(binary, crops, dpi, None))
    by_row = {w.row: w.text for w in words}
    changes = []
    for row, new in fixes.items():
        old, fixed = _CORE.match(by_row[row]).group(1), _CORE.match(new).group(1)  # type: ignore[union-attr]
        verdict = "right" if fixed in truth and old not in truth else "wrong" if old in truth else "unclear"
        changes.append((verdict, by_row[row], new))
    return len(words), sum(map(is_unsure, words)), changes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default="1,2,3", help="scanner seeds, comma-separated")
    ap.add_argument("--write", action="store_true", help="put the results into benchmarks/README.md")
    args = ap.parse_args()
    binary = require_tesseract()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    seeds = [int(s) for s in args.seeds.split(",")]
    tasks = [
        (page, seed, number, bilevel, truth)
        for _, data, truth in twins()
        for number, page in enumerate(make_scans.render(data), 1)
        for seed in seeds
        for bilevel in (True, False)
    ]
    total = unsure = 0
    changes: list[tuple[str, str, str]] = []
    with ThreadPoolExecutor(cpus()) as pool:
        for n, u, c in pool.map(lambda t: look(binary, t), tasks):
            total, unsure, changes = total + n, unsure + u, changes + c
    counts = {v: sum(1 for c in changes if c[0] == v) for v in ("right", "wrong", "unclear")}
    text = "\n".join(
        [
            f"Measured {date.today().isoformat()} with `.venv/bin/python benchmarks/bench_secondlook.py --seeds "
            f"{args.seeds} --write`: {len(tasks)} pages, {total} words, {unsure} of them unsure (read again).",
            "",
            "| changes | right | wrong | unclear |",
            "|---:|---:|---:|---:|",
            f"| {len(changes)} | {counts['right']} | {counts['wrong']} | {counts['unclear']} |",
            "",
            *(f"- {verdict}: {old} → {new}" for verdict, old, new in sorted(changes)),
        ]
    )
    print(text)
    if args.write:
        heading, _, intro = SECTION.partition("\n\n")
        write_section("bench_secondlook", f"{heading}\n\n{intro.strip()}", text)
    return 0


SECTION = """## bench_secondlook.py: the OCR second look on fresh scans

`benchmarks/bench_secondlook.py` scans every page of samples/pdf and samples/text anew with
scripts/make_scans.py's scanner under other seeds (bilevel and grey), OCRs it as archiv does and
lists every word the second look (archiv/parsers/secondlook.py) changed: right when the new word
is in the twin's text and the old one is not, wrong when the old one is.
"""


if __name__ == "__main__":
    sys.exit(main())
