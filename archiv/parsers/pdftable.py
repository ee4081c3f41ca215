"""Ruled tables read from pdfium's objects, with pdfplumber's own table finder.

pdfplumber's ``extract_tables`` spends nearly all its time in pdfminer, which interprets every
glyph of the page in Python (~250 ms a page) before the table finder sees a single rule. The finder
itself needs little: the page's rules (line, rectangle and curve objects turned into edges) and the
characters inside the tables found. pdfium has both at C speed, so this module builds pdfplumber's
object dictionaries from pdfium (paths classified exactly as pdfminer does, characters with
pdfminer's box: the advance width across, the font size high, the descent below the baseline) and
hands them to ``pdfplumber.table.TableFinder`` and ``Table.extract``: the same snapping, joining,
cell finding and cell text as before, on the same geometry.

Characters are read only when the rules form a table, and only those inside one. A page this
reader cannot vouch for (rotated, a page box not at the origin, a rotated or vertical character in
a table, a glyph without a Unicode mapping) returns None, and the caller asks pdfplumber.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import pypdfium2.raw as pdfium_c

# pdfium's path segment types
_LINETO, _BEZIERTO, _MOVETO = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO, pdfium_c.FPDF_SEGMENT_MOVETO
_PATH, _FORM, _TEXT = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_TEXT
_PDFIUM_HYPHEN = (0x2, 0xFFFE)  # a hyphen at a line end, in pdfium's characters and in its text
_SLACK = 12.0  # points: pdfium's box sits up to ~0.3 em off pdfminer's vertically
_LINE_REACH = 40.0  # points
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class Unsupported(Exception):
    """Something on the page this reader does not reproduce as pdfminer would: use pdfplumber."""


def read_page_tables(pdf_page: Any, textpage: Any) -> list[list[list[str | None]]] | None:
    """``pdfplumber``'s ``page.extract_tables()`` for a pypdfium2 page; None where only pdfplumber
    can say (the caller then opens the page with pdfplumber)."""
    from pdfplumber.table import TableFinder, TableSettings

    try:
        if pdfium_c.FPDFPage_GetRotation(pdf_page.raw) != 0:
            raise Unsupported("rotated page")
        # pdfminer and pdfplumber place everything in the MediaBox (a CropBox changes nothing)
        left, bottom, right, top = pdf_page.get_mediabox()
        if (left, bottom) != (0, 0):
            raise Unsupported("page box not at the origin")
        height = top - bottom
        settings = TableSettings.resolve(None)
        objects = _Objects(height)
        page = pdf_page.raw
        for i in range(pdfium_c.FPDFPage_CountObjects(page)):
            objects.collect(pdfium_c.FPDFPage_GetObject(page, i), _IDENTITY)
        layout = _Layout((0, 0, right - left, height), [], objects.edges())
        tables = TableFinder(layout, settings).tables
        if not tables:
            return []
        boxes = [t.bbox for t in tables]
        layout.chars = _chars(textpage, height, boxes) + objects.blanks(boxes)
        return [_extract(table, layout.chars, settings.text_settings or {}) for table in tables]
    except Unsupported:
        return None


def _extract(table: Any, chars: list[dict], settings: dict[str, Any]) -> list[list[str | None]]:
    """pdfplumber's ``Table.extract``: the same tests in the same order, with each character's
    middle worked out once rather than once per row and cell (a fifth of a Vorlage's time)."""
    from pdfplumber.utils import extract_text

    kwargs = dict(settings)
    placed = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in chars]
    rows = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        in_row = [p for p in placed if x0 <= p[0] < x1 and top <= p[1] < bottom]
        cells: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            cell_chars = [p[2] for p in in_row if cx0 <= p[0] < cx1 and ctop <= p[1] < cbottom]
            if not cell_chars:
                cells.append("")
                continue
            if "layout" in kwargs:
                kwargs.update(layout_width=cell[2] - cell[0], layout_height=cell[3] - cell[1], layout_bbox=cell)
            cells.append(extract_text(cell_chars, **kwargs))
        rows.append(cells)
    return rows


class _Layout:
    """What pdfplumber's TableFinder and Table.extract read of a page: its box, edges and chars."""

    def __init__(self, bbox: tuple[float, float, float, float], chars: list[dict], edges: list[dict]) -> None:
        self.bbox = bbox
        self.chars = chars
        self.edges = edges


