"""HTML pages of council information systems (ALLRIS vo020, SessionNet vo0050, ...).

The page is rendered to text in which a table row is one line with its cells separated by
tabs, so "Betreff:" and its value cell read like the labelled lines of a text export; every
innermost table is also kept as a Table for the Beschlusslauf.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import ExtractedText, Page, Source, Table
from .format import Format
from .textutil import normalise_text

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser
    from selectolax.lexbor import LexborNode as Node

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_SKIP = {"script", "style", "noscript", "template", "head", "nav", "button", "select", "form", "svg", "iframe"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tfoot", "caption", "blockquote", "pre",
    "address", "fieldset", "figure", "hr",
}  # fmt: skip


def decode_html(data: bytes) -> str:
    # Bytes that are valid UTF-8 with non-ASCII letters are UTF-8 whatever the meta tag says: pages saved
    # again by a tool keep an "iso-8859-1" tag over UTF-8 bytes, and Latin-1 text is almost never valid UTF-8.
    if not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class HtmlParser:
    def parse(self, source: Source, data: bytes) -> ExtractedText:
        # Imported here: the registry imports every parser module, a worker loads only the libraries it uses.
        from selectolax.lexbor import LexborHTMLParser as HTMLParser

        tree = HTMLParser(decode_html(data))
        root = tree.body or tree.root
        parts: list[str] = []
        if root is not None:
            _render(root, parts)
        text = normalise_text(re.sub(r"\n{3,}", "\n\n", "".join(parts)))
        tables = tuple(Table(page=1, rows=rows) for rows in _leaf_tables(tree))
        head = tree.css_first("title")
        title = " ".join(head.text().split()) if head is not None else ""
        return ExtractedText(
            source=source,
            format="html",
            pages=(Page(number=1, text=text, method="text"),),
            tables=tables,
            title=title or None,
        )


def _render(node: Node, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append(re.sub(r"\s+", " ", child.text(deep=False)))
        elif tag in _SKIP or tag == "-comment":
            continue
        elif tag == "br":
            out.append("\n")
        elif tag == "tr":
            out.append("\n")
            _render_row(child, out)
            out.append("\n")
        elif tag in _BLOCK:
            out.append("\n")
            _render(child, out)
            out.append("\n")
        else:
            _render(child, out)


def _render_row(row: Node, out: list[str]) -> None:
    cells = [c for c in row.iter() if c.tag in ("td", "th")]
    texts = []
    for c in cells:
        buf: list[str] = []
        _render(c, buf)
        lines = [re.sub(r"[^\S\t\n]+", " ", ln).strip(" ") for ln in "".join(buf).split("\n")]
        texts.append("\n".join(ln for ln in lines if ln))
    if any("\n" in t for t in texts):
        # A layout cell holding paragraphs or a nested table: its content as blocks.
        for t in texts:
            out.append("\n" + t + "\n")
        return
    # Empty cells are kept (a leading one continues the label of the row above); trailing ones go.
    while texts and not texts[-1]:
        texts.pop()
    out.append("\t".join(texts))


def _leaf_tables(tree: HTMLParser) -> list[tuple[tuple[str, ...], ...]]:
    found = []
    for table in tree.css("table"):
        if len(table.css("table")) > 1:  # css() includes the table itself: >1 means a nested one
            continue
        rows = []
        for tr in table.css("tr"):
            cells = tuple(" ".join(c.text(separator=" ").split()) for c in tr.iter() if c.tag in ("td", "th"))
            if any(cells):
                rows.append(cells)
        if len(rows) >= 2:
            found.append(tuple(rows))
    return found


_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|table|div|meta)\b", re.I | re.S)


def _is_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head) or re.search(rb"<html[\s>]", head[:4096], re.I))


FORMAT = Format("html", _is_html, "text/html", lambda options, _: HtmlParser(), ("html",), text=True)
