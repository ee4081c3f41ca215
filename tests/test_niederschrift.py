"""Minutes split into TOPs: general rules on minutes written for these tests (not corpus text)."""

from __future__ import annotations

from archiv.extract.niederschrift import classify, is_niederschrift, read_niederschrift, read_stimmen

LABELLED = """Niederschrift
über die 12. Sitzung des Bauausschusses der Gemeinde Musterhausen
Termin: 3. März 2024, 18:00 Uhr
öffentlich

TOP 1: Eröffnung

Der Vorsitzende eröffnet die Sitzung.

TOP 2: Neubau einer Kindertagesstätte am Lindenweg
Vorlage: BV/017/2024

Beschluss:
Der Bauausschuss stimmt dem Entwurf zu.

Abstimmungsergebnis:
Ja: 9 Nein: 2 Enthaltungen: 1

TOP 3: Sanierung des Freibads
Drucksache Nr. 18/2024

Beschluss:
Die Beratung wird in die nächste Sitzung vertagt.

Abstimmungsergebnis:
einstimmig

TOP 4: Parkraumkonzept Innenstadt
Vorlage: BV/020/2024
dazu:
Änderungsantrag der Fraktion X
Vorlage: AN/005/2024

Beschluss:
Der Bauausschuss beschließt das Konzept mit der vorgelegten Änderung.

Abstimmungsergebnis:
Änderungsantrag: mehrheitlich abgelehnt
Vorlage: mit 7 Ja-Stimmen und 5 Nein-Stimmen mehrheitlich zugestimmt

- nichtöffentlicher Teil -

TOP 5: Grundstücksangelegenheit
Vorlage: BV/021/2024

Beschluss:
Kenntnisnahme

Abstimmungsergebnis:
keine Abstimmung

Zur Beurkundung:
"""

RUNNING = """P r o t o k o l l
der Sitzung des Rates der Gemeinde Beispielstadt am Dienstag, dem 7. Mai 2024
Zu Punkt 1: Eröffnung der Sitzung
Die Bürgermeisterin eröffnet die Sitzung.
Zu Punkt 2: Satzung über die Benutzung der
Sporthallen
(DS 44/2024)
Ohne weitere Beratungen beschließt der Rat mehrheitlich bei 20 Ja-Stimmen und 3 Nein-Stimmen wie folgt:
Die Satzung wird wie vorgelegt beschlossen.
Beratungsergebnis: Mehrheitlich bei 20 Ja-Stimmen und 3 Nein-Stimmen
Zu Punkt 3: Bericht über die Kassenprüfung
(DS 45/2024)
Der Rat nimmt dies zur Kenntnis.
Zu Punkt 4: Ergänzung zu DS 30/2023
Gebühren der Musikschule
(DS 46/2024)
Nach kurzer Beratung beschließt der Rat bei 4 Ja-Stimmen, 15 Nein-Stimmen und 2 Enthaltungen, den Vorschlag abzulehnen:
Beratungsergebnis: Mehrheitlich abgelehnt
Zu Punkt 5: Antrag der Gruppe Y zur Radwegeplanung
(DS 47/2024)
Der Antrag wird zur weiteren Beratung in den Verkehrsausschuss verwiesen.
Ende der Sitzung: 20:10 Uhr
Zu Punkt 2: Satzung über die Benutzung der Sporthallen
(DS 44/2024)
"""


def test_recognised_as_minutes_and_not_a_vorlage() -> None:
    assert is_niederschrift(LABELLED)
    assert is_niederschrift(RUNNING)  # a letter-spaced title
    assert not is_niederschrift("Beschlussvorlage\nVorlage-Nr.: BV/017/2024\nBetreff: Neubau\nNiederschrift folgt")


def test_session_of_labelled_minutes() -> None:
    n = read_niederschrift(LABELLED)
    assert n.sitzung.gremium == "Bauausschuss"
    assert n.sitzung.datum == "2024-03-03"
    assert n.sitzung.oeffentlich is True


def test_tops_of_labelled_minutes() -> None:
    tops = {t.nummer: t for t in read_niederschrift(LABELLED).tops}
    assert list(tops) == ["1", "2", "3", "4", "5"]
    assert tops["2"].titel == "Neubau einer Kindertagesstätte am Lindenweg"
    assert tops["2"].vorlagen == ("BV/017/2024",)
    assert tops["2"].ergebnis == "beschlossen"
    assert tops["2"].beschluss == "Der Bauausschuss stimmt dem Entwurf zu."
    assert tops["3"].vorlagen == ("18/2024",)
    assert tops["3"].ergebnis == "vertagt"
    assert tops["3"].einstimmig
    # an amendment voted apart keeps its own outcome; the main paper was adopted with a change
    assert tops["4"].vorlagen == ("BV/020/2024", "AN/005/2024")
    assert tops["4"].ergebnis_fuer("AN/005/2024") == "abgelehnt"
    assert tops["4"].ergebnis_fuer("BV/020/2024") == "geändert beschlossen"
    assert tops["4"].stimmen == {"ja": 7, "nein": 5, "enthaltung": None}
    assert tops["5"].oeffentlich is False
    assert tops["5"].ergebnis == "zur Kenntnis genommen"
    assert tops["1"].vorlagen == () and tops["1"].ergebnis is None


