"""Layout classes of councils the project has no file of (issue 17): synthetic texts written for the tests."""

from __future__ import annotations

from archiv.extract.beschlusslauf import from_lines, from_tables
from archiv.extract.fields import read_fields
from archiv.extract.sections import clean_lines
from archiv.models import Table


def _rows(rows) -> list[tuple[str, str | None]]:
    return [(r.gremium, r.datum) for r in rows]


def test_a_beratung_printed_as_committee_row_and_session_row_is_one_row() -> None:
    # ALLRIS: the committee and its role, then the session that treats it, its date and result
    table = Table(
        1,
        (
            ("Status", "Datum", "Gremium", "Beschluss", "NA"),
            ("● Geplant", "", "Hauptausschuss", "Vorberatung", ""),
            ("", "2027 Mar 3", "Sitzung des Hauptausschusses", "", "NA"),
            ("● Geplant", "", "Kreistag", "Entscheidung", ""),
            ("", "2027 May 12", "Sitzung des Kreistages", "", "NA"),
        ),
    )
    rows = from_tables((table,))
    assert _rows(rows) == [("Hauptausschuss", "2027-03-03"), ("Kreistag", "2027-05-12")]
    # "Geplant" is the state of the Beratung, "Vorberatung" its role
    assert [(r.zustaendigkeit, r.ergebnis) for r in rows] == [("Vorberatung", None), ("Entscheidung", None)]


def test_the_same_pairs_as_tab_separated_text_without_header() -> None:
    lines = [
        "\tOrtsgemeinderat Tannhausen\tEntscheidung",
        "\t14.09.2027\t\tSitzung des Ortsgemeinderates Tannhausen\tungeändert beschlossen",
        "Beschlussvorschlag",
    ]
    rows, end = from_lines(lines)
    assert [(r.gremium, r.datum, r.zustaendigkeit, r.ergebnis) for r in rows] == [
        ("Ortsgemeinderat Tannhausen", "2027-09-14", "Entscheidung", "ungeändert beschlossen")
    ]
    assert end == 2


def test_a_session_over_two_days_begins_on_the_first() -> None:
    rows, _ = from_lines(clean_lines("Gremium Termin TOP ö nö Ergebnis\nKreistag 15./16.11.2027 4\n"))
    assert _rows(rows) == [("Kreistag", "2027-11-15")]


FORM = """ANTRAG
Kreistagsfraktion Die Unabhängigen
vom 02.02.2027
Gremium:


Termin:
Vorlage Nr.:
TOP:
12. Plenarsitzung des
Kreistages

09.03.2027
4711
7
öffentlich

Radweg an der Kreisstraße 12
"""


def test_a_form_names_its_session_by_labels_whose_values_wrap() -> None:
    f = read_fields(FORM, ())
    assert f.vorlage_nr == "4711"
    assert _rows(f.beschlusslauf) == [("Kreistag", "2027-03-09")]


def test_the_number_below_its_label_in_a_definition_list() -> None:
    text = "Betreff\n\nNeubau Feuerwehrhaus\n\nVorlage\n\nBV/0815/2027\n\nArt\n\nBeschlussvorlage\n"
    assert read_fields(text, (), bare_labels=True).vorlage_nr == "BV/0815/2027"
    # a word that is no number stays no number
    assert read_fields("Vorlage\n\nder Verwaltung\n", (), bare_labels=True).vorlage_nr is None


def test_attachments_that_name_themselves_without_a_label() -> None:
    text = (
        "Antrag: Neue Sportflächen\n\nSehr geehrte Damen und Herren,\nwir bitten um Prüfung.\n"
        "Als Anlagen beigefügt sind:\n• Anlage 1: Lageplan\n• Anlage 2: Kostenschätzung vom 4. Mai 2027\n"
        "Mit freundlichen Grüßen\n"
    )
    assert read_fields(text, ()).anlagen == ["Anlage 1: Lageplan", "Anlage 2: Kostenschätzung vom 4. Mai 2027"]
    # one mention in running text is no list
    assert read_fields("Sachverhalt:\nSiehe Anlage 1: dort steht es.\nMehr Text folgt hier.\n", ()).anlagen == []


def test_a_numbered_item_that_looks_like_a_heading_stays_in_its_list() -> None:
    text = (
        "Anlagen:\n1. Planurkunde\n2. Textliche Festsetzungen\n3. Begründung\n3.1. Umweltbericht\n4. Abwägung\n"
        "Sachverhalt:\nDer Rat hat die Aufstellung beschlossen.\n"
    )
    f = read_fields(text, ())
    assert f.anlagen == ["Planurkunde", "Textliche Festsetzungen", "Begründung", "Umweltbericht", "Abwägung"]
    assert f.begruendung == "Der Rat hat die Aufstellung beschlossen."


def test_a_heading_after_the_list_is_no_attachment() -> None:
    text = "Anlagen:\n1. Lageplan\n2. Kostenschätzung\n3. Begründung\nDie Brücke ist marode und muss ersetzt werden.\n"
    f = read_fields(text, ())
    assert f.anlagen == ["Lageplan", "Kostenschätzung"]
    assert f.begruendung == "Die Brücke ist marode und muss ersetzt werden."


