#!/usr/bin/env python3
"""Generate the samples of the vendor layouts added for issue 3, and their golden records.

Run with the project venv:  .venv/bin/python scripts/make_layout_samples.py [--check]

Same conventions as scripts/make_samples.py (whose helpers, styles and ``golden()`` this script
uses): every sample is defined once below, a renderer writes the file and ``golden()`` the
``<name>.expected.json`` record from the same definition. The layouts imitate the conventions of
real council systems (a Berlin BVV page, a SessionNet print as in Erlangen, text exports as in
Karlsruhe, Leipzig and Augsburg, a letterhead PDF whose Beratungsfolge runs over a page break);
municipalities, persons, numbers and all wording are invented.

In prose a "|" marks where a text renderer may hyphenate a word at a line end ("Stadt|teil" ->
"Stadt-" / "teil"); the golden record has the word whole.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import make_samples as ms
from make_samples import (
    FRAME_W,
    LM,
    PAGE_H,
    PAGE_W,
    RM,
    ST_BODY_LEFT,
    ST_HEAD,
    ST_SMALL,
    ST_SMALL_B,
    P,
    de_date,
    make_doc,
    row,
)
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

HERE, GOLDEN = ms.HERE, ms.GOLDEN
SAMPLES: list[dict] = []

# 1 --------------------------------------------------------------- html, Berlin BVV (ALLRIS, windows-1252)
SAMPLES.append(
    dict(
        form="html",
        name="havelwerder_ds-0817-vi_trinkbrunnen",
        layout="bvv_berlin",
        vorlage_nr="DS/0817/VI",
        aktenzeichen=None,
        art="Antrag",
        datum=None,  # the page prints no date of the Drucksache, only the session dates
        oeffentlich=True,
        koerperschaft="Bezirksamt Havelwerder",
        fachbereich=None,  # an Antrag of a Fraktion: no office leads it
        initiator="Fraktion Bündnis 90/Die Grünen",
        verfasser="Brenneke, Marlene; Yildiz, Tarek",
        beteiligungen=[],
        produkt=None,
        betreff="Mehr Trinkbrunnen für Havelwerder – Hitzeschutz in Grünanlagen und auf Plätzen",
        beschlusslauf=[
            row(None, "Bezirksverordnetenversammlung Havelwerder", None, None, "2025-06-12", "überwiesen"),
            row(None, "Ausschuss für Umwelt, Natur und Grünflächen", None, None, "2025-06-30", "Ablehnung empfohlen"),
            row(None, "Bezirksverordnetenversammlung Havelwerder", None, None, "2025-07-10", "in der BVV abgelehnt"),
        ],
        sitzungen=["BVV/031/VI", "UmNat/026/VI", "BVV/032/VI"],
        beschluss_formel="Die Bezirksverordnetenversammlung möge beschließen:",
        beschlussvorschlag=[
            "Das Bezirksamt wird ersucht,",
            "1. in Abstimmung mit den Berliner Wasserbetrieben bis zum Sommer 2026 mindestens acht zusätzliche "
            "öffentliche Trinkbrunnen in Grünanlagen und auf stark besuchten Plätzen des Bezirks aufzustellen, "
            "vorrangig im Volkspark Kiesgrund, am Fährplatz und am Uferweg Lindenwerder,",
            "2. bei allen künftigen Umgestaltungen von Grünanlagen und Spielplätzen einen Wasseranschluss für einen "
            "Trinkbrunnen vorzusehen und",
            "3. der Bezirksverordnetenversammlung bis zum 31.03.2026 über die Standortauswahl, die Kosten und den "
            "Zeitplan zu berichten.",
        ],
        begruendung_label="Begründung:",
        begruendung=[
            "Die Sommer der vergangenen Jahre haben gezeigt, dass Hitzeperioden auch in unserem Bezirk länger und "
            "häufiger werden. Im Juli 2025 wurden an der Messstation Havelwerder-Süd an elf Tagen mehr als 30 Grad "
            "gemessen. Besonders gefährdet sind ältere Menschen, kleine Kinder und Menschen ohne Obdach. Kostenloses "
            "Trinkwasser im öffentlichen Raum ist ein einfacher und wirksamer Baustein des Hitzeschutzes, wie ihn "
            "auch der Hitzeaktionsplan des Bezirks (DS/0542/VI) vorsieht.",
            "Derzeit gibt es im ganzen Bezirk nur fünf öffentliche Trinkbrunnen, von denen zwei in den letzten "
            "Sommern wegen Defekten monatelang außer Betrieb waren. In anderen Bezirken hat sich die "
            "Zusammenarbeit mit den Wasserbetrieben bewährt: Diese übernehmen Aufstellung und Wartung, während "
            "der Bezirk den Standort bereitstellt und den Anschluss an das Leitungsnetz herstellt. Die Kosten für "
            "einen Anschluss liegen nach Auskunft anderer Bezirksämter bei rund 18.500 € je Standort.",
            "Die vorgeschlagenen Standorte werden im Sommer von sehr vielen Menschen aufgesucht und liegen nahe an "
            "vorhandenen Leitungen. Für die Anschlüsse können Mittel aus dem Landesprogramm für klimaangepasste "
            "Grünflächen beantragt werden. Das Ersuchen stützt sich auf § 13 BezVG.",
        ],
        anlagen=["Übersichtskarte der vorgeschlagenen Standorte"],
        betraege=["18.500 €"],
        rechtsnormen=["§ 13 BezVG"],
        vorlagen=["DS/0542/VI"],
    )
)

# 2 --------------------------------------------------------------- pdf, SessionNet print (Erlangen-like)
SAMPLES.append(
    dict(
        form="pdf",
        name="wiesentau_613-184-2025_mobilstationen",
        layout="sessionnet_print",
        vorlage_nr="613/184/2025",
        aktenzeichen="VI/61/RBK",
        art="Beschlussvorlage",
        datum=None,  # the print carries no date of its own
        oeffentlich=None,  # only the rows say Ö/N
        koerperschaft="Stadt Wiesentau",
        fachbereich="Amt 61 – Stadtplanung und Mobilität",
        beteiligungen=["Amt 20 – Stadtkämmerei", "Amt 66 – Tiefbau", "Stadtwerke Wiesentau GmbH"],
        produkt=None,
        betreff="Mobilstationen im Stadtgebiet; Standortkonzept und Umsetzung der ersten Ausbaustufe",
        beschlusslauf=[
            row(None, "Umwelt-, Verkehrs- und Planungsausschuss", True, "Gutachten", "2025-10-14"),
            row(None, "Haupt-, Finanz- und Personalausschuss", True, "Gutachten", "2025-10-22"),
            row(None, "Stadtrat", True, "Beschluss", "2025-10-30"),
        ],
        beschlussvorschlag=[
            "Das Standortkonzept für Mobilstationen im Stadtgebiet (Anlage 1) wird beschlossen. Die Verwaltung "
            "wird beauftragt, die erste Ausbaustufe mit sechs Mobilstationen bis Ende 2026 umzusetzen und hierfür "
            "Fördermittel aus dem Landesprogramm für den öffentlichen Personennahverkehr zu beantragen.",
            "Die Stadtwerke Wiesentau GmbH werden gebeten, den Betrieb der Leihradstationen an den Mobilstationen "
            "zu übernehmen.",
        ],
        begruendung_label="II. Begründung",
        begruendung_parts=[
            (
                "1. Ergebnis/Wirkungen",
                "Mobilstationen bündeln an einem Ort verschiedene Verkehrsangebote: Bushaltestelle, Leih- und "
                "Lastenräder, Carsharing-Stellplätze, sichere Fahrradabstellanlagen und Ladepunkte. Sie sollen den "
                "Umstieg vom eigenen Auto erleichtern und tragen zu den Zielen des Verkehrsentwicklungsplans 2035 "
                "bei, der den Anteil des Autoverkehrs an allen Wegen von 41 % auf 30 % senken will.",
            ),
            (
                "2. Programme / Produkte / Leistungen / Auflagen",
                "Das Standortkonzept wurde von einem Fachbüro erarbeitet und in zwei Werkstattgesprächen mit den "
                "Ortsbeiräten abgestimmt. Es sieht insgesamt 22 Standorte in drei Größen vor. In der ersten "
                "Ausbaustufe sollen die sechs Standorte mit der höchsten Nachfrage entstehen, darunter der "
                "Bahnhofsvorplatz, der Marktplatz Nord und das Wohngebiet Am Sandberg. Die übrigen Standorte "
                "folgen in zwei weiteren Stufen bis zum Jahr 2030.",
            ),
            (
                "3. Prozesse und Strukturen",
                "Planung und Bau übernimmt das Amt 61 gemeinsam mit dem Tiefbauamt. Für den Betrieb der Leihräder "
                "ist eine Vereinbarung mit der Stadtwerke Wiesentau GmbH vorgesehen; die Carsharing-Stellplätze "
                "werden nach § 5 CsgG in einem Auswahlverfahren vergeben. Alle Stationen erhalten ein einheitliches "
                "Erscheinungsbild und werden in die Fahrplanauskunft des Verkehrsverbundes aufgenommen.",
            ),
            (
                "4. Ressourcen",
                "Die Investitionskosten der ersten Ausbaustufe betragen nach der Kostenschätzung 1.180.000 €. Die "
                "Verwaltung rechnet mit einer Förderung von 75 % der zuwendungsfähigen Kosten, sodass ein "
                "Eigenanteil von rund 310.000 € verbleibt. Haushaltsmittel sind auf der IvP-Nr. 541.301 vorhanden. "
                "Für den Unterhalt entstehen jährliche Folgekosten von voraussichtlich 42.000 €.",
            ),
        ],
        anlagen=["Standortkonzept Mobilstationen (Kurzfassung)", "Lageplan Mobilstation Bahnhofsvorplatz"],
        betraege=["1.180.000 €", "310.000 €", "42.000 €"],
        rechtsnormen=["§ 5 CsgG"],
        vorlagen=[],
    )
)

# 3 --------------------------------------------------------------- text, Karlsruhe-like (label and value blocks)
SAMPLES.append(
    dict(
        form="text",
        name="pfinzheim_2025-0742_stadtteilbibliothek",
        layout="karlsruhe_text",
        vorlage_nr="2025/0742",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum="2025-11-14",  # "Hauptamt - Ratsangelegenheiten - 14. November 2025" closes the paper
        oeffentlich=True,
        koerperschaft="Stadt Pfinzheim",
        fachbereich="Dez. 5",
        gremium_kopf="14. Plenarsitzung Gemeinderat",
        termin="2025-11-25",
        top="7",
        beteiligungen=[],
        produkt=None,
        betreff="Stadtteilbibliothek Pfinzheim-Nord: Erweiterung in das ehemalige Sparkassengebäude Kirchplatz 4; "
        "Baubeschluss",
        beschlusslauf=[
            row(None, "Planungsausschuss", None, None, "2025-11-06", "vorberaten"),
            row(None, "Hauptausschuss", None, None, "2025-11-18", "vorberaten"),
            row(None, "Gemeinderat", None, None, "2025-11-25", None),
        ],
        tops=["4", "11", "7"],
        beschlussvorschlag=[
            "Der Gemeinderat beschließt nach Vorberatung im Planungs|ausschuss und im Haupt|ausschuss die "
            "Erweiterung der Stadtteil|bibliothek Pfinzheim-Nord in das Erdgeschoss des ehemaligen "
            "Sparkassen|gebäudes Kirchplatz 4 mit Gesamtkosten von 1.240.000 Euro. Die Verwaltung wird beauftragt, "
            "die Bauleistungen auszu|schreiben und zu vergeben.",
        ],
        begruendung_label="Ergänzende Erläuterungen",
        begruendung=[
            "Die Stadtteil|bibliothek Pfinzheim-Nord ist mit jährlich rund 64.000 Besuchen die am stärksten "
            "genutzte Zweigstelle der Stadt|bibliothek. Sie ist seit 1987 in einem Laden|geschäft mit 280 m² "
            "Nutzfläche untergebracht, das weder barrierefrei zugänglich ist noch Platz für Gruppen|arbeit, "
            "Veranstaltungen oder ruhige Lernplätze bietet. Die Stadt Pfinzheim hat das benachbarte ehemalige "
            "Sparkassen|gebäude am Kirchplatz 4 im Jahr 2024 erworben (Vorlage 2024/0315).",
            "Durch den Umbau des Erdgeschosses entsteht eine zusammen|hängende Bibliotheks|fläche von 610 m². "
            "Vorgesehen sind ein barrierefreier Eingang am Kirchplatz, ein Veranstaltungs|bereich für bis zu 60 "
            "Personen, ein abgetrennter Lernraum mit zwölf Arbeits|plätzen sowie ein Medien|rückgabe|automat, "
            "der rund um die Uhr zugänglich ist. Die Planung wurde mit dem Bürgerverein Pfinzheim-Nord und dem "
            "Jugendgemeinderat abgestimmt.",
            "Die Gesamtkosten betragen nach der Kosten|berechnung 1.240.000 Euro. Das Land fördert den Umbau aus "
            "dem Ausgleich|stock mit 310.000 Euro; der Zuwendungs|bescheid liegt vor. Der städtische Anteil von "
            "930.000 Euro ist im Doppel|haushalt 2025/2026 veranschlagt. Durch die größere Fläche entstehen "
            "jährliche Mehrkosten für Unterhalt und Energie von rund 18.000 Euro.",
            "Der Umbau soll in den Sommer|ferien 2026 beginnen und im Frühjahr 2027 abgeschlossen sein. Während der "
            "Bauzeit bleibt die Bibliothek im bisherigen Laden|geschäft geöffnet.",
        ],
        kosten=["1.240.000 €", "310.000 €", "930.000 €", "18.000 €"],
        anlagen=[],
        betraege=["1.240.000 Euro", "310.000 Euro", "930.000 Euro", "18.000 Euro"],
        rechtsnormen=["§ 70 Abs. 1 GemO"],
        vorlagen=["2024/0315"],
    )
)

# 4 --------------------------------------------------------------- text, Leipzig-like ALLRIS print as text
SAMPLES.append(
    dict(
        form="text",
        name="mulderau_viii-ds-02147_brueckenneubau",
        layout="leipzig_text",
        vorlage_nr="VIII-DS-02147",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum=None,
        oeffentlich=True,
        koerperschaft="Stadt Mulderau",
        fachbereich="Dezernat Bauen, Verkehr und Umwelt",  # "Eingereicht von:" an office of the administration
        beteiligungen=[],
        produkt=None,
        betreff="Ersatzneubau der Geh- und Radwegbrücke Wiesenweg über den Mühlgraben – Bau- und "
        "Finanzierungsbeschluss",
        betreff_lines=[
            "Ersatzneubau der Geh- und Radwegbrücke Wiesenweg über den Mühlgraben – Bau- und",
            "Finanzierungsbeschluss",
        ],
        beschlusslauf=[
            row(None, "Dienstberatung des Oberbürgermeisters", None, "Bestätigung", "2025-10-14"),
            row(None, "FA Bauen, Verkehr und Umwelt", None, "Vorberatung", "2025-11-04"),
            row(None, "Stadtbezirksbeirat Nordost", None, "Anhörung", "2025-11-05"),
            row(None, "Ratsversammlung", None, "Beschlussfassung", "2025-11-19"),
        ],
        beschlussvorschlag=[
            "1. Die Ratsversammlung beschließt den Ersatzneubau der Geh- und Radwegbrücke Wiesenweg über den "
            "Mühlgraben auf der Grundlage der Entwurfsplanung (Anlage 1) mit Gesamtkosten von 2.860.000 EUR.",
            "2. Die überplanmäßige Auszahlung im Haushaltsjahr 2026 in Höhe von 420.000 EUR nach § 79 Abs. 1 "
            "SächsGemO wird bestätigt. Die Deckung erfolgt aus Minderauszahlungen beim Vorhaben Ufermauer "
            "Parkweg.",
            "3. Der Oberbürgermeister wird beauftragt, die Bauleistungen auszuschreiben und den Zuschlag zu erteilen.",
        ],
        zusammenfassung=(
            "Mit der Vorlage sollen der Bau und die Finanzierung der neuen Brücke beschlossen werden, die die seit "
            "März 2024 gesperrte Holzbrücke am Wiesenweg ersetzt."
        ),
        begruendung_label="Sachverhalt",
        begruendung_parts=[
            (
                "1. Anlass",
                [
                    "Die Holzbrücke am Wiesenweg verbindet die Wohngebiete am Nordhang mit dem Auenpark und ist "
                    "Teil der Radhauptroute 4. Bei der Bauwerksprüfung nach DIN 1076 im Februar 2024 wurden "
                    "erhebliche Fäulnisschäden an den Hauptträgern festgestellt. Die Brücke musste im März 2024 "
                    "gesperrt werden; seitdem ist ein Umweg von rund 1,2 km über den Mühlendamm erforderlich.",
                    "Ein Gutachten hat ergeben, dass eine Instandsetzung wirtschaftlich nicht sinnvoll ist, weil "
                    "sämtliche tragenden Teile ersetzt werden müssten und die Brücke danach noch immer nicht die "
                    "heute geforderte Breite für den gemeinsamen Geh- und Radverkehr hätte.",
                ],
            ),
            (
                "2. Beschreibung der Maßnahme",
                [
                    "Geplant ist eine Stahlverbundbrücke mit einer Stützweite von 34 m und einer nutzbaren Breite "
                    "von 4,0 m. Die Rampen auf beiden Seiten werden mit einer Neigung von höchstens 6 % barrierefrei "
                    "angelegt; die Beleuchtung erfolgt mit LED-Leuchten, die nachts auf 30 % gedimmt werden. Die "
                    "Unterbauten werden außerhalb des Gewässerbettes gegründet, sodass der Mühlgraben während der "
                    "Bauzeit nicht umgeleitet werden muss.",
                    "Die Entwurfsplanung wurde mit der unteren Wasserbehörde und dem Naturschutzbeirat "
                    "abgestimmt. Für die Fällung von drei Erlen am Nordufer werden im Auenpark sechs Bäume "
                    "nachgepflanzt. Die wasserrechtliche Genehmigung nach § 36 WHG wurde am 22.08.2025 erteilt.",
                ],
            ),
            (
                "3. Realisierungs- / Zeithorizont",
                [
                    "Nach der Ausschreibung im Dezember 2025 soll der Bau im April 2026 beginnen. Die Freigabe der "
                    "Brücke ist für Dezember 2026 vorgesehen.",
                ],
            ),
        ],
        nach_begruendung=[
            (
                "4. Finanzielle Auswirkungen",
                [
                    "Die Gesamtkosten betragen 2.860.000 EUR. Der Freistaat fördert die Maßnahme aus der "
                    "Förderrichtlinie Kommunaler Radverkehr mit 1.120.000 EUR. Der Eigenanteil der Stadt Mulderau "
                    "beträgt 1.740.000 EUR, davon sind 1.320.000 EUR im Haushalt 2025/2026 veranschlagt."
                ],
            ),
            ("5. Auswirkungen auf den Stellenplan", ["Keine."]),
        ],
        anlagen=["Entwurfsplanung Brücke Wiesenweg (Lageplan und Ansicht)", "Kostenberechnung vom 15.09.2025"],
        betraege=["2.860.000 EUR", "420.000 EUR", "1.120.000 EUR", "1.740.000 EUR", "1.320.000 EUR"],
        rechtsnormen=["§ 79 Abs. 1 SächsGemO", "§ 36 WHG"],
        vorlagen=[],
    )
)

# 5 --------------------------------------------------------------- text, Augsburg-like ALLRIS 4 print as text
SAMPLES.append(
    dict(
        form="text",
        name="wertachried_bsv-25-04718_hettenbach",
        layout="augsburg_text",
        vorlage_nr="BSV/25/04718",
        aktenzeichen=None,
        art="Beschlussvorlage",
        datum="2025-10-14",
        oeffentlich=True,
        koerperschaft="Stadt Wertachried",
        fachbereich="Referat 2",
        referent="Dr. Henrike Sailer, berufsm. Stadtratsmitglied",
        beteiligungen=[],
        produkt=None,
        betreff="Renaturierung des Hettenbachs zwischen Stadtpark und Mühlwehr; Projektbeschluss",
        betreff_lines=["Renaturierung des Hettenbachs zwischen Stadtpark und Mühlwehr;", "Projektbeschluss"],
        beschlusslauf=[
            row(None, "Umwelt-, Klima- und Verkehrsausschuss", True, "Vorberatung", "2025-10-21"),
            row(None, "Bauausschuss", True, "Vorberatung", "2025-10-23"),
            row(None, "Stadtrat Wertachried", True, "Entscheidung", "2025-11-06"),
        ],
        # how each row's name and role are broken over lines in the print
        row_lines=[
            ["Umwelt-, Klima- und Verkehrsausschuss", "(Vorberatung)"],
            ["Bauausschuss (Vorberatung)"],
            ["Stadtrat Wertachried (Entscheidung)"],
        ],
        vorgaenge=[("BSV/24/03391", "Grundsatzbeschluss Gewässerentwicklungskonzept Hettenbach")],
        beschlussvorschlag=[
            "1. Der Stadtrat beschließt die Renaturierung des Hettenbachs zwischen Stadtpark und Mühlwehr auf der "
            "Grundlage der Entwurfsplanung vom 30.06.2025 mit Gesamtkosten von 1.960.000 €.",
            "2. Die Verwaltung wird beauftragt, die Förderung nach den Richtlinien für Zuwendungen zu "
            "wasserwirtschaftlichen Vorhaben zu beantragen und die Bauleistungen auszuschreiben.",
        ],
        begruendung_label="Begründung",
        begruendung=[
            "Der Hettenbach fließt auf einer Länge von rund 900 m zwischen dem Stadtpark und dem Mühlwehr in einem "
            "geraden, mit Betonhalbschalen befestigten Bett. Das Gewässer erreicht nach der Bewertung des "
            "Wasserwirtschaftsamtes nur einen unbefriedigenden ökologischen Zustand. Mit dem Grundsatzbeschluss "
            "zum Gewässerentwicklungskonzept (BSV/24/03391) hat der Stadtrat die Verwaltung beauftragt, diesen "
            "Abschnitt vorrangig naturnah umzugestalten.",
            "Die Entwurfsplanung sieht vor, die Betonschalen zu entfernen, dem Bach einen geschwungenen Lauf mit "
            "flachen Ufern zu geben und an zwei Stellen Aufweitungen anzulegen, die bei Hochwasser zusätzlichen "
            "Rückhalteraum schaffen. Das Mühlwehr wird durch eine raue Rampe ersetzt, sodass Fische und andere "
            "Wassertiere den Bach wieder durchwandern können. Der Uferweg bleibt erhalten und wird an zwei Stellen "
            "mit Sitzstufen an das Wasser herangeführt.",
            "Die Gesamtkosten betragen nach der Kostenberechnung 1.960.000 €. Der Freistaat fördert die Maßnahme "
            "voraussichtlich mit 60 % der zuwendungsfähigen Kosten; der städtische Anteil von rund 784.000 € ist "
            "im Investitionsprogramm 2026 bis 2028 vorgesehen. Die Bauarbeiten sollen im Herbst 2026 außerhalb "
            "der Laichzeit beginnen und im Sommer 2027 abgeschlossen sein.",
            "Der Bauausschuss ist nach § 8 Abs. 2 GeschO für die Vorberatung zuständig, weil die Maßnahme die "
            "Grünanlagen des Stadtparks berührt. Die Entscheidung über das Projekt trifft der Stadtrat der Stadt "
            "Wertachried.",
        ],
        anlagen=[],
        betraege=["1.960.000 €", "784.000 €"],
        rechtsnormen=["§ 8 Abs. 2 GeschO"],
        vorlagen=["BSV/24/03391"],
    )
)

ILMENBRUECK_ORTSRAETE = [
    ("Ahlenhusen", "2025-10-13", "Einstimmig lt. Beschlussvorschlag"),
    ("Birkbrock", "2025-10-14", "Mehrheitlich bei 1 Gegenstimme lt. Beschlussvorschlag"),
    ("Dörrieshagen", "2025-10-15", "Einstimmig mit Änderung: Vereine zahlen für Feiern die Hälfte des Entgelts"),
    ("Elsmühlen", "2025-10-16", "Einstimmig bei einer Enthaltung lt. Beschlussvorschlag"),
    ("Fahrenbostel", "2025-10-20", "Mehrheitlich bei 2 Enthaltungen lt. Beschlussvorschlag"),
    ("Gödeckenrode", "2025-10-21", "Einstimmig lt. Beschlussvorschlag"),
    ("Hasenwinkel", "2025-10-22", "Mehrheitlich bei 1 Gegenstimme und 1 Enthaltung lt. Beschlussvorschlag"),
    ("Ilmenbrück", "2025-10-23", "Einstimmig bei einer Enthaltung lt. Beschlussvorschlag"),
    ("Kattenriede", "2025-10-27", "Vertagt auf die nächste Sitzung des Ortsrates"),
    ("Lütjenmoor", "2025-10-28", "Einstimmig lt. Beschlussvorschlag"),
    ("Mellendorf-Heide", "2025-10-29", "Mehrheitlich bei 3 Enthaltungen lt. Beschlussvorschlag"),
    ("Nienstedt am Walde", "2025-10-30", "Einstimmig bei zwei Enthaltungen lt. Beschlussvorschlag"),
    ("Oberhagen", "2025-11-03", "Einstimmig lt. Beschlussvorschlag"),
    ("Quernbeck", "2025-11-03", "Einstimmig mit Änderung: keine Kaution für ortsansässige Vereine"),
    ("Rehwinkel", "2025-11-05", "Einstimmig bei einer Enthaltung lt. Beschlussvorschlag"),
]

# 6 --------------------------------------------------------------- pdf, letterhead, Beratungsfolge over two pages
SAMPLES.append(
    dict(
        form="pdf",
        name="ilmenbrueck_ds-88-2025_dorfgemeinschaftshaeuser",
        layout="letterhead",
        vorlage_nr="DS 88/2025",
        aktenzeichen="10.42.01",
        art="Beschlussvorlage",
        datum="2025-10-02",
        oeffentlich=True,
        koerperschaft="Stadt Ilmenbrück",
        ortschaften=["Ahlenhusen", "Birkbrock", "Dörrieshagen", "Elsmühlen", "Fahrenbostel", "Gödeckenrode"],
        fachbereich="Bürgerservice, Kultur und Ortschaften",
        auskunft="Frau Wedekind",
        telefon="05066 7013-24",
        beteiligungen=[],
        produkt=None,
        betreff="Neufassung der Benutzungs- und Entgeltordnung für die Dorfgemeinschaftshäuser der Stadt Ilmenbrück",
        personalrat_boxes=False,
        # fifteen Ortsräte are heard before the committees: the ruled table runs onto page 2 (no repeated header)
        beschlusslauf=[
            *(
                row(None, f"Ortsrat {name}", None, "Anhörung", day, result)
                for name, day, result in ILMENBRUECK_ORTSRAETE
            ),
            row(None, "Ausschuss für Kultur, Sport und Ortschaften", None, "Beratung und Empfehlung", "2025-11-12"),
            row(None, "Verwaltungsausschuss", None, "Beratung und Empfehlung", "2025-11-18"),
            row(None, "Rat", None, "Beratung und Beschlussfassung", "2025-11-27"),
        ],
        beschlussvorschlag=[
            "Der Rat beschließt die Benutzungs- und Entgeltordnung für die Dorfgemeinschaftshäuser der Stadt "
            "Ilmenbrück in der Fassung der Anlage 1. Sie tritt am 01.01.2026 in Kraft; zugleich tritt die "
            "Benutzungsordnung vom 12.05.2011 außer Kraft.",
        ],
        begruendung_label="Sachverhalt:",
        begruendung=[
            "Die Stadt Ilmenbrück unterhält in fünfzehn Ortschaften Dorfgemeinschaftshäuser, die von Vereinen, "
            "Ortsräten, Kirchengemeinden und Privatpersonen genutzt werden. Die Nutzung ist bislang in einer "
            "Benutzungsordnung aus dem Jahr 2011 geregelt, deren Entgelte seitdem nicht angepasst wurden. Die "
            "Entgelte decken derzeit nur rund 19 % der Betriebskosten von jährlich 214.000 €.",
            "Der Entwurf fasst die bisher von Haus zu Haus unterschiedlichen Regelungen zusammen. Ortsansässige "
            "Vereine und Gruppen nutzen die Häuser für ihre regelmäßigen Übungsabende und Versammlungen weiterhin "
            "unentgeltlich. Für private Feiern wird ein Entgelt von 120 € je Tag für den großen Saal und von 60 € "
            "für den Gruppenraum erhoben; hinzu kommt eine Kaution von 200 €. Die Entgelte sind privatrechtlich "
            "ausgestaltet, weil die Häuser nicht durch Widmung zu öffentlichen Einrichtungen bestimmt sind.",
            "Die Ortsräte sind nach § 94 Abs. 1 NKomVG anzuhören, da die Dorfgemeinschaftshäuser Einrichtungen in "
            "ihren Ortschaften sind. Die Ergebnisse der bisherigen Anhörungen sind in der Beratungsfolge "
            "vermerkt. Der Ortsrat Dörrieshagen regt an, dass Vereine für Feiern nur die Hälfte des Entgelts "
            "zahlen. Die Verwaltung empfiehlt, dem nicht zu folgen, weil Vereinsfeiern die Häuser ebenso belegen "
            "wie private Feiern.",
            "Mit der Neufassung werden Mehrerträge von rund 11.500 € im Jahr erwartet. Die Ordnung soll nach zwei "
            "Jahren überprüft werden.",
        ],
        extra_sections=[],
        anlagen_style="anlage_n",
        anlagen=[
            "Entwurf der Benutzungs- und Entgeltordnung",
            "Gegenüberstellung der bisherigen und der neuen Entgelte",
        ],
        signature="gez. Rademacher",
        beratungsergebnis=False,
        betraege=["214.000 €", "120 €", "60 €", "200 €", "11.500 €"],
        rechtsnormen=["§ 94 Abs. 1 NKomVG"],
        vorlagen=[],
    )
)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def plain(text: str) -> str:
    return text.replace("|", "")


def golden(s: dict) -> dict:
    """make_samples.golden, with hyphenation marks removed and sections given in parts joined."""
    t = dict(s)
    for key in ("beschlussvorschlag", "begruendung"):
        if t.get(key) is not None:
            t[key] = [plain(p) for p in t[key]]
    if "begruendung_parts" in s:
        paras: list[str] = []
        for heading, body in s["begruendung_parts"]:
            paras.append(heading)
            paras += [body] if isinstance(body, str) else body
        t["begruendung"] = paras
    return ms.golden(t)


def wrap(text: str, width: int) -> list[str]:
    """Greedy line breaking; a word may be hyphenated at a "|" mark when the whole word does not fit."""
    lines: list[str] = []
    cur = ""
    for word in text.split(" "):
        while True:
            whole = plain(word)
            if len(f"{cur} {whole}" if cur else whole) <= width:
                cur = f"{cur} {whole}" if cur else whole
                break
            parts = word.split("|")
            cut = next(
                (
                    k
                    for k in range(len(parts) - 1, 0, -1)
                    if len((f"{cur} " if cur else "") + "".join(parts[:k]) + "-") <= width
                ),
                None,
            )
            if cut is not None:
                lines.append((f"{cur} " if cur else "") + "".join(parts[:cut]) + "-")
                cur, word = "", "|".join(parts[cut:])
                continue
            if not cur:  # a word longer than the line: it stands alone
                cur = whole
                break
            lines.append(cur)
            cur = ""
    if cur:
        lines.append(cur)
    return lines


def de_long(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)}. {ms._MONTHS[int(m) - 1]} {y}"


# ---------------------------------------------------------------------------
# 1. Berlin BVV page (ALLRIS net, windows-1252)
# ---------------------------------------------------------------------------


def render_bvv_berlin(s: dict) -> bytes:
    from html import escape

    def e(t: str) -> str:
        return escape(t, quote=False)

    bf = []
    for i, (r, sitzung) in enumerate(zip(s["beschlusslauf"], s["sitzungen"], strict=True)):
        cls = "zl11" if i % 2 == 0 else "zl12"
        bf.append(
            f'<tr class="{cls}" valign="top">\n'
            f'<td class="text2">{de_date(r["datum"])}</td>\n'
            f'<td class="text1"><a href="to010.asp?SILFDNR={4411 + i}" title="Sitzung">{e(r["gremium"])}</a></td>\n'
            f'<td class="text2"><a href="to010.asp?SILFDNR={4411 + i}">{e(sitzung)}</a></td>\n'
            f'<td class="text2">{e(r["ergebnis"])}</td>\n</tr>'
        )

    def paras(ps: list[str]) -> str:
        return "\n".join(
            f'<p class="MsoNormal" style="margin-bottom:6.0pt;text-align:justify">'
            f'<span style="font-family:&quot;Arial&quot;,sans-serif">{ms.wrap_source(e(p))}</span></p>'
            for p in ps
        )

    def heading(text: str) -> str:
        return (
            f'<p class="MsoNormal"><b><span style="font-family:&quot;Arial&quot;,sans-serif">{e(text)}</span></b></p>'
        )

    status = "öffentlich" if s["oeffentlich"] else "nichtöffentlich"
    anl = "\n".join(
        f'<tr valign="top"><td class="text3">{i}</td><td class="text3"><a href="___tmp/tmp/45081036{70 + i}.pdf" '
        f'target="_blank">{e(a)}</a> (PDF, {214 + 50 * i} KB)</td></tr>'
        for i, a in enumerate(s["anlagen"], 1)
    )
    doc = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html lang="de">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Drucksache - {e(s["vorlage_nr"])}</title>
<link rel="stylesheet" type="text/css" href="../../css/bvv.css">
</head>
<body>
<div id="header"><a href="../index.asp">{e(s["koerperschaft"])} von Berlin</a>
&ndash; Bezirksverordnetenversammlung</div>
<div id="navigation"><a href="si010.asp">Sitzungen</a> | <a href="vo040.asp">Drucksachen</a>
| <a href="pa021.asp">Personen</a></div>
<div id="content">
<h1>Drucksache - {e(s["vorlage_nr"])}&nbsp;&nbsp;</h1>
<table class="risdeco" cellspacing="0" cellpadding="0" width="100%"><tr><td>
<table class="tk1" cellspacing="0" cellpadding="0">
<tr valign="top"><td class="kb1">Betreff:</td><td class="text1" colspan="3">{e(s["betreff"])}</td></tr>
<tr valign="top"><td class="kb1">Status:</td><td class="text3">{status}</td>
<td class="kb1">Drucksache-Art:</td><td class="text4">{e(s["art"])}</td></tr>
<tr valign="top"><td class="kb1">Initiator:</td><td class="text4">{e(s["initiator"])}</td>
<td class="kb1">Verfasser:</td><td class="text4">{e(s["verfasser"])}</td></tr>
</table>
</td></tr></table>

<table class="tk1" cellspacing="0" cellpadding="0" summary="Beratungsfolge">
<tr><td class="kb1" colspan="4">Beratungsfolge:</td></tr>
<tr class="zw1"><th class="text1">Datum</th><th class="text1">Gremium</th><th class="text1">Sitzung</th>
<th class="text1">Beschlussart</th></tr>
{chr(10).join(bf)}
</table>

<div id="allrisvo" class="WordSection1">
{heading(s["beschluss_formel"])}
{paras(s["beschlussvorschlag"])}
<p class="MsoNormal">&nbsp;</p>
{heading(s["begruendung_label"])}
{paras(s["begruendung"])}
</div>

<table class="tk1" cellspacing="0" cellpadding="0" summary="Anlagen">
<tr><td class="kb1" colspan="2">Anlagen:</td></tr>
{anl}
</table>
</div>
<div id="footer">&copy; {e(s["koerperschaft"])} von Berlin &middot; ALLRIS&reg; net</div>
</body>
</html>
"""
    return doc.encode("cp1252")  # raises if a character is outside Windows-1252


