"""LO_PUBLIC_URL and LO_CORS_ORIGINS: the address the built frontend dials and the origins
the app answers, as Reflex reads them from rxconfig.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lo_network import settings

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch):
    for name in ("LO_PUBLIC_URL", "LO_CORS_ORIGINS", "LO_PORT"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch
    settings.reset()  # the next settings.get() reads the environment as it was again


def test_public_url_is_kept_as_the_browser_writes_the_origin(env):
    env.setenv("LO_PUBLIC_URL", " HTTPS://CRM.Logistiek.example:443/ ")
    s = settings.load()
    assert s.public_url == "https://crm.logistiek.example"
    assert s.app_url == "https://crm.logistiek.example"
    assert s.base_url == "https://crm.logistiek.example"
    env.setenv("LO_PUBLIC_URL", "http://crm.example:8080")
    assert settings.load().public_url == "http://crm.example:8080"


@pytest.mark.parametrize("bad", ["crm.example.nl", "ftp://crm.example.nl", "https://crm.example.nl/crm",
                                 "https://crm.example.nl/?a=1", "https://", "https://crm.example.nl:99999"])
def test_a_public_url_that_is_no_origin_is_refused_naming_the_variable(env, bad):
    env.setenv("LO_PUBLIC_URL", bad)
    with pytest.raises(SystemExit, match=r"LO_PUBLIC_URL: verwacht .* / expected an address like https://"):
        settings.load()


def test_without_public_url_the_frontend_dials_localhost_so_the_page_host_is_used(env):
    env.setenv("LO_PORT", "3123")
    s = settings.load()
    assert s.app_url == "http://localhost:3123"
    assert s.allowed_origins == ("http://127.0.0.1:3123", "http://localhost:3123")


def test_allowed_origins_are_the_apps_own_and_the_configured_ones_never_any(env):
    env.setenv("LO_PORT", "3123")
    env.setenv("LO_PUBLIC_URL", "https://crm.example.nl")
    env.setenv("LO_CORS_ORIGINS", "https://intranet.example.nl, https://crm.example.nl")
    assert settings.load().allowed_origins == (
        "https://crm.example.nl", "http://127.0.0.1:3123", "http://localhost:3123", "https://intranet.example.nl")
    env.setenv("LO_CORS_ORIGINS", "*")
    with pytest.raises(SystemExit, match="LO_CORS_ORIGINS"):
        settings.load()


def test_pages_may_connect_to_their_own_address_only(env):
    from lo_network.api import security

    settings.reset()
    assert security._connect_src() == "connect-src 'self'"  # 'self' includes ws: to the page's host
    env.setenv("LO_PUBLIC_URL", "https://crm.example.nl")
    settings.reset()
    assert security._connect_src() == "connect-src 'self' https://crm.example.nl wss://crm.example.nl"


def _reflex_config(extra_env: dict[str, str]) -> dict:
    """What Reflex makes of rxconfig.py under ``extra_env``: its websocket URL and CORS origins."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LO_", "REFLEX_", "API_URL", "DEPLOY_URL"))}
    env.update(extra_env)
    code = ("import json; from reflex_base.config import get_config; from reflex_base.constants import Endpoint; "
            "c = get_config(); print(json.dumps({'event': Endpoint.EVENT.get_url(), "
            "'upload': Endpoint.UPLOAD.get_url(), 'cors': list(c.cors_allowed_origins)}))")
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_reflex_builds_the_websocket_url_from_the_public_url():
    behind_tls = _reflex_config({"LO_PORT": "3123", "LO_PUBLIC_URL": "https://crm.example.nl/"})
    assert behind_tls == {"event": "wss://crm.example.nl/_event", "upload": "https://crm.example.nl/_upload",
                          "cors": ["https://crm.example.nl", "http://127.0.0.1:3123", "http://localhost:3123"]}
    local = _reflex_config({"LO_PORT": "3123"})
    assert local["event"] == "ws://localhost:3123/_event"
    assert "*" not in local["cors"]
