"""Invitations only to people with a basis for them; people exports and attendee
exports follow the people lists' rule (services.consent.directory_only). Real embedded
graph over Bolt, real SQLite, the API through its ASGI app, the CLI through main()."""

from __future__ import annotations

import io
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from starlette.testclient import TestClient

from lo_network import cli
from lo_network.api.app import create_api
from lo_network.domain.errors import ValidationError
from lo_network.services import activities, consent, exports, people, registrations
from lo_network.services.accounts import create_api_token

TZ = ZoneInfo("Europe/Amsterdam")


def local(days: int, hour: int = 9) -> str:
    when = (datetime.now(TZ) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return when.strftime("%d-%m-%Y %H:%M")


@pytest.fixture
def crowd(graph, users):
    """Four people of one tag: general basis; consent record for invitations and directory;
    no basis at all; a basis withdrawn for both purposes."""
    admin = users["admin"]
    tag = uuid.uuid4().hex[:6]

    def person(first: str, **extra) -> dict:
        return people.create(admin, {"first_name": first, "last_name": f"Regel{tag}",
                                     "email": f"{first.lower()}.{tag}@regel.example"} | extra, via="test")

    general = person("Algemeen", consent_basis="legitimate_interest", consent_date="01-01-2024")
    record = person("Record")
    for purpose in ("invitations", "directory"):
        consent.add(admin, record["id"], {"purpose": purpose, "basis": "consent", "date": "01-01-2024"}, via="test")
    nothing = person("Niets")
    withdrawn = person("Ingetrokken", consent_basis="consent", consent_date="01-01-2024")
    for purpose in ("invitations", "directory"):
        cid = consent.add(admin, withdrawn["id"], {"purpose": purpose, "basis": "consent", "date": "01-01-2024"},
                          via="test")
        consent.withdraw(admin, withdrawn["id"], cid, via="test")
    activity = activities.create(users["organiser"], {
        "title": f"Regeldag {tag}", "kind": "logistics_day", "starts_at": local(5), "ends_at": local(5, 17),
        "visibility": "public", "capacity": "10"}, via="test")
    return {"tag": tag, "general": general, "record": record, "nothing": nothing, "withdrawn": withdrawn,
            "activity": activity}


def test_organisers_invite_only_people_with_a_basis_and_the_refusal_names_them(crowd, users):
    organiser, act = users["organiser"], crowd["activity"]
    everyone = [crowd[k]["id"] for k in ("general", "record", "nothing", "withdrawn")]
    with pytest.raises(ValidationError) as caught:
        registrations.register_people(organiser, act["id"], everyone, via="test")
    message = caught.value.errors["person_ids"]
    # people the organiser may not see (no basis for the directory) are named by the id sent
    assert crowd["nothing"]["id"] in message and crowd["withdrawn"]["id"] in message
    assert crowd["nothing"]["name"] not in message and crowd["withdrawn"]["name"] not in message
    assert crowd["general"]["name"] not in message and crowd["record"]["name"] not in message
    assert registrations.list_for_activity(organiser, act["id"]) == []  # nothing registered, no email
    outcomes = registrations.register_people(organiser, act["id"], everyone[:2], via="test")
    assert [o.outcome for o in outcomes] == ["registered", "registered"]
    # by email: a known person without a basis is refused too; an unknown address is not
    with pytest.raises(ValidationError) as caught:
        registrations.register_contact(organiser, act["id"], {"name": "Wie dan ook", "email": crowd["nothing"]["email"]},
                                       via="test")
    assert crowd["nothing"]["email"] in caught.value.errors["person_ids"]  # the email typed, not the name
    assert registrations.register_contact(organiser, act["id"], {"name": "Nieuw", "email": f"nieuw{crowd['tag']}@x.example"},
                                          via="test").outcome == "registered"
    # registering oneself on the public page gives consent on the form: allowed
    own = registrations.register_public(act["id"], {"name": crowd["nothing"]["name"], "email": crowd["nothing"]["email"],
                                                    "consent": True})
    assert own.outcome == "registered"


def test_the_api_refuses_invitations_without_a_basis_naming_the_people(crowd, users):
    act = crowd["activity"]
    headers = {"Authorization": f"Bearer {create_api_token(users['organiser'].email)}"}
    with TestClient(create_api()) as client:
        answer = client.post(f"/api/v1/activities/{act['id']}/registrations", headers=headers,
                             json={"person_ids": [crowd["general"]["id"], crowd["withdrawn"]["id"]]})
        assert answer.status_code == 422
        assert crowd["withdrawn"]["id"] in answer.json()["errors"]["person_ids"]  # hidden from organisers
        answer = client.post(f"/api/v1/activities/{act['id']}/registrations", headers=headers,
                             json={"person_ids": [crowd["general"]["id"]]})
        assert answer.status_code == 201 and answer.json()[0]["outcome"] == "registered"


def test_the_cli_refuses_invitations_without_a_basis_naming_the_people(crowd, users, capsys):
    act = crowd["activity"]
    assert cli.main(["register", act["id"], crowd["general"]["id"], crowd["nothing"]["id"]]) == 2
    assert crowd["nothing"]["name"] in capsys.readouterr().err
    assert registrations.list_for_activity(users["admin"], act["id"]) == []
    assert cli.main(["register", act["id"], crowd["general"]["id"]]) == 0
    assert "registered" in capsys.readouterr().out


def _names(data: bytes, fmt: str, column: str) -> set[str]:
    frame = (pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str) if fmt == "csv"
             else pd.read_excel(io.BytesIO(data), dtype=str))
    return set(frame[column].dropna())


