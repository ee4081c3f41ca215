"""Every writer of the command line: records and hits as text, JSON, JSON Lines or CSV, over one
list of record fields.

The JSON shapes (one per command, README "Output formats"): ``extract``, ``show`` and ``export
--format json`` print a list of records; ``search`` and ``similar`` a page object (total, hits,
facets, suggestion); ``vorgang`` one object. Snippets are plain text with the (start, end) offsets
of the matched words (``marks``), never HTML.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import click

from ..beschluesse import beschluss_of_row, format_beschluesse
from ..grouped import VorlageGroup
from ..models import SearchHit, SearchPage, Vorlage


def _produkt(r: Vorlage) -> str:
    return " ".join(x for x in (r.produkt.nummer, r.produkt.bezeichnung) if x) if r.produkt else ""


# Columns that are no plain field of the Vorlage, or that a table shows flattened.
_DERIVED: dict[str, Callable[[Vorlage], Any]] = {
    "oeffentlich": lambda r: "" if r.oeffentlich is None else str(r.oeffentlich).lower(),
    "beteiligungen": lambda r: "; ".join(r.beteiligungen),
    "produkt": _produkt,
    "gremien": lambda r: "; ".join(dict.fromkeys(b.gremium for b in r.beschlusslauf)),
    "anlagen": lambda r: "; ".join(r.anlagen),
    "source_path": lambda r: r.source.path,
}
_VORLAGE_FIELDS = {f.name for f in dataclasses.fields(Vorlage)}

# The record fields a table shows (CSV), in this order; each is a field of the Vorlage model or
# derived from one above.
RECORD_FIELDS = (
    "id", "vorlage_nr", "aktenzeichen", "art", "datum", "oeffentlich", "koerperschaft", "fachbereich",
    "beteiligungen", "produkt", "betreff", "gremien", "beschlussvorschlag", "anlagen", "source_path",
    "einreicher", "basis_nr",
)  # fmt: skip
assert all(name in _VORLAGE_FIELDS or name in _DERIVED for name in RECORD_FIELDS)


def record_row(r: Vorlage) -> list[Any]:
    return [_DERIVED[name](r) if name in _DERIVED else getattr(r, name) for name in RECORD_FIELDS]


HIT_FIELDS = ("id", "vorlage_nr", "aktenzeichen", "art", "datum", "betreff", "score", "snippet", "marks")


def _hit_cell(h: SearchHit, name: str) -> Any:
    if name == "marks":  # "start-end start-end": where the matched words are in the snippet
        return " ".join(f"{start}-{end}" for start, end in h.marks)
    value = getattr(h, name)
    return "" if value is None else value


# -- records ------------------------------------------------------------------------------------


def write_records(
    records: Iterable[Vorlage], fmt: str, out: TextIO | None = None, *, text: Callable[[Any], str] | None = None,
    with_text: bool = True, items: Iterable[Any] | None = None,
) -> None:  # fmt: skip
    """Records in ``fmt``; for text, ``items`` (groups, by default the records) through ``text``."""
    out = out or sys.stdout
    if fmt == "text":
        show = text or format_record
        out.write("\n\n".join(show(x) for x in (records if items is None else items)) + "\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(RECORD_FIELDS)
        for r in records:
            w.writerow(record_row(r))
    else:
        dicts = (_record_dict(r, with_text) for r in records)
        if fmt == "json":
            out.write(json.dumps(list(dicts), ensure_ascii=False, indent=2) + "\n")
        else:
            for d in dicts:
                out.write(json.dumps(d, ensure_ascii=False) + "\n")


def _record_dict(r: Vorlage, with_text: bool) -> dict[str, Any]:
    d = r.to_dict()
    if not with_text:
        d.pop("text")
    return d


def write_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


# -- hits ---------------------------------------------------------------------------------------


def write_page(page: SearchPage, fmt: str, *, heading: Callable[[int], str], facets: bool = True) -> None:
    """A page of hits in ``fmt`` (search, similar)."""
    if fmt == "json":
        write_json(page.to_dict())
    elif fmt == "jsonl":
        for h in page.hits:
            click.echo(json.dumps(h.to_dict(), ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(HIT_FIELDS)
        for h in page.hits:
            w.writerow([_hit_cell(h, c) for c in HIT_FIELDS])
    else:
        _text_page(page, heading, facets)


def _text_page(page: SearchPage, heading: Callable[[int], str], facets: bool) -> None:
    click.echo(heading(page.total))
    if page.suggestion:
        click.echo(f"Meinten Sie: {page.suggestion}")
    for h in page.hits:
        if facets:  # a search page: a blank line between hits; similar: a compact list
            click.echo("")
        head = " · ".join(x for x in (h.vorlage_nr, h.datum, h.art, h.koerperschaft) if x)
        click.echo(click.style(head or h.id, bold=True) + f"  [{h.id}]")
        click.echo(f"  {hit_title(h)}")
        if not facets:
            continue
        if len(h.dateien) > 1 or h.fassungen:
            versions = f"; Fassungen: {', '.join(h.fassungen)}" if h.fassungen else ""
            click.echo(f"  {len(h.dateien)} Dateien{versions}")
        if h.snippet:
            click.echo("  " + terminal_snippet(h))
    if facets:
        for name, counts in page.facets.items():
            if counts:
                top = ", ".join(f"{k} ({v})" for k, v in list(counts.items())[:6])
                click.echo(f"\n{name}: {top}", nl=False)
        click.echo("")


def hit_title(h: SearchHit) -> str:
    """The Betreff, or where none was read, the name of the file."""
    return h.betreff or (f"(ohne Betreff) {h.dateien[0].name}" if h.dateien else "(ohne Betreff)")


def terminal_snippet(h: SearchHit) -> str:
    """The snippet with its matched words in bold yellow on a terminal, in [brackets] in a pipe."""
    before, after = ("\x1b[1;33m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    out, pos = [], 0
    for start, end in h.marks:
        out += [h.snippet[pos:start], before, h.snippet[start:end], after]
        pos = end
    return "".join(out) + h.snippet[pos:]


# -- the text of a record -----------------------------------------------------------------------

ROLE_LABELS = {"datei": "Datei", "fassung": "Fassung", "anlage": "Anlage"}


def format_group(g: VorlageGroup) -> str:
    """A Vorlage: its fields (from its fullest file), then its files, versions and Anlagen."""
    text = format_record(g.merged)
    if len(g.members) == 1:
        return text
    lines = [text, "  Dateien:"]
    for m in g.members:
        v = m.record
        number = f" {v.vorlage_nr}" if m.role == "fassung" and v.vorlage_nr else ""
        lines.append(f"    {ROLE_LABELS[m.role]}{number}: {v.source.path} ({v.source.format}) [{v.id}]")
    return "\n".join(lines)


def format_record(r: Vorlage) -> str:
    lines = [f"{r.vorlage_nr or '(ohne Nummer)'} — {r.betreff or '(ohne Betreff)'}", f"  id:            {r.id}"]
    for label, value in (
        ("Aktenzeichen", r.aktenzeichen),
        ("Art", r.art),
        ("Datum", r.datum),
        ("Öffentlich", {True: "ja", False: "nein", None: None}[r.oeffentlich]),
        ("Körperschaft", r.koerperschaft),
        ("Einreicher", r.einreicher),
        ("Fachbereich", r.fachbereich),
        ("Basis-Nr.", r.basis_nr),
        ("Produkt", _produkt(r) or None),
    ):
        if value:
            lines.append(f"  {label + ':':<14} {value}")
    if r.beteiligungen:
        lines.append("  Beteiligungen: " + "; ".join(r.beteiligungen))
    if r.beschlusslauf:
        lines.append("  Beschlusslauf:")
        for row in r.beschlusslauf:
            flag = {True: "Ö", False: "N", None: " "}[row.oeffentlich]
            cells = [row.nr or "", row.gremium, flag, row.datum or "", row.zustaendigkeit or "", row.ergebnis or ""]
            if row.stimmen:
                votes = (row.stimmen.ja, row.stimmen.nein, row.stimmen.enthaltung)
                cells.append("Ja/Nein/Enth. " + "/".join("–" if n is None else str(n) for n in votes))
            decided = beschluss_of_row(r, row)
            lines.append("    " + " | ".join(c for c in cells) + (f"  → {decided.ergebnis}" if decided else ""))
    lines += format_beschluesse(r)
    for label, value in (("Beschlussvorschlag", r.beschlussvorschlag), ("Begründung", r.begruendung)):
        if value:
            short = value if len(value) < 600 else value[:600] + " …"
            lines.append(f"  {label}:\n    " + short.replace("\n\n", "\n    "))
    if r.anlagen:
        lines.append("  Anlagen: " + "; ".join(r.anlagen))
    pages = f", {r.source.pages} Seiten" if r.source.pages else ""
    missing = [p.number for p in r.source.page_methods if p.method == "none"]
    note = f"; ohne Textebene: Seite {', '.join(map(str, missing))}" if missing else ""
    if r.source.ocr_confidence is not None:
        ocr = [str(p.number) for p in r.source.page_methods if p.method == "ocr"]
        note += f"; OCR: Seite {', '.join(ocr)}, Konfidenz {r.source.ocr_confidence:.0f} %"
    lines.append(f"  Quelle:        {r.source.path} ({r.source.format}{pages}{note})")
    return "\n".join(lines)
