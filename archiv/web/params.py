"""Query parameters of the search page, the API and the feed: parsed once, limited, turned back into links.

Every result page is a plain GET URL (q, filters, sort, page), so it can be shared and bookmarked.
The limits protect a public server: query length, page size, how deep one may page, and how short
a prefix may be before ``*`` (a one- or two-letter prefix expands to a large part of the vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from ..errors import QueryError
from ..names import SORTIERUNGEN, sortierung_of
from ..search import Filters
from ..search.query import MAX_QUERY_LENGTH, And, Node, Not, Or, Prefix, parse_query
from ..text.dates import parse_date

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 1000  # offset + page size; deeper pages are refused: narrow the search instead
# The backend caps what one prefix expands to; finding those terms still walks the vocabulary, and a
# public server should not let one- or two-letter prefixes, or many of them, do that on every request.
MIN_PREFIX_LENGTH = 3
MAX_PREFIXES = 5
MAX_FILTER_LENGTH = 200
FEED_SIZE = 50

SORT_LABELS = {"relevanz": "Relevanz", "neueste": "Neueste zuerst", "aelteste": "Älteste zuerst"}
FILTER_FIELDS = ("gremium", "art", "fachbereich", "jahr", "koerperschaft", "einreicher", "ergebnis")

# German wording of each problem code of the query parser ({} is the word at fault).
QUERY_PROBLEMS_DE = {
    "unclosed-quote": "Anführungszeichen nicht geschlossen",
    "unclosed-parenthesis": "Klammer nicht geschlossen",
    "unmatched-parenthesis": "schließende Klammer ohne öffnende",
    "empty-group": "leere Klammer",
    "or-operand": "OR braucht auf beiden Seiten einen Begriff",
    "nothing-to-exclude": "nach „-“ fehlt der auszuschließende Begriff",
    "unexpected-input": "unerwartete Eingabe",
    "unexpected-character": "unerwartetes Zeichen",
    "unknown-field": "unbekanntes Feld „{}“",
    "needs-value": "nach „{}:“ fehlt der Wert",
    "bad-value": "„{}“ ist hier kein gültiger Wert",
    "open-range": "ein Bereich braucht mindestens ein Ende",
    "too-long": f"die Suchanfrage ist länger als {MAX_QUERY_LENGTH} Zeichen",
}


class BadRequest(Exception):
    """Parameters a user can fix; the message is German and shown as it is."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    gremium: str | None = None
    art: str | None = None
    fachbereich: str | None = None
    jahr: str | None = None
    koerperschaft: str | None = None
    einreicher: str | None = None
    von: str | None = None  # ISO date
    bis: str | None = None
    ergebnis: str | None = None  # outcome of a linked decision (issue 13)
    sortierung: str | None = None  # None: relevance for a query, newest first without one
    seite: int = 1
    pro_seite: int = DEFAULT_PAGE_SIZE

    @property
    def sort_key(self) -> str:
        return self.sortierung or ("relevanz" if self.q.strip() else "neueste")

    @property
    def offset(self) -> int:
        return (self.seite - 1) * self.pro_seite

    def filters(self, *, public_only: bool) -> Filters:
        # One name per filter everywhere (README, "Names"): the request's fields are Filters' fields.
        named = {f.name: getattr(self, f.name) for f in fields(Filters) if f.name != "public_only"}
        return Filters(**named, public_only=public_only)

    @property
    def active_filters(self) -> list[tuple[str, str]]:
        return [(f, v) for f in FILTER_FIELDS if (v := getattr(self, f))]

    def params(self) -> list[tuple[str, str]]:
        """The parameters that differ from the defaults, in a stable order."""
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        out += self.active_filters
        for name in ("von", "bis", "sortierung"):
            if value := getattr(self, name):
                out.append((name, value))
        if self.pro_seite != DEFAULT_PAGE_SIZE:
            out.append(("pro_seite", str(self.pro_seite)))
        if self.seite != 1:
            out.append(("seite", str(self.seite)))
        return out

    def url_without_filters(self, path: str = "/") -> str:
        return self.url(path, **dict.fromkeys(FILTER_FIELDS))

    def url(self, path: str = "/", **changes: object) -> str:
        """A link to ``path`` with these parameters; a changed filter or sort starts again at page 1."""
        if changes and "seite" not in changes:
            changes["seite"] = 1
        query = urlencode(replace(self, **changes).params())
        return f"{path}?{query}" if query else path


