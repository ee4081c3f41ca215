"""Hostile files: a parser that hangs or dies costs only its worker, never the batch."""

from __future__ import annotations

import fcntl
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from archiv.errors import (
    ExitCode,
    InputFileError,
    MissingDependencyError,
    ParseCrashError,
    ParseTimeoutError,
    SkippedFileError,
)
from archiv.guard import Failure, GuardedPool


def _task(job: str) -> str:
    if job == "hang":
        time.sleep(60)
    if job == "crash":
        os._exit(3)
    if job == "boom":
        raise ValueError("bad bytes")
    if job == "no-ocr":
        raise MissingDependencyError("Tesseract OCR", "apt-get install tesseract-ocr")
    if job == "no-document":
        raise SkippedFileError("x.json", "JSON that holds no OParl Paper")
    if job == "env":
        return os.environ.get("ARCHIV_GUARD_TEST", "unset")
    if job == "stderr":
        print("the worker writes to the caller's stderr", file=sys.stderr, flush=True)
        return "written"
    if job == "memory":
        blob = bytearray(6 * 1024**3)  # over the limit below
        return str(len(blob))
    return job.upper()


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_pool_survives_hang_crash_error_and_memory_bomb(
    method: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Plainly forked workers, and workers of the preloaded fork server (the archiv command's way):
    the same limits, the same isolation; the worker sees the caller's environment as it is when the
    worker starts, and writes to the caller's stderr."""
    monkeypatch.setenv("ARCHIV_MP", method)
    monkeypatch.setenv("ARCHIV_GUARD_TEST", "set after the server started")
    jobs = ["a", "hang", "b", "crash", "boom", "memory", "c", "env", "stderr"]
    with GuardedPool(_task, workers=2, timeout=2.0, memory_mb=1536, preload=("tests.test_guard",)) as pool:
        assert pool.preloading == (method == "forkserver")
        results = dict(pool.run((j, j) for j in jobs))
    assert results["a"] == "A" and results["b"] == "B" and results["c"] == "C"
    assert isinstance(results["hang"], Failure) and "longer than 2 s" in results["hang"].reason
    assert isinstance(results["crash"], Failure) and "stopped unexpectedly" in results["crash"].reason
    assert results["boom"] == Failure("could not be parsed (ValueError: bad bytes)")
    assert isinstance(results["memory"], Failure) and "memory" in results["memory"].reason
    assert results["env"] == "set after the server started"
    assert results["stderr"] == "written"
    assert "the worker writes to the caller's stderr" in capfd.readouterr().err


def test_failures_keep_their_type_across_the_worker() -> None:
    jobs = ["hang", "crash", "boom", "no-ocr", "no-document"]
    with GuardedPool(_task, workers=2, timeout=2.0, memory_mb=1536) as pool:
        errors = {key: result.exception(f"{key}.pdf") for key, result in pool.run((j, j) for j in jobs)}
    assert type(errors["hang"]) is ParseTimeoutError and errors["hang"].exit_code == ExitCode.INPUT_FILE
    assert type(errors["crash"]) is ParseCrashError
    assert type(errors["boom"]) is InputFileError and str(errors["boom"]).startswith("boom.pdf: could not be parsed")
    assert (
        type(errors["no-ocr"]) is MissingDependencyError and errors["no-ocr"].exit_code == ExitCode.MISSING_DEPENDENCY
    )
    assert (
        str(errors["no-ocr"])
        == "no-ocr.pdf: Tesseract OCR is not installed; install it with: apt-get install tesseract-ocr"
    )
    assert type(errors["no-document"]) is SkippedFileError and errors["no-document"].reason.startswith("JSON")
    with pytest.raises(ParseTimeoutError):
        raise errors["hang"]


def _hold(job: str) -> str:
    time.sleep(float(job))
    return "done"


def test_a_forked_worker_does_not_keep_the_callers_index_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tantivy releases its meta lock by closing the file: a worker forked while the caller held it
    must not keep it alive, or the caller's next commit waits for the worker (a hung ingest)."""
    monkeypatch.setenv("ARCHIV_MP", "fork")
    lock = tmp_path / ".tantivy-meta.lock"
    held = open(lock, "w")  # noqa: SIM115 - released by closing, as tantivy does
    fcntl.flock(held, fcntl.LOCK_EX)
    results: list[tuple[str, str]] = []
    with GuardedPool(_hold, workers=1, timeout=30.0) as pool:
        runner = threading.Thread(target=lambda: results.extend(pool.run([("slow", "3")])))
        runner.start()
        time.sleep(1.0)  # the worker is forked and busy while the caller releases its lock
        held.close()
        with open(lock, "w") as again:
            fcntl.flock(again, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError while a worker holds a copy
            fcntl.flock(again, fcntl.LOCK_UN)
        runner.join()
    assert results == [("slow", "done")]
