"""An unreachable graph is reported at once, not after the driver's retry window (no server needed)."""

from __future__ import annotations

import time

import pytest

from lo_network import settings
from lo_network.store import driver, schema
from lo_network.store.driver import GraphUnavailable
from tests.conftest import free_port


@pytest.fixture
def unreachable(monkeypatch):
    """Settings pointing at a closed loopback port; the previous settings and driver come back after."""
    monkeypatch.setenv("LO_NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("LO_NEO4J_PASSWORD", "x")
    driver.close()
    settings.reset()
    yield
    driver.close()
    monkeypatch.undo()
    settings.reset()


def test_ping_says_no_at_once(unreachable):
    started = time.monotonic()
    assert driver.ping() is False
    assert time.monotonic() - started < 3


def test_check_reachable_raises_graph_unavailable(unreachable):
    with pytest.raises(GraphUnavailable, match="niet bereikbaar.*cannot be reached"):
        driver.check_reachable()


def test_migrate_raises_graph_unavailable_at_once(unreachable):
    started = time.monotonic()
    with pytest.raises(GraphUnavailable):
        schema.migrate()
    assert time.monotonic() - started < 3
