"""Issue 17: the fields a letter or a scanned letterhead states without labels (body, office, date,
subject), on small texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archiv.extract.fields import read_fields
from archiv.extract.koerperschaft import koerperschaft

from .conftest import run

# A council group's letter to the mayor: the body is named only by the place-and-date line.
_GROUP_LETTER = """Fraktion Grüne Liste im Stadtrat
Herrn Oberbürgermeister
Dr. Anton Beispiel
Ostheim, den 04.03.2026
Antrag: Mehr Bänke am Mühlbach
Sehr geehrter Herr Oberbürgermeister,
wir beantragen, am Mühlbach zehn Bänke aufzustellen.
Mit freundlichen Grüßen
"""


def test_koerperschaft_from_the_place_and_date_line_of_a_letter_to_the_mayor() -> None:
    lines = _GROUP_LETTER.splitlines()
    assert koerperschaft(lines, 3) == "Stadt Ostheim"
    # without a word that says what kind of body the place has, a place is no body
    plain = [ln.replace("Oberbürgermeister", "Vorsitzenden").replace(" im Stadtrat", "") for ln in lines]
    assert koerperschaft(plain, 3) is None


def test_koerperschaft_from_the_town_halls_address_and_from_a_stamp_cell() -> None:
    assert koerperschaft(["Herrn Oberbürgermeister", "Rathaus", "12345 Lindgrund", "Anfrage"], 2) == "Stadt Lindgrund"
    # a Gemeinde: its council, no Oberbürgermeister
    assert koerperschaft(["An die Gemeindeverwaltung", "Rathaus 12345 Lindgrund"], 1) == "Gemeinde Lindgrund"
    # an OCR line whose right cell is the receipt stamp of the body
    assert koerperschaft(["Herrn Oberbürgermeister\tstadt Ostheim\tM", "Anfrage"], 1) == "Stadt Ostheim"


def test_koerperschaft_from_a_council_named_by_its_place_not_from_a_member() -> None:
    rows = ["Beratungsfolge", "Stadtrat Ostheim (Information ohne Beratung)"]
    assert koerperschaft(rows, 1) == "Stadt Ostheim"
    assert koerperschaft(["Antrag von Stadtrat Hans Muster", "Sehr geehrter Herr Oberbürgermeister,"], 1) is None


def test_koerperschaft_not_from_an_adjective_before_the_kind_word() -> None:
    cells = [
        "Ziele der Stadtentwicklung",
        "Chancen in der inklusiven Stadt",
        "Bürgerstadt Weltoffene Stadt",
        "Globales",
    ]
    assert koerperschaft([*cells, "Der Oberbürgermeister wird beauftragt."], 1) is None
    # the place named by itself and by its adjective
    text = ["Der Oberbürgermeister wird beauftragt, auf Ostheims Dächern", "das Ostheimer Kataster zu nutzen."]
    assert koerperschaft([*text, "Das Ostheimer Netz hilft."], 1) == "Stadt Ostheim"
    assert koerperschaft(text, 1) is None  # one adjective is a mention ("die Pariser Klimaziele")
    # speakers in minutes are members, not councils named by their place
    speakers = ["Stadtrat Muster (ABC): Ich danke.", "Herr Stadtrat Beispiel, bitte.", "Der Oberbürgermeister:"]
    assert koerperschaft(speakers, 1) is None


def test_letter_record_names_its_body() -> None:
    assert read_fields(_GROUP_LETTER, ()).koerperschaft == "Stadt Ostheim"


def test_dates_in_other_forms() -> None:
    from archiv.extract.normalize import parse_date

    assert parse_date("2026 Oct 21") == "2026-10-21"  # an RIS page in its default locale
    assert parse_date("21 Oct 2026") == "2026-10-21"
    assert parse_date("Eingang 3 Mai 2026") == "2026-05-03"  # OCR lost the day's dot
    assert parse_date("21. Oktober 2026") == "2026-10-21"


def test_the_papers_date_is_not_a_receipt_stamp_a_session_or_a_cited_decision() -> None:
    head = "Vorlage Nr.: 2026/0101\nEingang: 21.08.2026\nNeue Bänke am Mühlbach\n"
    assert read_fields(head, ()).datum is None
    head = "Gremium\tDatum der Sitzung\nBezirksvertretung 2 (Nord)\t26.01.2026\nAnfrage\n"
    assert read_fields(head, ()).datum is None
    head = "Zum Beschluss des Stadtrates vom 23.04.2026\nAntrag des Beirates Nr. 26/2025 vom 21.10.2025\n"
    assert read_fields(head, ()).datum is None
    # the place-and-date line and an Antrag's own "vom" are the paper's date
    assert read_fields(_GROUP_LETTER, ()).datum == "2026-03-04"
    assert read_fields("Antrag der SPD-Fraktion vom 24.04.2026\nNeue Bänke\n", ()).datum == "2026-04-24"


def test_the_office_under_its_dezernat_leads() -> None:
    head = "Vorlage Nr.: 2026/0101\nVerantwortlich: Dez. 4\nDienststelle: GrüBa\n\nNeue Bänke am Mühlbach\n"
    assert read_fields(head, ()).fachbereich == "GrüBa"
    # the Dezernat's number wrapped onto its own line
    assert read_fields("Vorlage Nr.: 2026/0102\nVerantwortlich: Dez.\n4\nNeue Bänke\n", ()).fachbereich == "Dez. 4"


def test_the_office_of_a_letter_from_its_letterhead() -> None:
    letter = (
        "Stadt Ostheim\nDer Oberbürgermeister\nFraktion Grüne Liste\nIhre Anfrage\nSehr geehrte Damen und Herren,\n"
    )
    assert read_fields(letter, ()).fachbereich == "Der Oberbürgermeister"
    # a form's head over a group's Antrag: the Oberbürgermeister does not write it
    form = "Stadt Ostheim\nDer Oberbürgermeister\nANTRAG\nFraktion Grüne Liste\nVorlage Nr.: 2026/0103\n"
    assert read_fields(form, ()).fachbereich is None
    # an office's number above its unit's number
    assert read_fields("32\n321/2\tHerr Muster\nNeue Bänke am Mühlbach\nhier: Bedarf\n", ()).fachbereich == "32"


def test_lead_office_label_of_a_group_antrag_form() -> None:
    form = "Antrag gemäß § 28 GeschO\nEingang: 21.07.2026\nAntragsnr.: 151/2026\nZust. Referat: IV/32\n"
    assert read_fields(form, ()).fachbereich == "IV/32"


_SCANNED_LETTER = """Fraktion Grüne Liste in der Bezirksvertretung Nord
Herrn Oberbürgermeister
Rathaus
12345 Ostheim
Ostheim, den 09.01.2026
Anfrage\tNeue Bänke am Mühlbach er Stadt Ostheim
Eingang 16. JAN. 2026
Sehr geehrter Herr Oberbürgermeister,
wir fragen an, wann die Bänke aufgestellt werden.
"""


def test_subject_of_a_scanned_letter_beside_its_kind_and_before_a_stamp() -> None:
    f = read_fields(_SCANNED_LETTER, ())
    assert f.betreff == "Neue Bänke am Mühlbach"  # the kind's label column and the stamp's scraps left off
    assert f.koerperschaft == "Stadt Ostheim"


def test_subject_whose_label_lost_its_colon() -> None:
    text = "Fraktion Grüne Liste\nTitel Fortschreibung des Nahverkehrsplans Linie 9\nWir bitten Sie, zu setzen:\n"
    assert read_fields(text, ()).betreff == "Fortschreibung des Nahverkehrsplans Linie 9"


def test_no_subject_from_an_address_a_reference_line_or_the_kind_of_paper() -> None:
    answer = (
        "Stadt Ostheim\nDer Oberbürgermeister\nE-Mail: ob@example.org\n"
        "Ihre Nachricht vom\tUnser Zeichen\tDatum\n2026-01-24\nIhre Anfrage vom 17.01.2026 zu den Bänken\n"
        "Sehr geehrte Damen und Herren,\nich antworte wie folgt.\n"
    )
    assert read_fields(answer, ()).betreff == "Ihre Anfrage vom 17.01.2026 zu den Bänken"
    form = (
        "Herrn Oberbürgermeister\t12345 Ostheim\nTel/Fax: 01234 / 5678\ne-mail: gruene@example.org\n"
        "Eingang bei der Bezirksbürgermeisterin:\nANFRAGE NACH § 4 DER GESCHÄFTSORDNUNG\n"
        "Gremium\tDatum der Sitzung\nBezirksvertretung 2 (Nord)\t26.01.2026\nSehr geehrte Damen und Herren,\n"
    )
    assert read_fields(form, ()).betreff is None
    # the sender's name on the first line is no subject
    sender = "Beirat Ostheim-Nord\nVorsitzender: Hans Muster Ostheim, den 23.10.2026\nSehr geehrter Herr Muster,\n"
    assert read_fields(sender, ()).betreff is None
    # the in-house address beside the place-and-date line is not part of the subject
    memo = "Frau Oberbürgermeisterin\n-im Hause -\tOstheim, 7. Dezember 2026\n"
    memo += "Anfrage zum Bildungsatlas\nSehr geehrte Frau X,\n"
    assert read_fields(memo, ()).betreff == "Anfrage zum Bildungsatlas"


def test_subject_that_names_its_kind_under_the_salutation() -> None:
    text = (
        "Beirat Ostheim-Nord\nVorsitzender Hans Muster Ostheim 04.11.2026\nSehr geehrter Herr Oberbürgermeister,\n"
        "sehr geehrte Mitglieder des Stadtrates,\n\n"
        "Antrag: Verlegung der Buslinie auf die Ringstraße anstelle durch die\n"
        "Lindenallee\nDer Beirat stellt folgenden Antrag:\n"
    )
    assert read_fields(text, ()).betreff == "Verlegung der Buslinie auf die Ringstraße anstelle durch die Lindenallee"


def test_a_district_is_no_body() -> None:
    text = ["Ortschaftsrat Nordau 10.07.2026", "Die Nordauer Innenstadt braucht städtische Parkplätze in Nordau."]
    assert koerperschaft(text, 1) is None


def _html_text(page: str) -> str:
    from archiv.models import Source
    from archiv.parsers.html import HtmlParser

    source = Source(path="p.html", sha256="0" * 64, size=len(page), detected="html")
    return HtmlParser().parse(source, page.encode()).text


def test_html_labels_in_a_header_row_and_a_definition_list() -> None:
    page = (
        "<table><tr><th>Vorlage-Nr.</th><th>Datum</th></tr><tr><td>2026/1</td><td>12.03.2026</td></tr></table>"
        "<dl><div><dt>Aktenzeichen</dt><dd>67.2-01</dd></div><dt>Status</dt><dd>öffentlich</dd></dl>"
        "<table><tr><th>Gremium</th><th>Datum</th></tr><tr><td>Stadtrat</td><td>22.04.2026</td></tr></table>"
    )
    lines = [ln for ln in _html_text(page).split("\n") if ln.strip()]
    assert lines[:4] == ["Vorlage-Nr.: 2026/1", "Datum: 12.03.2026", "Aktenzeichen\t67.2-01", "Status\töffentlich"]
    # a Beratungsfolge's header row names no label of the paper: its rows stay rows
    assert lines[4:] == ["Gremium\tDatum", "Stadtrat\t22.04.2026"]


def test_pdf_label_column_beside_its_value_column(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "two_columns.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 10)
    labels = ("Vorlage-Nr.", "Datum", "Federführung", "Betreff")  # no colons: a column of their own
    values = ("2026/0815", "12.03.2026", "Grünflächenamt", "Neue Sitzbänke entlang des Mühlbachs")
    for i, label in enumerate(labels):  # the label column is drawn first, then the values
        c.drawString(72, 780 - 14 * i, label)
    for i, value in enumerate(values):
        c.drawString(200, 780 - 14 * i, value)
    c.drawString(72, 690, "Beschlussvorschlag:")
    c.drawString(72, 676, "Der Stadtrat beschließt, zehn Sitzbänke aufzustellen.")
    c.save()
    [r] = json.loads(run("extract", path, "--format", "json").stdout)
    assert (r["vorlage_nr"], r["datum"], r["fachbereich"]) == ("2026/0815", "2026-03-12", "Grünflächenamt")
    assert r["betreff"] == "Neue Sitzbänke entlang des Mühlbachs"
