"""The app as the team reaches it: at its public address (LO_PUBLIC_URL) behind a TLS
reverse proxy, from a browser on another machine that cannot reach 127.0.0.1:<app port>.

One app for the file, built with LO_PUBLIC_URL=https://crm.lo.test in a frontend folder of its
own (the session's app keeps its build); nginx and Chromium run in a network namespace the
test makes (tests/e2e/reverse_proxy.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.e2e.app_server import own_web_dir
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, UI_TIMEOUT_MS, running_app
from tests.e2e.reverse_proxy import ADDRESS, ReverseProxy, missing
from tests.e2e.test_activity_flow import register_publicly
from tests.e2e.test_crm_flow import create_organisation
from tests.e2e.ui import log_in, log_out
from tests.integration.test_activities import local

pytestmark = pytest.mark.e2e

HOST = "crm.lo.test"


@pytest.fixture(scope="module")
def public_app(tmp_path_factory):
    """The app, started with LO_PUBLIC_URL=https://crm.lo.test; this process reads its data."""
    why = missing()
    if why:
        pytest.skip(f"no reverse proxy in a network namespace here: {why}")
    env = {"LO_PUBLIC_URL": f"https://{HOST}", "REFLEX_WEB_WORKDIR": str(own_web_dir("public"))}
    with running_app(tmp_path_factory.mktemp("lo_public"), env, roles=("coordinator", "organiser")) as server:
        yield server


@pytest.fixture(scope="module")
def proxy(public_app, tmp_path_factory):
    port = int(public_app.env["LO_PORT"])
    proxy = ReverseProxy(tmp_path_factory.mktemp("proxy"), HOST, port, CHROMIUM)
    try:
        yield proxy.start()
    finally:
        proxy.stop()


@pytest.fixture(scope="module")
def far_browser(proxy, playwright_driver):
    """Chromium inside the proxy's namespace; it finds crm.lo.test at nginx's address."""
    chromium = playwright_driver.chromium.launch(
        executable_path=str(proxy.chromium), args=[*CHROMIUM_ARGS, proxy.resolver_rule], headless=True)
    yield chromium
    chromium.close()


@pytest.fixture
def far_page(far_browser, proxy):
    context = far_browser.new_context(base_url=proxy.url, ignore_https_errors=True, locale="nl-NL",
                                      timezone_id="Europe/Amsterdam")
    context.set_default_timeout(UI_TIMEOUT_MS)
    yield context.new_page()
    context.close()


def _rate_counted() -> set[str]:
    """The addresses the per-address limits have counted, as ``bucket:address``."""
    from sqlmodel import select

    from lo_network.sqlstore import sql
    from lo_network.sqlstore.models import RateCount

    with sql.session() as db:
        return {key.rsplit(":", 1)[0] for key in db.exec(select(RateCount.key))}


def test_a_team_member_elsewhere_logs_in_and_saves_through_the_proxy(public_app, proxy, far_page):
    from lo_network.services import accounts as service
    from lo_network.services import organisations

    probe = far_page.context.new_page()  # a tab of its own: Chromium's error page would stay in the way
    with pytest.raises(PlaywrightError, match="ERR_CONNECTION_REFUSED"):  # the app's own port: not from there
        probe.goto(f"http://127.0.0.1:{public_app.env['LO_PORT']}/login", timeout=5_000)
    probe.close()

    sockets: list[str] = []
    far_page.on("websocket", lambda ws: sockets.append(ws.url))
    refused: list[str] = []  # the Content-Security-Policy lets the page reach its own wss:// address
    far_page.on("console", lambda msg: refused.append(msg.text)
                if "Content Security Policy" in msg.text or "Refused to" in msg.text else None)
    coordinator = public_app.accounts["coordinator"]
    log_in(far_page, coordinator)
    assert far_page.url.startswith(f"https://{HOST}/organisaties")
    assert sockets and all(url.startswith(f"wss://{HOST}/_event") for url in sockets), sockets

    session = next(c for c in far_page.context.cookies() if c["name"] == "lo_session")
    assert session["secure"] is True  # the app's address is https: the token never goes out in clear
    assert f"login:{ADDRESS}" in _rate_counted(), "the login limit counts the visitor's address, not the proxy's"

    organisation_id = create_organisation(far_page, "Overslag Kampen BV")
    actor = service.Actor.of(service.authenticate(coordinator.email, coordinator.password))
    assert organisations.get(actor, organisation_id)["name"] == "Overslag Kampen BV"
    log_out(far_page)
    assert refused == []


def test_the_public_registers_for_a_public_activity_through_the_proxy(public_app, proxy, far_page):
    from lo_network.services import accounts as service
    from lo_network.services import activities, registrations

    organiser = public_app.accounts["organiser"]
    actor = service.Actor.of(service.authenticate(organiser.email, organiser.password))
    act = activities.create(actor, {"title": "Open dag Overslag Kampen", "kind": "cafe", "visibility": "public",
                                    "starts_at": local(30), "ends_at": local(30, 17)}, via="test")

    link = register_publicly(far_page, act["id"], "Femke Dijkstra", "femke@dijkstra-transport.example",
                             "Dijkstra Transport")
    assert re.fullmatch(rf"https://{re.escape(HOST)}/aanmelding/[A-Za-z0-9_-]{{40,}}", link), link
    far_page.goto(link.removeprefix(f"https://{HOST}"))
    expect(far_page.locator("#mine-name")).to_have_value("Femke Dijkstra")
    rows = registrations.list_for_activity(actor, act["id"])
    assert [(r["name"], r["status"]) for r in rows] == [("Femke Dijkstra", "registered")]
    assert f"public:{ADDRESS}" in _rate_counted()
