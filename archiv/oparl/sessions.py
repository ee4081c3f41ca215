"""Meetings and AgendaItems from the minutes in an archive, and the decisions they bring to the
Consultations of the Papers they treat: pure values over a built Catalog, no URLs yet.

- Meeting: one per Niederschrift record (its session: Gremium, date); its minutes are its
  ``resultsProtocol``. A session recorded by two minutes documents is two Meetings (nothing says
  they are one).
- AgendaItem: one per TOP of those minutes, in their order.
- A decision on a Paper (``beschluesse`` of its records) is joined to the Consultation of the
  Beschlusslauf row of the same session (Vorlage.beschluss_of_row); a decision no row names becomes
  a Consultation of its own. Either way the Consultation links its Meeting and AgendaItem.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..extract.normalize import identifier_keys
from ..models import Beschluss, BeschlusslaufRow, Top, Vorlage
from .catalog import Catalog, ConsultationEntry, OrgEntry, Span, org_key


@dataclass(frozen=True)
class MeetingEntry:
    key: str  # the id of the minutes record
    body: str
    minutes: Vorlage
    organization: str | None
    span: Span
    agenda_items: tuple[str, ...]


@dataclass(frozen=True)
class AgendaItemEntry:
    key: str
    meeting: str
    order: int
    top: Top
    span: Span


@dataclass(frozen=True)
class Decided:
    """The decision a Consultation carries: where it was taken and what it was."""

    meeting: str
    agenda_item: str
    beschluss: Beschluss


@dataclass
class Sessions:
    meetings: dict[str, MeetingEntry] = field(default_factory=dict)
    agenda_items: dict[str, AgendaItemEntry] = field(default_factory=dict)
    decided: dict[str, Decided] = field(default_factory=dict)  # Consultation key -> its decision
    consultation_of_item: dict[str, str] = field(default_factory=dict)  # AgendaItem key -> Consultation key
    main_consultation: set[str] = field(default_factory=set)  # AgendaItems linked to their first paper

    def entries(self, body: str | None) -> list[tuple[str, Span]]:
        """(key, span) of the Meetings of a Body, in their stable order."""
        return sorted((k, m.span) for k, m in self.meetings.items() if m.body == body)


def build_sessions(cat: Catalog) -> Sessions:
    """Meetings and AgendaItems of the minutes in ``cat``; links the Consultations of ``cat`` to them
    (Consultations for decisions no Beschlusslauf row names are added to ``cat``)."""
    s = Sessions()
    for rid, v in sorted(cat.records.items()):
        if v.tops and v.sitzung is not None and rid in cat.paper_of_record:
            _meeting(cat, s, v)
    item_of_top = {(m.key, s.agenda_items[a].top.nummer): a for m in s.meetings.values() for a in m.agenda_items}
    for key in sorted(cat.papers):
        _link_paper(cat, s, key, item_of_top)
    return s


def _meeting(cat: Catalog, s: Sessions, v: Vorlage) -> None:
    body = cat.papers[cat.paper_of_record[v.id]].body
    stamp = v.source.ingested_at
    span = Span(stamp, stamp)
    org = None
    gremium = v.sitzung.gremium if v.sitzung else None
    if gremium and gremium.strip():
        org = org_key(body, gremium)
        if org not in cat.organizations:
            cat.organizations[org] = OrgEntry(org, body, " ".join(gremium.split()), "Gremium", span)
    items = []
    for order, top in enumerate(v.tops, 1):
        key = f"{v.id}-{order}"
        s.agenda_items[key] = AgendaItemEntry(key, v.id, order, top, span)
        items.append(key)
    s.meetings[v.id] = MeetingEntry(v.id, body, v, org, span, tuple(items))


def _link_paper(cat: Catalog, s: Sessions, key: str, item_of_top: dict[tuple[str, str | None], str]) -> None:
    paper = cat.papers[key]
    records = [cat.records[m] for m in paper.members if m in cat.records]
    decisions: list[Beschluss] = []
    for b in (b for r in records for b in r.beschluesse if b.niederschrift_id in s.meetings):
        if b not in decisions:
            decisions.append(b)
    if not decisions:
        return
    deciding = replace(paper.lead, beschluesse=tuple(decisions))
    taken: list[Beschluss] = []
    for ckey in paper.consultations:
        row = _row_of(cat.consultations[ckey])
        b = deciding.beschluss_of_row(row) if row is not None else None
        if b is not None and b not in taken and (item := item_of_top.get((b.niederschrift_id, b.top))):
            taken.append(b)
            _decide(s, ckey, item, b, paper.lead)
    added = []
    for i, b in enumerate(d for d in decisions if d not in taken):
        item = item_of_top.get((b.niederschrift_id, b.top))
        if item is None:
            continue
        ckey = f"{key}-b{i + 1}"
        org = s.meetings[b.niederschrift_id].organization
        extra = tuple((k, val) for k, val in (("archiv:gremium", b.gremium), ("archiv:datum", b.datum)) if val)
        cat.consultations[ckey] = ConsultationEntry(ckey, key, paper.body, s.meetings[b.niederschrift_id].span,
                                                    (org,) if org else (), None, None, extra)  # fmt: skip
        added.append(ckey)
        _decide(s, ckey, item, b, paper.lead)
    if added:
        cat.papers[key] = replace(paper, consultations=paper.consultations + tuple(added))


def _row_of(c: ConsultationEntry) -> BeschlusslaufRow | None:
    """The Beschlusslauf row a Consultation was made from (its ``archiv:`` extensions); None for a
    Consultation an OParl source gave (its session is the source's)."""
    extra = dict(c.extra)
    if "archiv:gremium" not in extra:
        return None
    return BeschlusslaufRow(None, extra["archiv:gremium"], None, c.role, extra.get("archiv:datum"), None)


def _decide(s: Sessions, ckey: str, item: str, b: Beschluss, lead: Vorlage) -> None:
    s.decided[ckey] = Decided(b.niederschrift_id, item, b)
    # an AgendaItem names one Consultation: that of the paper it treats first, else the first found
    top = s.agenda_items[item].top
    main = bool(top.vorlagen and set(identifier_keys(top.vorlagen[0])) & set(identifier_keys(lead.vorlage_nr)))
    if item not in s.consultation_of_item or (main and item not in s.main_consultation):
        s.consultation_of_item[item] = ckey
        if main:
            s.main_consultation.add(item)
