"""The README is the user's contract: every command and option is in it, each with a help text whose
summary `archiv --help` shows whole, and its exit-code table is the one archiv/errors.py holds."""

from __future__ import annotations

import re

import click
import pytest

from archiv.cli import cli
from archiv.errors import EXIT_CODES, QUERY_PROBLEMS
from archiv.web.params import QUERY_PROBLEMS_DE

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "archiv") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found += _commands(command, f"{prefix} {name}")
    return found


COMMANDS = _commands(cli)


def test_there_are_commands_to_check() -> None:
    assert {"archiv extract", "archiv ingest", "archiv search", "archiv show", "archiv export"} <= {
        n for n, _ in COMMANDS
    }


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    assert f"`{name}" in README, f"{name} is not in the README"
    summary = command.get_short_help_str(limit=60)
    assert command.help and summary and not summary.endswith("..."), f"{name}: summary cut off: {summary!r}"
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        assert param.help, f"{name} {param.opts[0]} has no help text"
        longest = max(param.opts + param.secondary_opts, key=len)
        assert f"`{longest}`" in README or f"`{longest} " in README, f"{name} {longest} is not in the README"


def test_exit_code_table_is_the_one_in_errors_py() -> None:
    rows = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", README, re.M))
    assert {int(code): text for code, text in rows.items()} == {int(c): t for c, t in EXIT_CODES.items()}


def test_every_query_problem_has_a_german_wording() -> None:
    assert set(QUERY_PROBLEMS) == set(QUERY_PROBLEMS_DE)
