#!/usr/bin/env python3
"""Generate the archiv sample Vorlagen and their golden records.

Run with the project venv:  .venv/bin/python scripts/make_samples.py

Every sample is defined once below (content + metadata). The renderers turn
that definition into a text export, a PDF (reportlab, invariant=1 so the bytes
are stable) or an HTML page, and ``golden()`` turns the same definition into
the ``<name>.expected.json`` record.  All municipalities, persons and numbers
are fictional.

Paragraph convention: a body section is a list of paragraphs; each paragraph
is one string (PDF: reportlab wraps it; text: one line; HTML: one <p>).  The
golden joins paragraphs with a blank line ("\\n\\n").
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable  # noqa: E402

HERE = Path(__file__).resolve().parent.parent / "samples"
GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"

# ---------------------------------------------------------------------------
# Sample definitions
# ---------------------------------------------------------------------------
# Keys used by all samples:
#   form, name, layout, vorlage_nr, aktenzeichen, art, datum (ISO or None),
#   oeffentlich, koerperschaft, fachbereich, beteiligungen, produkt, betreff,
#   beschlusslauf (rows: nr, gremium, oeffentlich, zustaendigkeit, datum, ergebnis),
#   beschlussvorschlag (list of paragraphs or None), begruendung_label,
#   begruendung (list of paragraphs or None), anlagen, betraege, rechtsnormen,
#   vorlagen
# plus layout-specific keys.


def row(nr=None, gremium=None, oeffentlich=None, zustaendigkeit=None, datum=None, ergebnis=None):
    return {
        "nr": nr,
        "gremium": gremium,
        "oeffentlich": oeffentlich,
        "zustaendigkeit": zustaendigkeit,
        "datum": datum,
        "ergebnis": ergebnis,
    }


SAMPLES: list[dict] = []

# 1 ---------------------------------------------------------------- text, seed form
SAMPLES.append(
    dict(
        form="text",
        name="wesertal_0412-2024_schulsanierung",
        layout="text_export",
        vorlage_nr="0412-2024/LkW",
        aktenzeichen="404-210/7",
        art="Beschlussvorlage",
        datum=None,
        oeffentlich=None,
        koerperschaft="Landkreis Wesertal",
        fachbereich="D II - Dezernat Schule, Bildung und Kultur",
        beteiligungen=[
            "L - Landrat",
            "EB - Erster Kreisbeigeordneter",
            "200 - Finanzen und Controlling",
            "410 - Schulverwaltung",
            "650 - Gebäudemanagement",
        ],
        produkt={"nummer": "2.17.01.01", "bezeichnung": "Bau und Unterhaltung von Schulgebäuden"},
        betreff=(
            "Generalsanierung des Weserlandgymnasiums Hamelow, 2. Bauabschnitt "
            "(Naturwissenschaftstrakt); Freigabe der Mittel und Zustimmung zur Ausschreibung"
        ),
        beschlusslauf=[
            row("1", "Kreisausschuss", False, "Zur vorbereitenden Beschlussfassung"),
            row("2", "Schul- und Kulturausschuss", True, "Zur vorbereitenden Beschlussfassung"),
            row("2", "Haupt- und Finanzausschuss", True, "Zur vorbereitenden Beschlussfassung"),
            row("3", "Kreistag", True, "Zur abschließenden Beschlussfassung"),
        ],
        beschlussvorschlag=[
            "1. Der Kreistag stimmt der Durchführung des 2. Bauabschnitts der Generalsanierung des "
            "Weserlandgymnasiums Hamelow (Naturwissenschaftstrakt) auf der Grundlage der "
            "Entwurfsplanung vom 30.08.2024 mit Gesamtkosten in Höhe von 8,74 Mio. € zu.",
            "2. Der Kreisausschuss wird ermächtigt, die Bauleistungen auszuschreiben und die Aufträge "
            "zu vergeben, soweit die Kostenberechnung um nicht mehr als 10 % überschritten wird.",
            "3. Die im Haushaltsplan 2025 veranschlagten Mittel sowie die Verpflichtungsermächtigung "
            "in Höhe von 4.200.000 € werden freigegeben.",
        ],
        begruendung_label="Begründung:",
        begruendung=[
            "Der Landkreis Wesertal ist nach § 138 HSchG Schulträger des Weserlandgymnasiums Hamelow. "
            "Das Schulgebäude stammt in seinen wesentlichen Teilen aus dem Jahr 1974 und entspricht "
            "weder energetisch noch hinsichtlich Brandschutz und Barrierefreiheit den heutigen "
            "Anforderungen. Mit Beschluss vom 14.03.2022 (Vorlage 0187-2022/LkW) hat der Kreistag die "
            "Generalsanierung in drei Bauabschnitten beschlossen. Der 1. Bauabschnitt (Verwaltungs- und "
            "Klassentrakt) wurde im Sommer 2024 fertiggestellt; die Schlussrechnung liegt mit "
            "6,12 Mio. € rund 180.000 € unter dem genehmigten Kostenrahmen.",
            "Der 2. Bauabschnitt umfasst den Naturwissenschaftstrakt mit acht Fachräumen, zwei "
            "Vorbereitungsräumen und der Sammlung. Vorgesehen sind die vollständige Erneuerung der "
            "Haustechnik einschließlich einer Lüftungsanlage mit Wärmerückgewinnung, der Austausch der "
            "Fenster, die Dämmung der Gebäudehülle sowie der Einbau eines Aufzugs. Die Fachräume "
            "erhalten eine neue Medienversorgung und Abzüge. Die Entwurfsplanung wurde mit der "
            "Schulleitung und der Schulgemeinde abgestimmt.",
            "Nach der Kostenberechnung des beauftragten Architekturbüros belaufen sich die Gesamtkosten "
            "auf 8,74 Mio. €. Für das Vorhaben wurden Fördermittel aus dem Hessischen "
            "Investitionsprogramm für Schulen beantragt; ein Zuwendungsbescheid über 2,1 Mio. € liegt "
            "seit dem 21.10.2024 vor. Der verbleibende Eigenanteil wird über Kredite finanziert, die im "
            "Haushaltsplan 2025 bereits veranschlagt sind.",
            "Der Unterricht wird während der Bauzeit von Februar 2025 bis voraussichtlich Dezember 2026 "
            "in einer Containeranlage auf dem Schulgelände fortgeführt. Die Mietkosten von rund "
            "310.000 € sind in den Gesamtkosten enthalten.",
            "Die Zuständigkeit des Kreistages ergibt sich aus § 30 HKO. Eine Entscheidung ist im "
            "Dezember 2024 erforderlich, damit die Ausschreibungen rechtzeitig vor Beginn der "
            "Sommerferien 2025 abgeschlossen werden können.",
        ],
        anlagen=[
            "Entwurfsplanung Naturwissenschaftstrakt (Grundrisse und Schnitte)",
            "Kostenberechnung nach DIN 276 vom 30.08.2024",
        ],
        betraege=["8,74 Mio. €", "4.200.000 €", "6,12 Mio. €", "180.000 €", "2,1 Mio. €", "310.000 €"],
        rechtsnormen=["§ 138 HSchG", "§ 30 HKO"],
        vorlagen=["0187-2022/LkW"],
    )
)

# 2 ---------------------------------------------------------------- text, Mitteilung
SAMPLES.append(
    dict(
        form="text",
        name="wesertal_0433-2024_radverkehr_mitteilung",
        layout="text_export",
        vorlage_nr="0433-2024/LkW",
        aktenzeichen="660-31/2",
        art="Mitteilungsvorlage",
        datum=None,
        oeffentlich=None,
        koerperschaft="Landkreis Wesertal",
        fachbereich="EB - Erster Kreisbeigeordneter",
        beteiligungen=[
            "610 - Kreisentwicklung und Klimaschutz",
            "660 - Straßenverkehr und Mobilität",
        ],
        produkt=None,
        betreff="Umsetzungsbericht 2024 zum Radverkehrskonzept des Landkreises Wesertal",
        beschlusslauf=[
            row("1", "Kreisausschuss", False, "Zur Kenntnisnahme"),
            row("2", "Ausschuss für Umwelt, Klima und Mobilität", True, "Zur Kenntnisnahme"),
            row("3", "Kreistag", True, "Zur Kenntnisnahme"),
        ],
        beschlussvorschlag=None,
        begruendung_label="Sachverhalt:",
        begruendung=[
            "Mit der Verabschiedung des Radverkehrskonzeptes am 12.12.2022 (Vorlage 0251-2022/LkW) hat "
            "der Kreistag den Kreisausschuss gebeten, jährlich über den Stand der Umsetzung zu "
            "berichten. Der vorliegende Bericht umfasst den Zeitraum vom 01.01.2024 bis zum 31.10.2024.",
            "Im Berichtszeitraum wurden vier Maßnahmen aus der Prioritätenliste abgeschlossen. Der "
            "straßenbegleitende Radweg an der K 17 zwischen Ostheim und Brunnbach (2,3 km) wurde im "
            "Juli 2024 für den Verkehr freigegeben; die Baukosten beliefen sich auf 1.186.000 €, davon "
            "wurden 70 % aus Mitteln der Nahmobilitätsförderung des Landes getragen. Zusätzlich wurden "
            "an neun Bushaltestellen insgesamt 214 Fahrradabstellplätze geschaffen, davon 48 in "
            "abschließbaren Fahrradboxen.",
            "Für die Lückenschlüsse an der K 9 (Hamelow – Kirchberg) und an der K 23 (Ortsumgehung "
            "Lerchenfeld) ist die Entwurfsplanung abgeschlossen. Der Grunderwerb gestaltet sich "
            "schwieriger als erwartet, weil mehrere Eigentümer nur zum Tausch von Flächen bereit sind. "
            "Die Verwaltung rechnet daher nicht vor dem Frühjahr 2026 mit einem Baubeginn.",
            "Die Wegweisung für das Kreisradnetz wurde auf 140 km Länge nach den Vorgaben der "
            "Forschungsgesellschaft für Straßen- und Verkehrswesen überarbeitet. Die Kosten von "
            "96.500 € werden zur Hälfte von den beteiligten Städten und Gemeinden getragen.",
            "Für das Haushaltsjahr 2025 sind für Radverkehrsmaßnahmen insgesamt 2,35 Mio. € eingeplant. "
            "Ein Schwerpunkt liegt auf der Sanierung vorhandener Wirtschaftswege, die im Alltagsradnetz "
            "eine wichtige Verbindungsfunktion haben. Hierzu schließt der Landkreis Wesertal "
            "Vereinbarungen mit den Kommunen nach dem Muster der Vereinbarung mit der Gemeinde "
            "Brunnbach (Vorlage 0356-2023/LkW).",
        ],
        anlagen=["Umsetzungsbericht Radverkehrskonzept 2024 mit Maßnahmenübersicht"],
        betraege=["1.186.000 €", "96.500 €", "2,35 Mio. €"],
        rechtsnormen=[],
        vorlagen=["0251-2022/LkW", "0356-2023/LkW"],
    )
)

# 3 ---------------------------------------------------------------- text, no Beteiligungen
SAMPLES.append(
    dict(
        form="text",
        name="wesertal_0398-2024_kita_ausbau",
        layout="text_export",
        vorlage_nr="0398-2024/LkW",
        aktenzeichen="510-04/11",
        art="Beschlussvorlage",
        datum=None,
        oeffentlich=None,
        koerperschaft="Landkreis Wesertal",
        fachbereich="D III - Dezernat Jugend und Soziales",
        beteiligungen=[],
        produkt={"nummer": "3.63.01.02", "bezeichnung": "Förderung der Kindertagesbetreuung"},
        betreff=("Kreisförderprogramm zum Ausbau von Betreuungsplätzen für Kinder unter drei Jahren 2025 bis 2027"),
        beschlusslauf=[
            row("1", "Kreisausschuss", False, "Zur vorbereitenden Beschlussfassung"),
            row("2", "Jugendhilfeausschuss", True, "Zur vorbereitenden Beschlussfassung"),
            row("3", "Kreistag", True, "Zur abschließenden Beschlussfassung"),
        ],
        beschlussvorschlag=[
            "Der Kreistag beschließt das Kreisförderprogramm zum Ausbau von Betreuungsplätzen für "
            "Kinder unter drei Jahren für die Jahre 2025 bis 2027 in der als Anlage beigefügten "
            "Fassung. Für das Programm werden jährlich 750.000 € im Haushalt des Landkreises "
            "bereitgestellt.",
        ],
        begruendung_label="Begründung:",
        begruendung=[
            "Nach § 24 Abs. 2 SGB VIII hat jedes Kind vom vollendeten ersten Lebensjahr bis zur "
            "Vollendung des dritten Lebensjahres einen Rechtsanspruch auf frühkindliche Förderung in "
            "einer Tageseinrichtung oder in Kindertagespflege. Der Landkreis Wesertal ist als "
            "örtlicher Träger der öffentlichen Jugendhilfe für die Bedarfsplanung nach § 80 SGB VIII "
            "verantwortlich; die Bereitstellung der Plätze erfolgt überwiegend durch die "
            "kreisangehörigen Städte und Gemeinden sowie durch freie Träger.",
            "Die Fortschreibung des Kita-Bedarfsplans (Vorlage 0342-2024/LkW) hat ergeben, dass im "
            "Kreisgebiet bis zum Jahr 2027 rund 420 zusätzliche Plätze für Kinder unter drei Jahren "
            "benötigt werden. Besonders hoch ist der Bedarf in den Neubaugebieten von Hamelow, Ostheim "
            "und Lerchenfeld. Gleichzeitig sind die Baukosten seit 2021 um mehr als ein Drittel "
            "gestiegen, sodass viele Kommunen Ausbauvorhaben zurückstellen.",
            "Das Förderprogramm sieht vor, dass der Landkreis je neu geschaffenem Krippenplatz einen "
            "Zuschuss von 6.000 € gewährt, sofern das Land keine höhere Förderung bereitstellt. Bei "
            "Großtagespflegestellen beträgt der Zuschuss 2.500 € je Platz. Zuwendungsempfänger sind "
            "die Kommunen; freie Träger werden über die jeweilige Standortkommune gefördert. Anträge "
            "sind jeweils bis zum 31. März eines Jahres zu stellen.",
            "Der Jugendhilfeausschuss ist nach § 71 Abs. 3 SGB VIII vor der Beschlussfassung zu hören. "
            "Die Mittel sind im Entwurf des Haushaltsplans 2025 veranschlagt.",
        ],
        anlagen=["Richtlinie Kreisförderprogramm U3-Ausbau 2025–2027"],
        betraege=["750.000 €", "6.000 €", "2.500 €"],
        rechtsnormen=["§ 24 Abs. 2 SGB VIII", "§ 80 SGB VIII", "§ 71 Abs. 3 SGB VIII"],
        vorlagen=["0342-2024/LkW"],
    )
)

LINDENAU_ORTE = ["Bördel", "Hasselfelde", "Kleinrode", "Lindenau", "Ohrum", "Wendhausen"]

# 4 ---------------------------------------------------------------- pdf, letterhead, 2 pages
SAMPLES.append(
    dict(
        form="pdf",
        name="lindenau_ds-47-2025_feuerwehrhaus",
        layout="letterhead",
        vorlage_nr="DS 47/2025",
        aktenzeichen="37.10.02",
        art="Beschlussvorlage",
        datum="2025-09-02",
        oeffentlich=True,
        koerperschaft="Gemeinde Lindenau",
        ortschaften=LINDENAU_ORTE,
        fachbereich="Bürgerdienste, Ordnung und Feuerwehr",
        auskunft="Herr Brandes",
        telefon="05064 9411-32",
        beteiligungen=[],
        produkt=None,
        betreff=(
            "Neubau eines gemeinsamen Feuerwehrhauses der Ortsfeuerwehren Lindenau und Kleinrode; "
            "Vergabe der Objektplanungsleistungen und Bereitstellung überplanmäßiger Mittel"
        ),
        # rendered on two lines with the word "Kleinrode;" hyphenated at the line end
        # ("Kleinrode;" does not fit on line 1, so this is where a typesetter would break)
        betreff_render=(
            "Neubau eines gemeinsamen Feuerwehrhauses der Ortsfeuerwehren Lindenau und Klein-<br/>"
            "rode; Vergabe der Objektplanungsleistungen und Bereitstellung überplanmäßiger Mittel"
        ),
        personalrat_boxes=True,
        beschlusslauf=[
            row(
                None,
                "Ausschuss für Feuerwehr, Ordnung und Sicherheit",
                None,
                "Beratung und Empfehlung",
                "2025-09-09",
                "Einstimmig bei einer Enthaltung lt. Beschlussvorschlag",
            ),
            row(None, "Verwaltungsausschuss", None, "Beratung und Empfehlung", "2025-09-16", None),
            row(None, "Rat", None, "Beratung und Beschlussfassung", "2025-09-25", None),
        ],
        beschlussvorschlag=[
            "1. Der Rat beschließt den Neubau eines gemeinsamen Feuerwehrhauses für die "
            "Ortsfeuerwehren Lindenau und Kleinrode auf dem gemeindeeigenen Grundstück Am Mühlenbach 12 "
            "auf der Grundlage des Raumprogramms vom 15.07.2025 (Anlage 1).",
            "2. Die Bürgermeisterin wird beauftragt, die Objektplanung (Leistungsphasen 1 bis 4) an den "
            "Bieter mit dem wirtschaftlichsten Angebot aus dem Verhandlungsverfahren zu vergeben.",
            "3. Für das Haushaltsjahr 2025 werden überplanmäßige Mittel in Höhe von 185.000 € gemäß "
            "§ 117 Abs. 1 NKomVG bereitgestellt. Die Deckung erfolgt durch Minderaufwendungen bei der "
            "Sanierung der Grundschule Ohrum.",
        ],
        begruendung_label="Problembeschreibung/Begründung:",
        begruendung=[
            "Die Feuerwehrhäuser der Ortsfeuerwehren Lindenau und Kleinrode entsprechen seit Jahren "
            "nicht mehr den Anforderungen der Unfallverhütungsvorschriften der Feuerwehr-Unfallkasse. "
            "In beiden Gebäuden fehlen getrennte Umkleiden für Frauen und Männer, eine "
            "Schwarz-Weiß-Trennung sowie ausreichend große Stellplätze für moderne Einsatzfahrzeuge. "
            "Der Feuerwehrbedarfsplan (DS 12/2024) kommt zu dem Ergebnis, dass eine Sanierung an den "
            "bisherigen Standorten wirtschaftlich nicht vertretbar ist, und empfiehlt einen "
            "gemeinsamen Neubau.",
            "Nach § 2 Abs. 1 NBrandSchG hat die Gemeinde eine den örtlichen Verhältnissen "
            "entsprechende leistungsfähige Feuerwehr aufzustellen, auszurüsten, zu unterhalten und "
            "einzusetzen. Mit dem Standort Am Mühlenbach werden die Hilfsfristen für beide Ortsteile "
            "sowie für Bördel weiterhin eingehalten. Die Ortsbrandmeister und das Gemeindekommando "
            "haben dem Raumprogramm am 03.07.2025 zugestimmt.",
            "Das Raumprogramm sieht eine Fahrzeughalle mit vier Stellplätzen, Umkleiden mit insgesamt "
            "60 Spinden, einen Schulungsraum für 50 Personen, eine Werkstatt sowie ein Büro für die "
            "Jugendfeuerwehr vor. Die Gesamtkosten werden nach einer ersten Kostenschätzung auf rund "
            "4,6 Mio. € beziffert. Das Gebäude soll als Effizienzgebäude errichtet und mit einer "
            "Photovoltaikanlage sowie einer Wärmepumpe ausgestattet werden; ein späterer Anschluss an "
            "das geplante Nahwärmenetz ist möglich.",
            "Da der geschätzte Auftragswert der Planungsleistungen den EU-Schwellenwert überschreitet, "
            "ist ein europaweites Verhandlungsverfahren durchzuführen. Das Verfahren wurde mit "
            "Bekanntmachung vom 14.05.2025 eingeleitet; fünf Büros haben sich beworben, drei wurden zur "
            "Abgabe eines Angebots aufgefordert. Die Auswertung der Angebote erfolgt bis zur Sitzung "
            "des Verwaltungsausschusses; das Ergebnis wird dort mündlich vorgetragen.",
            "Die im Haushalt 2025 veranschlagten Planungsmittel von 120.000 € reichen nicht aus, weil "
            "das Honorar für die Leistungsphasen 1 bis 4 nach derzeitigem Stand rund 305.000 € "
            "betragen wird. Die Differenz von 185.000 € soll überplanmäßig bereitgestellt werden. Über "
            "die Bereitstellung entscheidet der Rat, da die in der Haushaltssatzung festgelegte "
            "Erheblichkeitsgrenze überschritten wird.",
        ],
        extra_sections=[
            (
                "Finanzielle Auswirkungen:",
                [
                    "Überplanmäßige Aufwendungen 2025: 185.000 €; Gesamtkosten der Maßnahme laut "
                    "Kostenschätzung: 4,6 Mio. €. Die Mittel für die Bauausführung sind in der "
                    "mittelfristigen Finanzplanung 2026 bis 2028 zu veranschlagen."
                ],
            )
        ],
        anlagen_style="anlage_n",
        anlagen=[
            "Raumprogramm Feuerwehrhaus Am Mühlenbach vom 15.07.2025",
            "Lageplan Grundstück Am Mühlenbach 12",
            "Kostenschätzung nach DIN 276",
        ],
        signature="gez. Kerstin Schütte",
        beratungsergebnis=True,
        betraege=["185.000 €", "4,6 Mio. €", "120.000 €", "305.000 €"],
        rechtsnormen=["§ 117 Abs. 1 NKomVG", "§ 2 Abs. 1 NBrandSchG"],
        vorlagen=["DS 12/2024"],
    )
)

# 5 ---------------------------------------------------------------- pdf, letterhead, nicht öffentlich
SAMPLES.append(
    dict(
        form="pdf",
        name="sandhorst_ds-19-2025_grunderwerb_spielplatz",
        layout="letterhead",
        vorlage_nr="DS 19/2025",
        aktenzeichen="23.20.05-87/3",
        art="Beschlussvorlage",
        datum="2025-06-03",
        oeffentlich=False,
        koerperschaft="Flecken Sandhorst",
        ortschaften=["Brakenhof", "Ellerbrock", "Sandhorst", "Wiebeck"],
        fachbereich="Finanzen und Liegenschaften",
        auskunft="Frau Lüdeking",
        telefon="05138 6021-14",
        beteiligungen=[],
        produkt=None,
        betreff="Erwerb einer Teilfläche des Flurstücks 87/3 für den Spielplatz im Baugebiet Westerfeld",
        personalrat_boxes=True,
        beschlusslauf=[
            row(None, "Ausschuss für Finanzen und Liegenschaften", None, "Beratung und Empfehlung", "2025-06-10", None),
            row(None, "Verwaltungsausschuss", None, "Beratung und Beschlussfassung", "2025-06-24", None),
        ],
        beschlussvorschlag=[
            "Der Verwaltungsausschuss stimmt dem Erwerb einer etwa 1.250 m² großen Teilfläche des "
            "Flurstücks 87/3, Flur 4, Gemarkung Sandhorst, zu einem Kaufpreis von 56.250 € zuzüglich "
            "Nebenkosten zu. Der Bürgermeister wird ermächtigt, den Kaufvertrag auf der Grundlage des "
            "beigefügten Entwurfs abzuschließen.",
        ],
        begruendung_label="Sachverhalt:",
        begruendung=[
            "Der Bebauungsplan Nr. 31 „Westerfeld“ (DS 8/2024) setzt im nördlichen Teil des "
            "Plangebiets eine öffentliche Grünfläche mit der Zweckbestimmung Spielplatz fest. Die "
            "Fläche befindet sich derzeit im Eigentum einer Erbengemeinschaft, die zum Verkauf bereit "
            "ist. Nach dem Spielplatzentwicklungskonzept des Fleckens fehlt im westlichen Ortsteil ein "
            "Spielplatz für Kinder im Alter von sechs bis zwölf Jahren; die nächsten Spielflächen "
            "liegen mehr als 800 m entfernt.",
            "Der Gutachterausschuss für Grundstückswerte hat den Bodenwert für Flächen dieser Art zum "
            "Stichtag 01.01.2025 mit 45,00 € je Quadratmeter ermittelt. Die Eigentümer haben sich nach "
            "mehreren Gesprächen bereit erklärt, die Teilfläche zu diesem Wert zu veräußern. Die "
            "genaue Größe wird nach der Vermessung festgestellt; abgerechnet wird nach der "
            "tatsächlichen Fläche.",
            "Die Zuständigkeit des Verwaltungsausschusses ergibt sich aus § 76 Abs. 2 NKomVG, da der "
            "Rat sich die Entscheidung über Grundstücksgeschäfte dieser Größenordnung nicht "
            "vorbehalten hat. Die Beratung erfolgt nach § 64 Abs. 1 NKomVG in nicht öffentlicher "
            "Sitzung, weil schutzwürdige Interessen der Verkäufer berührt sind.",
            "Die Herrichtung des Spielplatzes ist für das Jahr 2026 vorgesehen. Die Kosten für Geräte, "
            "Fallschutz und Bepflanzung werden auf rund 95.000 € geschätzt; eine Förderung aus "
            "Landesmitteln wird geprüft.",
        ],
        extra_sections=[
            (
                "Finanzielle Auswirkungen:",
                [
                    "Kaufpreis 56.250 €, Nebenkosten (Notar, Grundbuch, Vermessung) ca. 4.800 €. Im "
                    "Haushalt 2025 stehen beim Produkt 366010 (Spielplätze) Mittel in Höhe von "
                    "70.000 € zur Verfügung."
                ],
            )
        ],
        anlagen_style="dash",
        anlagen=["Lageplan mit Kennzeichnung der Teilfläche", "Entwurf des Kaufvertrages"],
        signature="gez. Heinemann",
        beratungsergebnis=False,
        betraege=["56.250 €", "45,00 €", "95.000 €", "4.800 €", "70.000 €"],
        rechtsnormen=["§ 76 Abs. 2 NKomVG", "§ 64 Abs. 1 NKomVG"],
        vorlagen=["DS 8/2024"],
    )
)

# 6 ---------------------------------------------------------------- pdf, letterhead, Mitteilung
SAMPLES.append(
    dict(
        form="pdf",
        name="lindenau_ds-51-2025_ortsdurchfahrt_mitteilung",
        layout="letterhead",
        vorlage_nr="DS 51/2025",
        aktenzeichen="66.20.14",
        art="Mitteilungsvorlage",
        datum="2025-09-11",
        oeffentlich=True,
        koerperschaft="Gemeinde Lindenau",
        ortschaften=LINDENAU_ORTE,
        fachbereich="Planen, Bauen und Umwelt",
        auskunft="Frau Oltmanns",
        telefon="05064 9411-61",
        beteiligungen=[],
        produkt=None,
        betreff="Sachstand zur Erneuerung der Ortsdurchfahrt Kleinrode (K 214)",
        personalrat_boxes=False,
        table_variant="mitteilung",  # Beratungsfolge | Sitzungstermin | Stand
        beschlusslauf=[
            row(None, "Ausschuss für Bauen, Umwelt und Verkehr", None, "Mitteilung", "2025-09-23", None),
            row(None, "Verwaltungsausschuss", None, "Mitteilung", "2025-09-30", None),
            row(None, "Rat", None, "Mitteilung", "2025-10-09", None),
        ],
        beschlussvorschlag=None,
        begruendung_label="Inhalt der Mitteilung:",
        begruendung=[
            "Der Landkreis beabsichtigt als Baulastträger, die Fahrbahn der Kreisstraße 214 in der "
            "Ortsdurchfahrt Kleinrode auf einer Länge von rund 1,1 km grundhaft zu erneuern. Die "
            "Gemeinde ist für die Nebenanlagen, also Gehwege, Parkstreifen und Straßenbeleuchtung, "
            "zuständig und beteiligt sich an der gemeinsamen Baumaßnahme auf der Grundlage einer "
            "Vereinbarung, der der Verwaltungsausschuss am 08.04.2025 zugestimmt hat (DS 22/2025).",
            "Die Gesamtkosten der Maßnahme werden vom Landkreis auf 2,4 Mio. € geschätzt. Auf die "
            "Gemeinde entfallen nach der aktuellen Kostenberechnung rund 310.000 € für die Gehwege und "
            "85.000 € für die Umrüstung der Straßenbeleuchtung auf LED-Technik. Straßenausbaubeiträge "
            "nach § 6 NKAG werden nicht erhoben, da der Rat die Straßenausbaubeitragssatzung mit "
            "Wirkung zum 01.01.2024 aufgehoben hat.",
            "Im Zuge der Baumaßnahme verlegt der Wasserverband eine neue Trinkwasserleitung; ein "
            "Telekommunikationsunternehmen nutzt die offene Baugrube für den Glasfaserausbau. Die "
            "Abstimmung der Leitungsträger ist abgeschlossen. Der Landkreis plant die Ausschreibung "
            "im November 2025 und einen Baubeginn im März 2026. Die Bauzeit wird voraussichtlich acht "
            "Monate betragen; während dieser Zeit wird die Ortsdurchfahrt abschnittsweise voll "
            "gesperrt. Der Linienbusverkehr wird über die Gemeindestraße Am Anger umgeleitet.",
            "Die Anliegerinnen und Anlieger werden vor Baubeginn in einer Informationsveranstaltung "
            "unterrichtet. Die Haushaltsmittel für den Gemeindeanteil sind im Entwurf des Haushalts "
            "2026 veranschlagt.",
        ],
        extra_sections=[],
        anlagen_style="anlage_n",
        anlagen=[],
        signature="gez. Schütte",
        beratungsergebnis=False,
        betraege=["2,4 Mio. €", "310.000 €", "85.000 €"],
        rechtsnormen=["§ 6 NKAG"],
        vorlagen=["DS 22/2025"],
    )
)

# 7 ---------------------------------------------------------------- pdf, ALLRIS print, ruled table
SAMPLES.append(
    dict(
        form="pdf",
        name="hohenfeld_vo-2024-0193_bebauungsplan",
        layout="allris_print",
        ruled=True,
        vorlage_nr="VO/2024/0193",
        aktenzeichen="61.26.47",
        art="Beschlussvorlage",
        art_as_title=True,
        datum="2024-11-12",
        oeffentlich=True,
        koerperschaft="Stadt Hohenfeld",
        behoerde="Der Magistrat",
        fachbereich="Fachbereich 3 – Stadtplanung und Bauaufsicht",
        beteiligungen=[
            "Fachbereich 1 – Zentrale Dienste und Finanzen",
            "Fachbereich 4 – Tiefbau und Umwelt",
            "Stadtwerke Hohenfeld GmbH",
        ],
        produkt=None,
        betreff=(
            "Bebauungsplan Nr. 47 „Wiesengrund-Süd“ im Stadtteil Niederhohenfeld; Aufstellungsbeschluss "
            "gemäß § 2 Abs. 1 BauGB und Beschluss über die frühzeitige Beteiligung der Öffentlichkeit"
        ),
        beschlusslauf=[
            row(None, "Magistrat", False, "Vorberatung", "2024-11-25"),
            row(None, "Ausschuss für Stadtentwicklung, Bauen und Umwelt", True, "Vorberatung", "2024-12-04"),
            row(None, "Stadtverordnetenversammlung", True, "Entscheidung", "2024-12-12"),
        ],
        beschlussvorschlag=[
            "1. Die Stadtverordnetenversammlung beschließt gemäß § 2 Abs. 1 BauGB die Aufstellung des "
            "Bebauungsplans Nr. 47 „Wiesengrund-Süd“. Der räumliche Geltungsbereich ergibt sich aus "
            "dem beigefügten Übersichtsplan (Anlage 1).",
            "2. Der Magistrat wird beauftragt, die frühzeitige Beteiligung der Öffentlichkeit nach "
            "§ 3 Abs. 1 BauGB und der Behörden nach § 4 Abs. 1 BauGB durchzuführen.",
            "3. Der Aufstellungsbeschluss ist ortsüblich bekannt zu machen.",
        ],
        begruendung_label="Sachverhalt:",
        begruendung=[
            "Die Nachfrage nach Wohnbauland in Hohenfeld übersteigt seit Jahren das Angebot. Die "
            "städtische Bauplatzbörse verzeichnet derzeit 312 Interessenten, überwiegend junge "
            "Familien aus der Stadt. Der Regionalplan weist die Fläche südlich des Wiesengrunds als "
            "Vorranggebiet Siedlung aus; im Flächennutzungsplan ist sie als Wohnbaufläche dargestellt. "
            "Eine Änderung des Flächennutzungsplans ist deshalb nicht erforderlich.",
            "Das rund 6,8 ha große Plangebiet soll Raum für etwa 140 Wohneinheiten in Einzel-, "
            "Doppel- und Reihenhäusern sowie in zwei Mehrfamilienhäusern mit gefördertem Wohnraum "
            "bieten. Zur Sicherung einer geordneten städtebaulichen Entwicklung ist nach "
            "§ 1 Abs. 3 BauGB die Aufstellung eines Bebauungsplans erforderlich. Im Verfahren sind "
            "insbesondere die Belange des Hochwasserschutzes am Mühlbach, des Artenschutzes sowie die "
            "verkehrliche Anbindung an die Landesstraße zu untersuchen.",
            "Die Planungskosten einschließlich der Fachgutachten werden auf 148.000 € geschätzt und "
            "sind im Haushalt 2025 veranschlagt. Die Stadt ist Eigentümerin von rund 70 % der "
            "Flächen; für die übrigen Grundstücke wird eine Umlegung nach § 45 BauGB vorbereitet. Die "
            "Erschließungskosten von voraussichtlich 4,9 Mio. € sollen über die Grundstückserlöse "
            "refinanziert werden.",
            "Die Stadtverordnetenversammlung hat mit dem Wohnbaulandkonzept 2030 (VO/2023/0117) "
            "beschlossen, das Gebiet Wiesengrund-Süd vorrangig zu entwickeln. Die Zuständigkeit der "
            "Stadtverordnetenversammlung ergibt sich aus § 51 Nr. 6 HGO.",
        ],
        anlagen=[
            "Übersichtsplan Geltungsbereich Bebauungsplan Nr. 47",
            "Städtebauliches Rahmenkonzept Wiesengrund-Süd (Entwurf)",
        ],
        betraege=["148.000 €", "4,9 Mio. €"],
        rechtsnormen=[
            "§ 2 Abs. 1 BauGB",
            "§ 3 Abs. 1 BauGB",
            "§ 4 Abs. 1 BauGB",
            "§ 1 Abs. 3 BauGB",
            "§ 45 BauGB",
            "§ 51 Nr. 6 HGO",
        ],
        vorlagen=["VO/2023/0117"],
    )
)

# 8 ---------------------------------------------------------------- pdf, ALLRIS print, plain table, Antrag
SAMPLES.append(
    dict(
        form="pdf",
        name="birkenweiler_an-2025-0021_antrag_radweg",
        layout="allris_print",
        ruled=False,
        vorlage_nr="AN/2025/0021",
        aktenzeichen=None,
        art="Antrag",
        art_as_title=False,
        datum="2025-02-17",
        oeffentlich=True,
        koerperschaft="Gemeinde Birkenweiler",
        behoerde="Der Gemeindevorstand",
        fachbereich="Büro der Gemeindevertretung",
        beteiligungen=["Fachbereich 2 – Bauen und Umwelt", "Fachbereich 3 – Finanzen"],
        produkt=None,
        betreff=(
            "Antrag der SPD-Fraktion vom 14.02.2025: Sichere Radwegeverbindung zwischen dem Ortsteil "
            "Nordheim und dem Schulzentrum Birkenweiler"
        ),
        beschlusslauf=[
            row(None, "Gemeindevorstand", False, "Kenntnisnahme", "2025-03-03"),
            row(None, "Ausschuss für Bau, Umwelt und Verkehr", True, "Vorberatung", "2025-03-13"),
            row(None, "Gemeindevertretung", True, "Entscheidung", "2025-03-27"),
        ],
        beschlussvorschlag=[
            "Die Gemeindevertretung beauftragt den Gemeindevorstand,",
            "1. bis zur Sitzung der Gemeindevertretung im Juni 2025 eine Machbarkeitsstudie für einen "
            "straßenbegleitenden Geh- und Radweg entlang der Nordheimer Straße (K 112) zwischen dem "
            "Ortsteil Nordheim und dem Schulzentrum vorzulegen,",
            "2. bei der zuständigen Straßenverkehrsbehörde zu beantragen, bis zur Fertigstellung des "
            "Radweges die zulässige Höchstgeschwindigkeit auf diesem Abschnitt nach § 45 Abs. 9 StVO "
            "auf 70 km/h zu beschränken, und",
            "3. die Förderfähigkeit des Vorhabens nach der Nahmobilitätsrichtlinie des Landes zu prüfen "
            "und für die Planung im Haushalt 2026 einen Betrag von 60.000 € vorzusehen.",
        ],
        begruendung_label="Begründung:",
        begruendung=[
            "Täglich fahren rund 180 Schülerinnen und Schüler aus Nordheim zum Schulzentrum "
            "Birkenweiler. Die Strecke von 2,7 km führt über die Kreisstraße 112, auf der Tempo 100 "
            "gilt und ein Seitenstreifen fehlt. Viele Eltern bringen ihre Kinder deshalb mit dem Auto "
            "zur Schule, was morgens zu erheblichem Verkehr vor dem Schulzentrum führt. Im vergangenen "
            "Jahr ereigneten sich auf dem Abschnitt zwei Unfälle mit verletzten Radfahrern.",
            "Bereits im Radverkehrskonzept der Gemeinde (VO/2022/0348) ist die Verbindung als "
            "Maßnahme mit hoher Priorität eingestuft. Seitdem ist jedoch nichts geschehen. Nach "
            "Schätzung der Verwaltung aus dem Jahr 2023 würden Bau und Grunderwerb rund 1,35 Mio. € "
            "kosten; das Land fördert solche Vorhaben mit bis zu 75 Prozent der zuwendungsfähigen "
            "Kosten.",
            "Die Gemeindevertretung ist nach § 50 Abs. 1 HGO für die Entscheidung zuständig. Wir "
            "bitten um Zustimmung zu unserem Antrag.",
        ],
        anlagen=["Übersichtskarte Nordheimer Straße (K 112) mit Unfallstellen"],
        betraege=["60.000 €", "1,35 Mio. €"],
        rechtsnormen=["§ 45 Abs. 9 StVO", "§ 50 Abs. 1 HGO"],
        vorlagen=["VO/2022/0348"],
    )
)

# 9 ---------------------------------------------------------------- html, ALLRIS vo020 (ISO-8859-1)
SAMPLES.append(
    dict(
        form="html",
        name="elmshagen_bv-0235-2025_friedhofsgebuehren",
        layout="allris_vo020",
        vorlage_nr="BV/0235/2025",
        aktenzeichen="32.53.10",
        art="Beschlussvorlage",
        datum="2025-10-14",
        oeffentlich=True,
        koerperschaft="Stadt Elmshagen",
        fachbereich="Fachdienst 32 - Ordnung und Friedhöfe",
        bearbeiter="Kowalski, Anja",
        beteiligungen=["Fachdienst 20 - Finanzen", "Rechnungsprüfungsamt"],
        produkt=None,
        betreff="3. Satzung zur Änderung der Friedhofsgebührensatzung der Stadt Elmshagen",
        beschlusslauf=[
            row(None, "Ausschuss für Finanzen und Wirtschaft", True, "Vorberatung", "2025-10-28"),
            row(None, "Verwaltungsausschuss", False, "Vorberatung", "2025-11-11"),
            row(None, "Rat", True, "Entscheidung", "2025-11-27"),
        ],
        begruendung_label="Sachverhalt:",
        begruendung=[
            "Die Friedhofsgebühren der Stadt Elmshagen wurden zuletzt zum 01.01.2023 angepasst "
            "(BV/0198/2022). Nach § 5 Abs. 1 NKAG sollen Benutzungsgebühren so bemessen werden, dass "
            "sie die Kosten der Einrichtung decken. Der Kostendeckungsgrad der städtischen Friedhöfe "
            "ist seit der letzten Anpassung von 81 % auf 68 % gesunken. Im Haushaltsjahr 2024 ergab "
            "sich ein ungedeckter Aufwand von 186.400 €.",
            "Ursachen sind vor allem gestiegene Personal- und Energiekosten sowie der anhaltende "
            "Wandel der Bestattungskultur: Der Anteil der Urnenbeisetzungen liegt inzwischen bei 84 %, "
            "der Flächenbedarf sinkt, während die Unterhaltungskosten für Wege, Hecken und Kapellen "
            "weitgehend fix bleiben. Nicht mehr benötigte Flächen werden schrittweise zu Grünflächen "
            "umgestaltet; deren Pflegekosten werden als öffentliches Interesse nicht in die Gebühren "
            "eingerechnet.",
            "Die als Anlage 1 beigefügte Gebührenkalkulation für die Jahre 2026 bis 2028 sieht einen "
            "Kostendeckungsgrad von 80 % vor. Danach steigt die Gebühr für ein Wahlgrab (zweistellig, "
            "25 Jahre Nutzungszeit) von 1.480 € auf 1.720 €, für ein Urnenreihengrab von 690 € auf "
            "780 €. Die Gebühr für die Bestattung in der Urnengemeinschaftsanlage mit Pflege erhöht "
            "sich von 1.150 € auf 1.260 €. Die Mehrerträge werden auf jährlich rund 96.000 € geschätzt.",
            "Eine vollständige Kostendeckung wird bewusst nicht angestrebt, um Bestattungen auf den "
            "städtischen Friedhöfen bezahlbar zu halten und eine Abwanderung zu „Bestattungswäldern“ "
            "im Umland zu vermeiden.",
        ],
        beschlussvorschlag=[
            "Der Rat beschließt die als Anlage 2 beigefügte 3. Satzung zur Änderung der "
            "Friedhofsgebührensatzung der Stadt Elmshagen nach § 58 Abs. 1 Nr. 5 NKomVG in Verbindung "
            "mit § 5 NKAG.",
            "Die Satzung tritt am 01.01.2026 in Kraft.",
        ],
        anlagen=[
            "Gebührenkalkulation Friedhöfe 2026 bis 2028",
            "Entwurf 3. Änderungssatzung Friedhofsgebührensatzung",
            "Gegenüberstellung alte und neue Gebührensätze",
        ],
        betraege=["186.400 €", "1.480 €", "1.720 €", "690 €", "780 €", "1.150 €", "1.260 €", "96.000 €"],
        rechtsnormen=["§ 5 Abs. 1 NKAG", "§ 58 Abs. 1 Nr. 5 NKomVG", "§ 5 NKAG"],
        vorlagen=["BV/0198/2022"],
    )
)

# 10 --------------------------------------------------------------- html, SessionNet vo0050 (UTF-8)
SAMPLES.append(
    dict(
        form="html",
        name="tannried_2025-0318_haushaltssatzung",
        layout="sessionnet_vo0050",
        vorlage_nr="2025/0318",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum="2025-11-04",
        oeffentlich=True,
        koerperschaft="Gemeinde Tannried",
        fachbereich="Kämmerei",
        bearbeitung="Stefan Huber",
        beteiligungen=[],
        produkt=None,
        betreff="Haushaltssatzung und Haushaltsplan 2026 sowie Finanzplan 2025 bis 2029 der Gemeinde Tannried",
        beschlusslauf=[
            row(None, "Haupt-, Finanz- und Personalausschuss", True, "Vorberatung", "2025-11-18"),
            row(None, "Gemeinderat", True, "Entscheidung", "2025-12-02"),
        ],
        beschlussvorschlag=[
            "Der Gemeinderat erlässt die als Anlage 1 beigefügte Haushaltssatzung der Gemeinde "
            "Tannried für das Haushaltsjahr 2026.",
            "Der Finanzplan mit Investitionsprogramm für die Jahre 2025 bis 2029 wird in der "
            "vorliegenden Fassung beschlossen.",
        ],
        begruendung_label="Sachverhalt",
        begruendung=[
            "Nach Art. 63 GO hat die Gemeinde für jedes Haushaltsjahr eine Haushaltssatzung zu "
            "erlassen. Der Entwurf wurde in der Sitzung des Haupt-, Finanz- und Personalausschusses am "
            "21.10.2025 eingebracht (Vorlage 2025/0281) und in einer Klausurtagung am 08.11.2025 "
            "beraten. Die dort vereinbarten Änderungen sind in den vorliegenden Entwurf eingearbeitet.",
            "Der Haushaltsplan 2026 schließt im Verwaltungshaushalt in Einnahmen und Ausgaben mit "
            "14.382.600 € und im Vermögenshaushalt mit 6.915.400 € ab. Die Zuführung vom Verwaltungs- "
            "an den Vermögenshaushalt beträgt 1.104.000 € und liegt damit deutlich über der "
            "Mindestzuführung. Die Hebesätze bleiben unverändert: Grundsteuer A 380 v. H., "
            "Grundsteuer B 390 v. H., Gewerbesteuer 350 v. H.",
            "Die größten Investitionen sind der Neubau des Kinderhauses St. Martin mit 2,8 Mio. €, die "
            "Sanierung der Ortsverbindungsstraße nach Oberaich mit 640.000 € sowie die Erweiterung des "
            "Feuerwehrgerätehauses Tannried mit 410.000 €. Zur Finanzierung ist eine Kreditaufnahme "
            "von 1.250.000 € vorgesehen. Der Gesamtbetrag der Kreditaufnahmen bedarf nach "
            "Art. 71 Abs. 2 GO der Genehmigung durch die Rechtsaufsichtsbehörde.",
            "Verpflichtungsermächtigungen werden in Höhe von 1.900.000 € festgesetzt, der Höchstbetrag "
            "der Kassenkredite auf 2.000.000 €. Der Schuldenstand wird sich zum Jahresende 2026 auf "
            "voraussichtlich 5,6 Mio. € bzw. 1.187 € je Einwohner erhöhen.",
            "Die beschlossene Haushaltssatzung ist nach Art. 65 Abs. 3 GO spätestens einen Monat vor "
            "Beginn des Haushaltsjahres der Rechtsaufsichtsbehörde vorzulegen.",
        ],
        anlagen=[
            "Haushaltssatzung 2026",
            "Entwurf Haushaltsplan 2026 (Gesamtdokument)",
            "Finanzplan und Investitionsprogramm 2025–2029",
        ],
        betraege=[
            "14.382.600 €",
            "6.915.400 €",
            "1.104.000 €",
            "2,8 Mio. €",
            "640.000 €",
            "410.000 €",
            "1.250.000 €",
            "1.900.000 €",
            "2.000.000 €",
            "5,6 Mio. €",
            "1.187 €",
        ],
        rechtsnormen=["Art. 63 GO", "Art. 71 Abs. 2 GO", "Art. 65 Abs. 3 GO"],
        vorlagen=["2025/0281"],
    )
)

# 11 --------------------------------------------------------------- html, ALLRIS vo020, hostile markup as text
# A Betreff and Sachverhalt that quote markup (correctly entity-escaped in the page): the web UI must show it
# as text. Same Aktenzeichen as sample 9 and a reference to it, for "weitere Vorlagen" and cited Vorlagen.
SAMPLES.append(
    dict(
        form="html",
        name="elmshagen_mv-0241-2025_onlineformular",
        layout="allris_vo020",
        vorlage_nr="MV/0241/2025",
        aktenzeichen="32.53.10",
        art="Mitteilungsvorlage",
        datum="2025-11-03",
        oeffentlich=True,
        koerperschaft="Stadt Elmshagen",
        fachbereich="Fachdienst 32 - Ordnung und Friedhöfe",
        bearbeiter="Brandt, Tobias",
        beteiligungen=["Fachdienst 10 - Informationstechnik", "Datenschutzbeauftragte"],
        produkt=None,
        betreff=(
            'Eingaben wie <script>alert(1)</script> und "><img src=x onerror=alert(1)> im Online-Formular '
            "für Grabstellenanträge: Bericht der Verwaltung"
        ),
        beschlusslauf=[
            row(None, "Ausschuss für Ordnung und Sicherheit", True, "Kenntnisnahme", "2025-11-19"),
            row(None, "Verwaltungsausschuss", False, "Kenntnisnahme", "2025-11-25"),
        ],
        begruendung_label="Sachverhalt:",
        begruendung=[
            "Seit dem 01.09.2025 können Nutzungsrechte an Grabstellen über das Bürgerportal beantragt werden. "
            "Das Formular berechnet die Gebühren nach den geltenden Sätzen; die mit der Vorlage BV/0235/2025 "
            "vorgeschlagenen neuen Sätze werden nach dem Beschluss des Rates eingepflegt.",
            "Im Oktober 2025 gingen 37 Anträge ein, deren Freitextfeld statt einer Begründung Programmcode "
            'enthielt, darunter die Zeichenfolgen <script>alert(1)</script> und "><img src=x onerror=alert(1)>. '
            "Solche Eingaben sollen Skripte im Browser der Sachbearbeitung ausführen (Cross-Site-Scripting).",
            "Die Prüfung durch den Fachdienst 10 hat ergeben, dass das Fachverfahren die Eingaben als Text "
            "angezeigt und nicht ausgeführt hat. Personenbezogene Daten sind nicht abgeflossen; eine Meldung "
            "nach Art. 33 DSGVO war daher nicht erforderlich. Das Formular weist spitze Klammern im "
            "Freitextfeld seit dem 20.10.2025 zurück.",
            "Für die Härtung des Bürgerportals sind einmalig 4.800 € angefallen, die aus dem Budget des "
            "Fachdienstes 10 gedeckt werden.",
        ],
        beschlussvorschlag=["Der Ausschuss für Ordnung und Sicherheit nimmt den Bericht zur Kenntnis."],
        anlagen=["Prüfbericht Fachdienst 10 – Bürgerportal"],
        betraege=["4.800 €"],
        rechtsnormen=["Art. 33 DSGVO"],
        vorlagen=["BV/0235/2025"],
    )
)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def de_date(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


def distinct(items):
    out = []
    for it in items:
        if it not in out:
            out.append(it)
    return out


def golden(s: dict) -> dict:
    def paras(p):
        return None if p is None else "\n\n".join(p)

    return {
        "vorlage_nr": s["vorlage_nr"],
        "aktenzeichen": s["aktenzeichen"],
        "art": s["art"],
        "datum": s["datum"],
        "oeffentlich": s["oeffentlich"],
        "koerperschaft": s["koerperschaft"],
        "fachbereich": s["fachbereich"],
        "beteiligungen": list(s["beteiligungen"]),
        "produkt": s["produkt"],
        "betreff": s["betreff"],
        "beschlusslauf": [dict(r) for r in s["beschlusslauf"]],
        "beschlussvorschlag": paras(s["beschlussvorschlag"]),
        "begruendung": paras(s["begruendung"]),
        "anlagen": list(s["anlagen"]),
        "entities": {
            "gremien": distinct(r["gremium"] for r in s["beschlusslauf"]),
            "personen": [],
            "orte": [],
            "organisationen": [],
            "betraege": list(s["betraege"]),
            "rechtsnormen": list(s["rechtsnormen"]),
            "vorlagen": list(s["vorlagen"]),
            "daten": [],
        },
        "source": {"format": s["form"], "pages": None},
    }


# ---------------------------------------------------------------------------
# 1. text export (seed form)
# ---------------------------------------------------------------------------


def render_text(s: dict) -> str:
    out: list[str] = ["", ""]

    def block(line: str):
        out.append(line)
        out.append("")

    block(f"**{s['art']}**")
    block(f"Vorlage-Nr.: **{s['vorlage_nr']}**")
    if s["aktenzeichen"]:
        block(f"Aktenzeichen: {s['aktenzeichen']}")
    block(f"Fachbereich: **{s['fachbereich']}**")
    if s["beteiligungen"]:
        first, *rest = s["beteiligungen"]
        block(f"Beteiligungen: *{first}*")
        for b in rest:
            block(b)
    if s["produkt"]:
        block(f"Produkt: **{s['produkt']['nummer']} {s['produkt']['bezeichnung']}**")
    block("Beschlusslauf:")
    out.append("<i>Nr.</i>\t<i>Gremium</i>\t<i>Status</i>\t<i>Zuständigkeit</i>")
    for r in s["beschlusslauf"]:
        out.append(f"{r['nr']}.\t{r['gremium']}\t{'Ö' if r['oeffentlich'] else 'N'}\t{r['zustaendigkeit']}")
    out.append("")
    block("Betreff:")
    block(s["betreff"])
    if s["beschlussvorschlag"]:
        block("Beschlussvorschlag:")
        for p in s["beschlussvorschlag"]:
            block(p)
    block(s["begruendung_label"])
    for p in s["begruendung"]:
        block(p)
    if s["anlagen"]:
        block("Anlage:" if len(s["anlagen"]) == 1 else "Anlagen:")
        for i, a in enumerate(s["anlagen"]):
            if i == len(s["anlagen"]) - 1:
                out.append(f"- {a}")  # the seed ends without a trailing newline
            else:
                block(f"- {a}")
    return "\n".join(out)


# ---------------------------------------------------------------------------
# PDF common
# ---------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
LM, RM = 22 * mm, 18 * mm
FRAME_W = PAGE_W - LM - RM

ST_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, alignment=TA_JUSTIFY, spaceAfter=6)
ST_BODY_LEFT = ParagraphStyle("bodyl", parent=ST_BODY, alignment=TA_LEFT)
ST_HEAD = ParagraphStyle(
    "head", fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=4, keepWithNext=1
)
ST_SMALL = ParagraphStyle("small", fontName="Helvetica", fontSize=9, leading=11)
ST_SMALL_B = ParagraphStyle("smallb", parent=ST_SMALL, fontName="Helvetica-Bold")
ST_LINE = ParagraphStyle("line", fontName="Helvetica", fontSize=10, leading=13)
ST_LINE_B = ParagraphStyle("lineb", parent=ST_LINE, fontName="Helvetica-Bold")


def P(text: str, style=ST_BODY, raw: bool = False) -> Paragraph:
    return Paragraph(text if raw else xml_escape(text), style)


class TwoColLine(Flowable):
    """A single text line with a left part and a right-aligned part (e.g. Telefon ... Datum)."""

    def __init__(self, left: str, right: str, font="Helvetica", size=10, height=13):
        super().__init__()
        self.left, self.right, self.font, self.size, self.h = left, right, font, size, height

    def wrap(self, aw, ah):
        self.aw = aw
        return aw, self.h

    def draw(self):
        c = self.canv
        c.setFont(self.font, self.size)
        c.drawString(0, 3, self.left)
        c.drawRightString(self.aw, 3, self.right)


class CheckboxLine(Flowable):
    """'Beteiligung Personalrat   Ja [ ]   Nein [ ]' with drawn boxes."""

    def __init__(self, label: str):
        super().__init__()
        self.label = label

    def wrap(self, aw, ah):
        return aw, 14

    def draw(self):
        c = self.canv
        c.setFont("Helvetica", 9)
        c.drawString(0, 3, self.label)
        x = 62 * mm
        for word in ("Ja", "Nein"):
            c.drawString(x, 3, word)
            x += stringWidth(word, "Helvetica", 9) + 3
            c.rect(x, 2, 8, 8, stroke=1, fill=0)
            x += 22 * mm


def make_doc(path: Path, s: dict, first_page_cb, later_page_cb, top_first: float, top_later: float):
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=LM,
        rightMargin=RM,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        invariant=1,
        title=f"{s['vorlage_nr']} {s['art']}",
        author=s["koerperschaft"],
        subject=s["betreff"],
        creator="archiv samples (reportlab)",
    )
    f1 = Frame(
        LM, 18 * mm, FRAME_W, top_first - 18 * mm, id="f1", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    f2 = Frame(
        LM, 18 * mm, FRAME_W, top_later - 18 * mm, id="f2", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[f1], onPage=first_page_cb, autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[f2], onPage=later_page_cb),
        ]
    )
    return doc


def fit_check(text: str, font: str, size: float, width: float):
    w = stringWidth(text, font, size)
    assert w <= width, f"line too wide ({w:.1f} > {width:.1f}): {text!r}"


# ---------------------------------------------------------------------------
# 2. SD.NET-RIM-like letterhead PDF
# ---------------------------------------------------------------------------


def render_letterhead(s: dict, path: Path) -> int:
    orte = s["ortschaften"]

    def first_page(c, doc):
        c.saveState()
        c.setFont("Helvetica-Bold", 20)
        c.drawString(LM, PAGE_H - 24 * mm, s["koerperschaft"])
        # Ortschaften in two columns at the right
        c.setFont("Helvetica", 8)
        half = (len(orte) + 1) // 2
        for i, o in enumerate(orte):
            col, line = divmod(i, half)
            c.drawString(PAGE_W - RM - 58 * mm + col * 30 * mm, PAGE_H - 14 * mm - line * 4 * mm, o)
        c.setLineWidth(0.8)
        c.line(LM, PAGE_H - 32 * mm, PAGE_W - RM, PAGE_H - 32 * mm)
        c.restoreState()

    def later_page(c, doc):
        c.saveState()
        c.setFont("Helvetica", 10)
        c.drawCentredString(LM + FRAME_W / 2, PAGE_H - 14 * mm, f"- {doc.page} -")
        c.restoreState()

    doc = make_doc(path, s, first_page, later_page, PAGE_H - 37 * mm, PAGE_H - 22 * mm)
    story: list = []
    story.append(P(s["fachbereich"], ST_LINE_B))
    story.append(P(f"Aktenzeichen: {s['aktenzeichen']}", ST_LINE))
    story.append(P(f"Auskunft erteilt: {s['auskunft']}", ST_LINE))
    story.append(TwoColLine(f"Telefon: {s['telefon']}", de_date(s["datum"])))
    story.append(Spacer(1, 5 * mm))
    story.append(P(s["vorlage_nr"], ParagraphStyle("dsnr", fontName="Helvetica-Bold", fontSize=13, leading=16)))
    story.append(P(s["art"], ST_LINE_B))
    story.append(
        P("Beratung in öffentlicher Sitzung" if s["oeffentlich"] else "Beratung in nicht öffentlicher Sitzung", ST_LINE)
    )
    story.append(Spacer(1, 4 * mm))

    # Beratungsfolge table with ruled lines
    if s.get("table_variant") == "mitteilung":
        header = ["Beratungsfolge", "Sitzungstermin", "Stand"]
        widths = [88 * mm, 32 * mm, FRAME_W - 120 * mm]
        data = [[P(h, ST_SMALL_B) for h in header]]
        for r in s["beschlusslauf"]:
            data.append([P(r["gremium"], ST_SMALL), P(de_date(r["datum"]), ST_SMALL), P(r["zustaendigkeit"], ST_SMALL)])
    else:
        header = ["Beratungsfolge", "Termin", "Stand", "Abstimmung"]
        widths = [62 * mm, 21 * mm, 40 * mm, FRAME_W - 123 * mm]
        data = [[P(h, ST_SMALL_B) for h in header]]
        for r in s["beschlusslauf"]:
            data.append(
                [
                    P(r["gremium"], ST_SMALL),
                    P(de_date(r["datum"]), ST_SMALL),
                    P(r["zustaendigkeit"], ST_SMALL),
                    P(r["ergebnis"] or "", ST_SMALL),
                ]
            )
    t = Table(data, colWidths=widths)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), "#E6E6E6"),
            ]
        )
    )
    story.append(t)
    story.append(Spacer(1, 3 * mm))
    if s.get("personalrat_boxes"):
        story.append(CheckboxLine("Beteiligung Personalrat"))
        story.append(CheckboxLine("Beteiligung Gleichstellung"))
    story.append(Spacer(1, 5 * mm))

    # unlabelled Betreff, bold
    st_betreff = ParagraphStyle("betreff", fontName="Helvetica-Bold", fontSize=11, leading=14.5, spaceAfter=8)
    if "betreff_render" in s:
        assert s["betreff_render"].replace("-<br/>", "") == s["betreff"]
        for ln in s["betreff_render"].split("<br/>"):
            fit_check(ln, "Helvetica-Bold", 11, FRAME_W)
        story.append(P(xml_escape(s["betreff_render"]).replace("&lt;br/&gt;", "<br/>"), st_betreff, raw=True))
    else:
        story.append(P(s["betreff"], st_betreff))

    if s["beschlussvorschlag"]:
        story.append(P("Beschlussvorschlag:", ST_HEAD))
        story += [P(p) for p in s["beschlussvorschlag"]]
    story.append(P(s["begruendung_label"], ST_HEAD))
    story += [P(p) for p in s["begruendung"]]
    for label, paras in s.get("extra_sections", []):
        story.append(P(label, ST_HEAD))
        story += [P(p) for p in paras]
    if s["anlagen"]:
        story.append(P("Anlagen:", ST_HEAD))
        for i, a in enumerate(s["anlagen"], 1):
            txt = f"Anlage {i}: {a}" if s["anlagen_style"] == "anlage_n" else f"- {a}"
            story.append(P(txt, ST_BODY_LEFT))
    story.append(Spacer(1, 6 * mm))
    story.append(P(s["signature"], ST_BODY_LEFT))
    if s.get("beratungsergebnis"):
        story.append(Spacer(1, 6 * mm))
        hdr = [
            "Gremium",
            "Einstimmig",
            "Ja",
            "Nein",
            "Enthaltung",
            "lt. Beschluss- vorschlag",
            "abweichender Beschluss",
        ]
        st_h = ParagraphStyle("rh", parent=ST_SMALL_B, fontSize=8, leading=10)
        rows = [[P(h, st_h) for h in hdr]]
        for r in s["beschlusslauf"]:
            rows.append([P(r["gremium"], ST_SMALL)] + [""] * 6)
        widths = [54 * mm, 21 * mm, 10 * mm, 11 * mm, 19 * mm, 27 * mm]
        widths.append(FRAME_W - sum(widths))
        t2 = Table(rows, colWidths=widths)
        t2.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#000000"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(KeepTogether([P("Beratungsergebnis:", ST_HEAD), t2]))
    doc.build(story)
    return doc.page


# ---------------------------------------------------------------------------
# 3. ALLRIS/Somacos-like labelled PDF print
# ---------------------------------------------------------------------------


def render_allris_print(s: dict, path: Path) -> int:
    def on_page(c, doc):
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawRightString(PAGE_W - RM, 10 * mm, f"Seite {doc.page}")
        c.restoreState()

    doc = make_doc(path, s, on_page, on_page, PAGE_H - 15 * mm, PAGE_H - 15 * mm)
    story: list = []
    story.append(P(s["koerperschaft"], ParagraphStyle("k", fontName="Helvetica-Bold", fontSize=14, leading=17)))
    story.append(P(s["behoerde"], ST_LINE))
    story.append(Spacer(1, 2 * mm))
    story.append(HRFlowable(width="100%", thickness=1.2, color="#1F3D7A", spaceBefore=2, spaceAfter=6))
    if s.get("art_as_title"):
        story.append(P(s["art"], ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=6)))

    lab = ST_SMALL_B
    val = ParagraphStyle("v", parent=ST_SMALL, fontSize=9.5, leading=12)
    labv = ParagraphStyle("lv", parent=lab, fontSize=9.5, leading=12)
    grid = [
        [
            P("Vorlage-Nr.:", labv),
            P(s["vorlage_nr"], val),
            P("Status:", labv),
            P("öffentlich" if s["oeffentlich"] else "nichtöffentlich", val),
        ],
    ]
    if s.get("art_as_title"):
        grid.append(
            [P("Federführend:", labv), P(s["fachbereich"], val), P("Datum:", labv), P(de_date(s["datum"]), val)]
        )
    else:
        grid.append([P("Art:", labv), P(s["art"], val), P("Datum:", labv), P(de_date(s["datum"]), val)])
        grid.append([P("Federführend:", labv), P(s["fachbereich"], val), "", ""])
    if s["aktenzeichen"]:
        grid.append([P("Aktenzeichen:", labv), P(s["aktenzeichen"], val), "", ""])
    grid.append([P("Beteiligt:", labv), [P(b, val) for b in s["beteiligungen"]], "", ""])
    g = Table(grid, colWidths=[28 * mm, 88 * mm, 18 * mm, FRAME_W - 134 * mm])
    g.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    for txt in [s["fachbereich"], *s["beteiligungen"]]:
        fit_check(txt, "Helvetica", 9.5, 88 * mm - 6)
    story.append(g)
    story.append(HRFlowable(width="100%", thickness=0.5, color="#808080", spaceBefore=6, spaceAfter=4))

    story.append(P("Betreff:", ST_HEAD))
    story.append(P(s["betreff"], ParagraphStyle("b2", parent=ST_BODY_LEFT, fontName="Helvetica-Bold")))

    story.append(P("Beratungsfolge:", ST_HEAD))
    data = [[P(h, ST_SMALL_B) for h in ("Datum", "Gremium", "Rolle", "Ö/N")]]
    for r in s["beschlusslauf"]:
        data.append(
            [
                P(de_date(r["datum"]), ST_SMALL),
                P(r["gremium"], ST_SMALL),
                P(r["zustaendigkeit"], ST_SMALL),
                P("Ö" if r["oeffentlich"] else "N", ST_SMALL),
            ]
        )
    t = Table(data, colWidths=[24 * mm, 92 * mm, 34 * mm, FRAME_W - 150 * mm])
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    if s["ruled"]:
        style += [
            ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), "#DDE4F0"),
        ]
    t.setStyle(TableStyle(style))
    t.hAlign = "LEFT"
    story.append(t)

    story.append(P("Beschlussvorschlag:", ST_HEAD))
    story += [P(p, ST_BODY_LEFT) for p in s["beschlussvorschlag"]]
    story.append(P(s["begruendung_label"], ST_HEAD))
    story += [P(p, ST_BODY_LEFT) for p in s["begruendung"]]
    if s["anlagen"]:
        story.append(P("Anlagen:", ST_HEAD))
        for i, a in enumerate(s["anlagen"], 1):
            story.append(P(f"{i}. {a}", ST_BODY_LEFT))
    doc.build(story)
    return doc.page


# ---------------------------------------------------------------------------
# 4a. ALLRIS net vo020.asp (ISO-8859-1)
# ---------------------------------------------------------------------------

LATIN1_ENTITIES = {"€": "&euro;", "„": "&bdquo;", "“": "&ldquo;", "–": "&ndash;"}


def h_latin1(text: str) -> str:
    """HTML-escape and replace characters outside ISO-8859-1 by named entities."""
    t = html.escape(text, quote=False)
    for ch, ent in LATIN1_ENTITIES.items():
        t = t.replace(ch, ent)
    return t


def wrap_source(text: str, width: int = 96, indent: str = "") -> str:
    """Break long HTML source lines at spaces (HTML whitespace collapses, so this is invisible)."""
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    return ("\n" + indent).join(lines)


def render_allris_vo020(s: dict) -> bytes:
    e = h_latin1
    rows_bf = []
    for i, r in enumerate(s["beschlusslauf"]):
        cls = "zl11" if i % 2 == 0 else "zl12"
        rows_bf.append(
            f'<tr valign="top" class="{cls}">\n'
            f'<td class="text2">{de_date(r["datum"])}</td>\n'
            f'<td class="text1"><a href="si010_e.asp?GRA={101 + i}" title="Gremium">{e(r["gremium"])}</a></td>\n'
            f'<td class="text2">{e(r["zustaendigkeit"])}</td>\n'
            f'<td class="text2" align="center">{"&Ouml;" if r["oeffentlich"] else "N"}</td>\n'
            f"</tr>"
        )
    beteiligt_rows = []
    for i, b in enumerate(s["beteiligungen"]):
        label = "Beteiligt:" if i == 0 else "&nbsp;"
        right_l, right_v = ("Aktenzeichen:", e(s["aktenzeichen"])) if i == 0 else ("Datum:", de_date(s["datum"]))
        beteiligt_rows.append(
            f'<tr valign="top">\n<td class="kb1">{label}</td>\n<td class="text4">{e(b)}</td>\n'
            f'<td class="kb1">{right_l}</td>\n<td class="text4">{right_v}</td>\n</tr>'
        )

    def word_paras(paras):
        out = []
        for p in paras:
            out.append(
                '<p class="MsoNormal" style="text-align:justify"><span style="font-family:&quot;Arial&quot;,sans-serif">'
                + wrap_source(e(p))
                + "</span></p>"
            )
            out.append('<p class="MsoNormal">&nbsp;</p>')
        return "\n".join(out[:-1])

    anl_rows = []
    for i, a in enumerate(s["anlagen"], 1):
        anl_rows.append(
            f'<tr valign="top">\n<td class="text3">{i}</td>\n'
            f'<td class="text3"><a href="do027.asp?DOLFDNR={48210 + i}&amp;options=64" target="_blank" '
            f'title="{e(a)}">{e(a)}</a></td>\n<td class="text3">{137 + 41 * i} KB</td>\n</tr>'
        )

    doc = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html lang="de">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Vorlage - {e(s["vorlage_nr"])}</title>
<link rel="stylesheet" type="text/css" href="../_css/allris.css">
<script type="text/javascript" src="../_js/allris.js"></script>
</head>
<body>
<div id="risheader"><a href="../index.asp">B&uuml;rgerinformationssystem {e(s["koerperschaft"])}</a></div>
<div id="rismenu">
<a href="si010_e.asp">Sitzungskalender</a> | <a href="vo040.asp">Vorlagen</a> | <a href="recherche.asp">Recherche</a>
</div>
<div id="risname"><h1>Vorlage - {e(s["vorlage_nr"])}&nbsp;&nbsp;</h1></div>
<div id="rismain">
<table class="risdeco" cellspacing="0" cellpadding="0" width="100%">
<tr><td class="decor1"></td><td>
<table class="tk1" cellspacing="0" cellpadding="0">
<tr valign="top"><td class="ko1">
<table class="tk1" cellspacing="0" cellpadding="0">
<tr valign="top">
<td class="kb1">Betreff:</td>
<td class="text1" colspan="3">{e(s["betreff"])}</td>
</tr>
<tr valign="top">
<td class="kb1">Status:</td>
<td class="text3">{"&ouml;ffentlich" if s["oeffentlich"] else "nicht&ouml;ffentlich"}</td>
<td class="kb1">Vorlage-Art:</td>
<td class="text4">{e(s["art"])}</td>
</tr>
<tr valign="top">
<td class="kb1">Federf&uuml;hrend:</td>
<td class="text4">{e(s["fachbereich"])}</td>
<td class="kb1">Bearbeiter/-in:</td>
<td class="text4">{e(s["bearbeiter"])}</td>
</tr>
{chr(10).join(beteiligt_rows)}
</table>
</td></tr>
</table>
</td><td class="decor2"></td></tr>
</table>

<table class="risdeco" cellspacing="0" cellpadding="0" width="100%">
<tr><td class="me1">
<table class="tk1" cellspacing="0" cellpadding="0">
<tr><td class="kb1" colspan="4">Beratungsfolge:</td></tr>
<tr class="zw1">
<th class="text1">Datum</th>
<th class="text1">Gremium</th>
<th class="text1">Zust&auml;ndigkeit</th>
<th class="text1">&Ouml;/N</th>
</tr>
{chr(10).join(rows_bf)}
</table>
</td></tr>
</table>

<table class="risdeco" cellspacing="0" cellpadding="0" width="100%">
<tr><td class="me1">
<div id="allrisvo">
<h3 class="vobez">{e(s["begruendung_label"])}</h3>
<div class="WordSection1">
{word_paras(s["begruendung"])}
</div>
<h3 class="vobez">Beschlussvorschlag:</h3>
<div class="WordSection1">
{word_paras(s["beschlussvorschlag"])}
</div>
</div>
</td></tr>
</table>

<table class="risdeco" cellspacing="0" cellpadding="0" width="100%">
<tr><td class="me1">
<table class="tk1" cellspacing="0" cellpadding="0" summary="Anlagen">
<tr><td class="kb1" colspan="3">Anlagen:</td></tr>
{chr(10).join(anl_rows)}
</table>
</td></tr>
</table>
</div>
<div id="risfooter">&copy; {e(s["koerperschaft"])} &ndash; ALLRIS&reg; net</div>
</body>
</html>
"""
    return doc.encode("iso-8859-1")  # raises if anything outside Latin-1 is left


