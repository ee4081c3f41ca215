"""Helpers of the ingest tests that run archiv as a user does: a separate process, real signals."""

from __future__ import annotations

import sys

from .conftest import SAMPLES

OPARL_SAMPLE = SAMPLES / "oparl" / "auenfels_ds-2026-021_hallenbad.json"


def archiv_cmd() -> list[str]:
    """The archiv command of this interpreter (the console script may not be on PATH): its entry
    point, which lets the parse workers start from a preloaded fork server."""
    return [sys.executable, "-c", "from archiv.launch import main; main()"]
