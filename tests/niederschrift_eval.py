"""Score the minutes reader against tests/labels/niederschriften.jsonl (labels read by a person).

Per council: links precision (found TOP->Vorlage links that the labels have), recall (labelled links
found) and outcome accuracy (found links whose outcome class matches the label).
`python -m tests.niederschrift_eval` prints the table (`--misses`: every wrong link and outcome too);
tests/test_niederschrift_corpus.py holds the goals and the floor.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from archiv.detect import open_source
from archiv.extract import extract
from archiv.extract.normalize import identifier_key
from archiv.models import Vorlage
from archiv.parsers import parse

LABELS = Path(__file__).resolve().parent / "labels" / "niederschriften.jsonl"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@dataclass
class Score:
    found: int = 0
    right_links: int = 0
    labelled: int = 0
    right_outcomes: int = 0

    @property
    def precision(self) -> float:
        return self.right_links / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right_links / self.labelled if self.labelled else 1.0

    @property
    def outcome(self) -> float:
        return self.right_outcomes / self.right_links if self.right_links else 1.0


def load_labels() -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Labelled links per file, and the council of every file to score (files without links too)."""
    links: dict[str, list[dict]] = defaultdict(list)
    council: dict[str, str] = {}
    for line in LABELS.open(encoding="utf-8"):
        d = json.loads(line)
        if "_comment" in d:
            for f in d["no_links"]:
                links.setdefault(f, [])
                council[f] = f.split("/")[0].capitalize()
            continue
        links[d["file"]].append(d)
        council[d["file"]] = d["council"]
    return links, council


def record_of(path: Path) -> Vorlage:
    source, data = open_source(path)
    return extract(parse(source, data))


def score(records: dict[str, Vorlage], misses: list[str] | None = None) -> dict[str, Score]:
    """Scores per council; ``misses`` (where given) gets a line per wrong link or outcome."""
    links, council = load_labels()
    scores: dict[str, Score] = defaultdict(Score)
    for f, labelled in links.items():
        if f not in records:
            continue
        s = scores[council[f]]
        want = {identifier_key(d["vorlage"]): d["ergebnis"] for d in labelled}
        got: dict[str, str | None] = {}
        for top in records[f].tops:
            for nr in top.vorlagen:
                got.setdefault(identifier_key(nr), top.ergebnis_fuer(nr))
        s.found += len(got)
        s.labelled += len(want)
        for key, ergebnis in got.items():
            if key in want:
                s.right_links += 1
                s.right_outcomes += ergebnis == want[key]
                if ergebnis != want[key] and misses is not None:
                    misses.append(f"{f}: {key}: {ergebnis} (label: {want[key]})")
            elif misses is not None:
                misses.append(f"{f}: {key}: linked, not labelled")
        if misses is not None:
            misses += [f"{f}: {key}: labelled, not found" for key in want if key not in got]
    return dict(scores)


def corpus_records() -> dict[str, Vorlage]:
    links, _ = load_labels()
    return {f: record_of(CORPUS / f) for f in links if (CORPUS / f).exists()}


def table(scores: dict[str, Score]) -> str:
    rows = ["council      links found  labelled  precision  recall  outcome"]
    for name, s in sorted(scores.items()):
        rows.append(f"{name:<12} {s.found:>11} {s.labelled:>9} {s.precision:>10.1%} {s.recall:>7.1%} {s.outcome:>8.1%}")
    return "\n".join(rows)


if __name__ == "__main__":
    wrong: list[str] = []
    sys.stdout.write(table(score(corpus_records(), wrong)) + "\n")
    if "--misses" in sys.argv[1:]:
        sys.stdout.write("".join(line + "\n" for line in wrong))
