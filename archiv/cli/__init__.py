"""The archiv command line: thin commands over Archive; the one place where errors become exit codes.

Each command parses its options, calls the library (archiv.archive.Archive) and hands the result to
one writer of ``output``. Names follow one rule (README, "Names"): a filter is called by its
German field name everywhere, ``--von``/``--bis`` for dates, as in ``Filters`` and the web.
"""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..errors import ArchivError, ExitCode
from .admin import check, eval_, ingest, reindex, serve
from .reading import export, extract, show, vorgang
from .searching import search, similar


class ArchivGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ArchivError as e:
            click.echo(f"error: {e}", err=True)
            ctx.exit(int(e.exit_code))
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))


@click.group(cls=ArchivGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="archiv")
def cli() -> None:
    """archiv: extract the fields of German council Vorlagen and search them."""


for command in (extract, ingest, search, similar, show, vorgang, export, reindex, check, eval_, serve):
    cli.add_command(command)


def main() -> None:
    cli()
