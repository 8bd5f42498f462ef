"""Reflex configuration; every value comes from lo_network.settings (LO_* variables)."""

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

from lo_network import settings

_s = settings.get()

config = rx.Config(
    app_name="lo_network",
    # The built frontend dials its websocket at api_url (https -> wss); each `serve` rebuilds
    # the frontend, so a changed LO_PUBLIC_URL takes effect at the next start.
    api_url=_s.app_url,
    deploy_url=_s.app_url,
    # Socket.io refuses a websocket from any other origin; the HTTP answers echo only these.
    cors_allowed_origins=list(_s.allowed_origins),
    frontend_port=_s.port,
    backend_port=_s.port,
    backend_host="127.0.0.1",
    db_url=_s.sql_url,
    redis_url=_s.redis_url or None,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="teal", gray_color="slate", radius="medium"))],
    disable_plugins=[SitemapPlugin],
)