def test_none_ends_the_list_even_when_a_page_follows() -> None:
    assert read_fields("Anlage/n\nKeine\n\n\tVorlage\n", ()).anlagen == []


def test_the_lead_in_of_a_motion_introduces_its_proposal() -> None:
    text = (
        "Ortsbeirat Süd\nHerrn Bürgermeister\n\nSehr geehrter Herr Bürgermeister,\n"
        "Der Ortsbeirat Süd stellt folgenden Antrag:\n- Die Bushaltestelle wird barrierefrei ausgebaut.\n"
        "Begründung:\nDie Haltestelle ist für Rollstühle nicht erreichbar.\n"
    )
    f = read_fields(text, ())
    assert f.beschlussvorschlag == "- Die Bushaltestelle wird barrierefrei ausgebaut."
    assert f.begruendung == "Die Haltestelle ist für Rollstühle nicht erreichbar."


def test_a_sentence_that_asks_is_the_proposal() -> None:
    text = (
        "Sehr geehrte Frau Oberbürgermeisterin,\nder Platz wird kaum genutzt.\n"
        "Wir beantragen deshalb, die Verwaltung möge einen Entwurf zur Neugestaltung vorlegen.\n"
        "Mit freundlichen Grüßen\n"
    )
    assert read_fields(text, ()).beschlussvorschlag.startswith("Wir beantragen deshalb, die Verwaltung möge")


def test_a_heading_naming_the_committee_heads_the_proposal() -> None:
    text = (
        "Beratungsfolge Sitzung am TOP\nKreisausschuss 09.12.2027 1\nAntrag an den Kreisausschuss\n"
        "Der Kreisausschuss beschließt die Annahme der Spenden.\n"
    )
    assert read_fields(text, ()).beschlussvorschlag == "Der Kreisausschuss beschließt die Annahme der Spenden."


def test_antrag_with_a_colon_heads_the_proposal_and_names_the_kind() -> None:
    text = "Thema:\nNistplätze an Schulen\nAntrag:\n1. Die Stadt prüft Nistkästen an allen Schulen.\n"
    f = read_fields(text, ())
    assert f.art == "Antrag"
    assert f.beschlussvorschlag == "1. Die Stadt prüft Nistkästen an allen Schulen."
    # "Antrag: <Fraktion>" names who moves it and heads nothing
    assert read_fields("Antrag: Wählergruppe Nord\nGremien Termin\n", ()).beschlussvorschlag is None


def test_the_resolution_under_beschluss_where_no_label_proposes_one() -> None:
    text = (
        "Gremien Termin TOP Ö / N Zuständigkeit\nOrtschaftsrat Nordhang 12.02.2027 1.4 Ö Entscheidung\n"
        "Beschluss:\nDer Ortschaftsrat beschließt die Nachbesetzung des Ausschusses.\n"
    )
    assert read_fields(text, ()).beschlussvorschlag == "Der Ortschaftsrat beschließt die Nachbesetzung des Ausschusses."
    assert read_fields("Beschluss:\neinstimmig\n", ()).beschlussvorschlag is None  # a vote, no resolution


def test_reasons_printed_above_their_label_begin_the_begruendung() -> None:
    text = (
        "ANFRAGE\n\n1. Wie hoch sind die Kosten?\n\n2. Wer trägt sie?\n\n"
        "Die Kosten sind seit dem letzten Jahr gestiegen.\n\nSachverhalt/Begründung:\n\nSeite 2\n"
        "__________________________________________\nDer Haushalt weist sie nicht aus.\n"
    )
    assert read_fields(text, ()).begruendung == (
        "Die Kosten sind seit dem letzten Jahr gestiegen.\n\nDer Haushalt weist sie nicht aus."
    )


def test_a_committee_named_by_its_kind_takes_the_letterheads_name() -> None:
    text = (
        "Fraktion in der Bezirksvertretung Nord-Ost\nHerrn Bezirksbürgermeister\n"
        "Betreff: Anfrage zur nächsten Sitzung der Bezirksvertretung am 23.9.2027\n"
        "Sehr geehrter Herr Bezirksbürgermeister,\nwir fragen:\n1. Wann wird der Weg gebaut?\n"
    )
    assert _rows(read_fields(text, ()).beschlusslauf) == [("Bezirksvertretung Nord-Ost", "2027-09-23")]


def test_a_two_column_session_table_without_label() -> None:
    text = (
        "ANFRAGE\nGremium\tDatum der Sitzung\nBezirksvertretung 4 (Mitte)\t26.01.2027\nSehr geehrte Damen und Herren,\n"
    )
    assert _rows(read_fields(text, ()).beschlusslauf) == [("Bezirksvertretung 4 (Mitte)", "2027-01-26")]


def test_kontext_heads_the_reasons() -> None:
    text = "Kontext:\nDie Parkplätze sind knapp.\n\nAntrag:\n1. Die Stadt zeigt freie Plätze online.\n"
    f = read_fields(text, ())
    assert f.begruendung == "Die Parkplätze sind knapp."
    assert f.beschlussvorschlag == "1. Die Stadt zeigt freie Plätze online."


