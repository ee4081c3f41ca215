"""One Vorlage, one hit: a paper that reached the archive as several files is found once, with its
files, versions and Anlagen; similar never lists the paper itself."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from archiv.archive import Archive
from archiv.grouping import Summary, assign, group_key, paper_number
from archiv.models import Vorlage
from archiv.web.app import create_app

from .conftest import SAMPLES, marked_words, run

PDF = SAMPLES / "pdf" / "lindenau_ds-47-2025_feuerwehrhaus.pdf"
ANLAGE = "Anlage 1\nLageplan des Grundstücks am Sportplatzweg\nDie Einsatzfahrzeuge nutzen die Wirtschaftswegzufahrt.\n"
ERGAENZUNG = (
    "Gemeinde Lindenau\nDS 47/2025 - 1. Ergänzung\nBeschlussvorlage\n\n"
    "Betreff: Neubau eines gemeinsamen Feuerwehrhauses; Fortschreibung der Kostenberechnung\n\n"
    "Begründung:\nNach der Baugrunduntersuchung wurde die Kostenberechnung fortgeschrieben.\n"
)
OTHER_COUNCIL = (
    "Stadt Andernach am Hang\nDS 47/2025\nMitteilungsvorlage\n\nBetreff: Sanierung des Hallenbades\n\n"
    "Begründung:\nDas Hallenbad wird saniert; die Feuerwehr übt dort vorher den Einsatz im Feuerwehrhaus.\n"
)


def _oparl(reference: str) -> dict:
    files = "https://ris.example/files/"
    return {
        "type": "https://schema.oparl.org/1.1/Paper",
        "reference": reference,
        "name": "Neubau eines gemeinsamen Feuerwehrhauses der Ortsfeuerwehren Lindenau und Kleinrode",
        "paperType": "Beschlussvorlage",
        "date": "2025-09-02",
        "mainFile": {"accessUrl": files + "Beschlussvorlage_DS_47-2025.pdf"},
        "auxiliaryFile": [{"accessUrl": files + "Anlage_1_Lageplan.txt"}],
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A council's export: the PDF, its text twin elsewhere, its OParl metadata, an Anlage beside
    it, a revised version, and a paper of another council with the same number."""
    root = tmp_path_factory.mktemp("ris") / "lindenau"
    paper = root / "vorlagen" / "DS_47_2025"
    paper.mkdir(parents=True)
    shutil.copy(PDF, paper / "Beschlussvorlage_DS_47-2025.pdf")
    (paper / "Anlage_1_Lageplan.txt").write_text(ANLAGE)
    [extracted] = json.loads(run("extract", PDF, "--format", "json").output)
    (root / "texte").mkdir()
    (root / "texte" / "ds-47-2025.txt").write_text(extracted["text"])
    (root / "vorlagen" / "DS_47_2025_Erg").mkdir()
    (root / "vorlagen" / "DS_47_2025_Erg" / "ergaenzung.txt").write_text(ERGAENZUNG)
    (root / "oparl").mkdir()
    (root / "oparl" / "paper-47.json").write_text(json.dumps(_oparl("DS 47/2025")))
    other = root.parent / "andernach"
    other.mkdir()
    (other / "ds-47-2025.txt").write_text(OTHER_COUNCIL)
    return root.parent


