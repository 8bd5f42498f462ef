"""Import of attendances (people at a past activity) against the real graph: dry-run counts,
idempotent re-import, rows for a future activity fail, the registrations show in the person's
participation and the activity's attendee list, no email, the CLI."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from lo_network import cli
from lo_network.domain.activities import TZ
from lo_network.services import activities, followup
from lo_network.services import imports as service
from lo_network.services import people as person_service
from lo_network.services import registrations
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import OutboxEmail

from tests.integration.test_imports import csv_file, graph_state, run_import


def local(days: int, hour: int = 9) -> str:
    when = (datetime.now(TZ) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return when.strftime("%d-%m-%Y %H:%M")


def day(days: int) -> str:
    return (datetime.now(TZ) + timedelta(days=days)).strftime("%d-%m-%Y")


def make(actor, title: str, days: int, capacity: str = "2"):
    return activities.create(actor, {"title": title, "kind": "cafe", "themes": [], "region": "zwolle",
                                     "starts_at": local(days), "ends_at": local(days, 17), "location": "Zwolle",
                                     "visibility": "public", "capacity": capacity}, via="test")


def outbox_count() -> int:
    with sql.session() as db:
        return len(list(db.exec(select(OutboxEmail))))


@pytest.fixture
def world(graph, sql_db, users):
    past = make(users["organiser"], "Logistiek café maart", -10)
    future = make(users["organiser"], "Logistiek café juni", 10, capacity="1")
    known = person_service.create(users["admin"], {"first_name": "Piet", "last_name": "Bekend",
                                                   "email": "piet@bekend.nl", "consent_basis": "consent",
                                                   "consent_date": "01-01-2024"}, "test")
    return {"past": past, "future": future, "known": known}


def rows(world) -> list[list[str]]:
    return [
        ["Naam", "E-mailadres", "Organisatie", "Activiteit", "Datum", "Aanwezig"],
        ["Piet Bekend", "piet@bekend.nl", "", "Logistiek café maart", day(-10), "ja"],      # known person, present
        ["Eva Nieuw", "eva@nieuw.nl", "Nieuw Vervoer BV", "logistiek cafe maart", day(-10), ""],  # new person+org
        ["Eva Nieuw", "EVA@nieuw.nl", "", "Logistiek café maart", day(-10), ""],            # same: merged
        ["Jan Weg", "jan@weg.nl", "", "Logistiek café maart", day(-10), "nee"],            # new person, no-show
        ["Toekomst Persoon", "t@p.nl", "", "Logistiek café juni", day(10), "ja"],          # future: fails
        ["Geen Activiteit", "g@a.nl", "", "Bestaat niet", day(-10), ""],                   # unknown: fails
        ["Raar", "raar@x.nl", "", "Logistiek café maart", day(-10), "misschien"],         # bad attended: fails
    ]


def test_dry_run_counts_then_import_and_reimport_changes_nothing(world, users):
    coordinator = users["coordinator"]
    data = csv_file(rows(world))
    before_emails = outbox_count()
    job = service.create_job(coordinator, "aanwezig.csv", data, "attendances", "test")
    assert json.loads(job.mapping) == {"Naam": "full_name", "E-mailadres": "email", "Organisatie": "organisation",
                                       "Activiteit": "activity", "Datum": "date", "Aanwezig": "attended"}
    before = graph_state()
    job = service.analyse(job.id)
    assert job.status == "ready", job.error
    report = json.loads(job.report)
    assert graph_state() == before  # the dry run writes nothing
    assert report == {"rows": 7, "valid_rows": 4, "failed_rows": 3, "records": 5, "merged_rows": 1,
                      "create": 3, "update": 0, "unchanged": 0, "matched": {"email": 1},
                      "organisations_create": 1, "links_create": 1, "people_create": 2}
    errors = {(e.line, e.field, e.column): e.reason for e in service.errors_of(job)}
    assert set(errors) == {(6, "activity", "Activiteit"), (7, "activity", "Activiteit"), (8, "attended", "Aanwezig")}
    assert "nog niet voorbij" in errors[(6, "activity", "Activiteit")]
    assert "not ended yet" in errors[(6, "activity", "Activiteit")]

    job = service.execute(job.id)
    assert job.status == "done", job.error
    result = json.loads(job.result)
    assert (result["create"], result["update"], result["unchanged"], result["failed_rows"]) == (3, 0, 0, 3)

    listed = registrations.list_for_activity(users["organiser"], world["past"]["id"])
    by_name = {r["name"]: r for r in listed}
    assert set(by_name) == {"Piet Bekend", "Eva Nieuw", "Jan Weg"}
    assert by_name["Piet Bekend"]["attendance"] == "present" and by_name["Piet Bekend"]["person_id"] == world["known"]["id"]
    assert by_name["Eva Nieuw"]["attendance"] == "present" and by_name["Eva Nieuw"]["organisation_name"] == "Nieuw Vervoer BV"
    assert by_name["Eva Nieuw"]["organisation_id"]
    assert by_name["Jan Weg"]["attendance"] == "no_show"
    assert all(r["status"] == "registered" and r["via"] == "import" for r in listed)
    # no seat of the future activity taken, and no email sent
    assert registrations.list_for_activity(users["organiser"], world["future"]["id"]) == []
    assert outbox_count() == before_emails

    history = registrations.participation(users["steering"], world["known"]["id"])
    assert [(h["activity_id"], h["attendance"]) for h in history] == [(world["past"]["id"], "present")]
    # the organisations' stored last activity (the dormant list) was kept current by the import
    assert followup.refresh_last_activity() == 0

    after = graph_state()
    report2, result2, _ = run_import(coordinator, data, "attendances", name="aanwezig.csv")
    assert (report2["create"], report2["update"], report2["unchanged"]) == (0, 0, 3)
    assert (report2["people_create"], report2["organisations_create"], report2["links_create"]) == (0, 0, 0)
    assert result2["create"] == 0 and result2["update"] == 0
    assert graph_state() == after  # nothing written, not even updated_at


def test_an_existing_registration_is_updated_not_doubled(world, users):
    """Someone registered by an organiser (then the activity passed) and marked present by the file."""
    coordinator = users["coordinator"]
    act = make(users["organiser"], "Beurs Zwolle", 3)
    [outcome] = registrations.register_people(users["organiser"], act["id"], [world["known"]["id"]], "test")
    activities.update(users["organiser"], act["id"], {"starts_at": local(-3), "ends_at": local(-3, 17),
                                                      "registration_closes": ""}, via="test")
    data = csv_file([["Activiteit id", "E-mail", "Achternaam", "Attended"],
                     [act["id"], "piet@bekend.nl", "Bekend", "yes"]])
    report, result, _ = run_import(coordinator, data, "attendances")
    assert (report["create"], report["update"], report["unchanged"]) == (0, 1, 0)
    listed = registrations.list_for_activity(users["organiser"], act["id"])
    assert [(r["id"], r["attendance"]) for r in listed] == [(outcome.registration["id"], "present")]
    report, _, _ = run_import(coordinator, data, "attendances")
    assert (report["create"], report["update"], report["unchanged"]) == (0, 0, 1)


def test_by_id_a_future_activity_fails_naming_the_id_column(world, users):
    data = csv_file([["Event ID", "Name", "Email"], [world["future"]["id"], "Ann Smith", "ann@example.com"],
                     ["nope", "Bob Smith", "bob@example.com"]])
    job = service.analyse(service.create_job(users["coordinator"], "a.csv", data, "attendances", "test").id)
    errors = [(e.line, e.field, e.column) for e in service.errors_of(job)]
    assert errors == [(2, "activity_id", "Event ID"), (3, "activity_id", "Event ID")]
    assert json.loads(job.report)["create"] == 0


def test_cli_imports_attendances(world, users, tmp_path, capsys):
    path = tmp_path / "aanwezig.csv"
    path.write_text(f"Name,Email,Event,Date,Status\nAnn Smith,ann@example.com,Logistiek café maart,{day(-10)},"
                    f"present\n", encoding="utf-8-sig")
    assert cli.main(["import", str(path), "--kind", "attendances", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "create: 1  update: 0  unchanged: 0" in out and "people to create: 1" in out
    assert registrations.list_for_activity(users["organiser"], world["past"]["id"]) == []
    assert cli.main(["import", str(path), "--kind", "attendances"]) == 0
    assert "imported aanwezig.csv" in capsys.readouterr().out
    [reg] = registrations.list_for_activity(users["organiser"], world["past"]["id"])
    assert (reg["name"], reg["attendance"]) == ("Ann Smith", "present")
