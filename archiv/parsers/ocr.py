"""OCR of page images with Tesseract (German model), in parallel, with a cache.

Why pytesseract (Tesseract's CLI, per page) and not OCRmyPDF: OCRmyPDF turns a PDF into another
PDF; we need the text, the word confidences and per-page control. Here pypdfium2 renders only
the pages without a text layer (a mixed PDF keeps its text pages untouched; OCRmyPDF stops on such
a PDF with exit code 6 unless told to skip or redo those pages), each page image is hashed and
looked up in the cache before Tesseract runs (OCRmyPDF has no cache), and the mean word confidence
comes from Tesseract's TSV output. Deskew and the removal of table rules are our own (scanprep.py,
0.1-0.5 s a page) instead of OCRmyPDF's unpaper/Leptonica steps. On the real scanned Anlage
(10 pages) OCRmyPDF 17 took 19.7 s with -j 1 and 21.2 s with -j 2 on a busy machine, about what
Tesseract alone takes, so it brings no speed either.

Parallelism: the guarded worker that parses a file is a daemon process and may not start a
multiprocessing pool, so the pool is one of Tesseract processes, driven by a few threads (the
threads wait for Tesseract; numpy and Pillow release the GIL while preparing a page). Each
Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): with its OpenMP threads one page took 12 s
instead of 3 s on two cores, and one process per core scales.

After the page, the lines with words Tesseract was unsure of get a second look (secondlook.py):
one more Tesseract run per page, on those lines only.

The cache holds Tesseract's TSV (words, boxes, confidences) per page image, with the words the
second look changed, keyed by the sha256 of the image's pixels, so the text can be rebuilt from
it without running Tesseract again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..cpus import cpus
from ..errors import InputFileError, MissingDependencyError
from ..models import ParseOptions
from .ocrtext import layout_text, mean_confidence, parse_tsv, replace_words

if TYPE_CHECKING:
    from PIL.Image import Image

LANG = "deu"
# One uniform block per page: the rows of a Beratungsfolge stay rows (psm 3 may cut a table
# into column blocks) and a Vorlage is a single column of text.
PSM = 6
RENDER_DPI = 300
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-deu"
# Tesseract's own settings are part of the cache folder's name: other settings, other results.
# Bump PREP when scanprep changes what Tesseract sees, or secondlook what is made of its reading.
PREP = 3
CACHE_FLAVOUR = f"tesseract-{LANG}-psm{PSM}-prep{PREP}"


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float | None  # mean word confidence, 0-100; None when no word was found
    words: int
    cached: bool
    seconds: float


# -- Tesseract ----------------------------------------------------------------------------------


def tesseract_cmd() -> str:
    """The Tesseract binary: ARCHIV_TESSERACT if set, else ``tesseract`` on the PATH."""
    return os.environ.get("ARCHIV_TESSERACT") or "tesseract"


def require_tesseract() -> str:
    """The path of a Tesseract that has the German model; MissingDependencyError otherwise."""
    found = shutil.which(tesseract_cmd())
    if not found:
        raise MissingDependencyError("Tesseract OCR (tesseract with the German model)", INSTALL)
    if LANG not in _languages(found):
        raise MissingDependencyError(f"Tesseract's German model ('{LANG}')", INSTALL)
    return found


def tesseract_available() -> bool:
    try:
        require_tesseract()
    except MissingDependencyError:
        return False
    return True


@lru_cache(maxsize=4)
def _languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def run_tesseract(binary: str, image: Image, dpi: int, timeout: float | None) -> str:
    """Tesseract's TSV of one page image (psm 6)."""
    # A raw PGM is written in milliseconds; pytesseract's own PNG costs 0.15 s per page.
    with tempfile.NamedTemporaryFile(suffix=".pgm", prefix="archiv-ocr-") as f:
        image.save(f, "PPM")
        f.flush()
        return _tesseract_tsv(binary, f.name, PSM, dpi, timeout)


