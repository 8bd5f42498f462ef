"""``lo-network export --all`` / ``restore``: a complete backup that gives back exactly the
same data in an empty installation, and a restore that refuses a non-empty one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lo_network.services import backup
from lo_network.services import imports as import_service
from lo_network.services import organisations as org_service
from lo_network.services import people as person_service
from tests.conftest import free_port


def lo_network(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lo_network.cli", *args], env=env, capture_output=True,
                          text=True, timeout=240, stdin=subprocess.DEVNULL)


@pytest.fixture
def empty_installation(tmp_path) -> dict[str, str]:
    """The environment of a second, empty installation (own data folder and ports)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LO_")}
    env.update(LO_DATA_DIR=str(tmp_path / "other"), LO_GRAPH_BOLT_PORT=str(free_port()),
               LO_GRAPH_HTTP_PORT=str(free_port()), LO_GRAPH_HTTPS_PORT=str(free_port()))
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


def test_restore_refuses_a_folder_that_is_not_a_backup(graph, tmp_path, capsys):
    from lo_network import cli

    (tmp_path / "x").mkdir()
    assert cli.main(["restore", str(tmp_path / "x")]) == 2
    assert "not a lo-network backup" in capsys.readouterr().err
