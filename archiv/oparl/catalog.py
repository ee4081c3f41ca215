"""The OParl object graph of an archive, built from its records: pure values, no URLs yet.

- Body: one per Körperschaft; records that name none go to one default Body (DEFAULT_BODY).
- Paper: the records of one Vorlage. Records of the same Körperschaft and Vorlage-Nr. (a PDF and
  its scan, a Paper from OParl and its PDF) are one Paper with several Files; its key is the id of
  its earliest record, so it stays when later files join (every member id still leads to it).
- File: the original of each record; for a record ingested from OParl, the Files that Paper had.
- Consultation: one per Beschlusslauf row; for a record ingested from OParl, the Paper's own
  Consultations, every one of them (a committee given only as a URL included).
- Organization: one per Gremium (by name, within its Body) and per lead office (Fachbereich); a
  committee that an OParl source gave only as a URL is one Organization of its own.

No Meeting objects: a Beschlusslauf row names a Gremium and a date, not a session, and minutes are
not read yet. A Consultation from OParl keeps its meeting's URL at the source.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..models import Vorlage
from ..text.keys import identifier_keys
from . import authoritative

DEFAULT_BODY = "archiv"
DEFAULT_BODY_NAME = "Vorlagen ohne Körperschaft"
# Properties of an OParl File taken over from an ingested Paper as they were.
FILE_PROPERTIES = (
    "name",
    "fileName",
    "mimeType",
    "date",
    "size",
    "sha1Checksum",
    "sha512Checksum",
    "license",
    "fileLicense",
    "keyword",
    "externalServiceUrl",
    "accessUrl",
    "downloadUrl",
    "text",
    "web",
)
PAPER_PROPERTIES = ("name", "reference", "paperType", "license", "web")


@dataclass(frozen=True)
class Span:
    created: str
    modified: str

    @staticmethod
    def of(stamps: Iterable[str]) -> Span:
        s = sorted(stamps)
        return Span(s[0], s[-1])


@dataclass(frozen=True)
class BodyEntry:
    key: str
    name: str
    span: Span
    equivalent: tuple[str, ...] = ()  # the Body's URLs at OParl sources its Papers came from


@dataclass(frozen=True)
class OrgEntry:
    key: str
    body: str
    name: str | None
    kind: str  # OParl organizationType: Gremium, Verwaltungsbereich
    span: Span
    original_id: str | None = None


@dataclass(frozen=True)
class FileEntry:
    key: str
    paper: str
    body: str
    record_id: str
    span: Span
    original: dict[str, Any] | None = None  # the File as an OParl source gave it
    main_text: bool = True  # the record's text is this File's text


@dataclass(frozen=True)
class ConsultationEntry:
    key: str
    paper: str
    body: str
    span: Span
    organizations: tuple[str, ...]
    role: str | None
    authoritative: bool | None
    extra: tuple[tuple[str, Any], ...] = ()  # archiv: extensions, and links kept from the source


@dataclass(frozen=True)
class PaperEntry:
    key: str
    body: str
    lead: Vorlage  # the record the Paper's fields come from (one from OParl where there is one)
    members: tuple[str, ...]
    span: Span
    files: tuple[str, ...]
    consultations: tuple[str, ...]
    under_direction_of: tuple[str, ...]
    related: tuple[str, ...] = ()
    original: dict[str, Any] | None = None


@dataclass
class Catalog:
    bodies: dict[str, BodyEntry] = field(default_factory=dict)
    papers: dict[str, PaperEntry] = field(default_factory=dict)
    files: dict[str, FileEntry] = field(default_factory=dict)
    consultations: dict[str, ConsultationEntry] = field(default_factory=dict)
    organizations: dict[str, OrgEntry] = field(default_factory=dict)
    paper_of_record: dict[str, str] = field(default_factory=dict)
    records: dict[str, Vorlage] = field(default_factory=dict)  # without their text

    @property
    def span(self) -> Span | None:
        stamps = [s for b in self.bodies.values() for s in (b.span.created, b.span.modified)]
        return Span.of(stamps) if stamps else None


Imported = Callable[[Vorlage], "dict[str, Any] | None"]


@functools.lru_cache(maxsize=4096)
def slug(name: str) -> str:
    """An ASCII path segment for a name: 'Stadt Köln' -> 'stadt-koeln'."""
    text = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "koerperschaft"


@functools.lru_cache(maxsize=65536)
def _hash(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:12]


def _clean(name: str) -> str:
    return " ".join(name.split())


def _link(value: Any) -> str | None:
    """The URL of a linked object, given as a URL or embedded."""
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    if isinstance(value, dict):
        return _link(value.get("id"))
    return None


class _Builder:
    def __init__(self) -> None:
        self.cat = Catalog()
        self.body_stamps: dict[str, list[str]] = {}
        self.body_names: dict[str, str] = {}
        self.body_equivalent: dict[str, list[str]] = {}
        self.org_stamps: dict[str, list[str]] = {}

    def body(self, v: Vorlage, original: dict[str, Any] | None) -> str:
        if v.koerperschaft:
            key = slug(v.koerperschaft)
            self.body_names.setdefault(key, _clean(v.koerperschaft))
        else:
            key = DEFAULT_BODY
            self.body_names.setdefault(key, DEFAULT_BODY_NAME)
        self.body_stamps.setdefault(key, []).append(v.source.ingested_at)
        source_body = _link(original.get("body")) if original else None
        if source_body and key != DEFAULT_BODY:
            self.body_equivalent.setdefault(key, []).append(source_body)
        return key

    def org(self, body: str, name: str | None, kind: str, stamp: str, original_id: str | None = None) -> str:
        if name:
            key = "o" + _hash(body, _clean(name).casefold())
        elif original_id:
            key = "u" + _hash(body, original_id)
        else:
            raise ValueError("an Organization needs a name or a URL")
        if key not in self.cat.organizations:
            self.cat.organizations[key] = OrgEntry(key, body, _clean(name) if name else None, kind,
                                                   Span(stamp, stamp), original_id)  # fmt: skip
        elif original_id and not self.cat.organizations[key].original_id:
            self.cat.organizations[key] = replace(self.cat.organizations[key], original_id=original_id)
        self.org_stamps.setdefault(key, []).append(stamp)
        return key

    def source_org(self, body: str, value: Any, kind: str, stamp: str) -> str | None:
        """An Organization an OParl source named: embedded (with its name) or as a bare URL."""
        name = value.get("name") or value.get("shortName") if isinstance(value, dict) else None
        url = _link(value)
        if not name and not url:
            return None
        if isinstance(value, dict) and isinstance(value.get("organizationType"), str):
            kind = value["organizationType"]
        return self.org(body, name, kind, stamp, url)

    def finish(self) -> Catalog:
        cat = self.cat
        for key, stamps in self.body_stamps.items():
            cat.bodies[key] = BodyEntry(key, self.body_names[key], Span.of(stamps),
                                        tuple(dict.fromkeys(self.body_equivalent.get(key, ()))))  # fmt: skip
        for key, stamps in self.org_stamps.items():
            cat.organizations[key] = replace(cat.organizations[key], span=Span.of(stamps))
        return cat


def group_key(v: Vorlage, body: str) -> str:
    """Records of the same Körperschaft and Vorlage-Nr. are one Paper; without a number, each its own."""
    keys = identifier_keys(v.vorlage_nr)
    return f"{body}\x00{keys[0]}" if keys else f"\x00{v.id}"


def build(records: Iterable[Vorlage], imported: Imported) -> Catalog:
    """The graph of ``records`` (the caller leaves out what may not be shown); ``imported`` gives
    the OParl Paper a record was ingested from (None for other records)."""
    b = _Builder()
    groups: dict[str, list[tuple[Vorlage, dict[str, Any] | None, str]]] = {}
    for v in records:
        original = imported(v) if v.source.format == "oparl" else None
        body = b.body(v, original)
        light = replace(v, text="") if v.text else v
        b.cat.records[v.id] = light
        groups.setdefault(group_key(v, body), []).append((light, original, body))
    number_index: dict[str, list[str]] = {}
    for members in groups.values():
        members.sort(key=lambda m: (m[0].source.ingested_at, m[0].id))
        paper = _paper(b, members)
        b.cat.papers[paper.key] = paper
        for m in paper.members:
            b.cat.paper_of_record[m] = paper.key
        for k in identifier_keys(paper.lead.vorlage_nr):
            number_index.setdefault(k, []).append(paper.key)
    cat = b.finish()
    for key, paper in cat.papers.items():
        cat.papers[key] = replace(paper, related=_related(cat, paper, number_index))
    return cat


def _paper(b: _Builder, members: list[tuple[Vorlage, dict[str, Any] | None, str]]) -> PaperEntry:
    key = members[0][0].id
    body = members[0][2]
    lead, original, _ = next((m for m in members if m[1] is not None), members[0])
    files: list[str] = []
    for v, orig, _ in members:
        files += _files(b, key, body, v, orig)
    source = next(((v, o) for v, o, _ in members if o is not None and o.get("consultation")), None)
    if source:
        consultations = _source_consultations(b, key, body, *source)
    else:
        with_rows = next((v for v, _, _ in members if v.beschlusslauf), lead)
        consultations = _row_consultations(b, key, body, with_rows)
    stamp = lead.source.ingested_at
    if original is not None:
        leads = [b.source_org(body, o, "Verwaltungsbereich", stamp) for o in original.get("underDirectionOf") or []]
    else:
        leads = [b.org(body, lead.fachbereich, "Verwaltungsbereich", stamp)] if lead.fachbereich else []
    return PaperEntry(
        key=key,
        body=body,
        lead=lead,
        members=tuple(v.id for v, _, _ in members),
        span=Span.of(v.source.ingested_at for v, _, _ in members),
        files=tuple(files),
        consultations=tuple(consultations),
        under_direction_of=tuple(dict.fromkeys(o for o in leads if o)),
        original=_paper_original(original) if original is not None else None,
    )


def _paper_original(paper: dict[str, Any]) -> dict[str, Any]:
    """What of an ingested Paper the OParl side shows again (its files and consultations apart)."""
    kept: dict[str, Any] = {k: paper[k] for k in PAPER_PROPERTIES if isinstance(paper.get(k), str)}
    if isinstance(paper.get("keyword"), list):
        kept["keyword"] = [w for w in paper["keyword"] if isinstance(w, str)]
    for k in ("id", "body"):
        if _link(paper.get(k)):
            kept[k] = _link(paper[k])
    for k in ("relatedPaper", "superordinatedPaper", "subordinatedPaper", "originatorPerson"):
        links = [u for u in map(_link, paper.get(k) or []) if u]
        if links:
            kept[k] = links
    links = [u for u in map(_link, paper.get("originatorOrganization") or []) if u]
    if links:
        kept["originatorOrganization"] = links
    places = [p for p in paper.get("location") or [] if isinstance(p, dict) and _link(p.get("id"))]
    if places:
        kept["location"] = places
    return kept


def _files(b: _Builder, paper: str, body: str, v: Vorlage, original: dict[str, Any] | None) -> list[str]:
    span = Span(v.source.ingested_at, v.source.ingested_at)
    if original is None:
        b.cat.files[v.id] = FileEntry(v.id, paper, body, v.id, span)
        return [v.id]
    given = [original.get("mainFile"), *(original.get("auxiliaryFile") or [])]
    keys = []
    for i, f in enumerate(given, 1):
        if not isinstance(f, dict):
            continue
        # The main File's text is the record's text already; kept twice it would only cost memory.
        kept = {k: f[k] for k in FILE_PROPERTIES if k in f and not (k == "text" and i == 1)}
        if _link(f.get("id")):
            kept["id"] = f["id"]
        key = f"{v.id}-{i}"
        b.cat.files[key] = FileEntry(key, paper, body, v.id, span, kept, main_text=i == 1)
        keys.append(key)
    return keys


def _source_consultations(b: _Builder, paper: str, body: str, v: Vorlage, original: dict[str, Any]) -> list[str]:
    stamp = v.source.ingested_at
    keys = []
    for i, c in enumerate(original.get("consultation") or [], 1):
        if not isinstance(c, dict):
            continue
        orgs = [b.source_org(body, o, "Gremium", stamp) for o in c.get("organization") or []]
        meeting = c.get("meeting")
        extra: list[tuple[str, Any]] = []
        for name in ("meeting", "agendaItem"):
            if _link(c.get(name)):
                extra.append((name, _link(c[name])))
        if isinstance(meeting, dict):  # the session as the source described it; no Meeting objects here
            said = {k: meeting[k] for k in ("name", "start") if isinstance(meeting.get(k), str)}
            if said:
                extra.append(("archiv:meeting", said))
        if _link(c.get("web")):
            extra.append(("web", c["web"]))
        if isinstance(c.get("license"), str):
            extra.append(("license", c["license"]))
        if _link(c.get("id")):
            extra.append(("archiv:originalId", c["id"]))
        role = c.get("role") if isinstance(c.get("role"), str) else None
        decides = c.get("authoritative") if isinstance(c.get("authoritative"), bool) else None
        key = f"{v.id}-{i}"
        orgs_found = tuple(o for o in orgs if o)
        b.cat.consultations[key] = ConsultationEntry(
            key, paper, body, Span(stamp, stamp), orgs_found, role, decides, tuple(extra)
        )
        keys.append(key)
    return keys


def _row_consultations(b: _Builder, paper: str, body: str, v: Vorlage) -> list[str]:
    stamp = v.source.ingested_at
    keys = []
    for i, row in enumerate(v.beschlusslauf, 1):
        org = b.org(body, row.gremium, "Gremium", stamp) if row.gremium.strip() else None
        extra = [("archiv:gremium", row.gremium)]
        extra += [(f"archiv:{k}", val) for k, val in
                  (("nr", row.nr), ("datum", row.datum), ("oeffentlich", row.oeffentlich), ("ergebnis", row.ergebnis))
                  if val is not None]  # fmt: skip
        key = f"{v.id}-{i}"
        b.cat.consultations[key] = ConsultationEntry(key, paper, body, Span(stamp, stamp), (org,) if org else (),
                                                     row.zustaendigkeit, authoritative(row.zustaendigkeit),
                                                     tuple(extra))  # fmt: skip
        keys.append(key)
    return keys


def _related(cat: Catalog, paper: PaperEntry, number_index: dict[str, list[str]]) -> tuple[str, ...]:
    """Papers of the archive the lead record's text cites by number; those of the same Body first."""
    out: list[str] = []
    for ref in paper.lead.entities.get("vorlagen", ()):
        found = [k for key in identifier_keys(ref) for k in number_index.get(key, []) if k != paper.key]
        same = [k for k in found if cat.papers[k].body == paper.body and paper.body != DEFAULT_BODY]
        out += same or found
    return tuple(dict.fromkeys(out))
