"""What long commands show on the terminal: progress on stderr, outcomes as they happen.

On a terminal, tqdm draws a bar with count, rate, elapsed time and ETA; where stderr is a file or
a pipe (cron, CI, a log), a plain line every few seconds and one at the end. Lines printed while a
bar is drawn go through tqdm.write, so the bar is never torn.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any

from .models import FileOutcome, IngestReport
from .outcomes import write_report

LINE_SECONDS = 5.0
NAME_WIDTH = 40


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60:02d}:{rest % 60:02d}"


def _short_name(path: str) -> str:
    return path if len(path) <= NAME_WIDTH else "…" + path[-(NAME_WIDTH - 1) :]


class Progress:
    """progress(done, total, path): a tqdm bar on a terminal, else a line every few seconds."""

    def __init__(self, quiet: bool = False, unit: str = "file", stream: IO[str] | None = None) -> None:
        self.quiet = quiet
        self.unit = unit
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.bar: Any = None  # a tqdm bar, made on the first update (tqdm is imported only for a terminal)
        self.started = time.monotonic()
        self.last_line = self.started
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int, path: str) -> None:
        self.done, self.total = done, total
        if self.quiet or total == 0:
            return
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm

                try:
                    columns = os.get_terminal_size(self.stream.fileno()).columns
                except (OSError, ValueError, AttributeError):
                    columns = 0
                # A terminal that reports no width (some ptys) would get an empty bar: assume 80 columns.
                width = {"dynamic_ncols": True} if columns > 0 else {"ncols": 80}
                self.bar = tqdm(total=total, unit=self.unit, file=self.stream, smoothing=0.1, **width)
            self.bar.set_postfix_str(_short_name(path), refresh=False)
            self.bar.update(done - self.bar.n)
        else:
            now = time.monotonic()
            if now - self.last_line >= LINE_SECONDS or done == total:
                self.last_line = now
                self.stream.write(self.line() + "\n")
                self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        pct = 100 * self.done // self.total if self.total else 100
        return (
            f"[{self.done}/{self.total}] {pct}%, {rate:.1f} {self.unit}s/s, "
            f"{_clock(elapsed)} elapsed, ETA {_clock(eta)}"
        )

    def write(self, text: str, stream: IO[str]) -> None:
        """A line on ``stream`` that leaves the bar whole."""
        if self.bar is not None:
            self.bar.write(text, file=stream)
        else:
            stream.write(text + "\n")
            stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class IngestConsole:
    """Every outcome as it happens: failures on stderr (``error: PATH: REASON``, also with
    --quiet), the others on stdout (``PATH: added`` …, not with --quiet); and the --report file."""

    def __init__(self, quiet: bool, report: IO[str] | None = None) -> None:
        self.quiet = quiet
        self.report = report
        self.progress = Progress(quiet)
        self.count = 0

    def outcome(self, o: FileOutcome) -> None:
        self.count += 1
        if self.report is not None:
            write_report(self.report, o)
        if o.status == "failed":
            self.progress.write(f"error: {o.path}: {o.error}", sys.stderr)
        elif not self.quiet:
            self.progress.write(f"{o.path}: {describe(o)}", sys.stdout)

    def wait(self, message: str) -> None:
        self.progress.write(message, sys.stderr)

    def close(self) -> None:
        self.progress.close()


def describe(o: FileOutcome) -> str:
    """The outcome as the README names it: added, unchanged, duplicate of PATH, skipped: REASON, failed: REASON."""
    if o.status in ("skipped", "failed"):
        return f"{o.status}: {o.error}"
    if o.status == "duplicate":
        return o.error or "duplicate"
    if o.records > 1:
        return f"{o.status} ({o.records} records)"
    return o.status


def summary(report: IngestReport) -> str:
    parts = [f"{report.count('added')} added", f"{report.count('unchanged')} unchanged"]
    failed = f"{report.count('failed')} failed"
    known = sum(1 for o in report.outcomes if o.status == "failed" and o.known)
    parts.append(failed + (f" ({known} known from earlier runs)" if known else ""))
    if report.count("duplicate"):
        parts.append(f"{report.count('duplicate')} duplicate" + ("s" if report.count("duplicate") > 1 else ""))
    if report.count("skipped"):
        parts.append(f"{report.count('skipped')} skipped")
    return "ingest: " + ", ".join(parts)
