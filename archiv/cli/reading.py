"""Commands that print records: extract (one file, no index), show, vorgang, export."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..archive import Archive
from ..console import Progress
from ..vorgang import vorgang_dict
from .options import format_option, guard_options, index_option, quiet_option
from .output import format_group, write_json, write_records


@click.command(short_help="Parse one FILE and print its record(s); writes nothing.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option(help="json: a list of records (one; one per Paper of an OParl list).")
@click.option("--explain", is_flag=True, help="Show each field next to the line it was read from.")
@guard_options
def extract(file: Path, fmt: str, explain: bool, timeout: float, memory_limit: int) -> None:
    """Parse one FILE and print its record (a list of Papers: one record each); writes nothing."""
    records = Archive.extract(file, timeout=timeout, memory_mb=memory_limit)
    if explain:
        from ..explain import explain as explain_record

        click.echo("\n\n".join(explain_record(r) for r in records))
    else:
        write_records(records, fmt)


@click.command(short_help="Show records by id, Vorlage-Nr. or Aktenzeichen.")
@click.argument("ref")
@index_option
@format_option(help="json: always a list of the records found.")
def show(ref: str, index_dir: Path, backend: str, fmt: str) -> None:
    """Show the stored record(s) by id, Vorlage-Nr. or Aktenzeichen (any spelling)."""
    with Archive(index_dir, backend) as archive:
        records = archive.find(ref)
        groups = archive.groups(records) if fmt == "text" else []
    write_records(records, fmt, text=format_group, items=groups)


@click.command(short_help="The matter of a Vorlage: related papers and a timeline.")
@click.argument("ref")
@index_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output: text, or json (one object: the Vorlagen and the timeline).",
)  # fmt: skip
def vorgang(ref: str, index_dir: Path, backend: str, fmt: str) -> None:
    """Show the matter of a Vorlage: related papers and a dated timeline of their sessions and decisions."""
    with Archive(index_dir, backend) as archive:
        v = archive.vorgang(ref)
    if fmt == "json":
        write_json(vorgang_dict(v))
        return
    click.echo(f"Vorgang zu {v.seed.vorlage_nr or v.seed.id} — {v.seed.betreff or '(ohne Betreff)'}")
    click.echo("  Vorlagen:")
    for m in v.members:
        r = m.record
        click.echo(f"    {m.relation_label:<26} {r.vorlage_nr or '(ohne Nummer)':<16} {r.art or '':<18} [{r.id}]")
    click.echo("  Zeitleiste:")
    for e in v.timeline:
        click.echo(f"    {e.datum or '(ohne Datum)':<12} {e.kind:<9} {e.text}")


@click.command(short_help="Export every record (JSON Lines, JSON, CSV, text, OParl).")
@index_option
@format_option(
    default="jsonl",
    extra=("oparl",),
    help="oparl: OParl 1.1 (a JSON list of Papers, or with -o DIR the whole tree as files).",
)
@click.option(
    "--base-url",
    help="oparl: the URL the archive is served at, prefix of every OParl id (recorded in the index; "
    "default: the recorded one).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=Path("-"),
    help="File to write (default: stdout); for oparl a folder (not ending in .json): the whole OParl tree as files.",
)
@click.option(
    "--with-text/--without-text", default=True, show_default=True, help="Include the full text (json, jsonl)."
)
@click.option("--public", is_flag=True, help="oparl: leave out records marked not public.")
@quiet_option
def export(
    index_dir: Path, backend: str, fmt: str, base_url: str | None, output: Path, with_text: bool, public: bool,
    quiet: bool,
) -> None:  # fmt: skip
    """Export every record: JSON Lines, JSON, CSV, text, or OParl 1.1 (a JSON list of Papers, or with
    -o DIR the whole tree of System, Bodies, lists and objects as files for a static web server)."""
    if fmt == "oparl":
        _export_oparl(index_dir, backend, base_url, output, public, quiet)
        return
    with Archive(index_dir, backend) as archive, click.open_file(str(output), "w", encoding="utf-8") as out:
        write_records(archive.records(), fmt, out, with_text=with_text)


def _export_oparl(index_dir: Path, backend: str | None, base_url: str | None, output: Path, public: bool,
                  quiet: bool) -> None:  # fmt: skip
    from ..oparl.export import open_site, papers, write_tree
    from ..oparl.settings import BaseUrlError, resolve_base_url

    with Archive(index_dir, backend) as archive:
        base = resolve_base_url(index_dir, base_url)
        if base is None:
            raise BaseUrlError(
                f"--format oparl needs --base-url URL (where the archive is served; OParl ids are URLs), "
                f"and none is recorded in {index_dir}"
            )
        site = open_site(archive, base, public=public, web=False)
        if str(output) == "-" or output.suffix == ".json":
            with click.open_file(str(output), "w", encoding="utf-8") as out:
                out.write(json.dumps(papers(site), ensure_ascii=False, indent=2) + "\n")
            return
        report = write_tree(site, output, progress=Progress(quiet, unit="object"))
    for key in report.missing:
        click.echo(f"warning: the original of File {key} is no longer there: its access URL will answer 404", err=True)
    click.echo(f"export: {report.objects} OParl objects and list pages, {report.files} files in {output}", err=True)
