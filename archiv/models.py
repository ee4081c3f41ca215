"""The frozen values that flow one way through archiv.

Source -> ExtractedText -> Vorlage -> (index document) -> SearchPage.
The field names of Vorlage are the record of SCHEMA.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PageMethod = Literal["text", "ocr", "none"]
# A record format: one of the registry's Format.record_formats (archiv/parsers): pdf, pdf-ocr, image-ocr, ...
SourceFormat = str

ENTITY_KINDS: tuple[str, ...] = (
    "gremien",
    "personen",
    "orte",
    "organisationen",
    "betraege",
    "rechtsnormen",
    "vorlagen",
    "daten",
)


@dataclass(frozen=True)
class Source:
    """A file as found on disk, before anything is parsed."""

    path: str
    sha256: str
    size: int
    detected: str  # the format sniffed from the bytes: a Format.name of the registry (archiv/parsers)


@dataclass(frozen=True)
class Table:
    """A table found by a layout-aware parser: rows of cell strings, header first."""

    page: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str
    method: PageMethod  # how the text was obtained; "none" = no text layer, no OCR yet


@dataclass(frozen=True)
class ExtractedText:
    """What a parser returns: the text per page, plus tables where the layout was read."""

    source: Source
    format: SourceFormat
    pages: tuple[Page, ...]
    tables: tuple[Table, ...] = ()
    paged: bool = False  # True where the format has real pages (PDF)
    ocr_confidence: float | None = None  # mean word confidence (0-100) over the OCRed pages
    # Fields a structured source states outright (OParl metadata); they win over what the text says.
    known: tuple[tuple[str, Any], ...] = ()
    title: str | None = None  # the document's own title (HTML <title>), where it has one

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages if p.text)


@dataclass(frozen=True)
class ParseOptions:
    """What a parser needs to know beyond the file: where OCR results are cached, how many
    Tesseract processes may run at once, and how long the whole file may take."""

    ocr_cache: str | None = None  # folder of the OCR cache (inside the index folder); None = no cache
    ocr_workers: int | None = None  # None = one per core
    time_budget: float | None = None  # seconds for this file (the worker's --timeout)
    progress: bool = True  # a line per OCRed page on stderr


@dataclass(frozen=True)
class Stimmen:
    """Votes where printed (a results table, "einstimmig", "bei 2 Gegenstimmen"); a count not printed is None."""

    ja: int | None = None
    nein: int | None = None
    enthaltung: int | None = None


@dataclass(frozen=True)
class BeschlusslaufRow:
    nr: str | None
    gremium: str
    oeffentlich: bool | None
    zustaendigkeit: str | None
    datum: str | None
    ergebnis: str | None
    stimmen: Stimmen | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> BeschlusslaufRow:
        votes = d.get("stimmen")
        return cls(**{**d, "stimmen": Stimmen(**votes) if votes else None})


@dataclass(frozen=True)
class Produkt:
    nummer: str | None
    bezeichnung: str | None


@dataclass(frozen=True)
class PageInfo:
    number: int
    method: PageMethod
    chars: int


@dataclass(frozen=True)
class SourceInfo:
    path: str
    sha256: str
    format: SourceFormat
    pages: int | None
    ocr_confidence: float | None
    ingested_at: str
    page_methods: tuple[PageInfo, ...] = ()


Votes = dict[str, int | None]  # {"ja", "nein", "enthaltung"}, the shape of a Beschlusslauf row's stimmen


@dataclass(frozen=True)
class Sitzung:
    """The session a Niederschrift records."""

    gremium: str | None
    datum: str | None
    oeffentlich: bool | None


@dataclass(frozen=True)
class Top:
    """One agenda item of a Niederschrift, as far as the minutes say."""

    nummer: str
    titel: str
    vorlagen: tuple[str, ...]  # Vorlage numbers the item treats, as printed, main paper first
    beschluss: str | None  # the decision text
    abstimmung: str | None  # the vote as printed
    stimmen: Votes | None
    einstimmig: bool
    ergebnis: str | None  # beschlossen, geändert beschlossen, abgelehnt, vertagt, zurückgezogen, ...
    oeffentlich: bool | None
    # Vorlage number -> its own outcome where the minutes give one (amendments voted apart)
    ergebnis_je_vorlage: tuple[tuple[str, str], ...] = ()

    def ergebnis_fuer(self, nr: str) -> str | None:
        return dict(self.ergebnis_je_vorlage).get(nr, self.ergebnis)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Top:
        return cls(**{**d, "vorlagen": tuple(d["vorlagen"]),
                      "ergebnis_je_vorlage": tuple(tuple(p) for p in d.get("ergebnis_je_vorlage") or ())})  # fmt: skip


@dataclass(frozen=True)
class Beschluss:
    """A decision on a Vorlage, read from a Niederschrift in the archive (SCHEMA.md `beschluesse`)."""

    gremium: str | None
    datum: str | None
    top: str | None
    ergebnis: str | None
    stimmen: Votes | None
    text: str | None
    niederschrift_id: str


@dataclass(frozen=True)
class Vorlage:
    """One record of SCHEMA.md."""

    id: str
    vorlage_nr: str | None
    aktenzeichen: str | None
    art: str | None
    datum: str | None
    oeffentlich: bool | None
    koerperschaft: str | None
    fachbereich: str | None
    beteiligungen: tuple[str, ...]
    produkt: Produkt | None
    betreff: str | None
    beschlusslauf: tuple[BeschlusslaufRow, ...]
    beschlussvorschlag: str | None
    begruendung: str | None
    anlagen: tuple[str, ...]
    entities: dict[str, tuple[str, ...]]
    source: SourceInfo
    text: str
    # field -> where it was read: {"page", "start", "end"} in that page's text, or {"source": "metadata"}
    provenance: dict[str, Any] = field(default_factory=dict)
    einreicher: str | None = None  # who submitted: a Fraktion, the Oberbürgermeister, an Ortsbeirat, a member
    basis_nr: str | None = None  # a revised paper (Neufassung, Ergänzung): the number of the paper it revises
    # decisions on this Vorlage from the minutes in the archive (linked over the store, not per file)
    beschluesse: tuple[Beschluss, ...] = ()
    # for a Niederschrift: its session and agenda items
    sitzung: Sitzung | None = None
    tops: tuple[Top, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["beteiligungen"] = list(self.beteiligungen)
        d["anlagen"] = list(self.anlagen)
        d["beschlusslauf"] = [asdict(r) for r in self.beschlusslauf]
        d["entities"] = {k: list(self.entities.get(k, ())) for k in ENTITY_KINDS}
        d["beschluesse"] = [asdict(b) for b in self.beschluesse]
        d["tops"] = [
            {**asdict(t), "vorlagen": list(t.vorlagen), "ergebnis_je_vorlage": [list(p) for p in t.ergebnis_je_vorlage]}
            for t in self.tops
        ]
        src = d["source"]
        src["pages_detail"] = [asdict(p) for p in self.source.page_methods]
        del src["page_methods"]
        # the later fields stand next to their kin: basis_nr after vorlage_nr, einreicher after koerperschaft
        order = [k for k in d if k not in ("einreicher", "basis_nr")]
        order.insert(order.index("vorlage_nr") + 1, "basis_nr")
        order.insert(order.index("koerperschaft") + 1, "einreicher")
        return {k: d[k] for k in order}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Vorlage:
        src = dict(d["source"])
        details = src.pop("pages_detail", [])
        produkt = d.get("produkt")
        return cls(
            id=d["id"],
            vorlage_nr=d.get("vorlage_nr"),
            aktenzeichen=d.get("aktenzeichen"),
            art=d.get("art"),
            datum=d.get("datum"),
            oeffentlich=d.get("oeffentlich"),
            koerperschaft=d.get("koerperschaft"),
            fachbereich=d.get("fachbereich"),
            beteiligungen=tuple(d.get("beteiligungen") or ()),
            produkt=Produkt(**produkt) if produkt else None,
            betreff=d.get("betreff"),
            beschlusslauf=tuple(BeschlusslaufRow.from_dict(r) for r in d.get("beschlusslauf") or ()),
            beschlussvorschlag=d.get("beschlussvorschlag"),
            begruendung=d.get("begruendung"),
            anlagen=tuple(d.get("anlagen") or ()),
            entities={k: tuple(v) for k, v in (d.get("entities") or {}).items()},
            source=SourceInfo(page_methods=tuple(PageInfo(**p) for p in details), **src),
            text=d.get("text", ""),
            provenance=d.get("provenance") or {},
            einreicher=d.get("einreicher"),
            basis_nr=d.get("basis_nr"),
            beschluesse=tuple(Beschluss(**b) for b in d.get("beschluesse") or ()),
            sitzung=Sitzung(**d["sitzung"]) if d.get("sitzung") else None,
            tops=tuple(Top.from_dict(t) for t in d.get("tops") or ()),
        )


@dataclass(frozen=True)
class DateiRef:
    """One file of a Vorlage in a hit: its record, file name, format and role (datei, fassung, anlage)."""

    id: str
    name: str
    format: str
    rolle: str


@dataclass(frozen=True)
class SearchHit:
    """One Vorlage found: the fields of the paper (grouped.VorlageGroup.merged), its files listed."""

    id: str
    vorlage_nr: str | None
    aktenzeichen: str | None
    art: str | None
    datum: str | None  # the paper's own date; never a session date
    betreff: str | None
    score: float
    snippet: str  # plain text of the passage that matched
    koerperschaft: str | None = None
    sitzungen: tuple[str, ...] = ()  # the session dates of its Beschlusslauf (ISO), earliest first
    dateien: tuple[DateiRef, ...] = ()  # the Vorlage's files, the one shown first
    fassungen: tuple[str, ...] = ()  # the Vorlage-Nr. of its revised versions (Ergänzung, Neufassung)
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) of each matched word in ``snippet``

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["marks"] = [list(m) for m in self.marks]
        return d


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: tuple[SearchHit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None  # "meinten Sie …?": a corrected query that finds something, where none did

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": self.facets,
            "suggestion": self.suggestion,
        }


OutcomeStatus = Literal["added", "unchanged", "duplicate", "skipped", "failed"]


@dataclass(frozen=True)
class FileOutcome:
    """What became of one input path. ``path`` is its display form (fsnames.display); ``error`` the
    reason of a skip or failure, or "duplicate of <path>"; ``id`` the record's (the first, for an
    OParl list); ``known``: the outcome was remembered from an earlier run, not parsed again."""

    path: str
    status: OutcomeStatus
    id: str | None = None
    error: str | None = None
    seconds: float = 0.0
    records: int = 0
    known: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "outcome": self.status,
            "reason": self.error,
            "id": self.id,
            "records": self.records,
            "seconds": round(self.seconds, 3),
            "known": self.known,
        }


@dataclass(frozen=True)
class IngestReport:
    outcomes: tuple[FileOutcome, ...]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == "failed")
