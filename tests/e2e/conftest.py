"""Fixtures of the end-to-end tests: the real app (`lo-network serve`, built once per test
session), one account per role, and headless Debian Chromium through Playwright.

The test process is pointed at the app's data folder and graph ports while the app runs,
so ``lo_network.services`` and ``lo_network.sqlstore`` in a test read and write the very
graph and SQLite file the app uses (the embedded graph accepts more Bolt clients)."""

from __future__ import annotations

import contextlib
import os

import pytest
from playwright.sync_api import expect, sync_playwright

from lo_network import settings
from lo_network.sqlstore import sql
from tests.e2e.app_server import ROLES, AppServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
UI_TIMEOUT_MS = 15_000
expect.set_options(timeout=10_000)  # 2 cores build, serve and test at once: allow for a slow moment


def _point_process_at(lo_env: dict[str, str]) -> dict[str, str | None]:
    """Use the app's LO_* settings in this process; returns what to restore."""
    from lo_network.store import driver

    names = set(lo_env) | {k for k in os.environ if k.startswith("LO_")}
    old = {k: os.environ.get(k) for k in names}
    for k in names:
        os.environ.pop(k, None)
    os.environ.update(lo_env)
    driver.close()
    sql.reset()
    settings.reset()
    return old


def _restore(old: dict[str, str | None]) -> None:
    from lo_network.store import driver

    driver.close()
    sql.reset()
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    settings.reset()


@contextlib.contextmanager
def running_app(data_dir, env: dict[str, str] | None = None, roles: tuple[str, ...] = ROLES):
    """A started app in ``data_dir`` (extra settings ``env``) with an account per role, this
    process pointed at its data while it runs; stopped afterwards."""
    server = AppServer.in_folder(data_dir)
    server.env.update(env or {})
    try:
        server.start()
        server.create_accounts(roles)
    except Exception:
        server.stop()
        raise
    old = _point_process_at(server.lo_settings)
    try:
        yield server
    finally:
        _restore(old)
        server.stop()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The running app: ``app.base_url``, ``app.accounts[role]`` (email, password)."""
    with running_app(tmp_path_factory.mktemp("lo_e2e")) as server:
        yield server


@pytest.fixture(scope="session")
def admin(app):
    """The e2e admin as a service Actor, for setting up and checking data directly."""
    from lo_network.services import accounts as service

    account = app.accounts["admin"]
    return service.Actor.of(service.authenticate(account.email, account.password))


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright per test session (a second sync Playwright cannot run beside it)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (lo-network setup --browser)")
    with sync_playwright() as pw:
        yield pw


def login_cookie(server: AppServer, role: str) -> dict[str, str]:
    """The lo_session cookie of a new login session of ``role``'s account on ``server``,
    started as the login page does, for requests and websockets sent without a browser."""
    from lo_network.services import accounts as service

    account = server.accounts[role]
    return {"lo_session": service.start_session(service.authenticate(account.email, account.password))}


@pytest.fixture
def cookie(app):
    """cookie(role): :func:`login_cookie` on the session's app."""
    return lambda role: login_cookie(app, role)


@pytest.fixture(scope="session")
def browser(app, playwright_driver):
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser, app):
    """A fresh browser context (no cookies) with one page on the app."""
    context = browser.new_context(base_url=app.base_url, locale="nl-NL", timezone_id="Europe/Amsterdam")
    context.set_default_timeout(UI_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Add the app's log tail to the report of a failing end-to-end test."""
    report = yield
    funcargs = getattr(item, "funcargs", {})
    server = next((value for value in funcargs.values() if isinstance(value, AppServer)), None)
    if report.failed and server is not None:
        report.sections.append(("lo-network serve log", server.log_tail()))
    return report
