"""``lo-network export --all`` / ``restore``: a complete backup that gives back exactly the
same data in an empty installation, and a restore that refuses a non-empty one."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from lo_network.services import backup
from lo_network.services import imports as import_service
from lo_network.services import organisations as org_service
from lo_network.services import people as person_service
from lo_network.sqlstore import backup as sql_backup
from lo_network.store.queries import q
from tests.conftest import free_port
from tests.postgres import private_postgres


def lo_network(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lo_network.cli", *args], env=env, capture_output=True,
                          text=True, timeout=240, stdin=subprocess.DEVNULL)


@pytest.fixture
def empty_installation(tmp_path) -> dict[str, str]:
    """The environment of a second, empty installation (own data folder and ports)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LO_")}
    env.update(LO_DATA_DIR=str(tmp_path / "other"), LO_GRAPH_BOLT_PORT=str(free_port()))
    return env


def contents(folder: Path) -> dict:
    """Everything a backup holds, order-free: nodes by id, relationships by id, SQL rows."""
    nodes = {}
    for line in (folder / "graph" / "nodes.jsonl").read_text().splitlines():
        node = json.loads(line)
        nodes[node["props"]["id"]] = node
    rels = {}
    for line in (folder / "graph" / "relationships.jsonl").read_text().splitlines():
        rel = json.loads(line)
        rels[rel["props"]["id"]] = rel
    tables = {p.stem: sorted(p.read_text().splitlines()) for p in (folder / "sql").glob("*.jsonl")}
    return {"nodes": nodes, "relationships": rels, "sql": tables}


def test_export_all_then_restore_into_an_empty_installation_gives_back_the_same_data(graph, users, tmp_path, empty_installation):
    admin = users["admin"]
    org = org_service.create(admin, {"name": "Port of Zwolle", "kind": "port_network", "kvk": "12345678",
                                     "themes": ["international"], "status": "partner", "status_since": "2024-01-02",
                                     "tags": ["haven", "water"], "notes": "Regel één\nRegel twee"}, "test")
    person = person_service.create(admin, {"first_name": "Zoë", "last_name": "van Dijk", "email": "zoe@haven.nl",
                                           "consent_basis": "consent", "consent_date": "2024-02-03"}, "test",
                                   employment={"organisation_id": org["id"], "role": "Havenmeester", "since": "2020-01-01"})
    job = import_service.create_job(users["coordinator"], "a.csv", b"Naam;Plaats\r\nImport BV;Kampen\r\n", "organisations", "test")
    import_service.execute(import_service.analyse(job.id).id)
    org_service.update(admin, org["id"], {"status": "former"}, "test")  # a status history entry too

    first = tmp_path / "backup"
    manifest = backup.export_all(first)
    assert manifest["graph"]["nodes"] == 3 and manifest["graph"]["relationships"] == 1
    assert manifest["graph"]["labels"] == {"Organisation": 2, "Person": 1}
    assert manifest["sql"]["tables"]["lo_user"] >= 4 and manifest["sql"]["tables"]["lo_import_job"] >= 1
    assert "lo_network backup" in (first / "README.md").read_text()
    with pytest.raises(backup.BackupRefused):
        backup.export_all(first)  # never into a folder that holds something

    restored = lo_network(empty_installation, "restore", str(first))
    assert restored.returncode == 0, restored.stderr
    assert "restored 3 nodes, 1 relationships" in restored.stdout

    second = tmp_path / "again"
    exported = lo_network(empty_installation, "export", "--all", str(second))
    assert exported.returncode == 0, exported.stderr
    again = json.loads((second / "manifest.json").read_text())
    assert (again["graph"], again["sql"]) == (manifest["graph"], manifest["sql"])
    a, b = contents(first), contents(second)
    assert a == b  # every node, relationship and SQL row, with every property and its type
    node = a["nodes"][org["id"]]["props"]
    assert node["created_at"].keys() == {"$datetime"} and node["status_log"] == ["2024-01-02:partner", f"{node['status_since']}:former"]
    assert a["nodes"][person["id"]]["props"]["name"] == "Zoë van Dijk"

    refused = lo_network(empty_installation, "restore", str(first))
    assert refused.returncode == 2
    assert "restore refused" in refused.stderr and "not empty (3 nodes)" in refused.stderr


