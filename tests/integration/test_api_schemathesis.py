"""Schemathesis against the OpenAPI document of /api/v1, in process (ASGI), with
an administrator's token on the real embedded graph and SQLite: no answer may be a server
error (5xx), and every answer must keep to the document (status code, content type and
body schema). Bounded: a few examples per operation, positive and negative input."""

from __future__ import annotations

import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from lo_network.api.app import PREFIX, create_api
from lo_network.ratelimit import public_limiter
from lo_network.services.accounts import create_api_token

EXAMPLES = 10         # per operation and generation mode
BUDGET_SECONDS = 240  # the whole run, on a loaded 2-core machine
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

API = create_api()
SCHEMA = schemathesis.openapi.from_asgi(f"{PREFIX}/openapi.json", API)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
STARTED: list[float] = []


def test_the_run_covers_every_operation_of_the_document():
    """The run cannot pass on an empty document: every route of the app is an operation."""
    from fastapi.routing import APIRoute, iter_route_contexts

    routes = {(m, ctx.path) for ctx in iter_route_contexts(API.routes) if isinstance(ctx.route, APIRoute)
              for m in ctx.methods}
    assert len(OPERATIONS) >= 60
    assert {(op.method.upper(), op.path) for op in OPERATIONS} == routes


@pytest.fixture(scope="module")
def admin_token(sql_db):
    from lo_network.services import accounts as service

    email = "schemathesis-admin@test.example"
    if not any(u.email == email for u in service.list_users()):
        service.create_user(email, "correct horse battery", "admin")
    return create_api_token(email, label="schemathesis")


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_no_server_error_and_answers_keep_to_the_document(operation, graph, admin_token, monkeypatch):
    if not STARTED:
        STARTED.append(time.monotonic())
    if time.monotonic() - STARTED[0] > BUDGET_SECONDS:
        pytest.fail(f"the schemathesis run took over {BUDGET_SECONDS} s: lower EXAMPLES")
    headers = {"Authorization": f"Bearer {admin_token}"}
    calls = []

    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            public_limiter.reset()  # the public routes' rate limit is tested on its own
            response = case.call(headers=headers)
            calls.append(response.status_code)
            case.validate_response(response, checks=CHECKS, headers=headers)

        try:
            run()
        except Unsatisfiable:  # only strings in the path, no body: there is no invalid input to make
            assert mode is GenerationMode.NEGATIVE, operation.label
    assert calls, operation.label  # something was sent
    assert set(calls) != {401}, f"{operation.label}: the administrator's token was refused"


@pytest.mark.parametrize("path", ["organisations", "people", "activities"])
def test_a_page_far_past_the_end_is_empty_not_a_server_error(path, graph, admin_token):
    """Found by the run above: ``?page=85899347`` made SKIP overflow the graph's 32-bit integer."""
    from starlette.testclient import TestClient

    with TestClient(API) as client:
        answer = client.get(f"{PREFIX}/{path}?page=85899347", headers={"Authorization": f"Bearer {admin_token}"})
    assert answer.status_code == 200 and answer.json()["items"] == []
