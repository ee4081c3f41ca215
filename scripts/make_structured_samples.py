"""Write the DOCX and OParl samples and their golden records (deterministic).

Run: .venv/bin/python scripts/make_structured_samples.py
The content is our own (a fictional Stadt Auenfels); the golden states what the files say.
"""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parent.parent
BETREFF_DOCX = "Einführung einer Grünflächenpatenschaft für Baumscheiben und Verkehrsinseln"
BV = (
    "Der Ausschuss für Umwelt und Klimaschutz nimmt das Konzept zur Grünflächenpatenschaft zur Kenntnis "
    "und empfiehlt dem Stadtrat, die Richtlinie ab dem 01.04.2026 anzuwenden."
)
BEGR = [
    "Seit dem Frühjahr 2025 haben sich 46 Bürgerinnen und Bürger gemeldet, die Baumscheiben vor ihren Häusern "
    "bepflanzen und pflegen möchten. Der Baubetriebshof kann die 312 städtischen Baumscheiben nur zweimal im Jahr "
    "mähen; eine Patenschaft entlastet ihn und stärkt das Stadtgrün.",
    "Die Richtlinie regelt die zulässigen Pflanzen, die Haftung nach § 823 BGB und die Kündigung. Für Saatgut und "
    "Schilder sind im Haushalt 2026 insgesamt 4.800 € vorgesehen (Produkt 5.5.1.01). Die Erfahrungen werden im "
    "Bericht zur Stadtbaumstrategie (DS 2025/118) ausgewertet.",
]


