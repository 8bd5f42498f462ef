"""``lo-network import`` / ``export`` and the API's list export, against the real graph."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from lo_network import cli
from lo_network.domain import imports as domain
from lo_network.services import organisations as org_service
from lo_network.services import people as person_service

ROWS = "Firma;KvK-nummer;E-mail bedrijf;Plaats\r\nCli Transport BV;12345678;x;Almelo\r\nZonder Nummer;12;;Hengelo\r\n"


def test_cli_import_dry_run_map_progress_and_errors(graph, users, tmp_path, capsys):
    path = tmp_path / "leads.csv"
    path.write_bytes(ROWS.encode("cp1252"))
    assert cli.main(["import", str(path), "--kind", "organisations"]) == 2
    assert "lo-network: name: geen kolom voor de naam / no column for the name" in capsys.readouterr().err

    code = cli.main(["import", str(path), "--kind", "organisations", "--dry-run", "--map", "Firma=name",
                     "--map", "E-mail bedrijf="])
    out, err = capsys.readouterr()
    assert code == 2  # a row failed
    assert "dry run (nothing written)" in out and "create: 1  update: 0  unchanged: 0" in out
    assert "column 'Firma' -> name" in err and "column 'E-mail bedrijf' -> (ignored)" in err
    assert "lo-network: checking 1/1 (100%)" in err
    assert "lo-network: line 3: kvk (KvK-nummer): KvK-nummer moet uit 8 cijfers bestaan" in err
    assert org_service.list_page(users["admin"], {}).total == 0

    code = cli.main(["import", str(path), "--kind", "organisations", "--map", "Firma=name", "--map", "E-mail bedrijf="])
    out, err = capsys.readouterr()
    assert code == 2 and "imported leads.csv" in out and "importing 1/1 (100%)" in err
    failed = tmp_path / "leads-fouten.csv"
    assert failed.exists() and "fix them in" in err
    table = domain.read_table(failed.read_bytes(), failed.name)
    assert [values[0] for _, values in table.rows] == ["Zonder Nummer"]
    assert org_service.list_page(users["admin"], {"text": "12345678"}).total == 1


def test_cli_import_of_people_without_failures_exits_0(graph, users, tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_text("Naam,E-mailadres,Organisatie\nEva Jansen,eva@example.nl,Nieuw BV\n", encoding="utf-8-sig")
    assert cli.main(["import", str(path), "--kind", "people"]) == 0
    out = capsys.readouterr().out
    assert "organisations to create: 1  links to organisations: 1" in out
    assert person_service.list_page(users["admin"], {"text": "eva"}).items[0]["organisations"] == ["Nieuw BV"]


def seed(users):
    admin = users["admin"]
    a = org_service.create(admin, {"name": "Alfa Logistiek", "kind": "company", "company_type": "lsp",
                                   "region": "twente", "themes": ["knowledge_labour"], "kvk": "11111111"}, "test")
    org_service.create(admin, {"name": "Beta Gemeente", "kind": "municipality", "region": "zwolle"}, "test")
    person_service.create(admin, {"first_name": "Piet", "last_name": "Alfa", "email": "piet@alfa.nl"}, "test",
                          employment={"organisation_id": a["id"], "role": "Planner"})
    return a


def test_cli_export_lists_filtered_as_on_screen(graph, users, tmp_path, capsys):
    seed(users)
    out = tmp_path / "twente.xlsx"
    assert cli.main(["export", "organisations", "--region", "twente", "--out", str(out)]) == 0
    frame = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert list(frame["Naam"]) == ["Alfa Logistiek"]
    assert frame.loc[0, "Type bedrijf"] == "Logistiek dienstverlener (LDV)"
    assert frame.loc[0, "Thema's"] == "Kennis, Onderwijs & Arbeidsmarkt"
    people = tmp_path / "p.csv"
    assert cli.main(["export", "people", "--out", str(people)]) == 0
    table = domain.read_table(people.read_bytes(), "p.csv")
    assert table.encoding == "utf-8-sig" and table.delimiter == ";"
    assert table.rows[0][1][:3] == ["Piet", "Alfa", "piet@alfa.nl"] and "Alfa Logistiek" in table.rows[0][1]


def test_cli_export_into_a_folder_that_does_not_exist_says_so(graph, users, tmp_path, capsys):
    assert cli.main(["export", "organisations", "--out", str(tmp_path / "nergens" / "lijst.csv")]) == 2
    assert "--out: de map bestaat niet / the folder does not exist" in capsys.readouterr().err


def test_cli_export_of_a_list_there_is_none_of_is_refused(tmp_path, capsys):
    """Attendances are imported, not exported as a list: no people list written under that name."""
    out = tmp_path / "a.csv"
    with pytest.raises(SystemExit) as stop:
        cli.main(["export", "attendances", "--out", str(out)])
    assert stop.value.code == 2 and "invalid choice: 'attendances'" in capsys.readouterr().err
    assert not out.exists()


@pytest.fixture
def client(sql_db):
    from fastapi.testclient import TestClient

    from lo_network.api.app import create_api

    return TestClient(create_api())


def token(users, role: str) -> dict[str, str]:
    from lo_network.services import accounts as service

    return {"Authorization": f"Bearer {service.create_api_token(users[role].email)}"}


def test_api_exports_the_filtered_lists_as_csv_and_xlsx(graph, users, client):
    seed(users)
    answer = client.get("/api/v1/organisations/export", params={"format": "csv", "kind": "municipality"},
                        headers=token(users, "steering"))
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    assert 'filename="organisaties-' in answer.headers["content-disposition"]
    table = domain.read_table(answer.content, "x.csv")
    assert [values[0] for _, values in table.rows] == ["Beta Gemeente"]

    answer = client.get("/api/v1/people/export", params={"format": "xlsx", "q": "piet"}, headers=token(users, "steering"))
    assert answer.status_code == 200  # Piet has no basis to be shown to view-only roles, as in the list
    assert list(pd.read_excel(io.BytesIO(answer.content), dtype=str, keep_default_na=False)["E-mailadres"]) == []
    answer = client.get("/api/v1/people/export", params={"format": "xlsx", "q": "piet"},
                        headers=token(users, "coordinator"))
    assert answer.status_code == 200
    frame = pd.read_excel(io.BytesIO(answer.content), dtype=str, keep_default_na=False)
    assert list(frame["E-mailadres"]) == ["piet@alfa.nl"]

    assert client.get("/api/v1/organisations/export", params={"format": "pdf"},
                      headers=token(users, "steering")).json()["errors"] == {"format": "kies uit / choose from csv, xlsx"}
    assert client.get("/api/v1/organisations/export").status_code == 401
    # the export route is not taken for an organisation id
    assert client.get("/api/v1/organisations/export/x", headers=token(users, "steering")).status_code == 404
