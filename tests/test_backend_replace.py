"""Adding a document replaces the one of the same id: on tantivy also on an empty index (where it
skips the deletes a rebuild does not need) and within one call."""

from __future__ import annotations

from pathlib import Path

import pytest

from archiv.search import open_backend
from archiv.search.analysis import analyse_text
from archiv.search.backend import Filters
from archiv.search.document import IndexDocument
from archiv.search.query import parse_query


def _doc(doc_id: str, text: str) -> IndexDocument:
    terms, parts, words = analyse_text(text)
    return IndexDocument(
        id=doc_id, vorlage_nr="", aktenzeichen="", nr_keys=(), az_keys=(), ref_keys=(), betreff="", text=text,
        gremien=(), art="", fachbereich="", koerperschaft="", einreicher="", datum="", jahr="", oeffentlich=True,
        text_terms=terms, text_parts=parts, text_words=words,
    )  # fmt: skip


def _ids(backend, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(h.id for h in backend.search(parse_query(query), Filters(), limit=10).hits)


@pytest.mark.parametrize("name", ["tantivy", "whoosh"])
def test_a_document_replaces_the_one_of_its_id(tmp_path: Path, name: str) -> None:
    backend = open_backend(name, tmp_path, create=True)
    assert backend.add([_doc("a", "Radweg am Fluss"), _doc("b", "Radweg im Wald")]) == 2
    assert backend.add([_doc("b", "Turnhalle im Wald"), _doc("c", "Fluss")]) == 2
    assert backend.count() == 3
    assert _ids(backend, "Turnhalle") == ["b"]
    assert _ids(backend, "Radweg") == ["a"]
    backend.close()


def test_an_id_given_twice_to_an_empty_tantivy_index_is_one_document(tmp_path: Path) -> None:
    # (Whoosh keeps both where one writer is given an id twice; archiv's batches never hold an id twice.)
    backend = open_backend("tantivy", tmp_path, create=True)
    first = [_doc("a", "Radweg am Fluss"), _doc("b", "Radweg im Wald"), _doc("a", "Sanierung der Turnhalle")]
    assert backend.add(first) == 3
    assert backend.count() == 2
    assert _ids(backend, "Radweg") == ["b"]
    assert _ids(backend, "Turnhalle") == ["a"]
    backend.clear()
    assert backend.add([_doc("a", "Radweg"), _doc("a", "Radweg am Fluss")]) == 2
    assert backend.count() == 1
    backend.close()
