"""archiv export --format oparl: valid objects only, and with -o DIR the same tree the server gives."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

from archiv.web import create_app

from .conftest import run
from .oparl_conformance import OparlValidator, crawl, links_in, needs_schemas, spec_problems

BASE = "https://daten.example.de/ratsinfo"


@pytest.fixture()
def index(tmp_path: Path, sample_index: Path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(sample_index, target)
    (target / "archiv-settings.json").unlink(missing_ok=True)
    return target


def test_without_a_base_url_export_refuses_with_one_usage_line(index: Path) -> None:
    result = run("export", "--index", index, "--format", "oparl")
    assert result.exit_code == 2
    assert result.output == (
        "error: --format oparl needs --base-url URL (where the archive is served; OParl ids are URLs), "
        f"and none is recorded in {index}\n"
    )  # and no objects with made-up ids
    bad = run("export", "--index", index, "--format", "oparl", "--base-url", "archiv.example.org")
    assert bad.exit_code == 2
    assert bad.output == (
        "error: --base-url 'archiv.example.org' is not an absolute http(s) URL without query "
        "(e.g. https://archiv.example.org)\n"
    )


@needs_schemas
def test_exported_papers_pass_the_schemas_and_the_base_url_is_recorded(index: Path) -> None:
    validator = OparlValidator()
    papers = json.loads(run("export", "--index", index, "--format", "oparl", "--base-url", BASE).output)
    assert len(papers) >= 10
    assert [e for p in papers for e in validator.errors(p)] == []
    assert [e for p in papers for e in spec_problems(p, BASE)] == []
    again = json.loads(run("export", "--index", index, "--format", "oparl").output)  # the recorded base URL
    assert again == papers


@needs_schemas
def test_the_static_tree_is_valid_complete_and_the_one_the_server_gives(index: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run("export", "--index", index, "--format", "oparl", "--base-url", BASE, "-o", out, "--quiet")
    assert result.exit_code == 0, result.output
    tree: dict[str, Any] = {}
    for path in out.rglob("*"):
        if path.is_file() and path.relative_to(out).parts[1] not in ("access", "download"):
            tree[f"{BASE}/{path.relative_to(out).as_posix()}"] = json.loads(path.read_text(encoding="utf-8"))
    validator = OparlValidator()
    checked = [o for d in tree.values() for o in (d["data"] if "links" in d else [d])]
    assert [e for o in checked for e in validator.errors(o)] == []
    assert [e for o in checked for e in spec_problems(o, BASE)] == []
    # every link into the tree leads to a file of it (a static host has nothing else)
    for link in {u for d in tree.values() for u in links_in(d) if u.startswith(BASE + "/")}:
        assert (out / link.removeprefix(BASE + "/")).is_file(), link
    # the same objects and first pages as the server (which adds its HTML pages as 'web')
    with TestClient(create_app(index, base_url=BASE)) as client:
        served, files = crawl(client, BASE)
        for url in files:
            assert (out / url.removeprefix(BASE + "/")).read_bytes() == client.get(url.removeprefix(BASE)).content

    def without_web(data: Any) -> Any:
        if isinstance(data, dict):
            return {k: without_web(v) for k, v in data.items() if k not in ("web", "website")}
        return [without_web(v) for v in data] if isinstance(data, list) else data

    assert set(served) == set(tree)
    assert {u: without_web(d) for u, d in served.items()} == {u: without_web(d) for u, d in tree.items()}


def test_public_export_leaves_out_what_is_not_public(index: Path, tmp_path: Path) -> None:
    from archiv.archive import Archive

    from .web_support import NOT_PUBLIC_BY_STATUS

    with Archive(index) as archive:
        hidden = next(r for r in archive.records() if Path(r.source.path).name == NOT_PUBLIC_BY_STATUS.name)
    assert hidden.oeffentlich is False
    for flags, present in (((), True), (("--public",), False)):
        out = tmp_path / ("public" if flags else "all")
        result = run("export", "--index", index, "--format", "oparl", "--base-url", BASE, "-o", out, "-q", *flags)
        assert result.exit_code == 0, result.output
        mentioned = [p for p in out.rglob("*") if p.is_file() and hidden.id in p.read_text(errors="replace")]
        assert bool(mentioned) == present, flags
