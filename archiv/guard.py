"""Parse untrusted files in worker processes, under a time and a memory limit.

pdfplumber never returns on some decompression bombs and a native library can crash on a
damaged file; in a worker that only costs the worker, which is killed and replaced, and the file
is reported as failed. The batch goes on.

Where the caller names modules to preload and the program allows it (Linux; the archiv command
does), the workers are forked from a fork server that imported those modules once (spaCy, the
parsers), started as early as the program can: the server loads them while the caller is still
importing, scanning its files and readying the index, and every worker starts ready. Each worker is
still a process of its own with its own limits; it takes over the caller's environment, working
folder and stdout/stderr as a plainly forked one would.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from .errors import ArchivError, ExitCode, InputFileError, SkippedFileError, rebuild_error

DEFAULT_TIMEOUT = 180.0
DEFAULT_MEMORY_MB = 4096


@dataclass(frozen=True)
class Failure:
    """What went wrong in a worker, sent back as plain values: the ArchivError class by name, its
    exit code and its message (the reason, for an InputFileError), so the parent raises it again."""

    reason: str
    skipped: bool = False  # the file is no document (SkippedFileError), not a document that failed
    error: str = "InputFileError"
    exit_code: int = ExitCode.INPUT_FILE

    @classmethod
    def of(cls, e: ArchivError) -> Failure:
        reason = e.reason if isinstance(e, InputFileError) else str(e)
        return cls(reason, isinstance(e, SkippedFileError), type(e).__name__, int(e.exit_code))

    def exception(self, path: str) -> ArchivError:
        """The error to raise in the parent for the file at ``path``, of the type the worker raised."""
        return rebuild_error(self.error, path, self.reason, self.exit_code)


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def die_with_parent() -> None:
    """Linux: the kernel kills this worker when its parent dies (even by SIGKILL), so no parser
    goes on working for nobody."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _describe(e: Exception) -> str:
    """A failure in plain words: an OCR engine's own message is its whole command output."""
    try:
        from pytesseract import TesseractError
    except ImportError:  # pragma: no cover - a dependency of archiv
        TesseractError = ()  # type: ignore[assignment]
    if isinstance(e, TesseractError):
        status = e.status
        how = f"killed by signal {-status}" if status < 0 else f"exit status {status}"
        return f"the OCR engine (Tesseract) failed on this file ({how})"
    return f"could not be parsed ({type(e).__name__}: {e})"


def drop_inherited_locks() -> None:
    """Close the lock files a plainly forked worker inherited from its caller.

    tantivy releases its index locks by closing the file, and a flock lives on while any copy of the
    descriptor is open: had a worker been forked while the caller's reader thread held the index's
    meta lock, the caller's next commit would wait for that worker to end (a hang at the end of an
    ingest). A worker never needs the caller's locks."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return
    for name in names:
        fd = int(name)
        if fd <= 2:
            continue
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.endswith(".lock"):
            os.close(fd)


class _ParentFd:
    """One of the caller's file descriptors, handed to a worker of the fork server (which would
    otherwise write to the server's stderr, the caller's at the time the server started)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __reduce__(self) -> tuple[Any, ...]:
        from multiprocessing import reduction

        return _take_fd, (reduction.DupFd(self.fd),)


def _take_fd(wrapped: Any) -> int:
    return int(wrapped.detach())


@dataclass(frozen=True)
class _Inherit:
    """What a forked worker inherits and a worker of the fork server must be given."""

    environ: dict[str, str]
    stdout: Any
    stderr: Any

    @classmethod
    def now(cls) -> _Inherit:
        sys.stdout.flush()
        sys.stderr.flush()
        return cls(dict(os.environ), _ParentFd(1), _ParentFd(2))  # what a forked worker writes to

    def apply(self) -> None:
        os.environ.clear()
        os.environ.update(self.environ)
        for fd, target in ((self.stdout, 1), (self.stderr, 2)):
            os.dup2(fd, target)
            os.close(fd)


def _worker_main(conn: Connection, task: Callable[[Any], Any], memory_mb: int, inherit: _Inherit | None = None) -> None:
    # Ctrl-C is the parent's to handle: it stops the workers; a worker's own traceback would only
    # bury the one line that says the run was interrupted.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if inherit is not None:
        inherit.apply()
    else:
        drop_inherited_locks()
    _limit_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            result: Any = task(job)
        except MemoryError:
            result = Failure(f"ran out of memory (limit {memory_mb} MiB)", error="ParseCrashError")
        except ArchivError as e:  # e.g. a missing OCR engine: its message says how to install it
            result = Failure.of(e)
        except Exception as e:  # every failure is reported for this file only
            result = Failure(_describe(e))
        try:
            conn.send(result)
        except (BrokenPipeError, ConnectionResetError, EOFError):
            return  # the parent is gone (stopped or killed): nobody waits for the result
        except Exception as e:  # an unpicklable result
            conn.send(Failure(f"internal error returning the result ({type(e).__name__})"))


