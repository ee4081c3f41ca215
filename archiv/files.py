"""Reading a file that may be hostile: only a regular file, only when its read can end, only up to a size."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .errors import EmptyFileError, InputFileError, SkippedFileError
from .fsnames import display
from .walk import special_kind

# A file larger than this is refused before anything reads it (ingest --max-size).
MAX_FILE_BYTES = 200 * 1024 * 1024


def size_text(n: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= factor:
            return f"{n / factor:.3g} {unit}"
    return f"{n} bytes"


def check_stat(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> os.stat_result:
    """The ``stat`` of a regular file that may be read; raises for anything else, before any read."""
    name = shown or display(path)
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise SkippedFileError(name, "symbolic link loop: never followed") from e
        if e.errno == errno.ENOENT and os.path.islink(path):
            raise SkippedFileError(name, "dangling symbolic link: its target does not exist") from e
        raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    kind = special_kind(st.st_mode)
    if kind:
        raise SkippedFileError(name, kind if ":" in kind else f"{kind}, not a file")
    if st.st_size == 0:
        raise EmptyFileError(name)
    if st.st_size > max_bytes:
        raise SkippedFileError(name, _too_large(st.st_size, max_bytes))
    return st


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size_text(size)}, larger than the size limit of {size_text(max_bytes)} (--max-size): not read"


def read_bytes(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES, shown: str | None = None) -> tuple[str, bytes]:
    """(shown name, bytes) of a regular file (checked again on the open descriptor: it may have been
    swapped for a FIFO since the stat); refuses empty or huge files."""
    name = shown or display(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        kind = special_kind(st.st_mode)
        if kind:
            raise SkippedFileError(name, f"{kind.split(':')[0]}, not a file: not read")
        try:
            chunks: list[bytes] = []
            got = 0
            while got <= max_bytes and (chunk := fh.read(min(1 << 20, max_bytes + 1 - got))):
                chunks.append(chunk)
                got += len(chunk)
        except OSError as e:
            raise InputFileError(name, f"cannot read file ({e.strerror})") from e
    if got > max_bytes:
        raise SkippedFileError(name, _too_large(got, max_bytes))
    data = b"".join(chunks)
    if not data:
        raise EmptyFileError(name)
    return name, data
