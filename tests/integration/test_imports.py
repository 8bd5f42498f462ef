"""Import against the real graph: dry-run counts and rules, idempotent re-import, rows of
one file merged, people with their organisation, background jobs, crash safety."""

from __future__ import annotations

import json
import threading
import time

import pytest

from lo_network import settings
from lo_network.domain import imports as domain
from lo_network.services import imports as service
from lo_network.services import organisations as org_service
from lo_network.services import people as person_service
from lo_network.store import backup as backup_store
from lo_network.store import driver
from lo_network.store.driver import GraphUnavailable


def csv_file(rows: list[list[str]], delimiter: str = ";") -> bytes:
    return ("\r\n".join(delimiter.join(r) for r in rows) + "\r\n").encode("utf-8")


def graph_state(skip=("created_at", "updated_at")) -> dict:
    """Every data node and relationship by id, without the write times."""
    with driver.get_driver().session(database=settings.get().neo4j_database) as session:
        nodes = {n["props"]["id"]: (tuple(n["labels"]), {k: v for k, v in n["props"].items() if k not in skip})
                 for n in backup_store.iter_nodes(session)}
        rels = {r["props"].get("id"): (r["type"], r["from_id"], r["to_id"], json.dumps(r["props"], sort_keys=True))
                for r in backup_store.iter_relationships(session)}
    return {"nodes": nodes, "relationships": rels}


def run_import(actor, data: bytes, kind: str, name: str = "lijst.csv", overrides=None):
    job = service.create_job(actor, name, data, kind, "test", overrides)
    job = service.analyse(job.id)
    assert job.status == "ready", job.error
    report = json.loads(job.report)
    job = service.execute(job.id)
    assert job.status == "done", job.error
    return report, json.loads(job.result), job


ORGANISATIONS = [
    ["Bedrijfsnaam", "KvK-nummer", "Website", "Plaats", "Netwerkstatus"],
    ["Bestaand Op KvK", "11111111", "", "Deventer", ""],             # matches by KvK (new city)
    ["Andere Naam", "", "op-website.nl/", "", ""],                    # matches by website domain, nothing new
    ["Op naam b.v.", "", "", "", ""],                                 # matches by normalised name
    ["Nieuw Een", "22222222", "", "Zwolle", "Deelnemer"],            # new
    ["nieuw een BV", "", "nieuw-een.nl", "", ""],                     # same as the previous row: merged
    ["Nieuw Twee", "", "", "Hengelo", ""],                            # new
    ["", "333", "", "", ""],                                          # fails: name and KvK
    ["Slechte Site", "", "geen site", "", ""],                        # fails: website
]


@pytest.fixture
def existing(graph, users):
    admin = users["admin"]
    return {
        "kvk": org_service.create(admin, {"name": "Bestaand", "kind": "company", "kvk": "11111111"}, "test"),
        "website": org_service.create(admin, {"name": "Op Website", "kind": "company", "website": "https://op-website.nl"}, "test"),
        "name": org_service.create(admin, {"name": "Op Naam BV", "kind": "education"}, "test"),
    }


def test_dry_run_counts_each_outcome_and_the_rule_that_matched(existing, users):
    job = service.create_job(users["coordinator"], "lijst.csv", csv_file(ORGANISATIONS), "organisations", "test")
    before = graph_state()
    job = service.analyse(job.id)
    report = json.loads(job.report)
    assert report == {
        "rows": 8, "valid_rows": 6, "failed_rows": 2, "records": 5, "merged_rows": 1,
        "create": 2, "update": 1, "unchanged": 2, "matched": {"kvk": 1, "name": 1, "website": 1},
        "organisations_create": 0, "links_create": 0,
        # the row with the KvK number of a record in the network names that record
        "kvk_matches": [{"lines": [2], "id": existing["kvk"]["id"], "name": "Bestaand"}],
    }
    assert graph_state() == before  # a dry run writes nothing
    errors = {(e.line, e.field, e.column) for e in service.errors_of(job)}
    assert errors == {(8, "name", "Bedrijfsnaam"), (8, "kvk", "KvK-nummer"), (9, "website", "Website")}


def test_import_writes_the_good_rows_and_a_second_import_changes_nothing(existing, users):
    coordinator = users["coordinator"]
    _, result, job = run_import(coordinator, csv_file(ORGANISATIONS), "organisations")
    assert (result["create"], result["update"], result["unchanged"], result["failed_rows"]) == (2, 1, 2, 2)
    matched = org_service.get(coordinator, existing["kvk"]["id"])
    assert matched["city"] == "Deventer" and matched["name"] == "Bestaand"  # an empty cell never blanks a field
    page = org_service.list_page(coordinator, {"text": "nieuw een"})
    assert page.total == 1  # two rows of the file, one organisation
    merged = page.items[0]
    full = org_service.get(coordinator, merged["id"])
    assert (full["kvk"], full["website"], full["city"], full["status"]) == (
        "22222222", "https://nieuw-een.nl", "Zwolle", "participant")
    assert org_service.list_page(coordinator, {}).total == 5

    state = graph_state(skip=())
    report, result2, _ = run_import(coordinator, csv_file(ORGANISATIONS), "organisations")
    assert (report["create"], report["update"], report["unchanged"]) == (0, 0, 5)
    assert (result2["create"], result2["update"]) == (0, 0)
    assert graph_state(skip=()) == state  # not even a write time changed


