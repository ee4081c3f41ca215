"""Commands that build, keep and serve the archive: ingest, reindex, check, eval, serve."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from ..archive import Archive
from ..console import Progress
from ..errors import ArchivError, ExitCode, InputFileError
from ..guard import DEFAULT_TIMEOUT
from ..models import Vorlage
from .options import guard_options, index_option, quiet_option, size


@click.command()
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
@guard_options
@click.option(
    "--max-size",
    default="200M",
    show_default=True,
    callback=lambda ctx, param, value: size(value),
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
def ingest(paths: tuple[Path, ...], index_dir: Path, backend: str, no_copy: bool, koerperschaft: str | None,
           memory_limit: int, report_file: Any, quiet: bool, **options: Any) -> None:  # fmt: skip
    """Ingest files and folders (recursively) into the index.

    Every path gets one outcome, printed as it happens: added, unchanged, duplicate of PATH,
    skipped: REASON (not a document), failed: REASON (a document that cannot be read; on stderr).
    Exit 0 when every document was ingested or skipped, 3 when some failed (in this run or before)."""
    from ..console import IngestConsole, summary

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
                koerperschaft=" ".join((koerperschaft or "").split()) or None,
                memory_mb=memory_limit,
                max_bytes=options.pop("max_size"),
                **options,
            )
    except KeyboardInterrupt:
        console.close()
        click.echo(f"interrupted after {console.count} paths; what was added is kept (run again to go on)", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    finally:
        signal.signal(signal.SIGTERM, previous)
    console.close()
    click.echo(summary(report))
    if report.failed:
        sys.exit(int(ExitCode.PARTIAL_FAILURE))


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # SIGTERM stops an ingest as Ctrl-C does: committed work stays


@click.command()
@index_option
@click.option(
    "--no-clear",
    is_flag=True,
    help="Add this store's records without emptying the index first (later machines of a shared OpenSearch index).",
)
@quiet_option
def reindex(index_dir: Path, backend: str, no_clear: bool, quiet: bool) -> None:
    """Rebuild the search index from the record store."""
    with Archive(index_dir, backend) as archive:
        n = archive.reindex(progress=Progress(quiet), on_wait=lambda m: click.echo(m, err=True), clear=not no_clear)
    click.echo(f"reindex: {n} records indexed", err=True)


@click.command(short_help="Verify the originals and the search index against the store.")
@index_option
@click.option("--repair", is_flag=True, help="Fix what the store can: index missing records, rebuild a stale index.")
@quiet_option
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


@click.command("eval", short_help="Per-field accuracy of the extraction on a labelled set.")
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
@quiet_option
def eval_(
    labels: Path, root: Path | None, misses: Path | None, timeout: float, ocr_cache: Path | None, quiet: bool
) -> None:
    """Per-field accuracy of the extraction against a labelled set (JSON Lines like labels/dev.jsonl)."""
    from ..evaluate import evaluate, format_table

    progress = Progress(quiet)

    def extract_files(paths: list[Path]) -> Iterator[tuple[Path, Vorlage | str]]:
        results = Archive.extract_many(paths, timeout=timeout, ocr_cache=ocr_cache)
        for done, (p, result) in enumerate(results, start=1):
            progress(done, len(paths), str(p))
            yield p, _reason(result) if isinstance(result, ArchivError) else result[0]

    report = evaluate(labels, root or labels.resolve().parent.parent, extract_files)
    click.echo(format_table(report))
    if misses:
        with misses.open("w", encoding="utf-8") as fh:
            for m in report.misses:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")


def _reason(e: ArchivError) -> str:
    return e.reason if isinstance(e, InputFileError) else str(e)


@click.command(short_help="Serve the web interface, JSON API, OParl and feeds.")
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
    from ..errors import MissingDependencyError
    from ..oparl.settings import check_base_url, resolve_base_url

    try:
        import uvicorn

        from ..web import create_app
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
