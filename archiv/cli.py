"""The archiv command line: thin commands over Archive; the one place where errors become exit codes."""

from __future__ import annotations

import csv
import json
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__
from .archive import DEFAULT_BACKEND, Archive
from .beschluesse import beschluss_of_row, format_beschluesse
from .console import Progress
from .errors import ArchivError, ExitCode, InputFileError, SkippedFileError
from .grouped import VorlageGroup
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Failure, GuardedPool
from .models import ParseOptions, SearchHit, Vorlage
from .search import BACKENDS, OPENSEARCH, Filters
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


def _opensearch_setting(key: str) -> Callable[[click.Context, click.Parameter, str | None], None]:
    def store(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        OPENSEARCH[key] = value  # every command sets it, so no value outlives its command

    return store


def index_option(f: Callable) -> Callable:
    f = click.option(
        "--opensearch-index",
        envvar="ARCHIV_OPENSEARCH_INDEX",
        expose_value=False,
        callback=_opensearch_setting("index"),
        help="OpenSearch index name (default: the one the index folder remembers, else derived from the folder).",
    )(f)
    f = click.option(
        "--opensearch-url",
        envvar="ARCHIV_OPENSEARCH_URL",
        expose_value=False,
        callback=_opensearch_setting("url"),
        help="OpenSearch URL for --backend opensearch (default: the one the index folder remembers, else "
        "http://127.0.0.1:9200). Credentials: ARCHIV_OPENSEARCH_USER / ARCHIV_OPENSEARCH_PASSWORD.",
    )(f)
    f = click.option(
        "--backend",
        type=click.Choice(BACKENDS),
        default=None,
        envvar="ARCHIV_BACKEND",
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
    """The record of one file (the first, for an OParl list)."""
    return _extract_records(path, timeout, memory_mb)[0]


def _extract_records(path: Path, timeout: float, memory_mb: int) -> tuple[Vorlage, ...]:
    from datetime import UTC, datetime

    from .detect import open_source
    from .pipeline import process_file

    source, data = open_source(path)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with GuardedPool(process_file, workers=1, timeout=timeout, memory_mb=memory_mb) as pool:
        options = ParseOptions(time_budget=timeout)  # no OCR cache: extract writes nothing
        for _, result in pool.run([(str(path), (source, data, stamp, False, options))]):
            if isinstance(result, Failure):
                raise (SkippedFileError if result.skipped else InputFileError)(source.path, result.reason)
            return result
    raise InputFileError(source.path, "no result from the parser")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="Show each field next to the line it was read from.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds allowed per file.")
@click.option("--memory-limit", type=int, default=DEFAULT_MEMORY_MB, show_default=True, help="MiB allowed per file.")
def extract(file: Path, fmt: str, explain: bool, timeout: float, memory_limit: int) -> None:
    """Parse one FILE and print its record (a list of Papers: one record each); writes nothing."""
    records = _extract_records(file, timeout, memory_limit)
    if explain:
        from .explain import explain as explain_record

        click.echo("\n\n".join(explain_record(r) for r in records))
    elif fmt == "json":
        out: Any = records[0].to_dict() if len(records) == 1 else [r.to_dict() for r in records]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(format_record(r) for r in records))


# -- ingest ------------------------------------------------------------------------------------


def _size(value: str) -> int:
    """A size in bytes from '200M', '1.5G', '500k' or '1048576'."""
    text = value.strip().upper().removesuffix("IB").removesuffix("B")
    factor = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}.get(text[-1:], 1)
    try:
        number = float(text[:-1] if factor > 1 else text)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a size (e.g. 200M, 1G, 500K)") from None
    if number <= 0:
        raise click.BadParameter(f"'{value}' is not a positive size")
    return int(number * factor)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@index_option