# -- rules -------------------------------------------------------------------------------------


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        raise Unsupported("object without a matrix")
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _concat(m: _Matrix, n: _Matrix) -> _Matrix:
    """``m`` then ``n`` (row vectors, as PDF writes them)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


class _Objects:
    """The page's painted paths as pdfminer classifies them, and its text objects of no width."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.lines: list[dict] = []
        self.rects: list[dict] = []
        self.curves: list[dict] = []
        self.spaces: list[tuple[Any, _Matrix]] = []

    def collect(self, obj: Any, outer: _Matrix) -> None:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _FORM:
            inner = _concat(_matrix(obj), outer)
            for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                self.collect(pdfium_c.FPDFFormObj_GetObject(obj, i), inner)
        elif kind == _PATH:
            for shape, pts in _subpaths(obj, _concat(_matrix(obj), outer)):
                _classify(shape, pts, self.height, self.lines, self.rects, self.curves)
        elif kind == _TEXT:
            left, bottom, right, top = (ctypes.c_float() for _ in range(4))
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and right.value - left.value < 0.01:
                # A text object of spaces only (Word writes each space as one): pdfium leaves it out of
                # its text page (and infers a space of its own), pdfminer has its blank characters,
                # which end a word in a cell.
                self.spaces.append((obj, _concat(_matrix(obj), outer)))

    def edges(self) -> list[dict]:
        """Edges in pdfplumber's order: lines, then rectangles' sides, then curves' segments."""
        from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

        return (
            [line_to_edge(x) for x in self.lines]
            + [e for r in self.rects for e in rect_to_edges(r)]
            + [e for c in self.curves for e in curve_to_edges(c)]
        )

    def blanks(self, boxes: list[tuple[float, float, float, float]]) -> list[dict]:
        """A blank character at the start of every space-only text object in one of ``boxes``."""
        out = []
        for obj, (a, b, c, d, x, y) in self.spaces:
            top_y = self.height - y
            if not any(x0 <= x <= x1 and top - _SLACK <= top_y <= bottom + _SLACK for x0, top, x1, bottom in boxes):
                continue
            if not (b == 0 and c == 0 and a > 0 and d > 0):
                raise Unsupported("rotated or mirrored text in a table")
            font_size = ctypes.c_float()
            if not pdfium_c.FPDFTextObj_GetFontSize(obj, font_size):
                raise Unsupported("text object without a font size")
            size = font_size.value * d
            descent = ctypes.c_float()
            if not pdfium_c.FPDFFont_GetDescent(pdfium_c.FPDFTextObj_GetFont(obj), ctypes.c_float(size), descent):
                raise Unsupported("font without a descent")
            bottom = self.height - (y + descent.value)
            out.append(_char_dict(" ", x, x, bottom - size, bottom, size))
        return out


