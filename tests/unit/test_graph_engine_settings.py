"""LO_GRAPH_ENGINE and LO_GRAPH_PAGECACHE: the embedded graph server's settings."""

from __future__ import annotations

import pytest

from lo_network import settings


@pytest.fixture
def env(monkeypatch):
    for name in ("LO_GRAPH_ENGINE", "LO_GRAPH_PAGECACHE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_neo4j_is_the_default_engine(env):
    s = settings.load()
    assert (s.graph_engine, s.graph_pagecache) == ("neo4j", "256m")


def test_arcadedb_can_be_chosen_and_the_page_cache_set(env):
    env.setenv("LO_GRAPH_ENGINE", " ArcadeDB ")
    env.setenv("LO_GRAPH_PAGECACHE", "1g")
    s = settings.load()
    assert (s.graph_engine, s.graph_pagecache) == ("arcadedb", "1g")


def test_an_unknown_engine_is_named_with_its_setting(env):
    env.setenv("LO_GRAPH_ENGINE", "memgraph")
    with pytest.raises(SystemExit) as refused:
        settings.load()
    assert "LO_GRAPH_ENGINE" in str(refused.value) and "'memgraph'" in str(refused.value)
    assert "neo4j" in str(refused.value) and "arcadedb" in str(refused.value)