def test_tops_of_running_text_minutes() -> None:
    n = read_niederschrift(RUNNING)
    assert n.sitzung.gremium == "Rat"
    assert n.sitzung.datum == "2024-05-07"
    tops = {t.nummer: t for t in n.tops}
    assert list(tops) == ["1", "2", "3", "4", "5"]  # the list after "Ende der Sitzung" repeats, is no TOP
    assert tops["2"].titel == "Satzung über die Benutzung der Sporthallen"
    assert tops["2"].vorlagen == ("44/2024",)
    assert tops["2"].ergebnis == "beschlossen"
    assert tops["2"].stimmen == {"ja": 20, "nein": 3, "enthaltung": None}
    assert tops["3"].ergebnis == "zur Kenntnis genommen"
    assert tops["4"].vorlagen == ("46/2024",)  # "Ergänzung zu DS 30/2023" names the paper it revises
    assert tops["4"].ergebnis == "abgelehnt"
    assert tops["5"].ergebnis == "verwiesen"


def test_votes_and_outcome_words() -> None:
    assert read_stimmen("bei 12 Ja-Stimmen, 3 Nein-Stimmen und zwei Enthaltungen") == {
        "ja": 12,
        "nein": 3,
        "enthaltung": 2,
    }
    assert read_stimmen("einstimmig") is None
    assert classify("mit 4 Ja-Stimmen und 9 Nein-Stimmen") == "abgelehnt"  # more against than for
    assert classify("Der Antrag wurde zurückgezogen.") == "zurückgezogen"
    assert classify("keine Abstimmung", "Verweisung in den Hauptausschuss") == "verwiesen"
    assert classify("keine Abstimmung", "Kenntnisnahme") == "zur Kenntnis genommen"
    assert classify("einstimmig zugestimmt", "Beschluss mit folgender Änderung: …") == "geändert beschlossen"


# A verbatim record: two items called up together and voted one by one, and a list changed in the
# debate at the mover's request and then adopted without a vote on the change.
VERBATIM = """Wortprotokoll
der 5. Sitzung des Rates der Stadt Beispielstadt am 12. Juni 2024
Nun rufe ich auf:
A Antrag der Fraktion Z betreffend „Aktuelle Stunde zur Lage der Bäder“
AN/0100/2024
Tagesordnungspunkt:
3.1 Dringlichkeitsantrag der Fraktionen X und Y betreffend „Sanierung der Bäder“
AN/0101/2024
Herr Muster (Fraktion Z): Wir haben die Bäder lange vernachlässigt und müssen das ändern.
Bürgermeisterin: Gibt es weitere Wortmeldungen? - Das ist nicht der Fall. Damit ist die Aktuelle
Stunde abgeschlossen und die Sache erledigt.
Ich lasse nun über den Tagesordnungspunkt 3.1
abstimmen. Gibt es Gegenstimmen? - Von der Fraktion Z. Enthaltungen? - Keine. Dann ist dieser
Antrag so beschlossen.
Tagesordnungspunkt
3.2 Antrag der Fraktion Y betreffend „Besetzung der Ausschüsse“
AN/0102/2024
Frau Beispiel (Fraktion Y): Ich bitte darum, den zweiten Namen auf der Liste zu streichen.
Bürgermeisterin: Das nehme ich so auf. Gibt es Gegenstimmen? - Keine. Dann ist das so beschlossen.
Tagesordnungspunkt
3.3 Antrag der Fraktion X betreffend „Öffnungszeiten der Bücherei“
AN/0103/2024
Herr Muster (Fraktion Z): Wir bitten, die Zahl im zweiten Absatz zu ändern.
Bürgermeisterin: Dem folgt die Mehrheit nicht. Gibt es Gegenstimmen? - Keine. Dann ist das so beschlossen.
"""