def _subpaths(path: Any, m: _Matrix) -> list[tuple[str, list[tuple[float, float]]]]:
    """Each subpath as pdfminer sees it: operators "m", "l", "c", "h" and one point per operator
    (a curve's end point; "h" repeats the start), in page coordinates."""
    a, b, c, d, e, f = m
    x = ctypes.c_float()
    y = ctypes.c_float()
    out: list[tuple[str, list[tuple[float, float]]]] = []
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        seg = pdfium_c.FPDFPath_GetPathSegment(path, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _MOVETO:
            if shape:
                out.append(("".join(shape), pts))
            shape, pts, bezier = ["m"], [pt], 0
        elif kind == _LINETO:
            shape.append("l")
            pts.append(pt)
        elif kind == _BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:  # pdfium gives both control points and the end point as segments
                shape.append("c")
                pts.append(pt)
        else:
            raise Unsupported("unknown path segment")
        if not shape:
            raise Unsupported("path without a start point")
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            shape.append("h")
            pts.append(pts[0])
    if shape:
        out.append(("".join(shape), pts))
    return out


def _classify(shape: str, pts: list, height: float, lines: list, rects: list, curves: list) -> None:
    """pdfminer's reading of one painted subpath: a line, a rectangle, or a curve."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape, pts = shape[:-2] + "h", pts[:-2] + pts[-1:]  # a closing "l" to the start is redundant
    if re.fullmatch(r"mh+", shape) or shape == "m":
        return  # nothing drawn that pdfminer would keep
    if shape in ("mlh", "ml"):
        lines.append(_obj("line", pts[:2], height))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            rects.append(_obj("rect", [pts[0], pts[2]], height))
            return
    curves.append(_obj("curve", pts, height))


def _obj(kind: str, pts: list[tuple[float, float]], height: float) -> dict:
    """An object as pdfplumber's Page.process_object describes it (the keys the finder reads)."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = height - y1
    return {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "top": top,
        "bottom": height - y0,
        "doctop": top,
        "pts": [(px, height - py) for px, py in pts],
    }


# -- characters --------------------------------------------------------------------------------


def _chars(textpage: Any, height: float, boxes: list[tuple[float, float, float, float]]) -> list[dict]:
    """The characters whose middle lies in one of ``boxes`` (x0, top, x1, bottom), as pdfminer boxes them."""
    tp = textpage.raw
    count = pdfium_c.FPDFText_CountChars(tp)
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        raise Unsupported("pdfium's text does not map one to one onto its characters")
    # in PDF coordinates, with a little slack: pdfium's box is not pdfminer's vertically (the
    # finder decides exactly which cell a character is in)
    regions = [(x0, height - bottom - _SLACK, x1, height - top + _SLACK) for x0, top, x1, bottom in boxes]
    left = min(r[0] for r in regions)
    low = min(r[1] for r in regions)
    right = max(r[2] for r in regions)
    high = max(r[3] for r in regions)
    rect = pdfium_c.FS_RECTF()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    out: list[dict] = []
    font = _FontState()
    start = 0
    while start < count:
        end = text.find("\n", start)
        end = count if end < 0 else end + 1
        # pdfium breaks its lines where the baseline moves: a line whose first and last characters
        # lie far above or below every table holds none of their characters
        if _near(tp, text, start, end, rect, low - _LINE_REACH, high + _LINE_REACH):
            for i in range(start, end):
                if not loose_box(tp, i, rect):
                    continue
                h_mid = (rect.left + rect.right) / 2
                v_mid = (rect.top + rect.bottom) / 2
                if not (left <= h_mid <= right and low <= v_mid <= high):
                    continue
                if len(regions) > 1 and not any(r[0] <= h_mid <= r[2] and r[1] <= v_mid <= r[3] for r in regions):
                    continue
                char = _char(tp, i, text[i], rect, height, font)
                if char is not None:
                    out.append(char)
        start = end
    return out


def _near(tp: Any, text: str, start: int, end: int, rect: Any, low: float, high: float) -> bool:
    """Whether the line of characters ``start:end`` may reach into ``low``..``high`` (PDF y)."""
    printed = [i for i in range(start, end) if not text[i].isspace()]
    for i in printed[:1] + printed[-1:]:
        if not pdfium_c.FPDFText_GetLooseCharBox(tp, i, rect):
            return True  # no box to judge by: look at every character
        if low <= (rect.top + rect.bottom) / 2 <= high:
            return True
    return False


# FPDFText_GetTextObject returning the handle as a plain int, which compares by address
_text_object = ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
)


class _FontState:
    """Size and descent of the text object last met (characters of one object share them)."""

    def __init__(self) -> None:
        self.obj: int | None = None
        self.size = 0.0
        self.descent = 0.0


def _char(tp: Any, i: int, unicode: str, rect: Any, height: float, font: _FontState) -> dict | None:
    if unicode.isspace() and pdfium_c.FPDFText_IsGenerated(tp, i):
        return None  # a space or line break pdfium inferred; pdfminer has no such character
    code = ord(unicode)  # pdfium's text, one character per character index (checked by the caller)
    if code in _PDFIUM_HYPHEN:
        # pdfium marks a hyphen at a line end (U+002D or U+00AD) with U+0002 (U+FFFE in its text,
        # where a glyph without any Unicode value looks the same); printed at a line end, it is the
        # visible hyphen pdfminer reads as "-"
        if pdfium_c.FPDFText_GetUnicode(tp, i) != 0x2:
            raise Unsupported("character without a Unicode value")
        code = 0x2D
    if pdfium_c.FPDFText_HasUnicodeMapError(tp, i) == 1 or 0xD800 <= code < 0xE000 or code < 0x20:
        raise Unsupported("character without a Unicode mapping, or outside the BMP")
    handle = _text_object(tp, i)
    if handle != font.obj:
        obj = ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT)
        m = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(tp, i, m)
        if not (m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0):
            raise Unsupported("rotated or mirrored text in a table")
        size = pdfium_c.FPDFText_GetFontSize(tp, i) * m.d
        descent = ctypes.c_float()
        if not pdfium_c.FPDFFont_GetDescent(pdfium_c.FPDFTextObj_GetFont(obj), ctypes.c_float(size), descent):
            raise Unsupported("font without a descent")
        font.obj, font.size, font.descent = handle, size, descent.value
    ox = ctypes.c_double()
    oy = ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(tp, i, ox, oy)
    bottom = height - (oy.value + font.descent)
    top = bottom - font.size
    return _char_dict(chr(code), rect.left, rect.right, top, bottom, font.size)


def _char_dict(text: str, x0: float, x1: float, top: float, bottom: float, size: float) -> dict:
    """A character as pdfplumber describes it (the keys its table and text code read)."""
    return {
        "object_type": "char",
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": size,
        "size": size,
        "upright": True,
    }
