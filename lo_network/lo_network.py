"""The Reflex app: pages registered here, the REST API mounted under /api/v1."""

import reflex as rx

from lo_network.api.app import create_api
from lo_network.bootstrap import startup

startup()

app = rx.App(api_transformer=create_api())


def index() -> rx.Component:
    return rx.text("lo_network")


app.add_page(index, route="/")
