"""The archiv command's entry point ([project.scripts]), light on purpose.

A command that parses files starts the parse workers' fork server (archiv/guard.py) before the CLI
is imported: the server loads spaCy and the parsers on one core while this process loads the CLI,
scans the folders and readies the search index on the other. The server's workers import the
program's main script again (multiprocessing's rule), which only imports this module.
"""

from __future__ import annotations

import sys

from .guard import WORKER_PRELOAD, allow_fork_server, start_fork_server

PARSING_COMMANDS = {"ingest", "extract", "eval"}  # the commands whose files go through parse workers


def main() -> None:
    allow_fork_server()
    if len(sys.argv) > 1 and sys.argv[1] in PARSING_COMMANDS:
        start_fork_server(WORKER_PRELOAD)
    from .cli import main as run_cli

    run_cli()
