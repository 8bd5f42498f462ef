"""Whole-network housekeeping: sizes, wiping (demo replace, tests), health."""

from __future__ import annotations

from neo4j import ManagedTransaction

from lo_network.store import driver
from lo_network.store.queries import q


def counts(tx: ManagedTransaction) -> dict:
    return tx.run(q("meta/counts")).single().data()


def wipe(batch: int = 5000) -> int:
    """Delete the whole network (all but the migration records), in batches; how many nodes went."""
    return driver.delete_in_batches(lambda tx: tx.run(q("meta/wipe_network"), batch=batch).single()["deleted"], batch)
