from __future__ import annotations

import pytest

from archiv.errors import QueryError
from archiv.search.query import And, MatchAll, Not, Or, Phrase, Prefix, Range, Term, parse_query


def test_parses_the_language() -> None:
    assert parse_query("") == MatchAll()
    assert parse_query("Kita Ausbau") == And((Term(None, "Kita"), Term(None, "Ausbau")))
    assert parse_query('"Haupt- und Finanzausschuss"') == Phrase(None, "Haupt- und Finanzausschuss")
    assert parse_query("a OR b c") == And((Or((Term(None, "a"), Term(None, "b"))), Term(None, "c")))
    assert parse_query("-gremium:Rat x") == And((Not(Term("gremium", "Rat")), Term(None, "x")))
    assert parse_query("integr*") == Prefix(None, "integr")
    assert parse_query("az:413/017") == Term("aktenzeichen", "413/017")
    assert parse_query("datum:2018-01-01..2018-12-31") == Range("datum", "2018-01-01", "2018-12-31")
    assert parse_query("datum:2018") == Range("datum", "2018-01-01", "2018-12-31")
    assert parse_query("jahr:2016..2018") == Range("jahr", "2016", "2018")
    assert parse_query("(a OR b) -c") == And((Or((Term(None, "a"), Term(None, "b"))), Not(Term(None, "c"))))


@pytest.mark.parametrize(
    ("query", "reason", "position"),
    [
        ('"offen', "unclosed quotation mark", 0),
        ("(a b", "unclosed parenthesis", 0),
        ("a )", "unmatched closing parenthesis", 2),
        ("a OR", "OR needs a term on both sides", 2),
        ("farbe:rot", "unknown field 'farbe'", 0),
        ("datum:gestern", "'gestern' is not a datum", 6),
        ("jahr:..", "a range needs at least one end", 5),
    ],
)
def test_errors_point_at_the_problem(query: str, reason: str, position: int) -> None:
    with pytest.raises(QueryError) as e:
        parse_query(query)
    assert reason in str(e.value)
    assert e.value.position == position
