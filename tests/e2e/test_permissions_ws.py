"""Every data-changing event of the app, sent by a steering-group user over the app's own
websocket (as a tampered browser could), is refused and changes nothing.

The handlers are found by walking the app's state classes, not listed by hand: a handler
guarded with ``requires(permission)`` carries ``lo_permission``; every guarded handler
whose permission the steering role lacks is sent, on every page whose on_load belongs to
its state, after the draft a person would type (the unguarded form handlers). The same
steps by a role that holds the permission must change the data (positive control), so a
refusal is the guard's doing, not a wrong argument's."""

from __future__ import annotations

import inspect
import itertools
import json
import re
import time
import dataclasses
from dataclasses import dataclass

import pytest

from lo_network.domain.permissions import Permission, allowed, may_open
from tests.e2e.network_state import differences, snapshot
from tests.e2e.reflex_socket import ReflexTab

pytestmark = pytest.mark.e2e

# Handler names that say they change data (first word, or the whole name).
MUTATING = re.compile(
    r"^(save|create|update|change|delete|remove|add|set_role|set_active|deactivate|activate|end|revoke"
    r"|link|unlink|merge|import|restore|reset_password|set_password)(_|$)"
)
REFUSAL = "U heeft geen rechten voor deze actie."
LEAST_ROLE_FIRST = ("coordinator", "organiser", "admin")
# States whose guarded events act on data of their own (not the organisation/person this
# file watches): their positive control is in the named test file; refusal stays here.
OWN_POSITIVE_CONTROL = {"ImportState": "tests/e2e/test_import_page.py",
                        # erases people listed for retention (set back in time there)
                        "RetentionState": "tests/e2e/test_privacy_pages.py"}
SETTLE_SECONDS = 5.0
_serial = itertools.count(1)


@dataclass(frozen=True)
class Case:
    state: type
    handler: str
    permission: Permission
    route: str

    @property
    def event(self) -> str:
        return f"{self.state.get_full_name()}.{self.handler}"

    def __str__(self) -> str:
        return f"{self.state.__name__}.{self.handler} on {self.route}"


# ---------------------------------------------------------------- the app's handlers
def app_states() -> list[type]:
    """Every state class of lo_network (imported with the app, which registers its pages)."""
    import reflex as rx

    found, todo = [], list(rx.State.get_substates())
    while todo:
        cls = todo.pop()
        todo.extend(cls.get_substates())
        if cls.__module__.startswith("lo_network."):
            found.append(cls)
    return sorted(found, key=lambda c: c.get_full_name())


def own_handlers(state: type) -> dict:
    """The handlers a state class defines itself (inherited ones belong to the parent)."""
    return {name: h for name, h in state.event_handlers.items() if name in vars(state)}


def permission_of(handler) -> Permission | None:
    return getattr(handler.fn, "lo_permission", None)


def load_events(app) -> list[tuple[str, str]]:
    """(route, event name) of every page's on_load handlers."""
    out = []
    for route, events in app._load_events.items():
        for event in events:
            handler = getattr(event, "handler", event)
            if getattr(handler, "state_full_name", None):
                out.append(("/" + route.strip("/"), f"{handler.state_full_name}.{handler.fn.__name__}"))
    return out


def page_routes(app) -> dict[str, list[str]]:
    """state full name -> routes whose on_load events belong to that state."""
    out: dict[str, list[str]] = {}
    for route, event in load_events(app):
        out.setdefault(event.rpartition(".")[0], []).append(route)
    return out


def routes_of(state: type, routes: dict[str, list[str]]) -> list[str]:
    """The pages a state's handlers act on: its own on_load's, else its nearest parent's (a
    substate works on the record its parent loaded), else the home page."""
    from lo_network.states.session import HOME_ROUTE

    while state is not None:
        if state.get_full_name() in routes:
            return routes[state.get_full_name()]
        state = state.get_parent_state()
    return [HOME_ROUTE]


@pytest.fixture(scope="module")
def lo_app(app):
    import lo_network.lo_network as app_module

    return app_module.app


@pytest.fixture(scope="module")
def cases(lo_app) -> list[Case]:
    routes = page_routes(lo_app)
    found = []
    for state in app_states():
        for name, handler in own_handlers(state).items():
            permission = permission_of(handler)
            if permission is None or allowed("steering", permission):
                continue
            for route in sorted(set(routes_of(state, routes))):
                found.append(Case(state, name, permission, route))
    return found


# ---------------------------------------------------------------- people and data
@pytest.fixture(scope="module")
def session_cookie(app):
    """A login session per role, started as the login page does (token in the lo_session cookie)."""
    from lo_network.services import accounts as service

    def cookie(role: str) -> dict[str, str]:
        account = app.accounts[role]
        return {"lo_session": service.start_session(service.authenticate(account.email, account.password))}

    return cookie


