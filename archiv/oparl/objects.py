"""Catalog entries as OParl 1.1 JSON objects, every id and link a URL under one base URL.

The URL scheme is chosen so that the same tree can be hosted as plain files: no object's URL is
the folder of another's, and list pages are numbered path segments (``/oparl/papers/{body}/2``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import OPARL_VERSION, file_name, mime_type, type_url
from .catalog import Catalog, ConsultationEntry, FileEntry, OrgEntry, PaperEntry, Span
from .sessions import AgendaItemEntry, MeetingEntry, Sessions

LIST_KINDS = ("papers", "files", "consultations", "organizations", "meetings", "persons")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Urls:
    base: str  # without a trailing slash

    @property
    def root(self) -> str:
        return f"{self.base}/oparl"

    def system(self) -> str:
        return f"{self.root}/system"

    def obj(self, kind: str, key: str) -> str:
        return f"{self.root}/{kind}/{key}"

    def list(self, kind: str, body: str | None = None, page: int = 1) -> str:
        return f"{self.root}/bodies/{page}" if kind == "bodies" else f"{self.root}/{kind}/{body}/{page}"

    def access(self, key: str, name: str) -> str:
        return f"{self.root}/access/{key}/{name}"

    def download(self, key: str, name: str) -> str:
        return f"{self.root}/download/{key}/{name}"

    def web(self, record_id: str) -> str:
        return f"{self.base}/vorlage/{record_id}"


def safe_name(name: str) -> str:
    """A file name fit for a URL path and a file system: ASCII letters, digits, '.', '_' and '-'."""
    return _UNSAFE.sub("_", name).strip("._") or "datei"


def served_name(cat: Catalog, f: FileEntry) -> str | None:
    """The last path segment of the archive's own access/download URL of a File; None where the
    source's URLs are kept (a File of an OParl Paper with an accessUrl of its own)."""
    if f.original is None:
        return safe_name(file_name(cat.records[f.record_id]))
    if _url(f.original.get("accessUrl")):
        return None
    stem = str(f.original.get("fileName") or f.original.get("name") or f.key).rsplit(".", 1)[0]
    return safe_name(stem) + ".txt"