def test_items_deliberated_together_keep_their_own_outcome() -> None:
    tops = {t.nummer: t for t in read_niederschrift(VERBATIM).tops}
    top = tops["A"]
    assert top.vorlagen == ("AN/0100/2024", "AN/0101/2024")
    # the debate was held and closed (no decision asked for); the motion called by number was adopted
    assert top.ergebnis_fuer("AN/0100/2024") == "zur Kenntnis genommen"
    assert top.ergebnis_fuer("AN/0101/2024") == "beschlossen"
    assert "erledigt" in (top.beschluss or "")


def test_change_taken_up_in_the_debate() -> None:
    tops = {t.nummer: t for t in read_niederschrift(VERBATIM).tops}
    assert tops["3.2"].ergebnis == "geändert beschlossen"
    assert tops["3.3"].ergebnis == "beschlossen"  # a change asked for but not taken up


def test_erledigt() -> None:
    assert classify("", "Der Antrag hat sich damit erledigt.") == "zurückgezogen"
    assert classify("", "Die Anfrage ist beantwortet.") == "zur Kenntnis genommen"


# A second verbatim record: items called with "Wir kommen zu:" and a call-up wrapped over two lines,
# amendments voted one by one, a replaced motion, questions answered or not yet.
VERBATIM_2 = """Wortprotokoll
der 7. Sitzung des Rates der Stadt Beispielstadt am 3. Juli 2024
Wir kommen zu:
3 Anträge
3.1 Antrag der Fraktion X betreffend „Radwege am Ring“
AN/0300/2024
Änderungsantrag der Gruppe Klimaliste
AN/0301/2024
Änderungsantrag der Fraktion ÖDP
AN/0302/2024
Dann lasse ich zunächst über den Änderungsantrag der Gruppe Klimaliste abstimmen. Gegenstimmen? - Keine.
Enthaltungen? - Keine. Dann ist das so beschlossen.
Jetzt lasse ich über den ÖDP-Antrag abstimmen. Wer ist dafür? - Die Fraktion ÖDP. Enthaltungen? - Keine.
Dann ist dieser Antrag abgelehnt.
Nun lasse ich über den Ursprungsantrag in der geänderten Fassung abstimmen. Gegenstimmen? - Keine.
Dann ist das so beschlossen.
Wir haben bei der Festlegung der Tagesordnung beschlossen, die Punkte 3.2 und 3.3 zu tauschen. Daher rufe ich
auf:
3.2 Antrag der Fraktion Z betreffend „Bäume in der Altstadt“
AN/0303/2024
Ersetzungsantrag der Fraktionen X und Y
AN/0304/2024
Dann lasse ich über den Ersetzungsantrag abstimmen. Gegenstimmen? - Keine. Dann ist das so beschlossen.
Der Ursprungsantrag hat sich damit erledigt.
Ich rufe auf:
4 Anfragen
4.1 Anfrage der Fraktion X betreffend
„Kosten der Sanierung des Hallenbads am Stadtpark und der Sporthallen der Gesamtschule Nord im Jahr 2024“
AN/0310/2024
Antwort der Verwaltung vom 01.07.2024
1234/2024
Die Antwort der Verwaltung liegt vor.
Tagesordnungspunkt
4.2 Anfrage der Fraktion Z betreffend „Parkhaus“
AN/0311/2024
Die Antwort erfolgt spätestens zur nächsten Sitzung.
"""


def test_verbatim_amendments_replacements_and_questions() -> None:
    tops = {t.nummer: t for t in read_niederschrift(VERBATIM_2).tops}
    assert {"3.1", "3.2", "4.1", "4.2"} <= set(tops)  # "Wir kommen zu:", "rufe ich" / "auf:", a section's first item
    radwege = tops["3.1"]
    assert radwege.vorlagen == ("AN/0300/2024", "AN/0301/2024", "AN/0302/2024")
    assert radwege.ergebnis_fuer("AN/0301/2024") == "beschlossen"
    assert radwege.ergebnis_fuer("AN/0302/2024") == "abgelehnt"  # called as "den ÖDP-Antrag"
    assert radwege.ergebnis_fuer("AN/0300/2024") == "geändert beschlossen"  # the changed version adopted
    # the motion about the agenda said before the next call-up is not this item's decision
    assert "Tagesordnung" not in (radwege.beschluss or "")
    baeume = tops["3.2"]
    assert baeume.ergebnis_fuer("AN/0303/2024") == "geändert beschlossen"  # replaced by the adopted one
    assert baeume.ergebnis_fuer("AN/0304/2024") == "beschlossen"
    assert tops["4.1"].vorlagen == ("AN/0310/2024", "1234/2024")  # a long title wrapped after "betreffend"
    assert tops["4.1"].ergebnis == "zur Kenntnis genommen"
    assert tops["4.2"].ergebnis == "vertagt"
