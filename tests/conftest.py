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
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file())


def golden_of(sample: Path) -> Path:
    return GOLDEN / sample.parent.name / f"{sample.stem}.expected.json"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index holding every sample and (where ../shared exists) the seed; built once per session."""
    index = tmp_path_factory.mktemp("index")
    paths = [SAMPLES] + ([SEED] if SEED.exists() else [])
    result = run("ingest", *paths, "--index", index, "--quiet")
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture()
def fresh_index(tmp_path: Path, sample_index: Path) -> Path:
    """A private copy of the sample index for tests that change it."""
    target = tmp_path / "index"
    shutil.copytree(sample_index, target)
    return target
