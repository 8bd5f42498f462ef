"""Graph schema migrations (lo_network.store.schema) and the unique id constraint."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from lo_network.domain import organisations as domain
from lo_network.store import driver, schema
from lo_network.store import organisations as store
from lo_network.store.queries import schema_files


def test_every_schema_file_is_recorded_as_applied(graph):
    assert schema.applied() == {path.stem for path in schema_files()} | {mid for mid, _ in schema.data_migrations()}
    assert {"001_constraints", "002_indexes"} <= schema.applied()


def test_migrate_again_applies_nothing(graph):
    assert schema.migrate() == []
    assert schema.migrate() == []
    assert schema.applied() == {path.stem for path in schema_files()} | {mid for mid, _ in schema.data_migrations()}


def test_unique_id_constraint_refuses_a_duplicate(graph, monkeypatch):
    props = domain.validate({"name": "Acme", "kind": "company"})
    monkeypatch.setattr(store, "new_id", lambda: "fixed-id")
    driver.write(store.create, props)
    with pytest.raises(ConstraintError):
        driver.write(store.create, dict(props, name="Acme twin"))
    assert driver.read(store.count, {}) == 1
    assert driver.read(store.get, "fixed-id")["name"] == "Acme"
