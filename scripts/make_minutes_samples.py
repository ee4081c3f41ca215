"""Write the minutes samples (issue 13): two Niederschriften of the invented Gemeinde Quellbrunn in two
layouts, the Vorlagen they decide, and the golden records.

All go to samples/minutes/ (their own folder, so the judged search set and the browser index of the
other samples stay as they were judged):

- quellbrunn_ds-12-2023_dorfplatz.txt, …_ds-14-2023_…, …_ds-15-2023_…: the Vorlagen (a
  Beschlussvorlage, its 1. Ergänzung, a Satzung that is rejected)
- quellbrunn_niederschrift_bauausschuss_2023-03-07.txt: labelled layout ("Punkt N der
  Tagesordnung:", "Vorlage:", "Beschluss:", "Abstimmungsergebnis:")
- quellbrunn_protokoll_rat_2023-03-28.pdf: running-text layout ("Zu Punkt N:", "(DS …)",
  "beschließt der Rat … wie folgt:", "Beratungsergebnis:"), a public and a non-public part

A number printed with its label in parentheses ("(DS 15/2023)") is recorded without the label word,
as SCHEMA.md says of vorlage_nr; "Vorlage: DS 12/2023" keeps "DS" (it is part of the value).

Every name, number and sentence is invented. Run: .venv/bin/python scripts/make_minutes_samples.py
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
BODY = "Gemeinde Quellbrunn"

VORLAGEN = [
    {
        "file": "quellbrunn_ds-12-2023_dorfplatz",
        "nr": "DS 12/2023",
        "art": "Beschlussvorlage",
        "datum": "2023-02-14",
        "betreff": "Umgestaltung des Dorfplatzes in Quellbrunn",
        "rows": [("Bauausschuss", "07.03.2023", "Vorberatung"), ("Rat", "28.03.2023", "Entscheidung")],
        "vorschlag": "Der Rat beschließt die Umgestaltung des Dorfplatzes nach dem Entwurf des Planungsbüros "
        "(Anlage 1). Die Kosten von 240.000 Euro werden im Haushalt 2023 bereitgestellt.",
        "begruendung": "Der Dorfplatz ist seit 1987 nicht erneuert worden. Das Pflaster ist uneben, die "
        "Beleuchtung verbraucht viel Strom. Der Entwurf sieht zwei Bäume, eine Bank und eine Ladesäule vor.",
    },
    {
        "file": "quellbrunn_ds-14-2023_dorfplatz_ergaenzung",
        "nr": "DS 14/2023",
        "art": "Beschlussvorlage",
        "datum": "2023-03-15",
        "betreff": "1. Ergänzung zu DS 12/2023: Umgestaltung des Dorfplatzes, Trinkwasserbrunnen",
        "rows": [("Rat", "28.03.2023", "Entscheidung")],
        "vorschlag": "Der Beschlussvorschlag der DS 12/2023 wird um einen Trinkwasserbrunnen ergänzt. "
        "Die Kosten erhöhen sich um 18.000 Euro.",
        "begruendung": "Im Bauausschuss wurde angeregt, auf dem Dorfplatz einen Trinkwasserbrunnen aufzustellen.",
    },
    {
        "file": "quellbrunn_ds-15-2023_hundesteuer",
        "nr": "DS 15/2023",
        "art": "Beschlussvorlage",
        "datum": "2023-02-20",
        "betreff": "Satzung zur Änderung der Hundesteuersatzung",
        "rows": [("Rat", "28.03.2023", "Entscheidung")],
        "vorschlag": "Der Rat beschließt die Satzung zur Änderung der Hundesteuersatzung (Anlage 1).",
        "begruendung": "Der Steuersatz für den ersten Hund soll von 60 auf 84 Euro im Jahr steigen.",
    },
]


def vorlage_text(v: dict) -> str:
    rows = "\n".join(f"{i}.\t{g}\t{d}\t{z}" for i, (g, d, z) in enumerate(v["rows"], 1))
    return (
        f"{BODY}\nDer Bürgermeister\n\n{v['art']}\n\nVorlage-Nr.: {v['nr']}\n\nDatum: {v['datum'][8:]}."
        f"{v['datum'][5:7]}.{v['datum'][:4]}\n\nBeschlusslauf:\n\nNr.\tGremium\tSitzung\tZuständigkeit\n{rows}\n\n"
        f"Betreff:\n\n{v['betreff']}\n\nBeschlussvorschlag:\n\n{v['vorschlag']}\n\n"
        f"Begründung:\n\n{v['begruendung']}\n"
    )


BAUAUSSCHUSS = """NIEDERSCHRIFT

Gemeinde Quellbrunn
Gremium: 4. Sitzung Bauausschuss
Termin: 7. März 2023, 18:00 Uhr
öffentlich
Ort: Sitzungssaal des Rathauses


Punkt 1 der Tagesordnung: Eröffnung und Feststellung der Beschlussfähigkeit

