"""Past one process: the built app with two backend workers (REDIS_URL, GRANIAN_WORKERS=2) on
a PostgreSQL and a Redis of the test's own, reached directly and by a browser on another
address through the TLS reverse proxy, as the README's "Several workers" and "PostgreSQL"
sections set it up.

Which worker holds a connection is read from the kernel's tables (tests/e2e/workers.py),
so each test knows that both workers took part, and a test that needs the other worker
reconnects until it lands there. The app is not asked which worker it is."""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from playwright.sync_api import expect

from tests.e2e.app_server import own_web_dir
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, UI_TIMEOUT_MS, login_cookie, running_app
from tests.e2e.reflex_socket import ReflexTab
from tests.e2e.reverse_proxy import ReverseProxy, missing
from tests.e2e.test_crm_flow import create_organisation
from tests.e2e.ui import log_in
from tests.e2e.workers import connections_per_worker, new_connections, tab_port, worker_of
from tests.integration.test_activities import local
from tests.postgres import private_postgres
from tests.redis import private_redis

pytestmark = pytest.mark.e2e

HOST = "crm.lo.test"
WORKERS = 2
PUBLIC_LIMIT = 20  # LO_PUBLIC_RATE_LIMIT of this app: a count the test can reach quickly
TRIES = 40  # connections opened at most to land on a wanted worker


@pytest.fixture(scope="module")
def workers_app(tmp_path_factory):
    """The app with two workers on Redis and PostgreSQL; this process reads the same SQL and graph."""
    with private_postgres() as database_url, private_redis() as redis_url:
        env = {"REDIS_URL": redis_url, "GRANIAN_WORKERS": str(WORKERS), "LO_DATABASE_URL": database_url,
               "LO_PUBLIC_URL": f"https://{HOST}", "LO_PUBLIC_RATE_LIMIT": str(PUBLIC_LIMIT),
               # the frontend is the one test_public_address builds (the same public address):
               # its folder's installed packages serve both, the modules run one after another
               "REFLEX_WEB_WORKDIR": str(own_web_dir("public"))}
        with running_app(tmp_path_factory.mktemp("lo_workers"), env,
                         roles=("coordinator", "organiser", "steering")) as server:
            server.redis_url = redis_url
            yield server


def _port(app) -> int:
    return int(app.env["LO_PORT"])


def _worker(app, tab: ReflexTab) -> int:
    deadline = time.monotonic() + 5
    while (worker := worker_of(app.process.pid, _port(app), tab_port(tab))) is None:
        if time.monotonic() > deadline:
            raise AssertionError("no worker holds the tab's connection")
        time.sleep(0.05)
    return worker


def tab_on(app, cookies: dict, path: str, *, avoid: int | None = None, token: str | None = None,
           params: dict | None = None) -> tuple[ReflexTab, int]:
    """A tab connected to a worker other than ``avoid`` (any, without it), reconnecting as a
    reloaded browser tab does until it lands there; the tab and its worker."""
    landed = Counter()
    for _ in range(TRIES):
        tab = ReflexTab(app.base_url, cookies, path, params, token=token)
        worker = _worker(app, tab)
        if worker != avoid:
            return tab, worker
        landed[worker] += 1
        tab.close()
    raise AssertionError(f"{TRIES} connections all landed on worker {avoid}: {dict(landed)}")


def _state(name: str) -> str:
    """The full name of a page state, as the browser addresses its events and vars."""
    from lo_network.states.dashboard import DashboardState
    from lo_network.states.login import LoginState
    from lo_network.states.organisation_detail import OrganisationState
    from lo_network.states.organisations import OrganisationsState
    from lo_network.states.session import SessionState

    states = (DashboardState, LoginState, OrganisationState, OrganisationsState, SessionState)
    return next(s for s in states if s.__name__ == name).get_full_name()


def _vars(updates: list[dict], state: str) -> dict:
    """The state's vars as the browser holds them after these updates (names without the suffix)."""
    out: dict = {}
    for update in updates:
        out.update({k.removesuffix("_rx_state_"): v for k, v in update.get("delta", {}).get(state, {}).items()})
    return out


def test_two_workers_answer_and_the_app_runs_on_postgresql_and_redis(workers_app):
    import redis
    from sqlalchemy import text

    from lo_network.sqlstore import sql

    seen = Counter()
    for _ in range(12):
        tab, worker = tab_on(workers_app, {}, "/login")
        seen[worker] += 1
        tab.close()
    assert len(seen) == WORKERS, f"12 tabs landed on {dict(seen)}"
    with sql.session() as db:  # the accounts the test made live in the PostgreSQL server
        assert db.exec(text("select count(*) from lo_user")).one()[0] >= 3
    assert sql.engine().dialect.name == "postgresql"
    assert redis.Redis.from_url(workers_app.redis_url).dbsize() > 0  # the tabs' states


