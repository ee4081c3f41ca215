"""Generated Vorlage PDFs with a ruled Beratungsfolge table, for bench_ingest.py and the table tests.

Each file is a Beschlussvorlage of 1 to 4 pages (reportlab, invariant output): a header block, the
Beratungsfolge as a ruled table in one of several styles (a full grid; a box with inner rules;
rules drawn as rectangles with a shaded header; lines only between rows), a second ruled table of
votes on some files, and body text. Committees, dates and wording are invented and vary with the
file's number, so no two files are alike; the same number always gives the same bytes.

    .venv/bin/python benchmarks/vorlage_tables.py OUT_DIR [--count N]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
HEAD = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=9, leading=11)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=14, leading=18)

GREMIEN = [
    "Ausschuss für Planung, Bau und Umwelt",
    "Fachausschuss Finanzen, Wirtschaftsförderung, Marketing und Feuerschutz",
    "Verwaltungsausschuss",
    "Ortsrat Lindenhof",
    "Jugend-, Schul- und Sportausschuss",
    "Ausschuss für Soziales und Gesundheit",
    "Rat",
    "Hauptausschuss",
]
ROLLEN = ["Beratung und Empfehlung", "Beratung und Beschlussfassung", "Vorberatung", "Kenntnisnahme", "Entscheidung"]
ERGEBNISSE = ["", "", "einstimmig", "mehrheitlich mit 2 Gegenstimmen", "vertagt", "zur Kenntnis genommen"]
THEMEN = ["Radweg", "Feuerwehrhaus", "Kindertagesstätte", "Sporthalle", "Dorfgemeinschaftshaus", "Friedhofsmauer"]
SENTENCE = (
    "Die Verwaltung schlägt vor, die Maßnahme im Rahmen der vorhandenen Haushaltsmittel umzusetzen und "
    "die Planung mit den betroffenen Ortschaften, den Fachbehörden und den Trägern öffentlicher Belange "
    "abzustimmen; die Kosten werden auf {n} Euro geschätzt, die Fördermittel sind beantragt. "
)

STYLES = ("grid", "box", "shaded", "rows")


def _table_style(style: str) -> TableStyle:
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif style == "box":
        commands += [("BOX", (0, 0), (-1, -1), 1, colors.black), ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.black)]
    elif style == "shaded":
        commands += [("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey), ("GRID", (0, 0), (-1, -1), 0.75, colors.black)]
    else:  # rules between rows and the outer columns, drawn as lines
        commands += [
            ("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black),
            ("LINEBEFORE", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEAFTER", (-1, 0), (-1, -1), 0.5, colors.black),
        ]
    return TableStyle(commands)


def vorlage(number: int, path: Path) -> None:
    """Write the file of ``number`` to ``path``."""
    rnd = random.Random(number)
    thema = rnd.choice(THEMEN)
    style = STYLES[number % len(STYLES)]
    story: list = [
        Paragraph(f"Gemeinde Birkenfeld · Der Bürgermeister · Fachbereich {rnd.randint(1, 5)}", BODY),
        Paragraph(
            f"Drucksache Nr. {number:03d}/2025 · Datum: {rnd.randint(1, 28):02d}.{rnd.randint(1, 9):02d}.2025", BODY
        ),
        Spacer(1, 6 * mm),
        Paragraph("Beschlussvorlage", TITLE),
        Paragraph(f"Betreff: {thema} am Ort {number}: Planung und Finanzierung", BODY),
        Spacer(1, 4 * mm),
        Paragraph("Beratungsfolge:", HEAD),
    ]
    rows = [[Paragraph(h, HEAD) for h in ("Gremium", "Sitzungstermin", "Zuständigkeit", "Ergebnis")]]
    for gremium in rnd.sample(GREMIEN, rnd.randint(2, 5)):
        datum = f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.2025"
        cells = (gremium, datum, rnd.choice(ROLLEN), rnd.choice(ERGEBNISSE))
        rows.append([Paragraph(c, CELL) for c in cells])
    table = Table(rows, colWidths=[62 * mm, 28 * mm, 42 * mm, 38 * mm])
    table.setStyle(_table_style(style))
    story += [table, Spacer(1, 5 * mm)]
    if number % 3 == 0:  # a table of votes as the Nordstemmen prints have it
        votes = [["Gremium", "Einstimmig", "Ja", "Nein", "Enthaltung"]] + [[g, "", "", "", ""] for g in GREMIEN[:3]]
        table = Table(votes, colWidths=[70 * mm, 25 * mm, 20 * mm, 20 * mm, 25 * mm])
        table.setStyle(_table_style("grid"))
        story += [table, Spacer(1, 5 * mm)]
    story.append(Paragraph("Beschlussvorschlag:", HEAD))
    story.append(Paragraph(f"Der Rat beschließt die Maßnahme {thema} wie in der Anlage dargestellt.", BODY))
    story.append(Paragraph("Sachverhalt:", HEAD))
    for _ in range(rnd.choice((2, 8, 20, 34))):  # 1 to 4 pages
        story.append(Paragraph(SENTENCE.format(n=rnd.randint(10, 900) * 1000) * 2, BODY))
        story.append(Spacer(1, 2 * mm))
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(story)


def write(folder: Path, count: int) -> list[Path]:
    """``count`` files in ``folder``, numbered from 1."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = folder / f"vorlage-{number:03d}.pdf"
        vorlage(number, path)
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=24)
    args = ap.parse_args()
    print(f"{len(write(args.out, args.count))} files in {args.out}")


if __name__ == "__main__":
    main()
