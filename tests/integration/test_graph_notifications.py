"""A query naming what the network holds none of yet (a young network has no milestones)
logs no warning; Neo4j's other notifications still reach the log."""

from __future__ import annotations

import logging
from pathlib import Path

from lo_network.store import driver


def _run(name: str) -> None:
    text = (Path(__file__).parent / f"{name}.cypher").read_text(encoding="utf-8")
    driver.read(lambda tx: list(tx.run(text)))


def test_unknown_names_are_not_logged_other_notifications_are(graph, caplog):
    caplog.set_level(logging.INFO, logger="neo4j.notifications")
    _run("notifications_unknown_names")
    assert not [r for r in caplog.records if r.name == "neo4j.notifications"], caplog.text
    _run("notifications_cartesian")
    assert [r for r in caplog.records if r.name == "neo4j.notifications"], "the other notifications went too"
