"""A second look at the words Tesseract was unsure of.

On clean print Tesseract's LSTM still misreads a letter now and then ("i" for "l", a "b" too
many), and which word it trips over depends on how the pixels fell after the deskew: no change
of the whole page's preparation fixes one such word without breaking another. But Tesseract
knows when it is unsure: its words on clean print score 91-97, the misread ones mostly lower.
So each unsure word is cut out again with two words either side, in two renderings (the page
Tesseract read, and the page turned with nearest neighbour instead of bicubic interpolation),
both enlarged twice (Lanczos), and read once more as a single line. The word takes the new
reading only when both re-reads agree on it (two of the three readings), when one of them is
surer of it than the first reading was, and only where a second look can be trusted (see
``_is_word`` and ``_plausible``). All pieces of a page go to one Tesseract process: on the real
scanned Anlage the second look adds about a sixth to a page's time.

Checked on 138 pages scanned anew from our samples (benchmarks/bench_secondlook.py, with
scripts/make_scans.py's scanner and other seeds): 10 changes, all right ("Verhandiungsverfahren"
-> "Verhandlungsverfahren"). Without the confidence condition there were 17, and 3 of them put
an error into a right word ("Beschlusskontrolle" read "Beschiusskontrolle" twice, but less
surely than the first time).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

from ..text.distance import edit_distance

if TYPE_CHECKING:
    from PIL.Image import Image

    from .ocrtext import Word
    from .scanprep import PreparedPage

# Below this word confidence Tesseract doubts its reading (clean print scores 91-97).
UNSURE = 90
SCALE = 2
# Around a line's box, in text heights: room for accents and descenders, not the next line.
PAD = 0.3
# Words either side of an unsure word read with it.
CONTEXT = 2
# A page full of unsure words is a poor scan, not a few slips: its least sure pieces only.
MAX_PIECES = 30
MIN_LETTERS = 4

# Reads each image as one line of text; returns the words of each, in order, with their confidence.
LineReader = Callable[[Sequence["Image"], int], list[list[tuple[str, float]]]]

_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def _core(text: str) -> tuple[str, str, str]:
    """Leading punctuation, the word, trailing punctuation."""
    m = _CORE.match(text)
    assert m is not None  # the pattern matches any string
    return m.group(1), m.group(2), m.group(3)


def _is_word(core: str) -> bool:
    """Letters only (a hyphen inside allowed), at least MIN_LETTERS: digits, signs and short
    tokens are left to the rules of ocr.fix_ocr_noise, which see their context."""
    return len(core) >= MIN_LETTERS and all(c.isalpha() or c == "-" for c in core) and core[0].isalpha()


def is_unsure(word: Word) -> bool:
    return 0 <= word.conf < UNSURE and _is_word(_core(word.text)[1])


def _plausible(old: str, new: str) -> bool:
    """A second look fixes a letter or two; it never rewrites a word, does not decide the case
    of a letter (Ö/ö, K/k differ in size only, which a piece of a line tells no better), and
    brings no capital into a word after a small letter ("öÖffentlich"), which German does not write."""
    if not _is_word(new) or new.lower() == old.lower():
        return False
    if _inner_capitals(new) > _inner_capitals(old):
        return False
    return edit_distance(old, new) <= min(2, len(old) // 4)


def _inner_capitals(word: str) -> int:
    return sum(a.islower() and b.isupper() for a, b in pairwise(word))


def _aligned(first: list[str], again: list[tuple[str, float]], index: int) -> tuple[str, float] | None:
    """What the re-read has where the first reading has word ``index``: the word in its place
    (the same or another spelling); None when the re-read split, merged or lost words there."""
    matcher = SequenceMatcher(a=first, b=[text for text, _ in again], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= index < i2:
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                return again[j1 + index - i1]
            return None
    return None


def second_look(words: list[Word], page: PreparedPage, read: LineReader) -> dict[int, str]:
    """The words to change after a second look, as TSV row -> new text; ``read`` is called once,
    and not at all when Tesseract was sure of every word."""
    pieces = _pieces(words)
    if not pieces:
        return {}
    pieces = sorted(pieces, key=lambda piece: min(w.conf for w in piece))[:MAX_PIECES]
    crops = [_crop(source, piece) for source in (page.image, page.sharp()) for piece in pieces]
    readings = read(crops, page.dpi * SCALE)
    readings += [[]] * (len(crops) - len(readings))
    fixes: dict[int, str] = {}
    for n, piece in enumerate(pieces):
        first = [w.text for w in piece]
        again = (readings[n], readings[len(pieces) + n])
        for i, w in enumerate(piece):
            if not is_unsure(w):
                continue
            seen = [_aligned(first, other, i) for other in again]
            votes = {_core(word[0])[1] if word else None for word in seen}
            if len(votes) != 1 or None in votes:
                continue  # the two re-reads disagree: the first reading stays
            lead, old, trail = _core(w.text)
            new = votes.pop() or ""
            # Tesseract's confidence alone misleads (a misread word can score high), but a change
            # that no re-read is surer of than the first reading was is more often wrong than right.
            surest = max(word[1] for word in seen if word)
            if surest > w.conf and _plausible(old, new):
                fixes[w.row] = lead + new + trail
    return fixes


def _pieces(words: list[Word]) -> list[list[Word]]:
    """Each unsure word with up to CONTEXT words either side on its line (Tesseract reads a word
    better amid its neighbours: they set the height of the letters); overlapping pieces joined."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    pieces: list[list[Word]] = []
    for line in lines.values():
        spans: list[tuple[int, int]] = []
        for i, w in enumerate(line):
            if not is_unsure(w):
                continue
            start, end = max(0, i - CONTEXT), min(len(line), i + CONTEXT + 1)
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        pieces += [line[start:end] for start, end in spans]
    return pieces


def _crop(source: Image, line: list[Word]) -> Image:
    from PIL import Image as PilImage

    pad = round(PAD * median(w.height for w in line))
    left = max(0, min(w.left for w in line) - pad)
    top = max(0, min(w.top for w in line) - pad)
    right = min(source.width, max(w.left + w.width for w in line) + pad)
    bottom = min(source.height, max(w.top + w.height for w in line) + pad)
    crop = source.crop((left, top, max(right, left + 1), max(bottom, top + 1)))
    return crop.resize((crop.width * SCALE, crop.height * SCALE), PilImage.LANCZOS)
