"""What a parse worker needs before its first file, preloaded once in the guarded pool's fork server
(archiv/guard.py, ``preload``): the pipeline's modules, spaCy with archiv's entity rules, and the PDF
libraries. Every worker forked from the server starts with them loaded; its records are the same as
those of a worker that loads them on its first file.
"""

from __future__ import annotations

import pdfplumber  # noqa: F401  (tables on the pages pdftable declines)
import pypdfium2  # noqa: F401

from . import pipeline  # noqa: F401  (the task itself, with every parser and field reader)
from .extract.entities import load_pipeline
from .parsers import pdftable  # noqa: F401

load_pipeline()
