#!/usr/bin/env python3
"""Generate the samples of the layout classes of issue 17, and their golden records.

Run with the project venv:  .venv/bin/python scripts/make_issue17_samples.py [--check]

Layouts a reader meets in councils archiv has never seen: an Antrag written as a letter, an RIS page
whose fields stand in th/td table rows, a Markdown paper (bold labels, headings), a results table with
Ja/Nein/Enthaltung counts, and a revised paper (a "1. Neufassung" that names its base paper). As in
scripts/make_samples.py every sample is defined once; the file and its golden record are written from
that definition. Municipalities, persons, numbers and wording are invented.
"""

from __future__ import annotations

import html
import json
import sys

import make_samples as ms

HERE, GOLDEN = ms.HERE, ms.GOLDEN
SAMPLES: list[dict] = []


def _row(gremium, datum, *, oeffentlich=None, rolle=None, ergebnis=None, stimmen=None):
    return {
        "nr": None,
        "gremium": gremium,
        "oeffentlich": oeffentlich,
        "zustaendigkeit": rolle,
        "datum": datum,
        "ergebnis": ergebnis,
        "stimmen": stimmen,
    }


# 1 ------------------------------------------------------------------ an Antrag written as a letter (text)
SAMPLES.append(
    dict(
        form="text",
        name="eichenbrunn_antrag_brief_spielplatz",
        suffix=".txt",
        vorlage_nr=None,
        aktenzeichen=None,
        art="Antrag",
        datum="2026-02-20",
        oeffentlich=None,
        koerperschaft="Gemeinde Eichenbrunn",
        einreicher="Fraktion Bürgerliste Eichenbrunn",
        basis_nr=None,
        fachbereich=None,
        beteiligungen=[],
        produkt=None,
        betreff="Schattenspender für den Spielplatz am Mühlanger",
        beschlusslauf=[_row("Gemeinderat", "2026-03-12")],
        beschlussvorschlag=[
            "1. Die Verwaltung stellt bis Mai 2026 zwei Sonnensegel über dem Sandbereich des Spielplatzes "
            "am Mühlanger auf.",
            "2. Die Kosten von rund 6.500 Euro werden aus dem Budget für Spielflächen gedeckt.",
        ],
        begruendung=[
            "im vergangenen Sommer war der Sandbereich des Spielplatzes am Mühlanger schon am Vormittag "
            "so heiß, dass kleine Kinder dort nicht spielen konnten. Bäume, die Schatten spenden, brauchen "
            "noch viele Jahre."
        ],
        anlagen=[],
        betraege=["6.500 Euro"],
        rechtsnormen=[],
        vorlagen=[],
    )
)


def render_letter(s: dict) -> str:
    return "\n".join(
        [
            s["einreicher"],
            "Lindenweg 4, 79999 Eichenbrunn",
            "",
            "Gemeinde Eichenbrunn",
            "Herrn Bürgermeister Jonas Ried",
            "Rathausplatz 1",
            "79999 Eichenbrunn",
            "",
            "Eichenbrunn, 20. Februar 2026",
            "",
            s["betreff"],
            "",
            "Sehr geehrter Herr Bürgermeister,",
            "",
            "wir bitten Sie, folgenden Antrag auf die Tagesordnung der nächsten Sitzung des",
            "Gemeinderates am 12. März 2026 zu setzen:",
            "",
            *s["begruendung"][0].replace("Schatten spenden,", "Schatten spenden,\n").split("\n"),
            "",
            "Der Gemeinderat möge beschließen:",
            "",
            *s["beschlussvorschlag"],
            "",
            "Mit freundlichen Grüßen",
            "",
            "Anna Keller",
            "Fraktionsvorsitzende",
            "",
        ]
    )