# ---------------------------------------------------------------------------
# 4b. Somacos SessionNet vo0050.php (UTF-8)
# ---------------------------------------------------------------------------


def render_sessionnet_vo0050(s: dict) -> bytes:
    e = lambda t: html.escape(t, quote=False)
    ea = lambda t: html.escape(t, quote=True)
    bf_rows = []
    for i, r in enumerate(s["beschlusslauf"]):
        cls = "smcrow1" if i % 2 == 0 else "smcrow2"
        bf_rows.append(
            f'        <tr class="{cls}">\n'
            f'          <td class="smc_field_sidat">{de_date(r["datum"])}</td>\n'
            f'          <td class="smc_field_grname"><a href="si0057.php?__ksinr={5120 + i}" '
            f'title="Sitzung anzeigen">{e(r["gremium"])}</a></td>\n'
            f'          <td class="smc_field_bfrole">{e(r["zustaendigkeit"])}</td>\n'
            f'          <td class="smc_field_bfoen">{"Ö" if r["oeffentlich"] else "N"}</td>\n'
            f"        </tr>"
        )
    docs = []
    for i, a in enumerate(s["anlagen"], 1):
        docs.append(
            f'          <tr>\n            <td class="smcdocname smcdocname{i}"><a href="getfile.php?id={77310 + i}&amp;type=do" '
            f'title="{ea(a)}" target="_blank">{e(a)}</a></td>\n'
            f'            <td class="smcdocsize">{312 + 97 * i} KB</td>\n          </tr>'
        )

    def paras(ps):
        return "\n".join(f"        <p>{e(p)}</p>" for p in ps)

    doc = f"""<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SessionNet | Vorlage - {e(s["vorlage_nr"])}</title>
  <link rel="stylesheet" href="css/styles5.css">
</head>
<body class="smc-body">
  <header class="smc-header">
    <div class="smc-logo"><a href="index.php">Ratsinformationssystem {e(s["koerperschaft"])}</a></div>
    <nav class="smc-nav">
      <ul><li><a href="si0040.php">Kalender</a></li><li><a href="vo0040.php">Vorlagen</a></li><li><a href="recherche.php">Recherche</a></li></ul>
    </nav>
  </header>
  <main id="smccontent" class="smc-content">
    <h1 class="smc_h1">Vorlage - {e(s["vorlage_nr"])}</h1>
    <div class="smc-table-responsive">
      <table id="smctablevorgang" class="table smctablevorgang" summary="Vorgangsdaten">
        <tbody>
          <tr>
            <td class="smctablehead smctdlabel">Betreff:</td>
            <td class="smctablecontent smctdcell" colspan="3">{e(s["betreff"])}</td>
          </tr>
          <tr>
            <td class="smctablehead smctdlabel">Status:</td>
            <td class="smctablecontent smctdcell">{"öffentlich" if s["oeffentlich"] else "nichtöffentlich"}</td>
            <td class="smctablehead smctdlabel">Vorlage-Art:</td>
            <td class="smctablecontent smctdcell">{e(s["art"])}</td>
          </tr>
          <tr>
            <td class="smctablehead smctdlabel">Federführend:</td>
            <td class="smctablecontent smctdcell">{e(s["fachbereich"])}</td>
            <td class="smctablehead smctdlabel">Bearbeitung:</td>
            <td class="smctablecontent smctdcell">{e(s["bearbeitung"])}</td>
          </tr>
          <tr>
            <td class="smctablehead smctdlabel">Datum:</td>
            <td class="smctablecontent smctdcell">{de_date(s["datum"])}</td>
            <td class="smctablehead smctdlabel">&nbsp;</td>
            <td class="smctablecontent smctdcell">&nbsp;</td>
          </tr>
        </tbody>
      </table>
    </div>

    <h2 class="smc_h2">Beratungsreihenfolge</h2>
    <div class="smc-table-responsive">
      <table id="smc_page_vo0050_contenttable1" class="table smccontenttable smc_page_vo0050_contenttable" summary="Beratungsreihenfolge">
        <thead>
          <tr class="smcrowh">
            <th class="smc_field_sidat">Datum</th>
            <th class="smc_field_grname">Gremium</th>
            <th class="smc_field_bfrole">Rolle</th>
            <th class="smc_field_bfoen">Ö/N</th>
          </tr>
        </thead>
        <tbody>
{chr(10).join(bf_rows)}
        </tbody>
      </table>
    </div>

    <div id="smcvorlagentext" class="smc-documenttext">
      <div class="smc-doc-part smc-doc-beschlussvorschlag">
        <h3 class="smc_h3">Beschlussvorschlag</h3>
{paras(s["beschlussvorschlag"])}
      </div>
      <div class="smc-doc-part smc-doc-sachverhalt">
        <h3 class="smc_h3">{e(s["begruendung_label"])}</h3>
{paras(s["begruendung"])}
      </div>
    </div>

    <div class="smcdocbox">
      <h3 class="smc_h3">Anlagen</h3>
      <table class="smcdocboxright" summary="Tabelle enthält zum aufgerufenen Element zugeordnete Dokumente und damit verbundene Aktionen.">
        <tbody>
{chr(10).join(docs)}
        </tbody>
      </table>
    </div>
  </main>
  <footer class="smc-footer">SessionNet &copy; Somacos &middot; {e(s["koerperschaft"])}</footer>
</body>
</html>
"""
    return doc.encode("utf-8")


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# self-check: does every golden value really appear in the rendered document?
# ---------------------------------------------------------------------------