@click.option("--no-copy", is_flag=True, help="Reference originals in place instead of keeping a copy.")
@click.option("--nichtoeffentlich", is_flag=True, help="Mark every file of this batch as not public.")
@click.option(
    "--koerperschaft",
    help='The body every file of this batch belongs to ("Stadt X"); it replaces what the papers name.',
)
@click.option("--workers", type=click.IntRange(1), default=None, help="Parser processes (default: up to 2).")
@click.option(
    "--ocr-workers",
    type=click.IntRange(1),
    default=None,
    help="Tesseract processes per scanned file (default: one per core).",
)
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds allowed per file.")
@click.option("--memory-limit", type=int, default=DEFAULT_MEMORY_MB, show_default=True, help="MiB allowed per file.")
@click.option(
    "--max-size",
    default="200M",
    show_default=True,
    callback=lambda ctx, param, value: _size(value),
    help="Skip files larger than this (checked before reading), e.g. 50M, 1G.",
)
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB", help="Leave out paths matching GLOB (repeatable).")
@click.option("--retry-failed", is_flag=True, help="Parse files again that failed in an earlier run.")
@click.option(
    "--report",
    "report_file",
    type=click.File("w", encoding="utf-8", lazy=False),
    help="Write one JSON line per input path (path, outcome, reason, id, seconds) to this file.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress and no lines for good files; failures still on stderr.")
def ingest(
    paths: tuple[Path, ...],
    index_dir: Path,
    backend: str,
    no_copy: bool,
    nichtoeffentlich: bool,
    koerperschaft: str | None,
    workers: int | None,
    ocr_workers: int | None,
    timeout: float,
    memory_limit: int,
    max_size: int,
    exclude: tuple[str, ...],
    retry_failed: bool,
    report_file: Any,
    quiet: bool,
) -> None:
    """Ingest files and folders (recursively) into the index.

    Every path gets one outcome, printed as it happens: added, unchanged, duplicate of PATH,
    skipped: REASON (not a document), failed: REASON (a document that cannot be read; on stderr).
    Exit 0 when every document was ingested or skipped, 3 when some failed (in this run or before)."""
    from .console import IngestConsole, summary

    koerperschaft = " ".join((koerperschaft or "").split()) or None
    console = IngestConsole(quiet, report_file)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with Archive(index_dir, backend, create=True) as archive:
            report = archive.ingest(
                paths,
                progress=None if quiet else console.progress,
                on_outcome=console.outcome,
                on_wait=console.wait,
                copy=not no_copy,
                nichtoeffentlich=nichtoeffentlich,
                koerperschaft=koerperschaft,
                workers=workers,
                ocr_workers=ocr_workers,
                timeout=timeout,
                memory_mb=memory_limit,
                max_bytes=max_size,
                exclude=exclude,
                retry_failed=retry_failed,
            )
    except KeyboardInterrupt:
        console.close()
        click.echo(f"interrupted after {console.count} paths; what was added is kept (run again to go on)", err=True)
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)
    console.close()
    click.echo(summary(report))
    if report.failed:
        sys.exit(int(ExitCode.PARTIAL_FAILURE))


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # SIGTERM stops an ingest as Ctrl-C does: committed work stays


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
@click.option("--koerperschaft", help='Only papers of this body ("Stadt Trier").')
@click.option("--einreicher", help="Only papers submitted by this Fraktion, office holder or member.")
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
    koerperschaft: str | None,
    einreicher: str | None,
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
        koerperschaft=koerperschaft,
        einreicher=einreicher,
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
            head = " · ".join(x for x in (h.vorlage_nr, h.datum, h.art, h.koerperschaft) if x)
            click.echo(click.style(head or h.id, bold=True) + f"  [{h.id}]")
            click.echo(f"  {_title(h)}")
            if len(h.dateien) > 1 or h.fassungen:
                versions = f"; Fassungen: {', '.join(h.fassungen)}" if h.fassungen else ""
                click.echo(f"  {len(h.dateien)} Dateien{versions}")
            if h.snippet:
                click.echo("  " + _terminal_snippet(h.snippet))
        for name, counts in page.facets.items():
            if counts:
                top = ", ".join(f"{k} ({v})" for k, v in list(counts.items())[:6])
                click.echo(f"\n{name}: {top}", nl=False)
        click.echo("")


