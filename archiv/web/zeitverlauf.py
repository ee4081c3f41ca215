"""What the pages of issue 13 show beside the record: decisions, the matter's timeline, counts over time.

Everything goes through ArchiveView, so the --public rule holds here too: decisions from minutes
the public may not see, and papers it may not see, are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from ..beschluesse import beschluss_of_row
from ..counts import count_by_period, from_year_facet
from ..errors import ArchivError
from ..models import Beschluss, SearchPage, Vorlage
from ..vorgang import Member, Vorgang, timeline_of
from .chart import Chart, bar_chart
from .params import SearchRequest
from .view import ArchiveView


def without_hidden_decisions(view: ArchiveView, v: Vorlage) -> Vorlage:
    """The record without decisions whose minutes the viewer may not see (public mode: nichtöffentlich)."""
    if not view.public or not v.beschluesse:
        return v
    seen = view.get_many(list({b.niederschrift_id for b in v.beschluesse}))
    return replace(v, beschluesse=tuple(b for b in v.beschluesse if b.niederschrift_id in seen))


def visible_beschluesse(view: ArchiveView, v: Vorlage) -> list[tuple[Beschluss, Vorlage | None]]:
    minutes = view.get_many(list({b.niederschrift_id for b in v.beschluesse}))
    # a decision whose minutes are hidden (public mode: nichtöffentlich) is hidden with them
    return [(b, minutes.get(b.niederschrift_id)) for b in v.beschluesse if b.niederschrift_id in minutes]


def vorlage_context(view: ArchiveView, v: Vorlage) -> dict[str, Any]:
    shown = visible_beschluesse(view, v)
    visible = {id(b) for b, _ in shown}
    rows = []
    for row in v.beschlusslauf:
        b = beschluss_of_row(v, row)
        rows.append(b if b is not None and id(b) in visible else None)
    return {"beschluesse": shown, "row_beschluss": rows}


def vorgang_of(view: ArchiveView, v: Vorlage) -> Vorgang:
    g = view.vorgang(v)
    members = tuple(
        Member(without_hidden_decisions(view, m.record), m.relation) for m in g.members if view.visible(m.record)
    )
    return Vorgang(g.seed, members, tuple(timeline_of(list(members))))


def chart_for(view: ArchiveView, req: SearchRequest, page: SearchPage) -> Chart | None:
    """Hits per year (from the search's year facet), or per month where they span three years or less."""
    try:
        years = from_year_facet(page.facets.get("jahr", {}), page.total)
        if 0 < len(years.series) <= 3:
            return bar_chart(view.counts(req, "month"))
        return bar_chart(years)
    except ArchivError:
        return None


def _table(rows: list[tuple[str, str, int]]) -> tuple[list[str], list[tuple[str, dict[str, int], int]]]:
    years = sorted({y for _, y, _ in rows}, key=lambda y: (y == "", y))
    by_name: dict[str, dict[str, int]] = defaultdict(dict)
    for name, y, n in rows:
        by_name[name][y] = by_name[name].get(y, 0) + n
    table = [(name, row, sum(row.values())) for name, row in by_name.items()]
    table.sort(key=lambda t: (-t[2], t[0]))
    return years, table


def statistik_context(view: ArchiveView) -> dict[str, Any]:
    counts = view.year_counts()
    jahre, gremien = _table(counts.gremien)
    beschluss_jahre, ergebnisse = _table(counts.ergebnisse)
    dates = counts.dates
    return {
        "jahre": jahre,
        "gremien": gremien,
        "beschluss_jahre": beschluss_jahre,
        "ergebnisse": ergebnisse,
        "chart": bar_chart(count_by_period(dates.values(), "year")),
    }