def test_a_backup_restores_into_postgresql_and_an_external_neo4j_and_new_records_save_after_it(
        graph, users, tmp_path, empty_installation, lo_env):
    """From SQLite and the embedded graph to PostgreSQL and a Neo4j server elsewhere
    (LO_NEO4J_URI, over routing): the nodes and relationships come back with every property,
    the rows with their ids, and each table's id sequence is set past them, so the first new
    account and audit entry get new ids."""
    from lo_network.embedded.launcher import EmbeddedGraph
    from lo_network.embedded.server import graph_user, root_password

    admin = users["admin"]
    port = org_service.create(admin, {"name": "Port of Deventer", "kind": "port_network", "themes": ["international"],
                                      "tags": ["haven"]}, "test")
    carrier = org_service.create(admin, {"name": "Rederij IJssel", "kind": "company"}, "test")
    first = tmp_path / "backup"
    manifest = backup.export_all(first)

    # an empty Neo4j server of its own plays the external one
    server_settings = dataclasses.replace(lo_env, data_dir=tmp_path / "neo4j-server", graph_bolt_port=free_port())
    with private_postgres() as url, EmbeddedGraph(server_settings) as server:
        env = dict(empty_installation, LO_DATABASE_URL=url,
                   LO_NEO4J_URI=f"neo4j://127.0.0.1:{server.settings.graph_bolt_port}",
                   LO_NEO4J_USER=graph_user(server.settings),
                   LO_NEO4J_PASSWORD=root_password(server.settings.graph_dir))
        restored = lo_network(env, "restore", str(first))
        assert restored.returncode == 0, restored.stderr
        assert "starting the embedded graph server" not in restored.stdout
        made = lo_network(env, "create-user", "nieuw@lo.example", "--role", "coordinator",
                          "--password", "ruim genoeg wachtwoord 2026")
        assert made.returncode == 0, made.stderr
        linked = lo_network(env, "link", "add", port["id"], carrier["id"], "--type", "customer")
        assert linked.returncode == 0, linked.stderr
        again = tmp_path / "again"
        exported = lo_network(env, "export", "--all", str(again))
        assert exported.returncode == 0, exported.stderr
    assert not (Path(empty_installation["LO_DATA_DIR"]) / "graph").exists()  # no embedded graph was made

    was, now = contents(first), contents(again)
    assert was["nodes"].items() <= now["nodes"].items()  # every node, with every property as it was
    assert was["relationships"].items() <= now["relationships"].items()
    assert len(now["relationships"]) == len(was["relationships"]) + 1  # the new link
    counts = json.loads((again / "manifest.json").read_text())["sql"]["tables"]
    assert counts["lo_user"] == manifest["sql"]["tables"]["lo_user"] + 1
    assert counts["lo_audit_entry"] > manifest["sql"]["tables"]["lo_audit_entry"]  # the account and the link
    for table in ("lo_user", "lo_audit_entry"):
        assert set(was["sql"][table]) < set(now["sql"][table])  # every restored row, as it was
        ids = [json.loads(row)["id"] for row in now["sql"][table]]
        assert len(ids) == len(set(ids))


def test_restore_refuses_a_folder_that_is_not_a_backup(graph, tmp_path, capsys):
    from lo_network import cli

    (tmp_path / "x").mkdir()
    assert cli.main(["restore", str(tmp_path / "x")]) == 2
    assert "not a lo-network backup" in capsys.readouterr().err


# ---------------------------------------------------------------- the demo and every feature
def cypher(name: str) -> str:
    """A test-support query beside this file (the application's queries live in graph/)."""
    return (Path(__file__).parent / f"{name}.cypher").read_text(encoding="utf-8")


def graph_snapshot() -> tuple[dict, Counter]:
    """The graph as the driver returns it, read by the test's own queries: nodes by id
    (labels, every property with its type), relationships as a multiset of (from id, type,
    to id, every property)."""
    from lo_network.store import driver

    def read(tx):
        nodes = {}
        for r in tx.run(cypher("backup_snapshot_nodes")):
            props = dict(r["props"])
            assert props.get("id") and props["id"] not in nodes, props
            nodes[props["id"]] = (sorted(r["labels"]), repr(sorted(props.items())))
        rels = Counter((r["from_id"], r["type"], r["to_id"], repr(sorted(r["props"].items())))
                       for r in tx.run(cypher("backup_snapshot_relationships")))
        return nodes, rels
    return driver.read(read)


def sql_snapshot() -> dict[str, list[str]]:
    from sqlalchemy import select

    from lo_network.sqlstore import sql

    with sql.engine().connect() as conn:
        return {t.name: sorted(repr(tuple(row)) for row in conn.execute(select(t))) for t in sql_backup.tables()}


def differences(before: dict, after: dict, limit: int = 5) -> list:
    keys = sorted(set(before) | set(after), key=str)
    return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)][:limit]


