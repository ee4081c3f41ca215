"""The schema and analysis version written beside every search index.

A folder built by another version of archiv is refused with "run archiv reindex" instead of
giving wrong results.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import IndexStateError
from .analysis import ANALYSIS_VERSION

META_FILE = "archiv-index.json"


def needs_create(path: Path, schema_version: int, *, create: bool) -> bool:
    """True where the index must be created; raises where it is missing or from another version."""
    meta = path / META_FILE
    if not meta.exists():
        if not create:
            raise IndexStateError(f"no search index in {path}: run 'archiv reindex'")
        return True
    found = json.loads(meta.read_text())
    if found.get("schema_version") != schema_version or found.get("analysis") != ANALYSIS_VERSION:
        raise IndexStateError(
            f"the search index in {path} was built by another version of archiv "
            f"(schema {found.get('schema_version')}, analysis {found.get('analysis')}; this version: "
            f"schema {schema_version}, analysis {ANALYSIS_VERSION}): run 'archiv reindex'"
        )
    return False


def write_meta(path: Path, backend: str, schema_version: int) -> None:
    meta = {"backend": backend, "schema_version": schema_version, "analysis": ANALYSIS_VERSION}
    (path / META_FILE).write_text(json.dumps(meta))