def _title(h: SearchHit) -> str:
    """The Betreff, or where none was read, the name of the file."""
    return h.betreff or (f"(ohne Betreff) {h.dateien[0].name}" if h.dateien else "(ohne Betreff)")


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
        head = " · ".join(x for x in (h.vorlage_nr, h.datum, h.art, h.koerperschaft) if x)
        click.echo(click.style(head or h.id, bold=True) + f"  [{h.id}]\n  {_title(h)}")


# -- show --------------------------------------------------------------------------------------


@cli.command()
@click.argument("ref")
@index_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(ref: str, index_dir: Path, backend: str, fmt: str) -> None:
    """Show the stored record(s) by id, Vorlage-Nr. or Aktenzeichen (any spelling)."""
    with Archive(index_dir, backend) as archive:
        records = archive.find(ref)
        groups = archive.groups(records) if fmt != "json" else []
    if fmt == "json":
        out: Any = records[0].to_dict() if len(records) == 1 else [r.to_dict() for r in records]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(format_group(g) for g in groups))


ROLE_LABELS = {"datei": "Datei", "fassung": "Fassung", "anlage": "Anlage"}


def format_group(g: VorlageGroup) -> str:
    """A Vorlage: its fields (from its fullest file), then its files, versions and Anlagen."""
    text = format_record(g.merged)
    if len(g.members) == 1:
        return text
    lines = [text, "  Dateien:"]
    for m in g.members:
        v = m.record
        number = f" {v.vorlage_nr}" if m.role == "fassung" and v.vorlage_nr else ""
        lines.append(f"    {ROLE_LABELS[m.role]}{number}: {v.source.path} ({v.source.format}) [{v.id}]")
    return "\n".join(lines)


def format_record(r: Vorlage) -> str:
    lines = [f"{r.vorlage_nr or '(ohne Nummer)'} — {r.betreff or '(ohne Betreff)'}", f"  id:            {r.id}"]
    for label, value in (
        ("Aktenzeichen", r.aktenzeichen),
        ("Art", r.art),
        ("Datum", r.datum),
        ("Öffentlich", {True: "ja", False: "nein", None: None}[r.oeffentlich]),
        ("Körperschaft", r.koerperschaft),
        ("Einreicher", r.einreicher),
        ("Fachbereich", r.fachbereich),
        ("Basis-Nr.", r.basis_nr),
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
            if row.stimmen:
                votes = (row.stimmen.ja, row.stimmen.nein, row.stimmen.enthaltung)
                cells.append("Ja/Nein/Enth. " + "/".join("–" if n is None else str(n) for n in votes))
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
    "einreicher", "basis_nr",
)  # fmt: skip


@cli.command()
@index_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "oparl"]), default="jsonl", show_default=True)
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
@click.option("--with-text/--without-text", default=True, show_default=True, help="Include the full text (jsonl).")
@click.option("--public", is_flag=True, help="oparl: leave out records marked not public.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def export(
    index_dir: Path,
    backend: str,
    fmt: str,
    base_url: str | None,
    output: Path,
    with_text: bool,
    public: bool,
    quiet: bool,
) -> None:
    """Export every record: JSON Lines, CSV, or OParl 1.1 (a JSON list of Papers, or with -o DIR the
    whole tree of System, Bodies, lists and objects as files for a static web server)."""
    if fmt == "oparl":
        _export_oparl(index_dir, backend, base_url, output, public, quiet)
        return
    with Archive(index_dir, backend) as archive, click.open_file(str(output), "w", encoding="utf-8") as out:
        if fmt == "jsonl":
            for r in archive.records():
                d = r.to_dict()
                if not with_text:
                    d.pop("text")
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            w = csv.writer(out)
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
                        r.einreicher,
                        r.basis_nr,
                    ]
                )


