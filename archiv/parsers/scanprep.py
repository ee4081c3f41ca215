"""Clean a scanned page before OCR: turn it straight and take out the rules of tables.

Tesseract reads a ruled Beratungsfolge table as noise ("|", "_", "—" and invented words): the
rules touch the letters and, on a page turned by a degree or two, cut through whole rows. So the
page is first deskewed (the angle whose horizontal projection has the sharpest peaks, that is
where the text lines run straight), then every long straight dark run is painted white. The
prepared page keeps the scan and the angle, so that secondlook.py can draw a line once more
without interpolation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from PIL.Image import Image

# Angles tried, in degrees: a scanner's skew is small; a page turned more is a case for OSD.
MAX_SKEW = 4.0
SKEW_STEP = 0.1
# Runs of dark pixels at least this long (in inches) are rules, not letters: a 20 pt capital is
# about 0.2 inch high and its bars are shorter than 0.3 inch.
RULE_INCHES = 0.5
DARK = 160


# The largest page image decoded at all: beyond it a file is refused before it is decoded (a
# decompression bomb unpacks a tiny file to gigapixels). 120 megapixels is an A0 plan at about 280 dpi,
# 360 MB decoded in colour: well inside the worker's memory limit.
MAX_PIXELS = 120_000_000
# Pages above this size (an A4 page at more than 600 dpi, an A1 plan at 300 dpi) are scaled down to it
# before OCR: Tesseract gains nothing from more pixels, and deskewing them costs time and memory.
OCR_PIXELS = 36_000_000


@dataclass(frozen=True, eq=False)  # compared by identity: it holds arrays
class PreparedPage:
    """A page ready for Tesseract, and what it takes to draw it once more another way."""

    image: Image  # grey, deskewed (bicubic), without the rules of tables: what Tesseract reads
    dpi: int
    scan: Image  # the page before the deskew
    angle: float  # the deskew, in degrees (0: none)
    rules: np.ndarray | None  # the pixels painted white as table rules

    def sharp(self) -> Image:
        """The page turned with nearest neighbour instead of bicubic: every pixel is one of the
        scan's, no letter edge blurred (but stairs on straight edges); rules painted white alike."""
        from PIL import Image as PilImage

        turned = self.scan.rotate(self.angle, resample=PilImage.NEAREST, fillcolor=255) if self.angle else self.scan
        return paint_white(turned, self.rules)


def prepare(image: Image, dpi: int) -> PreparedPage:
    """The page in grey, deskewed, without the rules of tables; and its resolution now."""
    from PIL import Image as PilImage

    pixels = image.width * image.height
    if pixels > OCR_PIXELS:
        scale = (OCR_PIXELS / pixels) ** 0.5
        image = image.resize((int(image.width * scale), int(image.height * scale)), PilImage.LANCZOS)
        dpi = max(1, round(dpi * scale))
    angle = skew_angle(image)
    if abs(angle) < SKEW_STEP:
        angle = 0.0
    straight = image.rotate(angle, resample=PilImage.BICUBIC, fillcolor=255) if angle else image
    rules = rule_mask(straight, dpi)
    return PreparedPage(paint_white(straight, rules), dpi, image, angle, rules)


def skew_angle(image: Image) -> float:
    """The page's skew in degrees (what ``image.rotate`` needs to straighten it)."""
    from PIL import Image as PilImage

    scale = 800 / max(image.size)
    small = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))), PilImage.BILINEAR)
    dark = PilImage.fromarray(((np.asarray(small) < DARK) * 255).astype(np.uint8), "L")
    if not np.asarray(dark).any():
        return 0.0
    best, best_score = 0.0, -1.0
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + SKEW_STEP / 2, SKEW_STEP):
        profile = np.asarray(dark.rotate(float(angle), resample=PilImage.NEAREST, fillcolor=0), dtype=np.float32)
        rows = profile.sum(axis=1)
        score = float(np.square(np.diff(rows)).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


def _long_runs(dark: np.ndarray, length: int) -> np.ndarray:
    """The dark pixels that belong to a horizontal run of at least ``length`` pixels."""
    rows, n = dark.shape
    if n < length:
        return np.zeros_like(dark)
    cs = np.zeros((rows, n + 1), dtype=np.int32)
    np.cumsum(dark, axis=1, dtype=np.int32, out=cs[:, 1:])
    full = (cs[:, length:] - cs[:, :-length]) == length  # the window that starts here is all dark
    # A pixel is on a rule when an all-dark window covers it: count the full windows that start
    # in the ``length`` pixels up to it.
    cf = np.zeros((rows, n + 1), dtype=np.int32)
    np.cumsum(full, axis=1, dtype=np.int32, out=cf[:, 1 : full.shape[1] + 1])
    cf[:, full.shape[1] + 1 :] = cf[:, full.shape[1] : full.shape[1] + 1]
    hi = cf[:, 1:]  # windows starting at or before the pixel
    lo = np.zeros_like(hi)
    lo[:, length:] = cf[:, 1 : n + 1 - length]  # windows that end before the pixel
    return (hi - lo) > 0


def rule_mask(image: Image, dpi: int) -> np.ndarray | None:
    """The pixels of the long straight dark runs (table rules, form lines) and their fringe; None
    when the page has none."""
    dark = np.asarray(image) < DARK
    length = max(20, int(RULE_INCHES * dpi))
    rules = _long_runs(dark, length) | _long_runs(dark.T, length).T
    if not rules.any():
        return None
    # The rule's fringe (grey after the deskew) goes too: two pixels around it.
    grown = rules.copy()
    for _ in range(2):
        edge = grown.copy()
        edge[1:, :] |= grown[:-1, :]
        edge[:-1, :] |= grown[1:, :]
        edge[:, 1:] |= grown[:, :-1]
        edge[:, :-1] |= grown[:, 1:]
        grown = edge
    return grown


def paint_white(image: Image, mask: np.ndarray | None) -> Image:
    from PIL import Image as PilImage

    if mask is None:
        return image
    return PilImage.fromarray(np.where(mask, 255, np.asarray(image)).astype(np.uint8), "L")
