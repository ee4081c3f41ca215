"""The record store of a machine that serves an OpenSearch index other machines ingest into.

Each ingesting machine keeps its records (and copies of the originals) in its own store and sends
each record along with its index document; the serving machine reads what its own store lacks from
the index. Originals are served from where they were ingested from: a record's source path, if that
file exists on the serving machine with the same content (a shared folder mounted at the same path on
every machine); copies kept in an ingesting machine's own store are not reachable from elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..models import Vorlage
from ..store import Store


class RemoteRecords:
    """The local store first, then the index; everything else goes to the local store."""

    def __init__(self, store: Store, backend: Callable[[], Any]) -> None:
        self._store = store
        self._backend = backend

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def get(self, vorlage_id: str) -> Vorlage | None:
        return self._store.get(vorlage_id) or self._backend().records([vorlage_id]).get(vorlage_id)

    def get_many(self, ids: list[str]) -> dict[str, Vorlage]:
        found = self._store.get_many(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            found.update(self._backend().records(missing))
        return found

    def find(self, query: str) -> list[Vorlage]:
        return self._store.find(query) or self._backend().find_records(query)

    def original_path(self, vorlage_id: str) -> Path | None:
        local = self._store.original_path(vorlage_id)
        if local is not None:
            return local
        record = self._backend().records([vorlage_id]).get(vorlage_id)
        return Path(record.source.path) if record else None  # the caller checks that the file is unchanged