class _Worker:
    def __init__(self, ctx: Any, task: Callable[[Any], Any], memory_mb: int) -> None:
        self.conn, child = ctx.Pipe()
        inherit = _Inherit.now() if ctx.get_start_method() == "forkserver" else None
        self.proc = ctx.Process(target=_worker_main, args=(child, task, memory_mb, inherit), daemon=True)
        self.proc.start()
        child.close()
        self.key: Any = None
        self.started = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                self.proc.kill()
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


FORK_SERVER_INIT = "archiv.forkserve"  # makes the fork server die with the process that started it


# What the parse workers of archiv's pipeline need before their first file (archiv/workerprep.py).
WORKER_PRELOAD = ("archiv.workerprep",)
_allowed: list[bool] = []  # allow_fork_server was called: this program's main module may be imported again


def allow_fork_server() -> None:
    """Let pools that preload fork their workers from a fork server. Only a program whose main
    module may be imported again calls this (the archiv command does, archiv/launch.py): a worker of
    the fork server imports the caller's main module as multiprocessing's spawn does, and a script
    without an ``if __name__ == "__main__"`` guard would run again in every worker. Elsewhere the
    workers are forked from the caller, as before."""
    _allowed.append(True)


def start_method(preload: bool) -> str:
    """How workers start: forked from a fork server that preloads (Linux, allowed by the program,
    when there is something to preload), plainly forked (Linux), or spawned (elsewhere).
    ARCHIV_MP=fork|spawn|forkserver chooses."""
    chosen = os.environ.get("ARCHIV_MP", "")
    if chosen in ("fork", "spawn", "forkserver"):
        return chosen
    if not sys.platform.startswith("linux"):
        return "spawn"
    return "forkserver" if preload and _allowed else "fork"


def start_fork_server(preload: tuple[str, ...]) -> bool:
    """Start the fork server now, importing ``preload`` (if workers start from one; True then).
    Call it from the main thread: the server dies with the thread that started it."""
    if start_method(bool(preload)) != "forkserver":
        return False
    from multiprocessing import forkserver

    mp.set_forkserver_preload([FORK_SERVER_INIT, *preload])  # no effect on a server already running
    forkserver.ensure_running()
    return True


class GuardedPool:
    """Runs ``task(job)`` for each job in up to ``workers`` processes; yields (key, result or Failure)."""

    def __init__(
        self,
        task: Callable[[Any], Any],
        *,
        workers: int = 1,
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        preload: tuple[str, ...] = (),
    ) -> None:
        """``preload``: modules the workers need (imported once, in the fork server)."""
        self.task = task
        self.workers = max(1, workers)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.ctx = mp.get_context(start_method(bool(preload)))
        if self.preloading:
            start_fork_server(preload)  # from here on the server loads, while the caller goes on
        self._pool: list[_Worker] = []

    @property
    def preloading(self) -> bool:
        """True where the workers come from a fork server that loads ``preload`` meanwhile."""
        return self.ctx.get_start_method() == "forkserver"

    def __enter__(self) -> GuardedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for w in self._pool:
            w.stop(kill=w.key is not None)
        self._pool = []

    def run(self, jobs: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
        """``jobs`` yields (key, payload); payloads are produced lazily, one per free worker."""
        source = iter(jobs)
        exhausted = False
        done: list[tuple[Any, Any]] = []
        while True:
            # Hand out work to idle workers, before the caller gets the results: while it stores
            # and indexes them, the workers are already parsing the next files.
            while not exhausted and sum(1 for w in self._pool if w.key is not None) < self.workers:
                try:
                    key, payload = next(source)
                except StopIteration:
                    exhausted = True
                    break
                worker = self._idle_worker()
                worker.key, worker.started = key, time.monotonic()
                worker.conn.send(payload)
            yield from done
            done = []
            busy = [w for w in self._pool if w.key is not None]
            if not busy:
                return
            deadline = min(w.started for w in busy) + self.timeout
            ready = wait(
                [w.conn for w in busy] + [w.proc.sentinel for w in busy], max(0.0, deadline - time.monotonic())
            )
            now = time.monotonic()
            for w in busy:
                if w.conn in ready or w.conn.poll():
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        result = self._died(w)
                    key, w.key = w.key, None
                    done.append((key, result))
                elif w.proc.sentinel in ready or not w.proc.is_alive():
                    done.append((w.key, self._died(w)))
                elif now - w.started >= self.timeout:
                    key = w.key
                    self._replace(w)
                    failure = Failure(
                        f"parsing took longer than {self.timeout:g} s and was stopped", error="ParseTimeoutError"
                    )
                    done.append((key, failure))

    def _idle_worker(self) -> _Worker:
        for w in self._pool:
            if w.key is None:
                return w
        w = _Worker(self.ctx, self.task, self.memory_mb)
        self._pool.append(w)
        return w

    def _died(self, w: _Worker) -> Failure:
        w.proc.join(1)
        code = w.proc.exitcode
        self._replace(w)
        if code is not None and code < 0:
            return Failure(f"the parser crashed (signal {-code}); damaged or hostile file?", error="ParseCrashError")
        return Failure(
            f"the parser stopped unexpectedly (exit code {code}; memory limit {self.memory_mb} MiB?)",
            error="ParseCrashError",
        )

    def _replace(self, w: _Worker) -> None:
        w.stop(kill=True)
        self._pool.remove(w)
