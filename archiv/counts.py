"""Counts over time: how many records of a search fall in each month or year.

The series is continuous from the first to the last period (empty periods count 0), so a chart
drawn from it shows gaps as gaps; records without a date are counted apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

PERIODS = ("year", "month")


@dataclass(frozen=True)
class Counts:
    per: str  # "year" | "month"
    series: tuple[tuple[str, int], ...]  # ("2021", 4) or ("2021-03", 1), in order
    undated: int

    @property
    def total(self) -> int:
        return sum(n for _, n in self.series) + self.undated

    def to_dict(self) -> dict[str, object]:
        return {"per": self.per, "series": [{"period": p, "count": n} for p, n in self.series], "undated": self.undated}


def _next(period: str, per: str) -> str:
    if per == "year":
        return str(int(period) + 1)
    y, m = map(int, period.split("-"))
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def _series(counts: dict[str, int], per: str) -> tuple[tuple[str, int], ...]:
    """Every period from the first to the last, those without hits at 0."""
    series: list[tuple[str, int]] = []
    if counts:
        period, last = min(counts), max(counts)
        while True:
            series.append((period, counts.get(period, 0)))
            if period == last:
                break
            period = _next(period, per)
    return tuple(series)


def count_by_period(dates: Iterable[str | None], per: str = "year") -> Counts:
    width = 4 if per == "year" else 7
    counter: Counter[str] = Counter()
    undated = 0
    for d in dates:
        if d and len(d) >= width and d[:4].isdigit():
            counter[d[:width]] += 1
        else:
            undated += 1
    return Counts(per, _series(counter, per), undated)


def from_year_facet(years: dict[str, int], total: int) -> Counts:
    """The yearly series from a search's "jahr" facet (no second pass over the hits)."""
    dated = {y: n for y, n in years.items() if len(y) == 4 and y.isdigit()}
    return Counts("year", _series(dated, "year"), max(0, total - sum(dated.values())))


@dataclass(frozen=True)
class YearCounts:
    gremien: list[tuple[str, str, int]]  # (Gremium, year, records)
    ergebnisse: list[tuple[str, str, int]]  # (outcome, year, decisions)
    dates: dict[str, str | None]  # record id -> its date
