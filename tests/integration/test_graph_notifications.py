"""A query naming what the network holds none of yet (a young network has no milestones)
logs no warning; Neo4j's other notifications still reach the log."""

from __future__ import annotations

import logging

from lo_network.store import driver


def _run(text: str) -> None:
    driver.read(lambda tx: list(tx.run(text)))


def test_unknown_names_are_not_logged_other_notifications_are(graph, caplog):
    caplog.set_level(logging.INFO, logger="neo4j.notifications")
    _run("MATCH (m:NoSuchLabelYet)-[:NO_SUCH_TYPE]->(a) RETURN m.no_such_property")
    assert not [r for r in caplog.records if r.name == "neo4j.notifications"], caplog.text
    _run("MATCH (a:Organisation), (b:Person) RETURN count(*)")  # a cartesian product: a performance hint
    assert [r for r in caplog.records if r.name == "neo4j.notifications"], "the other notifications went too"