def read_lines(binary: str, images: Sequence[Image], dpi: int, timeout: float | None) -> list[list[tuple[str, float]]]:
    """Each image read as a single line (psm 7), all by one Tesseract (it loads its model once):
    the words of each image, in order, with their confidence."""
    with tempfile.TemporaryDirectory(prefix="archiv-ocr-") as folder:
        names = []
        for i, image in enumerate(images):
            names.append(os.path.join(folder, f"{i:04d}.pgm"))
            image.save(names[-1], "PPM")
        listing = os.path.join(folder, "images.txt")  # a text file: Tesseract reads it as a list of images
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(names) + "\n")
        tsv = _tesseract_tsv(binary, listing, 7, dpi, timeout)
    words: list[list[tuple[str, float]]] = [[] for _ in images]
    for row in tsv.split("\n")[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            image, conf = int(cells[1]), float(cells[10])
        except ValueError:
            continue
        if 1 <= image <= len(words):
            words[image - 1].append((cells[11].strip(), conf))
    return words


def _tesseract_tsv(binary: str, path: str, psm: int, dpi: int, timeout: float | None) -> str:
    import pytesseract

    pytesseract.pytesseract.tesseract_cmd = binary
    try:
        return pytesseract.image_to_data(path, lang=LANG, config=f"--psm {psm} --dpi {dpi}", timeout=timeout or 0)
    except pytesseract.TesseractNotFoundError as e:
        raise MissingDependencyError("Tesseract OCR (tesseract with the German model)", INSTALL) from e


# -- cache --------------------------------------------------------------------------------------


def image_key(image: Image) -> str:
    """sha256 of the page image's pixels (with its size and mode): the same page, the same key."""
    h = hashlib.sha256(f"{image.mode} {image.width}x{image.height}\n".encode())
    h.update(image.tobytes())
    return h.hexdigest()


class OcrCache:
    """One gzip'd TSV per page image under ``folder/<flavour>/<key[:2]>/<key>.tsv.gz``."""

    def __init__(self, folder: str | Path) -> None:
        self.dir = Path(folder) / CACHE_FLAVOUR

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.tsv.gz"

    def get(self, key: str) -> str | None:
        try:
            return gzip.decompress(self._path(key).read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError):  # absent or damaged: OCR again
            return None

    def put(self, key: str, tsv: str) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed: a reader never sees half a file, two writers never clash.
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(gzip.compress(tsv.encode("utf-8"), compresslevel=6, mtime=0))
            os.replace(tmp, path)
        except OSError:  # a read-only index folder: the text is still right, only not kept
            pass


# -- the pool -----------------------------------------------------------------------------------


class PageOcr:
    """OCR of the page images of one file: cache first, then Tesseract in parallel."""

    def __init__(self, label: str, options: ParseOptions | None = None, total: int | None = None) -> None:
        options = options or ParseOptions()
        self.label = label
        self.total = total
        self.cache = OcrCache(options.ocr_cache) if options.ocr_cache else None
        self.workers = max(1, options.ocr_workers or cpus())
        # Stop cleanly a little before the guard would kill the worker: the pages done so far
        # stay in the cache, and the message says how to go on.
        self.budget = options.time_budget
        self.deadline = time.monotonic() + self.budget * 0.9 - 2 if self.budget else None
        self.progress = options.progress
        self._lock = threading.Lock()
        self._scores: list[float] = []

    def run(self, images: Iterable[tuple[int, Image, int]]) -> dict[int, OcrPage]:
        """``images`` yields (page number, image, dpi), lazily; returns page number -> OcrPage."""
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        results: dict[int, OcrPage] = {}
        futures: dict[int, Future[OcrPage]] = {}
        binary: str | None = None
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="ocr") as pool:
            for number, image, dpi in images:
                key = image_key(image)
                tsv = self.cache.get(key) if self.cache else None
                if tsv is not None:
                    results[number] = self._page(number, tsv, cached=True, seconds=0.0)
                    continue
                binary = binary or require_tesseract()
                self._check_time(number)
                futures[number] = pool.submit(self._ocr, binary, number, image, dpi, key)
                # At most two pages per Tesseract wait in memory (a 300 dpi page is 9 MB of pixels).
                while sum(1 for f in futures.values() if not f.done()) > 2 * self.workers:
                    next(f for f in futures.values() if not f.done()).exception()
            for number, future in futures.items():
                results[number] = future.result()
        return dict(sorted(results.items()))

    def _check_time(self, number: int) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise self._timeout(number)

    def _timeout(self, number: int) -> InputFileError:
        of = f" of {self.total}" if self.total else ""
        return InputFileError(
            self.label,
            f"OCR took longer than the {self.budget:g} s allowed (at page {number}{of}); the pages done so far "
            "are cached: run it again with a larger --timeout",
        )

    def _ocr(self, binary: str, number: int, image: Image, dpi: int, key: str) -> OcrPage:
        started = time.monotonic()
        from .scanprep import prepare
        from .secondlook import second_look

        try:
            page = prepare(image, dpi)
            tsv = run_tesseract(binary, page.image, page.dpi, self._time_left())
            # The cache keeps the text after the second look: a cached page needs no Tesseract.
            fixes = second_look(
                parse_tsv(tsv), page, lambda crops, crop_dpi: read_lines(binary, crops, crop_dpi, self._time_left())
            )
            tsv = replace_words(tsv, fixes)
        except RuntimeError as e:  # pytesseract's timeout
            if "timeout" in str(e).lower():
                raise self._timeout(number) from e
            raise
        if self.cache:
            self.cache.put(key, tsv)
        return self._page(number, tsv, cached=False, seconds=time.monotonic() - started)

    def _time_left(self) -> float | None:
        return max(1.0, self.deadline - time.monotonic()) if self.deadline is not None else None

    def _page(self, number: int, tsv: str, *, cached: bool, seconds: float) -> OcrPage:
        words = parse_tsv(tsv)
        conf = mean_confidence(words)
        page = OcrPage(layout_text(words), conf, len(words), cached, seconds)
        with self._lock:
            self._scores.extend(w.conf for w in words if w.conf >= 0)
            self._report(number, page)
        return page

    def _report(self, number: int, page: OcrPage) -> None:
        if not self.progress:
            return
        of = f"/{self.total}" if self.total else ""
        how = "cached" if page.cached else f"{page.seconds:.1f} s"
        conf = f", confidence {page.confidence:.0f}" if page.confidence is not None else ""
        # The process's own stderr: in a worker forked from a test runner, sys.stderr may be a copy
        # of the runner's buffer that nobody reads.
        err = sys.__stderr__ or sys.stderr
        lead = "\r\x1b[K" if err.isatty() else ""
        err.write(f"{lead}ocr: {self.label}: page {number}{of} ({how}{conf})\n")
        err.flush()

    @property
    def confidence(self) -> float | None:
        """Mean word confidence over every page OCRed (or read from the cache) so far."""
        return round(sum(self._scores) / len(self._scores), 1) if self._scores else None