def parse_search(params: Mapping[str, str]) -> SearchRequest:
    """A SearchRequest from query parameters; BadRequest (German) for anything out of bounds."""
    q = (params.get("q") or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        raise BadRequest(f"Die Suchanfrage ist zu lang (höchstens {MAX_QUERY_LENGTH} Zeichen).")
    check_query(q)
    values: dict[str, str | None] = {}
    for name in FILTER_FIELDS:
        value = (params.get(name) or "").strip() or None
        if value and len(value) > MAX_FILTER_LENGTH:
            raise BadRequest(f"Der Filter „{name}“ ist zu lang (höchstens {MAX_FILTER_LENGTH} Zeichen).")
        values[name] = value
    if values["jahr"] and not re.fullmatch(r"\d{4}", values["jahr"]):
        raise BadRequest("Das Jahr muss vierstellig sein, z. B. 2025.")
    von, bis = _date(params, "von"), _date(params, "bis")
    if von and bis and von > bis:
        raise BadRequest("Das Datum „von“ liegt nach dem Datum „bis“.")
    sortierung = (params.get("sortierung") or "").strip() or None
    if sortierung is not None:
        try:  # the engine's names (the CLI's older spellings) are aliases: the link says the one name
            sortierung = sortierung_of(sortierung)
        except ValueError:
            raise BadRequest(f"Unbekannte Sortierung „{sortierung}“ (möglich: {', '.join(SORTIERUNGEN)}).") from None
    pro_seite = _int(params, "pro_seite", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "Treffer pro Seite")
    seite = _int(params, "seite", 1, 1, MAX_RESULT_WINDOW, "Seite")
    if seite * pro_seite > MAX_RESULT_WINDOW:
        raise BadRequest(
            f"Es lassen sich nur die ersten {MAX_RESULT_WINDOW} Treffer durchblättern; "
            "bitte die Suche mit Filtern oder weiteren Begriffen eingrenzen."
        )
    return SearchRequest(
        q=q,
        gremium=values["gremium"],
        art=values["art"],
        fachbereich=values["fachbereich"],
        jahr=values["jahr"],
        koerperschaft=values["koerperschaft"],
        einreicher=values["einreicher"],
        ergebnis=values["ergebnis"],
        von=von,
        bis=bis,
        sortierung=sortierung,
        seite=seite,
        pro_seite=pro_seite,
    )


def check_query(q: str) -> Node:
    """Parse the query as the search will, and apply the web's limits on wildcards."""
    try:
        tree = parse_query(q)
    except QueryError as e:
        reason = QUERY_PROBLEMS_DE[e.code].format(e.detail)
        raise BadRequest(f"Fehler in der Suchanfrage an Stelle {e.position + 1}: {reason}.") from e
    prefixes = _prefixes(tree)
    short = [p.text for p in prefixes if len(p.text) < MIN_PREFIX_LENGTH]
    if short:
        raise BadRequest(f"„{short[0]}*“ ist zu kurz: vor dem * müssen mindestens {MIN_PREFIX_LENGTH} Zeichen stehen.")
    if len(prefixes) > MAX_PREFIXES:
        raise BadRequest(f"Höchstens {MAX_PREFIXES} Begriffe mit * in einer Suchanfrage.")
    return tree


def _prefixes(node: Node) -> list[Prefix]:
    if isinstance(node, Prefix):
        return [node]
    if isinstance(node, Not):
        return _prefixes(node.child)
    if isinstance(node, And | Or):
        return [p for child in node.children for p in _prefixes(child)]
    return []


def _date(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    iso = parse_date(value) if len(value) <= 20 else None
    if iso is None:
        raise BadRequest(f"„{value[:20]}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).")
    return iso


def _int(params: Mapping[str, str], name: str, default: int, low: int, high: int, label: str) -> int:
    value = (params.get(name) or "").strip()
    if not value:
        return default
    if not re.fullmatch(r"[0-9]{1,7}", value) or not low <= int(value) <= high:
        raise BadRequest(f"„{label}“ muss eine Zahl von {low} bis {high} sein.")
    return int(value)
