"""The layers import one way only: pages → components → states → services → store | sqlstore →
domain (the graph store and the SQL store side by side, neither importing the other).
A module imports nothing from a layer above its own (read from the source with ``ast``, so a
lazy import inside a function counts too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "lo_network"

# a layer and the packages of lo_network it must not import
ABOVE = {
    "components": ("pages",),
    "states": ("pages", "components", "api"),
    "services": ("pages", "components", "states", "api"),
    "store": ("pages", "components", "states", "api", "services", "sqlstore"),
    "sqlstore": ("pages", "components", "states", "api", "services", "store"),
    "domain": ("pages", "components", "states", "api", "services", "store", "sqlstore"),
    "messages": ("pages", "components", "states", "api", "services", "store", "sqlstore", "domain"),
}


def imported(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("layer", sorted(ABOVE))
def test_a_layer_imports_nothing_from_a_layer_above(layer):
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
             for path in sorted((PACKAGE / layer).rglob("*.py"))
             for line, module in imported(path)
             if any(module == f"lo_network.{above}" or module.startswith(f"lo_network.{above}.")
                    for above in ABOVE[layer])]
    assert wrong == []


def test_only_the_sql_store_talks_to_sql():
    """SQLAlchemy and SQLModel are imported in lo_network/sqlstore only: the services ask the
    SQL store by name, as they ask the graph store."""
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
             for path in sorted(PACKAGE.rglob("*.py")) if "sqlstore" not in path.relative_to(PACKAGE).parts
             for line, module in imported(path)
             if module.split(".")[0] in ("sqlalchemy", "sqlmodel")]
    assert wrong == []
