"""Which Cypher files the integration tests executed, and a check that none went untested.

Every ``graph/queries/**/*.cypher`` and ``graph/schema/*.cypher`` file is Cypher the app
sends to the graph; a file no integration test executes is either dead or untested. This
plugin (loaded by tests/conftest.py) wraps the Neo4j driver's ``run`` methods for the test
process, maps each executed statement back to its file and records it while an item of
tests/integration runs (e2e tests run the app in another process: they cannot count).
``tests/integration/test_query_files_ran.py`` is moved to the end of the run and fails
naming every file not executed, on a run that collected all of tests/integration only."""

from __future__ import annotations

import threading
from functools import wraps
from pathlib import Path

import neo4j
import pytest

from lo_network.store.queries import GRAPH_DIR, q, schema_files, statements

INTEGRATION_DIR = Path(__file__).resolve().parent / "integration"
CHECK_FILE = INTEGRATION_DIR / "test_query_files_ran.py"


def query_files() -> dict[str, Path]:
    """Every Cypher file the app may run, by a readable name: ``queries/x/y``, ``schema/NNN_z``."""
    found = {f"queries/{p.relative_to(GRAPH_DIR / 'queries').with_suffix('').as_posix()}": p
             for p in sorted((GRAPH_DIR / "queries").rglob("*.cypher"))}
    found.update({f"schema/{p.stem}": p for p in schema_files()})
    return found


class Recorder:
    """Maps statement text to file names and records the files run during integration tests."""

    def __init__(self) -> None:
        self.files = query_files()
        self.exact: dict[str, set[str]] = {}  # statement text -> names (a schema file has several)
        self.statements: dict[str, set[str]] = {}  # schema file -> its statements
        self.ran: set[str] = set()
        self.ran_statements: set[str] = set()
        self.active = False  # an integration test is running
        self._lock = threading.Lock()
        for name in self.files:
            if name.startswith("queries/"):
                self.exact.setdefault(q(name.removeprefix("queries/")), set()).add(name)
            else:
                self.statements[name] = set(statements(self.files[name]))
                for text in self.statements[name]:
                    self.exact.setdefault(text, set()).add(name)

    def note(self, query) -> None:
        if not self.active:
            return
        text = getattr(query, "text", query)  # neo4j.Query or str
        if not isinstance(text, str):
            return
        text = text.strip()
        names = self.exact.get(text, set())
        with self._lock:
            for name in names:
                if name.startswith("schema/"):
                    self.ran_statements.add(text)
                    if self.statements[name] <= self.ran_statements:  # every statement of the file
                        self.ran.add(name)
                else:
                    self.ran.add(name)

    def not_run(self) -> list[str]:
        return sorted(set(self.files) - self.ran)


recorder = Recorder()
_full_run = {"integration files": False, "deselected": False}


def _wrap(cls) -> None:
    original = cls.run

    @wraps(original)
    def run(self, query, *args, **kwargs):
        recorder.note(query)
        return original(self, query, *args, **kwargs)

    cls.run = run


def pytest_configure(config) -> None:
    # Transaction and ManagedTransaction share TransactionBase.run; Session.run is auto-commit.
    for cls in (neo4j.ManagedTransaction, neo4j.Transaction, neo4j.Session):
        _wrap(cls)


def _in_integration(path) -> bool:
    return INTEGRATION_DIR in Path(path).resolve().parents


def pytest_deselected(items) -> None:
    if any(_in_integration(item.path) for item in items):
        _full_run["deselected"] = True


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items) -> None:
    checks = [item for item in items if Path(item.path).resolve() == CHECK_FILE]
    for item in checks:  # after everything else, so it sees every test that ran
        items.remove(item)
    items.extend(checks)


def pytest_collection_finish(session) -> None:
    on_disk = {p.resolve() for p in INTEGRATION_DIR.glob("test_*.py")}
    collected = {Path(item.path).resolve() for item in session.items}
    _full_run["integration files"] = on_disk <= collected


def full_run() -> bool:
    """True when this session runs every test of tests/integration (no file left out, no -k/-m/--lf)."""
    return _full_run["integration files"] and not _full_run["deselected"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    recorder.active = _in_integration(item.path) and Path(item.path).resolve() != CHECK_FILE
    try:
        yield
    finally:
        recorder.active = False