# ---------------------------------------------------------------------------
# 2. SessionNet print (Erlangen-like)
# ---------------------------------------------------------------------------


def render_sessionnet_print(s: dict, path: Path) -> int:
    def first_page(c, doc):
        c.saveState()
        c.setFont("Helvetica-Bold", 13)
        c.drawString(LM, PAGE_H - 20 * mm, s["koerperschaft"])
        c.setFont("Helvetica-Bold", 17)
        c.drawRightString(PAGE_W - RM, PAGE_H - 20 * mm, s["art"])
        c.setLineWidth(0.6)
        c.line(LM, PAGE_H - 24 * mm, PAGE_W - RM, PAGE_H - 24 * mm)
        footer(c, doc)
        c.restoreState()

    def footer(c, doc):
        c.setFont("Helvetica", 8)
        c.drawRightString(PAGE_W - RM, 10 * mm, f"Seite {doc.page}")

    doc = make_doc(path, s, first_page, footer, PAGE_H - 30 * mm, PAGE_H - 15 * mm)
    lab = ParagraphStyle("slab", parent=ST_SMALL_B, fontSize=9.5, leading=12)
    val = ParagraphStyle("sval", parent=ST_SMALL, fontSize=9.5, leading=12)
    grid = Table(
        [
            [P("Vorlagennummer:", lab), P(s["vorlage_nr"], val), P("Vorlagenart:", lab), P(s["art"], val)],
            [P("Geschäftszeichen:", lab), P(s["aktenzeichen"], val), "", ""],
            [P("Verantwortliche/r:", lab), P(s["fachbereich"], val), "", ""],
        ],
        colWidths=[34 * mm, 66 * mm, 26 * mm, FRAME_W - 126 * mm],
    )
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list = [grid, Spacer(1, 6 * mm)]
    story.append(
        P(s["betreff"], ParagraphStyle("sbetr", parent=ST_BODY_LEFT, fontName="Helvetica-Bold", fontSize=11.5))
    )
    story.append(P("Beratungsfolge", ST_HEAD))
    data = [[P(h, ST_SMALL_B) for h in ("Termin", "Gremium", "Status", "Zuständigkeit")]]
    for r in s["beschlusslauf"]:
        data.append(
            [
                P(de_date(r["datum"]), ST_SMALL),
                P(r["gremium"], ST_SMALL),
                P("Ö" if r["oeffentlich"] else "N", ST_SMALL),
                P(r["zustaendigkeit"], ST_SMALL),
            ]
        )
    t = Table(data, colWidths=[24 * mm, 90 * mm, 16 * mm, FRAME_W - 130 * mm])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "#7F7F7F"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), "#EDEDED"),
            ]
        )
    )
    t.hAlign = "LEFT"
    story.append(t)
    story.append(P("Beteiligte Dienststellen", ST_HEAD))
    story += [P(b, ST_BODY_LEFT) for b in s["beteiligungen"]]
    story.append(Spacer(1, 3 * mm))
    story.append(P("I. Antrag", ST_HEAD))
    story += [P(p) for p in s["beschlussvorschlag"]]
    story.append(P(s["begruendung_label"], ST_HEAD))
    sub = ParagraphStyle("ssub", parent=ST_HEAD, fontName="Helvetica-BoldOblique", spaceBefore=4)
    for heading, body in s["begruendung_parts"]:
        story.append(P(heading, sub))
        story.append(P(body))
    story.append(P("Anlagen:", ST_HEAD))
    story += [P(f"{i}. {a}", ST_BODY_LEFT) for i, a in enumerate(s["anlagen"], 1)]
    # the closing block of the form, printed empty
    for heading, body in (
        ("III. Abstimmung", "siehe Anlage"),
        ("IV. Beschlusskontrolle", None),
        ("V. Zur Aufnahme in die Sitzungsniederschrift", None),
        ("VI. Zum Vorgang", None),
    ):
        story.append(P(heading, ST_HEAD))
        if body:
            story.append(P(body, ST_BODY_LEFT))
    doc.build(story)
    return doc.page


