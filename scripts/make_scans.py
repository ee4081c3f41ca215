#!/usr/bin/env python3
"""Make "scans" of our own sample Vorlagen, and their golden records.

Run with the project venv:  .venv/bin/python scripts/make_scans.py

Each scan is a sample of samples/pdf or samples/text printed and scanned again: the pages are
rendered at 300 dpi, turned by 1-2 degrees, blurred a little and given noise and dust, as a
flatbed scanner would. The output is deterministic (a fixed random seed per page):

- an image-only PDF (bilevel CCITT G4 pages, as scanners write them),
- a PNG (8-bit grey),
- a multi-page TIFF (bilevel, G4),
- a mixed PDF: the twin's first page keeps its text layer, the second is a scan.

The golden record of a scan is its twin's golden record; only source.format (and source.pages)
differ, because a scan says the same as the paper it was made from.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
OUT = SAMPLES / "scan"
DPI = 300
SEED = 20250417

# (twin, kind): the scan is named after its twin, "_scan" (or "_mixed") and the kind's suffix.
SCANS: tuple[tuple[str, str], ...] = (
    ("pdf/hohenfeld_vo-2024-0193_bebauungsplan.pdf", "pdf"),
    ("pdf/birkenweiler_an-2025-0021_antrag_radweg.pdf", "png"),
    ("text/wesertal_0412-2024_schulsanierung.txt", "tiff"),
    ("pdf/sandhorst_ds-19-2025_grunderwerb_spielplatz.pdf", "mixed"),
)
SUFFIX = {"pdf": "_scan.pdf", "png": "_scan.png", "tiff": "_scan.tif", "mixed": "_mixed.pdf"}


# -- printing a text export -------------------------------------------------------------------

_MARKUP = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|</?(?:i|b|u|em|strong)>", re.I)


def _plain(line: str) -> str:
    return _MARKUP.sub(lambda m: m.group(1) or m.group(2) or "", line)


def print_text(path: Path) -> bytes:
    """A text export as a word processor prints it: wrapped paragraphs, TAB rows as columns."""
    from reportlab import rl_config

    rl_config.invariant = 1
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    font, size, leading = "Helvetica", 10.5, 14.0
    left, right, top, bottom = 25 * mm, 20 * mm, 25 * mm, 22 * mm
    width = A4[0] - left - right
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    y = A4[1] - top

    def need(height: float) -> None:
        nonlocal y
        if y - height < bottom:
            c.showPage()
            y = A4[1] - top

    def wrap(text: str) -> list[str]:
        out, cur = [], ""
        for word in text.split():
            trial = f"{cur} {word}".strip()
            if cur and stringWidth(trial, font, size) > width:
                out.append(cur)
                cur = word
            else:
                cur = trial
        return [*out, cur] if cur else out

    lines = [_plain(ln) for ln in path.read_text(encoding="utf-8").split("\n")]
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            ncol = max(len(r) for r in rows)
            widths = [max(stringWidth(r[k], font, size) for r in rows if k < len(r)) for k in range(ncol)]
            stops = [0.0]
            for w in widths[:-1]:
                stops.append(stops[-1] + w + 8 * mm)
            for r in rows:
                need(leading)
                c.setFont(font, size)
                for k, cell in enumerate(r):
                    c.drawString(left + stops[k], y - size, cell)
                y -= leading
            continue
        text = lines[i].strip()
        i += 1
        if not text:
            y -= leading * 0.5
            continue
        for piece in wrap(text):
            need(leading)
            c.setFont(font, size)
            c.drawString(left, y - size, piece)
            y -= leading
    c.showPage()
    c.save()
    return buf.getvalue()


# -- scanning -----------------------------------------------------------------------------------


def render(pdf: bytes, pages: list[int] | None = None) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    numbers = pages or list(range(1, len(doc) + 1))
    out = [doc[n - 1].render(scale=DPI / 72, grayscale=True).to_pil().convert("L") for n in numbers]
    doc.close()
    return out


def scan(page: Image.Image, rng: np.random.Generator, *, bilevel: bool) -> Image.Image:
    """Turn, blur, add noise and dust: what a cheap flatbed scanner does to a printed page."""
    angle = float(rng.uniform(1.0, 2.0) * rng.choice([-1, 1]))
    img = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.9))
    px = np.asarray(img, dtype=np.float32)
    if bilevel:
        px = px + rng.normal(0.0, 28.0, px.shape)
        px = np.where(px < 150, 0, 255)
    else:
        # Grey paper, 16 grey levels (so that PNG still compresses) and a sparse grain.
        px = np.round((18 + px * 0.9) / 16) * 16
        grain = rng.random(px.shape) < 0.004
        px = np.where(grain, px - rng.uniform(40, 120, px.shape), px)
    img = Image.fromarray(np.clip(px, 0, 255).astype(np.uint8), "L")
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(int(rng.integers(15, 30))):  # dust
        x, y, r = int(rng.integers(0, w)), int(rng.integers(0, h)), float(rng.uniform(0.7, 1.8))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
    return img.convert("1", dither=Image.Dither.NONE) if bilevel else img


def image_pdf(images: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    stamp = "D:20250417000000Z"
    images[0].save(
        buf,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=DPI,
        creationDate=stamp,
        modDate=stamp,
        producer="archiv make_scans",
        title="",
    )
    return buf.getvalue()


def mixed_pdf(twin: bytes, scanned_page: Image.Image, keep: int) -> bytes:
    """The twin's first ``keep`` pages as they are (text layer), then one scanned page."""
    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(twin), list(range(keep)))
    out.import_pages(pdfium.PdfDocument(image_pdf([scanned_page])))
    buf = io.BytesIO()
    out.save(buf)
    # pdfium stamps the time and a random /ID: fix both (same length, so the xref stays valid).
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20250417000000", buf.getvalue())
    return re.sub(rb"/ID\[<[0-9A-F]{32}><[0-9A-F]{32}>\]", b"/ID[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]", data)


