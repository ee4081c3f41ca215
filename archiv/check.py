"""archiv check: is the archive whole? And --repair: make the search index whole again from the store.

The record store is the truth. Checked: every record's kept original is there and hashes to the
sha256 it is filed under; the search index opens with this version's schema and holds exactly the
store's records (none missing, none that the store does not know, none twice). Records a stopped
ingest committed but did not index yet are not damage: they are counted as pending, and the next
ingest or --repair indexes them. Leftovers of a killed run (temporary files, originals no record
refers to) are counted too, and --repair removes them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IndexStateError
from .fsnames import fs_path
from .search import Filters
from .search.query import parse_query

if TYPE_CHECKING:
    from .archive import Archive

Progress = Callable[[int, int, str], None]


@dataclass
class CheckReport:
    records: int = 0
    originals: int = 0  # kept originals hashed
    indexed: int = 0  # entries in the search index
    problems: list[str] = field(default_factory=list)  # damage: exit code 6 unless repaired
    notes: list[str] = field(default_factory=list)  # not damage (pending records, leftovers)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def check(archive: Archive, *, repair: bool = False, progress: Progress | None = None) -> CheckReport:
    report = CheckReport()
    store = archive.store
    rows = list(store.iter_rows())
    report.records = len(rows)
    _check_originals(archive, rows, report, repair, progress)
    _check_leftovers(archive, report, repair)
    _check_index(archive, rows, report, repair)
    return report


def _check_originals(
    archive: Archive, rows: list, report: CheckReport, repair: bool, progress: Progress | None
) -> None:
    verdict: dict[str, str | None] = {}  # original -> problem (None: fine)
    by_original: dict[str, list[str]] = {}
    for vid, _sha, original, _indexed in rows:
        if original:
            by_original.setdefault(original, []).append(vid)
    total = len(by_original)
    for n, (rel, ids) in enumerate(sorted(by_original.items()), start=1):
        path = archive.dir / rel
        expected = Path(rel).name
        if not path.is_file():
            verdict[rel] = "is missing"
        else:
            verdict[rel] = None if _sha256(path) == expected else "is damaged (its sha256 differs)"
            report.originals += 1
        if verdict[rel] and repair and _restore(archive, ids[0], path, expected):
            report.repaired.append(f"original {rel} restored from its source file")
            verdict[rel] = None
        if verdict[rel]:
            report.problems.append(f"the original of {len(ids)} record(s) ({ids[0]}) {verdict[rel]}: {rel}")
        if progress:
            progress(n, total, rel)


def _restore(archive: Archive, vid: str, target: Path, expected: str) -> bool:
    """Copy the original back from the path it was ingested from, if the bytes there are still the same."""
    record = archive.store.get(vid)
    if record is None:
        return False
    source = fs_path(record.source.path)
    try:
        if not source.is_file() or _sha256(source) != expected:
            return False
        data = source.read_bytes()
    except OSError:
        return False
    if target.exists():
        target.unlink()
    archive.store.keep_original(expected, data)
    return True


def _check_leftovers(archive: Archive, report: CheckReport, repair: bool) -> None:
    folder = archive.dir / "originals"
    if not folder.is_dir():
        return
    used = archive.store.originals_in_use()
    leftovers = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), archive.dir)
            if rel not in used:
                leftovers.append(rel)
    if not leftovers:
        return
    if repair:
        for rel in leftovers:
            (archive.dir / rel).unlink(missing_ok=True)
        report.repaired.append(f"{len(leftovers)} leftover file(s) in originals/ removed (temporary, or of no record)")
    else:
        report.notes.append(f"{len(leftovers)} leftover file(s) in originals/ (temporary, or of no record)")


def index_ids(archive: Archive) -> list[str]:
    """Every id in the search index (with repeats, if an id is in it twice)."""
    backend = archive.backend
    count = backend.count()
    if count == 0:
        return []
    result = backend.search(parse_query(""), Filters(), limit=count + 1)
    return [h.id for h in result.hits]


def _check_index(archive: Archive, rows: list, report: CheckReport, repair: bool) -> None:
    try:
        ids = index_ids(archive)
    except IndexStateError as e:
        if not repair:
            report.problems.append(f"{e}")
            return
        archive._backend = None
        n = archive._reindex()
        report.repaired.append(f"search index rebuilt from the store ({n} records): {e}")
        report.indexed = n
        return
    report.indexed = len(ids)
    in_index = set(ids)
    stored = {vid: indexed for vid, _sha, _orig, indexed in rows}
    # The index holds one document per Vorlage (grouped.py), under the id of its group.
    group_of = archive.store.group_ids(list(stored))
    doc = {v: group_of.get(v, v) for v in stored}
    missing = sorted(v for v, indexed in stored.items() if indexed and doc[v] not in in_index)
    pending = sorted(v for v, indexed in stored.items() if not indexed and doc[v] not in in_index)
    orphans = sorted(in_index - set(doc.values()))
    twice = len(ids) - len(in_index)
    damage = []
    if missing:
        damage.append(f"{len(missing)} record(s) missing from the search index (e.g. {missing[0]})")
    if orphans:
        damage.append(f"{len(orphans)} search index entr(ies) of no record in the store (e.g. {orphans[0]})")
    if twice:
        damage.append(f"{twice} Vorlage(n) twice in the search index")
    if pending and not repair:
        report.notes.append(
            f"{len(pending)} record(s) not indexed yet (a stopped ingest); the next ingest indexes them"
        )
    if not repair:
        report.problems.extend(damage)
        return
    if orphans or twice:
        n = archive._reindex()
        report.repaired.append(f"search index rebuilt from the store ({n} records): " + "; ".join(damage))
        report.indexed = n
        return
    todo = missing + pending
    if todo:
        records = list(archive.store.get_many(todo).values())
        archive.index_records(records)
        report.repaired.append(f"{len(records)} record(s) added to the search index")
        report.indexed += len(records)
    archive.store.mark_indexed(sorted(v for v, indexed in stored.items() if not indexed and doc[v] in in_index))