# 2 ------------------------------------------------------------- an RIS page with th/td rows (html)
SAMPLES.append(
    dict(
        form="html",
        name="rabenau_2026-0087_parkraumkonzept",
        suffix=".html",
        vorlage_nr="2026/0087",
        aktenzeichen="61.2-014",
        art="Beschlussvorlage",
        datum="2026-01-28",
        oeffentlich=True,
        koerperschaft="Stadt Rabenau",
        einreicher="Oberbürgermeister",
        basis_nr=None,
        fachbereich="Amt für Stadtentwicklung",
        beteiligungen=["Ordnungsamt", "Kämmerei"],
        produkt=None,
        betreff="Parkraumkonzept Innenstadt – Einführung einer Bewohnerparkzone",
        beschlusslauf=[
            _row("Bauausschuss", "2026-02-10", oeffentlich=True, rolle="Vorberatung"),
            _row("Stadtrat", "2026-02-24", oeffentlich=True, rolle="Entscheidung"),
        ],
        beschlussvorschlag=["Der Stadtrat beschließt das Parkraumkonzept Innenstadt in der Fassung der Anlage 1."],
        begruendung=[
            "Die Zahl der Fahrzeuge der Bewohner der Altstadt ist seit 2020 um ein Fünftel gestiegen. "
            "Eine Bewohnerparkzone sichert ihnen Stellplätze in der Nähe der Wohnung."
        ],
        anlagen=["Parkraumkonzept Innenstadt", "Lageplan der Bewohnerparkzone"],
        betraege=[],
        rechtsnormen=[],
        vorlagen=[],
    )
)


def _cells(*pairs: tuple[str, str]) -> str:
    return "\n".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in pairs)


def render_th_td(s: dict) -> str:
    rows = "\n".join(
        f"<tr><td>{r['datum'][8:]}.{r['datum'][5:7]}.{r['datum'][:4]}</td><td>{r['gremium']}</td>"
        f"<td>{r['zustaendigkeit']}</td><td>Ö</td></tr>"
        for r in s["beschlusslauf"]
    )
    anlagen = "\n".join(f"<li>{html.escape(a)}</li>" for a in s["anlagen"])
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{s["koerperschaft"]} – Vorlage {s["vorlage_nr"]}</title></head>
<body>
<h1>{html.escape(s["betreff"])}</h1>
<table class="vorgang">
{
        _cells(
            ("Vorlage-Nr.", s["vorlage_nr"]),
            ("Vorlageart", s["art"]),
            ("Status", "öffentlich"),
            ("Datum", "28.01.2026"),
            ("Aktenzeichen", s["aktenzeichen"]),
            ("Federführung", s["fachbereich"]),
            ("Einreicher", s["einreicher"]),
            ("Beteiligt", "; ".join(s["beteiligungen"])),
        )
    }