@dataclass
class Targets:
    organisation_id: str
    person_id: str
    employment_id: str
    user_id: int
    user_email: str
    serial: int
    network: dict = dataclasses.field(default_factory=dict)  # tests/e2e/network_targets.py
    activity_id: str = ""       # an activity under way (started an hour ago), the person registered
    registration_id: str = ""
    other_person_id: str = ""   # a person not yet registered for it
    milestone_id: str = ""      # the activity is a project: a milestone of it


def fresh_targets(admin) -> Targets:
    """A new organisation, a person working there and an organiser account: what the
    events act on (a delete in one case does not take another case's data away)."""
    from lo_network.services import accounts
    from lo_network.services import organisations, people

    n = next(_serial)
    org = organisations.create(admin, {"name": f"E2E Doelwit {n} BV", "kind": "company", "kvk": f"{70000000 + n}",
                                       "city": "Deventer", "status": "participant"}, via="e2e")
    person = people.create(admin, {"first_name": "Doel", "last_name": f"Wit {n}", "email": f"doel{n}@example.nl",
                                   "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"},
                           via="e2e", employment={"organisation_id": org["id"], "role": "Planner"})
    employment_id = people.get(admin, person["id"])["employments"][0]["id"]
    user = accounts.create_user(f"e2e-target-{n}@test.example", "e2e-target-password", "organiser")
    from tests.e2e.network_targets import network_targets
    from tests.e2e.privacy_targets import privacy_targets

    network = network_targets(admin, org["id"], person["id"], n)
    for key, value in privacy_targets(admin, person["id"]).items():
        network[key] = network.get(key, {}) | value if isinstance(value, dict) else network.get(key, []) + value
    from tests.e2e.followup_targets import followup_targets  # follow-up notes

    for key, value in followup_targets(admin, org["id"], n).items():
        network[key] = network.get(key, {}) | value if isinstance(value, dict) else network.get(key, []) + value
    from lo_network.services import grants  # a grant to the organisation, for its remove event

    grant = grants.add(admin, org["id"], {"amount": "2500", "granted_on": "01-03-2025",
                                          "description": f"Steun {n}"}, via="e2e")
    network.setdefault("arguments", {})["grant_id"] = grant["id"]
    activity_id, registration_id, other_id = activity_targets(admin, n, person["id"])
    targets = Targets(org["id"], person["id"], employment_id, user.id, user.email, n, network,
                      activity_id, registration_id, other_id)
    targets.milestone_id = project_targets(admin, targets)
    return targets


def activity_targets(admin, n: int, person_id: str) -> tuple[str, str, str]:
    """An activity that started an hour ago (so no-shows may be marked), the target
    person registered for it, and another person to register."""
    from datetime import datetime, timedelta

    from lo_network.domain.activities import TZ
    from lo_network.services import activities, people, registrations

    now = datetime.now(TZ)
    activity = activities.create(admin, {
        "title": f"E2E Activiteit {n}", "kind": "project", "visibility": "public", "capacity": "20",
        "starts_at": (now - timedelta(hours=1)).strftime("%d-%m-%Y %H:%M"),
        "ends_at": (now + timedelta(days=2)).strftime("%d-%m-%Y %H:%M")}, via="e2e")
    registrations.register_people(admin, activity["id"], [person_id], via="e2e")
    registration = registrations.register_contact(  # with an organisation to confirm (coordinator)
        admin, activity["id"], {"name": f"Gast {n}", "email": f"gast{n}@example.nl",
                                "organisation_name": f"Voorgesteld {n} BV"}, via="e2e").registration
    other = people.create(admin, {"first_name": "Ander", "last_name": f"Mens {n}",  # a basis to be invited
                                  "consent_basis": "legitimate_interest", "consent_date": "01-01-2024"}, via="e2e")
    return activity["id"], registration["id"], other["id"]


def project_targets(admin, t: "Targets") -> str:
    """The target activity is a project: the target organisation is its partner, with a milestone."""
    from lo_network.services import activities

    activities.set_partner(admin, t.activity_id, t.organisation_id, "partner", via="e2e")
    return activities.add_milestone(admin, t.activity_id, {"title": f"Mijlpaal {t.serial}", "due": "01-01-2027"},
                                    via="e2e")["id"]


def draft(t: Targets) -> dict[str, str]:
    """What a person types into a form: valid for an organisation, a person or an account."""
    return {
        "name": f"E2E Nieuw {t.serial} BV", "kind": "company", "company_type": "carrier", "kvk": "",
        "city": "Zwolle", "status": "partner", "first_name": "Nieuw", "last_name": f"Persoon {t.serial}",
        "email": f"e2e-new-{t.serial}@test.example", "job_title": "Directeur", "role": "admin",
        "password": "e2e-new-password-123", "since": "01-01-2024",
    }


