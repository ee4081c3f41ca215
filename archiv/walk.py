"""The input paths of an ingest: every file under the named files and folders, each exactly once.

A file system tool, not a script: nothing here opens a file. Whatever cannot be a document is
classified from ``lstat``/``stat`` alone and comes out with the reason it is skipped — a FIFO
would block a reader forever, a device may act when opened, a symbolic link may point nowhere,
at itself, or at a folder (followed only to regular files, so no walk can loop). Folders are read
in name order (a folder's files, then its sub-folders), so two runs list the same paths in the
same order.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .fsnames import display


@dataclass(frozen=True)
class Entry:
    """One input path. ``path`` is the name as the OS has it; ``shown`` its display form."""

    path: str
    shown: str
    status: str | None = None  # None: a regular file to read; else "skipped" or "failed"
    reason: str | None = None


_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe), not a file: never opened"),
    (stat.S_ISSOCK, "a socket, not a file: never opened"),
    (stat.S_ISCHR, "a character device, not a file: never opened"),
    (stat.S_ISBLK, "a block device, not a file: never opened"),
)


def special_kind(mode: int) -> str | None:
    """Why a path of this mode is no document (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return "not a regular file: never opened"


def _link_target(path: str) -> tuple[str | None, str | None]:
    """(status, reason) for a symbolic link: (None, None) where it leads to a regular file."""
    try:
        st = os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "skipped", "symbolic link loop: never followed"
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            return "skipped", "dangling symbolic link: its target does not exist"
        return "failed", f"cannot follow the symbolic link ({e.strerror})"
    if stat.S_ISDIR(st.st_mode):
        return "skipped", "symbolic link to a folder: not followed"
    kind = special_kind(st.st_mode)
    if kind:
        return "skipped", f"symbolic link to {kind.split(':')[0]}: never opened"
    return None, None


class Walker:
    def __init__(self, exclude: Sequence[str] = ()) -> None:
        self.exclude = tuple(exclude)
        self._seen: set[str] = set()
        self._dirs: set[tuple[int, int]] = set()

    def excluded(self, path: str, name: str) -> bool:
        shown = display(path)
        return any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(shown, g) for g in self.exclude)

    def walk(self, paths: Iterable[Path | str]) -> Iterator[Entry]:
        for p in paths:
            path = os.fspath(p)
            if self.excluded(path, os.path.basename(path.rstrip("/")) or path):
                continue
            try:
                st = os.stat(path)  # a path the user names is followed, even a link to a folder
            except OSError:
                st = None
            if st is not None and stat.S_ISDIR(st.st_mode):
                yield from self._folder(path, st)
            else:
                yield from self._file(path, is_link=os.path.islink(path), st=st)

    def _once(self, entry: Entry) -> Iterator[Entry]:
        if entry.path not in self._seen:  # a path named twice, or inside a folder also named
            self._seen.add(entry.path)
            yield entry

    def _file(self, path: str, *, is_link: bool, st: os.stat_result | None = None) -> Iterator[Entry]:
        shown = display(path)
        if is_link:
            status, reason = _link_target(path)
            yield from self._once(Entry(path, shown, status, reason))
            return
        if st is None:
            try:
                st = os.lstat(path)
            except OSError as e:
                yield from self._once(Entry(path, shown, "failed", f"cannot read ({e.strerror})"))
                return
        kind = special_kind(st.st_mode)
        yield from self._once(Entry(path, shown, "skipped" if kind else None, kind))

    def _folder(self, top: str, top_st: os.stat_result) -> Iterator[Entry]:
        # A stack, not recursion: a tree thousands of folders deep is no reason to stop.
        stack = [(top, top_st)]
        while stack:
            path, st = stack.pop()
            key = (st.st_dev, st.st_ino)
            if key in self._dirs:  # the same folder twice (named twice, or a bind mount inside itself)
                continue
            self._dirs.add(key)
            folders: list[tuple[str, os.stat_result]] = []
            yield from self._list(path, folders)
            stack.extend(reversed(folders))

    def _list(self, path: str, folders: list[tuple[str, os.stat_result]]) -> Iterator[Entry]:
        """The entries of one folder (its files, in name order); its sub-folders go to ``folders``."""
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield from self._once(Entry(path, display(path), "failed", f"cannot list the folder ({e.strerror})"))
            return
        if not entries:
            yield from self._once(Entry(path, display(path), "skipped", "empty folder"))
            return
        for e in entries:
            if self.excluded(e.path, e.name):
                continue
            try:
                is_dir = e.is_dir(follow_symlinks=False)
                is_link = e.is_symlink()
                entry_st = None if is_link else e.stat(follow_symlinks=False)
            except OSError as err:
                yield from self._once(Entry(e.path, display(e.path), "failed", f"cannot read ({err.strerror})"))
                continue
            if e.name.startswith("."):
                what = "hidden folder: not searched" if is_dir else "hidden file"
                yield from self._once(Entry(e.path, display(e.path), "skipped", what))
            elif is_dir:
                assert entry_st is not None
                folders.append((e.path, entry_st))
            else:
                yield from self._file(e.path, is_link=is_link, st=entry_st)


def walk(paths: Iterable[Path | str], exclude: Sequence[str] = ()) -> list[Entry]:
    """Every input path under ``paths``, in a stable order, each once."""
    return list(Walker(exclude).walk(paths))