Der Vorsitzende eröffnet die Sitzung und stellt die Beschlussfähigkeit fest.


Punkt 2 der Tagesordnung: Umgestaltung des Dorfplatzes in
Quellbrunn
Vorlage: DS 12/2023


Beschluss:
Der Bauausschuss empfiehlt dem Rat, die Umgestaltung des Dorfplatzes mit folgender
Änderung zu beschließen: Auf dem Platz wird zusätzlich ein Trinkwasserbrunnen aufgestellt.


Abstimmungsergebnis:
Bei 6 Ja-Stimmen, 1 Nein-Stimme und 2 Enthaltungen mehrheitlich zugestimmt


Der Vorsitzende ruft Tagesordnungspunkt 2 auf. Ausschussmitglied Brandt regt einen
Trinkwasserbrunnen an; die Verwaltung legt dazu eine Ergänzung vor.


Punkt 3 der Tagesordnung: Erneuerung der Straßenbeleuchtung im Mühlenweg
Vorlage: DS 16/2023


Beschluss:
Die Beratung wird auf die nächste Sitzung vertagt, weil das Angebot des Versorgers noch fehlt.


Abstimmungsergebnis:
einstimmig


Zur Beurkundung:
Die Schriftführerin
"""

RAT_LINES = [
    ("title", "P r o t o k o l l"),
    ("p", "der Sitzung des Rates der Gemeinde Quellbrunn am Dienstag, dem 28. März 2023, im Bürgerhaus"),
    ("p", "Beginn der Sitzung: 19:00 Uhr"),
    ("gap", ""),
    ("p", "- öffentlicher Teil -"),
    ("gap", ""),
    ("h", "Zu Punkt 1: Eröffnung der Sitzung"),
    ("p", "Die Bürgermeisterin eröffnet die Sitzung und stellt die ordnungsgemäße Ladung fest."),
    ("gap", ""),
    ("h", "Zu Punkt 2: Umgestaltung des Dorfplatzes in Quellbrunn"),
    ("h2", "(DS 12/2023 einschließlich DS 14/2023)"),
    ("p", "Ratsfrau Albers beantragt, die Bänke aus heimischem Holz zu bauen. Der Antrag wird"),
    ("p", "einstimmig angenommen."),
    ("p", "Sodann beschließt der Rat mehrheitlich bei 15 Ja-Stimmen und 4 Nein-Stimmen wie folgt:"),
    ("p", "Der Dorfplatz wird nach dem Entwurf mit Trinkwasserbrunnen und Bänken aus heimischem"),
    ("p", "Holz umgestaltet."),
    ("p", "Beratungsergebnis: Mehrheitlich bei 15 Ja-Stimmen und 4 Nein-Stimmen"),
    ("gap", ""),
    ("h", "Zu Punkt 3: Satzung zur Änderung der Hundesteuersatzung"),
    ("h2", "(DS 15/2023)"),
    ("p", "Nach längerer Aussprache beschließt der Rat bei 8 Ja-Stimmen, 11 Nein-Stimmen und"),
    ("p", "einer Enthaltung, den Beschlussvorschlag abzulehnen:"),
    ("p", "Beratungsergebnis: Mehrheitlich abgelehnt"),
    ("gap", ""),
    ("h", "Zu Punkt 4: Bericht über die Prüfung der Gemeindekasse"),
    ("h2", "(DS 17/2023)"),
    ("p", "Der Kämmerer trägt den Bericht vor. Der Rat nimmt dies zur Kenntnis."),
    ("gap", ""),
    ("p", "- nichtöffentlicher Teil -"),
    ("gap", ""),
    ("h", "Zu Punkt 5: Vergabe der Pflasterarbeiten Dorfplatz"),
    ("h2", "(DS 18/2023)"),
    ("p", "Der Antrag der Verwaltung wird von der Tagesordnung abgesetzt und vertagt."),
    ("gap", ""),
    ("p", "Ende der Sitzung: 21:10 Uhr"),
]


def render_rat(path: Path) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Protokoll der Sitzung des Rates vom 28.03.2023")
    y = A4[1] - 25 * mm
    for kind, text in RAT_LINES:
        if y < 25 * mm:
            c.showPage()
            y = A4[1] - 25 * mm
        if kind == "gap":
            y -= 4 * mm
            continue
        font, size = {"title": ("Helvetica-Bold", 14), "h": ("Helvetica-Bold", 10.5)}.get(kind, ("Helvetica", 10.5))
        c.setFont(font, size)
        c.drawString(25 * mm, y, text)
        y -= (8 if kind == "title" else 5.2) * mm
    c.save()


def _top(nummer, titel, vorlagen, beschluss, abstimmung, stimmen, einstimmig, ergebnis, oeffentlich):  # type: ignore[no-untyped-def]
    return {
        "nummer": nummer, "titel": titel, "vorlagen": vorlagen, "beschluss": beschluss, "abstimmung": abstimmung,
        "stimmen": stimmen, "einstimmig": einstimmig, "ergebnis": ergebnis, "oeffentlich": oeffentlich,
        "ergebnis_je_vorlage": [],
    }  # fmt: skip


def goldens() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for v in VORLAGEN:
        out[f"minutes/{v['file']}"] = {
            "vorlage_nr": v["nr"],
            "art": v["art"],
            "datum": v["datum"],
            "koerperschaft": BODY,
            "betreff": v["betreff"],
            "beschlussvorschlag": v["vorschlag"],
        }
    out["minutes/quellbrunn_niederschrift_bauausschuss_2023-03-07"] = {
        "art": "Niederschrift",
        "vorlage_nr": None,
        "datum": "2023-03-07",
        "oeffentlich": True,
        "betreff": "Niederschrift Bauausschuss vom 07.03.2023",
        "koerperschaft": BODY,
        "sitzung": {"gremium": "Bauausschuss", "datum": "2023-03-07", "oeffentlich": True},
        "tops": [
            _top("1", "Eröffnung und Feststellung der Beschlussfähigkeit", [], None, None, None, False, None, True),
            _top(
                "2", "Umgestaltung des Dorfplatzes in Quellbrunn", ["DS 12/2023"],
                "Der Bauausschuss empfiehlt dem Rat, die Umgestaltung des Dorfplatzes mit folgender Änderung zu "
                "beschließen: Auf dem Platz wird zusätzlich ein Trinkwasserbrunnen aufgestellt.",
                "Bei 6 Ja-Stimmen, 1 Nein-Stimme und 2 Enthaltungen mehrheitlich zugestimmt",
                {"ja": 6, "nein": 1, "enthaltung": 2}, False, "geändert beschlossen", True,
            ),
            _top(
                "3", "Erneuerung der Straßenbeleuchtung im Mühlenweg", ["DS 16/2023"],
                "Die Beratung wird auf die nächste Sitzung vertagt, weil das Angebot des Versorgers noch fehlt.",
                "einstimmig", None, True, "vertagt", True,
            ),
        ],
    }  # fmt: skip
    out["minutes/quellbrunn_protokoll_rat_2023-03-28"] = {
        "art": "Niederschrift",
        "vorlage_nr": None,
        "datum": "2023-03-28",
        "oeffentlich": None,  # a public and a non-public part
        "betreff": "Niederschrift Rat vom 28.03.2023",  # minutes print no subject: the session is named
        "koerperschaft": BODY,
        "sitzung": {"gremium": "Rat", "datum": "2023-03-28", "oeffentlich": None},
        "tops": [
            _top("1", "Eröffnung der Sitzung", [], None, None, None, False, None, True),
            _top(
                "2", "Umgestaltung des Dorfplatzes in Quellbrunn", ["12/2023", "14/2023"],
                "Sodann beschließt der Rat mehrheitlich bei 15 Ja-Stimmen und 4 Nein-Stimmen wie folgt: Der Dorfplatz "
                "wird nach dem Entwurf mit Trinkwasserbrunnen und Bänken aus heimischem Holz umgestaltet.",
                "Mehrheitlich bei 15 Ja-Stimmen und 4 Nein-Stimmen",
                {"ja": 15, "nein": 4, "enthaltung": None}, False, "geändert beschlossen", True,
            ),
            _top(
                "3", "Satzung zur Änderung der Hundesteuersatzung", ["15/2023"],
                "Nach längerer Aussprache beschließt der Rat bei 8 Ja-Stimmen, 11 Nein-Stimmen und einer Enthaltung, "
                "den Beschlussvorschlag abzulehnen:",
                "Mehrheitlich abgelehnt", None, False, "abgelehnt", True,
            ),
            _top(
                "4", "Bericht über die Prüfung der Gemeindekasse", ["17/2023"],
                "Der Rat nimmt dies zur Kenntnis.", None, None, False, "zur Kenntnis genommen", True,
            ),
            _top(
                "5", "Vergabe der Pflasterarbeiten Dorfplatz", ["18/2023"],
                "Der Antrag der Verwaltung wird von der Tagesordnung abgesetzt und vertagt.", None, None, False,
                "vertagt", False,
            ),
        ],
    }  # fmt: skip
    return out


def main() -> None:
    for v in VORLAGEN:
        (SAMPLES / "minutes" / f"{v['file']}.txt").write_text(vorlage_text(v), encoding="utf-8")
    (SAMPLES / "minutes" / "quellbrunn_niederschrift_bauausschuss_2023-03-07.txt").write_text(BAUAUSSCHUSS, "utf-8")
    render_rat(SAMPLES / "minutes" / "quellbrunn_protokoll_rat_2023-03-28.pdf")
    for name, record in goldens().items():
        target = GOLDEN / f"{name}.expected.json"
        target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
