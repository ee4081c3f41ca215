"""The OParl tree as files, for hosting on any static web server.

Every object and list page is written at the path of its URL below the base URL (no file name
extension: the host must send them as application/json), every File the archive serves itself
under access/ and download/. What the host must add is in the README (CORS header, JSON type,
attachment under download/).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..archive import Archive
from ..models import Vorlage
from .site import Site, store_stamp


@dataclass(frozen=True)
class TreeReport:
    objects: int
    files: int
    missing: tuple[str, ...]  # Files whose original is no longer there


def open_site(archive: Archive, base_url: str, *, public: bool, web: bool) -> Site:
    def visible() -> Iterator[Vorlage]:
        return (v for v in archive.store.iter_records_without_text() if not public or v.oeffentlich is not False)

    return Site(
        visible(),
        base_url,
        original_of=lambda v: kept_original(archive, v),
        texts=lambda ids: {i: v.text for i, v in archive.store.get_many(ids).items()},
        web=web,
        fallback=store_stamp(archive.dir),
    )


def kept_original(archive: Archive, v: Vorlage) -> Path | None:
    """A record's original, if it is still there with the same bytes."""
    path = archive.store.original_path(v.id)
    if path is None or not path.is_file():
        return None
    if archive.dir.resolve() in path.resolve().parents:
        return path  # kept by content address: the bytes are those of the record
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return path if digest == v.source.sha256 else None


def papers(site: Site) -> list[dict[str, Any]]:
    """Every Paper with its Files and Consultations (the JSON list of ``export --format oparl -o x.json``)."""
    keys = sorted(site.cat.papers)
    return [p for i in range(0, len(keys), 100) for p in site.render.papers(keys[i : i + 100])]


def write_tree(site: Site, out: Path, progress: Callable[[int, int, str], None] | None = None) -> TreeReport:
    prefix = site.urls.base + "/"
    objects = 0
    for url, obj in site.walk():
        target = out / url.removeprefix(prefix)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        objects += 1
    served = list(site.served_files())
    missing = []
    for done, (key, name) in enumerate(served, 1):
        content = site.content(key, name)
        if content is None:
            missing.append(key)
            continue
        for kind in ("access", "download"):
            target = out / site.urls.access(key, name).removeprefix(prefix).replace("oparl/access/", f"oparl/{kind}/")
            target.parent.mkdir(parents=True, exist_ok=True)
            if content.path is not None:
                shutil.copyfile(content.path, target)
            else:
                target.write_bytes(content.data or b"")
        if progress:
            progress(done, len(served), name)
    return TreeReport(objects, len(served) - len(missing), tuple(missing))
