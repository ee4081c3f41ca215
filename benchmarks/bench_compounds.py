"""Compound splitters for the index, measured on judged council compounds (benchmarks/compound_gold.tsv).

Two splitters from the registries:

- german-nouns: the word list of ~100,000 nouns with every declined form (Wiktionary DE), with
  archiv's own segmentation over it (archiv/search/compounds.py: fewest words, linking elements undone).
- compound-split: CharSplit (Tuggener), a character n-gram model that proposes the best split point;
  applied recursively while its score is positive, a part kept only if it is a word of the package's
  own Hunspell de_DE list. Not a dependency of archiv (GPL-3.0): `pip install compound-split` to run
  this comparison; it is skipped otherwise.

For each: part precision and recall (parts compared by their stems, parts under 4 letters not
counted), words split that must stay whole, load time, words per second, and memory.

    .venv/bin/python benchmarks/bench_compounds.py [--write]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from readme_section import write_section  # noqa: E402

from archiv.search.analysis import fold, stem  # noqa: E402

GOLD = Path(__file__).with_name("compound_gold.tsv")


def load_gold() -> list[tuple[str, set[str], set[str]]]:
    """(word, required part stems, allowed part stems)."""
    out = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, parts = line.split("\t")
        required, allowed = set(), set()
        for p in parts.split():
            if p == "-":
                continue
            s = stem(fold(p.lstrip("?").lower()))
            if len(s) < 4:
                continue
            (allowed if p.startswith("?") else required).add(s)
        out.append((word, required, required | allowed))
    return out


def archiv_splitter() -> Callable[[str], set[str]]:
    from archiv.search.compounds import decompose
    from archiv.search.lexicon import words

    words()

    def parts(word: str) -> set[str]:
        return {stem(p) for p in decompose(fold(word.lower()))}

    return parts


def charsplit_splitter(check: str) -> Callable[[], Callable[[str], set[str]] | None]:
    """CharSplit, applied recursively; a part counts if it is a word of ``check``: the package's own
    Hunspell list ("own") or the german-nouns forms ("nouns")."""

    def make() -> Callable[[str], set[str]] | None:
        try:
            from compound_split import char_split
        except ImportError:
            return None
        if check == "own":
            dic = Path(char_split.__file__).with_name("dicts") / "de-mixed.dic"
            known = {
                fold(w.lower())
                for line in dic.read_text(encoding="utf-8").splitlines()[1:]
                if (w := line.split("/")[0].strip()).isalpha()
            }
        else:
            from archiv.search.lexicon import words

            known = words()
        char_split.split_compound("Probelauf")  # loads the n-gram model

        def rec(word: str, depth: int = 0) -> list[str]:
            if len(word) < 6 or depth > 4:
                return [word]
            score, left, right = char_split.split_compound(word)[0]
            if score <= 0:
                return [word]
            return [word, *rec(left.lower(), depth + 1), *rec(right.lower(), depth + 1)]

        def parts(word: str) -> set[str]:
            folded = fold(word.lower())
            found = {stem(fold(p)) for p in rec(word.lower()) if fold(p) in known and fold(p) != folded}
            return {s for s in found if len(s) >= 4}

        return parts

    return make


def sample_words() -> list[str]:
    """Distinct words of the samples (for speed): text files and golden records' texts."""
    seen: dict[str, None] = {}
    for p in (ROOT / "tests" / "golden").rglob("*.json"):
        for w in re.findall(r"[A-Za-zÄÖÜäöüß]{6,}", p.read_text(encoding="utf-8")):
            seen[w] = None
    return list(seen)


def measure(name: str, make: Callable[[], Callable[[str], set[str]] | None], gold, words: list[str]) -> dict | None:
    proc = psutil.Process()
    rss0 = proc.memory_info().rss
    t0 = time.perf_counter()
    split = make()
    if split is None:
        return None
    load = time.perf_counter() - t0
    tp = fp = fn = 0
    over = 0
    wrong: list[str] = []
    negatives = 0
    for word, required, allowed in gold:
        got = split(word)
        good = got & allowed
        tp += len(good & required) + len(good - required)
        fp += len(got - allowed)
        fn += len(required - got)
        if not required:
            negatives += 1
            over += bool(got)
        if got - allowed or required - got:
            wrong.append(f"{word}: +{sorted(got - allowed)} -{sorted(required - got)}")
    t1 = time.perf_counter()
    for w in words:
        split(w)
    speed = len(words) / (time.perf_counter() - t1)
    return {
        "name": name,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "over": f"{over}/{negatives}",
        "load": load,
        "speed": speed,
        "rss": (proc.memory_info().rss - rss0) / 2**20,
        "wrong": wrong,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write the table into benchmarks/README.md")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    gold = load_gold()
    words = sample_words()
    rows = []
    candidates = (
        ("german-nouns + archiv segmentation", archiv_splitter),
        ("compound-split (CharSplit), parts checked with its Hunspell list", charsplit_splitter("own")),
        ("compound-split (CharSplit), parts checked with german-nouns", charsplit_splitter("nouns")),
    )
    for name, make in candidates:
        r = measure(name, make, gold, words)
        if r is None:
            print(f"{name}: not installed, skipped", file=sys.stderr)
            continue
        rows.append(r)
    n_comp = sum(1 for _, req, _ in gold if req)
    lines = [
        f"{len(gold)} judged words ({n_comp} compounds, {len(gold) - n_comp} that must stay whole); "
        f"speed over {len(words)} distinct words of the samples' golden records, first call (no cache).",
        "",
        "| splitter | part precision | part recall | whole words split | load s | words/s | memory MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['precision']:.2f} | {r['recall']:.2f} | {r['over']} | {r['load']:.2f} |"
            f" {r['speed']:,.0f} | {r['rss']:.0f} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.show_errors:
        for r in rows:
            print(f"\n{r['name']}:\n  " + "\n  ".join(r["wrong"]))
    if args.write:
        write_section("bench_compounds", "## bench_compounds.py: compound splitters", table)


if __name__ == "__main__":
    main()
