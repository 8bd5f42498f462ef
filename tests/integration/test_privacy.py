"""Consent records, the map's respect for them, access requests and erasure, on
the real embedded graph and SQLite, through the services, the API and the CLI."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from lo_network import cli
from lo_network.api.app import create_api
from lo_network.domain import consent as consent_domain
from lo_network.domain.errors import NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import consent, ecosystem, links, organisations, people, privacy
from lo_network.services import audit as audit_service
from lo_network.services.accounts import create_api_token
from lo_network.sqlstore import audit as log
from lo_network.sqlstore import sql
from lo_network.sqlstore.models import AuditEntry

TODAY = date.today()


@pytest.fixture
def anna(graph, users):
    admin = users["admin"]
    tag = uuid.uuid4().hex[:6]
    org = organisations.create(admin, {"name": f"Privacy {tag} BV", "kind": "company", "region": "twente"}, via="ui")
    digits = f"{uuid.uuid4().int % 10**8:08d}"
    person = people.create(admin, {"first_name": "Anna", "last_name": f"Geheim{tag}", "email": f"anna{tag}@example.nl",
                                   "phone": f"06 {digits}", "job_title": "Planner", "notes": f"houdt van fietsen {tag}"},
                           via="ui", employment={"organisation_id": org["id"], "role": f"Hoofd planning {tag}",
                                                 "since": "01-01-2020"})
    return org, person


# ---------------------------------------------------------------- consent (domain)
def test_consent_validation_names_each_bad_field():
    with pytest.raises(ValidationError) as caught:
        consent_domain.validate({"purpose": "spam", "basis": "none", "date": "", "withdrawn": "x"})
    assert set(caught.value.errors) == {"purpose", "basis", "date", "withdrawn"}
    with pytest.raises(ValidationError) as caught:
        consent_domain.validate({"purpose": "newsletter", "basis": "consent", "date": "02-02-2024",
                                 "withdrawn": "01-02-2024"})
    assert set(caught.value.errors) == {"withdrawn"}
    ok = consent_domain.validate({"purpose": "newsletter", "basis": "consent", "date": "2-2-2024", "source": " web "})
    assert ok == {"purpose": "newsletter", "basis": "consent", "date": "2024-02-02", "source": "web", "withdrawn": None}


@pytest.mark.parametrize("records, general, expected", [
    ([], "none", False), ([], "", False), ([], "legitimate_interest", True),
    ([{"purpose": "directory", "withdrawn": None}], "none", True),
    ([{"purpose": "directory", "withdrawn": "2000-01-01"}], "consent", False),  # withdrawn beats the general basis
    ([{"purpose": "newsletter", "withdrawn": None}], "none", False),  # another purpose
    ([{"purpose": "directory", "withdrawn": "2000-01-01"}, {"purpose": "directory", "withdrawn": None}], "none", True),
    ([{"purpose": "directory", "withdrawn": (TODAY + timedelta(days=3)).isoformat()}], "none", True),
])
def test_has_basis(records, general, expected):
    assert consent_domain.has_basis(records, "directory", general) is expected


# ---------------------------------------------------------------- consent (service, graph)
def test_consent_records_are_kept_in_the_graph_and_audited(anna, users):
    _, person = anna
    coordinator = users["coordinator"]
    cid = consent.add(coordinator, person["id"], {"purpose": "newsletter", "basis": "consent",
                                                  "date": "01-03-2024", "source": "aanmelding website"}, via="ui")
    [record] = consent.list_for(coordinator, person["id"])
    assert consent.list_for(users["steering"], person["id"]) == []  # no basis for the directory: not shown
    assert (record["id"], record["purpose"], record["basis"], record["date"], record["withdrawn"]) == (
        cid, "newsletter", "consent", "2024-03-01", None)
    consent.withdraw(coordinator, person["id"], cid, via="api")
    assert consent.list_for(coordinator, person["id"])[0]["withdrawn"] == TODAY.isoformat()
    entries = audit_service.history(users["admin"], "consent", cid)
    assert [e.action for e in entries] == ["update", "create"]
    withdrawn = ("withdrawn", "", TODAY.strftime("%d-%m-%Y"))  # the date as the page shows it
    assert {(c.field, c.before, c.after) for c in entries[0].changes} == {withdrawn}
    with pytest.raises(PermissionDenied):
        consent.add(users["steering"], person["id"], {"purpose": "newsletter", "basis": "consent", "date": "1-1-2024"},
                    via="ui")
    with pytest.raises(NotFound):
        consent.add(coordinator, "no-such-person", {"purpose": "newsletter", "basis": "consent", "date": "1-1-2024"},
                    via="ui")
    with pytest.raises(ValidationError) as caught:
        consent.update(coordinator, person["id"], cid, {"purpose": "directory"}, via="ui")
    assert set(caught.value.errors) == {"purpose"}


def test_the_map_hides_people_without_a_basis_to_be_shown(anna, users):
    org, person = anna
    viewer = users["steering"]
    ids = lambda: {n["id"] for n in ecosystem.network(viewer, {})["nodes"]}  # noqa: E731
    ego = lambda: {n["id"] for n in ecosystem.ego(viewer, org["id"], 1)["nodes"]}  # noqa: E731
    assert org["id"] in ids() and person["id"] not in ids() and person["id"] not in ego()  # no basis at all
    cid = consent.add(users["coordinator"], person["id"], {"purpose": "directory", "basis": "legitimate_interest",
                                                           "date": "01-01-2024"}, via="ui")
    assert person["id"] in ids() and person["id"] in ego()
    consent.withdraw(users["coordinator"], person["id"], cid, via="ui")
    assert person["id"] not in ids() and person["id"] not in ego()
    assert consent.allowed_people([person["id"]], "directory") == set()


def test_consent_over_the_api(anna, users):
    _, person = anna
    headers = {"Authorization": f"Bearer {create_api_token(users['coordinator'].email)}"}
    steering = {"Authorization": f"Bearer {create_api_token(users['steering'].email)}"}
    with TestClient(create_api()) as client:
        url = f"/api/v1/people/{person['id']}/consents"
        bad = client.post(url, json={"purpose": "spam", "basis": "consent"}, headers=headers)
        assert bad.status_code == 422 and {"purpose", "date"} <= set(bad.json()["errors"])
        assert client.post(url, json={"purpose": "invitations", "basis": "consent", "date": "01-01-2025"},
                           headers=steering).status_code == 403
        made = client.post(url, json={"purpose": "invitations", "basis": "consent", "date": "01-01-2025"},
                           headers=headers)
        assert made.status_code == 201
        cid = made.json()[0]["id"]
        changed = client.patch(f"{url}/{cid}", json={"withdrawn": "02-01-2025"}, headers=headers)
        assert changed.status_code == 200 and changed.json()[0]["withdrawn"] == "2025-01-02"
        assert client.get(url, headers=headers).json()[0]["purpose"] == "invitations"
        assert client.get(url, headers=steering).json() == []  # no basis for the directory: not shown


# ---------------------------------------------------------------- access request
def test_the_access_report_holds_everything_about_the_person(anna, users):
    org, person = anna
    admin = users["admin"]
    friend = people.create(admin, {"first_name": "Bert", "last_name": "Vriend"}, via="ui")
    links.add(admin, "person", person["id"], friend["id"], {"type": "knows", "note": "kennen elkaar"}, via="ui")
    consent.add(admin, person["id"], {"purpose": "newsletter", "basis": "consent", "date": "01-03-2024"}, via="ui")
    people.update(users["coordinator"], person["id"], {"job_title": "Directeur"}, via="api")
    with pytest.raises(PermissionDenied):
        privacy.access_report(users["coordinator"], person["id"], via="ui")
    report = privacy.access_report(admin, person["id"], via="ui")
    assert report["person"]["email"] == person["email"] and report["person"]["job_title"] == "Directeur"
    assert [w["organisation_id"] for w in report["employments"]] == [org["id"]]
    assert [(l["other_id"], l["note"]) for l in report["links"]] == [(friend["id"], "kennen elkaar")]
    assert [c["purpose"] for c in report["consents"]] == ["newsletter"]
    actions = [(e["entity"], e["action"]) for e in report["audit"]]
    assert {("person", "create"), ("person", "update"), ("person_link", "create"), ("consent", "create")} <= set(actions)
    json.dumps(report)  # JSON-able as it is
    page = privacy.report_html(report)
    assert "<h1>Inzageverzoek" in page and person["email"] in page and "Directeur" in page
    [asked] = log.search(entity="privacy", entity_id=person["id"], action="access_request")[0]
    assert person["email"] not in asked.after and "Anna" not in asked.after


def test_cli_privacy_export_writes_json_and_html(anna, tmp_path, capsys):
    _, person = anna
    html_file = tmp_path / "inzage.html"
    assert cli.main(["privacy", "export", person["id"], "--html", str(html_file)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["person"]["id"] == person["id"]
    assert person["email"] in html_file.read_text()


# ---------------------------------------------------------------- erasure
def test_erasure_anonymises_graph_and_audit_and_keeps_counts(anna, users):
    org, person = anna
    admin = users["admin"]
    tag = person["last_name"][-6:]
    consent.add(admin, person["id"], {"purpose": "newsletter", "basis": "consent", "date": "01-03-2024",
                                      "source": f"beurs Zwolle {tag}"}, via="ui")
    people.update(admin, person["id"], {"phone": "+31 " + person["phone"][3:]}, via="ui")
    people_at_org = organisations.get(admin, org["id"])
    with pytest.raises(PermissionDenied):
        privacy.erase(users["coordinator"], person["id"], via="ui", confirm=person["name"])
    with pytest.raises(ValidationError) as caught:
        privacy.erase(admin, person["id"], via="ui", confirm="iemand anders")
    assert set(caught.value.errors) == {"confirm"}
    assert people.get(admin, person["id"])["email"] == person["email"]  # nothing changed yet

    result = privacy.erase(admin, person["id"], via="ui", confirm=person["name"].upper())
    assert result["consents"] == 1 and result["audit_entries_redacted"] >= 3
    after = people.get(admin, person["id"])
    assert after["name"] == privacy.ERASED_NAME and after["email"] == "" and after["phone"] == ""
    assert after["notes"] == "" and after["job_title"] == "" and after["first_name"] == ""
    assert [w["organisation_id"] for w in after["employments"]] == [org["id"]]  # the count stays
    assert after["employments"][0]["role"] is None
    assert organisations.get(admin, org["id"]).get("people_count", None) == people_at_org.get("people_count", None)
    assert consent.list_for(admin, person["id"]) == []
    personal = [person["email"], person["last_name"], person["phone"], "+31 " + person["phone"][3:],
                person["notes"], f"beurs Zwolle {tag}", f"Hoofd planning {tag}"]
    with sql.session() as db:
        texts = [e.before + e.after for e in db.exec(select(AuditEntry))]
    leaks = [p for p in personal if any(p in t for t in texts)]
    assert leaks == []
    erased = log.search(entity="privacy", entity_id=person["id"], action="erase")[0]
    assert len(erased) == 1 and erased[0].actor == admin.email
    with pytest.raises(ValidationError):  # once is final
        privacy.erase(admin, person["id"], via="ui", confirm=privacy.ERASED_NAME)
    assert people.list_page(admin, {"text": person["last_name"]}).total == 0


def test_cli_privacy_erase_needs_yes(anna, capsys, monkeypatch):
    _, person = anna
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert cli.main(["privacy", "erase", person["id"]]) != 0
    assert cli.main(["privacy", "erase", person["id"], "--yes"]) == 0
    assert "erased" in capsys.readouterr().out


# ---------------------------------------------------------------- retention
def test_retention_lists_only_people_without_basis_or_recent_ties_and_erases_them(graph, users):
    admin = users["admin"]
    tag = uuid.uuid4().hex[:6]
    org = organisations.create(admin, {"name": f"Bewaar {tag} BV", "kind": "company"}, via="ui")
    quiet = people.create(admin, {"first_name": "Stil", "last_name": tag}, via="ui")
    basis = people.create(admin, {"first_name": "Grond", "last_name": tag, "consent_basis": "contract",
                                  "consent_date": "01-01-2020"}, via="ui")
    consented = people.create(admin, {"first_name": "Toe", "last_name": tag}, via="ui")
    consent.add(admin, consented["id"], {"purpose": "newsletter", "basis": "consent", "date": "01-01-2020"}, via="ui")
    working = people.create(admin, {"first_name": "Werk", "last_name": tag}, via="ui",
                            employment={"organisation_id": org["id"], "since": "01-01-2020"})
    later = TODAY.replace(year=TODAY.year + 8)  # eight years on, nothing has changed
    ids = lambda **kw: {c["id"] for c in privacy.retention_candidates(admin, **kw)}  # noqa: E731
    assert ids(years=7, today=later) == {quiet["id"]}
    assert ids(years=7) == set()  # today everyone is recent
    assert ids(years=9, today=later) == set()
    with pytest.raises(PermissionDenied):
        privacy.retention_candidates(users["coordinator"])
    done = privacy.erase_many(admin, [quiet["id"], basis["id"], working["id"]], via="ui", years=7, today=later)
    assert done == [quiet["id"]]
    assert people.get(admin, quiet["id"])["name"] == privacy.ERASED_NAME
    assert people.get(admin, basis["id"])["name"] == basis["name"]
    assert ids(years=7, today=later) == set()  # erased people are not listed again


def test_cli_privacy_retention_lists_and_refuses_bulk_erase_without_yes(graph, sql_db, capsys):
    assert cli.main(["privacy", "retention", "--years", "3"]) == 0
    assert "people without basis or activity" in capsys.readouterr().out
    assert cli.main(["privacy", "retention", "--years", "3", "--erase"]) != 0


def test_access_request_over_the_api_is_for_admins(anna, users):
    _, person = anna
    with TestClient(create_api()) as client:
        url = f"/api/v1/people/{person['id']}/access-request"
        for role, status in (("coordinator", 403), ("steering", 403), ("admin", 200)):
            answer = client.get(url, headers={"Authorization": f"Bearer {create_api_token(users[role].email)}"})
            assert answer.status_code == status, (role, answer.text)
        assert answer.json()["person"]["email"] == person["email"]
        assert client.get("/api/v1/people/nobody/access-request", headers={
            "Authorization": f"Bearer {create_api_token(users['admin'].email)}"}).status_code == 404


def test_view_only_roles_list_only_people_with_a_basis_for_the_directory(graph, users):
    admin = users["admin"]
    tag = uuid.uuid4().hex[:6]
    none = people.create(admin, {"first_name": "Geen", "last_name": f"Lijst{tag}"}, via="ui")
    general = people.create(admin, {"first_name": "Algemeen", "last_name": f"Lijst{tag}",
                                    "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"}, via="ui")
    record = people.create(admin, {"first_name": "Record", "last_name": f"Lijst{tag}"}, via="ui")
    consent.add(admin, record["id"], {"purpose": "directory", "basis": "consent", "date": "01-01-2024"}, via="ui")
    withdrawn = people.create(admin, {"first_name": "Ingetrokken", "last_name": f"Lijst{tag}",
                                      "consent_basis": "consent", "consent_date": "01-01-2024"}, via="ui")
    cid = consent.add(admin, withdrawn["id"], {"purpose": "directory", "basis": "consent", "date": "01-01-2024"},
                      via="ui")
    consent.withdraw(admin, withdrawn["id"], cid, via="ui")
    everyone = {none["id"], general["id"], record["id"], withdrawn["id"]}
    for role in ("admin", "coordinator"):
        page = people.list_page(users[role], {"text": f"lijst{tag}"})
        assert {p["id"] for p in page.items} == everyone and page.total == 4
    for role in ("steering", "organiser"):
        page = people.list_page(users[role], {"text": f"lijst{tag}"})
        assert {p["id"] for p in page.items} == {general["id"], record["id"]} and page.total == 2
    assert people.list_page(users["steering"], {}).total == len(
        consent.allowed_people([p["id"] for p in people.list_page(admin, {}, page_size=100).items], "directory"))


def test_the_person_history_holds_the_consent_changes(anna, users):
    _, person = anna
    cid = consent.add(users["coordinator"], person["id"], {"purpose": "newsletter", "basis": "consent",
                                                           "date": "01-03-2024"}, via="ui")
    consent.withdraw(users["coordinator"], person["id"], cid, via="ui")
    entries = audit_service.person_history(users["coordinator"], person["id"])
    assert [(e.entity, e.action) for e in entries] == [("consent", "update"), ("consent", "create"), ("person", "create")]