def _export_oparl(index_dir: Path, backend: str | None, base_url: str | None, output: Path, public: bool,
                  quiet: bool) -> None:  # fmt: skip
    from .oparl.export import open_site, papers, write_tree
    from .oparl.settings import BaseUrlError, resolve_base_url

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


@cli.command()
@index_option
@click.option(
    "--no-clear",
    is_flag=True,
    help="Add this store's records without emptying the index first (later machines of a shared OpenSearch index).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def reindex(index_dir: Path, backend: str, no_clear: bool, quiet: bool) -> None:
    """Rebuild the search index from the record store."""
    with Archive(index_dir, backend) as archive:
        n = archive.reindex(progress=Progress(quiet), on_wait=lambda m: click.echo(m, err=True), clear=not no_clear)
    click.echo(f"reindex: {n} records indexed", err=True)


@cli.command()
@index_option
@click.option("--repair", is_flag=True, help="Fix what the store can: index missing records, rebuild a stale index.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def check(index_dir: Path, backend: str | None, repair: bool, quiet: bool) -> None:
    """Verify the archive: every record has its original with the right sha256, and the search index
    holds exactly the store's records. Exit 0 when whole, 6 when damaged (after --repair: what is left)."""
    with Archive(index_dir, backend) as archive:
        progress = Progress(quiet, unit="original")
        report = archive.check(repair=repair, progress=progress, on_wait=lambda m: click.echo(m, err=True))
        progress.close()
    for line in report.repaired:
        click.echo(f"repaired: {line}")
    for line in report.notes:
        click.echo(f"note: {line}")
    for line in report.problems:
        click.echo(f"error: {line}", err=True)
    state = "whole" if report.ok else f"{len(report.problems)} problem(s)"
    click.echo(
        f"check: {report.records} records, {report.originals} originals verified, "
        f"{report.indexed} in the search index: {state}"
    )
    if not report.ok:
        sys.exit(int(ExitCode.INDEX))


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
@click.option(
    "--ocr-cache",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep OCR results of scanned pages in this folder (repeated runs skip Tesseract).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def eval_(
    labels: Path, root: Path | None, misses: Path | None, timeout: float, ocr_cache: Path | None, quiet: bool
) -> None:
    """Per-field accuracy of the extraction against a labelled set (JSON Lines like labels/dev.jsonl)."""
    from .evaluate import evaluate, format_table

    progress = Progress(quiet)

    def extract_files(paths: list[Path]) -> Iterator[tuple[Path, Vorlage | str]]:
        from datetime import UTC, datetime

        from .archive import default_workers
        from .detect import open_source
        from .models import ParseOptions
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
                yield p, (source, data, stamp, False, options)

        options = ParseOptions(
            ocr_cache=str(ocr_cache) if ocr_cache else None, ocr_workers=1, time_budget=timeout, progress=False
        )
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
@click.option(
    "--base-url",
    help="The URL the archive is reached at, prefix of every OParl id (recorded in the index; default: the "
    "recorded one; without one, /oparl answers 503).",
)
def serve(index_dir: Path, backend: str | None, host: str, port: int, public: bool, base_url: str | None) -> None:
    """Serve the web interface (German), the JSON API, OParl 1.1 (/oparl) and Atom feeds; read-only."""
    from .errors import MissingDependencyError
    from .oparl.settings import check_base_url, resolve_base_url

    try:
        import uvicorn

        from .web import create_app
    except ImportError as e:
        raise MissingDependencyError(f"the web interface's dependency {e.name}", "pip install -e .") from e
    given = check_base_url(base_url) if base_url else None
    app = create_app(index_dir, public=public, backend=backend, base_url=given)
    base = resolve_base_url(index_dir, given)  # after create_app, which fails first where there is no index
    scope = " (public records only)" if public else ""
    click.echo(f"archiv: serving {index_dir} on http://{host}:{port}/{scope}", err=True)
    if base:
        click.echo(f"archiv: OParl 1.1 at {base}/oparl/system", err=True)
    else:
        click.echo("archiv: no OParl (/oparl answers 503): start with --base-url URL to serve it", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def main() -> None:
    cli()
