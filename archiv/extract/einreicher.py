"""Who submitted a paper (``einreicher``): a Fraktion, the Oberbürgermeister, an Ortsbeirat, a member.

Kept apart from the lead office (``fachbereich``): a labelled value that names an office of the
administration ("Dezernat Stadtentwicklung") is the lead office, anything else the submitter. Where no
label exists: the kind line "Antrag der SPD-Fraktion", or a Fraktion's letterhead above the paper.
"""

from __future__ import annotations

import re

from .patterns import clean_value
from .vocabulary import ARTEN

# An office of the administration: it leads a paper, it does not move one.
OFFICE = re.compile(
    r"^(?:Dezernat|Amt|Fachbereich|Fachdienst|Referat|Abteilung|Geschäftsbereich|Stabsstelle|Dienststelle|Dez\.)\b"
    r"|\b(?:amt|referat)$"
)
_KINDS = "|".join(re.escape(a) for a in sorted(ARTEN, key=len, reverse=True))
# "Antrag der CDU-Fraktion", "Gemeinsame Anfrage der Fraktionen SPD und Grüne", "Antrag des Ortsbeirates Mitte"
_KIND_BY = re.compile(
    rf"^(?:[A-ZÄÖÜ][\wäöüß]+\s+)?(?:{_KINDS})\s+(?:der|des|von)\s+(?P<who>[^:]{{3,120}}?)"
    r"(?:\s+(?:zur|zum|für die|vom|betr\.?|betreffend|im Rat|in der|gemäß|nach)\b.*|\s*[:,(].*)?$",
    re.I,
)
_MOVER = re.compile(
    r"fraktion|\bgruppe\b|ortsbeirat|ortsrat|ortschaftsrat|bezirksbeirat|beirat\b|stadtbezirksbeirat"
    r"|oberbürgermeister|bürgermeister|landrat|landrätin|stadtrat\b|stadträtin|ratsmitglied|ratsherr|ratsfrau"
    r"|bezirksverordnete|\bmdr\b|einwohner",
    re.I,
)
# A Fraktion's letterhead: "SPD-Fraktion im Rat der Stadt", "Fraktion BÜNDNIS 90/DIE GRÜNEN", "CDU-Stadtratsfraktion"
_LETTERHEAD = re.compile(r"^(?:[\w/+.&-]+(?:\s[\w/+.&-]+){0,3}[- ])?\w*[Ff]raktion(?:en)?\b[^.!?]{0,80}$")


def from_label(value: str | None) -> tuple[str | None, str | None]:
    """A labelled "Einreicher:" value as (einreicher, fachbereich): an office leads, anyone else submits."""
    value = clean_value(value)
    if not value:
        return None, None
    return (None, value) if OFFICE.search(value) else (value, None)


def unlabelled(lines: list[str], header_end: int) -> str | None:
    """The submitter printed without a label, in the paper's first lines."""
    head = [ln.strip() for ln in lines[: max(header_end, 30)] if ln.strip()][:30]
    for s in head:
        m = _KIND_BY.match(s)
        if m and _MOVER.search(m.group("who")):
            return clean_value(m.group("who"))
    for s in head[:12]:
        if len(s) <= 90 and _LETTERHEAD.match(s) and not s.lower().startswith(("die ", "der ", "wir ", "an ")):
            return clean_value(s)
    return None
