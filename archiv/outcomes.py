"""Outcomes of an ingest, as a person and a script read them: short reasons, input order, a report."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from typing import IO

from .models import FileOutcome

MAX_REASON = 200
# A temporary path says nothing to the reader and differs on every run (OCR engines, converters).
_TEMP_DIRS = sorted({tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"}, key=len, reverse=True)
_TEMP_PATH = re.compile("(?:" + "|".join(re.escape(d) for d in _TEMP_DIRS) + r")/[^\s'\"),;:]*")


def short_reason(text: str, limit: int = MAX_REASON) -> str:
    """One line of at most ``limit`` characters, temporary paths replaced by "…"."""
    line = _TEMP_PATH.sub("…", text)
    line = " ".join(line.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


class InOrder:
    """Hands outcomes to ``emit`` in input order, as soon as every earlier one is known: workers
    finish in any order, but the output of two runs over the same paths lines up."""

    def __init__(self, emit: Callable[[FileOutcome], None]) -> None:
        self.emit = emit
        self._waiting: dict[int, FileOutcome] = {}
        self._next = 0
        self.outcomes: list[FileOutcome] = []

    def put(self, index: int, outcome: FileOutcome) -> None:
        self._waiting[index] = outcome
        while self._next in self._waiting:
            ready = self._waiting.pop(self._next)
            self.outcomes.append(ready)
            self.emit(ready)
            self._next += 1


def write_report(fh: IO[str], outcome: FileOutcome) -> None:
    """One JSON line per input path: path, outcome, reason, id, records, seconds, known."""
    fh.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
    fh.flush()
