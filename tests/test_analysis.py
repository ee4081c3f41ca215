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


@pytest.mark.parametrize(
    ("word", "part"),
    [
        ("Straßenbeleuchtungsanlagen", "Straßenbeleuchtung"),  # a sub-compound: two adjacent parts
        ("Radverkehrskonzept", "Radverkehr"),  # a three-letter first word splits, but is no part alone
        ("Komplettvergabe", "Vergabe"),  # the head after a first element that is no noun of the list
        ("Regionalradwege", "Radwege"),
    ],
)
def test_sub_compounds_are_parts(word: str, part: str) -> None:
    assert stem(fold(part.lower())) in index_terms(word)[1].split()


@pytest.mark.parametrize(("word", "wrong"), [("Ausschuss", "Schuss"), ("Ausschreibung", "Reibung"),
                                             ("Schülerbeförderung", "Förderung"), ("Radverkehr", "Rad")])  # fmt: skip
def test_particles_and_short_words_give_no_parts(word: str, wrong: str) -> None:
    assert stem(fold(wrong.lower())) not in index_terms(word)[1].split()


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Rad- und Fußwege", ["radwege"]),
        ("Kita-/Schulgebäude", ["kitagebaude"]),
        ("Rad-, Fuß- und Reitwege", ["radwege", "fusswege"]),
        ("Schulbau und -sanierung", ["schulsanierung"]),
        ("die Kinder-Tagesstätte am Markt", ["kindertagesstatte"]),
        ("COVID-19 und 2024-2025", []),
    ],
)
def test_elliptic_and_hyphenated_compounds(text: str, meant: list[str]) -> None:
    from archiv.search.analysis import implied_words

    assert implied_words(text) == meant
    for word in meant:  # and the index holds them, so "Radwege" finds "Rad- und Fußwege"
        assert analyse_word(word) in index_terms(text)[1].split()


def test_query_compounds_split_into_long_parts_only() -> None:
    from archiv.search.compounds import query_parts

    assert query_parts("schulwegsicherung") == ("schulweg", "sicherung")
    assert query_parts("halbtagsschule") == ("halbtags", "schule")  # a short part joins its neighbour
    assert query_parts("ratsbeschluss") == ()  # "Rat" is too short: never every "Beschluss"


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("gemäß § 58 Abs. 1 Nr. 5 NKomVG", {"§nkomvg", "§nkomvg-58", "§nkomvg-58-1"}),
        ("§34 Abs. 1 BauGB", {"§baugb", "§baugb-34", "§baugb-34-1"}),
        ("nach §§ 5, 6 KAG", {"§kag", "§kag-5", "§kag-6"}),
        ("Art. 28 GG", {"§gg", "§gg-art28"}),
        ("Paragraph ohne Gesetz § 5 der Satzung", set()),
    ],
)
def test_law_citations(text: str, keys: set[str]) -> None:
    from archiv.search.citations import citation_keys

    assert set(citation_keys(text)) - {k for k in citation_keys(text) if k.startswith("§-")} == keys


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("11.40.90", "(1) 11.40.90"),
        ("Az. 11 40 90", "(FB 1) 11-40-90"),
        ("VO/2023/117", "VO/2023/0117"),
        ("413/017", "Az. 413-017"),
    ],
)
def test_identifier_keys_meet(typed: str, stored: str) -> None:
    from archiv.extract.normalize import identifier_keys

    assert identifier_keys(typed)[0] in identifier_keys(stored)


def test_identifier_bases() -> None:
    from archiv.extract.normalize import identifier_bases, identifier_keys

    assert identifier_keys("(2)") == () and identifier_keys("(2) – Sch/mü") == ()
    assert identifier_bases("DS 79/2016 – 1. Ergänzung") == ("79-2016",)
    assert identifier_bases("DS 79/2016") == ()
    assert "20-21-0" in identifier_bases("(2) 20 21 00 – 2013 Nie/mü", aktenzeichen=True)
    assert "53-20-61" in identifier_bases("(3) 53.20.61/20", aktenzeichen=True)


def test_analysis_of_a_text_is_the_same_with_or_without_its_words_cached(monkeypatch) -> None:
    """analyse_text takes a fast path for words already analysed (issue 16: the rebuild's speed); a
    text of known and new words, and a cache that fills up mid-text, give the very same terms."""
    from archiv.search import analysis

    texts = [
        "Die Arbeitsmarktintegration der Geflüchteten im Beirat, Rad- und Fußwege.",
        "Neubau der Kindertagesstätte; Kita-/Schulgebäude und die Straßenbeleuchtungsanlagen 2025.",
        "Die Geflüchteten im Beirat: Sanierung der Grundschule und Schulwegsicherung (Kinder-Tagesstätte).",
        "  „Fußwege“, (FB 2) – Rad-/Fußwege … snake_case __ ΟΔΟΣ ΟΔΟΣ- x\u00a0y\u2003z §§ 5-7 ",
        "",
        " - ",
    ]

    def by_word(text: str) -> tuple[str, str, str]:  # the definition: word by word, nothing cached
        words = analysis.WORD.findall(text)
        parts = [p for w in words for p in analysis.word_parts(w)]
        for word in analysis.implied_words(text):
            s, more = analysis._analysed(word)
            parts += [s, *more]
        stems = " ".join(analysis.analyse_word(w) for w in words)
        return stems, " ".join(parts), " ".join(words).lower()

    expected = [by_word(t) for t in texts]
    for size in (400_000, 12):  # room for all; or so little that the cache is cleared on the way
        monkeypatch.setattr(analysis, "_CACHE_SIZE", size)
        for cache in (analysis._CACHE, analysis._PIECES):
            cache.clear()
        assert [analysis.analyse_text(t) for t in texts] == expected  # cold, then partly warm
        assert [analysis.analyse_text(t) for t in texts] == expected  # warm


