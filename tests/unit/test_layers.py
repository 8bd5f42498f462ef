"""The layers import one way only: pages → components → states → services → store → domain.
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
    "store": ("pages", "components", "states", "api", "services"),
    "domain": ("pages", "components", "states", "api", "services", "store"),
    "messages": ("pages", "components", "states", "api", "services", "store", "domain"),
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