</table>
<h2>Beratungsfolge</h2>
<table class="beratung">
<tr><th>Datum</th><th>Gremium</th><th>Rolle</th><th>Ö/N</th></tr>
{rows}
</table>
<h2>Beschlussvorschlag</h2>
<p>{html.escape(s["beschlussvorschlag"][0])}</p>
<h2>Sachverhalt</h2>
<p>{html.escape(s["begruendung"][0])}</p>
<h2>Anlagen</h2>
<ul>
{anlagen}
</ul>
</body></html>
"""


# 3 ----------------------------------------------------------------------------- a Markdown paper (text)
SAMPLES.append(
    dict(
        form="text",
        name="kranichfeld_bv-2026-031_radschnellweg",
        suffix=".md",
        vorlage_nr="BV/2026/031",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum="2026-03-02",
        oeffentlich=True,
        koerperschaft="Stadt Kranichfeld",
        einreicher=None,
        basis_nr=None,
        fachbereich="Fachbereich Mobilität",
        beteiligungen=[],
        produkt=None,
        betreff="Machbarkeitsstudie für einen Radschnellweg nach Hohenwart",
        beschlusslauf=[_row("Bauausschuss", "2026-03-18", oeffentlich=True, rolle="Entscheidung")],
        beschlussvorschlag=[
            "Der Bauausschuss beauftragt die Verwaltung, eine Machbarkeitsstudie für einen Radschnellweg "
            "nach Hohenwart auszuschreiben."
        ],
        begruendung=[
            "Zwischen Kranichfeld und Hohenwart pendeln werktags rund 4.000 Menschen. Ein Radschnellweg kann "
            "einen Teil dieser Fahrten vom Auto auf das Rad verlagern."
        ],
        anlagen=["Übersichtskarte der Trassenvarianten"],
        betraege=[],
        rechtsnormen=[],
        vorlagen=[],
    )
)


def render_markdown(s: dict) -> str:
    r = s["beschlusslauf"][0]
    return "\n".join(
        [
            "# " + s["betreff"],
            "",
            f"**Vorlage-Nr.:** {s['vorlage_nr']}  ",
            f"**Vorlagenart:** {s['art']}  ",
            "**Status:** öffentlich  ",
            "**Datum:** 02.03.2026  ",
            f"**Federführung:** {s['fachbereich']}",
            "",
            "## Beratungsfolge",
            "",
            "| Datum | Gremium | Rolle | Ö/N |",
            "|---|---|---|---|",
            f"| 18.03.2026 | {r['gremium']} | {r['zustaendigkeit']} | Ö |",
            "",
            "## Beschlussvorschlag",
            "",
            s["beschlussvorschlag"][0],
            "",
            "## Begründung",
            "",
            s["begruendung"][0],
            "",
            "## Anlagen",
            "",
            *[f"- {a}" for a in s["anlagen"]],
            "",
            f"*{s['koerperschaft']} · Fachbereich Mobilität · Marktplatz 1*",
            "",
        ]
    )


# 4 ------------------------------------------------------------ a results table with votes (html)
SAMPLES.append(
    dict(
        form="html",
        name="seewalde_ds-044-2026_hallenbad_ergebnis",
        suffix=".html",
        vorlage_nr="DS 44/2026",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum="2026-04-07",
        oeffentlich=True,
        koerperschaft="Gemeinde Seewalde",
        einreicher=None,
        basis_nr=None,
        fachbereich="Fachbereich 3 – Bauen",
        beteiligungen=[],
        produkt=None,
        betreff="Sanierung des Hallenbades – Vergabe der Planungsleistungen",
        beschlusslauf=[
            _row(
                "Bauausschuss",
                "2026-04-21",
                ergebnis="beschlossen",
                stimmen={"ja": 7, "nein": 2, "enthaltung": 1},
            ),
            _row("Gemeinderat", "2026-05-05", ergebnis="abgelehnt", stimmen={"ja": 9, "nein": 12, "enthaltung": 0}),
        ],
        beschlussvorschlag=["Die Planungsleistungen für die Sanierung des Hallenbades werden vergeben."],
        begruendung=["Das Hallenbad ist seit 1979 in Betrieb; Dach und Technik müssen erneuert werden."],
        anlagen=[],
        betraege=[],
        rechtsnormen=[],
        vorlagen=[],
    )
)


def render_votes(s: dict) -> str:
    def de(iso: str) -> str:
        return f"{iso[8:]}.{iso[5:7]}.{iso[:4]}"

    rows = "\n".join(
        f"<tr><td>{html.escape(r['gremium'])}</td><td>{de(r['datum'])}</td><td>{r['stimmen']['ja']}</td>"
        f"<td>{r['stimmen']['nein']}</td><td>{r['stimmen']['enthaltung']}</td></tr>"
        for r in s["beschlusslauf"]
    )
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{s["koerperschaft"]}: {s["vorlage_nr"]}</title></head>
<body>
<h1>Beschlussvorlage {s["vorlage_nr"]}</h1>
<p>Betreff: {html.escape(s["betreff"])}</p>
<p>Fachbereich: {html.escape(s["fachbereich"])}</p>
<p>Datum: 07.04.2026</p>
<p>Status: öffentlich</p>
<h2>Abstimmungsergebnisse</h2>
<table>
<tr><th>Gremium</th><th>Datum</th><th>Ja</th><th>Nein</th><th>Enthaltung</th></tr>
{rows}
</table>
<h2>Beschlussvorschlag</h2>
<p>{html.escape(s["beschlussvorschlag"][0])}</p>
<h2>Begründung</h2>
<p>{html.escape(s["begruendung"][0])}</p>
</body></html>
"""


