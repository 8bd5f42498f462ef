"""The REST API v1 app; lo_network.py hands it to Reflex as ``api_transformer``."""

from fastapi import Depends, FastAPI

from lo_network.api import activities, errors, exports, health, links, organisations, people, privacy
from lo_network.api import followup  # the coordinators' follow-up lists
from lo_network.api import grants, imports
from lo_network.api.security import SecurityHeaders

PREFIX = "/api/v1"

DESCRIPTION = """Het netwerk van Logistiek Overijssel: organisaties, personen, activiteiten.
The network of Logistics Overijssel: organisations, people, activities.

A route needs a personal token, `Authorization: Bearer <token>`
(`lo-network create-token EMAIL`), and the token's user role decides what it may do,
except the open routes (`/health` and the public registration routes), which need none
and answer 429 when an address asks too often. Bad input answers 422 with `errors`:
a message per field."""


def create_api() -> FastAPI:
    api = FastAPI(
        title="lo_network API",
        version="1",
        description=DESCRIPTION,
        docs_url=f"{PREFIX}/docs",
        openapi_url=f"{PREFIX}/openapi.json",
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        dependencies=[Depends(errors.readable_text)],  # no lone surrogate reaches a route
    )
    errors.install(api)
    # exports first: /organisations/export must not be taken for an organisation id
    for router in (health.router, exports.router, organisations.router, people.router):
        api.include_router(router, prefix=PREFIX)
    api.include_router(links.router, prefix=PREFIX)  # the network itself
    for router in (activities.router, activities.registrations_router, activities.public_router,
                   activities.calendar_router, activities.participation_router):
        api.include_router(router, prefix=PREFIX)
    api.include_router(privacy.router, prefix=PREFIX)  # consent, access request, erasure
    api.include_router(followup.router, prefix=PREFIX)  # follow-up lists
    api.include_router(imports.router, prefix=PREFIX)  # upload a file as an import job
    api.include_router(grants.router, prefix=PREFIX)  # grants to organisations (programme money)
    api.add_middleware(SecurityHeaders, docs_path=f"{PREFIX}/docs")  # security headers on every answer
    return api
