"""The shape check of `make test` (scripts/check_shape.py) fails on what it is there to catch."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_shape", ROOT / "scripts" / "check_shape.py")
assert _spec and _spec.loader
check_shape = importlib.util.module_from_spec(_spec)
sys.modules["check_shape"] = check_shape  # dataclasses look their module up
_spec.loader.exec_module(check_shape)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pkg"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _run(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    return check_shape.check(root, out), out.getvalue()


def test_a_clean_tree_passes(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "low.py": "def helper() -> int:\n    return 1\n",
            "high.py": "from .low import helper\n\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from . import top\n",
            "top.py": "from . import high\n",
        },
    )
    code, report = _run(root)
    assert code == 0, report
    assert "4 modules" in report and "shape ok" in report


def test_a_lazy_import_cycle_fails(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "sub/__init__.py": "def load():\n    from .backend import Backend\n    return Backend\n",
            "sub/backend.py": "from . import load\n\nclass Backend: ...\n",
        },
    )
    code, report = _run(root)
    assert code == 1
    assert "import cycle: pkg.sub (line 2) -> pkg.sub.backend (line 1) -> pkg.sub" in report


def test_a_private_name_from_another_module_fails(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "_SECRET = 1\n",
            "b.py": "from .a import _SECRET\n",
            "c.py": "from . import a\n\nX = a._SECRET\n",
        },
    )
    code, report = _run(root)
    assert code == 1
    assert "b.py:1 uses pkg.a._SECRET" in report
    assert "c.py:3 uses pkg.a._SECRET" in report


def test_a_long_module_fails(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"__init__.py": "", "long.py": "x = 1\n" * 401, "fine.py": "x = 1\n" * 400})
    code, report = _run(root)
    assert code == 1
    assert "long.py has 401 lines" in report
    assert "fine.py" not in report.split("\n", 1)[1]
