"""The fast paths of field extraction give exactly what the reference paths give.

- Entities: spaCy's tokenizer, EntityRuler and regex component are run on the pieces of a text
  that can hold an entity (archiv/extract/rulespans.py) instead of the whole text; the result
  must equal the whole-text pipeline's, span for span, on every sample, on the real corpus texts
  (where ../shared is present) and on texts written to hit the tokenizer's edges.
- Provenance: the squashed text of a page and the way back to its characters, worked out a
  line at a time, must equal the character-by-character reading.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archiv.detect import open_source
from archiv.extract.entities import RULER_PATTERNS, entity_spans, find_entities
from archiv.extract.provenance import Locator, squash
from archiv.extract.rulespans import CASE_ODD, triggers_for, unstarred
from archiv.models import Page
from archiv.parsers import parse
from archiv.text.lines import dehyphenate

from .conftest import CORPUS, sample_files

EDGES = [
    "",
    " ",
    "\n",
    "Rat",
    " Rat ",
    "  Herr Müller\n",
    "Der Rat\tbeschließt am 12.03.2025 einstimmig.",
    "Ausschuss für Umwelt,  Bau und Verkehr\r\nHaupt- und Finanzausschuss tagt.",
    "Frau Dr. Dr. Prof. Schmidt-Weber\u00a0und Herr\u2028Meier, Stadtrat Krüger",
    "Die Muster GmbH &\nCo. KG und die Stadtwerke Beispiel\nGmbH zahlen 1.500,00 €\nund EUR 2 Mio. an",
    "Vorlage VA/2014/282 und Drucksache\n 17/2025 nach § 35 Abs. 2\nNKomVG am 3. März 2025",
    "Ortsrat-Sitzung, Jugend-, Schul- und Sportausschuss (Beirat) z.B. Herrn  Bürgermeister Lange",
    "Bürger-\nmeisterin Frau\n\nKlein; Stiftung\nSchlossgarten-Stiftung e. V. — 2024-05-17",
    "ΣΊΣΥΦΟΣ İstanbul Straße ẞ ﬁnal Kreistag KREISAUSSCHUSS stadträtin",
    "   leading and trailing blanks   \n\n   Gemeinderat   ",
]


def _texts() -> list[tuple[str, str]]:
    out = [(f"edge {i}", t) for i, t in enumerate(EDGES)]
    for path in sample_files():
        source, data = open_source(path)
        out.append((path.name, parse(source, data).text))
    return out


def _corpus_texts() -> list[Path]:
    """Up to 15 texts of each council (all 632 take minutes through the whole-text pipeline)."""
    if not CORPUS.is_dir():
        return []
    return [f for council in sorted(CORPUS.iterdir()) for f in sorted(council.rglob("*.txt"))[:15]]


@pytest.mark.parametrize(("name", "text"), _texts(), ids=lambda v: v if isinstance(v, str) and len(v) < 60 else "")
def test_entities_piecewise_equal_whole_text(name: str, text: str) -> None:
    text = dehyphenate(text)
    assert entity_spans(text) == entity_spans(text, piecewise=False), name
    assert find_entities(text, ["Rat"], "VA/2014/282") == find_entities(text, ["Rat"], "VA/2014/282", piecewise=False)


def test_entities_piecewise_equal_whole_text_on_the_corpus() -> None:
    files = _corpus_texts()
    if not files:
        pytest.skip("../shared/corpus is not here")
    differ = [
        f.name
        for f in files
        if entity_spans(t := dehyphenate(f.read_text(encoding="utf-8", errors="replace")))
        != entity_spans(t, piecewise=False)
    ]
    assert not differ, differ


def test_the_fast_path_finds_what_users_see() -> None:
    spans = entity_spans("Der Haupt- und Finanzausschuss hörte Herrn Dr. Meier am 12.03.2025 zu 1.500 €.")
    got = {(label, start, end) for label, start, end in spans}
    text = "Der Haupt- und Finanzausschuss hörte Herrn Dr. Meier am 12.03.2025 zu 1.500 €."
    assert {(label, text[s:e]) for label, s, e in got} == {
        ("GREMIUM", "Haupt- und Finanzausschuss"),
        ("PER", "Herrn Dr. Meier"),
        ("DATUM", "12.03.2025"),
        ("BETRAG", "1.500 €"),
    }


def test_every_ruler_pattern_has_a_trigger() -> None:
    # without one the fast path tokenizes every segment: still right, but slow
    triggers = triggers_for(RULER_PATTERNS)
    assert triggers is not None
    assert triggers.candidates("Der Rat tagt", [0], [12]) == {0}
    assert triggers.candidates("Die Sitzung beginnt", [0], [19]) == set()


def test_unstarred_keeps_what_a_search_finds() -> None:
    body = r"(?:[\wäöüß-]*ausschuss|kreistag|\w*rat)"
    assert unstarred(body) == "(?:ausschuss|kreistag|rat)"
    for text in ("Bauausschuss", "der Kreistag", "Ortsrat", "Beratung", "nichts", "Rathaus"):
        assert bool(re.search("(?i)" + body, text)) == bool(re.search("(?i)" + unstarred(body), text))
    assert unstarred(r"[a-z]+x") == r"[a-z]+x"  # "+" needs one: left alone
    assert unstarred(r"(?:a*+b|c)") == r"(?:a*+b|c)"  # possessive: left alone


def test_case_odd_characters_are_all_there_are() -> None:
    # where the text holds none of these, (?i) words are looked up in its lower-case form
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    odd = {
        m.group()
        for letter in "abcdefghijklmnopqrstuvwxyzäöüß"
        for m in re.finditer("(?i)" + letter, every)
        if m.group().lower() != letter
    }
    assert odd == set(CASE_ODD)


def _squash_reference(text: str) -> tuple[str, list[int]]:
    skip = re.compile(r"[\s\-\u00ad‐‑–—]")
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if skip.match(ch):
            continue
        folded = ch.casefold()
        chars.append(folded)
        where.extend([i] * len(folded))
    return "".join(chars), where


@pytest.mark.parametrize(("name", "text"), _texts(), ids=lambda v: v if isinstance(v, str) and len(v) < 60 else "")
def test_squash_equals_the_character_reading(name: str, text: str) -> None:
    squashed, where = squash(text)
    ref_squashed, ref_where = _squash_reference(text)
    assert squashed == ref_squashed
    assert [where[k] for k in range(len(ref_where))] == ref_where


def test_locator_maps_back_through_folded_characters() -> None:
    text = "Kopf\n\nDie Straße  zum Rat-\nhaus, ẞ\nAusschuss für Bau"
    loc = Locator((Page(1, text, "text"),))
    assert loc.find("Strasse zum Rathaus") == {"page": 1, "start": text.index("Straße"), "end": text.index(",")}
    assert loc.find("ausschuss FÜR bau") == {"page": 1, "start": text.index("Ausschuss"), "end": len(text)}