# ---------------------------------------------------------------------------
# 3. Karlsruhe-like text export: labels in one block, their values in the next
# ---------------------------------------------------------------------------

KARLSRUHE_FORM = [
    "Finanzielle Auswirkungen                       nein          ja ",
    " ",
    "Gesamtkosten der ",
    "Maßnahme ",
    "Einzahlungen/Erträge ",
    "(Zuschüsse u. Ä.) ",
    "Finanzierung durch ",
    "städtischen Haushalt ",
    "Jährliche laufende Belastung ",
    "(Folgekosten mit kalkulatori-",
    "schen Kosten abzügl. Folgeer-",
    "träge und Folgeeinsparungen) ",
    " ",
    "{kosten}       ",
    " ",
    "Kontierungsobjekt: 7.2720.0004.01                                  Kontenart: 78710000 ",
    "Ergänzende Erläuterungen:       ",
    " ",
    "ISEK 2030 - relevant nein  ja  Handlungsfeld: Bildung und Kultur ",
    " ",
    "Anhörung Ortschaftsrat (§ 70 Abs. 1 GemO) nein  ja  durchgeführt am        ",
    " ",
    "Abstimmung mit städtischen Gesellschaften ",
    " ",
    "nein    ja  abgestimmt mit         ",
]


def render_karlsruhe_text(s: dict) -> str:
    width = 82
    out = ["", "", " ", "BESCHLUSSVORLAGE ", " ", f"{s['koerperschaft'].upper()} ", "Der Oberbürgermeister "]
    out += ["Gremium:  ", f"{s['gremium_kopf']} ", "Termin:  ", "Vorlage Nr.: ", "TOP: ", " ", "Verantwortlich:  "]
    out += [
        f"{de_date(s['termin'])} ",
        f"{s['vorlage_nr']} ",
        f"{s['top']} ",
        "öffentlich " if s["oeffentlich"] else "nicht öffentlich ",
        f"{s['fachbereich']} ",
    ]
    out += [f"{ln} " for ln in wrap(s["betreff"], width)]
    out += [" ", "Beratungsfolge dieser Vorlage am TOP ö nö Ergebnis "]
    for r, top in zip(s["beschlusslauf"], s["tops"], strict=True):
        out.append(f"{r['gremium']} {de_date(r['datum'])} {top}   {r['ergebnis'] or '      '} ")
    out += [" ", "Antrag an den Gemeinderat / Ausschuss  ", " "]
    for p in s["beschlussvorschlag"]:
        out += [f"{ln} " for ln in wrap(p, width)] + [" "]
    out += [line.format(kosten=" ".join(s["kosten"])) for line in KARLSRUHE_FORM]
    out += ["   ", " ", "", "-- 1 of 2 --", ""]
    out += [f"{s['begruendung_label']}{' ' * 71}Seite 2  ", " ", " "]
    for p in s["begruendung"]:
        out += [f"{ln} " for ln in wrap(p, width)] + [" "]
    out += [" ", "Beschluss: ", " ", "Antrag an den Gemeinderat  ", " "]
    for p in s["beschlussvorschlag"]:
        out += [f"{ln} " for ln in wrap(p, width)]
    out += [" ", " ", " ", "Hauptamt - Ratsangelegenheiten - ", f"{de_long(s['datum'])} ", " ", "", "-- 2 of 2 --", ""]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# 4. Leipzig-like text of an ALLRIS print: "N/M" page headers, "N von M in Zusammenstellung" footers
