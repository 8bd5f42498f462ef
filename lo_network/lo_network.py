"""The Reflex app: the pages (each registered where it is defined, lo_network/pages/), the
REST API mounted under /api/v1."""

import reflex as rx
from granian.utils.proxies import wrap_asgi_with_proxy_headers

from lo_network import pages
from lo_network.api.app import create_api
from lo_network.api.security import NoBareCredentials
from lo_network.api.upload_guard import UploadGuard
from lo_network.bootstrap import startup
from lo_network.components.layout import A11Y_SCRIPT
from lo_network.i18n import page_title
from lo_network.states.session import HOME_ROUTE

startup()

TRUSTED_PROXIES = ["127.0.0.1", "::1"]


class _App(rx.App):
    """rx.App with two layers around the whole backend (Reflex puts its own CORS layer
    around the API app, so they go here, not inside it):

    - the reverse proxy's ``X-Forwarded-For`` / ``X-Forwarded-Proto`` are believed from this
      machine (the app listens on 127.0.0.1 only, so a proxy is on it): redirects keep the
      page's https address, and the per-address limits (login, public pages and API) count
      each visitor, not the proxy (granian's own middleware, the server Reflex runs);
    - :class:`NoBareCredentials`."""

    def __call__(self):
        return wrap_asgi_with_proxy_headers(NoBareCredentials(super().__call__()), trusted_hosts=TRUSTED_PROXIES)


app = _App(
    # the API mounted over Reflex's routes, then the guard of the upload doors around both
    api_transformer=[create_api(), UploadGuard],
    html_lang="nl",  # the default; DocumentLanguage (components/layout.py) follows the chosen language
    stylesheets=["/accessibility.css", "/layout.css"],
    head_components=[rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
                     rx.script(A11Y_SCRIPT)],
)

app.add_page(rx.fragment(), route="/", title=page_title(""), on_load=rx.redirect(HOME_ROUTE))
for registered in pages.registered():
    app.add_page(registered.render, route=registered.route, title=registered.title, on_load=registered.on_load)
