"""The layer rules of docs/architecture.md, read from the source: a rule broken here is a test that fails,
not a review comment. Data flows one way: file → io → store → domain → charts/ui."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" \
        else _module_name(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _in(modules: set[str], *roots: str) -> set[str]:
    return {m for m in modules if any(m == r or m.startswith(r + ".") for r in roots)}


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) == "domain"])
def test_domain_imports_no_other_layer_and_no_io_widgets_or_sql(module):
    imported = _imports(MODULES[module])
    workbook_layers = {_layer(m) for m in _in(imported, "workbook")} - {"domain", ""}
    assert not workbook_layers, f"{module} imports {sorted(workbook_layers)}"
    assert not _in(imported, "sqlite3", "ipywidgets", "IPython", "plotly", "voila")


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) == "store"])
def test_store_imports_only_domain(module):
    imported = _in(_imports(MODULES[module]), "workbook")
    others = {_layer(m) for m in imported} - {"store", "domain", "paths", ""}
    assert not others, f"{module} imports {sorted(others)}"


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) == "charts"])
def test_charts_draw_without_widgets_store_or_io(module):
    imported = _imports(MODULES[module])
    assert not _in(imported, "ipywidgets", "IPython", "workbook.store", "workbook.io",
                   "workbook.ui")


def test_only_ui_imports_widgets():
    offenders = [m for m, path in MODULES.items()
                 if _layer(m) != "ui" and _in(_imports(path), "ipywidgets")]
    assert offenders == []


def _runs_sql(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript")):
            return True
    return False


def test_only_store_runs_sql():
    offenders = [m for m, path in MODULES.items() if _layer(m) != "store" and _runs_sql(path)]
    assert offenders == []


def test_no_import_circle():
    graph = {m: {i for i in _imports(p) if i in MODULES and i != m} for m, p in MODULES.items()}
    # `from workbook.ui import x` names the package; a package importing its own modules
    # lazily (the page builders) is how it stays light, not a circle.
    for module in graph:
        graph[module] = {i for i in graph[module] if not module.startswith(i + ".")}
    state: dict[str, int] = {}
    circles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circles.append(path[path.index(target):] + [target] if target in path
                               else [module, target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def _page_of(module: str) -> str | None:
    """The page a module of `workbook.ui.<page>.<panel>` belongs to, if it is a panel."""
    parts = module.split(".")
    if len(parts) == 4 and parts[1] == "ui" and parts[3] not in ("state", "__init__"):
        return parts[2]
    return None


@pytest.mark.parametrize("module", [m for m in MODULES if _page_of(m)])
def test_a_panel_gets_its_data_and_callbacks_and_never_imports_the_page_state(module):
    """A panel draws what it is given and calls its `on_*` callbacks; only the composer
    joins it to the state, the page's one writer."""
    state = f"workbook.ui.{_page_of(module)}.state"
    assert not _in(_imports(MODULES[module]), state), f"{module} imports {state}"


def _private_names_imported(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{node.module}.{alias.name}" for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
            and node.module.startswith("workbook")
            for alias in node.names
            if alias.name.startswith("_") and not alias.name.startswith("__")]


def test_no_module_imports_another_modules_private_names():
    offenders = {m: names for m, path in MODULES.items()
                 if (names := _private_names_imported(path))}
    assert offenders == {}
