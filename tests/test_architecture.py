"""The house (issue 16): layers import one way (flows → pipeline → extractors), no import circle,
no module over 500 lines, language data read only by the one loader (extractors/lang)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "pipeline", "flows")
MAX_LINES = 500
LAYER = {"extractors": 0, "pipeline": 1, "flows": 2}
# the one place a lower layer may reach up: `chiso serve` starts the Prefect deployment, lazily
ALLOWED_UPWARD = {("pipeline.cli.cmd_serve", "flows")}


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = path
    return out


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.split(".")[0] in PACKAGES}


MODULES = _modules()


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_small(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name]}: {lines} lines (split it by stage)"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_go_one_way(name):
    here = LAYER[name.split(".")[0]]
    for target in _imports(MODULES[name], top_level_only=False):
        there = LAYER[target.split(".")[0]]
        if there > here:
            assert (name, target.split(".")[0]) in ALLOWED_UPWARD, f"{name} imports {target}"


def test_no_import_circle():
    graph = {name: {t for t in _imports(path, top_level_only=True) if t in MODULES and t != name}
             for name, path in MODULES.items()}
    # a package's __init__ importing its own submodules is a re-export, not a circle
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                if not all(a.startswith(b + ".") or b.startswith(a + ".") for a, b in zip(cycle, cycle[1:], strict=False)):
                    raise AssertionError("import circle: " + " -> ".join(cycle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_language_data_is_read_by_the_one_loader(name):
    if name == "extractors.lang":
        return
    source = MODULES[name].read_text(encoding="utf-8")
    assert "yaml.safe_load" not in source and "yaml.load(" not in source, f"{name} reads YAML itself"
    assert not any(imp == "extractors.langdata" for imp in _imports(MODULES[name], False))


def test_no_try_except_import_of_our_own_modules():
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Try) and any(
                    isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                    for h in node.handlers):
                inner = {m for stmt in node.body for m in _imports_of(stmt)}
                assert not inner & set(PACKAGES), f"{name}: try/except ImportError around {inner}"


def _imports_of(stmt: ast.stmt) -> set[str]:
    if isinstance(stmt, ast.ImportFrom) and stmt.module:
        return {stmt.module.split(".")[0]}
    if isinstance(stmt, ast.Import):
        return {a.name.split(".")[0] for a in stmt.names}
    return set()