def test_people_exports_show_whom_the_list_shows(crowd, users):
    text = f"regel{crowd['tag']}"
    for role in ("admin", "coordinator", "steering", "organiser"):
        listed = {p["email"] for p in people.list_page(users[role], {"text": text}).items}
        assert len(listed) == (4 if role in ("admin", "coordinator") else 2), role
        for fmt in ("csv", "xlsx"):
            _, data = exports.people(users[role], {"text": text}, fmt=fmt)
            assert _names(data, fmt, "E-mailadres") == listed, (role, fmt)
    steering = {p["id"] for p in people.list_page(users["steering"], {"text": text}).items}
    assert steering == {crowd["general"]["id"], crowd["record"]["id"]}
    with TestClient(create_api()) as client:
        for role, count in (("steering", 2), ("coordinator", 4)):
            answer = client.get("/api/v1/people/export", params={"format": "csv", "q": text},
                                headers={"Authorization": f"Bearer {create_api_token(users[role].email)}"})
            assert answer.status_code == 200
            assert len(pd.read_csv(io.BytesIO(answer.content), sep=";", encoding="utf-8-sig")) == count, role


def test_the_cli_export_is_complete_for_the_administrator(crowd, tmp_path, capsys):
    out = tmp_path / "mensen.csv"
    assert cli.main(["export", "people", "--q", f"regel{crowd['tag']}", "--out", str(out)]) == 0
    assert len(pd.read_csv(out, sep=";", encoding="utf-8-sig")) == 4


def test_attendee_exports_follow_the_people_lists_rule(crowd, users):
    organiser, act = users["organiser"], crowd["activity"]
    registrations.register_people(organiser, act["id"], [crowd["general"]["id"], crowd["record"]["id"]], via="test")
    registrations.register_public(act["id"], {"name": "Zelf Aangemeld", "email": f"zelf{crowd['tag']}@x.example",
                                              "consent": True})
    # the directory basis is withdrawn after the registration: the person stays registered
    cid = next(c["id"] for c in consent.list_for(organiser, crowd["record"]["id"]) if c["purpose"] == "directory")
    consent.withdraw(users["coordinator"], crowd["record"]["id"], cid, via="test")
    for role, expected in (("coordinator", {crowd["general"]["name"], crowd["record"]["name"], "Zelf Aangemeld"}),
                           ("admin", {crowd["general"]["name"], crowd["record"]["name"], "Zelf Aangemeld"}),
                           ("steering", {crowd["general"]["name"], "Zelf Aangemeld"}),
                           # organisers check their attendees in: they see every one
                           # (domain.permissions.SEES_WITHOUT_BASIS)
                           ("organiser", {crowd["general"]["name"], crowd["record"]["name"], "Zelf Aangemeld"})):
        for fmt in ("csv", "xlsx"):
            data, _, _ = registrations.export(users[role], act["id"], fmt)
            assert _names(data, fmt, "Naam") == expected, (role, fmt)


