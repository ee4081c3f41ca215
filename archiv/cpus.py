"""How many processes to run: the one place that asks the machine."""

from __future__ import annotations

import os

# Parse workers in a batch by default: each one loads spaCy's German model and may use up to the
# guard's memory limit, so more than two would trade memory for little speed on a small machine.
PARSE_WORKERS = 2


def cpus() -> int:
    """The CPUs this process may run on (its affinity on Linux; elsewhere every CPU)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_workers(limit: int = PARSE_WORKERS) -> int:
    """Worker processes for a batch: as many as there are CPUs, at most ``limit``."""
    return max(1, min(limit, cpus()))
