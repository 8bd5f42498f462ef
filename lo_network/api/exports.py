"""/api/v1/organisations/export and /api/v1/people/export: the lists as CSV or XLSX, with the
same filters as the list routes (and the list pages)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from lo_network.api.auth import Viewer
from lo_network.api.errors import documented
from lo_network.api.files import SHEET, download
from lo_network.services import exports as service

router = APIRouter(tags=["export"])

FORMAT = Annotated[str, Query(alias="format", description="csv (';', UTF-8 with BOM) or xlsx")]


@router.get("/organisations/export", response_class=Response, responses={**SHEET, **documented(401, 403, 422, 503)})
def export_organisations(
    actor: Viewer,
    fmt: FORMAT = "csv",
    q: str = "",
    kind: str | None = None,
    region: str | None = None,
    theme: str | None = None,
    status_: Annotated[str | None, Query(alias="status")] = None,
    tag: str | None = None,
    sort: str = "name",
):
    filters = {"text": q, "kind": kind, "region": region, "theme": theme, "status": status_, "tag": tag}
    name, data = service.organisations(actor, filters, sort, fmt)
    return download(data, service.MEDIA_TYPES[fmt], name)


@router.get("/people/export", response_class=Response, responses={**SHEET, **documented(401, 403, 422, 503)})
def export_people(
    actor: Viewer,
    fmt: FORMAT = "csv",
    q: str = "",
    tag: str | None = None,
    organisation_id: str | None = None,
    sort: str = "name",
):
    filters = {"text": q, "tag": tag, "organisation_id": organisation_id}
    name, data = service.people(actor, filters, sort, fmt)
    return download(data, service.MEDIA_TYPES[fmt], name)
