"""Names shared by the CLI, the library and the web, so that each thing is called one way (README,
"Command reference, names and output formats")."""

from __future__ import annotations

# The orders of a search: one name each for the CLI (--sortierung), the library (Archive.search) and
# the web (?sortierung=), mapped to the engine's names. Those (relevance, datum, datum_asc) were the
# CLI's spellings and stay accepted as aliases.
SORTIERUNGEN = {"relevanz": "relevance", "neueste": "datum", "aelteste": "datum_asc"}
SORT_ALIASES = {engine: name for name, engine in SORTIERUNGEN.items()}

# How a file belongs to its Vorlage (grouping.Role), as the text output and the web page say it.
ROLE_LABELS = {"datei": "Datei", "fassung": "Fassung", "anlage": "Anlage"}


def sortierung_of(value: str) -> str:
    """The one name of an order, given either spelling; ValueError for an unknown order."""
    name = SORT_ALIASES.get(value, value)
    if name not in SORTIERUNGEN:
        raise ValueError(f"unknown order '{value}' (one of {', '.join(SORTIERUNGEN)})")
    return name
