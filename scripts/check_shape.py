#!/usr/bin/env python3
"""The shape rules of archiv/, checked before the tests run (`make test`):

- no import cycle among the package's modules, counting imports inside functions too (a lazy import
  hides a cycle, it does not break it); imports under ``if TYPE_CHECKING:`` never run and are not counted;
- no private name (``_x``) taken from another module of the package, neither imported
  (``from .m import _x``) nor read off an imported module (``m._x``);
- no module over MAX_LINES lines.

Standard library only, so it runs before anything is installed. Prints a short report; exits 1 on a breach.
Usage: scripts/check_shape.py [PACKAGE_DIR]   (default: archiv/ next to this script's folder)
"""

from __future__ import annotations

import ast
import itertools
import sys
from dataclasses import dataclass, field
from pathlib import Path

MAX_LINES = 400


@dataclass
class Module:
    name: str
    path: Path
    lines: int
    is_package: bool
    imports: dict[str, int] = field(default_factory=dict)  # imported module -> first line
    private: list[tuple[int, str]] = field(default_factory=list)  # (line, "module._name")


def _module_name(root: Path, path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST):
    """Every node, leaving out the bodies of ``if TYPE_CHECKING:`` (their ``else`` does run)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _base(mod: Module, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = mod.name if mod.is_package else mod.name.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _scan(mod: Module, known: set[str], top: str) -> None:
    tree = ast.parse(mod.path.read_text(encoding="utf-8"), filename=str(mod.path))
    bound: dict[str, str] = {}  # local name -> internal module it stands for
    for node in _nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] != top:
                    continue
                target = _deepest(alias.name, known)
                if target:
                    mod.imports.setdefault(target, node.lineno)
                    if alias.asname:
                        bound[alias.asname] = target
        elif isinstance(node, ast.ImportFrom):
            base = _base(mod, node)
            if base.split(".")[0] != top:
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in known:  # `from . import store`: the module itself
                    mod.imports.setdefault(sub, node.lineno)
                    bound[alias.asname or alias.name] = sub
                    continue
                target = _deepest(base, known)
                if target:
                    mod.imports.setdefault(target, node.lineno)
                if alias.name.startswith("_") and not alias.name.startswith("__") and target != mod.name:
                    mod.private.append((node.lineno, f"{base}.{alias.name}"))
    for node in _nodes(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in bound
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and bound[node.value.id] != mod.name
        ):
            mod.private.append((node.lineno, f"{bound[node.value.id]}.{node.attr}"))
    mod.imports.pop(mod.name, None)


def _deepest(dotted: str, known: set[str]) -> str | None:
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in known:
            return candidate
    return None


def load(root: Path) -> dict[str, Module]:
    root = root.resolve()
    modules: dict[str, Module] = {}
    for path in sorted(root.rglob("*.py")):
        name, is_package = _module_name(root, path)
        with path.open(encoding="utf-8") as fh:
            lines = sum(1 for _ in fh)
        modules[name] = Module(name, path, lines, is_package)
    known = set(modules)
    for mod in modules.values():
        _scan(mod, known, root.name)
    return modules


def cycles(modules: dict[str, Module]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in modules:
        if start in index:
            continue
        work = [(start, iter(sorted(modules[start].imports)))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(modules[child].imports))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _path_in(component: list[str], modules: dict[str, Module]) -> list[str]:
    """One closed import path through a cycle's modules, to show where to cut it."""
    members = set(component)
    start = component[0]
    seen = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(modules[node].imports):
            if child == start:
                return [*seen[node], start]
            if child in members and child not in seen:
                seen[child] = [*seen[node], child]
                queue.append(child)
    return component


def check(root: Path, out=sys.stdout) -> int:
    root = root.resolve()
    modules = load(root)
    for mod in modules.values():
        mod.path = mod.path.relative_to(root.parent)  # shown as archiv/..., wherever the check runs from
    problems: list[str] = []
    for component in cycles(modules):
        path = _path_in(component, modules)
        steps = " -> ".join(
            f"{a} (line {modules[a].imports[b]})" if b in modules[a].imports else a for a, b in itertools.pairwise(path)
        )
        problems.append(f"import cycle: {steps} -> {path[-1]}")
    for mod in modules.values():
        for line, name in mod.private:
            problems.append(f"private name: {mod.path}:{line} uses {name}")
    for mod in modules.values():
        if mod.lines > MAX_LINES:
            problems.append(f"too long: {mod.path} has {mod.lines} lines (at most {MAX_LINES})")
    longest = max(modules.values(), key=lambda m: m.lines)
    edges = sum(len(m.imports) for m in modules.values())
    print(
        f"shape of {root.name}/: {len(modules)} modules, {edges} import edges (lazy ones included), "
        f"longest {longest.path} ({longest.lines} lines)",
        file=out,
    )
    for p in problems:
        print(p, file=out)
    print("shape ok" if not problems else f"shape: {len(problems)} problem(s)", file=out)
    return 1 if problems else 0


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent / "archiv"
    sys.exit(check(Path(sys.argv[1]) if len(sys.argv) > 1 else here))