def make(twin_rel: str, name: str, kind: str) -> tuple[bytes, int]:
    twin = SAMPLES / twin_rel
    pdf = print_text(twin) if twin.suffix == ".txt" else twin.read_bytes()
    pages = render(pdf)
    seed = SEED + sum(name.encode())
    rng = np.random.default_rng(seed)
    if kind == "pdf":
        return image_pdf([scan(p, rng, bilevel=True) for p in pages]), len(pages)
    if kind == "png":
        if len(pages) != 1:
            raise SystemExit(f"{twin_rel}: a PNG holds one page, the twin has {len(pages)}")
        buf = io.BytesIO()
        scan(pages[0], rng, bilevel=False).save(buf, "PNG", optimize=True, dpi=(DPI, DPI))
        return buf.getvalue(), 1
    if kind == "tiff":
        scans = [scan(p, rng, bilevel=True) for p in pages]
        buf = io.BytesIO()
        scans[0].save(buf, "TIFF", save_all=True, append_images=scans[1:], compression="group4", dpi=(DPI, DPI))
        return buf.getvalue(), len(pages)
    if kind == "mixed":
        return mixed_pdf(pdf, scan(pages[-1], rng, bilevel=True), len(pages) - 1), len(pages)
    raise ValueError(kind)


def golden(twin_rel: str, kind: str, pages: int) -> dict:
    twin = SAMPLES / twin_rel
    record = json.loads((GOLDEN / twin.parent.name / f"{twin.stem}.expected.json").read_text(encoding="utf-8"))
    fmt = "image-ocr" if kind in ("png", "tiff") else "pdf-ocr"
    record["source"] = {"format": fmt, "pages": pages}
    return record


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    (GOLDEN / "scan").mkdir(parents=True, exist_ok=True)
    total = 0
    for twin_rel, kind in SCANS:
        name = Path(twin_rel).stem + SUFFIX[kind]
        data, pages = make(twin_rel, name, kind)
        (OUT / name).write_bytes(data)
        total += len(data)
        record = golden(twin_rel, kind, pages)
        target = GOLDEN / "scan" / f"{Path(name).stem}.expected.json"
        target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{OUT / name}: {pages} page(s), {len(data) // 1024} KiB")
    print(f"total {total // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
