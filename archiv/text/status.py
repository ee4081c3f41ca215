"""The public status of a paper or a session as printed: "öffentlich", "nicht öffentlich",
"nichtöffentlich", "nicht-öffentlich", and the short forms of a table cell (Ö, N, NÖ, öff.)."""

from __future__ import annotations

import re

NICHT = r"nicht\s*-?\s*"
# The status word, as a pattern to build on: "öffentlich", "nicht öffentlich", "nichtöffentlich".
STATUS = rf"(?:{NICHT})?öffentlich"
# A status word alone (fullmatch).
STATUS_WORD = re.compile(STATUS, re.I)
# A table cell that holds only the status, short forms included.
STATUS_CELL = re.compile(rf"^(?:Ö|N|NÖ|{STATUS}|öff\.?|nöff\.?)$", re.I)
# The word with its group "nicht" saying which, to build on ("öffentliche Sitzung", "nicht öffentlicher Teil").
STATUS_NAMED = rf"(?P<nicht>{NICHT})?öffentlich"
# The word in running text ("Niederschrift über die öffentliche Sitzung").
STATUS_IN_TEXT = re.compile(rf"\b{STATUS_NAMED}", re.I)

_NOT_PUBLIC = re.compile(rf"\b(?:{NICHT}öffentlich\w*|nö|nein|n)\b|^\s*N\s*$", re.I)
_PUBLIC = re.compile(r"\b(?:öffentlich\w*|ö|ja)\b|^\s*Ö\s*$", re.I)


def parse_oeffentlich(text: str | None) -> bool | None:
    """Ö / öffentlich -> True, N / nicht öffentlich / nichtöffentlich -> False, anything else None."""
    if not text:
        return None
    t = text.strip()
    if _NOT_PUBLIC.search(t):
        return False
    if _PUBLIC.search(t):
        return True
    return None


def status_in(text: str) -> bool | None:
    """The status a line of running text names: False where it says "nicht öffentlich" anywhere,
    True where it says only "öffentlich", None where neither."""
    found = [bool(m.group("nicht")) for m in STATUS_IN_TEXT.finditer(text)]
    if not found:
        return None
    return not any(found)