def test_the_same_file_as_xlsx_and_with_commas_imports_to_the_same_records(graph, users):
    import io

    import pandas as pd

    coordinator = users["coordinator"]
    run_import(coordinator, csv_file(ORGANISATIONS, ","), "organisations")
    state = graph_state()
    frame = pd.DataFrame(ORGANISATIONS[1:], columns=ORGANISATIONS[0])
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    report, _, _ = run_import(coordinator, buffer.getvalue(), "organisations", "lijst.xlsx")
    assert (report["create"], report["update"], report["unchanged"], report["failed_rows"]) == (0, 0, 5, 2)
    assert graph_state() == state


PEOPLE = [
    ["Naam", "E-mailadres", "Functie", "Organisatie", "Telefoon"],
    ["Anna Bakker", "anna@trucks.nl", "Planner", "Twentse Trucks B.V.", ""],
    ["Anna Bakker", "ANNA@trucks.nl", "", "", "0612345678"],            # same email: merged
    ["Bert de Boer", "", "Directeur", "Twentse Trucks BV", ""],           # new, same organisation
    ["Bert de Boer", "", "", "Havenbedrijf", ""],                         # same name elsewhere: another person
    ["Carla Smit", "geen-mail", "", "", ""],                              # fails: email
    ["Dirk Dijk", "dirk@bestaand.nl", "Inkoper", "Bestaand", ""],        # existing person, new job link
]


def test_people_import_creates_their_organisations_and_links_once(graph, users):
    coordinator = users["coordinator"]
    existing_org = org_service.create(coordinator, {"name": "Bestaand", "kind": "company"}, "test")
    dirk = person_service.create(coordinator, {"first_name": "Dirk", "last_name": "Dijk", "email": "dirk@bestaand.nl"}, "test")
    report, result, _ = run_import(coordinator, csv_file(PEOPLE), "people")
    assert report == {
        "rows": 6, "valid_rows": 5, "failed_rows": 1, "records": 4, "merged_rows": 1,
        "create": 3, "update": 1, "unchanged": 0, "matched": {"email": 1},
        "organisations_create": 2, "links_create": 4,
    }
    assert result["create"] == 3 and result["links_create"] == 4
    trucks = org_service.list_page(coordinator, {"text": "twentse trucks"}).items
    assert len(trucks) == 1
    staff = sorted(p["person_name"] for p in org_service.get(coordinator, trucks[0]["id"])["people"])
    assert staff == ["Anna Bakker", "Bert de Boer"]
    anna = person_service.list_page(coordinator, {"text": "anna"}).items[0]
    assert (anna["phone"], anna["job_title"]) == ("0612345678", "Planner")
    jobs = person_service.get(coordinator, dirk["id"])["employments"]
    assert [(j["organisation_id"], j["role"]) for j in jobs] == [(existing_org["id"], "Inkoper")]
    assert person_service.list_page(coordinator, {"text": "bert"}).total == 2

    state = graph_state(skip=())
    again, _, _ = run_import(coordinator, csv_file(PEOPLE), "people")
    assert (again["create"], again["update"], again["unchanged"], again["organisations_create"], again["links_create"]) == (0, 0, 4, 0, 0)
    assert graph_state(skip=()) == state


def test_the_mapping_step_and_a_steering_user(graph, users):
    data = csv_file([["Firma", "Nummer"], ["Mapped BV", "44444444"]])
    with pytest.raises(service.PermissionDenied if hasattr(service, "PermissionDenied") else Exception):
        service.create_job(users["steering"], "x.csv", data, "organisations", "test")
    job = service.create_job(users["coordinator"], "x.csv", data, "organisations", "test")
    assert json.loads(job.mapping) == {"Firma": "", "Nummer": ""}
    with pytest.raises(service.ValidationError) as caught:
        service.start_analysis(users["coordinator"], job.id)
    assert "name" in caught.value.errors
    service.set_mapping(users["coordinator"], job.id, {"Firma": "name", "Nummer": "kvk"})
    service.start_analysis(users["coordinator"], job.id)
    job = service.wait(job.id)
    assert job.status == "ready" and json.loads(job.report)["create"] == 1
    service.start_import(users["coordinator"], job.id)
    job = service.wait(job.id)
    assert job.status == "done"
    assert org_service.list_page(users["coordinator"], {"text": "44444444"}).total == 1


def test_failed_rows_download_imports_after_fixing(graph, users):
    coordinator = users["coordinator"]
    _, _, job = run_import(coordinator, csv_file(ORGANISATIONS), "organisations")
    name, data = service.failed_rows(coordinator, job.id)
    assert name == "lijst-fouten.csv"
    table = domain.read_table(data, name)
    assert table.columns == ORGANISATIONS[0] + [domain.LINE_COLUMN, domain.REASON_COLUMN]
    assert [values[-2] for _, values in table.rows] == ["8", "9"]
    fixed = data.decode("utf-8-sig").replace(";333;", ";33333333;").replace(";;333;", ";Gerepareerd;33333333;")
    fixed = fixed.replace("geen site", "gerepareerd.nl").replace("\r\n;33333333;", "\r\nGerepareerd;33333333;")
    report, _, _ = run_import(coordinator, fixed.encode("utf-8"), "organisations", "lijst-fouten.csv")
    assert (report["failed_rows"], report["create"]) == (0, 2), report