# 5 ------------------------------------------------------------------------------ a revised paper (text)
SAMPLES.append(
    dict(
        form="text",
        name="lindgrund_ds-17-2026_neufassung_kita",
        suffix=".txt",
        vorlage_nr="DS 17/2026 1. Neufassung",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum="2026-02-03",
        oeffentlich=True,
        koerperschaft="Gemeinde Lindgrund",
        einreicher=None,
        basis_nr="DS 17/2026",
        fachbereich="Fachbereich Bildung",
        beteiligungen=[],
        produkt=None,
        betreff="Erweiterung der Kita Sonnenhof um eine Krippengruppe",
        beschlusslauf=[_row("Gemeinderat", "2026-02-19", oeffentlich=True, rolle="Entscheidung")],
        beschlussvorschlag=[
            "Der Gemeinderat beschließt die Erweiterung der Kita Sonnenhof um eine Krippengruppe zum 1. August 2026."
        ],
        begruendung=[
            "Diese Neufassung ersetzt die Drucksache DS 17/2026. Der Träger hat seine Zusage für die "
            "Personalkosten inzwischen schriftlich gegeben."
        ],
        anlagen=[],
        betraege=[],
        rechtsnormen=[],
        vorlagen=["DS 17/2026"],
    )
)


def render_revised(s: dict) -> str:
    return "\n".join(
        [
            s["koerperschaft"],
            "",
            f"Vorlage-Nr.: {s['vorlage_nr']}",
            f"Vorlagenart: {s['art']}",
            "Datum: 03.02.2026",
            "Status: öffentlich",
            f"Fachbereich: {s['fachbereich']}",
            "",
            f"Betreff: {s['betreff']}",
            "",
            "Beratungsfolge:",
            "Gremium\tDatum\tZuständigkeit\tÖ/N",
            "Gemeinderat\t19.02.2026\tEntscheidung\tÖ",
            "",
            "Beschlussvorschlag:",
            s["beschlussvorschlag"][0],
            "",
            "Begründung:",
            s["begruendung"][0],
            "",
        ]
    )


RENDER = {
    "eichenbrunn_antrag_brief_spielplatz": render_letter,
    "rabenau_2026-0087_parkraumkonzept": render_th_td,
    "kranichfeld_bv-2026-031_radschnellweg": render_markdown,
    "seewalde_ds-044-2026_hallenbad_ergebnis": render_votes,
    "lindgrund_ds-17-2026_neufassung_kita": render_revised,
}


def golden(s: dict) -> dict:
    g = ms.golden({**s, "form": s["form"]})
    out: dict = {}
    for k, v in g.items():  # the new fields next to their kin, as in the record
        out[k] = v
        if k == "vorlage_nr":
            out["basis_nr"] = s["basis_nr"]
        if k == "koerperschaft":
            out["einreicher"] = s["einreicher"]
    return out


def main() -> int:
    check = "--check" in sys.argv
    bad = 0
    for s in SAMPLES:
        path = HERE.parent / "samples" / s["form"] / f"{s['name']}{s['suffix']}"
        text = RENDER[s["name"]](s)
        gold = GOLDEN / s["form"] / f"{s['name']}.expected.json"
        if check:
            flat = " ".join(html.unescape(path.read_text(encoding="utf-8")).split())
            for value in (s["vorlage_nr"], s["betreff"], s["einreicher"], s["basis_nr"]):
                if value and " ".join(value.split()) not in flat:
                    print(f"{path.name}: {value!r} not in the file", file=sys.stderr)
                    bad += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        gold.write_text(json.dumps(golden(s), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)} and its golden record")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
