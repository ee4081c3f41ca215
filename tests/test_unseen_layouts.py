"""Issue 17: fields read the way a person reads a paper of a council archiv has never seen."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from archiv.extract.einreicher import from_label, unlabelled
from archiv.extract.fields import read_fields
from archiv.extract.koerperschaft import koerperschaft
from archiv.extract.markdown import plain
from archiv.extract.normalize import identifier_key
from archiv.extract.revision import basis_nr
from archiv.extract.stimmen import votes_in
from archiv.models import Stimmen

from .conftest import SAMPLES, run


def test_einreicher_is_kept_apart_from_the_lead_office() -> None:
    assert from_label("SPD-Fraktion") == ("SPD-Fraktion", None)
    assert from_label("Oberbürgermeister") == ("Oberbürgermeister", None)
    assert from_label("Dezernat Stadtentwicklung und Bau") == (None, "Dezernat Stadtentwicklung und Bau")
    lines = ["Gemeinsamer Antrag der Fraktionen SPD und Grüne zur Sitzung des Rates am 3. März 2026", "", "Text"]
    assert unlabelled(lines, 3) == "Fraktionen SPD und Grüne"
    assert unlabelled(["CDU-Fraktion im Rat der Stadt Ostheim", "Marktplatz 1", "", "Antrag"], 4) == (
        "CDU-Fraktion im Rat der Stadt Ostheim"
    )
    assert unlabelled(["Die Fraktion hat beraten.", "Beschlussvorlage"], 2) is None  # prose is no letterhead
    record = read_fields("Vorlage-Nr.: 12/2026\nInitiator:\nFraktion Freie Wähler\nDatum: 03.02.2026\n", ())
    assert record.einreicher == "Fraktion Freie Wähler" and record.fachbereich is None


def test_a_revised_paper_keeps_its_suffix_and_names_its_base() -> None:
    assert basis_nr("DS 121/2021 1. Ergänzung", []) == "DS 121/2021"
    assert basis_nr("VII-A-08079-NF-02", []) == "VII-A-08079"
    assert basis_nr("ANT-BSV/25/61750-1", []) == "ANT-BSV/25/61750"
    assert basis_nr("2026/0112", ["1. Neufassung der Vorlage Nr. 2026/0098", "Betreff: …"]) == "2026/0098"
    assert basis_nr("2026/0112", ["Betreff: Radwege"]) is None
    assert basis_nr("VII-F-08507-AW-01", []) is None  # an answer to an Anfrage revises nothing


def test_identifiers_equal_with_and_without_leading_zeros() -> None:
    assert identifier_key("2017/467") == identifier_key("2017/0467")
    assert identifier_key("DS 053/2025") == identifier_key("DS 53/2025")
    assert identifier_key("2017/467") != identifier_key("2017/4670")


def test_votes_from_the_vote_text() -> None:
    assert votes_in("Einstimmig bei einer Enthaltung") == Stimmen(None, 0, 1)
    assert votes_in("mehrheitlich bei 2 Gegenstimmen") == Stimmen(None, 2, None)
    assert votes_in("Ja 9 Nein 0 Enthaltung 2") == Stimmen(9, 0, 2)
    assert votes_in("12 Ja-Stimmen, 3 Nein-Stimmen, keine Enthaltung") == Stimmen(12, 3, 0)
    assert votes_in("ungeändert beschlossen") is None
    assert votes_in("Beschluss vom 12.03.2024") is None


def test_a_results_table_gives_votes_and_outcome() -> None:
    text = "Abstimmungsergebnisse\nGremium\tDatum\tJa\tNein\tEnthaltung\nRat\t05.05.2026\t9\t12\t0\n"
    rows = read_fields(text, ()).beschlusslauf
    assert [(r.gremium, r.datum, r.stimmen, r.ergebnis) for r in rows] == [
        ("Rat", "2026-05-05", Stimmen(9, 12, 0), "abgelehnt")
    ]


def test_koerperschaft_only_where_the_paper_names_a_body() -> None:
    assert koerperschaft(["STADT KARLSRUHE", "Vorlage"], 2) == "Stadt Karlsruhe"
    assert koerperschaft(["Die Stadt Abstimmung ergab 12 Stimmen."], 1) is None
    assert koerperschaft(["Stadt Su Eingang 23. JAN. 2012"], 1) is None  # an OCR scrap of a stamp
    assert koerperschaft(["die Region Vielfältige Angebote"], 1) is None
    assert koerperschaft(["Der Rat der Gemeinde Ostheim beschließt"], 1) == "Gemeinde Ostheim"


def test_markdown_reads_like_its_print() -> None:
    text = "# Neue Radwege\n\n**Vorlage-Nr.:** 2026/031  \n\n| Datum | Gremium |\n|---|---|\n| 18.03.2026 | Rat |\n"
    assert plain(text).split("\n") == [
        "Neue Radwege",
        "",
        "Vorlage-Nr.: 2026/031",
        "",
        "Datum\tGremium",
        "18.03.2026\tRat",
        "",
    ]
    assert plain("A line with **bold**\nno heading") == "A line with **bold**\nno heading"  # not Markdown


def test_letter_style_antrag(tmp_path: Path) -> None:
    result = run("extract", SAMPLES / "text" / "eichenbrunn_antrag_brief_spielplatz.txt", "--format", "json")
    [r] = json.loads(result.stdout)
    assert (r["art"], r["einreicher"], r["fachbereich"]) == ("Antrag", "Fraktion Bürgerliste Eichenbrunn", None)
    assert r["betreff"] == "Schattenspender für den Spielplatz am Mühlanger"  # the subject, never the salutation
    assert [(b["gremium"], b["datum"]) for b in r["beschlusslauf"]] == [("Gemeinderat", "2026-03-12")]
    assert r["beschlussvorschlag"].startswith("1. Die Verwaltung stellt") and "Grüßen" not in r["beschlussvorschlag"]
    assert r["begruendung"].startswith("im vergangenen Sommer") and "möge" not in r["begruendung"]


def test_koerperschaft_and_einreicher_as_filters_and_facets(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("html/rabenau_2026-0087_parkraumkonzept.html", "text/lindgrund_ds-17-2026_neufassung_kita.txt"):
        shutil.copy(SAMPLES / name, folder)
    index = tmp_path / "index"
    assert run("ingest", folder, "--index", index, "--quiet").exit_code == 0
    page = json.loads(run("search", "", "--index", index, "--format", "json").stdout)
    assert page["facets"]["koerperschaft"] == {"Stadt Rabenau": 1, "Gemeinde Lindgrund": 1}
    assert page["facets"]["einreicher"] == {"Oberbürgermeister": 1}
    found = json.loads(run("search", "--koerperschaft", "Stadt Rabenau", "--index", index, "--format", "json").stdout)
    assert [h["vorlage_nr"] for h in found["hits"]] == ["2026/0087"]
    found = json.loads(run("search", "einreicher:Oberbürgermeister", "--index", index, "--format", "json").stdout)
    assert found["total"] == 1
    [shown] = json.loads(run("show", "DS 17/2026 1. Neufassung", "--index", index, "--format", "json").stdout)
    assert (shown["vorlage_nr"], shown["basis_nr"]) == ("DS 17/2026 1. Neufassung", "DS 17/2026")

    # a folder whose council the user knows: --koerperschaft sets it for every paper of the batch
    other = tmp_path / "index2"
    assert run("ingest", folder, "--index", other, "--koerperschaft", "Stadt Ostheim", "--quiet").exit_code == 0
    page = json.loads(run("search", "", "--index", other, "--format", "json").stdout)
    assert page["facets"]["koerperschaft"] == {"Stadt Ostheim": 2}