@pytest.fixture(scope="module")
def index(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("grouped") / "index"
    result = run("ingest", folder, "--index", target, "--quiet")
    assert result.exit_code == 0, result.output
    return target


def _search(index: Path, *args: str) -> dict:
    result = run("search", *args, "--index", index, "--format", "json", "--limit", "50")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _lindenau(page: dict) -> list[dict]:
    return [h for h in page["hits"] if h["koerperschaft"] == "Gemeinde Lindenau"]


def test_a_paper_in_several_files_is_one_hit_with_its_files(index: Path) -> None:
    page = _search(index, "Feuerwehrhaus")
    hits = _lindenau(page)
    assert len(hits) == 1, [h["dateien"] for h in page["hits"]]
    hit = hits[0]
    assert hit["vorlage_nr"] == "DS 47/2025" and hit["datum"] == "2025-09-02"
    files = {(d["name"], d["rolle"]) for d in hit["dateien"]}
    assert files == {
        ("Beschlussvorlage_DS_47-2025.pdf", "datei"),
        ("ds-47-2025.txt", "datei"),
        ("paper-47.json", "datei"),
        ("Anlage_1_Lageplan.txt", "anlage"),
        ("ergaenzung.txt", "fassung"),
    }
    assert hit["fassungen"] == ["DS 47/2025 - 1. Ergänzung"]
    # the paper's own date, and the session dates of its Beschlusslauf apart from it
    assert hit["sitzungen"] == ["2025-09-09", "2025-09-16", "2025-09-25"]
    # the other council's DS 47/2025 is another Vorlage
    assert [h["koerperschaft"] for h in page["hits"]].count("Stadt Andernach am Hang") == 1


def test_totals_and_facets_count_vorlagen_not_files(index: Path) -> None:
    everything = _search(index, "")
    with Archive(index) as archive:
        assert archive.store.count() == 6
    assert everything["total"] == 2
    assert everything["facets"]["koerperschaft"] == {"Gemeinde Lindenau": 1, "Stadt Andernach am Hang": 1}
    assert sum(everything["facets"]["art"].values()) == 2
    only = _search(index, "", "--koerperschaft", "Gemeinde Lindenau")
    assert only["total"] == 1


def test_an_anlage_and_a_version_are_found_as_part_of_their_vorlage(index: Path) -> None:
    anlage = _search(index, "Wirtschaftswegzufahrt")
    assert anlage["total"] == 1 and anlage["hits"][0]["vorlage_nr"] == "DS 47/2025"
    assert "Wirtschaftswegzufahrt" in marked_words(anlage["hits"][0])
    version = _search(index, "Baugrunduntersuchung")
    assert version["total"] == 1 and version["hits"][0]["vorlage_nr"] == "DS 47/2025"


def test_similar_never_lists_the_paper_or_its_twins(index: Path, tmp_path: Path) -> None:
    # "more like this" needs an archive where words are rarer than in two Vorlagen: add the samples
    shutil.copytree(index, tmp_path / "index")
    index = tmp_path / "index"
    added = run("ingest", SAMPLES / "pdf", SAMPLES / "text", SAMPLES / "html", "--index", index, "--quiet")
    assert added.exit_code == 0, added.output
    result = run("similar", "DS 47/2025", "--index", index, "--format", "json")
    assert result.exit_code == 0, result.output
    with Archive(index) as archive:
        own = {m.record.id for g in archive.groups(archive.find("DS 47/2025")) for m in g.members}
        lindenau = next(g for g in archive.groups(archive.find("DS 47/2025")) if g.koerperschaft == "Gemeinde Lindenau")
    assert len(own) == 6  # five files of Lindenau's DS 47/2025 (the sample PDF is one of them), one of Andernach's
    hits = json.loads(result.output)["hits"]
    assert hits
    assert lindenau.id not in {h["id"] for h in hits}
    assert not {m.record.id for m in lindenau.members} & {h["id"] for h in hits}


def test_show_lists_the_files_and_finds_the_version_by_the_base_number(index: Path) -> None:
    shown = run("show", "DS 47/2025", "--index", index)
    assert shown.exit_code == 0, shown.output
    lindenau = shown.output.split("\n\n")
    assert shown.output.count("Dateien:") == 1  # the other council's paper has one file only
    assert "Anlage: " in shown.output and "Anlage_1_Lageplan.txt" in shown.output
    assert "Fassung DS 47/2025 - 1. Ergänzung: " in shown.output
    assert shown.output.count("DS 47/2025 — ") == 2, lindenau  # two Vorlagen: Lindenau and Andernach


def test_the_vorlage_page_lists_files_versions_and_anlagen(index: Path) -> None:
    with Archive(index) as archive:
        group = next(g for g in archive.groups(archive.find("DS 47/2025")) if g.koerperschaft == "Gemeinde Lindenau")
    with TestClient(create_app(index)) as client:
        page = client.get(f"/vorlage/{group.id}").text
        for m in group.members:
            assert f'href="/datei/{m.record.id}"' in page
        assert "DS 47/2025 - 1. Ergänzung" in page and "Anlage_1_Lageplan.txt" in page
        # a twin's own page leads to the same Vorlage
        twin = next(m.record for m in group.members if m.record.id != group.id and m.role == "datei")
        assert f'href="/vorlage/{group.id}"' in client.get(f"/vorlage/{twin.id}").text


def test_a_twin_ingested_later_joins_its_vorlage(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "index"
    first = run("ingest", folder / "lindenau" / "vorlagen", "--index", target, "--quiet")
    assert first.exit_code == 0, first.output
    assert _search(target, "Feuerwehrhaus")["total"] == 1
    later = run("ingest", folder / "lindenau" / "oparl", folder / "lindenau" / "texte", "--index", target, "--quiet")
    assert later.exit_code == 0, later.output
    page = _search(target, "Feuerwehrhaus")
    assert page["total"] == 1 and len(page["hits"][0]["dateien"]) == 5
    assert run("reindex", "--index", target, "--quiet").exit_code == 0
    assert _search(target, "Feuerwehrhaus")["total"] == 1


# -- the rules on their own ----------------------------------------------------------------------


def _summary(i: str, path: str, nr: str | None = None, scope: str | None = None, **kw: object) -> Summary:
    base, version = paper_number(nr)
    fields = {"anlage": False, "anlage_zu": None, "refs": (), "rank": 5, "koerperschaft": scope, **kw}
    return Summary(i, path, base, version, scope.lower() if scope else None, **fields)  # type: ignore[arg-type]


def test_paper_numbers_and_keys() -> None:
    assert paper_number("DS 79/2016 – 1. Ergänzung") == ("79-2016", "1. Ergänzung")
    assert paper_number("VII-DS-08561-NF-01") == ("vii-ds-8561", "NF-01")
    assert paper_number("DS 053/2025") == paper_number("53/2025") == ("53-2025", None)
    assert paper_number("DS 12/2025 Neufassung") == ("12-2025", "Neufassung")
    assert paper_number(None) == (None, None)


def test_the_same_number_in_two_councils_is_two_vorlagen() -> None:
    groups = assign(
        [
            _summary("a", "/x/nord/1.txt", "DS 5/2024", "Gemeinde Nord"),
            _summary("b", "/x/nord/1.json", "DS 5/2024"),  # names no Körperschaft: its folder's
            _summary("c", "/x/sued/1.txt", "DS 5/2024", "Stadt Süd"),
            _summary("d", "/x/sued/2.txt", "DS 6/2024", "Stadt Süd"),
        ]
    )
    assert groups["a"].group == groups["b"].group != groups["c"].group
    assert groups["d"].group == "d" and groups["c"].group == "c"
    assert groups["b"].koerperschaft == "Gemeinde Nord"


def test_a_single_paper_of_a_council_in_a_mixed_folder_keeps_its_koerperschaft() -> None:
    mixed = [_summary(str(n), f"/inbox/{n}.txt", f"DS {n}/2024", "Stadt Groß") for n in range(5)]
    groups = assign([*mixed, _summary("k", "/inbox/k.txt", "DS 1/2024", "Gemeinde Klein")])
    assert groups["k"].group == "k" and groups["k"].koerperschaft == "Gemeinde Klein"


def test_oparl_files_anlagen_by_folder_and_printed_number() -> None:
    groups = assign(
        [
            _summary("p", "/r/papers/7.json", "2024/0007", refs=(("650405", "anlage"), ("vorlage-7", "haupt"))),
            _summary("t", "/r/texts/00650405.txt"),  # the auxiliaryFile's text export, no number
            _summary("m", "/r/pdf/Vorlage_7.pdf", "2024/0007"),
            _summary("f", "/r/pdf/DS_9_2024/Anlage_2.pdf", anlage=True),  # beside its paper, no number
            _summary("v", "/r/pdf/DS_9_2024/Beschlussvorlage_DS_9-2024.pdf", "DS 9/2024"),
            _summary("z", "/r/scan/x.pdf", anlage_zu=paper_number("DS 9/2024")[0]),  # "Anlage 3 zur Vorlage DS 9/2024"
        ]
    )
    assert groups["t"].group == groups["m"].group == groups["p"].group
    assert groups["t"].role == "anlage" and groups["m"].role == "datei"
    assert groups["f"].group == groups["v"].group == groups["z"].group == "v"
    assert groups["f"].role == groups["z"].role == "anlage"


def test_group_key_is_the_body_and_base_number(folder: Path) -> None:
    version = folder / "lindenau" / "vorlagen" / "DS_47_2025_Erg" / "ergaenzung.txt"
    [extracted] = json.loads(run("extract", version, "--format", "json").output)
    assert group_key(Vorlage.from_dict(extracted)) == "gemeinde lindenau|47-2025"
    assert group_key(replace(Vorlage.from_dict(extracted), vorlage_nr=None)).startswith("id:")


def test_a_hit_without_betreff_shows_its_file_name(tmp_path: Path) -> None:
    note = tmp_path / "in" / "notiz_glasfaser_2025.txt"
    note.parent.mkdir()
    note.write_text("Notiz\n\nDer Glasfaserausbau im Ortsteil Nordfeld beginnt im Mai.\n")
    index = tmp_path / "index"
    assert run("ingest", note.parent, "--index", index, "--quiet").exit_code == 0
    table = run("search", "Glasfaserausbau", "--index", index)
    assert "(ohne Betreff) notiz_glasfaser_2025.txt" in table.output
    with TestClient(create_app(index, public=True)) as client:
        page = client.get("/", params={"q": "Glasfaserausbau"}).text
    assert "notiz_glasfaser_2025.txt</a>" in page and str(tmp_path) not in page