def argument(name: str, case: Case, t: Targets):
    """A plausible value for a handler parameter, by its name."""
    by_name = {
        "organisation_id": t.organisation_id, "org_id": t.organisation_id, "person_id": t.person_id,
        "employment_id": t.employment_id, "job_id": t.employment_id, "user_id": t.user_id,
        "email": t.user_email, "role": "admin", "active": False,
        "files": [], "fmt": "csv",
        "registration_id": t.registration_id, "activity_id": t.activity_id, "milestone_id": t.milestone_id,
    } | t.network.get("arguments", {})
    if name in by_name:
        return by_name[name]
    if name in ("form_data", "form", "data", "values", "changes"):
        return draft(t)
    raise LookupError(f"{case}: no plausible value known for parameter {name!r}; teach test_permissions_ws.argument")


def payload(case: Case, t: Targets) -> dict:
    params = inspect.signature(case.state.event_handlers[case.handler].fn).parameters
    return {name: argument(name, case, t) for name, p in params.items()
            if name != "self" and p.default is inspect.Parameter.empty}


def route_params(route: str, t: Targets) -> dict[str, str]:
    """Values for the route's [segments]: an organisation, person or account by the route's area."""
    area = route.strip("/").split("/")[0]
    value = {"organisaties": t.organisation_id, "personen": t.person_id, "gebruikers": str(t.user_id),
             "activiteiten": t.activity_id}.get(area, "")
    return {m: value for m in re.findall(r"\[(\w+)\]", route)}


def open_tab(app, cookie: dict, case: Case, t: Targets) -> ReflexTab:
    params = route_params(case.route, t)
    path = re.sub(r"\[(\w+)\]", lambda m: params[m.group(1)], case.route)
    return ReflexTab(app.base_url, cookie, path, params)


def draft_steps(t: Targets) -> list[tuple[str, dict]]:
    """The unguarded handlers the pages bind to form controls, with what a person would
    enter: they only keep a draft in the state, the guarded event is what stores it."""
    steps = [
        ("open_job", {"mode": "end", "job_id": t.employment_id}),
        ("pick_organisation", {"organisation_id": t.organisation_id, "name": f"E2E Doelwit {t.serial} BV"}),
        ("set_new_role", {"role": "admin"}),
    ]
    for setter in ("set_value", "set_job_value"):
        steps += [(setter, {"field": field, "value": value}) for field, value in draft(t).items()]
    steps += activity_draft_steps(t)
    return steps + t.network.get("draft_steps", [])


def activity_draft_steps(t: Targets) -> list[tuple[str, dict]]:
    """An activity form, a person picked to register, a walk-in at the door."""
    from datetime import datetime, timedelta

    from lo_network.domain.activities import TZ

    start = (datetime.now(TZ) + timedelta(days=14)).replace(hour=10, minute=0)
    activity = {"title": f"E2E Nieuwe activiteit {t.serial}", "kind": "trade_mission", "visibility": "public",
                "capacity": "30", "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (start + timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M")}
    return ([("set_activity_value", {"field": f, "value": v}) for f, v in activity.items()]
            + [("look_up_people", {"text": f"Mens {t.serial}"}),
               ("choose_person", {"person_id": t.other_person_id}),
               ("set_walk_in", {"field": "name", "value": f"Binnen Loper {t.serial}"}),
               ("pick_partner", {"organisation_id": t.organisation_id, "name": f"E2E Doelwit {t.serial} BV"}),
               ("set_partner_role", {"role": "funder"}),
               ("set_milestone_value", {"field": "title", "value": f"Nieuwe mijlpaal {t.serial}"}),
               ("set_milestone_value", {"field": "due", "value": "01-06-2027"}),
               ("set_grant_value", {"field": "amount", "value": "1.250,50"}),
               ("set_grant_value", {"field": "granted_on", "value": "01-03-2025"})])


def act(tab: ReflexTab, case: Case, t: Targets) -> list[dict]:
    """The person's steps: fill the form (where the state keeps a draft), then the event."""
    for name, args in draft_steps(t):
        handler = case.state.event_handlers.get(name)
        if handler is not None and permission_of(handler) in (None, Permission.VIEW):
            tab.emit(f"{case.state.get_full_name()}.{name}", args)
    return tab.send(case.event, payload(case, t))


def watch(t: Targets) -> tuple[list[str], list[str]]:
    return [t.organisation_id, *t.network.get("organisations", [])], [t.person_id, *t.network.get("people", [])]


def changed_within(admin, before: dict, t: Targets, seconds: float) -> list[str]:
    deadline = time.monotonic() + seconds
    while True:
        diff = differences(before, snapshot(admin, *watch(t)))
        if diff or time.monotonic() > deadline:
            return diff
        time.sleep(0.2)


