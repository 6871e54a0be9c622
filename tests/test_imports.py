"""The shape of the code: every module under plugins/ (and the theme package),
parsed, never imported, with its imports read from the whole file (an import
inside a function counts as much as one at the top).

- No two modules import each other, directly or round a loop.
- No package reaches into another package's private names (`_name`).
- news_core, the shared vocabulary, imports neither Pelican nor Markdown nor
  any other package of ours: plugins are glue on top of it.
- A package imports news_core, itself, the standard library and third-party
  libraries; anything more is listed in ALLOWED with the reason.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
THEME = ROOT / "theme" / "__init__.py"  # installed as the package news_theme
CORE = "news_core"
CORE_MAY_NOT_IMPORT = ("pelican", "markdown", "jinja2")

# (importing module or package, imported module or package, why). "*": any of ours.
ALLOWED = [
    ("news_preview", "news_build.runner",
     "the live preview is a front end of the build runner: it runs runner.build() on every save"),
    ("news_preview", "news_build.log",
     "the preview's quick rebuild (warm.py) counts the warnings of the file it re-reads, as a build does"),
    ("news_preview", "news_incremental",
     "the quick rebuild renders the saved article's page through the build's own writer, so the page and its "
     "fingerprint are a full build's, and compares what lists show of the article before and after"),
    ("news_preview", "news_publish",
     "the quick rebuild updates the search index of the build it builds on (write_search_index), as that build "
     "wrote it"),
    ("news_preview", "news_theme",
     "the live preview watches the installed theme's templates and styles, and rebuilds when one is saved"),
    ("trangtin", "*",
     "trangtin is the command line and the sites' defaults: it composes the packages, and none imports it"),
]


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the module imported, or the module a name is imported from
    name: str | None  # for `from target import name`
    line: int


def module_files() -> dict[str, Path]:
    found = {}
    for path in sorted(PLUGINS.rglob("*.py")):
        parts = path.relative_to(PLUGINS).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    if THEME.exists():
        found["news_theme"] = THEME
    return found


MODULES = module_files()
PACKAGES = {name.split(".")[0] for name in MODULES}


def top(name: str) -> str:
    return name.split(".")[0]


def _base(module: str, level: int) -> str:
    """The package a relative import of `level` dots starts from, in `module`."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return package


def imports_of(module: str) -> list[Import]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"), str(MODULES[module]))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, None, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                target = _base(module, node.level) + (f".{node.module}" if node.module else "")
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:  # `from . import writer`: the submodule itself
                    found.append(Import(module, f"{target}.{alias.name}", None, node.lineno))
                else:
                    found.append(Import(module, target, alias.name, node.lineno))
    return found


IMPORTS = {module: imports_of(module) for module in MODULES}


def graph() -> dict[str, set[str]]:
    """module -> the modules of ours it imports. A submodule's import runs its
    package's __init__ first, but that is no edge: only what the code names."""
    return {module: {i.target for i in found if i.target in MODULES and i.target != module}
            for module, found in IMPORTS.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def _private(name: str | None) -> bool:
    return bool(name) and name.startswith("_") and not name.startswith("__")


def _module_names(module: str) -> dict[str, str]:
    """Names bound to modules of another package by `import a.b as c`, `import a`
    or `from a import b` (b a module), in any scope of `module`."""
    bound = {}
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else top(alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in MODULES:
                    bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return {name: target for name, target in bound.items()
            if top(target) != top(module) and top(target) not in sys.stdlib_module_names}


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def private_uses(module: str) -> list[str]:
    """`from other import _name` and `other._name`, `other.sub._name`."""
    found = [f"{MODULES[module].relative_to(ROOT)}:{i.line}: from {i.target} import {i.name}"
             for i in IMPORTS[module]
             if _private(i.name) and top(i.target) != top(module) and top(i.target) not in sys.stdlib_module_names]
    bound = _module_names(module)
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            dotted = _dotted(node.value)
            if dotted and dotted.split(".")[0] in bound:
                found.append(f"{MODULES[module].relative_to(ROOT)}:{node.lineno}: {dotted}.{node.attr}")
    return found


def _allowed(source: str, target: str) -> bool:
    for importer, imported, _ in ALLOWED:
        if (source == importer or source.startswith(importer + ".")) and (
                imported == "*" or target == imported or target.startswith(imported + ".")):
            return True
    return False


def foreign_imports(module: str) -> list[str]:
    """Imports of another package of ours than news_core, and not in ALLOWED."""
    found = []
    for i in IMPORTS[module]:
        other = top(i.target)
        if other in PACKAGES and other not in (top(module), CORE):
            if not _allowed(module, i.target):
                what = f"{i.target}.{i.name}" if i.name else i.target
                found.append(f"{MODULES[module].relative_to(ROOT)}:{i.line}: {module} imports {what}")
    return found


def test_the_modules_are_found():
    assert {"news_core", "news_core.build", "news_meta.reader", "news_build.runner",
            "news_incremental.writer", "news_publish.search"} <= set(MODULES)


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_no_private_name_of_another_package_is_used():
    assert [use for module in MODULES for use in private_uses(module)] == []


def test_news_core_imports_no_pelican_no_markdown_and_no_plugin():
    core = [m for m in MODULES if top(m) == CORE]
    assert len(core) > 10
    found = [f"{m}:{i.line}: {i.target}" for m in core for i in IMPORTS[m]
             if top(i.target) in CORE_MAY_NOT_IMPORT or (top(i.target) in PACKAGES and top(i.target) != CORE)]
    assert found == []


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_a_package_imports_only_news_core_itself_and_libraries(package):
    assert [line for m in MODULES if top(m) == package for line in foreign_imports(m)] == []


# The checks themselves, on small made-up graphs.

def test_cycles_are_found_round_a_loop_and_not_in_a_tree():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []
