"""What a parse worker needs before its first file, preloaded once in the guarded pool's fork server
(archiv/guard.py, ``preload``): the pipeline's modules, spaCy with archiv's entity rules, and the PDF
libraries. Every worker forked from the server starts with them loaded; its records are the same as
those of a worker that loads them on its first file.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfplumber  # noqa: F401  (tables on the pages pdftable declines)
import pypdfium2  # noqa: F401

from . import pipeline  # noqa: F401  (the task itself, with every parser)
from .extract import fields, niederschrift, provenance  # noqa: F401  (extract() imports them when first called)
from .extract.entities import load_pipeline
from .parsers import pdftable  # noqa: F401

CLI_INFO = "spacy.cli.info"


@contextmanager
def spacy_cli_deferred() -> Iterator[None]:
    """While spaCy is imported here, its ``spacy.info`` comes from a stand-in that imports the real
    one when called. spaCy's package imports its command line for that one name (weasel, typer,
    httpx, requests: about a quarter of ``import spacy``, on the path to the first worker), and no
    worker runs spaCy's command line. Only in this fork server, which runs archiv's workers alone;
    the stand-in leaves sys.modules once spaCy is loaded, so a later import of spacy.cli is the real one."""
    if "spacy" in sys.modules or CLI_INFO in sys.modules:
        yield
        return
    stand_in = types.ModuleType(CLI_INFO)

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real  # the real module: the stand-in has left sys.modules

        return real(*args, **kwargs)

    stand_in.info = info  # type: ignore[attr-defined]
    sys.modules[CLI_INFO] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(CLI_INFO) is stand_in:
            del sys.modules[CLI_INFO]


with spacy_cli_deferred():
    load_pipeline()