def test_rows_without_dates_end_in_their_role() -> None:
    text = (
        "Beratungsfolge (Änderungen vorbehalten):\nGremium\nVoraussichtlicher\nSitzungstermin\nZuständigkeit\n\n"
        "Dienstbesprechung Vorabstimmung Vorberatung\nKonferenz der Beigeordneten Information zur\nKenntnis\n"
        "Stadtrat Beschlussfassung\n\nBeschlussvorschlag\nDer Stadtrat beschließt.\n"
    )
    rows = read_fields(text, ()).beschlusslauf
    assert [(r.gremium, r.zustaendigkeit, r.datum) for r in rows] == [
        ("Dienstbesprechung Vorabstimmung", "Vorberatung", None),
        ("Konferenz der Beigeordneten", "Information zur Kenntnis", None),
        ("Stadtrat", "Beschlussfassung", None),
    ]


def test_an_empty_prose_label_takes_no_line_of_the_next_section() -> None:
    # two prose labels one under the other: the first section is empty, not the first line of the second
    text = (
        "Beratungsfolge Termin Stand\nOrtsrat Nord 10.10.2027 Anhörung\nHaushaltsplan 2028\n"
        "Beschlussvorschlag:\nProblembeschreibung/Begründung:\n"
        "Der Ortsrat ist zur Planung der Investitionen rechtzeitig zu hören.\nDie Mittel betragen 3.000 €.\n"
    )
    f = read_fields(text, ())
    assert f.beschlussvorschlag is None
    assert f.begruendung.startswith("Der Ortsrat ist zur Planung der Investitionen rechtzeitig zu hören.")


def test_sentences_below_the_table_are_the_explanation() -> None:
    text = (
        "Beschlussvorlage\nVorlage Nr.: 2027/0079\nUmbesetzung des Bauausschusses\n"
        "Gremien Termin TOP Ö / N Zuständigkeit\nOrtschaftsrat Nordhang 12.02.2027 1.4 Ö Entscheidung\n"
        "Mit dem Ausscheiden eines Mitglieds ist eine Nachbesetzung des Bauausschusses erforderlich. "
        "Es ist beabsichtigt, das Mandat neu zu vergeben.\n"
        "Beschluss:\nDer Ortschaftsrat beschließt die vorgeschlagene Nachbesetzung.\n"
    )
    f = read_fields(text, ())
    assert f.begruendung.startswith("Mit dem Ausscheiden eines Mitglieds")
    assert f.beschlussvorschlag == "Der Ortschaftsrat beschließt die vorgeschlagene Nachbesetzung."


COVER = "Fraktion im Stadtbezirk Mitte\nKöln, 10.01.2027\n{kind}\tNeue Bänke am Marktplatz\nWir bitten Sie, folgende{n} {kind} auf die Tagesordnung der nächsten\nSitzung der Bezirksvertretung Mitte zu setzen:\n{body}\nMit freundlichen Grüßen\n"  # noqa: E501


def test_the_covering_sentence_of_an_antrag_introduces_its_proposal() -> None:
    text = COVER.format(kind="Antrag", n="n", body="Die Verwaltung stellt am Marktplatz vier Bänke auf.")
    f = read_fields(text, ())
    assert f.art == "Antrag"
    assert f.beschlussvorschlag == "Die Verwaltung stellt am Marktplatz vier Bänke auf."


def test_the_covering_sentence_of_an_anfrage_introduces_its_explanation() -> None:
    body = "Seit dem Umbau fehlen Bänke. Ältere Menschen können nicht rasten.\nWann werden Bänke aufgestellt?"
    f = read_fields(COVER.format(kind="Anfrage", n="", body=body), ())
    assert f.art == "Anfrage"
    assert f.begruendung.startswith("Seit dem Umbau fehlen Bänke.")
    assert f.beschlussvorschlag is None
    # an Anfrage of questions only explains nothing
    questions = read_fields(COVER.format(kind="Anfrage", n="", body="1. Wann kommen Bänke?\n2. Wer zahlt?"), ())
    assert questions.begruendung is None


def test_a_begruendung_printed_empty_is_none() -> None:
    text = (
        "Anfrage\nSehr geehrte Frau Oberbürgermeisterin,\nwir bitten um die Beantwortung folgender Fragen:\n"
        "1. Wie viele Schüler pendeln?\n\nBegründung\n\nAnlage\nKeine\n"
    )
    assert read_fields(text, ()).begruendung is None


def test_a_letter_without_salutation_explains_below_its_subject() -> None:
    text = (
        "Rechnungsprüfungsamt\nKauf eines Radladers\nhier: Bedarfsprüfung\n(14/2027)\n"
        "Mit Schreiben vom 05.06.2027 übersandten Sie mir das Ergebnis Ihrer Bedarfsprüfung für die Beschaffung "
        "eines Radladers als Ersatz für das alte Fahrzeug.\nIch erkenne den Bedarf an.\nMit freundlichen Grüßen\n"
    )
    assert read_fields(text, ()).begruendung.startswith("Mit Schreiben vom 05.06.2027 übersandten Sie mir")
