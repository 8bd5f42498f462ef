"""The API's error answers: each domain error to its HTTP status, bad input naming each field."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.responses import JSONResponse

from lo_network.api.schemas import Problem
from lo_network.domain.errors import Conflict, NotFound, ValidationError
from lo_network.domain.permissions import PermissionDenied
from lo_network.domain.text import unreadable_fields
from lo_network.messages import msg
from lo_network.store.driver import GraphUnavailable

INVALID = msg("api.invalid")

_MEANING = {
    401: msg("api.status.401"),
    403: msg("api.status.403"),
    404: msg("api.status.404"),
    409: msg("api.status.409"),
    413: msg("api.status.413"),
    422: msg("api.status.422"),
    429: msg("api.status.429"),
    503: msg("api.status.503"),
}


def documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route can give, for the OpenAPI document."""
    return {code: {"model": Problem, "description": _MEANING[code]} for code in codes}


def _problem(code: int, detail: str, errors: dict[str, str] | None = None) -> JSONResponse:
    body: dict = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=code)


def _invalid(errors: dict[str, str]) -> JSONResponse:
    listed = "; ".join(f"{field}: {message}" for field, message in errors.items())
    return _problem(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{INVALID}: {listed}", errors)


def _field(loc: tuple) -> str:
    """('body', 'employment', 'since') -> 'employment.since'; ('body', 'tags', 0) -> 'tags';
    ('body', 12) (broken JSON at character 12) -> 'body'."""
    return ".".join(part for part in loc[1:] if isinstance(part, str)) or str(loc[0])


async def _domain_invalid(_: Request, exc: ValidationError) -> JSONResponse:
    return _invalid(exc.errors)


async def _conflict(_: Request, exc: Conflict) -> JSONResponse:
    """409: the records the input clashes with, and the flag that writes it anyway."""
    listed = "; ".join(f"{field}: {message}" for field, message in exc.errors.items())
    body = {"detail": listed, "errors": exc.errors, "confirm": exc.confirm,
            "existing": [{"id": e["id"], "name": e.get("name")} for e in exc.existing]}
    return JSONResponse(body, status_code=status.HTTP_409_CONFLICT)


async def _request_invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors: dict[str, str] = {}
    for error in exc.errors():
        errors.setdefault(_field(tuple(error["loc"])), error["msg"])
    return _invalid(errors)


async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
    return _problem(status.HTTP_404_NOT_FOUND, msg("api.not_found", detail=exc))


async def _denied(_: Request, exc: PermissionDenied) -> JSONResponse:
    return _problem(status.HTTP_403_FORBIDDEN, str(exc))


async def _unavailable(_: Request, exc: GraphUnavailable) -> JSONResponse:
    return _problem(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc))


async def _http(request: Request, exc: StarletteHTTPException):
    """A body FastAPI cannot parse (not UTF-8, not JSON) is bad input like any other: 422
    naming ``body``, as documented, rather than FastAPI's undocumented 400."""
    if exc.status_code == status.HTTP_400_BAD_REQUEST:
        return _invalid({"body": msg("api.body.unreadable", detail=exc.detail)})
    return await http_exception_handler(request, exc)


async def readable_text(request: Request) -> None:
    """Every route's first dependency: a JSON body holding a lone surrogate (``"\\ud800"``,
    no character, cannot be stored) is bad input like an unreadable body, 422 naming each
    field that holds one, before any route code or query runs. FastAPI has parsed the body
    already (``request.json()`` is cached); a body it could not parse never gets here."""
    if request.method in ("POST", "PUT", "PATCH") and "json" in request.headers.get("content-type", ""):
        try:
            body = await request.json()
        except ValueError:  # not JSON: FastAPI answers it for the routes that take a body
            return
        errors = unreadable_fields(body)
        if errors:
            raise ValidationError(errors)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ValidationError, _domain_invalid)
    app.add_exception_handler(Conflict, _conflict)
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(PermissionDenied, _denied)
    app.add_exception_handler(GraphUnavailable, _unavailable)
