"""The minutes reader on the real Niederschriften of ../shared/corpus, against labels read by a person
(tests/labels/niederschriften.jsonl); skipped where the corpus is absent."""

from __future__ import annotations

import pytest

from .niederschrift_eval import CORPUS, corpus_records, score, table

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not here")

# What the reader reaches (tests/labels/niederschriften.jsonl, issue 13); a change that loses any fails.
FLOOR = {
    "Karlsruhe": (1.0, 1.0, 1.0),
    "Nordstemmen": (1.0, 1.0, 0.92),
    "Köln": (1.0, 1.0, 0.66),
}


def test_links_and_outcomes_per_council(capsys: pytest.CaptureFixture[str]) -> None:
    scores = score(corpus_records())
    with capsys.disabled():
        print("\n" + table(scores))
    for council, (precision, recall, outcome) in FLOOR.items():
        s = scores[council]
        assert s.precision >= precision, council
        assert s.recall >= recall, council
        assert s.outcome >= outcome, council
    assert scores["Erlangen"].found == 0  # its minutes name no Vorlage: nothing may be linked
