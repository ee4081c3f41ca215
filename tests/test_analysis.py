"""The German analysis chain: folding, stems, parts of compounds, word families."""

from __future__ import annotations

import pytest

from archiv.search.analysis import analyse_word, exact_terms, fold, index_terms, query_keys, stem
from archiv.search.compounds import decompose, family


@pytest.mark.parametrize(
    ("a", "b"), [("Müll", "Muell"), ("Müll", "Mull"), ("Straße", "Strasse"), ("Gebühren", "Gebuehr")]
)
def test_spellings_meet(a: str, b: str) -> None:
    assert analyse_word(a) == analyse_word(b)


def test_fold() -> None:
    assert fold("größe") == "grosse"
    assert fold("aeltestenrat") == fold("ältestenrat") == "altestenrat"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Arbeitsmarktintegration", {"arbeitsmarkt", "arbeit", "markt", "integration"}),
        ("Schulsanierung", {"schule", "sanierung"}),
        ("Ratsbeschluss", {"beschluss"}),  # "Rat" is too short to be indexed alone
        ("Friedhofsgebührensatzung", {"friedhof", "gebuhren", "satzung"}),
    ],
)
def test_compounds_give_their_parts(word: str, parts: set[str]) -> None:
    assert {stem(p) for p in parts} <= {stem(p) for p in decompose(fold(word.lower()))}


@pytest.mark.parametrize("word", ["Beirat", "Vorlage", "Ausschuss", "Integration", "Landschaft", "Verwaltung"])
def test_words_that_are_no_compounds_stay_whole(word: str) -> None:
    assert decompose(fold(word.lower())) == ()


def test_word_families() -> None:
    assert family(fold("geflüchteten")) == family(fold("flüchtling")) == "flucht"
    assert family(fold("gebiet")) is None
    assert query_keys("Flüchtlinge") == ("fluchtling", "^flucht")
    assert query_keys("Rat") == ("rat", None)


def test_index_terms_keep_words_and_add_parts() -> None:
    stems, parts = index_terms("Die Arbeitsmarktintegration der Geflüchteten im Beirat")
    assert stems.split() == ["die", "arbeitsmarktintegration", "der", "gefluchtet", "im", "beirat"]
    assert {"integration", "markt", "^flucht"} <= set(parts.split())
    assert "rat" not in parts.split()
    assert exact_terms("Haupt- und Finanzausschuss") == ["haupt", "und", "finanzausschuss"]