def write_docx(path: Path) -> dict:
    doc = Document()
    doc.core_properties.created = datetime(2026, 1, 12)
    doc.core_properties.modified = datetime(2026, 1, 12)
    doc.add_paragraph("Stadt Auenfels")
    doc.add_heading("Beschlussvorlage", level=1)
    grid = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Vorlage-Nr.:", "DS 2026/014"),
        ("Datum:", "12.01.2026"),
        ("Status:", "öffentlich"),
        ("Federführend:", "Amt 67 – Grünflächen und Umwelt"),
        ("Beteiligt:", "Amt 66 – Tiefbau; Rechtsamt"),
        ("Aktenzeichen:", "67.12.04"),
    ):
        cells = grid.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_paragraph("")
    doc.add_paragraph("Betreff:")
    doc.add_paragraph(BETREFF_DOCX)
    doc.add_paragraph("")
    doc.add_paragraph("Beratungsfolge:")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Datum", "Gremium", "Rolle", "Ö/N"), strict=True):
        cell.text = text
    for row in (
        ("27.01.2026", "Ausschuss für Umwelt und Klimaschutz", "Vorberatung", "Ö"),
        ("12.02.2026", "Stadtrat", "Entscheidung", "Ö"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.add_paragraph("")
    doc.add_paragraph("Beschlussvorschlag:")
    doc.add_paragraph(BV)
    doc.add_paragraph("")
    doc.add_paragraph("Sachverhalt:")
    for para in BEGR:
        doc.add_paragraph(para)
    doc.add_paragraph("")
    doc.add_paragraph("Anlagen:")
    doc.add_paragraph("- Richtlinie Grünflächenpatenschaft (Entwurf)")
    doc.add_paragraph("- Übersichtsplan der Baumscheiben")
    doc.save(path)
    _normalise_zip(path)
    return {
        "vorlage_nr": "DS 2026/014",
        "aktenzeichen": "67.12.04",
        "art": "Beschlussvorlage",
        "datum": "2026-01-12",
        "oeffentlich": True,
        "koerperschaft": "Stadt Auenfels",
        "fachbereich": "Amt 67 – Grünflächen und Umwelt",
        "beteiligungen": ["Amt 66 – Tiefbau", "Rechtsamt"],
        "produkt": None,
        "betreff": BETREFF_DOCX,
        "beschlusslauf": [
            {
                "nr": None,
                "gremium": "Ausschuss für Umwelt und Klimaschutz",
                "oeffentlich": True,
                "zustaendigkeit": "Vorberatung",
                "datum": "2026-01-27",
                "ergebnis": None,
            },
            {
                "nr": None,
                "gremium": "Stadtrat",
                "oeffentlich": True,
                "zustaendigkeit": "Entscheidung",
                "datum": "2026-02-12",
                "ergebnis": None,
            },
        ],
        "beschlussvorschlag": BV,
        "begruendung": "\n\n".join(BEGR),
        "anlagen": ["Richtlinie Grünflächenpatenschaft (Entwurf)", "Übersichtsplan der Baumscheiben"],
        "entities": {
            "gremien": ["Ausschuss für Umwelt und Klimaschutz", "Stadtrat"],
            "personen": [],
            "orte": [],
            "organisationen": [],
            "betraege": ["4.800 €"],
            "rechtsnormen": ["§ 823 BGB"],
            "vorlagen": ["DS 2025/118"],
            "daten": [],
        },
        "source": {"format": "docx", "pages": None},
    }


def _normalise_zip(path: Path) -> None:
    """Fixed timestamps and order in the zip, so the file's bytes (and its id) never change."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 12, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)


OPARL_TEXT = (
    "Stadt Auenfels\nMitteilungsvorlage\nDS 2026/021\n\nBetreff:\nSachstand Sanierung Hallenbad Auenfels\n\n"
    "Sachverhalt:\nDie Sanierung des Hallenbades verzögert sich um etwa drei Monate, weil bei der Öffnung der "
    "Beckenumgänge Schäden an der Bewehrung festgestellt wurden. Die Mehrkosten von rund 215.000 € werden aus der "
    "Ausgleichsrücklage gedeckt. Die Wiedereröffnung ist für den 01.09.2026 geplant.\n"
)


def write_oparl(path: Path) -> dict:
    base = "https://ris.auenfels.example/oparl/v1.1/body/1"
    paper = {
        "id": f"{base}/paper/4711",
        "type": "https://schema.oparl.org/1.1/Paper",
        "body": base,
        "name": "Sachstand Sanierung Hallenbad Auenfels",
        "reference": "DS 2026/021",
        "date": "2026-01-20",
        "paperType": "Mitteilungsvorlage",
        "underDirectionOf": [
            {
                "id": f"{base}/organization/67",
                "type": "https://schema.oparl.org/1.1/Organization",
                "name": "Amt 65 – Hochbau",
            }
        ],
        "mainFile": {
            "id": f"{base}/file/9001",
            "type": "https://schema.oparl.org/1.1/File",
            "name": "Mitteilungsvorlage DS 2026/021",
            "mimeType": "application/pdf",
            "text": OPARL_TEXT,
        },
        "consultation": [
            {
                "id": f"{base}/consultation/1",
                "type": "https://schema.oparl.org/1.1/Consultation",
                "role": "Kenntnisnahme",
                "authoritative": False,
                "organization": [
                    {
                        "id": f"{base}/organization/12",
                        "type": "https://schema.oparl.org/1.1/Organization",
                        "name": "Ausschuss für Sport und Freizeit",
                    }
                ],
                "meeting": {
                    "id": f"{base}/meeting/77",
                    "type": "https://schema.oparl.org/1.1/Meeting",
                    "name": "Sitzung des Ausschusses für Sport und Freizeit",
                    "start": "2026-02-03T17:00:00+01:00",
                },
            },
            {
                "id": f"{base}/consultation/2",
                "type": "https://schema.oparl.org/1.1/Consultation",
                "role": "Kenntnisnahme",
                "organization": [f"{base}/organization/1"],
            },
        ],
    }
    path.write_text(json.dumps(paper, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {
        "vorlage_nr": "DS 2026/021",
        "aktenzeichen": None,
        "art": "Mitteilungsvorlage",
        "datum": "2026-01-20",
        "oeffentlich": None,
        "koerperschaft": "Stadt Auenfels",
        "fachbereich": "Amt 65 – Hochbau",
        "beteiligungen": [],
        "produkt": None,
        "betreff": "Sachstand Sanierung Hallenbad Auenfels",
        # the second Consultation names its committee only by URL: no row can be made of it
        "beschlusslauf": [
            {
                "nr": None,
                "gremium": "Ausschuss für Sport und Freizeit",
                "oeffentlich": None,
                "zustaendigkeit": "Kenntnisnahme",
                "datum": "2026-02-03",
                "ergebnis": None,
            },
        ],
        "beschlussvorschlag": None,
        "begruendung": OPARL_TEXT.split("Sachverhalt:\n", 1)[1].strip(),
        "anlagen": [],
        "entities": {
            "gremien": ["Ausschuss für Sport und Freizeit"],
            "personen": [],
            "orte": [],
            "organisationen": [],
            "betraege": ["215.000 €"],
            "rechtsnormen": [],
            "vorlagen": [],
            "daten": ["01.09.2026"],
        },
        "source": {"format": "oparl", "pages": None},
    }


def main() -> None:
    for form, name, writer in (
        ("docx", "auenfels_ds-2026-014_gruenflaechenpatenschaft.docx", write_docx),
        ("oparl", "auenfels_ds-2026-021_hallenbad.json", write_oparl),
    ):
        target = ROOT / "samples" / form / name
        golden = writer(target)
        out = ROOT / "tests" / "golden" / form / f"{target.stem}.expected.json"
        out.write_text(json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(target.relative_to(ROOT), "->", out.relative_to(ROOT))


if __name__ == "__main__":
    main()