# ---------------------------------------------------------------- the tests
def test_every_mutating_handler_is_guarded(lo_app):
    """A handler named like a change must carry requires(...) with more than view rights."""
    unguarded = [
        f"{state.__name__}.{name}: {permission_of(handler) or 'no requires(...)'}"
        for state in app_states()
        for name, handler in own_handlers(state).items()
        if MUTATING.match(name) and (permission_of(handler) is None or permission_of(handler) == Permission.VIEW)
    ]
    assert not unguarded, "data-changing handlers without a write permission:\n" + "\n".join(unguarded)


def test_the_walk_finds_the_known_guarded_handlers(cases):
    """The state walk sees the app's handlers (a broken walk would make the next test pass vacuously)."""
    names = {f"{c.state.__name__}.{c.handler}" for c in cases}
    assert {"OrganisationState.save", "OrganisationState.delete"} <= names, sorted(names)
    assert {"ActivityState.save", "ActivityState.delete", "ActivityRegistrations.register_chosen",
            "ActivityRegistrations.cancel_registration", "CheckInState.mark_present", "CheckInState.undo_present",
            "CheckInState.add_walk_in", "CheckInState.mark_no_shows", "ActivityRegistrations.confirm_organisation",
            "ActivityProject.add_partner", "ActivityProject.remove_partner", "ActivityProject.add_milestone",
            "ActivityProject.toggle_milestone", "ActivityProject.delete_milestone"
            } <= names, sorted(names)
    assert {"FollowUpState.save_note", "FollowUpNotesState.add_note", "FollowUpNotesState.set_done"} <= names
    assert {"RetentionState.load", "RetentionState.erase_selected",
            "PersonPrivacyState.erase_person"} <= names, sorted(names)


def send_as(app, admin, case: Case, cookie: dict) -> tuple[list[str], str]:
    """Take the case's steps with ``cookie``; what changed, and the app's answer as text."""
    t = fresh_targets(admin)
    before = snapshot(admin, *watch(t))
    with open_tab(app, cookie, case, t) as tab:
        updates = act(tab, case, t)
    time.sleep(0.3)  # room for work the handler might have started in the background
    return changed_within(admin, before, t, 0), json.dumps(updates, ensure_ascii=False)


def test_steering_user_is_refused_every_guarded_event(app, admin, cases, session_cookie, subtests):
    steering = session_cookie("steering")
    for case in cases:
        with subtests.test(msg=f"steering: {case}"):
            diff, answer = send_as(app, admin, case, steering)
            assert not diff, f"{case} as steering changed: {diff}"
            # on a page the role may not open, the page's no-access banner says it, without a toast
            assert REFUSAL in answer or not may_open("steering", case.route), (
                f"{case} as steering: no refusal shown; the app answered {answer[-1500:]}")


def test_visitor_without_session_is_sent_to_login_by_every_guarded_event(app, admin, cases, subtests):
    for case in cases:
        with subtests.test(msg=f"no session: {case}"):
            diff, answer = send_as(app, admin, case, {})
            assert not diff, f"{case} without a session changed: {diff}"
            assert re.search(r'"_redirect".*"/login\?next=', answer), (
                f"{case} without a session: not sent to the login page; the app answered {answer[-1500:]}"
            )


def test_the_same_events_change_data_for_a_role_that_may(app, lo_app, admin, cases, session_cookie, subtests):
    """Positive control: each guarded action changes data on at least one of its pages
    (delete does nothing on the 'new' form, for instance) when the role allows it.
    On_load handlers only show data; their refusal is checked above."""
    loads = {event for _, event in load_events(lo_app)}
    actions = [c for c in cases if c.event not in loads and c.state.__name__ not in OWN_POSITIVE_CONTROL]
    for (state, handler), group in itertools.groupby(actions, key=lambda c: (c.state, c.handler)):
        group = list(group)
        role = next(r for r in LEAST_ROLE_FIRST if allowed(r, group[0].permission))
        with subtests.test(msg=f"{role}: {state.__name__}.{handler}"):
            answers = {}
            for case in group:
                t = fresh_targets(admin)
                before = snapshot(admin, *watch(t))
                with open_tab(app, session_cookie(role), case, t) as tab:
                    answer = json.dumps(act(tab, case, t), ensure_ascii=False)
                assert REFUSAL not in answer, f"{case} as {role} was refused: {answer[-1500:]}"
                if changed_within(admin, before, t, SETTLE_SECONDS):
                    break
                answers[case.route] = answer[-800:]
            else:
                pytest.fail(f"{state.__name__}.{handler} as {role} changed nothing on any of its pages: {answers}")
