"""Who submitted a paper (``einreicher``): a Fraktion, the Oberbürgermeister, an Ortsbeirat, a member.

Kept apart from the lead office (``fachbereich``): a labelled value that names an office of the
administration ("Dezernat Stadtentwicklung") is the lead office, anything else the submitter. Where no
label exists: the kind line "Antrag der SPD-Fraktion", or a Fraktion's letterhead above the paper.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .letter import salutation_at
from .patterns import clean_value
from .sections import Segment
from .vocabulary import ARTEN, KOERPERSCHAFT_KINDS

_BODY = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in KOERPERSCHAFT_KINDS) + r")\s+[A-ZÄÖÜ]", re.I)

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


# A Dezernat (or Geschäftsbereich) is the level above the office that leads: "Verantwortlich: Dez. 6" /
# "Dienststelle: EiBS" names the office EiBS in Dezernat 6.
_DEZERNAT = re.compile(r"^(?:Dez\.|Dezernat|Geschäftsbereich|GB)\s*\S{0,8}$", re.I)
_WRAPPED_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,4})$")  # "Dez." / "3": the value wrapped onto its own line


def lead_office(segs: list[Segment]) -> str | None:
    """The lead office from the labelled ones: an office printed under its Dezernat wins over the Dezernat."""
    values = []
    for seg in segs:
        value = seg.first_value()
        body = [b.strip() for b in seg.body if b.strip()]
        if value and seg.inline.strip() and value.endswith(".") and body and _WRAPPED_NUMBER.match(body[0]):
            value = f"{value} {body[0]}"
        if value := clean_value(value):
            values.append((seg.line, value))
    if not values:
        return None
    line, first = values[0]
    below = [v for n, v in values[1:] if n - line <= 3 and not _DEZERNAT.match(v)]
    return below[0] if _DEZERNAT.match(first) and below else first


# "Die Oberbürgermeisterin" under the body's name in a letterhead: the office that writes
_OFFICER = re.compile(
    r"^(?:Der|Die)\s+(?:Ober)?[Bb]ürgermeister(?:in)?|^(?:Der|Die)\s+Landr(?:at|ätin)|^Der\s+(?:Magistrat|Senat)|"
    r"^(?:Der|Die)\s+(?:Beigeordnete|Dezernent)(?:in)?\b"
)
# an office's number above its unit's ("14" / "141/4  Herr X"): the letterhead of an office by its number
_OFFICE_NUMBER = re.compile(r"^(?P<nr>\d{1,3})$")


def letterhead_office(lines: list[str]) -> str | None:
    """The office a paper is written by, where no label names it: in a letter, the officer printed under
    the body's name at the top ("Landeshauptstadt X" / "Die Oberbürgermeisterin"); an office's number
    printed above its unit's number ("14" / "142")."""
    head = [ln.split("\t")[0].strip() for ln in lines[:8]]
    # only in a letter: a form's head "Stadt X / Der Oberbürgermeister" over a group's Antrag names no writer
    for i, s in enumerate(head if salutation_at(lines, 40) is not None else []):
        m = _OFFICER.match(s)
        if m and s == m.group(0) and any(_BODY.search(h) for h in head[max(i - 2, 0) : i]):
            return s
    filled = [s for s in head if s][:4]
    for a, b in pairwise(filled):
        if not (m := _OFFICE_NUMBER.match(a)) or b == a or re.fullmatch(r"(?:19|20)\d\d", b):
            continue  # "2" / "2026" is a page and a year
        if re.match(rf"{m.group('nr')}\d{{0,2}}(?:/\d+)?$", b):
            return m.group("nr")
    return None
