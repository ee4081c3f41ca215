"""The label vocabulary of the council information systems, as data.

Each entry maps the words a vendor prints in front of a value to the record field it fills.
"kind" says how the value is read: "line" = the rest of the line or the next non-empty line;
"list" = one item per line until the next label; "block" = a section of prose; "table" = the
Beschlusslauf; "stop" = a label whose section archiv does not keep but which ends the one before.
To support a new layout, add its words here; the code that reads them does not change.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelSpec:
    field: str
    kind: str  # line | list | block | table | stop
    words: tuple[str, ...]


LABELS: tuple[LabelSpec, ...] = (
    LabelSpec(
        "vorlage_nr",
        "line",
        (
            "Vorlage-Nr.",
            "Vorlage-Nr",
            "Vorlagen-Nr.",
            "Vorlagen-Nr",
            "Vorlage Nr.",
            "Vorlagennummer",
            "Drucksachennummer",
            "Drucksachen-Nummer",
            "Vorlagen-Nummer",
            "Drucksache Nr.",
            "Drucksachen-Nr.",
            "Drucksache",
            "DS-Nr.",
            "DS-Nr",
            "Drs.-Nr.",
            "Antragsnr.",
            "Antrags-Nr.",
        ),
    ),
    LabelSpec("aktenzeichen", "line", ("Aktenzeichen", "Az.", "AZ", "Geschäftszeichen", "Gz.")),
    LabelSpec(
        "art",
        "line",
        (
            "Vorlage-Art",
            "Vorlagenart",
            "Vorlageart",
            "Vorlagentyp",
            "Art der Drucksache",
            "Vorlagen-Art",
            "Art der Vorlage",
            "Drucksache-Art",  # Berlin BVV (ALLRIS)
            "Drucksachenart",
            "Drucksachen-Art",
            "Art",
        ),
    ),
    LabelSpec("datum", "line", ("Datum", "Erstellungsdatum", "Vorlagedatum", "Datum der Vorlage")),
    LabelSpec("status", "line", ("Status", "Öffentlichkeitsstatus")),
    LabelSpec(
        "fachbereich",
        "line",
        (
            "Fachbereich",
            "Federführung",
            "Federführend",
            "Federführendes Amt",
            "Federführender Fachbereich",
            "Federführende Dienststelle",
            "Federführende Stelle",
            "Federführendes Referat",
            "Zuständiges Amt",
            "Zuständige Dienststelle",
            "Dezernat/Amt",
            "Dezernat",
            "Amt",
            "Verantwortlich",
            "Verantwortliche/r",  # SessionNet prints (Erlangen)
            "Verantwortliche",
            "Dienststelle",
            "Organisationseinheit",
        ),
    ),
    # Who submitted the paper; a value naming an office goes to the lead office instead (einreicher.py).
    LabelSpec(
        "einreicher",
        "line",
        (
            "Einreicher",
            "Einreicherin",
            "Einreicher/in",
            "Einreicher/-in",
            "Eingereicht von",
            "Eingebracht von",
            "Einbringer",
            "Initiator",
            "Initiatorin",
            "Initiatoren",
            "Antragsteller",
            "Antragstellerin",
            "Antragsteller/in",
            "Antragsteller/-in",
            "Antragstellende",
            "Antragstellende Fraktion",
            "Fragesteller",
            "Fragestellerin",
            "Fragesteller/in",
            "Antrag von",
            "Anfrage von",
            "Verfasser",  # the author of an Antrag (Berlin BVV): a person or a Fraktion
            "Verfasserin",
        ),
    ),
    LabelSpec(
        "beteiligungen",
        "list",
        (
            "Beteiligungen",
            "Beteiligung",
            "Beteiligt",
            "Beteiligte Ämter",
            "Beteiligte Fachbereiche",
            "Beteiligte Dienststellen",
            "Beteiligte Stellen",
            "Mitbeteiligt",
            "Mitzeichnende Stellen",
            "Mitzeichnung",
            "Mitwirkung",
        ),
    ),
    LabelSpec("produkt", "line", ("Produkt", "Produktnummer", "Produktbereich")),
    LabelSpec(
        "betreff",
        "block",
        ("Betreff", "Betrifft", "Titel", "Gegenstand", "Bezeichnung", "Thema", "Kurzbezeichnung", "Titel der Vorlage"),
    ),
    LabelSpec(
        "beschlusslauf",
        "table",
        (
            "Beschlusslauf",
            "Beratungsfolge",
            "Beratungsreihenfolge",
            "Beratungsgang",
            "Beratungsweg",
        ),
    ),
    LabelSpec(
        "beschlussvorschlag",
        "block",
        (
            "Beschlussvorschlag",
            "Beschlussvorschläge",
            "Beschlussempfehlung",
            "Beschlussantrag",
            "Antragstext",
            "Vorschlag zur Beschlussfassung",
            "Beschlusstext",
            "Beschlussentwurf",
            "Entwurf des Beschlusses",
            "Vorschlag der Verwaltung",
            "Entscheidungsvorschlag",
            "Antrag an den Gemeinderat / Ausschuss",  # Karlsruhe
            "Antrag an den Gemeinderat",
            "Antrag an den Ortschaftsrat",
        ),
    ),
    LabelSpec(
        "begruendung",
        "block",
        (
            "Problembeschreibung/Begründung",
            "Sachverhalt/Begründung",
            "Begründung/Sachverhalt",
            "Begründung des Antrags",
            "Begründung des Antrages",
            "Begründung der Vorlage",
            "Begründung der Anfrage",
            "Begründung",
            "Sachverhalt",
            "Sachdarstellung",
            "Sachverhaltsdarstellung",
            "Darstellung des Sachverhalts",
            "Sachstand",
            "Ergänzende Erläuterungen",
            "Ergänzende Erläuterung",
            "Erläuterungen",
            "Erläuterung",
            "Inhalt der Mitteilung",
            "Inhalt",
            "Problembeschreibung",
        ),
    ),
    LabelSpec("anlagen", "list", ("Anlagen", "Anlage", "Anlagenverzeichnis", "Anhang", "Anhänge")),
    LabelSpec(
        "stop",
        "stop",
        (
            "Finanzielle Auswirkungen",
            "Finanzielle Auswirkung",
            "Haushaltsrechtliche Auswirkungen",
            "Auswirkungen auf den Haushalt",
            "Kosten",
            "Klimarelevanz",
            "Auswirkungen auf den Klimaschutz",
            "Beratungsergebnis",
            "Abstimmungsergebnis",
            "Auskunft erteilt",
            "Telefon",
            "Tel.",
            "E-Mail",
            "Fax",
            "Bearbeiter/-in",
            "Bearbeiter",
            "Bearbeiterin",
            "Bearbeitung",
            "Sachbearbeiter",
            "Sachbearbeitung",
            "Zuständig",
            "Ansprechpartner",
            "Ansprechpartnerin",
            "Unterschrift",
            "Verteiler",
            "Hinweis",
            "Alternativen",
            "Zielgruppen",
            "Ziele",
            "Gleichstellungsrelevanz",
            "Beteiligung Personalrat",
            "Beteiligung Gleichstellung",
            "Rechtsgrundlage",
            "Beschluss",
            "Protokoll",
            "Hinweis auf einschlägige Vorgänge",
            "Kurzfassung",
            "Information",
            "Eingang",
            "Eingegangen am",
            "Eingegangen",
            "Zusammenfassung",
            "Stammbaum",
            "Referent/in",
            "Referent",
            "Gremium",
            "Termin",
            "TOP",
            "Sitzung",
            "Anlass der Vorlage",  # not "Anlass" alone: a sub-heading inside the Sachverhalt ("1. Anlass")
        ),
    ),
)

# Headers of the Beschlusslauf table, per column (lower case; compared without spaces).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "nr": ("nr.", "nr", "lfd.nr.", "lfd.", "lfd", "#", "reihenfolge"),
    "gremium": ("gremium", "beratungsfolge", "beratungsgremium", "gremien", "beschlussgremium", "ausschuss",
                "beschlusslauf", "beratungsreihenfolge"),
    "datum": ("datum", "termin", "sitzungstermin", "sitzung", "sitzungsdatum", "beratungstermin", "am"),
    "zustaendigkeit": ("zuständigkeit", "stand", "rolle", "beratungsart", "artderberatung", "zweck", "beratung",
                       "zuständig", "beratungsziel"),
    "oeffentlich": ("ö/n", "ö/nö", "öffentlichkeit", "öffentlichkeitsstatus", "sitzungsart", "öff.", "öffentlich",
                    "ö", "status"),
    "ergebnis": ("abstimmung", "ergebnis", "beschluss", "beratungsergebnis", "abstimmungsergebnis",
                 "beschlussart", "entscheidung"),
    # the counts of a results table
    "ja": ("ja", "ja-stimmen", "jastimmen", "dafür", "zustimmung", "pro"),
    "nein": ("nein", "nein-stimmen", "neinstimmen", "dagegen", "gegenstimmen", "contra"),
    "enthaltung": ("enthaltung", "enthaltungen", "enth.", "stimmenthaltung", "stimmenthaltungen", "enthalten"),
}  # fmt: skip

# What a Beschlusslauf row's role ("Stand", "Zuständigkeit") says; longest first when matched.
ROLES: tuple[str, ...] = (
    "Zur vorbereitenden Beschlussfassung", "Zur abschließenden Beschlussfassung", "Beratung und Beschlussfassung",
    "Beratung und Empfehlung", "Beratung und Entscheidung", "Vorberatung und Empfehlung", "Zur Kenntnisnahme",
    "zur Kenntnis", "Kenntnisnahme", "Vorberatung", "Entscheidung", "Beschlussfassung", "Mitteilung", "Beratung",
    "Anhörung", "Empfehlung", "Information", "Vorbereitung", "Zustimmung", "Bericht", "Beschluss",
)  # fmt: skip

# Kinds of paper, as printed in a header line.
ARTEN: tuple[str, ...] = (
    "Beschlussvorlage", "Mitteilungsvorlage", "Informationsvorlage", "Tischvorlage", "Verwaltungsvorlage",
    "Berichtsvorlage", "Dringlichkeitsvorlage", "Eilvorlage", "Änderungsantrag", "Ergänzungsantrag",
    "Dringlichkeitsantrag", "Zusatzantrag", "Antrag", "Anfrage", "Große Anfrage", "Kleine Anfrage", "Einwohneranfrage",
    "Stellungnahme", "Beschlussempfehlung",
)  # fmt: skip

# Words that make a phrase a committee (the row of a Beschlusslauf, an entity).
GREMIUM_WORDS = (
    r"ausschuss|ausschuß|\brat\b|rat$|[a-zäöü]rat\b|kreistag|tag\b|beirat|fraktion|gruppe|kommission|versammlung"
    r"|konferenz|vorstand|bürgermeister|senat|magistrat|verwaltung|gremium|präsidium|beirat|kuratorium"
)

# Public bodies named in a Vorlage ("Gemeinde Nordstemmen", "Landkreis Darmstadt-Dieburg").
KOERPERSCHAFT_KINDS = (
    "Landeshauptstadt", "Hansestadt", "Universitätsstadt", "Große Kreisstadt", "Kreisstadt", "Stadtgemeinde",
    "Samtgemeinde", "Verbandsgemeinde", "Ortsgemeinde", "Marktgemeinde", "Gemeinde", "Flecken", "Landkreis", "Stadt",
    "Kreis", "Markt", "Bezirksamt", "Städteregion", "Region",
)  # fmt: skip