def every_feature(users) -> None:
    """Demo data as `serve --demo` loads it (smaller network), then what the demo leaves out:
    a project with partner, milestone and session, person links, a follow-up note, a
    not-a-duplicate, a merge, a public registration, a consent, an import, network measures,
    a KPI snapshot and an erasure."""
    from lo_network.seed import seed_all
    from lo_network.services import activities, consent, duplicates, followup, grants, kpis, links, metrics, privacy
    from lo_network.services import registrations
    from tests.integration.test_activities import local

    for line in seed_all(replace=True, organisations=30):
        print(line)
    admin = users["admin"]
    orgs = org_service.list_page(admin, {}, "name", 1, 10).items
    people = person_service.list_page(admin, {}, "name", 1, 10).items
    lab = activities.create(admin, {"title": "Living lab Twentekanaal", "kind": "living_lab", "visibility": "public",
                                    "starts_at": local(30), "ends_at": local(32, 17),
                                    "budget_planned": "12.500,00", "budget_spent": "1250.50"}, via="test")
    activities.set_partner(admin, lab["id"], orgs[0]["id"], "lead", via="test")
    activities.add_milestone(admin, lab["id"], {"title": "Start", "due": "01-03-2027"}, via="test")
    activities.create(admin, {"title": "Werksessie", "kind": "cafe", "visibility": "public", "project_id": lab["id"],
                              "starts_at": local(31), "ends_at": local(31, 17)}, via="test")
    links.add(admin, "person", people[0]["id"], people[1]["id"], {"type": "knows"}, via="test")
    followup.add_note(admin, orgs[1]["id"], {"note": "Bellen over het lab", "due": "01-03-2027"}, via="test")
    grants.add(admin, orgs[1]["id"], {"amount": "25.000", "granted_on": "15-03-2025", "description": "Regio"},
               via="test")
    duplicates.not_duplicate(admin, "organisation", orgs[2]["id"], orgs[3]["id"], via="test")
    keep = org_service.create(admin, {"name": "Dubbel Transport BV", "kind": "company"}, "test")
    drop = org_service.create(admin, {"name": "Dubbel Transport B.V.", "kind": "company", "city": "Almelo"}, "test")
    duplicates.merge(admin, "organisation", keep["id"], drop["id"], {}, via="test")
    registrations.register_public(lab["id"], {"name": "Carla Bos", "email": "carla@bos.example", "consent": True})
    consent.add(admin, people[2]["id"], {"purpose": "directory", "basis": "consent", "date": "01-01-2026"}, via="test")
    job = import_service.create_job(users["coordinator"], "a.csv", b"Naam;Plaats\r\nImport BV;Kampen\r\n",
                                    "organisations", "test")
    import_service.execute(import_service.analyse(job.id).id)
    metrics.recompute(admin, "test")
    kpis.snapshot(admin, force=True, via="test")
    erased = people[3]
    privacy.erase(admin, erased["id"], "test", confirm=erased["name"])


def test_the_demo_with_every_feature_survives_backup_and_restore_exactly(graph, users, tmp_path):
    """Every label and relationship type the features make is declared for the backup, and a
    restore gives back every node, relationship and SQL row with every property and type."""
    from lo_network.sqlstore import sql
    from lo_network.store import backup as store
    from lo_network.store import driver, network

    every_feature(users)
    present = driver.read(store.present)
    assert set(present["labels"]) <= store.known_labels(), "a label without an id constraint in graph/schema"
    assert set(present["types"]) <= store.RELATIONSHIP_TYPES, "add the type to store.backup.RELATIONSHIP_TYPES"
    # the graph holds every declared kind, so the round trip below covers each of them
    assert set(present["labels"]) == store.known_labels()
    assert set(present["types"]) == store.RELATIONSHIP_TYPES - {"REGISTERED_FOR"}  # no query makes these any more

    nodes, rels = graph_snapshot()
    tables = sql_snapshot()
    target = tmp_path / "backup"
    target.mkdir()  # an empty folder is fine too
    started = time.perf_counter()
    manifest = backup.export_all(target)
    exported = time.perf_counter() - started
    assert stat.S_IMODE(target.stat().st_mode) == 0o700  # password hashes inside: its owner only
    assert [p.name for p in tmp_path.iterdir()] == ["backup"]  # no temporary folder left
    assert manifest["graph"]["nodes"] == len(nodes) and manifest["graph"]["relationships"] == sum(rels.values())
    assert manifest["graph"]["labels"] == present["labels"]
    assert manifest["graph"]["types"] == present["types"]

    network.wipe()  # an empty installation: no data nodes, empty SQL tables
    with sql.engine().begin() as conn:
        for table in reversed(sql_backup.tables()):
            conn.execute(table.delete())
    started = time.perf_counter()
    result = backup.restore(target)
    restored = time.perf_counter() - started
    print(f"backup of {len(nodes)} nodes, {sum(rels.values())} relationships, "
          f"{sum(len(v) for v in tables.values())} SQL rows: export {exported:.2f} s, restore {restored:.2f} s")
    assert result["nodes"] == len(nodes)

    nodes_after, rels_after = graph_snapshot()
    assert differences(nodes, nodes_after) == []
    assert driver.read(store.present) == present
    assert rels_after == rels, (rels - rels_after, rels_after - rels)
    tables_after = sql_snapshot()
    assert {k: len(v) for k, v in tables_after.items()} == {k: len(v) for k, v in tables.items()}
    assert differences(tables, tables_after) == []


