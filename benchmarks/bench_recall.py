"""Compound recall on the real corpus: does a topic word find every document that contains it?

For each topic word (general council topics, chosen before looking at the results), the documents
(Vorlagen: a paper with its files and Anlagen, one search hit) "containing" it are those whose
records' Betreff or text holds it as a plain case-insensitive substring, also
inside a compound ("Radverkehr" in "Radverkehrskonzept", "Baugebiet" in "Neubaugebiet"). "Found" is
how many of them the plain query for the word returns (the backend's full result, no limit).
"Extra" counts hits without the substring (other forms: "Schulen" for "Schule"; word families).

The index must hold the corpus (`archiv ingest ../shared/corpus --index DIR`); with
`--compare-with SRC` the same is measured with an earlier archiv source tree (e.g. an export of the
commit before, `git archive 152aad2 | tar -x -C /tmp/old`) on a copy of the index rebuilt by it.

    .venv/bin/python benchmarks/bench_recall.py --index DIR [--compare-with SRC] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOPICS = (
    "Radverkehr", "Radweg", "Gehweg", "Baugebiet", "Bebauungsplan", "Flächennutzungsplan", "Grundstück",
    "Schule", "Grundschule", "Kindertagesstätte", "Krippe", "Jugend", "Senioren", "Feuerwehr", "Fahrzeug",
    "Straßenbeleuchtung", "Straße", "Brücke", "Parkplatz", "Haltestelle", "Verkehr", "Haushalt",
    "Investition", "Kredit", "Steuer", "Gebühr", "Beitrag", "Zuschuss", "Förderung", "Stellenplan",
    "Satzung", "Friedhof", "Spielplatz", "Abwasser", "Kläranlage", "Kanal", "Regenwasser", "Trinkwasser",
    "Hochwasser", "Sanierung", "Klimaschutz", "Energie", "Photovoltaik", "Windenergie", "Wärme",
    "Turnhalle", "Sporthalle", "Sportplatz", "Dorfgemeinschaftshaus", "Integration", "Flüchtling",
    "Unterkunft", "Wohnraum", "Wohnung", "Gewerbe", "Breitband", "Digitalisierung", "Denkmal",
    "Bibliothek", "Museum", "Tourismus", "Ausschreibung", "Vergabe", "Naturschutz", "Kultur",
)  # fmt: skip


def found_ids(index: Path) -> dict[str, list[str]]:
    """topic -> the ids of every hit of the plain query for it (also run by an earlier archiv)."""
    sys.path.insert(0, str(Path.cwd()))
    from archiv.archive import Archive
    from archiv.search import Filters
    from archiv.search.query import parse_query

    with Archive(index) as archive:
        limit = archive.store.count() + 1
        return {w: [h.id for h in archive.backend.search(parse_query(w), Filters(), limit=limit).hits] for w in TOPICS}


def vorlagen_texts(index: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Each Vorlage's text (a group: one document, its files and Anlagen; the Betreff and text of all
    its records, lower case), and the group of every record id and group id."""
    from archiv.archive import Archive

    texts: dict[str, str] = {}
    names: dict[str, str] = {}
    with Archive(index) as archive:
        for group_id, members in archive.store.iter_groups():
            texts[group_id] = "\n".join(f"{v.betreff or ''}\n{v.text}" for v, _ in members).lower()
            names.update({v.id: group_id for v, _ in members} | {group_id: group_id})
    return texts, names


def measure(
    texts: dict[str, str], names: dict[str, str], found: dict[str, list[str]]
) -> dict[str, tuple[int, int, int]]:
    """topic -> (documents containing it, of those found, hits without it), counted in Vorlagen
    (``vorlagen_texts``): a Vorlage is found where a hit is its group or, in an index of an archiv
    before grouping, any record of it."""
    out = {}
    for word in TOPICS:
        containing = {g for g, t in texts.items() if word.lower() in t}
        hits = {names.get(i, i) for i in found[word]}
        out[word] = (len(containing), len(containing & hits), len(hits - containing))
    return out


def found_with(src: Path, index: Path) -> dict[str, list[str]]:
    """The hits of another archiv source tree, on a copy of the index it rebuilds."""
    work = Path(tempfile.mkdtemp(prefix="archiv-recall-"))
    try:
        copy = work / "index"
        shutil.copytree(index, copy, ignore=shutil.ignore_patterns("tantivy", "whoosh", "originals", "ocr-cache"))
        env = {**os.environ, "PYTHONPATH": str(src)}
        cli = [sys.executable, "-c", "from archiv.cli import cli; cli()"]
        subprocess.run([*cli, "reindex", "--index", str(copy), "-q"], check=True, env=env, cwd=src)
        code = f"import json, sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import bench_recall; "
        code += f"print(json.dumps(bench_recall.found_ids(__import__('pathlib').Path({str(copy)!r}))))"
        done = subprocess.run(
            [sys.executable, "-c", code], check=True, env=env, cwd=src, capture_output=True, text=True
        )
        return json.loads(done.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def render(new: dict, old: dict | None, docs: int, vorlagen: int) -> str:
    head = "| topic word | documents containing it | found | recall |"
    rule = "|---|---:|---:|---:|"
    if old:
        head += " found before | recall before |"
        rule += "---:|---:|"
    lines = [head, rule]
    sums = [0, 0, 0]
    for word in TOPICS:
        n, found, _extra = new[word]
        row = f"| {word} | {n} | {found} | {found / n:.0%} |" if n else f"| {word} | 0 | 0 | – |"
        sums[0] += n
        sums[1] += found
        if old:
            o = old[word][1]
            sums[2] += o
            row += f" {o} | {o / n:.0%} |" if n else " 0 | – |"
        lines.append(row)
    total = f"| **all {len(TOPICS)} words** | {sums[0]} | {sums[1]} | {sums[1] / max(1, sums[0]):.1%} |"
    if old:
        total += f" {sums[2]} | {sums[2] / max(1, sums[0]):.1%} |"
    lines.append(total)
    low = [w for w in TOPICS if new[w][0] and new[w][1] / new[w][0] < 0.95]
    lines += ["", f"Index of {docs:,} records in {vorlagen:,} Vorlagen. Words under 95 %: {', '.join(low) or 'none'}."]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, required=True, help="an index holding ../shared/corpus")
    ap.add_argument("--compare-with", type=Path, help="an earlier archiv source tree to measure beside")
    ap.add_argument("--write", action="store_true", help="write the table into benchmarks/README.md")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    texts, names = vorlagen_texts(args.index)
    new = measure(texts, names, found_ids(args.index))
    old = None
    if args.compare_with:
        old = measure(texts, names, found_with(args.compare_with.resolve(), args.index.resolve()))
    from archiv.archive import Archive

    with Archive(args.index) as archive:
        docs = archive.store.count()
    table = render(new, old, docs, len(texts))
    print(table)
    if args.write:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from readme_section import write_section

        how = "--compare-with OLD --write" if old else "--write"
        note = (
            f"Measured with `.venv/bin/python benchmarks/bench_recall.py --index DIR {how}` on ../shared/corpus "
            "ingested into DIR, counted in Vorlagen (a paper with its files and Anlagen is one document and one "
            "hit)" + (f" (OLD: the archiv source tree {args.compare_with})" if old else "") + "; the machine "
            "was shared with other work (timings play no part here).\n\n"
        )
        write_section("bench_recall", "## bench_recall.py: compound recall on the real corpus", note + table)


if __name__ == "__main__":
    main()