# ---------------------------------------------------------------------------


def render_leipzig_text(s: dict) -> str:
    width = 88
    pages: list[list[str]] = []
    p1 = [" ", " ", "Ratsversammlung ", " ", "  ", f"{s['art']}-Nr. {s['vorlage_nr']} ", " "]
    p1 += ["Status: öffentlich " if s["oeffentlich"] else "Status: nichtöffentlich ", " "]
    p1 += ["Eingereicht von: ", f"{s['fachbereich']} ", " ", " ", " ", "Betreff: "]
    p1 += [f"{ln} " for ln in s["betreff_lines"]] + [" ", " "]
    p1 += ["Beratungsfolge (Änderungen vorbehalten): ", "Gremium ", "Voraussichtlicher ", "Sitzungstermin "]
    p1 += ["Zuständigkeit ", "   "]
    p1 += [f"{r['gremium']} {de_date(r['datum'])} {r['zustaendigkeit']} " for r in s["beschlusslauf"]]
    p1 += [" ", " ", "Beschlussvorschlag "]
    for p in s["beschlussvorschlag"]:
        p1 += [f"{ln} " for ln in wrap(p, width)]
    p1 += [" ", " ", "Zusammenfassung ", " ", "Anlass der Vorlage:    ", " "]
    p1 += ["  Rechtliche Vorschriften X  Stadtratsbeschluss   Verwaltungshandeln ", " ", "  Sonstiges: ", " "]
    p1 += [f"{ln} " for ln in wrap(s["zusammenfassung"], width)] + [" "] * 4
    pages.append(p1)
    p2 = [" ", "Finanzielle Auswirkungen "]
    p2 += [
        "Finanzielle Auswirkungen  nein X wenn ja, ",
        "Kostengünstigere Alternativen geprüft X nein  ja, Ergebnis siehe Anlage zur Begründung ",
        "Folgen bei Ablehnung  nein X ja, Erläuterung siehe Anlage zur Begründung ",
        "Handelt es sich um eine Investition (damit aktivierungspflichtig)?  nein X ja, Erläuterung siehe "
        "Anlage zur Begründung ",
        "  ",
        "Im Haushalt wirksam von bis Höhe in EUR wo veranschlagt ",
        "Ergebnishaushalt Erträge     ",
        " Aufwendungen     ",
        "Finanzhaushalt Einzahlungen 2026 2026 1.120.000 PSP 7.0000318.700 ",
        " Auszahlungen 2025 2026 2.860.000 PSP 7.0000318.700 ",
        "Entstehen Folgekosten oder Einsparungen?  nein X wenn ja, nachfolgend angegeben ",
        " ",
        "Auswirkungen auf den Stellenplan X nein  wenn ja, nachfolgend angegeben ",
    ]
    p2 += [" "] * 6
    pages.append(p2)
    body = [" ", "Sachverhalt ", " "]
    for heading, paras in s["begruendung_parts"]:
        body += [f"{heading} "]
        for p in paras:
            body += [f"{ln} " for ln in wrap(p, width)] + [" "]
        body += ["  "]
    for heading, paras in s["nach_begruendung"]:
        body += [f"{heading} "]
        for p in paras:
            body += [f"{ln} " for ln in wrap(p, width)]
        body += ["  "]
    body += ["Anlagen: "] + [f"{i}. {a} " for i, a in enumerate(s["anlagen"], 1)] + [" "]
    # the text runs over two pages; the break falls inside "2. Beschreibung der Maßnahme"
    cut = body.index("2. Beschreibung der Maßnahme ") + 7
    pages += [body[:cut], body[cut:]]
    n = len(pages)
    out: list[str] = []
    for i, page in enumerate(pages, 1):
        out += [f"{i}/{n} ", *page, f"{i} von {n} in Zusammenstellung"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# 5. Augsburg-like text of an ALLRIS 4 print: bare identifier, stacked Beratungsfolge rows
# ---------------------------------------------------------------------------


def render_augsburg_text(s: dict) -> str:
    width = 90
    status = "öffentlich" if s["oeffentlich"] else "nichtöffentlich"
    head = f"{s['art']} {s['vorlage_nr']} {status} "

    def page_break(number: int, total: int) -> list[str]:
        return ["", " ", " ", " ", head, f"Seite {number}/{total} ", " ", " "]

    total = 3
    out = [" ", " ", " ", " ", f"{s['art']} {status} ", f"{s['vorlage_nr']} ", " ", " "]
    out += ["Federführung: ", f"{s['fachbereich']} ", "Referent/in: ", f"{s['referent']}   ", "Datum: ", " "]
    out += [f"{de_date(s['datum'])} ", " ", "Beratungsfolge ", " ", "Geplante Sitzungstermine "]
    out += ["Öffentlichkeitsstatus "]
    for r, lines in zip(s["beschlusslauf"], s["row_lines"], strict=True):
        out += [
            f"{de_date(r['datum'])} ",
            *(f"{ln} " for ln in lines),
            "öffentlich " if r["oeffentlich"] else "nichtöffentlich ",
        ]
    out += [" ", " ", *(f"{ln} " for ln in s["betreff_lines"]), " ", " "]
    out += ["Hinweis auf einschlägige Vorgänge ", "Vorlagen Nr. ", "Vorgang "]
    for nr, what in s["vorgaenge"]:
        out += [f"{nr} ", f"{what} "]
    out += [" ", " ", " ", "Gesamtkosten ", " ", f"{s['betraege'][0]} ", " ", " "]
    out += page_break(2, total)
    out += [" ", "Beschlussvorschlag "]
    for p in s["beschlussvorschlag"]:
        out += [f"{ln} " for ln in wrap(p, width)] + [" "]
    out += [" ", s["begruendung_label"] + " "]
    body: list[str] = []
    for p in s["begruendung"]:
        body += [f"{ln} " for ln in wrap(p, width)] + [" "]
    cut = len(body) - 8  # the page ends in the last paragraph but one
    out += body[:cut] + page_break(3, total) + body[cut:]
    out += [" ", " ", "Finanzielle Auswirkungen ", " ", " ", "Gesamtkosten ", f"      {s['betraege'][0]}     . "]
    out += [" ", "davon investiv ", f"      {s['betraege'][0]}     . ", "(Vermögenshaushalt) ", " ", " "]
    out += ["  Ausgabemittel stehen zur Verfügung ", " "]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# self-check and main
# ---------------------------------------------------------------------------

_FURNITURE = re.compile(
    r"^(?:-- \d+ of \d+ --|\d{1,3}/\d{1,3}|\d+ von \d+ in Zusammenstellung|Seite \d+/\d+|\S+ \S+/\d+/\d+ öffentlich"
    r"|Ergänzende Erläuterungen\s+Seite \d+)$"
)


def text_of(path: Path) -> str:
    """make_samples.extracted_text, and for the text exports their page furniture dropped, hyphenation undone."""
    if path.suffix != ".txt":
        return ms.extracted_text(path)
    lines = [ln.rstrip() for ln in path.read_text(encoding="utf-8").splitlines()]
    text = "\n".join(ln for ln in lines if not _FURNITURE.match(ln.strip()))
    text = re.sub(r"(\w)-\n(?=[a-zäöüß])", r"\1", text)
    return ms._norm(text)


RENDERERS = {
    "bvv_berlin": lambda s, path: path.write_bytes(render_bvv_berlin(s)) and None,
    "sessionnet_print": render_sessionnet_print,
    "letterhead": ms.render_letterhead,
    "karlsruhe_text": lambda s, path: path.write_text(render_karlsruhe_text(s), encoding="utf-8") and None,
    "leipzig_text": lambda s, path: path.write_text(render_leipzig_text(s), encoding="utf-8") and None,
    "augsburg_text": lambda s, path: path.write_text(render_augsburg_text(s), encoding="utf-8") and None,
}
EXT = {"text": ".txt", "pdf": ".pdf", "html": ".html"}


def main() -> int:
    if "--check" in sys.argv[1:]:
        return ms.check(SAMPLES, text_of)
    for s in SAMPLES:
        outdir = HERE / s["form"]
        outdir.mkdir(parents=True, exist_ok=True)
        path = outdir / f"{s['name']}{EXT[s['form']]}"
        pages = RENDERERS[s["layout"]](s, path)
        g = golden(s)
        g["source"]["pages"] = pages
        gpath = GOLDEN / s["form"] / f"{s['name']}.expected.json"
        gpath.write_text(json.dumps(g, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{path.relative_to(HERE)}  ({pages or '-'} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