def _norm(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip()


def extracted_text(path: Path) -> str:
    """Plain text of a rendered sample, page headers/footers dropped, hyphenation undone."""
    if path.suffix == ".pdf":
        import pdfplumber

        parts, cells = [], []
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines = [
                    ln
                    for ln in (page.extract_text() or "").splitlines()
                    if not re.fullmatch(r"- \d+ -|Seite \d+", ln.strip())
                ]
                parts.append("\n".join(lines))
                for table in page.extract_tables():
                    for r in table:
                        cells.append(" | ".join(_norm(c or "") for c in r))
        text = "\n".join(parts + cells)  # ruled-table cells appended after the running text
        text = re.sub(r"(\w)-\n(?=[a-zäöüß])", r"\1", text)
        return _norm(text)
    if path.suffix == ".html":
        from selectolax.lexbor import LexborHTMLParser as HTMLParser

        raw = path.read_bytes()
        m = re.search(rb'charset=["\']?([\w-]+)', raw[:1024])
        tree = HTMLParser(raw.decode(m.group(1).decode("ascii")))
        return _norm(tree.body.text(separator=" "))
    return _norm(re.sub(r"\*\*?|</?i>", "", path.read_text(encoding="utf-8")))


_MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip


def _found(value: str, text: str) -> bool:
    """Whether a golden value is printed: case aside ("BESCHLUSSVORLAGE"), a date also as "14. November 2025"."""
    if _norm(value).lower() in text.lower():
        return True
    d = re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4})", value)
    return bool(d) and f"{int(d[1])}. {_MONTHS[int(d[2]) - 1]} {d[3]}" in text