def test_a_failed_export_leaves_nothing_at_the_folder_and_says_why(graph, users, tmp_path, capsys):
    import uuid

    from lo_network import cli
    from lo_network.store import driver

    org_service.create(users["admin"], {"name": "Port of Zwolle", "kind": "port_network"}, "test")
    driver.write(lambda tx: tx.run(cypher("backup_stray_node"), id=str(uuid.uuid4())).consume())
    target = tmp_path / "out" / "backup"
    assert cli.main(["export", "--all", str(target)]) == 2
    err = capsys.readouterr().err
    assert "backup not written" in err and "Stray (1)" in err, err
    assert not target.exists() and list((tmp_path / "out").iterdir()) == []

    # a node the backup cannot key, found while the files are being written
    driver.write(lambda tx: tx.run(q("meta/wipe_network"), batch=1000).consume())
    org_service.create(users["admin"], {"name": "Port of Zwolle", "kind": "port_network"}, "test")
    driver.write(lambda tx: tx.run(cypher("backup_old_purpose"), key="newsletter", migration="-").consume())
    assert cli.main(["export", "--all", str(target)]) == 2
    err = capsys.readouterr().err
    assert "a Purpose node has no id property" in err, err
    assert not target.exists() and list((tmp_path / "out").iterdir()) == []


def test_the_migration_gives_purposes_made_without_an_id_one(graph, users, tmp_path):
    from lo_network.store import driver, schema

    for key in ("newsletter", "invitations"):
        driver.write(lambda tx, k=key: tx.run(cypher("backup_old_purpose"), key=k, migration="080_purpose_ids").consume())
    assert "080_purpose_ids" not in schema.applied()
    assert "080_purpose_ids" in schema.migrate()
    nodes, _rels = graph_snapshot()
    purposes = [props for labels, props in nodes.values() if labels == ["Purpose"]]
    assert len(purposes) == 2 and len(set(nodes)) == 2
    assert all(len(i) == 36 and i.count("-") == 4 for i in nodes)  # uuids
    manifest = backup.export_all(tmp_path / "b")
    assert manifest["graph"]["labels"] == {"Purpose": 2}


# ---------------------------------------------------------------- labels and types as parameters
@pytest.mark.parametrize("labels", [["Person`) DETACH DELETE n //"], ["Organisation", "Spy"], []])
def test_a_restore_sends_no_label_the_schema_does_not_key(graph, labels):
    """Labels travel as parameters (dynamic labels): still, only the labels the schema keys
    by id are sent, and a batch with any other is refused whole before it reaches the graph."""
    from lo_network.store import backup as store
    from lo_network.store import driver

    rows = [{"labels": ["Organisation"], "props": {"id": "org-ok", "name": "Goed"}},
            {"labels": labels, "props": {"id": "org-bad", "name": "Fout"}}]
    with pytest.raises(store.BackupError):
        driver.write(store.restore_nodes, rows)
    assert driver.read(store.node_count) == 0


def test_a_restore_sends_no_relationship_type_it_does_not_declare(graph):
    from lo_network.store import backup as store
    from lo_network.store import driver

    made = driver.write(store.restore_nodes, [{"labels": ["Person"], "props": {"id": "p-1"}},
                                              {"labels": ["Organisation"], "props": {"id": "o-1"}}])
    assert sorted(made) == [(("Organisation",), "o-1"), (("Person",), "p-1")]
    row = {"type": "WORKS_AT", "from_labels": ["Person"], "from_id": "p-1", "to_labels": ["Organisation"],
           "to_id": "o-1", "props": {"since": {"$date": "2020-01-01"}}}
    with pytest.raises(store.BackupError, match="OWNS"):
        driver.write(store.restore_relationships, [row, dict(row, type="OWNS")], made)
    assert driver.read(store.relationship_count) == 0
    assert driver.write(store.restore_relationships, [row], made) == 1
