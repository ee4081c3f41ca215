"""Scanned Vorlagen: OCR with Tesseract, the OCR cache, mixed and encrypted PDFs, missing Tesseract."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from archiv.archive import Archive
from archiv.detect import open_source
from archiv.errors import ExitCode
from archiv.models import ParseOptions
from archiv.parsers import parse
from archiv.parsers.ocr import INSTALL, OcrCache, tesseract_available
from archiv.parsers.ocrtext import fix_ocr_noise, layout_text, parse_tsv

from .conftest import GOLDEN, SAMPLES, assert_matches_golden, golden_of, run, scan_files

needs_tesseract = pytest.mark.skipif(
    not tesseract_available(), reason=f"Tesseract with the German model is not installed ({INSTALL})"
)
MIXED = SAMPLES / "scan" / "sandhorst_ds-19-2025_grunderwerb_spielplatz_mixed.pdf"
PNG = SAMPLES / "scan" / "birkenweiler_an-2025-0021_antrag_radweg_scan.png"


def _extract(path: Path) -> dict:
    return Archive.extract(path, timeout=180)[0].to_dict()


# -- the scans against the golden records of their twins -----------------------------------------


def test_every_scan_has_a_golden_record_of_its_twin() -> None:
    kinds = {p.suffix for p in scan_files()}
    assert {".pdf", ".png", ".tif"} <= kinds
    for scan in scan_files():
        golden = json.loads(golden_of(scan).read_text(encoding="utf-8"))
        assert golden["source"]["format"] in ("pdf-ocr", "image-ocr")
        twin = next(GOLDEN.glob(f"[!s]*/{scan.stem.rsplit('_', 1)[0]}.expected.json"))
        twin_golden = json.loads(twin.read_text(encoding="utf-8"))
        assert {k: v for k, v in golden.items() if k != "source"} == {
            k: v for k, v in twin_golden.items() if k != "source"
        }


@needs_tesseract
@pytest.mark.parametrize("scan", scan_files(), ids=lambda p: p.name)
def test_scan_matches_golden(scan: Path) -> None:
    golden = json.loads(golden_of(scan).read_text(encoding="utf-8"))
    assert_matches_golden(_extract(scan), golden)


@needs_tesseract
def test_scan_records_say_how_each_page_was_read() -> None:
    record = _extract(SAMPLES / "scan" / "wesertal_0412-2024_schulsanierung_scan.tif")
    source = record["source"]
    assert source["format"] == "image-ocr" and source["pages"] == 2
    assert [p["method"] for p in source["pages_detail"]] == ["ocr", "ocr"]
    assert all(p["chars"] > 500 for p in source["pages_detail"])
    assert 80 <= source["ocr_confidence"] <= 100


@needs_tesseract
def test_mixed_pdf_keeps_its_text_pages() -> None:
    source, data = open_source(MIXED)
    doc = parse(source, data, ParseOptions(progress=False))
    assert doc.format == "pdf-ocr" and [p.method for p in doc.pages] == ["text", "ocr"]
    twin = SAMPLES / "pdf" / "sandhorst_ds-19-2025_grunderwerb_spielplatz.pdf"
    twin_doc = parse(*open_source(twin))
    assert doc.pages[0].text == twin_doc.pages[0].text  # the text layer, untouched
    assert doc.tables == twin_doc.tables  # and its Beratungsfolge table, read from the layout
    assert "Lageplan mit Kennzeichnung der Teilfläche" in doc.pages[1].text
    assert doc.ocr_confidence is not None and doc.ocr_confidence > 80


@needs_tesseract
def test_owner_password_rc4_scan_is_read(tmp_path: Path) -> None:
    """An image-only PDF encrypted with an owner password only (RC4), as council scanners write them."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    twin = SAMPLES / "pdf" / "lindenau_ds-51-2025_ortsdurchfahrt_mitteilung.pdf"
    image = pdfium.PdfDocument(twin.read_bytes())[0].render(scale=300 / 72, grayscale=True).to_pil()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, encrypt=_rc4(owner="geheim"))
    c.drawImage(ImageReader(image.convert("L")), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(buf.getvalue())
    assert b"/Encrypt" in buf.getvalue()
    record = _extract(scan)
    golden = json.loads(golden_of(twin).read_text(encoding="utf-8"))
    assert record["source"]["format"] == "pdf-ocr"
    assert record["vorlage_nr"] == golden["vorlage_nr"]
    assert record["betreff"] == golden["betreff"]


def _rc4(owner: str):
    from reportlab.lib.pdfencrypt import StandardEncryption

    return StandardEncryption("", ownerPassword=owner, canPrint=1, canModify=0, strength=128)


# -- the cache -------------------------------------------------------------------------------------


@needs_tesseract
def test_reingest_reads_the_cache_and_never_runs_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(MIXED, folder)
    shutil.copy(PNG, folder)
    first = run("ingest", folder, "--index", tmp_path / "a", "-q")
    assert first.exit_code == 0, first.output
    cached = sorted((tmp_path / "a" / "ocr-cache").rglob("*.tsv.gz"))
    assert len(cached) == 2  # one per OCRed page: page 2 of the mixed PDF, the PNG

    # Same cache, new record store: with Tesseract gone, only the cache can give the text.
    (tmp_path / "b").mkdir()
    shutil.copytree(tmp_path / "a" / "ocr-cache", tmp_path / "b" / "ocr-cache")
    monkeypatch.setenv("ARCHIV_TESSERACT", str(tmp_path / "no-tesseract"))
    again = run("ingest", folder, "--index", tmp_path / "b", "-q")
    assert again.exit_code == 0, again.output
    assert again.output.startswith("ingest: 2 added")

    def texts(index: Path) -> dict[str, str]:
        lines = run("export", "--index", index).output.splitlines()
        return {r["source"]["sha256"]: r["text"] for r in map(json.loads, lines)}

    assert texts(tmp_path / "a") == texts(tmp_path / "b")
    # Unchanged files are not even parsed; reindex reads the record store only.
    assert run("ingest", folder, "--index", tmp_path / "a", "-q").output.startswith("ingest: 0 added, 2 unchanged")
    assert run("reindex", "--index", tmp_path / "b", "-q").exit_code == 0


def test_cache_is_keyed_by_the_page_image(tmp_path: Path) -> None:
    from PIL import Image

    from archiv.parsers.ocr import image_key

    page = Image.new("L", (40, 30), 255)
    same = Image.new("L", (40, 30), 255)
    other = Image.new("L", (40, 30), 255)
    other.putpixel((3, 4), 0)
    assert image_key(page) == image_key(same) != image_key(other)
    cache = OcrCache(tmp_path)
    assert cache.get(image_key(page)) is None
    cache.put(image_key(page), "level\ttext\n")
    assert cache.get(image_key(same)) == "level\ttext\n"
    assert cache.get(image_key(other)) is None


@needs_tesseract
def test_ocr_progress_per_page_on_stderr(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    result = run("ingest", PNG, "--index", tmp_path / "ix")
    assert result.exit_code == 0
    err = capfd.readouterr().err
    assert f"ocr: {PNG}: page 1/1 (" in err and "confidence" in err


@needs_tesseract
def test_ocr_stops_cleanly_when_its_time_is_up() -> None:
    from archiv.errors import InputFileError

    source, data = open_source(SAMPLES / "scan" / "hohenfeld_vo-2024-0193_bebauungsplan_scan.pdf")
    with pytest.raises(InputFileError, match=r"OCR took longer than the 1 s allowed .* larger --timeout"):
        parse(source, data, ParseOptions(time_budget=1, progress=False))


# -- without Tesseract ----------------------------------------------------------------------------


def test_missing_tesseract_fails_the_scan_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARCHIV_TESSERACT", str(tmp_path / "no-tesseract"))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PNG, folder)
    shutil.copy(SAMPLES / "text" / "wesertal_0398-2024_kita_ausbau.txt", folder)
    result = run("ingest", folder, "--index", tmp_path / "ix", "-q")
    assert result.exit_code == ExitCode.PARTIAL_FAILURE
    assert result.output.splitlines()[-1] == "ingest: 1 added, 0 unchanged, 1 failed"
    assert (
        f"error: {folder / PNG.name}: Tesseract OCR (tesseract with the German model) is not installed; "
        f"install it with: apt-get install tesseract-ocr tesseract-ocr-deu\n"
    ) in result.output
    extract = run("extract", folder / PNG.name)
    assert extract.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "install it with: apt-get install tesseract-ocr tesseract-ocr-deu" in extract.output


# -- OCR noise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "meant"),
    [
        ("nach 8 45 Abs. 9 StVO", "nach § 45 Abs. 9 StVO"),
        ("ist nach & 138 HSchG Schulträger", "ist nach § 138 HSchG Schulträger"),
        ("Kündigung gemäß $ 11, sowie", "Kündigung gemäß § 11, sowie"),
        ("8 2 Sonstige Flächen", "§ 2 Sonstige Flächen"),
        ("nach 88 3 und 4 BauGB", "nach §§ 3 und 4 BauGB"),
        ("im Jahr 2025 wurden 8 Kinder", "im Jahr 2025 wurden 8 Kinder"),
        ("GmbH & Co. KG, 31171 Nordstemmen", "GmbH & Co. KG, 31171 Nordstemmen"),
        ("Vorlage V0/2024/0193 vom l0.06.2O25", "Vorlage VO/2024/0193 vom 10.06.2025"),
        ("Die'Gemeindevertretung beauftragt", "Die Gemeindevertretung beauftragt"),
        ("Bebauungsplan „Wiesengrund-Süd*. Der", "Bebauungsplan „Wiesengrund-Süd“. Der"),
        ("« von Wärmeleitungen", "• von Wärmeleitungen"),
    ],
)
def test_typical_ocr_noise_is_undone(ocr: str, meant: str) -> None:
    assert fix_ocr_noise(ocr) == meant


def _tsv(*words: tuple[str, float, int, int, int, int, int]) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t1\t{line}\t{i}\t{x}\t{y}\t{w}\t{h}\t{conf}\t{text}" for i, (text, conf, x, y, w, h, line) in
            enumerate(words)]  # fmt: skip
    return "\n".join([head, *rows])


