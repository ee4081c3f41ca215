"""From Tesseract's TSV to text: the words with their boxes and confidences, laid out in lines (a
wide gap is a table column), with the noise Tesseract leaves in German council papers repaired
(a "§" read as "8" or "$", quotes and dashes, digits read as letters). Pure: no Tesseract here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from ..text.lines import dehyphenate_lines
from .textutil import normalise_text


@dataclass(frozen=True)
class Word:
    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # block, paragraph, line
    row: int = 0  # the word's row in the TSV


def parse_tsv(tsv: str) -> list[Word]:
    words = []
    for number, row in enumerate(tsv.split("\n")[1:], 1):  # numbered as replace_words splits them
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            conf = float(cells[10])
            left, top, width, height = (int(c) for c in cells[6:10])
            line = (int(cells[2]), int(cells[3]), int(cells[4]))
        except ValueError:
            continue
        words.append(Word(cells[11].strip(), conf, left, top, width, height, line, number))
    return words


def replace_words(tsv: str, texts: dict[int, str]) -> str:
    """The TSV with the text of some word rows (as numbered by parse_tsv) replaced."""
    if not texts:
        return tsv
    rows = tsv.split("\n")
    for number, text in texts.items():
        cells = rows[number].split("\t")
        cells[11] = text
        rows[number] = "\t".join(cells)
    return "\n".join(rows)


def _is_junk(word: Word, text_height: float) -> bool:
    """Dust, toner specks and the remains of table rules that Tesseract read as '.', ':', 'j',
    a quote mark or a short word: far smaller or flatter than any letter, or a low-confidence
    scrap of non-letters."""
    if all(c in _RULE_BITS for c in word.text):
        return True  # "|", "_" or "___": a table rule or a form line, not text
    dashes = all(c in _DASHES for c in word.text)
    if max(word.width, word.height) < 0.3 * text_height and not (dashes and word.width >= 0.25 * text_height):
        return True
    if word.height < 0.2 * text_height and not dashes:
        return True  # a flat scrap: what is left of a rule
    return word.conf < 50 and not dashes and not any(c.isalnum() for c in word.text)


_QUOTES = "'’‚`´"
_RULE_BITS = "|_¦"
_DASHES = "-–—"
# A gap this many line heights wide separates the columns of a table (or of a label grid).
COLUMN_GAP = 1.5


def _clean_word(word: Word, line_height: float) -> str:
    text = word.text
    if len(text) == 1 and text in _DASHES:
        # A dash standing alone: Tesseract mixes up -, – and —; their widths tell them apart.
        ratio = word.width / (line_height / 0.8) if line_height else 0
        return "-" if ratio < 0.38 else "–" if ratio < 0.75 else "—"
    # A piece of a table rule glued to a word: "_AN/2025/0021", "|Gremium".
    text = text.strip(_RULE_BITS) or text
    # A quote mark glued to the edge of an unsure word is nearly always a speck.
    if word.conf < 80 and len(text) > 1:
        stripped = text.strip(_QUOTES + '"')
        if stripped and stripped != text and not text.startswith(("„", "“")):
            text = stripped
    return text


def layout_text(words: list[Word]) -> str:
    """Lines of words in Tesseract's reading order, a TAB between the columns of a table;
    specks dropped; paragraphs apart."""
    if not words:
        return ""
    text_height = median([w.height for w in words if any(c.isalnum() for c in w.text)] or [w.height for w in words])
    lines_of: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        if not _is_junk(w, text_height):
            lines_of.setdefault(w.line, []).append(w)
    out: list[str] = []
    previous: tuple[int, int, int] | None = None
    for key, line in lines_of.items():
        if previous is not None and key[:2] != previous[:2]:
            out.append("")
        previous = key
        heights = [w.height for w in line if any(c.isalpha() for c in w.text)]
        height = median(heights) if heights else text_height
        text = ""
        right = None
        for w in sorted(line, key=lambda w: w.left):
            piece = _clean_word(w, height)
            if not piece:
                continue
            if text:
                text += "\t" if right is not None and w.left - right > COLUMN_GAP * height else " "
            text += piece
            right = w.left + w.width
        out.append(text)
    return fix_ocr_noise("\n".join(dehyphenate_lines(out)))


# "§" misread as "8", "$", "&" or "S" before a number that a norm follows ("8 45 Abs. 9 StVO"),
# after a word that introduces a norm ("gemäß $ 11"), or opening a heading line ("8 2 Sonstige").
_NORM_AFTER = (
    r"(?:\s+(?:Abs\.|Absatz|Satz|S\.|Nr\.|Ziff\.|ff?\.|bis|und)|,?\s+[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-ZÄÖÜ][A-Za-zäöü]*\b)"
)
_SIGN = r"(?P<sign>88|\$\$|&&|[8$&S])"
_PARAGRAPH_SIGNS = (
    re.compile(rf"(?<![\w§]){_SIGN}(?=\s?\d{{1,4}}[a-z]?\b{_NORM_AFTER})"),
    re.compile(rf"(?P<intro>\b(?:gemäß|nach|des|vgl\.|laut|lt\.|siehe)\s){_SIGN}(?=\s?\d{{1,4}}[a-z]?\b)"),
    re.compile(rf"(?m)^{_SIGN}(?=\s\d{{1,3}}[a-z]?\s+[A-ZÄÖÜ][a-zäöüß]{{3,}})"),
    re.compile(r"(?P<sign>\$)(?=\s?\d)"),  # a dollar sign before a number is no German print
)
# A bullet read as a guillemet at the start of a line.
_BULLET = re.compile(r"(?m)^[«»](?=\s)")
# A word run into the next at a speck read as an apostrophe: "Die'Gemeinde".
_INNER_QUOTE = re.compile(rf"(?<=[a-zäöüß])[{_QUOTES}](?=[A-ZÄÖÜ])")
# "0" for "O" in the letters of an identifier: "V0/2024/0193".
_ID_PREFIX = re.compile(r"(?<![\w/])([A-Z]*)0([A-Z]*)(?=/\d)")
# A closing quote read as "*": „Wiesengrund-Süd*.
_CLOSING_QUOTE = re.compile(r"(„[^“”\n*]{1,80})\*")
# Letters inside numbers: "2O25", "l0.06.2025", "1O0.000".
_NUMBER_LIKE = re.compile(r"(?<![\w])(?=[\dOlI|.,/]*\d[\dOlI|.,/]*\d)[\dOlI|][\dOlI|.,/]*[\d](?![\w])")


def _paragraph_sign(m: re.Match[str]) -> str:
    intro = m.groupdict().get("intro") or ""
    return intro + ("§§" if len(m.group("sign")) == 2 else "§")


def _digits(m: re.Match[str]) -> str:
    return m.group(0).translate(str.maketrans({"O": "0", "l": "1", "I": "1", "|": "1"}))


def fix_ocr_noise(text: str) -> str:
    """Undo Tesseract's typical errors on German administrative print."""
    for pattern in _PARAGRAPH_SIGNS:
        text = pattern.sub(_paragraph_sign, text)
    text = _INNER_QUOTE.sub(" ", text)
    text = _BULLET.sub("•", text)
    text = _CLOSING_QUOTE.sub(r"\1“", text)
    text = _NUMBER_LIKE.sub(_digits, text)
    text = _ID_PREFIX.sub(lambda m: f"{m.group(1)}O{m.group(2)}" if m.group(1) or m.group(2) else m.group(0), text)
    return normalise_text(text)


def mean_confidence(words: list[Word]) -> float | None:
    scores = [w.conf for w in words if w.conf >= 0]
    return sum(scores) / len(scores) if scores else None
