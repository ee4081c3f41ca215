"""The archiv command line: thin commands over Archive; the one place where errors become exit codes."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__
from .archive import DEFAULT_BACKEND, Archive
from .beschluesse import beschluss_of_row, format_beschluesse
from .errors import ArchivError, ExitCode, InputFileError
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Failure, GuardedPool
from .models import IngestReport, ParseOptions, Vorlage
from .search import BACKENDS, Filters
from .vorgang import vorgang_dict


class ArchivGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchivError as e:
            click.echo(f"error: {e}", err=True)
            ctx.exit(int(e.exit_code))
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


def index_option(f: Callable) -> Callable:
    f = click.option(
        "--backend",
        type=click.Choice(BACKENDS),
        default=None,
        help=f"Search backend (default: the one the index was built with; for a new index {DEFAULT_BACKEND}).",
    )(f)
    return click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("index"),
        show_default=True,
        envvar="ARCHIV_INDEX",
        help="Index folder (records, originals and the search index).",
    )(f)


@click.group(cls=ArchivGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archiv")
def cli() -> None:
    """archiv: extract the fields of German council Vorlagen and search them."""


# -- extract -----------------------------------------------------------------------------------


def _extract_one(path: Path, timeout: float, memory_mb: int) -> Vorlage:
    from datetime import UTC, datetime

    from .detect import open_source
    from .pipeline import process

    source, data = open_source(path)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with GuardedPool(process, workers=1, timeout=timeout, memory_mb=memory_mb) as pool:
        options = ParseOptions(time_budget=timeout)  # no OCR cache: extract writes nothing
        for _, result in pool.run([(str(path), (source, data, stamp, False, options))]):
            if isinstance(result, Failure):
                raise InputFileError(str(path), result.reason)
            return result
    raise InputFileError(str(path), "no result from the parser")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Show each field next to the line it was read from.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds allowed per file.")
@click.option("--memory-limit", type=int, default=DEFAULT_MEMORY_MB, show_default=True, help="MiB allowed per file.")
def extract(file: Path, fmt: str, explain: bool, timeout: float, memory_limit: int) -> None:
    """Parse one FILE and print its record; writes nothing."""
    record = _extract_one(file, timeout, memory_limit)
    if explain:
        from .explain import explain as explain_record

        click.echo(explain_record(record))
    elif fmt == "json":
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_record(record))


# -- ingest ------------------------------------------------------------------------------------


class _Progress:
    """Progress on stderr: a bar on a terminal, a line every few files otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, path: str) -> None:
        if self.quiet or total == 0:
            return
        if self.tty:
            width = 30
            filled = int(width * done / total)
            name = path if len(path) < 50 else "…" + path[-49:]
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<50}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif done == total or done % max(1, total // 20) == 0:
            click.echo(f"[{done}/{total}] {path}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@index_option
@click.option("--no-copy", is_flag=True, help="Reference originals in place instead of keeping a copy.")
@click.option("--nichtoeffentlich", is_flag=True, help="Mark every file of this batch as not public.")
@click.option("--workers", type=int, default=None, help="Parser processes (default: up to 2).")
@click.option(
    "--ocr-workers",
    type=click.IntRange(1),
    default=None,
    help="Tesseract processes per scanned file (default: one per core).",
)
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds allowed per file.")
@click.option("--memory-limit", type=int, default=DEFAULT_MEMORY_MB, show_default=True, help="MiB allowed per file.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def ingest(
    paths: tuple[Path, ...],
    index_dir: Path,
    backend: str,
    no_copy: bool,
    nichtoeffentlich: bool,
    workers: int | None,
    ocr_workers: int | None,
    timeout: float,
    memory_limit: int,
    quiet: bool,
) -> None:
    """Ingest files and folders (recursively) into the index. Unchanged files are skipped."""
    with Archive(index_dir, backend, create=True) as archive:
        report = archive.ingest(
            paths,
            progress=None if quiet else _Progress(quiet),
            copy=not no_copy,
            nichtoeffentlich=nichtoeffentlich,
            workers=workers,
            ocr_workers=ocr_workers,
            timeout=timeout,
            memory_mb=memory_limit,
        )
    for o in report.failed:
        click.echo(f"error: {o.path}: {o.error}", err=True)
    click.echo(_summary(report))
    if report.failed:
        sys.exit(int(ExitCode.PARTIAL_FAILURE))


def _summary(report: IngestReport) -> str:
    parts = [f"{report.count('added')} added", f"{report.count('unchanged')} unchanged"]
    if report.count("duplicate"):
        parts.append(f"{report.count('duplicate')} duplicates skipped")
    parts.append(f"{report.count('failed')} failed")
    return "ingest: " + ", ".join(parts)


# -- search ------------------------------------------------------------------------------------


@cli.command()
@click.argument("query", nargs=-1)
@index_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "counts"]),
    default="table",
    show_default=True,
    help="counts: how many hits per year or month (see --per), one 'period<TAB>count' line each.",
)
@click.option(
    "--per",
    type=click.Choice(["year", "month"]),
    default="year",
    show_default=True,
    help="With --format counts: count per year or per month.",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--sort", type=click.Choice(["relevance", "datum", "datum_asc"]), default="relevance", show_default=True)
@click.option("--gremium", help="Only Vorlagen consulted by this Gremium.")
@click.option("--art", help="Only this kind of paper (Beschlussvorlage, Antrag, ...).")
@click.option("--fachbereich", help="Only this lead office.")
@click.option("--jahr", help="Only this year.")
@click.option("--ergebnis", help="Only Vorlagen with a decision of this outcome (abgelehnt, vertagt, ...).")
@click.option("--from", "date_from", help="From this date (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Up to this date (YYYY-MM-DD).")
def search(
    query: tuple[str, ...],
    index_dir: Path,
    backend: str,
    fmt: str,
    limit: int,
    offset: int,
    sort: str,
    gremium: str | None,
    art: str | None,
    fachbereich: str | None,
    jahr: str | None,
    date_from: str | None,
    date_to: str | None,
    per: str = "year",
    ergebnis: str | None = None,
) -> None:
    """Search the index. QUERY: words, "phrases", field:value, prefix*, -word, OR, ( )."""
    filters = Filters(
        gremium=gremium,
        art=art,
        fachbereich=fachbereich,
        jahr=jahr,
        date_from=_check_date(date_from, "--from"),
        date_to=_check_date(date_to, "--to"),
        ergebnis=ergebnis,
    )
    if fmt == "counts":
        with Archive(index_dir, backend) as archive:
            counts = archive.counts(" ".join(query), filters, per=per)
        for period, n in counts.series:
            click.echo(f"{period}\t{n}")
        if counts.undated:
            click.echo(f"ohne Datum\t{counts.undated}")
        return
    with Archive(index_dir, backend) as archive:
        page = archive.search(" ".join(query), filters, limit=limit, offset=offset, sort=sort)
    if fmt == "json":
        click.echo(json.dumps(page.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        cols = ["id", "vorlage_nr", "aktenzeichen", "art", "datum", "betreff", "score", "snippet"]
        w.writerow(cols)
        for h in page.hits:
            w.writerow([getattr(h, c) if getattr(h, c) is not None else "" for c in cols])
    else:
        click.echo(f"{page.total} Treffer" if page.total != 1 else "1 Treffer")
        if page.suggestion:
            click.echo(f"Meinten Sie: {page.suggestion}")
        for h in page.hits:
            click.echo("")
            head = " · ".join(x for x in (h.vorlage_nr, h.datum, h.art) if x)
            click.echo(click.style(head or h.id, bold=True) + f"  [{h.id}]")
            click.echo(f"  {h.betreff or '(ohne Betreff)'}")
            if h.snippet:
                click.echo("  " + _terminal_snippet(h.snippet))
        for name, counts in page.facets.items():
            if counts:
                top = ", ".join(f"{k} ({v})" for k, v in list(counts.items())[:6])
                click.echo(f"\n{name}: {top}", nl=False)
        click.echo("")


def _check_date(value: str | None, option: str) -> str | None:
    from .extract.normalize import parse_date

    if value is None:
        return None
    iso = parse_date(value)
    if iso is None:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD or DD.MM.YYYY)", param_hint=option)
    return iso


def _terminal_snippet(snippet: str) -> str:
    import html

    marked = snippet.replace("<mark>", "\x00").replace("</mark>", "\x01")
    text = html.unescape(marked)
    if sys.stdout.isatty():
        return text.replace("\x00", "\x1b[1;33m").replace("\x01", "\x1b[0m")
    return text.replace("\x00", "[").replace("\x01", "]")


@cli.command()
@click.argument("ref")
@index_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
def similar(ref: str, index_dir: Path, backend: str | None, fmt: str, limit: int) -> None:
    """Vorlagen like the one REF names (id, Vorlage-Nr. or Aktenzeichen): more like this."""
    with Archive(index_dir, backend) as archive:
        page = archive.similar(ref, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(page.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{page.total} ähnliche Vorlagen" if page.total != 1 else "1 ähnliche Vorlage")
    for h in page.hits:
        head = " · ".join(x for x in (h.vorlage_nr, h.datum, h.art) if x)
        click.echo(click.style(head or h.id, bold=True) + f"  [{h.id}]\n  {h.betreff or '(ohne Betreff)'}")


# -- show --------------------------------------------------------------------------------------


@cli.command()
@click.argument("ref")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(ref: str, index_dir: Path, backend: str, fmt: str) -> None:
    """Show the stored record(s) by id, Vorlage-Nr. or Aktenzeichen (any spelling)."""
    with Archive(index_dir, backend) as archive:
        records = archive.find(ref)
    if fmt == "json":
        out: Any = records[0].to_dict() if len(records) == 1 else [r.to_dict() for r in records]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(format_record(r) for r in records))


def format_record(r: Vorlage) -> str:
    lines = [f"{r.vorlage_nr or '(ohne Nummer)'} — {r.betreff or '(ohne Betreff)'}", f"  id:            {r.id}"]
    for label, value in (
        ("Aktenzeichen", r.aktenzeichen),
        ("Art", r.art),
        ("Datum", r.datum),
        ("Öffentlich", {True: "ja", False: "nein", None: None}[r.oeffentlich]),
        ("Körperschaft", r.koerperschaft),
        ("Fachbereich", r.fachbereich),
        ("Produkt", " ".join(x for x in (r.produkt.nummer, r.produkt.bezeichnung) if x) if r.produkt else None),
    ):
        if value:
            lines.append(f"  {label + ':':<14} {value}")
    if r.beteiligungen:
        lines.append("  Beteiligungen: " + "; ".join(r.beteiligungen))
    if r.beschlusslauf:
        lines.append("  Beschlusslauf:")
        for row in r.beschlusslauf:
            flag = {True: "Ö", False: "N", None: " "}[row.oeffentlich]
            cells = [row.nr or "", row.gremium, flag, row.datum or "", row.zustaendigkeit or "", row.ergebnis or ""]
            decided = beschluss_of_row(r, row)
            lines.append("    " + " | ".join(c for c in cells) + (f"  → {decided.ergebnis}" if decided else ""))
    lines += format_beschluesse(r)
    for label, value in (("Beschlussvorschlag", r.beschlussvorschlag), ("Begründung", r.begruendung)):
        if value:
            short = value if len(value) < 600 else value[:600] + " …"
            lines.append(f"  {label}:\n    " + short.replace("\n\n", "\n    "))
    if r.anlagen:
        lines.append("  Anlagen: " + "; ".join(r.anlagen))
    pages = f", {r.source.pages} Seiten" if r.source.pages else ""
    missing = [p.number for p in r.source.page_methods if p.method == "none"]
    note = f"; ohne Textebene: Seite {', '.join(map(str, missing))}" if missing else ""
    if r.source.ocr_confidence is not None:
        ocr = [str(p.number) for p in r.source.page_methods if p.method == "ocr"]
        note += f"; OCR: Seite {', '.join(ocr)}, Konfidenz {r.source.ocr_confidence:.0f} %"
    lines.append(f"  Quelle:        {r.source.path} ({r.source.format}{pages}{note})")
    return "\n".join(lines)


@cli.command()
@click.argument("ref")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def vorgang(ref: str, index_dir: Path, backend: str, fmt: str) -> None:
    """Show the matter of a Vorlage: related papers and a dated timeline of their sessions and decisions."""
    with Archive(index_dir, backend) as archive:
        v = archive.vorgang(ref)
    if fmt == "json":
        click.echo(json.dumps(vorgang_dict(v), ensure_ascii=False, indent=2))
        return
    click.echo(f"Vorgang zu {v.seed.vorlage_nr or v.seed.id} — {v.seed.betreff or '(ohne Betreff)'}")
    click.echo("  Vorlagen:")
    for m in v.members:
        r = m.record
        click.echo(f"    {m.relation_label:<26} {r.vorlage_nr or '(ohne Nummer)':<16} {r.art or '':<18} [{r.id}]")
    click.echo("  Zeitleiste:")
    for e in v.timeline:
        click.echo(f"    {e.datum or '(ohne Datum)':<12} {e.kind:<9} {e.text}")


# -- export / reindex --------------------------------------------------------------------------

CSV_COLUMNS = (
    "id", "vorlage_nr", "aktenzeichen", "art", "datum", "oeffentlich", "koerperschaft", "fachbereich",
    "beteiligungen", "produkt", "betreff", "gremien", "beschlussvorschlag", "anlagen", "source_path",
)  # fmt: skip


@cli.command()
@index_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "oparl"]), default="jsonl", show_default=True)
@click.option(
    "--base-url",
    default="urn:archiv:",
    show_default=True,
    help="Prefix of the OParl object ids (oparl), e.g. the URL the archive is served at.",
)
@click.option(
    "--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout)."
)
@click.option("--with-text/--without-text", default=True, show_default=True, help="Include the full text (jsonl).")
def export(index_dir: Path, backend: str, fmt: str, base_url: str, output: Any, with_text: bool) -> None:
    """Export every record: JSON Lines, CSV, or OParl 1.1 Paper objects (a JSON list, with their Consultations)."""
    with Archive(index_dir, backend) as archive:
        if fmt == "oparl":
            from .oparl import paper_from_vorlage

            papers = [paper_from_vorlage(r, base_url.rstrip("/")) for r in archive.records()]
            output.write(json.dumps(papers, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            for r in archive.records():
                d = r.to_dict()
                if not with_text:
                    d.pop("text")
                output.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            w = csv.writer(output)
            w.writerow(CSV_COLUMNS)
            for r in archive.records():
                w.writerow(
                    [
                        r.id,
                        r.vorlage_nr,
                        r.aktenzeichen,
                        r.art,
                        r.datum,
                        "" if r.oeffentlich is None else str(r.oeffentlich).lower(),
                        r.koerperschaft,
                        r.fachbereich,
                        "; ".join(r.beteiligungen),
                        " ".join(x for x in (r.produkt.nummer, r.produkt.bezeichnung) if x) if r.produkt else "",
                        r.betreff,
                        "; ".join(dict.fromkeys(b.gremium for b in r.beschlusslauf)),
                        r.beschlussvorschlag,
                        "; ".join(r.anlagen),
                        r.source.path,
                    ]
                )


@cli.command()
@index_option
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def reindex(index_dir: Path, backend: str, quiet: bool) -> None:
    """Rebuild the search index from the record store."""
    with Archive(index_dir, backend) as archive:
        n = archive.reindex(progress=_Progress(quiet))
    click.echo(f"reindex: {n} records indexed", err=True)


@cli.command("eval")
@click.argument("labels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder the labels' paths are relative to (default: the labels file's parent's parent).",
)
@click.option(
    "--misses", type=click.Path(dir_okay=False, path_type=Path), help="Write every wrong field as JSONL here."
)
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds allowed per file.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def eval_(labels: Path, root: Path | None, misses: Path | None, timeout: float, quiet: bool) -> None:
    """Per-field accuracy of the extraction against a labelled set (JSON Lines like labels/dev.jsonl)."""
    from .evaluate import evaluate, format_table

    progress = _Progress(quiet)

    def extract_files(paths: list[Path]) -> Iterator[tuple[Path, Vorlage | str]]:
        from datetime import UTC, datetime

        from .archive import default_workers
        from .detect import open_source
        from .pipeline import process

        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        failed: list[tuple[Path, str]] = []

        def jobs() -> Iterator[tuple[Path, tuple]]:
            for p in paths:
                try:
                    source, data = open_source(p)
                except InputFileError as e:
                    failed.append((p, e.reason))
                    continue
                yield p, (source, data, stamp, False)

        with GuardedPool(process, workers=default_workers(), timeout=timeout) as pool:
            for done, (p, result) in enumerate(pool.run(jobs()), start=1):
                progress(done, len(paths), str(p))
                yield p, result.reason if isinstance(result, Failure) else result
        yield from failed

    report = evaluate(labels, root or labels.resolve().parent.parent, extract_files)
    click.echo(format_table(report))
    if misses:
        with misses.open("w", encoding="utf-8") as fh:
            for m in report.misses:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")


@cli.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--public", is_flag=True, help="Serve public records only: records marked not public never appear.")
def serve(index_dir: Path, backend: str | None, host: str, port: int, public: bool) -> None:
    """Serve the web interface (German), the JSON API, OParl Papers and Atom feeds; read-only."""
    from .errors import MissingDependencyError

    try:
        import uvicorn

        from .web import create_app
    except ImportError as e:
        raise MissingDependencyError(f"the web interface's dependency {e.name}", "pip install -e .") from e
    app = create_app(index_dir, public=public, backend=backend)
    scope = " (public records only)" if public else ""
    click.echo(f"archiv: serving {index_dir} on http://{host}:{port}/{scope}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def main() -> None:
    cli()
