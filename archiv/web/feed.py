"""An Atom feed (RFC 4287) of a search, newest Vorlage first, so a query can be followed in a feed reader.

Built with ElementTree, which escapes every text and attribute value: document text cannot
become markup in the feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from ..models import SearchHit, Vorlage
from ..search.snippets import marked_html

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _timestamp(v: Vorlage) -> str:
    """The date the search sorts by (the Vorlage's own, else its first session), else when it was ingested."""
    datum = v.datum or next((r.datum for r in v.beschlusslauf if r.datum), None)
    if datum:
        return f"{datum}T00:00:00Z"
    stamp = datetime.fromisoformat(v.source.ingested_at)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(
    *, title: str, self_url: str, page_url: str, base_url: str, hits: list[tuple[SearchHit, Vorlage]]
) -> bytes:
    base = base_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})
    _el(feed, "id", self_url)
    _el(feed, "title", title)
    stamps = [_timestamp(v) for _, v in hits]
    _el(feed, "updated", max(stamps) if stamps else datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _el(_el(feed, "author"), "name", "archiv")
    _el(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _el(feed, "link", rel="alternate", type="text/html", href=page_url)
    _el(feed, "generator", "archiv")
    for hit, v in hits:
        page = f"{base}/vorlage/{v.id}"
        entry = _el(feed, "entry")
        _el(entry, "id", page)
        heading = " · ".join(x for x in (v.vorlage_nr, v.betreff or "(ohne Betreff)") if x)
        _el(entry, "title", heading)
        _el(entry, "updated", _timestamp(v))
        _el(entry, "published", _timestamp(v))
        _el(entry, "link", rel="alternate", type="text/html", href=page)
        if v.koerperschaft:
            _el(_el(entry, "author"), "name", v.koerperschaft)
        if v.art:
            _el(entry, "category", term=v.art)
        if hit.snippet:
            # As HTML (escaped text with <mark>); type="html" carries it as escaped text.
            _el(entry, "summary", marked_html(hit.snippet, hit.marks), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
