"""The import rules of STYLE.md, read from the source with `ast`: the core stays host-free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "garden"
ADAPTERS = {"garden.plugin", "garden.live", "garden.cli", "garden.__main__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.Module) -> list[tuple[str, str]]:
    """(imported module, where: 'module' | 'function' | 'type-checking') for every import."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.Import):
            found.extend((alias.name, where) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, where))
            # `from garden import x` may import a submodule `garden.x`
            if node.module == "garden":
                found.extend((f"garden.{alias.name}", where) for alias in node.names)
        inner = where
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inner = "function"
        elif isinstance(node, ast.If) and _is_type_checking(node):
            inner = "type-checking"
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, "module")
    return found


IMPORTS = {
    _module_name(path): _imports(ast.parse(path.read_text(encoding="utf-8")))
    for path in sorted(PACKAGE.rglob("*.py"))
}
MODULES = set(IMPORTS)
CORE = sorted(MODULES - ADAPTERS)


def importers_of(top: str) -> dict[str, set[str]]:
    """Module → the places ('module', 'function', ...) in which it imports `top` or a submodule."""
    result: dict[str, set[str]] = {}
    for module, imports in IMPORTS.items():
        for name, where in imports:
            if name == top or name.startswith(top + "."):
                result.setdefault(module, set()).add(where)
    return result


def test_the_package_is_all_there():
    assert {"garden.slugs", "garden.markup", "garden.note", "garden.graph", "garden.render",
            "garden.plugin", "garden.cli"} <= MODULES


def test_garden_imports_are_acyclic():
    graph = {
        module: {name for name, where in imports
                 if where != "type-checking" and name in MODULES and name != module}
        for module, imports in IMPORTS.items()
    }
    graph = {module: deps - {"garden"} for module, deps in graph.items()}  # the re-export hub
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            cycle = " → ".join((*path[path.index(module):], module))
            pytest.fail(f"import cycle: {cycle}")
        if module in done:
            return
        for dep in sorted(graph[module]):
            visit(dep, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_mkdocs_is_imported_only_by_the_plugin_and_lazily_by_the_cli():
    importers = importers_of("mkdocs")
    assert set(importers) <= {"garden.plugin", "garden.live", "garden.cli"}
    assert "garden.plugin" in importers
    assert importers.get("garden.cli", {"function"}) == {"function"}


def test_networkx_is_imported_only_by_graph():
    assert set(importers_of("networkx")) == {"garden.graph"}


@pytest.mark.parametrize("library", ["markdown", "pymdownx", "mkdocs", "material", "jinja2"])
def test_the_core_does_not_import_site_generator_libraries(library):
    assert not set(importers_of(library)) & set(CORE)


def test_yaml_is_read_only_by_note():
    assert set(importers_of("yaml")) == {"garden.note"}


def test_the_core_never_imports_the_adapters():
    for adapter in ("garden.plugin", "garden.cli"):
        assert not set(importers_of(adapter)) - ADAPTERS


def test_the_adapters_never_import_each_other():
    assert "garden.cli" not in importers_of("garden.plugin")
    assert "garden.plugin" not in importers_of("garden.cli")
