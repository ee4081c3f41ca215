"""The assembly of a search result beyond the engine's hits: the snippet of a Vorlage (from whichever
of its files matched), the "Meinten Sie …?" suggestion, and the query that finds similar Vorlagen.

Archive calls these; the CLI and the web only format what comes back.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import Filters, SearchBackend
from .query import And, AnyOf, Node, Not, Term, parse_query
from .snippets import Judged, Marks, snippet
from .suggest import similar_terms
from .suggest import suggestion as suggest


def best_snippet(texts: Iterable[str], tree: Node, judged: Judged | None = None) -> tuple[str, Marks]:
    """The snippet of the first text (the Vorlage's own), unless only a later one (an Anlage, a
    version) has the matched words; ``judged`` as for ``snippet``."""
    passages = (snippet(t, tree, judged=judged) for t in texts)
    first = next(passages, ("", ()))
    return first if first[1] else next((p for p in passages if p[1]), first)


def suggestion(query: str, tree: Node, backend: SearchBackend, filters: Filters) -> str | None:
    """A corrected query that finds something, for a query that found nothing."""
    better = suggest(query, tree, backend)
    if better and backend.search(parse_query(better), filters, limit=1).total:
        return better
    return None


def similar_query(betreff_terms: str, text_terms: str, own_id: str, backend: SearchBackend) -> Node | None:
    """The query for Vorlagen like one (its index terms given), leaving out its own document; None
    where it has no telling terms."""
    stems = (betreff_terms + " ") * 3 + text_terms  # the Betreff weighs as in the search
    wanted = similar_terms(stems.split(), backend, max(1, backend.count()))
    if not wanted:
        return None
    # One document per Vorlage: leaving out its own leaves out all its files and versions.
    return And((AnyOf(wanted), Not(Term("id", own_id))))
