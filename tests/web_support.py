"""Helpers shared by the web tests: an index of the samples, optionally with some ingested as not public."""

from __future__ import annotations

from pathlib import Path

from archiv.archive import Archive
from archiv.models import Vorlage

from .conftest import SAMPLES, run

# The forms every checkout has; other folders of samples/ may be mid-change by other work.
FORMS = ("text", "pdf", "html")
XSS_SAMPLE = SAMPLES / "html" / "elmshagen_mv-0241-2025_onlineformular.html"
XSS_BETREFF_PARTS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
NOT_PUBLIC_BY_STATUS = SAMPLES / "pdf" / "sandhorst_ds-19-2025_grunderwerb_spielplatz.pdf"  # says "nicht öffentlich"
CITED_BY_XSS = SAMPLES / "html" / "elmshagen_bv-0235-2025_friedhofsgebuehren.html"  # same Aktenzeichen, cited


def build_index(target: Path, *, nichtoeffentlich: tuple[Path, ...] = ()) -> Path:
    """Ingest the samples into ``target``; the files in ``nichtoeffentlich`` with --nichtoeffentlich."""
    files = [p for form in FORMS for p in sorted((SAMPLES / form).iterdir()) if p.is_file()]
    normal = [p for p in files if p not in nichtoeffentlich]
    for batch, flags in ((normal, ()), (list(nichtoeffentlich), ("--nichtoeffentlich",))):
        if batch:
            result = run("ingest", *batch, "--index", target, "--quiet", *flags)
            assert result.exit_code == 0, result.output
    return target


def record_of(index: Path, sample: Path) -> Vorlage:
    with Archive(index) as archive:
        found = [r for r in archive.records() if Path(r.source.path).name == sample.name]
    assert len(found) == 1, sample
    return found[0]
