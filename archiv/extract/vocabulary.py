"""The label vocabulary of the council information systems, typed for the readers.

The words themselves are data (archiv/vocabulary.toml); this module gives them the shapes the readers
use. Each label maps the words a vendor prints in front of a value to the record field it fills; see
the head of vocabulary.toml for the kinds. To support a new layout, add its words there.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..words import vocabulary, words


@dataclass(frozen=True)
class LabelSpec:
    field: str
    kind: str  # line | list | block | table | stop
    words: tuple[str, ...]


LABELS: tuple[LabelSpec, ...] = tuple(
    LabelSpec(label["field"], label["kind"], tuple(label["words"])) for label in vocabulary()["label"]
)

# Headers of the Beschlusslauf table, per column (lower case; compared without spaces).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in vocabulary()["table_columns"].items()}

# What a Beschlusslauf row's role ("Stand", "Zuständigkeit") says; longest first when matched.
ROLES: tuple[str, ...] = words("roles")

# Kinds of paper, as printed in a header line.
ARTEN: tuple[str, ...] = words("arten")

# Words that make a phrase a committee (the row of a Beschlusslauf, an entity): a regular expression.
GREMIUM_WORDS = "|".join(words("gremium_patterns"))

# Public bodies named in a Vorlage ("Gemeinde Nordstemmen", "Landkreis Darmstadt-Dieburg").
KOERPERSCHAFT_KINDS: tuple[str, ...] = words("koerperschaft_kinds")
