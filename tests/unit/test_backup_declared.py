"""The backup knows every kind of data the application's queries can make: every node label
named in graph/queries is keyed by its own id under a unique constraint in graph/schema, and
every relationship type is declared in store.backup (the export refuses anything else)."""

from __future__ import annotations

import re

from lo_network.store import backup, schema
from lo_network.store.queries import GRAPH_DIR

NODE_LABEL = re.compile(r"\(\s*\w*\s*:\s*([A-Za-z_]\w*)")          # (n:Label ...
REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*([A-Za-z_][\w|:]*)")       # [r:TYPE|OTHER ...


def _named() -> tuple[set[str], set[str]]:
    labels: set[str] = set()
    types: set[str] = set()
    for path in (GRAPH_DIR / "queries").rglob("*.cypher"):
        text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("//"))
        labels |= set(NODE_LABEL.findall(text))
        for found in REL_TYPES.findall(text):
            types |= {t for t in re.split(r"[|:]", found) if t}
    return labels - {schema.BOOKKEEPING}, types


def test_every_label_and_relationship_type_in_the_queries_is_known_to_the_backup():
    labels, types = _named()
    assert {"Organisation", "Person", "Purpose", "WORKS_AT"} <= labels | types  # the scan finds them
    assert labels - backup.known_labels() == set(), "give the label an id constraint in graph/schema"
    assert types - backup.RELATIONSHIP_TYPES == set(), "declare the type in store.backup.RELATIONSHIP_TYPES"


def test_every_known_label_is_keyed_by_its_id_and_the_bookkeeping_is_not_data():
    assert {"Organisation", "Person", "Activity", "Registration", "Milestone", "FollowUpNote",
            "Purpose", "Grant", "DerivedState"} == set(backup.known_labels())
    assert schema.BOOKKEEPING not in backup.known_labels()