def test_documents_analysed_by_workers_that_share_their_words_are_those_of_one_process() -> None:
    """A rebuild's workers hand the words they analysed on to each other (search/parallel.py, issue 16):
    the documents must be the very ones one process makes, chunk after chunk, in the store's order."""
    import json

    from archiv.models import SourceInfo, Vorlage
    from archiv.search import analysis
    from archiv.search.parallel import CHUNK, index_documents

    topics = ["Radverkehrskonzept", "Kindertagesstätte", "Straßenbeleuchtungsanlagen", "Schulwegsicherung",
              "Arbeitsmarktintegration", "Neubaugebiet", "Haupt- und Finanzausschuss", "Rad- und Fußwege"]  # fmt: skip

    def record(i: int) -> str:
        source = SourceInfo(f"{i}.txt", f"{i:064d}", "text", None, None, "2026-01-01T00:00:00+00:00")
        text = " ".join(f"{topics[(i * k) % len(topics)]} Nr{i % 97}-{k} Wort{(i * 7 + k) % 500}" for k in range(40))
        v = Vorlage(
            id=f"v{i}", vorlage_nr=f"DS {i}/2025", aktenzeichen=None, art="Antrag", datum=None, oeffentlich=True,
            koerperschaft=None, fachbereich=None, beteiligungen=(), produkt=None, betreff=topics[i % len(topics)],
            beschlusslauf=(), beschlussvorschlag=None, begruendung=None, anlagen=(), entities={}, source=source,
            text=text,
        )  # fmt: skip
        return json.dumps(v.to_dict(), ensure_ascii=False)

    raw = [record(i) for i in range(CHUNK * 8)]
    analysis._CACHE.clear()
    analysis._PIECES.clear()
    alone = list(index_documents(raw, workers=1))
    together = list(index_documents(raw, workers=2))
    assert [d.id for d in together] == [f"v{i}" for i in range(len(raw))]
    assert together == alone


def test_words_warmed_ahead_give_the_same_analysis_and_never_empty_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """analysis.warm (an ingest's thread, while its workers parse) fills the caches analyse_text reads:
    the analysis afterwards is the one made cold; a full cache is left as it is, never emptied under
    the thread that analyses a batch; and both threads at once give the same terms, without an error."""
    import threading

    from archiv.search import analysis

    texts = [
        "Sanierung der Grundschule und Schulwegsicherung; Rad- und Fußwege, Kita-/Schulgebäude.",
        "Die Geflüchteten im Beirat: Neubau der Kindertagesstätte (Kinder-Tagesstätte) 2025.",
        "Straßenbeleuchtungsanlagen, Schulbau und -sanierung, Haupt- und Finanzausschuss §§ 5-7",
    ] + [f"Radverkehrskonzept{i} Wort{i * 7} Bebauungsplan-Nr. {i} Arbeitsmarktintegration" for i in range(60)]
    for cache in (analysis._CACHE, analysis._PIECES):
        cache.clear()
    expected = [analysis.analyse_text(t) for t in texts]

    for cache in (analysis._CACHE, analysis._PIECES):
        cache.clear()
    analysis.warm(texts, lambda: False)
    assert analysis._PIECES and analysis._CACHE
    assert [analysis.analyse_text(t) for t in texts] == expected

    monkeypatch.setattr(analysis, "_CACHE_SIZE", 50)  # full: warming adds nothing and drops nothing
    before = (dict(analysis._CACHE), dict(analysis._PIECES))
    analysis.warm(["Ganz neue Wörter: Windkraftanlagenplanung, Hochwasserschutz-Konzept"], lambda: False)
    assert before == (analysis._CACHE, analysis._PIECES)

    monkeypatch.setattr(analysis, "_CACHE_SIZE", 200)  # the batch's thread empties the caches often
    for cache in (analysis._CACHE, analysis._PIECES):
        cache.clear()
    done = threading.Event()
    errors: list[BaseException] = []

    def warming() -> None:
        try:
            while not done.is_set():
                analysis.warm(texts, done.is_set)
        except BaseException as e:  # reported by the assertion below
            errors.append(e)

    thread = threading.Thread(target=warming)
    thread.start()
    try:
        for _ in range(20):
            assert [analysis.analyse_text(t) for t in texts] == expected
    finally:
        done.set()
        thread.join()
    assert not errors
    analysis.forget_warmed()
    assert not analysis._READY
