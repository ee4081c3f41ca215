"""`archiv extract --explain`: every field next to the line of the document it was read from."""

from __future__ import annotations

from typing import Any

from .models import Vorlage

FIELDS = (
    "vorlage_nr", "aktenzeichen", "art", "datum", "oeffentlich", "koerperschaft", "fachbereich", "beteiligungen",
    "produkt", "betreff", "beschlusslauf", "beschlussvorschlag", "begruendung", "anlagen",
)  # fmt: skip


def _pages(record: Vorlage) -> dict[int, str]:
    """The text of each page: the record's text is its pages joined by a blank line, and the
    source records how many characters each page had."""
    with_text = [p for p in record.source.page_methods if p.chars]
    if not with_text:
        return {1: record.text}
    pages: dict[int, str] = {}
    pos = 0
    for p in with_text:
        pages[p.number] = record.text[pos : pos + p.chars]
        pos += p.chars + 2
    return pages


def _line(pages: dict[int, str], span: dict[str, Any] | None) -> str:
    if not span:
        return "(not found in the text)"
    if "source" in span:
        return f"(from the {span['source']})"
    text = pages.get(span["page"], "")
    start = text.rfind("\n", 0, span["start"]) + 1
    end = text.find("\n", span["end"])
    line = text[start : end if end >= 0 else len(text)]
    marked = line[: span["start"] - start] + "»" + line[span["start"] - start : span["end"] - start] + "«"
    marked += line[span["end"] - start :]
    marked = marked.strip()
    if len(marked) > 160:  # a long paragraph: show the part around the value
        at = marked.index("»")
        marked = ("…" if at > 40 else "") + marked[max(0, at - 40) : at + 120] + "…"
    return f"p.{span['page']}: {marked}"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 100 else text[:97] + "…"


def explain(record: Vorlage) -> str:
    pages = _pages(record)
    d = record.to_dict()
    out: list[str] = []
    for name in FIELDS:
        value = d[name]
        where = record.provenance.get(name)
        if value in (None, [], {}):
            out.append(f"{name}: null")
            continue
        if name == "beschlusslauf":
            out.append(f"{name}:")
            spans = where if isinstance(where, list) else [where] * len(value)
            for row, span in zip(value, spans, strict=False):
                cells = " | ".join(str(row[k] or "") for k in ("nr", "gremium", "datum", "zustaendigkeit", "ergebnis"))
                out.append(f"  - {cells}\n      ← {_line(pages, span)}")
        elif isinstance(value, list):
            out.append(f"{name}:")
            spans = where if isinstance(where, list) else [None] * len(value)
            for item, span in zip(value, spans, strict=False):
                out.append(f"  - {_short(item)}\n      ← {_line(pages, span)}")
        else:
            shown = value if name != "produkt" else " ".join(x for x in value.values() if x)
            out.append(f"{name}: {_short(shown)}\n      ← {_line(pages, where)}")
    return "\n".join(out)
