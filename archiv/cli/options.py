"""Options shared by several commands: the index, the output format, the search filters, sizes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..archive import DEFAULT_BACKEND
from ..extract.normalize import parse_date
from ..guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from ..search import BACKENDS, OPENSEARCH, Filters

# The output formats of every listing command (search, similar, show, extract, export).
FORMATS = ("text", "json", "jsonl", "csv")
FORMAT_ALIASES = {"table": "text"}  # the older name of text output (search, similar, show)


class FormatChoice(click.Choice):
    """The listing formats (plus a command's own), accepting the older spellings as aliases."""

    def __init__(self, extra: tuple[str, ...] = ()) -> None:
        super().__init__([*FORMATS, *extra])

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(FORMAT_ALIASES.get(value, value), param, ctx)


def format_option(default: str = "text", extra: tuple[str, ...] = (), help: str = "") -> Callable:
    return click.option(
        "--format",
        "fmt",
        type=FormatChoice(extra),
        default=default,
        show_default=True,
        help="Output: text, json (one document), jsonl (one line per item) or csv" + (f"; {help}" if help else "."),
    )


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


def guard_options(f: Callable) -> Callable:
    f = click.option(
        "--memory-limit", type=int, default=DEFAULT_MEMORY_MB, show_default=True, help="MiB allowed per file."
    )(f)
    return click.option(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds allowed per file."
    )(f)


def quiet_option(f: Callable) -> Callable:
    return click.option("-q", "--quiet", is_flag=True, help="No progress output.")(f)


# The filters of a search: each named as its Filters field, in the CLI and on the web alike.
FILTER_HELP = {
    "gremium": "Only Vorlagen consulted by this Gremium.",
    "art": "Only this kind of paper (Beschlussvorlage, Antrag, ...).",
    "fachbereich": "Only this lead office.",
    "koerperschaft": 'Only papers of this body ("Stadt Trier").',
    "einreicher": "Only papers submitted by this Fraktion, office holder or member.",
    "jahr": "Only this year.",
    "ergebnis": "Only Vorlagen with a decision of this outcome (abgelehnt, vertagt, ...).",
}


def filter_options(f: Callable) -> Callable:
    """The filter options; the command receives them as one ``filters`` argument (a Filters)."""
    f = click.option("--bis", "--to", "bis", help="Up to this date (YYYY-MM-DD or DD.MM.YYYY; alias --to).")(f)
    f = click.option("--von", "--from", "von", help="From this date (YYYY-MM-DD or DD.MM.YYYY; alias --from).")(f)
    for name, text in reversed(FILTER_HELP.items()):
        f = click.option(f"--{name}", help=text)(f)
    return f


def filters_of(values: dict[str, Any]) -> Filters:
    """The Filters of the filter options (taken out of ``values``), dates checked."""
    named = {name: values.pop(name) for name in FILTER_HELP}
    von, bis = values.pop("von"), values.pop("bis")
    return Filters(**named, von=check_date(von, "--von"), bis=check_date(bis, "--bis"))


def check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    iso = parse_date(value)
    if iso is None:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD or DD.MM.YYYY)", param_hint=option)
    return iso


def size(value: str) -> int:
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
