"""Jinja2 templates with autoescaping on, and the one way markup from a document reaches a page.

Everything a template prints is escaped, except what ``snippet_html`` returns: the search snippet
is escaped text with <mark> around the matched words, and that function rebuilds it from its
text pieces, so nothing but <mark> can come through even if the snippet were built wrongly.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..search.snippets import marked_html

TEMPLATES = Path(__file__).parent / "templates"
_MARK = re.compile(r"(</?mark>)")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")  # fmt: skip


def hit_snippet(hit: Any) -> Markup:
    """A search hit's snippet with its matched words in <mark> (from the hit's offsets)."""
    return snippet_html(marked_html(hit.snippet, hit.marks))


def snippet_html(snippet: str) -> Markup:
    out: list[str] = []
    open_mark = False
    for part in _MARK.split(snippet):
        if part == "<mark>" and not open_mark:
            out.append(part)
            open_mark = True
        elif part == "</mark>" and open_mark:
            out.append(part)
            open_mark = False
        elif part not in ("<mark>", "</mark>"):
            out.append(str(escape(html.unescape(part))))
    if open_mark:
        out.append("</mark>")
    return Markup("".join(out))


def de_date(iso: str | None) -> str:
    """2025-09-02 -> 02.09.2025; anything else as it is."""
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return iso or ""
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def de_datetime(stamp: str | None) -> str:
    """An ISO timestamp as a German date and time (minutes), for the 'aufgenommen' line."""
    if not stamp:
        return ""
    m = re.match(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", stamp)
    return f"{de_date(m.group(1))}, {m.group(2)} Uhr" if m else stamp


def yes_no(value: bool | None) -> str:
    return {True: "ja", False: "nein", None: "unbekannt"}[value]


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        snippet=snippet_html, hit_snippet=hit_snippet, de_date=de_date, de_datetime=de_datetime, yes_no=yes_no
    )
    return env


_ENV = environment()


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(**context)