def test_a_tab_keeps_its_state_and_login_when_it_reconnects_to_the_other_worker(workers_app):
    """A browser tab whose websocket reconnects (a reload, a dropped network) may land on the
    other worker: its state is in Redis, so it carries on where it was."""
    login_state, session_state = _state("LoginState"), _state("SessionState")
    account = workers_app.accounts["coordinator"]
    first, w1 = tab_on(workers_app, {}, "/login")
    answer = first.send(f"{login_state}.login", {"form_data": {"email": account.email, "password": "not it"}})
    assert _vars(answer, login_state)["error_key"] == "login.failed"
    token = first.token
    first.close()

    # the same tab on the other worker: it still holds the failed attempt's message
    again, w2 = tab_on(workers_app, {}, "/organisaties", avoid=w1, token=token)
    assert w2 != w1
    assert _vars(again.updates, login_state)["error_key"] == "login.failed"
    answer = again.send(f"{login_state}.login", {"form_data": {"email": account.email, "password": account.password}})
    signed_in = _vars(answer, session_state)
    assert signed_in["signed_in"] is True and signed_in["user_email"] == account.email
    cookie = {"lo_session": signed_in["session_token"]}
    again.close()

    # the login session made on the second worker opens pages on the first
    back, worker = tab_on(workers_app, cookie, "/organisaties", avoid=w2)
    assert worker == w1
    page = _vars(back.updates, session_state)
    assert page["signed_in"] is True and page["user_role"] == "coordinator"
    back.close()


def test_a_record_saved_through_one_worker_shows_through_the_other_and_on_its_dashboard(workers_app):
    """The dashboard's facts are cached per worker; a write through the other worker is seen
    at the next view, without "Vernieuwen"."""
    org_state, list_state, dash = _state("OrganisationState"), _state("OrganisationsState"), _state("DashboardState")
    steering = login_cookie(workers_app, "steering")
    viewer, w_view = tab_on(workers_app, steering, "/dashboard")  # that worker caches the facts
    before = _vars(viewer.updates, dash)
    viewer.close()

    name = f"Werker Transport {uuid.uuid4().hex[:6]} BV"
    editor, w_edit = tab_on(workers_app, login_cookie(workers_app, "coordinator"), "/organisaties/nieuw", avoid=w_view)
    for field, value in {"name": name, "kind": "company", "region": "zwolle", "status": "participant"}.items():
        editor.emit(f"{org_state}.set_value", {"field": field, "value": value})
    saved = editor.send(f"{org_state}.save")
    assert any(e.get("name") == "_redirect" for u in saved for e in u.get("events", [])), saved
    editor.close()

    lister, w_list = tab_on(workers_app, steering, "/organisaties", avoid=w_edit, params={"q": name})
    assert w_list == w_view
    assert name in str(_vars(lister.updates, list_state))
    lister.close()
    viewer, worker = tab_on(workers_app, steering, "/dashboard", avoid=w_edit)
    after = _vars(viewer.updates, dash)
    viewer.close()
    assert worker == w_view
    assert after["cards"]["participant"] == before["cards"]["participant"] + 1
    assert after["cards"]["total"] == before["cards"]["total"] + 1


def test_a_registration_rush_across_both_workers_overbooks_nobody(workers_app):
    """Registrations sent at once over many connections, which the kernel spreads over both
    workers: each worker groups its own arrivals, the graph's locks order the two."""
    from lo_network.services import accounts as service
    from lo_network.services import activities, registrations

    seats, people, twice, threads = 20, 60, 15, 12
    organiser = workers_app.accounts["organiser"]
    actor = service.Actor.of(service.authenticate(organiser.email, organiser.password))
    act = activities.create(actor, {"title": "Logistiekdag Oost", "kind": "logistics_day", "visibility": "public",
                                    "capacity": str(seats), "starts_at": local(40), "ends_at": local(40, 17)},
                            via="test")
    token = service.create_api_token(organiser.email)
    local_clients = threading.local()
    clients: list[httpx.Client] = []
    start = threading.Barrier(threads)

    def one(n: int) -> str:
        if not hasattr(local_clients, "client"):
            local_clients.client = httpx.Client(base_url=workers_app.base_url, timeout=60,
                                                headers={"Authorization": f"Bearer {token}"})
            clients.append(local_clients.client)
            start.wait()
        answer = local_clients.client.post(f"/api/v1/activities/{act['id']}/contacts",
                                           json={"name": f"Deelnemer {n}", "email": f"p{n}@rush.example"})
        assert answer.status_code == 201, answer.text
        return answer.json()["outcome"]

    order = list(range(people)) + list(range(twice))  # 15 send theirs a second time
    held = connections_per_worker(workers_app.process.pid, _port(workers_app))
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        outcomes = Counter(pool.map(one, order))
    seconds = time.perf_counter() - began
    spread = new_connections(held, connections_per_worker(workers_app.process.pid, _port(workers_app)))
    for client in clients:
        client.close()
    assert len(spread) == WORKERS, f"the rush's {len(clients)} connections landed on {spread}"
    assert outcomes == {"registered": seats, "waitlisted": people - seats, "duplicate": twice}, outcomes

    rows = registrations.list_for_activity(actor, act["id"])
    assert len(rows) == people and len({r["email"] for r in rows}) == people  # nobody twice
    registered = [r for r in rows if r["status"] == "registered"]
    waiting = sorted((r for r in rows if r["status"] == "waitlisted"), key=lambda r: r["position"])
    assert len(registered) == seats  # nobody overbooked
    # first come, first served: the waiting list is in arrival order, after every seat
    assert max(r["position"] for r in registered) < waiting[0]["position"]
    assert len({r["position"] for r in waiting}) == len(waiting)
    stamps = [r["registered_at"] for r in sorted(registered + waiting, key=lambda r: r["position"])]
    assert stamps == sorted(stamps)
    assert activities.get(actor, act["id"])["registered"] == seats
    print(f"\nrush across {WORKERS} workers: {sum(outcomes.values())} requests over {len(clients)} connections "
          f"({' and '.join(str(n) for n in spread.values())} per worker) in {seconds:.2f} s: {dict(outcomes)}")


