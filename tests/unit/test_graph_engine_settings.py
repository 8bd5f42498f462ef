"""LO_GRAPH_PAGECACHE: the embedded Neo4j's page cache setting."""

from __future__ import annotations

import pytest

from lo_network import settings


@pytest.fixture
def env(monkeypatch):
    monkeypatch.delenv("LO_GRAPH_PAGECACHE", raising=False)
    return monkeypatch


def test_the_page_cache_has_a_default(env):
    assert settings.load().graph_pagecache == "256m"


def test_the_page_cache_can_be_set(env):
    env.setenv("LO_GRAPH_PAGECACHE", "1g")
    assert settings.load().graph_pagecache == "1g"
