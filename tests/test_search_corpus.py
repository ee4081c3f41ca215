"""Known-item queries over the real council documents of ../shared/corpus, on every backend.

The index holds the text exports of the corpus (the text of the Nordstemmen papers, Karlsruhe texts,
Leipzig, Augsburg, Berlin records; no scans, so no OCR), ingested once with Whoosh and rebuilt with tantivy. Each query
names, by a part of its path under the corpus (a folder names every file of a paper: text and metadata),
the documents a journalist or a clerk looking for them expects among the first three hits, and those
that must not be found. Skipped where ../shared/corpus is absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from archiv.archive import Archive
from archiv.search import BACKENDS

from .conftest import CORPUS, drop_opensearch_index, rebuilt_with, run

pytestmark = pytest.mark.skipif(not (CORPUS / "nordstemmen" / "papers").is_dir(), reason="../shared/corpus is not here")
PARTS = ("karlsruhe/texts", "leipzig", "augsburg", "berlin-friedrichshain-kreuzberg")


@dataclass(frozen=True)
class Known:
    query: str
    kind: str  # inflection | compound | folding | identifier | phrase | law
    top3: tuple[str, ...] = ()  # parts of paths under the corpus, each among the first three hits
    first: str | None = None  # a part of the path of the first hit
    absent: tuple[str, ...] = ()  # parts of paths that must not be found


N = "nordstemmen/papers/"
KA = "karlsruhe/texts/"
DS53 = N + "DS_53-2025/"
MOSCHEE = (KA + "602622", KA + "603312", KA + "602570")  # the same Stellungnahme three times

KNOWN: tuple[Known, ...] = (
    # inflection: another form of the words printed
    Known("Gestattungsverträge Wärmeleitung", "inflection", top3=(DS53,)),
    Known("Ehrenortsbrandmeisters", "inflection", top3=(N + "DS_77-2015/",)),
    Known("Kinderspielplatz Optimierungen", "inflection", top3=(N + "DS_73-2020/",)),
    Known("Sachzuwendungen Ortsfeuerwehr Rössing", "inflection", top3=(N + "DS_15-2025/",)),
    Known("Hausmeisterwohnungen Barnten", "inflection", top3=(N + "DS_71-2016/",)),
    Known("Löschgruppenfahrzeug Burgstemmen", "inflection", top3=(N + "DS_23-2016/",)),
    Known("Mehrzweckfahrzeug Ortsfeuerwehr", "inflection", top3=(N + "DS_70-2025/",)),
    Known("Raumreserve Grundschule", "inflection", top3=(N + "DS_82-2021/",)),
    Known("Wildparkstadion Neubau", "inflection", top3=(KA + "597501",)),
    Known("Suchthilfen", "inflection", top3=(KA + "641374",)),
    Known("Einlaufgruppen Kläranlagen", "inflection", top3=(N + "DS_26-2018_1._Ergaenzung/",)),
    # compounds: a part, a sub-compound, parts written apart, elliptic and hyphenated compounds
    Known("Radverkehr Planungsbüro", "compound", top3=(N + "DS_80-2021/",)),
    Known("Radverkehr Landkreis Hildesheim", "compound", top3=(N + "DS_8-2021/",)),
    Known("Gestattungsvertragsabschluss Wärmeleitungen", "compound", top3=(DS53,)),
    Known("Kinderbeckensanierung", "compound", top3=(N + "DS_64-2009_1._Ergaenzung/",)),
    Known("Ausbaubeitragssatzung", "compound", top3=(N + "DS_19-2017/",)),
    Known("Beitragssatzung Straßenausbau Abschaffung", "compound", top3=(N + "DS_19-2017/",)),
    Known("Beauftragte Umweltschutz Tätigkeitsbericht", "compound", top3=(N + "DS_21-2009/",)),
    Known("Kanalsanierung Adensen Hallerburg", "compound", top3=(N + "DS_60-2013/",)),
    Known("Halbtagsschule Barnten", "compound", top3=(N + "DS_63-2009/",)),
    Known("Friedhofswesen Satzung", "compound", top3=(KA + "634053",)),
    Known("Kinder-Tagesstätte Adensen Hort", "compound", top3=(N + "DS_16-2016_1._Ergaenzung/",)),
    Known("Wohnungsbau Koordinator Leipzig", "compound", top3=("VII-A-08607",)),
    Known("Integrationsbericht Fortschreibung", "compound", top3=("augsburg/text/TVO-BSV_25_61736-2",)),
    Known("Nachtragshaushalt 2015", "compound", top3=(N + "DS_32-2015/",)),
    Known("Sicherungskonzept Haushalt 2010", "compound", top3=(N + "DS_28-2010_1._Ergaenzung/",)),
    Known("Moschee Oststadt", "compound", top3=MOSCHEE[:2]),
    # folding: umlauts and ß typed as ae/oe/ue/ss, or as plain vowels
    Known("Waermeleitungen Gestattungsvertrag", "folding", top3=(DS53,)),
    Known("Strassenbenennung Teichstrasse", "folding", top3=(N + "DS_71-2023/",)),
    Known("Klaeranlage Einlaufgruppe", "folding", top3=(N + "DS_26-2018_1._Ergaenzung/",)),
    Known("Geschaeftsordnung Ortsraete Fachausschuesse", "folding", top3=(N + "DS_58-2011/",)),
    Known("Buergermeisterwahl 2026 Wahltermin", "folding", top3=(N + "DS_57-2025/",)),
    Known("Fusionsverhandlungen Direktwahl Burgermeisterin", "folding", top3=(N + "DS_46-2018/",)),
    Known("Grossmoschee", "folding", top3=MOSCHEE[:2]),
    Known("Realschueler Landkreisschulen", "folding", top3=("augsburg/",)),
    # identifiers however typed: prefix or none, zeros, separators, register numbers, revisions
    Known("DS 53/2025", "identifier", first=DS53),
    Known("53/2025", "identifier", first=DS53),
    Known("Drucksache 53/2025", "identifier", first=DS53),
    Known("ds 53 2025", "identifier", first=DS53),
    Known("DS 79/2016", "identifier", first=N + "DS_79-2016_1._Ergaenzung/", absent=(N + "DS_79-2017/",)),
    Known("79/2016", "identifier", first=N + "DS_79-2016_1._Ergaenzung/", absent=(N + "DS_79-2017/",)),
    Known("DS 26/2018", "identifier", first=N + "DS_26-2018_1._Ergaenzung/"),
    Known("DS 05/2012", "identifier", first=N + "DS_5-2012/"),
    Known("2018/0181", "identifier", top3=MOSCHEE),
    Known("2018/181", "identifier", top3=MOSCHEE),
    Known("VII-A-08607", "identifier", first="VII-A-08607"),
    Known("VII A 8607", "identifier", first="VII-A-08607"),
    Known("VII-A-07860", "identifier", first="VII-A-07860"),
    Known("ANF/25/61796", "identifier", first="augsburg/"),
    Known("(1) 11.40.90", "identifier", top3=(N + "DS_23-2019/",), absent=(N + "DS_8-2021/",)),
    Known("Az. 11.40.90", "identifier", top3=(N + "DS_23-2019/",), absent=(N + "DS_8-2021/",)),
    Known("aktenzeichen:11.40.90 Jahresergebnis 2017", "identifier", top3=(N + "DS_23-2019/",)),
    Known("Az. 51.10.23", "identifier", first=N + "DS_52-2024/"),
    Known("74 23 00 Freibadsaison", "identifier", first=N + "DS_12-2022/"),
    Known("37-62-00", "identifier", top3=(N + "DS_77-2015/",)),
    Known("aktenzeichen:53.20.61", "identifier", top3=(N + "DS_26-2018_1._Ergaenzung/",)),
    # phrases: the words as printed, in this order
    Known('"Obere Wanne"', "phrase", top3=(N + "DS_79-2010/", N + "DS_17-2011/")),
    Known('"Offene Ganztagsschule" Barnten', "phrase", top3=(N + "DS_63-2009/",)),
    Known('"Landauer Straße" Nordweststadt', "phrase", top3=(KA + "24410",)),
    Known('"Freizeitbad Nordstemmen" Freibadsaison', "phrase", top3=(N + "DS_12-2022/",)),
    Known('"Gelb-Rot" Sanitäranlagen', "phrase", top3=(N + "DS_66-2025/",)),
    Known('"Sportheims Adensen"', "phrase", top3=(N + "DS_34-2015/",)),
    # law citations, however spaced, and the fielded form
    Known("§ 200 Abs. 3 BauGB", "law", top3=(KA + "29335",)),
    Known("§200 BauGB Baulandkataster", "law", top3=(KA + "29335",)),
    Known("paragraph:200 gesetz:BauGB", "law", top3=(KA + "29335",)),
    Known("§ 58 NKomVG Investitionsprogramm", "law", top3=(N + "DS_86-2023/",)),
    Known("§ 10 BauGB Obere Wanne", "law", top3=(N + "DS_17-2011/",)),
    Known("§ 35 Abs. 3 BauGB Windenergie", "law", top3=(N + "DS_79-2016_1._Ergaenzung/",)),
    Known("§34 BauGB Oststadt", "law", top3=MOSCHEE[:1]),
    Known("§ 89 Abs. 1 NGO Haushaltsüberschreitungen 2008", "law", top3=(N + "DS_26-2009/",)),
)


@pytest.fixture(scope="session")
def corpus_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = tmp_path_factory.mktemp("corpus") / "index"
    papers = sorted((CORPUS / "nordstemmen" / "papers").glob("*/main.txt"))
    run("ingest", *papers, *(CORPUS / p for p in PARTS), "--index", index, "--backend", "whoosh", "--quiet")
    with Archive(index) as archive:  # the corpus's index files are no Vorlagen: reported, not ingested
        assert archive.store.count() > 600
    return index


@pytest.fixture(scope="session", params=BACKENDS)
def corpus_index(
    request: pytest.FixtureRequest, corpus_base: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    index = rebuilt_with(request, corpus_base, tmp_path_factory, "corpus")
    yield index
    if request.param == "opensearch":
        drop_opensearch_index(index)


@pytest.fixture(scope="session")
def paths(corpus_base: Path) -> dict[str, str]:
    with Archive(corpus_base) as archive:
        return {r.id: str(Path(r.source.path).relative_to(CORPUS)) for r in archive.records()}


def found_paths(index: Path, query: str, paths: dict[str, str], limit: int = 50) -> list[str]:
    """Each hit as the paths of all its files joined by " | ": a hit is a Vorlage with its files
    (text export, PDF, OParl metadata, Anlagen), and a known item is found when one of them is it."""
    with Archive(index) as archive:
        hits = archive.search(query, limit=limit).hits
    return [" | ".join(paths[d.id] for d in h.dateien if d.id in paths) or paths[h.id] for h in hits]


@pytest.mark.parametrize("known", KNOWN, ids=[k.query for k in KNOWN])
def test_known_item(known: Known, corpus_index: Path, paths: dict[str, str]) -> None:
    found = found_paths(corpus_index, known.query, paths)
    for wanted in known.top3:
        assert any(wanted in f for f in found[:3]), f"{known.query!r}: {wanted} not in {found[:5]}"
    if known.first:
        assert found and known.first in found[0], f"{known.query!r}: {found[:3]}"
    for unwanted in known.absent:
        assert not any(unwanted in f for f in found), f"{known.query!r}: {unwanted} was found"


def test_the_known_items_cover_every_kind() -> None:
    kinds = [k.kind for k in KNOWN]
    assert len(KNOWN) >= 60
    for kind in ("inflection", "compound", "folding", "identifier", "phrase", "law"):
        assert kinds.count(kind) >= 5, kind


@pytest.mark.parametrize("query", ["11.40.90", "Az. 11.40.90", "(1) 11.40.90", "11 40 90"])
def test_an_identifier_query_matches_identifiers_only(query: str, corpus_index: Path) -> None:
    """Never "Bündnis 90 … 26.11": every hit carries the Aktenzeichen or prints the number."""
    with Archive(corpus_index) as archive:
        page = archive.search(query, limit=100)
        records = archive.store.get_many([h.id for h in page.hits])
    assert page.total >= 5
    for r in records.values():
        printed = re.search(r"11\s*\.?\s*40\s*\.?\s*90", f"{r.aktenzeichen} {r.text}")
        assert printed, f"{query!r} found {r.vorlage_nr} ({r.aktenzeichen})"


def test_a_number_with_its_year_is_no_date(corpus_index: Path, paths: dict[str, str]) -> None:
    """ "3/2025" is a Vorlage-Nr. (none here), never the date 3.02.2025 or a "3" next to a "2025"."""
    with Archive(corpus_index) as archive:
        assert archive.search("3/2025").total == 0
        assert archive.search("3 2025").total == 0  # numbers typed apart: the same identifier
        assert archive.search("2025").total > 0  # a year alone is a word of the text


def test_show_finds_an_aktenzeichen_however_typed(corpus_base: Path) -> None:
    with Archive(corpus_base) as archive:
        typed = {
            ref: {r.id for r in archive.find(ref)} for ref in ("11.40.90", "(1) 11.40.90", "Az. 11 40 90", "11-40-90")
        }
        assert len({frozenset(v) for v in typed.values()}) == 1
        assert all("11" in (r.aktenzeichen or "") for r in archive.find("11/40/90"))
        # a register number alone is no Aktenzeichen
        assert not any((r.aktenzeichen or "").strip() == "(2)" for r in archive.store.find("2"))
        versions = archive.find("DS 79/2016")
        assert versions and all("79/2016" in (r.vorlage_nr or "") for r in versions)


def test_similar_spellings_of_a_law_find_the_same(corpus_index: Path) -> None:
    with Archive(corpus_index) as archive:
        ids = [{h.id for h in archive.search(q, limit=100).hits} for q in ("§ 34 BauGB", "§34 BauGB", "§  34  baugb")]
        fielded = {h.id for h in archive.search("paragraph:34 gesetz:BauGB", limit=100).hits}
    assert ids[0] and ids[0] == ids[1] == ids[2] == fielded
