"""The German word list behind compound decomposition: every form of the ~100,000 nouns of the
german-nouns package (compiled from Wiktionary DE, CC BY-SA 4.0), folded like the index terms.

Why this list (and not a statistical splitter): a part is indexed only if it is a word, so the
splitter must know words; benchmarks/bench_compounds.py measured it against CharSplit
(compound-split) on a judged set of council compounds (see benchmarks/README.md).

Reading the package's 20 MB CSV takes about 1.5 s, so the folded forms are cached once per
package version as a plain word file under the user's cache folder (XDG_CACHE_HOME); where that
is not writable the list is built in memory every time.
"""

from __future__ import annotations

import csv
import hashlib
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..errors import MissingDependencyError
from .stem import fold

LEXICON_VERSION = "german-nouns-2"
# Entries that are names, abbreviations or bound morphemes, not words a compound is made of.
_SKIP_POS = {
    "Vorname", "Nachname", "Familienname", "Eigenname", "Toponym", "Straßenname", "Abkürzung", "Buchstabe",
    "Symbol", "Affix", "Suffix", "Gebundenes Lexem",
}  # fmt: skip
_FIRST_FORM_COLUMN = 7  # lemma, pos, genus x5, then the declined forms


def _source() -> Path:
    try:
        from german_nouns.config import CSV_FILE_PATH
    except ImportError as e:
        raise MissingDependencyError("the German word list (german-nouns)", "pip install german-nouns") from e
    return Path(CSV_FILE_PATH)


def _read_forms(path: Path) -> set[str]:
    out: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        for row in rows:
            if row and row[0].startswith("-") and row[0][1:].isalpha():  # "-schaft": a suffix, kept as such
                out.add("-" + fold(row[0][1:].lower()))
            if not row or _SKIP_POS.intersection(row[1].split(",")):
                continue
            for word in (row[0], *row[_FIRST_FORM_COLUMN:]):
                if word and word.isalpha():
                    out.add(fold(word.lower()))
    return out


def _cache_file(source: Path) -> Path:
    # Keyed by what the words depend on, not by where the package lies or when it was unpacked: every
    # virtual environment and reinstall of the same package version shares one file.
    try:
        version = metadata.version("german-nouns")
    except metadata.PackageNotFoundError:
        version = "?"
    tag = hashlib.sha256(f"{LEXICON_VERSION}|{version}|{source.stat().st_size}".encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "archiv" / f"lexicon-{tag}.txt"


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Folded lower-case forms of the word list (every declined form of every noun), and its suffixes
    with a leading "-" ("-schaft")."""
    source = _source()
    cache = _cache_file(source)
    try:
        return frozenset(cache.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    forms = _read_forms(source)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(sorted(forms)))
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only home: build in memory next time too
    return frozenset(forms)
