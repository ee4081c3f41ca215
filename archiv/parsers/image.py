"""Scanned pages as image files: PNG, JPEG and (multi-page) TIFF, every frame OCRed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..errors import InputFileError
from ..models import ExtractedText, Page, ParseOptions, Source
from .format import Format
from .ocr import RENDER_DPI, PageOcr


class ImageParser:
    def __init__(self, options: ParseOptions | None = None) -> None:
        self.options = options

    def parse(self, source: Source, data: bytes) -> ExtractedText:
        from PIL import Image, UnidentifiedImageError

        from .scanprep import MAX_PIXELS  # here: scanprep loads numpy

        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            image = Image.open(io.BytesIO(data))
            frames = getattr(image, "n_frames", 1)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as e:
            raise InputFileError(source.path, f"not a readable image ({e})") from e
        ocr = PageOcr(source.path, self.options, total=frames)
        done = ocr.run(_frames(source.path, image, frames))
        pages = tuple(Page(number, page.text, "ocr") for number, page in done.items())
        return ExtractedText(source=source, format="image-ocr", pages=pages, paged=True, ocr_confidence=ocr.confidence)


def _frames(path: str, image: Any, frames: int) -> Iterator[tuple[int, Any, int]]:
    """Each frame in grey, with its resolution where the file states one (else 300 dpi)."""
    from PIL import Image, ImageOps

    from .scanprep import MAX_PIXELS

    for index in range(frames):
        try:
            image.seek(index)
            if image.width * image.height > MAX_PIXELS:
                raise InputFileError(path, f"page {index + 1} is larger than {MAX_PIXELS // 10**6} megapixels")
            # A phone photo is often stored sideways with an EXIF turn; a scanner's TIFF never is.
            frame = ImageOps.exif_transpose(image) if index == 0 else image
            frame = _grey(frame)
        except (OSError, ValueError, Image.DecompressionBombError) as e:
            raise InputFileError(path, f"page {index + 1} of the image cannot be decoded ({e})") from e
        dpi = image.info.get("dpi", (RENDER_DPI, RENDER_DPI))[0]
        yield index + 1, frame, int(dpi) if 70 <= dpi <= 1200 else RENDER_DPI


def _grey(frame: Any) -> Any:
    """8-bit grey on white paper, whatever the file stores."""
    from PIL import Image

    if frame.mode in ("I;16", "I;16B", "I;16L", "I"):
        return frame.point(lambda v: v * (1 / 256)).convert("L")  # 16 bits per pixel
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")  # transparent means paper, not black
    return frame.convert("L")


def _is_image(head: bytes) -> bool:
    return head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))  # PNG, JPEG, TIFF


# The media type of a PNG, JPEG or TIFF is guessed from the file's name.
FORMAT = Format("image", _is_image, None, lambda options, _: ImageParser(options), ("image-ocr",))
