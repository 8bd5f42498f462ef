"""The audit log on the real graph and SQLite: search paged in SQL, admins only,
append-only for the application, a record's history with before and after."""

from __future__ import annotations

import inspect
import re
import uuid
from datetime import date, timedelta

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.services import audit as service
from lo_network.services import organisations, people
from lo_network.sqlstore import audit as log


def test_the_application_can_only_append_to_the_audit_log():
    """No function of the log or its service changes or removes an entry."""
    for module in (log, service):
        names = [n for n, f in inspect.getmembers(module, inspect.isfunction) if f.__module__ == module.__name__]
        assert names, module
        forbidden = [n for n in names if any(w in n for w in ("update", "delete", "remove", "edit", "set", "purge",
                                                                 "clear", "erase", "redact"))]
        assert forbidden == [], f"{module.__name__} offers {forbidden}"
    assert {n for n, _ in inspect.getmembers(log, inspect.isfunction)} >= {"record", "for_entity", "search"}


def test_a_record_shows_its_history_with_before_and_after(graph, users):
    admin, steering = users["admin"], users["coordinator"]
    org = organisations.create(admin, {"name": f"Historie {uuid.uuid4().hex[:6]} BV", "kind": "company",
                                       "city": "Zwolle"}, via="ui")
    organisations.update(steering, org["id"], {"city": "Kampen"}, via="api")
    entries = service.history(users["steering"], "organisation", org["id"])
    assert [e.action for e in entries] == ["update", "create"]
    update = entries[0]
    assert (update.actor, update.via) == (steering.email, "api")
    city = [c for c in update.changes if c.field == "city"]
    assert [(c.before, c.after) for c in city] == [("Zwolle", "Kampen")]
    assert all(c.field != "name" for c in update.changes)  # unchanged fields are not shown
    assert re.match(r"\d\d-\d\d-\d{4} \d\d:\d\d:\d\d$", update.at)
    assert update.href == f"/organisaties/{org['id']}"


def test_search_filters_and_pages_in_sql(graph, users):
    admin = users["admin"]
    tag = uuid.uuid4().hex[:8]
    made = [people.create(admin, {"first_name": "Zoek", "last_name": f"{tag} {n}"}, via="cli") for n in range(7)]
    first, total = service.search(admin, {"text": tag, "entity": "person", "action": "create"}, page=1, page_size=3)
    assert total == 7 and len(first) == 3
    third, _ = service.search(admin, {"text": tag, "entity": "person"}, page=3, page_size=3)
    assert len(third) == 1
    ids = {e.entity_id for p in (1, 2, 3) for e in service.search(admin, {"text": tag}, page=p, page_size=3)[0]}
    assert ids == {m["id"] for m in made}
    assert service.search(admin, {"text": tag, "actor": "COORDINATOR@"})[1] == 0
    assert service.search(admin, {"text": tag, "actor": admin.email.split("@")[0].upper()})[1] == 7
    today = date.today()
    assert service.search(admin, {"text": tag, "since": (today - timedelta(days=1)).strftime("%d-%m-%Y"),
                                  "until": (today + timedelta(days=1)).isoformat()})[1] == 7
    assert service.search(admin, {"text": tag, "until": (today - timedelta(days=2)).isoformat()})[1] == 0
    assert service.search(admin, {"text": tag, "action": "delete"})[1] == 0


def test_bad_search_input_names_the_field(users):
    with pytest.raises(ValidationError) as caught:
        service.search(users["admin"], {"since": "31-02-2026", "entity": "spaceship"})
    assert set(caught.value.errors) == {"since", "entity"}
    with pytest.raises(ValidationError) as caught:
        service.search(users["admin"], {"since": "02-03-2026", "until": "01-03-2026"})
    assert set(caught.value.errors) == {"until"}


@pytest.mark.parametrize("role", ["coordinator", "organiser", "steering"])
def test_only_admins_search_the_audit_log(users, role):
    with pytest.raises(PermissionDenied):
        service.search(users[role], {})


def test_employment_changes_keep_before_and_after(graph, users):
    admin = users["admin"]
    org = organisations.create(admin, {"name": f"Werk {uuid.uuid4().hex[:6]} BV", "kind": "company"}, via="ui")
    person = people.create(admin, {"first_name": "Baan", "last_name": "Wissel"}, via="ui",
                           employment={"organisation_id": org["id"], "role": "Planner", "since": "01-01-2020"})
    job = people.get(admin, person["id"])["employments"][0]
    people.update_employment(admin, person["id"], job["id"], {"role": "Hoofd planning"}, via="api")
    entry = service.history(admin, "employment", job["id"])[0]
    assert {(c.field, c.before, c.after) for c in entry.changes} >= {("role", "Planner", "Hoofd planning")}
    people.delete_employment(admin, person["id"], job["id"], via="cli")
    gone = service.history(admin, "employment", job["id"])[0]
    assert gone.action == "delete" and ("role", "Hoofd planning", "") in {(c.field, c.before, c.after) for c in gone.changes}


def test_a_page_number_far_past_the_end_is_an_empty_page(sql_db):
    """Hardening: ?page= comes from the URL; an absurd number must not crash SQL."""
    from lo_network.sqlstore import audit as audit_log

    rows, total = audit_log.search(page=10**30)
    assert rows == [] and total >= 0
