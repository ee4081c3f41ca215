"""Commands that search the index: search (with counts per period) and similar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..archive import Archive
from .options import filter_options, filters_of, format_option, index_option
from .output import write_page


@click.command()
@click.argument("query", nargs=-1)
@index_option
@format_option(extra=("counts",), help="counts: hits per year or month (see --per), 'period<TAB>count' lines.")
@click.option(
    "--per",
    type=click.Choice(["year", "month"]),
    default="year",
    show_default=True,
    help="With --format counts: count per year or per month.",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Hits per page.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Hits to leave out before the page (paging).")
@click.option(
    "--sort",
    type=click.Choice(["relevance", "datum", "datum_asc"]),
    default="relevance",
    show_default=True,
    help="Order: by relevance, newest first (datum) or oldest first (datum_asc).",
)
@filter_options
def search(query: tuple[str, ...], index_dir: Path, backend: str, fmt: str, per: str, limit: int, offset: int,
           sort: str, **values: Any) -> None:  # fmt: skip
    """Search the index. QUERY: words, "phrases", field:value, prefix*, -word, OR, ( )."""
    filters = filters_of(values)
    with Archive(index_dir, backend) as archive:
        if fmt == "counts":
            counts = archive.counts(" ".join(query), filters, per=per)
        else:
            page = archive.search(" ".join(query), filters, limit=limit, offset=offset, sort=sort)
    if fmt == "counts":
        for period, n in counts.series:
            click.echo(f"{period}\t{n}")
        if counts.undated:
            click.echo(f"ohne Datum\t{counts.undated}")
        return
    write_page(page, fmt, heading=lambda n: f"{n} Treffer" if n != 1 else "1 Treffer")


@click.command(short_help="Vorlagen like the one REF names (more like this).")
@click.argument("ref")
@index_option
@format_option(help="json: the same page object as search.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many to show.")
def similar(ref: str, index_dir: Path, backend: str | None, fmt: str, limit: int) -> None:
    """Vorlagen like the one REF names (id, Vorlage-Nr. or Aktenzeichen): more like this."""
    with Archive(index_dir, backend) as archive:
        page = archive.similar(ref, limit=limit)
    heading = lambda n: f"{n} ähnliche Vorlagen" if n != 1 else "1 ähnliche Vorlage"
    write_page(page, fmt, heading=heading, facets=False)
