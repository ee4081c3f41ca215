"""Law citations as search keys: "§ 58 NKomVG", "§34 Abs. 1 BauGB", "§§ 5, 6 KAG", "Art. 28 GG".

A citation gives one key per paragraph, "§" + law + "-" + paragraph ("§baugb-34"), one with the
Absatz where there is one ("§baugb-34-1"), the law alone ("§baugb") and the paragraph of any law
("§-34", for the fielded query paragraph:34). The keys are indexed with
the identifiers a Vorlage cites (ref_keys), so the query finds them however it is spaced.
"""

from __future__ import annotations

import re

MARK = "§"
# A law's abbreviation has a capital after its first letter: BauGB, NKomVG, KAG, GO, BGB, GemO.
_LAW = r"(?P<law>[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-Z][A-Za-zäöü]*(?:\s+[IVX]{1,4}\b)?)"
_NUM = r"\d{1,4}\s?[a-z]?\b"
_NUMS = (
    rf"(?P<sign>§§?|Art\.|Artikel)\s*(?P<nums>{_NUM}"
    rf"(?:\s*(?:Abs\.|Absatz)\s*\d{{1,3}}[a-z]?)?(?:\s*(?:S\.|Satz|Nr\.|Ziff\.)\s*\d{{1,3}}[a-z]?)*"
    rf"(?:\s*(?:,|und|u\.|bis|-|–)\s*{_NUM}(?:\s*(?:Abs\.|Absatz)\s*\d{{1,3}}[a-z]?)?)*)"
    rf"\s*(?:(?:des|der|im|in|nach)\s+)?"
)
_CITATION = re.compile(_NUMS + _LAW)
# A query may name the law in lower case ("§ 34 baugb"): any short word there is taken as the law.
_QUERY_CITATION = re.compile(_NUMS + r"(?P<law>[A-Za-zÄÖÜäöü]{2,12})(?!\w)", re.I)
_PARAGRAPH = re.compile(rf"(?P<p>{_NUM})(?:\s*(?:Abs\.|Absatz)\s*(?P<abs>\d{{1,3}}))?")


def law_key(law: str) -> str:
    from .analysis import fold

    return MARK + fold("".join(law.split()).lower())


def paragraph_key(law: str, paragraph: str, absatz: str | None = None) -> str:
    number = "".join(paragraph.split()).lower()
    return f"{law_key(law)}-{number}" + (f"-{absatz}" if absatz else "")


def any_law_key(paragraph: str) -> str:
    """The key of a paragraph of any law ("paragraph:34" alone)."""
    return f"{MARK}-{''.join(paragraph.split()).lower()}"


def _keys(m: re.Match[str]) -> list[str]:
    law = m.group("law")
    prefix = "art" if m.group("sign").startswith("Art") else ""
    out = [law_key(law)]
    # Numbers after "Satz", "Nr." or "Ziff." belong to the paragraph, not to the list of paragraphs.
    nums = re.sub(r"(?:S\.|Satz|Nr\.|Ziff\.)\s*\d{1,3}[a-z]?", " ", m.group("nums"))
    for p in _PARAGRAPH.finditer(nums):
        out.append(paragraph_key(law, prefix + p.group("p")))
        out.append(any_law_key(prefix + p.group("p")))
        if p.group("abs"):
            out.append(paragraph_key(law, prefix + p.group("p"), p.group("abs")))
    return out


def citation_keys(text: str) -> tuple[str, ...]:
    """Every key of every citation in ``text``."""
    if MARK not in text and "Art" not in text:
        return ()
    return tuple(dict.fromkeys(k for m in _CITATION.finditer(text) for k in _keys(m)))


def citation_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, keys) of each citation in a query; the most specific key comes last."""
    return [(m.start(), m.end(), tuple(dict.fromkeys(_keys(m)))) for m in _QUERY_CITATION.finditer(text)]
