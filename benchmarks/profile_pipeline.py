"""Where the time per Vorlage PDF goes: cProfile over ``pipeline.process`` in one warm process.

The files are the Vorlagen with tables of bench_ingest.py (samples/pdf plus --vorlagen generated
by vorlage_tables.py). spaCy is loaded before profiling starts (a worker loads it once); every
file is processed once. Prints the share of each step in the total, and the CPU milliseconds per
file (parse, extract).

    .venv/bin/python benchmarks/profile_pipeline.py [--vorlagen 30] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import tempfile
import time
from pathlib import Path

from vorlage_tables import write as write_vorlagen

from archiv.detect import open_source
from archiv.extract import extract
from archiv.models import ParseOptions
from archiv.parsers import parse
from archiv.pipeline import Job, process

ROOT = Path(__file__).resolve().parent.parent
# (label, (file suffix, function name), ...) of the steps reported, in pstats' cumulative time
STEPS = [
    ("PDF parsing (PdfParser.parse)", ("archiv/parsers/pdf.py", "parse")),
    ("  tables (read_tables)", ("archiv/parsers/pdf.py", "read_tables")),
    ("    cell text (pdftable._extract; pdfplumber's Table.extract before)", ("pdfplumber/table.py", "extract"),
     ("archiv/parsers/pdftable.py", "_extract")),
    ("    characters from pdfium (pdftable._chars)", ("archiv/parsers/pdftable.py", "_chars")),
    ("field extraction (extract)", ("archiv/extract/__init__.py", "extract")),
    ("  entities (find_entities)", ("archiv/extract/entities.py", "find_entities")),
    ("    spaCy tokenizer", ("spacy/tokenizer.pyx", "__call__")),
    ("    spaCy pipeline over the whole text (before)", ("spacy/language.py", "__call__")),
    ("  provenance", ("archiv/extract/provenance.py", "provenance")),
    ("  read_fields", ("archiv/extract/fields.py", "read_fields")),
]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vorlagen", type=int, default=30, help="generated Vorlagen besides samples/pdf (default 30)")
    ap.add_argument("--top", type=int, default=0, help="also print the N functions with the most own time")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="profile-") as tmp:
        folder = Path(tmp)
        write_vorlagen(folder, args.vorlagen)
        for f in sorted((ROOT / "samples" / "pdf").glob("*.pdf")):
            shutil.copyfile(f, folder / f.name)
        jobs = []
        for f in sorted(folder.glob("*.pdf")):
            source, data = open_source(f)
            jobs.append(Job(source, data, "2026-01-01T00:00:00+00:00", options=ParseOptions(progress=False)))
    process(jobs[0])  # loads spaCy and the vocabularies, as a worker does once
    cpu = {"parse": 0.0, "extract": 0.0}
    for job in jobs:  # CPU time per step, without the profiler's overhead
        t = time.process_time()
        doc = parse(job.source, job.data, job.options)
        cpu["parse"] += time.process_time() - t
        t = time.process_time()
        extract(doc, job.ingested_at)
        cpu["extract"] += time.process_time() - t
    profile = cProfile.Profile()
    profile.enable()
    for job in jobs:
        process(job)
    profile.disable()
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{len(jobs)} files; CPU per file: parse {1000 * cpu['parse'] / len(jobs):.1f} ms, "
          f"extract {1000 * cpu['extract'] / len(jobs):.1f} ms (without the profiler)\n")  # fmt: skip
    print("| step | share |\n|---|---:|")
    found = stats.stats  # type: ignore[attr-defined]
    for label, *where in STEPS:
        cum = sum(v[3] for (file, _, func), v in found.items() if any(file.endswith(f) and func == n for f, n in where))
        depth = (len(label) - len(label.lstrip())) // 2
        print(f"| {'— ' * depth}{label.strip()} | {100 * cum / total:.0f} % |")
    if args.top:
        print()
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
