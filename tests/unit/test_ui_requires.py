"""The requires() guard: refuses before the handler runs, keeps what Reflex reads."""

import asyncio
import inspect

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, allowed
from lo_network.states.session import requires, safe_next
from lo_network.store.driver import GraphUnavailable

REFUSED = "refused"


class FakeState:
    """Stands in for a SessionState: _guard and _handle_failure as the decorator uses them."""

    def __init__(self, role):
        self.role = role
        self.graph_down = True
        self.calls = []

    def _guard(self, permission):
        return None if allowed(self.role, permission) else REFUSED

    def _handle_failure(self, exc):
        if isinstance(exc, GraphUnavailable):
            self.graph_down = True
        return type(exc).__name__


class Handlers:
    @requires(Permission.EDIT_NETWORK)
    def save(self, form: dict, page: int = 1):
        self.calls.append(("save", form, page))
        return "saved"

    @requires(Permission.EDIT_NETWORK)
    def steps(self, n: int):
        self.calls.append(("steps", n))
        yield "one"
        yield "two"

    @requires(Permission.VIEW)
    async def load(self, page: int):
        self.calls.append(("load", page))
        return "loaded"

    @requires(Permission.MANAGE_USERS, graph=False)
    async def stream(self):
        self.calls.append(("stream",))
        yield "a"

    @requires(Permission.EDIT_NETWORK)
    def broken(self):
        raise GraphUnavailable("test")

    @requires(Permission.EDIT_NETWORK)
    def invalid(self):
        raise ValidationError({"name": "naam is verplicht / name is required"})


def state(role):
    s = FakeState(role)
    for name in ("save", "steps", "load", "stream", "broken", "invalid"):
        setattr(s, name, getattr(Handlers, name).__get__(s))
    return s


def collect(gen):
    return list(gen)


async def acollect(agen):
    return [x async for x in agen]


def test_wraps_keeps_name_signature_hints_and_kind():
    assert Handlers.save.__name__ == "save"
    assert list(inspect.signature(Handlers.save).parameters) == ["self", "form", "page"]
    assert inspect.get_annotations(Handlers.save, eval_str=True) == {"form": dict, "page": int}
    assert inspect.iscoroutinefunction(Handlers.load)
    assert inspect.isasyncgenfunction(Handlers.stream)
    assert inspect.isgeneratorfunction(Handlers.steps)
    assert not inspect.iscoroutinefunction(Handlers.save)
    assert Handlers.save.lo_permission is Permission.EDIT_NETWORK
    assert Handlers.stream.lo_permission is Permission.MANAGE_USERS


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_allowed_roles_run_the_handler_and_clear_the_banner(role):
    s = state(role)
    assert s.save({"name": "x"}, page=2) == "saved"
    assert s.calls == [("save", {"name": "x"}, 2)]
    assert s.graph_down is False


def test_a_refused_role_never_runs_the_handler():
    s = state("steering")
    assert s.save({"name": "x"}) == REFUSED
    assert collect(s.steps(3)) == [REFUSED]
    assert asyncio.run(acollect(s.stream())) == [REFUSED]
    assert s.calls == []


def test_generators_and_coroutines_pass_through():
    s = state("coordinator")
    assert collect(s.steps(2)) == ["one", "two"]
    assert asyncio.run(s.load(page=4)) == "loaded"
    admin = state("admin")
    assert asyncio.run(acollect(admin.stream())) == ["a"]
    assert admin.graph_down is True  # graph=False leaves the banner as it was


def test_service_errors_become_the_shared_failure_event():
    s = state("coordinator")
    s.graph_down = False
    assert s.broken() == "GraphUnavailable"
    assert s.graph_down is True
    assert s.invalid() == "ValidationError"


@pytest.mark.parametrize("target, expected", [
    ("/organisaties?kind=company", "/organisaties?kind=company"),
    ("/personen/abc", "/personen/abc"),
    ("//evil.example/x", "/organisaties"),
    ("https://evil.example", "/organisaties"),
    ("/\\evil.example", "/organisaties"),
    ("/login?next=/x", "/organisaties"),
    ("", "/organisaties"),
    (None, "/organisaties"),
])
def test_safe_next_stays_on_this_site(target, expected):
    assert safe_next(target) == expected
