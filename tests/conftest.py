from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiv.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_cda0f0be47f3442d.txt"
CORPUS = SHARED / "corpus"


def sample_files() -> list[Path]:
    """The samples with a text layer; the scans (samples/scan, OCR) are checked in test_ocr.py."""
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.parent.name != "scan")


def scan_files() -> list[Path]:
    return sorted(p for p in (SAMPLES / "scan").glob("*") if p.is_file())


def golden_of(sample: Path) -> Path:
    return GOLDEN / sample.parent.name / f"{sample.stem}.expected.json"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index holding every sample and (where ../shared exists) the seed; built once per session."""
    index = tmp_path_factory.mktemp("index")
    from archiv.parsers.ocr import tesseract_available

    # The scans need Tesseract; without it (a machine where make could not install it) they stay out.
    folders = [p for p in sorted(SAMPLES.iterdir()) if p.name != "scan" or tesseract_available()]
    paths = folders + ([SEED] if SEED.exists() else [])
    result = run("ingest", *paths, "--index", index, "--quiet")
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture()
def fresh_index(tmp_path: Path, sample_index: Path) -> Path:
    """A private copy of the sample index for tests that change it."""
    target = tmp_path / "index"
    shutil.copytree(sample_index, target)
    return target


PROSE = ("beschlussvorschlag", "begruendung")


def assert_matches_golden(record: dict, golden: dict) -> None:
    """Compare a record with its golden record: every field exactly, except that entities need only
    contain the golden ones and prose is compared with whitespace folded (paragraph breaks in PDFs
    are a layout guess; the words and their order must be exact)."""
    for field, expected in golden.items():
        got = record[field]
        if field == "entities":
            for kind, values in expected.items():
                missing = [v for v in values if v not in got[kind]]
                assert not missing, f"entities.{kind}: missing {missing}, found {got[kind]}"
        elif field == "source":
            assert {k: got[k] for k in expected} == expected
        elif field == "tops":  # agenda items of minutes: their decision and vote texts as prose
            fold = ("beschluss", "abstimmung")
            assert [{k: (" ".join(v.split()) if k in fold and v else v) for k, v in t.items()} for t in got] == [
                {k: (" ".join(v.split()) if k in fold and v else v) for k, v in t.items()} for t in expected
            ], field
        elif field in PROSE:
            assert (" ".join(got.split()) if got else got) == (" ".join(expected.split()) if expected else expected), (
                field
            )
        else:
            assert got == expected, field
