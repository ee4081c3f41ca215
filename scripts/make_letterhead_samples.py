#!/usr/bin/env python3
"""Generate the samples of two more layout classes of issue 17, and their golden records.

Run with the project venv:  .venv/bin/python scripts/make_letterhead_samples.py [--check]

An RIS page that prints its labels as a table's header row over one row of values, with a definition
list beside it; and a council group's Anfrage as a scanned letter reads after OCR: the body named only by
the place-and-date line, the kind printed as a label column beside the subject, a receipt stamp between
subject and salutation. Municipalities, groups and wording are invented; the golden records are written
from the same definitions as the files.
"""

from __future__ import annotations

import html
import json
import sys

import make_issue17_samples as i17
import make_samples as ms

HERE, GOLDEN = ms.HERE, ms.GOLDEN
SAMPLES: list[dict] = []
_row = i17._row

# 1 ---------------------------------------------- labels in a header row, a definition list (html)
SAMPLES.append(
    dict(
        form="html",
        name="wendelsheim_2026-0815_sitzbaenke",
        suffix=".html",
        vorlage_nr="2026/0815",
        aktenzeichen="67.2-01",
        art="Beschlussvorlage",
        datum="2026-03-12",
        oeffentlich=True,
        koerperschaft="Stadt Wendelsheim",
        einreicher=None,
        basis_nr=None,
        fachbereich="Grünflächenamt",
        beteiligungen=[],
        produkt=None,
        betreff="Neue Sitzbänke entlang des Mühlbachs",
        beschlusslauf=[
            _row("Bauausschuss", "2026-04-01", rolle="Vorberatung"),
            _row("Stadtrat", "2026-04-22", rolle="Entscheidung"),
        ],
        beschlussvorschlag=["Der Stadtrat beschließt, entlang des Mühlbachs zehn Sitzbänke aufzustellen."],
        begruendung=["Auf dem Uferweg am Mühlbach gibt es auf zwei Kilometern keine Sitzgelegenheit."],
        anlagen=["Lageplan der Standorte"],
        betraege=[],
        rechtsnormen=[],
        vorlagen=[],
    )
)


def render_header_row(s: dict) -> str:
    d = s["datum"]
    heads = ("Vorlage-Nr.", "Vorlagenart", "Datum", "Federführend")
    values = (s["vorlage_nr"], s["art"], f"{d[8:]}.{d[5:7]}.{d[:4]}", s["fachbereich"])
    rows = "\n".join(
        f"<tr><td>{r['gremium']}</td><td>{r['datum'][8:]}.{r['datum'][5:7]}.{r['datum'][:4]}</td>"
        f"<td>{r['zustaendigkeit']}</td></tr>"
        for r in s["beschlusslauf"]
    )
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Bürgerinfo der {s["koerperschaft"]}</title></head>
<body>
<h1>{html.escape(s["betreff"])}</h1>
<table class="kopf">
<tr>{"".join(f"<th>{h}</th>" for h in heads)}</tr>
<tr>{"".join(f"<td>{html.escape(v)}</td>" for v in values)}</tr>
</table>
<dl>
<div><dt>Aktenzeichen</dt><dd>{s["aktenzeichen"]}</dd></div>
<div><dt>Status</dt><dd>öffentlich</dd></div>
</dl>
<h2>Beratungsfolge</h2>
<table class="beratung">
<tr><th>Gremium</th><th>Datum</th><th>Zuständigkeit</th></tr>
{rows}
</table>
<h2>Beschlussvorschlag</h2>
<p>{html.escape(s["beschlussvorschlag"][0])}</p>
<h2>Begründung</h2>
<p>{html.escape(s["begruendung"][0])}</p>
<h2>Anlagen</h2>
<ul><li>{html.escape(s["anlagen"][0])}</li></ul>
</body></html>
"""


# 2 ------------------------------------------------- a group's Anfrage as a scanned letter reads (text)
SAMPLES.append(
    dict(
        form="text",
        name="ostmarken_anfrage_scan_buswartehalle",
        suffix=".txt",
        vorlage_nr=None,
        aktenzeichen=None,
        art="Anfrage",
        datum="2026-01-09",
        oeffentlich=None,
        koerperschaft="Stadt Ostmarken",
        einreicher="Fraktion Grüne Liste in der Bezirksvertretung Nord",
        basis_nr=None,
        fachbereich=None,
        beteiligungen=[],
        produkt=None,
        betreff="Wartehalle an der Haltestelle Lindenplatz",
        beschlusslauf=[],
        beschlussvorschlag=None,
        begruendung=["wir bitten Sie, folgende Anfrage auf die Tagesordnung der nächsten Sitzung zu setzen."],
        anlagen=[],
        betraege=[],
        rechtsnormen=[],
        vorlagen=[],
    )
)


def render_scanned_letter(s: dict) -> str:
    return f"""Fraktion Grüne Liste in der Bezirksvertretung Nord
Herrn Oberbürgermeister
Rathaus
— ee
Ostmarken, den 09.01.2026
Anfrage\t{s["betreff"]} er Stadt Ostmarken
Eingang 16. JAN. 2026
Sehr geehrter Herr Oberbürgermeister,
wir bitten Sie, folgende Anfrage auf die Tagesordnung der nächsten Sitzung zu setzen.
Mit freundlichen Grüßen
"""


RENDER = {
    "wendelsheim_2026-0815_sitzbaenke": render_header_row,
    "ostmarken_anfrage_scan_buswartehalle": render_scanned_letter,
}


def main() -> int:
    check = "--check" in sys.argv
    for s in SAMPLES:
        path = HERE.parent / "samples" / s["form"] / f"{s['name']}{s['suffix']}"
        gold = GOLDEN / s["form"] / f"{s['name']}.expected.json"
        if check:
            if path.read_text(encoding="utf-8") != RENDER[s["name"]](s):
                print(f"{path.name} differs from its definition", file=sys.stderr)
                return 1
            continue
        path.write_text(RENDER[s["name"]](s), encoding="utf-8")
        gold.write_text(json.dumps(i17.golden(s), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)} and its golden record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
