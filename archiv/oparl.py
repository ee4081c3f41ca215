"""Records as OParl 1.1 objects (https://schema.oparl.org/1.1/).

OParl links objects by URL, and archiv has no Body, Organization or Meeting objects to link to:
what a record names only as text (the Gremium of a Beschlusslauf row, the Körperschaft, the
Fachbereich) goes into extension keys with the ``archiv:`` prefix, as the specification allows.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from .models import BeschlusslaufRow, Vorlage

PAPER_TYPE = "https://schema.oparl.org/1.1/Paper"
CONSULTATION_TYPE = "https://schema.oparl.org/1.1/Consultation"
FILE_TYPE = "https://schema.oparl.org/1.1/File"

MIME_OF_FORMAT = {
    "pdf": "application/pdf",
    "pdf-ocr": "application/pdf",
    "html": "text/html",
    "text": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "oparl": "application/json",
}

# Words of a Beschlusslauf role that say whether the step decides (OParl Consultation.authoritative).
_DECIDING = ("entscheidung", "abschließend", "abschliessend", "beschluss")
_PREPARING = ("vorberat", "vorbereit", "kenntnis", "anhörung")


def mime_type(v: Vorlage) -> str:
    """The media type of a record's original file: from its format, else from its file name."""
    known = MIME_OF_FORMAT.get(v.source.format)
    if known:
        return known
    guessed, _ = mimetypes.guess_type(file_name(v))
    return guessed or "application/octet-stream"


def file_name(v: Vorlage) -> str:
    """The original file's name without its folders (those are the ingesting machine's business)."""
    return PurePath(v.source.path.replace("\\", "/")).name or f"{v.id}"


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


def _consultation(paper_url: str, i: int, row: BeschlusslaufRow) -> dict[str, Any]:
    c: dict[str, Any] = {
        # No Consultation endpoint exists; a fragment of the Paper names the embedded object.
        "id": f"{paper_url}#consultation-{i}",
        "type": CONSULTATION_TYPE,
        "paper": paper_url,
        "archiv:gremium": row.gremium,
    }
    if row.zustaendigkeit:
        c["role"] = row.zustaendigkeit
    decides = authoritative(row.zustaendigkeit)
    if decides is not None:
        c["authoritative"] = decides
    if row.nr:
        c["archiv:nr"] = row.nr
    if row.datum:
        c["archiv:datum"] = row.datum
    if row.oeffentlich is not None:
        c["archiv:oeffentlich"] = row.oeffentlich
    if row.ergebnis:
        c["archiv:ergebnis"] = row.ergebnis
    return c


def paper_from_vorlage(v: Vorlage, base_url: str, *, related_ids: Iterable[str] = ()) -> dict[str, Any]:
    """An OParl 1.1 Paper for a record, its URLs under ``base_url`` (the web app's routes).

    ``related_ids``: ids of archived Vorlagen this one refers to (OParl relatedPaper); the caller
    decides which of them may be shown.
    """
    base = base_url.rstrip("/")
    url = f"{base}/oparl/paper/{v.id}"
    paper: dict[str, Any] = {"id": url, "type": PAPER_TYPE}
    if v.betreff:
        paper["name"] = v.betreff
    if v.vorlage_nr:
        paper["reference"] = v.vorlage_nr
    if v.datum:
        paper["date"] = v.datum
    if v.art:
        paper["paperType"] = v.art
    related = [f"{base}/oparl/paper/{i}" for i in dict.fromkeys(related_ids) if i != v.id]
    if related:
        paper["relatedPaper"] = related
    paper["mainFile"] = {
        "id": f"{url}#mainFile",
        "type": FILE_TYPE,
        "name": v.betreff or file_name(v),
        "fileName": file_name(v),
        "mimeType": mime_type(v),
        "accessUrl": f"{base}/datei/{v.id}",
        "downloadUrl": f"{base}/datei/{v.id}",
        "paper": [url],
        "archiv:sha256": v.source.sha256,
    }
    if v.beschlusslauf:
        paper["consultation"] = [_consultation(url, i, row) for i, row in enumerate(v.beschlusslauf, 1)]
    if v.datum:
        paper["mainFile"]["date"] = v.datum
    paper["web"] = f"{base}/vorlage/{v.id}"
    paper["created"] = v.source.ingested_at
    paper["modified"] = v.source.ingested_at
    extensions = {
        "archiv:aktenzeichen": v.aktenzeichen,
        "archiv:koerperschaft": v.koerperschaft,
        "archiv:fachbereich": v.fachbereich,
        "archiv:beteiligungen": list(v.beteiligungen),
        "archiv:oeffentlich": v.oeffentlich,
        "archiv:anlagen": list(v.anlagen),
        "archiv:vorlagen": list(v.entities.get("vorlagen", ())),
    }
    paper.update({k: val for k, val in extensions.items() if val not in (None, [])})
    return paper
