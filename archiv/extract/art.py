"""The kind of paper (``art``) where no label names it: a qualified or defined kind, a running head."""

from __future__ import annotations

import re

from ..text.status import STATUS
from .patterns import ART_LINE
from .vocabulary import ARTEN

# "GEMEINSAMER ZUSATZANTRAG", "Interfraktioneller ÄNDERUNGSANTRAG": one qualifying word before the kind.
QUALIFIED_ART = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß]+\s+(" + "|".join(re.escape(a) for a in sorted(ARTEN, key=len, reverse=True)) + r")$", re.I
)
TRAILING_ART = re.compile(r"^(?P<nr>\S.*?)\s+(?P<art>[A-ZÄÖÜ][A-ZÄÖÜa-zäöüß-]+)$")
# "Antrag im Sinne von § 33 Abs. 1 GeschO (öffentlich)": the kind of paper defined by the rules of procedure.
# "ANFRAGE NACH § 4 DER GESCHÄFTSORDNUNG DES RATES", "Antrag gemäß § 28/ § 29 GeschO" too.
_DEFINED_ART = re.compile(
    r"^[A-ZÄÖÜ][\wäöüß-]*(?:\s+[A-ZÄÖÜa-zäöüß][\wäöüß-]*){0,3}\s+(?:im Sinne (?:von|des)|nach|gemäß)\s+§.{1,60}$", re.I
)


_PAGE_MARK = re.compile(r"^(?:[-–]\s*\d+\s*[-–]|--\s*\d+\s+of\s+\d+\s*--|Seite\s+\d+(?:\s+von\s+\d+)?)$", re.I)


def running_head_art(raw: list[str]) -> str | None:
    """The kind of paper printed only as the running head of the next page: "Beschlussvorlage" right
    above the page number "– 2 –" (or as the last line, where a one-page export puts its head)."""
    stripped = [ln.strip() for ln in raw]
    filled = [i for i, s in enumerate(stripped) if s]
    for n, i in enumerate(filled):
        s = stripped[i]
        if not ART_LINE.fullmatch(s) or s.endswith(":"):
            continue
        following = stripped[filled[n + 1]] if n + 1 < len(filled) else None
        if following is None or _PAGE_MARK.match(following):
            return canonical_art(s)
    return None


def defined_art(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        s = line.strip()
        kinds = {a.lower() for a in ARTEN}
        # a kind of paper among the first words ("Einfacher Sachantrag im Sinne …", "ANFRAGE NACH § 4 …")
        if _DEFINED_ART.match(s) and any(w.lower().strip(":").endswith(tuple(kinds)) for w in s.split()[:4]):
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if re.fullmatch(rf"\({STATUS}\)", following, re.I):
                s = f"{s} {following}"  # the status in brackets wrapped onto the next line
            return s
    return None


def canonical_art(word: str) -> str:
    for art in ARTEN:
        if art.lower() == word.lower():
            return art
    return word