def test_layout_keeps_table_columns_and_drops_specks() -> None:
    words = parse_tsv(
        _tsv(
            ("Nr.", 96, 100, 100, 40, 34, 1),
            ("Gremium", 96, 300, 100, 160, 34, 1),
            ("1.", 96, 100, 150, 25, 34, 2),
            ("Kreis", 95, 300, 150, 100, 34, 2),
            ("Ö", 90, 800, 150, 30, 40, 2),
            (".", 30, 1500, 160, 5, 5, 2),  # a speck
            ("Fachbereich", 96, 100, 200, 230, 34, 3),
            ("2", 96, 345, 200, 20, 34, 3),
            ("-", 90, 380, 215, 22, 5, 3),  # as wide as an en dash
            ("Bauen", 96, 415, 200, 120, 34, 3),
        )
    )
    assert layout_text(words) == "Nr.\tGremium\n1.\tKreis\tÖ\nFachbereich 2 – Bauen"


@needs_tesseract
def test_jpeg_scan_is_read(tmp_path: Path) -> None:
    from PIL import Image

    jpeg = tmp_path / "scan.jpg"
    Image.open(PNG).convert("L").save(jpeg, "JPEG", quality=70, dpi=(300, 300))
    record = _extract(jpeg)
    golden = json.loads(golden_of(PNG).read_text(encoding="utf-8"))
    assert record["source"]["format"] == "image-ocr" and record["source"]["pages"] == 1
    assert (record["vorlage_nr"], record["datum"], record["art"]) == (
        golden["vorlage_nr"],
        golden["datum"],
        golden["art"],
    )


