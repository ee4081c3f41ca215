"""The archive as OParl 1.1 (https://schema.oparl.org/1.1/): a System, Bodies, Papers, Files,
Consultations and Organizations, served by ``archiv serve`` and written by ``archiv export``.

- ``catalog``: the object graph built from the records (who belongs to which Body, which records
  are one Paper, which Gremium is which Organization); pure, no URLs.
- ``objects``: one graph entry as an OParl JSON object under a base URL.
- ``lists``: external object lists: filters, stable order, pages with ``links.next``.
- ``site``: the whole tree over one archive (what the web routes and the static export share).
- ``settings``: the base URL every id is made from, kept in the index folder.

What a record names only as text and OParl has no property for (the Gremium of a Beschlusslauf
row, the Aktenzeichen, ...) goes into extension keys with the ``archiv:`` prefix, as the
specification allows.
"""

from __future__ import annotations

import functools
import mimetypes
from pathlib import PurePath

from ..models import Vorlage
from ..parsers import media_type

OPARL_VERSION = "https://schema.oparl.org/1.1/"

# Words of a Beschlusslauf role that say whether the step decides (OParl Consultation.authoritative).
_DECIDING = ("entscheidung", "abschließend", "abschliessend", "beschluss")
_PREPARING = ("vorberat", "vorbereit", "kenntnis", "anhörung")


def type_url(kind: str) -> str:
    return OPARL_VERSION + kind


def mime_type(v: Vorlage) -> str:
    """The media type of a record's original file: from its format, else from its file name."""
    known = media_type(v.source.format)
    if known:
        return known
    guessed, _ = mimetypes.guess_type(file_name(v))
    return guessed or "application/octet-stream"


def file_name(v: Vorlage) -> str:
    """The original file's name without its folders (those are the ingesting machine's business)."""
    return PurePath(v.source.path.replace("\\", "/")).name or f"{v.id}"


@functools.lru_cache(maxsize=4096)
def authoritative(role: str | None) -> bool | None:
    """True for a deciding step, False for a preparing one, None where the role does not say."""
    if not role:
        return None
    low = role.lower()
    if any(w in low for w in _PREPARING) and not any(w in low for w in ("abschließend", "abschliessend")):
        return False
    if any(w in low for w in _DECIDING):
        return True
    return None
