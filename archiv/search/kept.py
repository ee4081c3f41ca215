"""Index documents kept in the record store, so that a rebuild whose analysis is unchanged does not
analyse again (issue 16: analysing every Vorlage on every rebuild held the rate at ~1,800 docs/s).

A kept document is only ever used where its fingerprint matches: the fingerprint of the group's
members (each one's id, role and Körperschaft: a record that joins or leaves changes it) and of the
analysis. A member whose record changes drops the group's document in the store itself (the
triggers of store_docs.py, which fire for every writer of the table), so the record's JSON need not
be read and hashed on every rebuild. The analysis fingerprint is made of the source of every module
and data file that decides a document's fields, and of the word list's package: a developer who
changes the analysis (a stem rule, a word of vocabulary.toml) gets fresh documents on the next
rebuild without bumping anything by hand.
"""

from __future__ import annotations

import hashlib
import marshal
import threading
from collections.abc import Iterable
from dataclasses import fields
from functools import cache
from importlib import metadata
from pathlib import Path

import zstandard

from ..models import Vorlage
from .document import IndexDocument

_PACKAGE = Path(__file__).resolve().parent.parent
# What decides a document's fields: the record model, the grouping and merging of records, the
# document itself, the analysis chain, the identifier keys and citations, the vocabulary. Files
# here that do not decide the terms only cost a rebuild more, never a stale document.
_SOURCES = (
    "models.py", "grouped.py", "grouping.py", "words.py", "vocabulary.toml", "search/document.py",
    "search/kept.py", "search/analysis.py", "search/compounds.py", "search/stem.py", "search/lexicon.py",
    "search/citations.py", "text/*.py",
)  # fmt: skip
_PACKAGES = ("german-nouns",)  # the word list compounds are split by (search/lexicon.py)
_NAMES = tuple(f.name for f in fields(IndexDocument) if f.name not in ("vorlage", "record_json"))
# zstd level 3: 2.6 KB of 11, compressed in ~70 µs and inflated in ~20 (zlib level 3, used before:
# 2.8 KB, ~190 and ~55 µs; benchmarks/README.md, "Issue 16, reindex rate, fifth round")
LEVEL = 3
_local = threading.local()  # a zstd compressor is not to be shared between threads


@cache
def analysis_fingerprint() -> bytes:
    """A hash of everything that decides the terms of a document (see the module's docstring)."""
    h = hashlib.blake2b(digest_size=16)
    for pattern in _SOURCES:
        for path in sorted(_PACKAGE.glob(pattern)):
            h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _PACKAGES:
        try:
            h.update(f"{name}=={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name} missing\0".encode())
    h.update(f"marshal {marshal.version}\0".encode() + "\0".join(_NAMES).encode())
    return h.digest()


def group_fingerprint(group_id: str, members: Iterable[tuple[str, str | None, str | None]]) -> bytes:
    """The fingerprint of a group as the store holds it, ``members`` (id, role, Körperschaft) in any
    order; and the analysis's."""
    text = "\0".join(f"{rid}\1{role}\1{body}" for rid, role, body in sorted(members))
    return hashlib.blake2b(f"{group_id}\0{text}".encode(), digest_size=16, key=analysis_fingerprint()).digest()


def encode(doc: IndexDocument) -> bytes:
    """The analysed fields of ``doc`` (all but the record), compressed. marshal: strings, tuples and
    a bool, read back several times faster than JSON (its version is part of the fingerprint)."""
    compressor = getattr(_local, "compressor", None)
    if compressor is None:
        compressor = _local.compressor = zstandard.ZstdCompressor(level=LEVEL)
    return compressor.compress(marshal.dumps(tuple(getattr(doc, name) for name in _NAMES)))


def inflate(kept: list[bytes | None]) -> list[bytes | None]:
    """Documents as ``encode`` kept them, uncompressed (for ``decode(plain=True)``)."""
    unpack = zstandard.ZstdDecompressor().decompress  # lets go of the GIL, as zlib does
    return [None if data is None else unpack(data) for data in kept]


def decode(data: bytes, vorlage: Vorlage | None = None, record_json: str = "", *, plain: bool = False) -> IndexDocument:
    """The document ``encode`` kept (``plain``: inflated already), with the record where the backend
    keeps records."""
    values = marshal.loads(data if plain else zstandard.ZstdDecompressor().decompress(data))
    # Filled in as a frozen dataclass's own __init__ does, without its 33 calls of object.__setattr__
    # (25 → 11 µs a document, in a rebuild's parent, which decodes every kept one).
    doc = object.__new__(IndexDocument)
    doc.__dict__.update(zip(_NAMES, values, strict=True))
    doc.__dict__.update(vorlage=vorlage, record_json=record_json)
    return doc