def test_the_public_rate_limit_is_one_count_across_workers(workers_app):
    from lo_network.ratelimit import public_limiter

    public_limiter.reset()
    held = connections_per_worker(workers_app.process.pid, _port(workers_app))
    clients = [httpx.Client(base_url=workers_app.base_url, timeout=30) for _ in range(8)]
    try:
        codes = Counter()
        for n in range(PUBLIC_LIMIT + 10):
            codes[clients[n % len(clients)].get("/api/v1/health").status_code] += 1
        spread = new_connections(held, connections_per_worker(workers_app.process.pid, _port(workers_app)))
    finally:
        for client in clients:
            client.close()
    assert len(spread) == WORKERS, f"8 connections landed on {spread}"
    assert codes == {200: PUBLIC_LIMIT, 429: 10}, codes
    public_limiter.reset()


def test_failed_logins_on_both_workers_lock_the_account_on_either(workers_app):
    from lo_network.services.accounts import FREE_FAILURES

    login_state = _state("LoginState")
    account = workers_app.accounts["steering"]
    last = None
    for n in range(FREE_FAILURES["email"]):
        tab, worker = tab_on(workers_app, {}, "/login", avoid=last)  # each try on the other worker
        answer = tab.send(f"{login_state}.login", {"form_data": {"email": account.email, "password": f"fout {n}"}})
        tab.close()
        assert _vars(answer, login_state)["error_key"] in ("login.failed", "login.throttled")
        last = worker
    tab, worker = tab_on(workers_app, {}, "/login", avoid=last)
    answer = tab.send(f"{login_state}.login", {"form_data": {"email": account.email, "password": account.password}})
    tab.close()
    assert _vars(answer, login_state)["error_key"] == "login.throttled"  # right password, locked


@pytest.fixture(scope="module")
def far_browser(workers_app, playwright_driver, tmp_path_factory):
    """Chromium on another address (a network namespace) reaching the app through nginx."""
    why = missing()
    if why:
        pytest.skip(f"no reverse proxy in a network namespace here: {why}")
    proxy = ReverseProxy(tmp_path_factory.mktemp("proxy"), HOST, _port(workers_app), CHROMIUM).start()
    try:
        chromium = playwright_driver.chromium.launch(
            executable_path=str(proxy.chromium), args=[*CHROMIUM_ARGS, proxy.resolver_rule], headless=True)
        yield proxy, chromium
        chromium.close()
    finally:
        proxy.stop()


def test_a_browser_through_the_proxy_works_whichever_worker_each_page_reaches(workers_app, far_browser):
    proxy, chromium = far_browser
    context = chromium.new_context(base_url=proxy.url, ignore_https_errors=True, locale="nl-NL",
                                   timezone_id="Europe/Amsterdam")
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    try:
        log_in(page, workers_app.accounts["coordinator"])
        name = f"Overslag Werkers {uuid.uuid4().hex[:6]} BV"
        create_organisation(page, name)
        served: set[int] = set()
        for n in range(10):  # every full load opens a new websocket, on either worker
            held = connections_per_worker(workers_app.process.pid, _port(workers_app))
            page.goto(f"/organisaties?q={name.split()[2]}")
            expect(page.locator("#current-user-name")).to_have_text(re.compile(r"\S"))
            expect(page.get_by_text(name).first).to_be_visible()
            served |= set(new_connections(held, connections_per_worker(workers_app.process.pid, _port(workers_app))))
            if len(served) == WORKERS and n >= 3:
                break
        assert len(served) == WORKERS, f"the browser's page loads reached only {served}"
    finally:
        context.close()