def many_organisations(n: int) -> bytes:
    rows = [["Naam", "KvK", "Plaats"]] + [[f"Crash Test {i:05d} BV", f"{50000000 + i}", "Almelo"] for i in range(n)]
    return csv_file(rows)


def test_a_batch_planned_while_the_one_before_is_written_decides_on_that_ones_writes(graph, users, monkeypatch):
    """The next batch is planned while the graph writes the one before. Two rows that reach
    one record by different keys (its KvK number, its name) in consecutive batches: the second
    merges its fields over the record as the first one wrote it, losing nothing."""
    coordinator = users["coordinator"]
    monkeypatch.setattr(service, "BATCH", 1)
    record = org_service.create(coordinator, {"name": "Alfa Overslag BV", "kind": "company", "kvk": "44444444",
                                              "city": "Almelo"}, "test")
    rows = [["Bedrijfsnaam", "KvK-nummer", "Plaats", "Website"]]
    for n in range(6):
        rows.append([f"Vulling {n}", "", "Hengelo", ""])  # other records, so the pipeline is full
    rows += [["Handelsnaam Alfa", "44444444", "Zwolle", ""],  # the record, by its KvK number: a new city
             ["Alfa Overslag BV", "", "", "alfa-overslag.nl"]]  # the same record, by its name: a website
    report, result, _ = run_import(coordinator, csv_file(rows), "organisations")
    assert result["update"] == 2 and result["create"] == 6, result
    after = org_service.get(coordinator, record["id"])
    assert (after["name"], after["city"], after["website"]) == ("Alfa Overslag BV", "Zwolle", "https://alfa-overslag.nl")


def test_killing_the_graph_server_mid_import_leaves_whole_batches_and_a_rerun_finishes(graph, graph_server, users, monkeypatch):
    coordinator = users["coordinator"]
    monkeypatch.setattr(service, "BATCH", 100)
    data = many_organisations(1500)

    # the reference: the same file imported without trouble
    run_import(coordinator, data, "organisations")
    reference = graph_state()
    from lo_network.store import network
    network.wipe()

    job = service.create_job(coordinator, "crash.csv", data, "organisations", "test")
    job = service.analyse(job.id)
    killed = threading.Event()

    def killer():
        while service._load(job.id).batches_done < 4:
            time.sleep(0.01)
        graph_server.process.kill()  # kill -9: no clean shutdown, a batch may be in flight
        killed.set()

    watcher = threading.Thread(target=killer, daemon=True)
    watcher.start()
    try:
        job = service.execute(job.id)
    except GraphUnavailable:
        job = service._load(job.id)
    watcher.join(30)
    assert killed.is_set()
    assert job.status == "failed" and "bereikbaar" in job.error, job.error
    graph_server.process.wait(10)
    driver.close()
    graph_server.start()

    done = service._load(job.id).batches_done
    count = org_service.list_page(coordinator, {}).total
    assert 4 <= done < 15
    assert count in (done * 100, (done + 1) * 100), (count, done)  # whole batches only: never a half one
    job = service.execute(job.id)  # resume from the first unfinished batch
    assert job.status == "done"
    assert graph_state() == reference
    again = service.analyse(job.id)
    assert json.loads(again.report)["unchanged"] == 1500


def test_a_job_whose_worker_died_shows_as_interrupted_and_resumes(graph, users, monkeypatch):
    """A job left 'running' by a worker that is gone (no thread, no heartbeat for 30 s) is
    'interrupted'; start_import then finishes it from the first unfinished batch."""
    from datetime import timedelta

    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import utcnow

    coordinator = users["coordinator"]
    monkeypatch.setattr(service, "BATCH", 100)
    job = service.create_job(coordinator, "half.csv", many_organisations(450), "organisations", "test")
    job = service.analyse(job.id)
    importer = service._importer(job)
    # what a worker that died after two batches leaves behind: two batches written and recorded
    for index in range(2):
        plan = importer.plan(index)
        driver.write(service.store.write_batch, plan.organisations, plan.people, plan.employments)
    with sql.session() as db:
        row = db.get(service.ImportJob, job.id)
        row.status, row.batches_done, row.updated_at = "running", 2, utcnow() - timedelta(seconds=31)
        db.add(row)
        db.commit()
    assert service.status_of(service._load(job.id)) == "interrupted"
    assert org_service.list_page(coordinator, {}).total == 200
    service.start_import(coordinator, job.id)
    job = service.wait(job.id)
    assert job.status == "done" and job.batches_done == 5
    result = json.loads(job.result)
    assert (result["create"], result["unchanged"]) == (250, 0)  # the resumed part only: batches 3-5
    assert org_service.list_page(coordinator, {}).total == 450