def test_damaged_image_fails_with_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.png"
    broken.write_bytes(PNG.read_bytes()[:2000])
    result = run("extract", broken)
    assert result.exit_code == ExitCode.INPUT_FILE
    assert result.output.startswith(f"error: {broken}: ")
    assert len(result.output.strip().splitlines()) == 1


def test_words_hyphenated_at_a_line_end_are_joined() -> None:
    from archiv.text.lines import dehyphenate_lines as dehyphenate

    lines = ["Erlaubnis oder derglei-", "chen bzw. eine", "", "bei den Ver- und Ent-", "sorgungsunternehmen,", "Haupt-"]
    assert dehyphenate([*lines, "und Finanzausschuss"]) == [
        "Erlaubnis oder dergleichen",
        "bzw. eine",
        "",
        "bei den Ver- und Entsorgungsunternehmen,",
        "Haupt-",
        "und Finanzausschuss",
    ]


def test_a_broken_text_layer_counts_as_none() -> None:
    from archiv.parsers.pdf import usable_text

    assert usable_text("Der Rat beschließt die Satzung in der vorgelegten Fassung.")
    assert not usable_text("Seite 3 von 10")  # a page number stamped on a scan
    assert not usable_text("\ue021\ue034\ue011 \ue012\ue00f" * 10)  # a font without a Unicode map


def test_bits_of_table_rules_are_no_text() -> None:
    words = parse_tsv(
        _tsv(
            ("Vorlage-Nr.:", 96, 100, 100, 200, 34, 1),
            ("_AN/2025/0021", 70, 400, 100, 250, 34, 1),
            ("|", 94, 700, 95, 3, 40, 1),
            ("Status:", 96, 900, 100, 120, 34, 1),
        )
    )
    assert layout_text(words) == "Vorlage-Nr.:\tAN/2025/0021\tStatus:"
