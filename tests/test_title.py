"""The Betreff where a Vorlage prints it without a label, and the kind of paper where it hides."""

from __future__ import annotations

from archiv.extract.fields import read_fields


def test_title_between_header_items() -> None:
    # a council group's Antrag: number and date, the title, then the originator as "Antrag: GRÜNE"
    text = (
        "Antrag\n\nGedruckt auf Recyclingpapier\n\nVorlage Nr.: 2026/0580\nEingang: 21.08.2026\n"
        "Schattige Schulhöfe für heiße Sommer\nAntrag: GRÜNE\n"
        "Gremien Termin TOP Ö / N Zuständigkeit\nGemeinderat 28.07.2026 38.1 Ö Entscheidung\n"
        "1. Die Verwaltung zeigt auf, an welchen Schulen der Bedarf an Verschattung besonders dringend ist.\n"
    )
    f = read_fields(text, ())
    assert f.betreff == "Schattige Schulhöfe für heiße Sommer"
    assert f.art == "Antrag"


def test_title_above_the_first_label() -> None:
    text = (
        "Gedruckt auf 100 Prozent Recyclingpapier\n\nFreibad Nord: Sanierung des Kiosks\n\n\n"
        "Vorlage Nr.: 2020/1427\nVerantwortlich: Dez. 3\n\nBeratungsfolge dieser Vorlage\n"
        "Gremium Termin TOP ö nö Ergebnis\nGemeinderat 15.12.2020 6\n\n"
        "Beschlussantrag (Kurzfassung)\nDer Gemeinderat genehmigt die Mittel.\n\n"
        "Beschlussvorlage\n\n– 2 –\n\nErgänzende Erläuterungen\nDer Kiosk ist baufällig.\n"
    )
    f = read_fields(text, ())
    assert f.betreff == "Freibad Nord: Sanierung des Kiosks"
    assert f.art == "Beschlussvorlage"  # printed only as the running head of page 2


def test_authors_between_kind_and_title_are_skipped() -> None:
    text = (
        "Vorlage Nr.    815  ANFRAGE\nZu TOP   34\n\nA N F R A G E\n\n"
        "des Stadtrats Max Beispiel und der Stadträtin Erika Muster (XYZ) vom 22. August\n2006\n\n"
        "Kindertagesstätten mit Einzugsgebiet über die Stadtgrenze\n\n"
        "Welche Kindertagesstätten haben ein Einzugsgebiet über die Stadtgrenze hinaus und wie viele Kinder\n"
        "von außerhalb werden dort betreut? Hat die Stadt mit den Gemeinden Kontakt aufgenommen und um eine\n"
        "Beteiligung an den Kosten gebeten? Und wenn ja, mit welchem Ergebnis für den Haushalt?\n"
    )
    f = read_fields(text, ())
    assert f.betreff == "Kindertagesstätten mit Einzugsgebiet über die Stadtgrenze"
    assert f.art == "Anfrage"


def test_a_heading_ends_the_header_not_the_title() -> None:
    text = (
        "Anfrage\nStadträtin Erika Muster (XYZ)\n\nvom 10.10.2005\nTOP 21\n\nVorlage Nr. 468\n"
        "verantwortlich:   Dez. 2\n\n\nBusunfall am Marktplatz\n\n\nStellungnahme des Bürgermeisteramtes:\n\n"
        "zu 1.: Der Fahrer war seit vielen Jahren im Dienst des Unternehmens und hatte keine Auffälligkeiten.\n"
    )
    assert read_fields(text, ()).betreff == "Busunfall am Marktplatz"


def test_no_title_printed_means_none() -> None:
    text = "Vorlage Nr.: 2020/0001\nVerantwortlich: Dez. 1\n\nBeschlussantrag\nDer Gemeinderat beschließt.\n"
    assert read_fields(text, ()).betreff is None


def test_a_letters_subject_stands_above_the_salutation() -> None:
    # a Stellungnahme of an advisory board, written as a letter: sender, date, subject, salutation
    text = (
        "Ortsbeirat Nordhang Beispielstadt, den 6.3.2024\nVorsitzende: Erika Muster\n"
        "Stellungnahme zu Sportflächen am Nordhang, insbesondere zur Freizeitfläche\n„Bolzplatz am Holzweg“\n"
        "Sehr geehrter Herr Oberbürgermeister,\nsehr geehrte Damen und Herren,\n"
        "am 24. Januar hatten wir einen Ortstermin bei der Freizeitanlage. Viele Ämter waren dabei.\n"
    )
    f = read_fields(text, ())
    assert (
        f.betreff == "Stellungnahme zu Sportflächen am Nordhang, insbesondere zur Freizeitfläche „Bolzplatz am Holzweg“"
    )
    # the sender's line above a long subject is not part of it, and "Antrag:" names the kind, not the subject
    text = "Ortsbeirat Nordhang\nVorsitzende Erika Muster\nAntrag: Mehr Sportflächen am Nordhang für die Vereine\n"
    assert read_fields(text + "Sehr geehrte Damen und Herren,\nwir beantragen …\n", ()).betreff == (
        "Mehr Sportflächen am Nordhang für die Vereine"
    )