def _url(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def _stamps(span: Span) -> dict[str, str]:
    return {"created": span.created, "modified": span.modified}


class Renderer:
    """Objects of one catalog. ``texts`` gives the full text of records by id (File.text); ``web``
    says whether the HTML pages exist beside the API (not for a static export)."""

    def __init__(
        self,
        cat: Catalog,
        urls: Urls,
        texts: Callable[[list[str]], dict[str, str]],
        *,
        web: bool,
        sessions: Sessions | None = None,
    ) -> None:
        self.cat = cat
        self.sessions = sessions or Sessions()
        self.urls = urls
        self.texts = texts
        self.with_web = web

    # -- entry points -------------------------------------------------------------------------

    def system(self, fallback: Span) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.urls.system(),
            "type": type_url("System"),
            "oparlVersion": OPARL_VERSION,
            "body": self.urls.list("bodies"),
            "name": "archiv",
        }
        if self.with_web:
            d["website"] = self.urls.base + "/"
            d["web"] = self.urls.base + "/"
        return d | _stamps(self.cat.span or fallback)

    def body(self, key: str) -> dict[str, Any]:
        b = self.cat.bodies[key]
        d: dict[str, Any] = {"id": self.urls.obj("body", key), "type": type_url("Body"), "system": self.urls.system(),
                             "name": b.name}  # fmt: skip
        if b.equivalent:
            d["equivalent"] = list(b.equivalent)
        for prop, kind in (("organization", "organizations"), ("person", "persons"), ("meeting", "meetings"),
                           ("paper", "papers"), ("file", "files"), ("consultation", "consultations")):  # fmt: skip
            d[prop] = self.urls.list(kind, key)
        d["legislativeTerm"] = []
        return d | _stamps(b.span)

    # -- objects ------------------------------------------------------------------------------

    def papers(self, keys: list[str], *, internal: bool = True) -> list[dict[str, Any]]:
        """Papers with their Files and Consultations embedded (``internal``), texts fetched at once."""
        entries = [self.cat.papers[k] for k in keys]
        texts = self._texts([f for p in entries for f in p.files]) if internal else {}
        return [self._paper(p, texts, internal) for p in entries]

    def files(self, keys: list[str]) -> list[dict[str, Any]]:
        texts = self._texts(keys)
        return [self._file(self.cat.files[k], texts) for k in keys]

    def consultations(self, keys: list[str]) -> list[dict[str, Any]]:
        return [self._consultation(self.cat.consultations[k]) for k in keys]

    def organizations(self, keys: list[str]) -> list[dict[str, Any]]:
        return [self._organization(self.cat.organizations[k]) for k in keys]

    def meetings(self, keys: list[str]) -> list[dict[str, Any]]:
        return [self._meeting(self.sessions.meetings[k]) for k in keys]

    def agenda_items(self, keys: list[str]) -> list[dict[str, Any]]:
        return [self._agenda_item(self.sessions.agenda_items[k]) for k in keys]

    def _texts(self, file_keys: list[str]) -> dict[str, str]:
        wanted = [self.cat.files[k].record_id for k in file_keys if self.cat.files[k].main_text]
        return self.texts(list(dict.fromkeys(wanted))) if wanted else {}

    def _paper(self, p: PaperEntry, texts: dict[str, str], internal: bool) -> dict[str, Any]:
        v, o = p.lead, p.original or {}
        d: dict[str, Any] = {"id": self.urls.obj("paper", p.key), "type": type_url("Paper"),
                             "body": self.urls.obj("body", p.body)}  # fmt: skip
        for prop, value in (("name", o.get("name") or v.betreff), ("reference", o.get("reference") or v.vorlage_nr),
                            ("date", v.datum), ("paperType", o.get("paperType") or v.art)):  # fmt: skip
            if isinstance(value, str) and value:
                d[prop] = value
        related = [self.urls.obj("paper", k) for k in p.related] + list(o.get("relatedPaper", ()))
        if related:
            d["relatedPaper"] = list(dict.fromkeys(related))
        for prop in ("superordinatedPaper", "subordinatedPaper", "originatorPerson", "originatorOrganization"):
            if o.get(prop):
                d[prop] = list(o[prop])
        if p.under_direction_of:
            d["underDirectionOf"] = [self.urls.obj("organization", k) for k in p.under_direction_of]
        if internal:
            files = [self._file(self.cat.files[k], texts) for k in p.files]
            if files:
                d["mainFile"] = files[0]
            if files[1:]:
                d["auxiliaryFile"] = files[1:]
            if o.get("location"):
                d["location"] = list(o["location"])
            if p.consultations:
                d["consultation"] = [self._consultation(self.cat.consultations[k]) for k in p.consultations]
        for prop in ("keyword", "license"):
            if prop in o:
                d[prop] = o[prop]
        web = _url(o.get("web")) or (self.urls.web(p.key) if self.with_web else None)
        if web:
            d["web"] = web
        d |= _stamps(p.span)
        extensions = {
            "archiv:originalId": o.get("id"),
            "archiv:originalBody": o.get("body"),
            "archiv:records": list(p.members),
            "archiv:aktenzeichen": v.aktenzeichen,
            "archiv:koerperschaft": v.koerperschaft,
            "archiv:fachbereich": v.fachbereich,
            "archiv:beteiligungen": list(v.beteiligungen),
            "archiv:oeffentlich": v.oeffentlich,
            "archiv:anlagen": list(v.anlagen),
            "archiv:vorlagen": list(v.entities.get("vorlagen", ())),
        }
        return d | {k: val for k, val in extensions.items() if val not in (None, [])}

    def _file(self, f: FileEntry, texts: dict[str, str]) -> dict[str, Any]:
        v = self.cat.records[f.record_id]
        d: dict[str, Any] = {"id": self.urls.obj("file", f.key), "type": type_url("File")}
        text = texts.get(f.record_id) if f.main_text else None
        if f.original is None:
            d |= {"name": v.betreff or file_name(v), "fileName": file_name(v), "mimeType": mime_type(v)}
            if v.datum:
                d["date"] = v.datum
        else:
            d |= _file_properties(f.original)
            text = text or (f.original.get("text") if isinstance(f.original.get("text"), str) else None)
        name = served_name(self.cat, f)
        if name is None:
            d["accessUrl"] = f.original["accessUrl"]  # type: ignore[index]
            if _url(f.original.get("downloadUrl")):  # type: ignore[union-attr]
                d["downloadUrl"] = f.original["downloadUrl"]  # type: ignore[index]
        else:
            if f.original is not None and d.get("mimeType", "text/plain") != "text/plain":
                d["archiv:originalMimeType"] = d["mimeType"]  # the source's file is not here, its text is
            if f.original is not None:
                d["mimeType"] = "text/plain"
            d["accessUrl"] = self.urls.access(f.key, name)
            d["downloadUrl"] = self.urls.download(f.key, name)
        if text:
            d["text"] = text
        d["paper"] = [self.urls.obj("paper", f.paper)]
        if f.original is None:
            d["archiv:sha256"] = v.source.sha256
        elif _url(f.original.get("id")):
            d["archiv:originalId"] = f.original["id"]
        if f.original is not None and _url(f.original.get("web")):
            d["web"] = f.original["web"]
        elif self.with_web and f.original is None:
            d["web"] = self.urls.web(v.id)
        return d | _stamps(f.span)

    def _consultation(self, c: ConsultationEntry) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.urls.obj("consultation", c.key), "type": type_url("Consultation"),
                             "paper": self.urls.obj("paper", c.paper)}  # fmt: skip
        if c.organizations:
            d["organization"] = [self.urls.obj("organization", k) for k in c.organizations]
        if c.role:
            d["role"] = c.role
        if c.authoritative is not None:
            d["authoritative"] = c.authoritative
        d |= dict(c.extra)
        decided = self.sessions.decided.get(c.key)
        if decided is not None:
            # OParl keeps the result on the AgendaItem; the extensions save a client the second request
            d["meeting"] = self.urls.obj("meeting", decided.meeting)
            d["agendaItem"] = self.urls.obj("agendaitem", decided.agenda_item)
            b = decided.beschluss
            extensions = {"archiv:result": b.ergebnis, "archiv:stimmen": b.stimmen}
            d |= {k: val for k, val in extensions.items() if val is not None}
        return d | _stamps(c.span)

    def _meeting(self, m: MeetingEntry) -> dict[str, Any]:
        s = m.minutes.sitzung
        d: dict[str, Any] = {"id": self.urls.obj("meeting", m.key), "type": type_url("Meeting")}
        gremium, datum = (s.gremium, s.datum) if s else (None, None)
        when = f"{datum[8:]}.{datum[5:7]}.{datum[:4]}" if datum and len(datum) == 10 else datum
        d["name"] = " ".join(x for x in ("Sitzung", gremium, f"vom {when}" if when else None) if x)
        if m.organization:
            d["organization"] = [self.urls.obj("organization", m.organization)]
        if m.key in self.cat.files:  # the minutes as they were ingested
            d["resultsProtocol"] = self._file(self.cat.files[m.key], self._texts([m.key]))
        d["agendaItem"] = self.agenda_items(list(m.agenda_items))
        if self.with_web:
            d["web"] = self.urls.web(m.key)
        # minutes give the day, not the hour: no OParl start (a date-time) is made up
        extensions = {"archiv:datum": datum, "archiv:oeffentlich": s.oeffentlich if s else None}
        d |= {k: val for k, val in extensions.items() if val is not None}
        return d | _stamps(m.span)

    def _agenda_item(self, a: AgendaItemEntry) -> dict[str, Any]:
        t = a.top
        d: dict[str, Any] = {"id": self.urls.obj("agendaitem", a.key), "type": type_url("AgendaItem"),
                             "meeting": self.urls.obj("meeting", a.meeting),
                             "number": t.nummer, "order": a.order}  # fmt: skip
        if t.titel:
            d["name"] = t.titel
        if t.oeffentlich is not None:
            d["public"] = t.oeffentlich
        if consultation := self.sessions.consultation_of_item.get(a.key):
            d["consultation"] = self.urls.obj("consultation", consultation)
        if t.ergebnis:
            d["result"] = t.ergebnis
        if t.beschluss:
            d["resolutionText"] = t.beschluss
        extensions = {
            "archiv:vorlagen": list(t.vorlagen),
            "archiv:ergebnisJeVorlage": dict(t.ergebnis_je_vorlage),
            "archiv:stimmen": t.stimmen,
            "archiv:einstimmig": t.einstimmig or None,
            "archiv:abstimmung": t.abstimmung,
        }
        d |= {k: val for k, val in extensions.items() if val not in (None, [], {})}
        return d | _stamps(a.span)

    def _organization(self, o: OrgEntry) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.urls.obj("organization", o.key), "type": type_url("Organization"),
                             "body": self.urls.obj("body", o.body)}  # fmt: skip
        if o.name:
            d["name"] = o.name
        d["organizationType"] = o.kind
        if o.original_id:
            d["archiv:originalId"] = o.original_id
        return d | _stamps(o.span)


def _file_properties(given: dict[str, Any]) -> dict[str, Any]:
    """The properties of a File from an OParl source that keep their meaning here, where well-formed."""
    out: dict[str, Any] = {}
    for k in ("name", "fileName", "mimeType", "sha1Checksum", "sha512Checksum", "license"):
        if isinstance(given.get(k), str):
            out[k] = given[k]
    if isinstance(given.get("date"), str) and _DATE.fullmatch(given["date"]):
        out["date"] = given["date"]
    if isinstance(given.get("size"), int) and not isinstance(given.get("size"), bool):
        out["size"] = given["size"]
    for k in ("fileLicense", "externalServiceUrl"):
        if _url(given.get(k)):
            out[k] = given[k]
    if isinstance(given.get("keyword"), list):
        out["keyword"] = [w for w in given["keyword"] if isinstance(w, str)]
    return out
