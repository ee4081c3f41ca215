"""A bar chart of counts over time as plain geometry, drawn as SVG by the template (no script runs)."""

from __future__ import annotations

from dataclasses import dataclass

from ..counts import Counts

MONTHS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    period: str
    label: str  # "2021" or "Mär 2021"
    count: int
    tick: str  # what is printed under the axis ("" for most bars of a long series)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    bars: tuple[Bar, ...]
    maximum: int
    per: str
    undated: int
    total: int


def _label(period: str) -> str:
    if len(period) == 7:
        return f"{MONTHS[int(period[5:]) - 1]} {period[:4]}"
    return period


def bar_chart(counts: Counts, width: int = 720, height: int = 180) -> Chart | None:
    """Bars scaled to the largest count; about a dozen labelled ticks however long the series."""
    if not counts.series:
        return None
    top, bottom, left, right = 12, height - 28, 36, 8
    n = len(counts.series)
    slot = (width - left - right) / n
    maximum = max(c for _, c in counts.series) or 1
    every = max(1, round(n / 12))
    bars = []
    for i, (period, c) in enumerate(counts.series):
        h = (bottom - top) * c / maximum
        if counts.per == "year":
            tick = period if i % every == 0 else ""
        else:  # months: each one where there are few, else the year at its January
            tick = _label(period) if n <= 12 else (period[:4] if period.endswith("-01") or i == 0 else "")
        bars.append(
            Bar(
                x=round(left + i * slot + slot * 0.1, 2),
                y=round(bottom - h, 2),
                width=round(max(slot * 0.8, 1), 2),
                height=round(h, 2),
                period=period,
                label=_label(period),
                count=c,
                tick=tick,
            )
        )
    return Chart(width, height, top, bottom, tuple(bars), maximum, counts.per, counts.undated, counts.total)
