"""An Antrag's demands printed without a heading: a numbered list right after the header, then its reasons.

"1. Der Takt der S 5 wird verdichtet." / "2. …" / (blank) / "Eine Entlastung der Rheinbrücke …": the list is
the proposed resolution, the paragraphs after it up to the next labelled section are the Begründung.
"""

from __future__ import annotations

import re

from ..text.lines import join_lines
from .sections import Segment, paragraphs

_FIRST_ITEM = re.compile(r"^1[.)]\s+[A-ZÄÖÜ„\"]")
_ITEM = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\S")


def numbered_demands(lines: list[str], segs: list[Segment]) -> tuple[str | None, str | None]:
    prose = [s.line for s in segs if s.spec.kind in ("block", "list") and s.field != "betreff"]
    limit = min([*prose, 80, len(lines)])
    start = next((i for i in range(limit) if _FIRST_ITEM.match(lines[i].strip())), None)
    if start is None:
        return None, None
    stop = next((s.line for s in segs if s.line > start and s.spec.kind in ("block", "list", "stop")), len(lines))
    end = stop
    j = start
    while j < stop:
        if lines[j].strip():
            j += 1
            continue
        k = j
        while k < stop and not lines[k].strip():
            k += 1
        if k >= stop or not _ITEM.match(lines[k].strip()):
            end = j  # a blank line and then no further item: the list is over
            break
        j = k
    return paragraphs(lines[start:end], join_lines), paragraphs(lines[end:stop], join_lines)