def test_a_merge_moves_consent_records_and_registrations_and_undo_restores_them(crowd, users):
    from lo_network.services import duplicates

    admin, organiser, act = users["admin"], users["organiser"], crowd["activity"]
    keep, drop = crowd["general"], crowd["record"]
    [outcome] = registrations.register_people(organiser, act["id"], [drop["id"]], via="test")
    records = {c["id"]: c for c in consent.list_for(admin, drop["id"])}
    assert {c["purpose"] for c in records.values()} == {"invitations", "directory"}
    plan = duplicates.preview(admin, "person", keep["id"], drop["id"])
    assert plan["blocking"] == [] and {"CONSENT", "REGISTERED"} <= {r["rel"] for r in plan["moving"]}

    audit_id = duplicates.merge(admin, "person", keep["id"], drop["id"], {}, via="test")
    moved = {c["id"]: c for c in consent.list_for(admin, keep["id"])}
    assert moved == records  # every record, with its id, basis, date and withdrawal
    assert consent.allowed_people([keep["id"]], "invitations") == {keep["id"]}
    assert [p["id"] for p in registrations.participation(admin, keep["id"])] == [outcome.registration["id"]]
    [row] = registrations.list_for_activity(admin, act["id"])
    assert row["person_id"] == keep["id"]

    duplicates.undo(admin, audit_id, via="test")
    assert {c["id"]: c for c in consent.list_for(admin, drop["id"])} == records
    assert consent.list_for(admin, keep["id"]) == []
    [row] = registrations.list_for_activity(admin, act["id"])
    assert row["person_id"] == drop["id"]


# ---------------------------------------------------------------- audit completeness
def test_registrations_and_activity_changes_are_audited_with_before_and_after(crowd, users):
    from lo_network.services import audit as audit_service

    admin, organiser, act = users["admin"], users["organiser"], crowd["activity"]
    assert {"activity", "registration", "import_job"} <= set(audit_service.ENTITIES)
    activities.update(organiser, act["id"], {"capacity": "1"}, via="api")
    first, second = registrations.register_people(organiser, act["id"], [crowd["general"]["id"], crowd["record"]["id"]],
                                                  via="ui")
    assert (first.outcome, second.outcome) == ("registered", "waitlisted")
    registrations.check_in(organiser, act["id"], first.registration["id"], True, via="ui")
    registrations.cancel(organiser, first.registration["id"], via="api")  # the waiting one moves up

    def one(entity_id: str, action: str):
        entries, total = audit_service.search(admin, {"entity": "registration", "entity_id": entity_id, "action": action})
        assert total == 1, (entity_id, action, total)
        return {c.field: (c.before, c.after) for c in entries[0].changes}  # as people read them

    assert one(first.registration["id"], "register")["status"] == ("", "Aangemeld")
    assert one(first.registration["id"], "check_in")["attendance"] == ("", "Aanwezig")
    assert one(first.registration["id"], "cancel")["status"] == ("Aangemeld", "Afgemeld")
    assert one(second.registration["id"], "promote")["status"] == ("Wachtlijst", "Aangemeld")
    [update] = [e for e in audit_service.search(admin, {"entity": "activity", "entity_id": act["id"], "action": "update"})[0]]
    assert {c.field: (c.before, c.after) for c in update.changes}["capacity"] == ("10", "1")
    assert update.via == "api" and update.href == f"/activiteiten/{act['id']}"
    history = audit_service.activity_history(users["steering"], act["id"])
    assert {(e.entity, e.action) for e in history} >= {("activity", "create"), ("activity", "update"),
                                                       ("registration", "register"), ("registration", "promote")}


def test_an_import_writes_an_entry_per_record_via_import(graph, users):
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import audit as audit_service
    from lo_network.services import imports

    admin = users["admin"]
    tag = uuid.uuid4().hex[:6]
    known = people.create(admin, {"first_name": "Kees", "last_name": f"Import{tag}", "email": f"kees{tag}@imp.example"},
                          via="ui")
    text = ("Voornaam;Achternaam;E-mailadres;Functie;Organisatie\n"
            f"Kees;Import{tag};kees{tag}@imp.example;Planner;Import {tag} BV\n"
            f"Nel;Import{tag};nel{tag}@imp.example;;\n")
    job = imports.create_job(CLI_ACTOR, "imp.csv", text.encode("utf-8"), "people", "cli")
    imports.analyse(job.id)
    job = imports.execute(job.id)
    assert job.status == "done"
    entries, _ = audit_service.search(admin, {"text": f'"import_job": {job.id}'}, page_size=100)
    made = {(e.entity, e.action, e.via) for e in entries}
    assert len(entries) == 4  # Kees updated, Nel created, the organisation, Kees's employment
    assert {("person", "create", "import"), ("person", "update", "import"), ("organisation", "create", "import"),
            ("employment", "create", "import")} <= made
    [update] = [e for e in entries if e.via == "import" and e.entity_id == known["id"]]
    changes = {c.field: (c.before, c.after) for c in update.changes}
    assert changes["job_title"] == ("", "Planner") and changes["import_job"] == ("", str(job.id))
    assert update.actor == job.actor
    # the record's own history shows it
    assert "import" in {e.via for e in audit_service.person_history(users["coordinator"], known["id"])}
    summary, total = audit_service.search(admin, {"entity": "import_job", "entity_id": str(job.id)})
    assert total == 1 and summary[0].action == "import"
