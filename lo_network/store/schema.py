"""Apply graph/schema/NNN_*.cypher once each, recorded as (:SchemaMigration) in the graph."""

from __future__ import annotations

import re
from functools import lru_cache

from lo_network import settings as settings_mod
from lo_network.store import driver
from lo_network.store.queries import q, schema_files, statements
from lo_network.store.records import now_iso


# "FOR (n:Label) REQUIRE n.id IS UNIQUE": the constraint that keys a label by its own id
_ID_CONSTRAINT = re.compile(r"FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*REQUIRE\s+(\w+)\.id\s+IS\s+UNIQUE", re.I)
BOOKKEEPING = "SchemaMigration"  # the records of applied migrations: not data


@lru_cache(maxsize=1)
def keyed_labels() -> frozenset[str]:
    """The data labels the schema keys by their own ``id`` under a unique constraint: the
    labels a node may carry (the backup refuses any other, see store.backup)."""
    found = set()
    for path in schema_files():
        for statement in statements(path):
            for var, label, keyed in _ID_CONSTRAINT.findall(statement):
                if var == keyed:
                    found.add(label)
    return frozenset(found - {BOOKKEEPING})


def applied() -> set[str]:
    """The ids of the migrations recorded in the graph; none on a brand-new graph."""
    return set(driver.read(lambda tx: [r["id"] for r in tx.run(q("meta/applied_migrations"))]))


def migrate() -> list[str]:
    """Apply the migrations not yet recorded; returns their ids. Safe to run twice:
    each statement is IF NOT EXISTS and each file is recorded after it ran."""
    driver.check_reachable()
    done = applied()
    ran: list[str] = []
    database = settings_mod.get().neo4j_database
    for path in schema_files():
        mid = path.stem
        if mid in done:
            continue
        try:
            with driver.get_driver().session(database=database) as session:
                for statement in statements(path):
                    session.run(statement).consume()  # schema commands run auto-commit
        except driver._UNAVAILABLE as exc:
            raise driver.GraphUnavailable(type(exc).__name__) from exc
        driver.write(lambda tx, mid=mid: tx.run(q("meta/record_migration"), id=mid, now=now_iso()).consume())
        ran.append(mid)
    for mid, work in data_migrations():
        if mid not in done:
            while driver.write(work):
                pass  # each call handles one batch; 0 when nothing is left
            driver.write(lambda tx, mid=mid: tx.run(q("meta/record_migration"), id=mid, now=now_iso()).consume())
            ran.append(mid)
    return ran


def data_migrations():
    """(id, batch function) of data backfills that run once each, after the schema files;
    a batch function returns how many records it changed (0 when done)."""
    from lo_network.store import duplicates

    return [("010_backfill_duplicate_keys", duplicates.backfill_keys)]
