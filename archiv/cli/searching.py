"""Commands that search the index: search (with counts per period) and similar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..archive import Archive
from .options import filter_options, filters_of, format_option, index_option, paging_options, pro_seite_option
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
@paging_options
@filter_options
def search(query: tuple[str, ...], index_dir: Path, backend: str, fmt: str, per: str, pro_seite: int, seite: int,
           offset: int | None, sortierung: str, **values: Any) -> None:  # fmt: skip
    """Search the index. QUERY: words, "phrases", field:value, prefix*, -word, OR, ( )."""
    filters = filters_of(values)
    with Archive(index_dir, backend) as archive:
        if fmt == "counts":
            counts = archive.counts(" ".join(query), filters, per=per)
        else:
            page = archive.search(
                " ".join(query), filters, sortierung=sortierung, pro_seite=pro_seite, seite=seite, offset=offset
            )
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
@pro_seite_option("How many to show")
def similar(ref: str, index_dir: Path, backend: str | None, fmt: str, pro_seite: int) -> None:
    """Vorlagen like the one REF names (id, Vorlage-Nr. or Aktenzeichen): more like this."""
    with Archive(index_dir, backend) as archive:
        page = archive.similar(ref, pro_seite=pro_seite)
    heading = lambda n: f"{n} ähnliche Vorlagen" if n != 1 else "1 ähnliche Vorlage"
    write_page(page, fmt, heading=heading, facets=False)
