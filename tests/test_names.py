"""One name for the order and the page of a search in the CLI, the library and the web, the older
spellings kept as aliases (README, "Names"); the web reads records only through Archive."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # Starlette >= 1.x suggests httpx2; httpx works with every version in range
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from archiv.archive import Archive
from archiv.names import SORT_ALIASES, SORTIERUNGEN, sortierung_of
from archiv.web import create_app

from .conftest import ROOT, run

QUERY = "Rat OR Stadtrat OR Gemeinderat OR Vorlage OR Beschluss"


def cli_ids(index: Path, *options: str) -> list[str]:
    result = run("search", QUERY, "--index", index, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return [h["id"] for h in json.loads(result.output)["hits"]]


def test_every_order_has_one_name_and_its_old_spelling() -> None:
    assert set(SORTIERUNGEN) == {"relevanz", "neueste", "aelteste"}
    assert {sortierung_of(old) for old in SORT_ALIASES} == set(SORTIERUNGEN)
    assert sortierung_of("datum") == sortierung_of("neueste") == "neueste"
    with pytest.raises(ValueError, match="unknown order 'zufall'"):
        sortierung_of("zufall")


def test_cli_takes_the_new_names_and_the_old_ones_alike(sample_index: Path) -> None:
    for new, old in (("neueste", "datum"), ("aelteste", "datum_asc"), ("relevanz", "relevance")):
        newest = cli_ids(sample_index, "--sortierung", new, "--pro-seite", "4", "--seite", "2")
        assert len(newest) == 4, new
        assert newest == cli_ids(sample_index, "--sort", old, "--limit", "4", "--offset", "4"), new
        assert newest == cli_ids(sample_index, "--sort", new, "--pro-seite", "4", "--offset", "4"), new
    first = cli_ids(sample_index, "--sortierung", "neueste", "--pro-seite", "8")
    second = cli_ids(sample_index, "--sortierung", "neueste", "--pro-seite", "4", "--seite", "2")
    assert second == first[4:8] and len(set(first)) == 8
    assert cli_ids(sample_index, "--sortierung", "aelteste", "--pro-seite", "8") != first
    bad = run("search", QUERY, "--index", sample_index, "--sortierung", "zufall")
    assert bad.exit_code == 2 and "zufall" in bad.output
    similar = run("similar", "DS 47/2025", "--index", sample_index, "--format", "json", "--pro-seite", "2")
    assert similar.exit_code == 0 and len(json.loads(similar.output)["hits"]) <= 2
    assert (
        similar.output
        == run("similar", "DS 47/2025", "--index", sample_index, "--format", "json", "--limit", "2").output
    )


def test_library_keywords_and_their_aliases_give_the_same_page(sample_index: Path) -> None:
    with Archive(sample_index) as archive:
        new = archive.search(QUERY, sortierung="neueste", pro_seite=3, seite=3)
        assert [h.id for h in new.hits] == [h.id for h in archive.search(QUERY, sort="datum", limit=3, offset=6).hits]
        assert new.hits and new.total > 9
        with pytest.raises(ValueError):
            archive.search(QUERY, sortierung="zufall")


def test_web_and_cli_give_the_same_page_under_either_spelling(sample_index: Path) -> None:
    with TestClient(create_app(sample_index)) as client:

        def web_ids(**params: str) -> list[str]:
            response = client.get("/api/search", params={"q": QUERY, **params})
            assert response.status_code == 200, response.text
            return [h["id"] for h in response.json()["hits"]]

        for new, old in (("neueste", "datum"), ("aelteste", "datum_asc"), ("relevanz", "relevance")):
            page = web_ids(sortierung=new, pro_seite="4", seite="2")
            assert page == web_ids(sortierung=old, pro_seite="4", seite="2"), new
            assert page == cli_ids(sample_index, "--sortierung", new, "--pro-seite", "4", "--seite", "2"), new
            assert page == cli_ids(sample_index, "--sort", old, "--limit", "4", "--offset", "4"), new
        # The links the page draws say the one name, not the alias it was asked with.
        html = client.get("/", params={"q": QUERY, "sortierung": "datum", "pro_seite": "4"}).text
        assert "sortierung=neueste" in html and "sortierung=datum" not in html
        assert client.get("/api/search", params={"sortierung": "zufall"}).status_code == 400


def test_the_web_reads_records_only_through_archive() -> None:
    web = ROOT / "archiv" / "web"
    for path in web.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert ".store." not in text and "view.store" not in text and "from ..store" not in text, path.name
