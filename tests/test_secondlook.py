"""The second look at unsure OCR words: when a re-read replaces a word, and when it must not."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PIL import Image

from archiv.parsers.ocrtext import layout_text, parse_tsv, replace_words
from archiv.parsers.scanprep import PreparedPage
from archiv.parsers.secondlook import second_look

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
SURE = 95.0


def _tsv(lines: list[list[tuple[str, float]]]) -> str:
    rows = [HEAD]
    for n, line in enumerate(lines, 1):
        x = 100
        for i, (text, conf) in enumerate(line, 1):
            width = 20 * len(text)
            rows.append(f"5\t1\t1\t1\t{n}\t{i}\t{x}\t{60 * n}\t{width}\t34\t{conf}\t{text}")
            x += width + 15
    return "\n".join(rows)


def _page() -> PreparedPage:
    image = Image.new("L", (1200, 400), 255)
    return PreparedPage(image, 300, image, 0.0, None)


class Reader:
    """Stands in for Tesseract: the same reading for every crop of each rendering, every word
    read with confidence ``conf``."""

    def __init__(self, *renderings: list[str], conf: float = 80.0) -> None:
        self.renderings = renderings
        self.conf = conf
        self.calls: list[tuple[int, int]] = []

    def __call__(self, crops: Sequence[Image.Image], dpi: int) -> list[list[tuple[str, float]]]:
        self.calls.append((len(crops), dpi))
        per = len(crops) // len(self.renderings)
        return [[(w, self.conf) for w in words] for words in self.renderings for _ in range(per)]


def _look(line: list[tuple[str, float]], reader: Reader) -> str:
    tsv = _tsv([[("Der", SURE), ("Rat", SURE), ("beschließt.", SURE)], line])
    fixes = second_look(parse_tsv(tsv), _page(), reader)
    return layout_text(parse_tsv(replace_words(tsv, fixes))).splitlines()[-1]


LINE = [("Die", SURE), ("Gnundsteuer", 61.0), ("wird", SURE), ("erhoben.", SURE)]


def test_an_unsure_word_takes_the_reading_both_re_reads_agree_on() -> None:
    reader = Reader(["Die", "Grundsteuer", "wird", "erhoben."], ["Die", "Grundsteuer", "wird", "erhoben."])
    assert _look(LINE, reader) == "Die Grundsteuer wird erhoben."
    # One Tesseract for the page: the one unsure piece in two renderings, enlarged twice.
    assert reader.calls == [(2, 600)]


def test_the_first_reading_stays_when_the_re_reads_disagree() -> None:
    reader = Reader(["Die", "Grundsteuer", "wird", "erhoben."], ["Die", "Gnundsteuer", "wird", "erhoben."])
    assert _look(LINE, reader) == "Die Gnundsteuer wird erhoben."


def test_the_first_reading_stays_when_no_re_read_is_surer_of_the_change() -> None:
    again = ["Die", "Grundsteuer", "wird", "erhoben."]
    assert _look(LINE, Reader(again, again, conf=58.0)) == "Die Gnundsteuer wird erhoben."


def test_sure_words_get_no_second_look() -> None:
    reader = Reader(["Die", "Grundsteuer", "wird", "erhoben."], ["Die", "Grundsteuer", "wird", "erhoben."])
    assert _look([("Die", SURE), ("Gnundsteuer", 93.0), ("wird", SURE)], reader) == "Die Gnundsteuer wird"
    assert reader.calls == []  # no Tesseract at all


def test_punctuation_of_the_first_reading_is_kept() -> None:
    line = [("Satzung", SURE), ("„Gnundsteuer“,", 55.0), ("ab", SURE)]
    reader = Reader(["Satzung", "Grundsteuer", "ab"], ["Satzung", "Grundsteuer", "ab"])
    assert _look(line, reader) == "Satzung „Grundsteuer“, ab"


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Öffentlich", "öffentlich"),  # the case of a letter only
        ("Schulverwaltung", "SchulVerwaltung"),  # a capital after a small letter
        ("Seite3", "Seite5"),  # digits: left to the rules that see their context
        ("Rahmen", "Rabmon"),  # more than a letter or two of a short word
        ("Gnundsteuer", "Grund steuer"),  # split into two words
        ("Rat", "Rot"),  # too short for a guess
    ],
)
def test_no_implausible_change(first: str, again: str) -> None:
    line = [("Die", SURE), (first, 40.0), ("wird", SURE)]
    reader = Reader(["Die", *again.split(), "wird"], ["Die", *again.split(), "wird"])
    assert _look(line, reader) == f"Die {first} wird"