def check(samples: list[dict] | None = None, text_of=extracted_text) -> int:
    problems = 0
    for s in SAMPLES if samples is None else samples:
        ext = {"text": ".txt", "pdf": ".pdf", "html": ".html"}[s["form"]]
        path = HERE / s["form"] / f"{s['name']}{ext}"
        gpath = GOLDEN / s["form"] / f"{s['name']}.expected.json"
        g = json.loads(gpath.read_text(encoding="utf-8"))
        text = text_of(path)
        must = [
            g["vorlage_nr"],
            g["aktenzeichen"],
            g["art"],
            g["fachbereich"],
            g["betreff"],
            *g["beteiligungen"],
            *g["anlagen"],
            *(r["gremium"] for r in g["beschlusslauf"]),
            *(r["zustaendigkeit"] for r in g["beschlusslauf"]),
            *(r["ergebnis"] for r in g["beschlusslauf"]),
            *(de_date(r["datum"]) for r in g["beschlusslauf"]),
            de_date(g["datum"]),
        ]
        if g["koerperschaft"]:
            must.append(g["koerperschaft"])
        if g["produkt"]:
            must += [g["produkt"]["nummer"], g["produkt"]["bezeichnung"]]
        for sec in ("beschlussvorschlag", "begruendung"):
            if g[sec]:
                must += g[sec].split("\n\n")
        missing = [m for m in must if m and not _found(m, text)]
        # entities: present, and listed in order of first appearance
        order_bad = []
        for key in ("betraege", "rechtsnormen", "vorlagen", "gremien"):
            last = -1
            for item in g["entities"][key]:
                m = re.search(r"(?<![\d.,\w])" + re.escape(item) + r"(?![\w])", text)
                if not m:
                    missing.append(f"entity {key}: {item}")
                    continue
                if m.start() < last and key != "gremien":
                    order_bad.append(f"{key}: {item}")
                last = max(last, m.start())
        words = len(text.split())
        status = "ok" if not missing and not order_bad else "PROBLEM"
        print(f"{status:7} {path.relative_to(HERE)}  ~{words} words")
        for m in missing:
            print(f"        missing: {m!r}")
        for o in order_bad:
            print(f"        out of order: {o}")
        problems += bool(missing or order_bad)
    return 1 if problems else 0


def main() -> int:
    if "--check" in sys.argv[1:]:
        return check()
    for s in SAMPLES:
        outdir = HERE / s["form"]
        outdir.mkdir(parents=True, exist_ok=True)
        g = golden(s)
        if s["form"] == "text":
            path = outdir / f"{s['name']}.txt"
            path.write_text(render_text(s), encoding="utf-8")
        elif s["form"] == "pdf":
            path = outdir / f"{s['name']}.pdf"
            pages = render_letterhead(s, path) if s["layout"] == "letterhead" else render_allris_print(s, path)
            g["source"]["pages"] = pages
        else:
            path = outdir / f"{s['name']}.html"
            if s["layout"] == "allris_vo020":
                path.write_bytes(render_allris_vo020(s))
            else:
                path.write_bytes(render_sessionnet_vo0050(s))
        gpath = GOLDEN / s["form"] / f"{s['name']}.expected.json"
        gpath.write_text(json.dumps(g, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{path.relative_to(HERE)}  ({g['source']['pages'] or '-'} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
