"""No query text is built from values. Every call that sends Cypher to the graph
(``tx.run``, ``session.run``) takes the text of a ``.cypher`` file loaded by name
(``q("aggregate/name")``), or a schema statement read from ``graph/schema/``; values go as
parameters, labels and relationship types included (the backup restore sends them as
parameters: Neo4j's dynamic labels and types). Static: the Python source is read
with ``ast``, the ``.cypher`` files as text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lo_network"
GRAPH = ROOT / "graph"
SENDERS = {"run", "execute_query"}
GRAPH_RECEIVERS = {"tx", "session", "transaction"}
CYPHER_WORDS = re.compile(r"^\s*(MATCH|MERGE|CREATE|OPTIONAL MATCH|UNWIND|CALL|WITH|RETURN)\b.*(\(|\$)", re.S)


def _is_q(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "q"


def _assignments(function: ast.AST) -> dict[str, list[ast.AST]]:
    found: dict[str, list[ast.AST]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        elif isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
            found.setdefault(node.target.id, []).append(node.iter)
    return found


def _safe(query: ast.AST, assigned: dict[str, list[ast.AST]], path: Path) -> bool:
    if _is_q(query):
        return True
    if isinstance(query, ast.Name):
        sources = assigned.get(query.id, [])
        return bool(sources) and all(_safe_source(s, path) for s in sources)
    return False


def _safe_source(node: ast.AST, path: Path) -> bool:
    if _is_q(node):
        return True
    # schema migrations: `for statement in statements(path)` (graph/schema/*.cypher)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "statements"


def graph_calls():
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))]
        for function in functions:
            assigned = _assignments(function)
            for node in ast.walk(function):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SENDERS
                        and isinstance(node.func.value, ast.Name) and node.func.value.id in GRAPH_RECEIVERS):
                    yield path, node, assigned


CALLS = list(graph_calls())


def test_the_scan_sees_the_graph_calls():
    assert len(CALLS) >= 100  # every store module sends queries; the scan cannot pass on nothing
    assert {call.func.value.id for _, call, _ in CALLS} >= {"tx", "session"}


@pytest.mark.parametrize(("path", "call", "assigned"), CALLS,
                         ids=[f"{p.relative_to(ROOT)}:{c.lineno}" for p, c, _ in CALLS])
def test_every_query_is_a_cypher_file_and_values_are_parameters(path, call, assigned):
    assert call.args, f"{path}:{call.lineno}: no query"
    query = call.args[0]
    assert _safe(query, assigned, path), (
        f"{path.relative_to(ROOT)}:{call.lineno}: the query must be q('aggregate/name'), not "
        f"{ast.unparse(query)[:80]}")



@pytest.mark.parametrize("name", ["../schema/001_x", "links/x; MATCH (n) DETACH DELETE n", "/etc/passwd", "a/b/c",
                                  "links/Organisation_list"])
def test_a_query_name_built_from_a_value_only_picks_a_file(name):
    """q(f"links/{kind}_list") is allowed above: the name can only pick a .cypher file."""
    from lo_network.store.queries import q

    with pytest.raises(ValueError):
        q(name)


def test_no_python_string_holds_query_text():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and CYPHER_WORDS.match(node.value) and re.search(r"\)-\[|\(\w*:\w+|\$\w+", node.value)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert offenders == []


def test_the_cypher_files_run_no_text_as_code():
    files = sorted(GRAPH.rglob("*.cypher"))
    assert len(files) >= 100
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"apoc\.cypher|apoc\.do|db\.execute|CALL\s*\{\s*\$", text, re.I), path
        assert not re.findall(r"__[A-Z]+__", text), path  # no placeholder for Python to fill in
