"""Who may do what (lo_network.domain.permissions): the whole role x permission matrix."""

from __future__ import annotations

import pytest

from lo_network.domain.permissions import Permission, PermissionDenied, allowed, require
from lo_network.domain.vocab import ROLES

V, N, A, U, P, B = (Permission.VIEW, Permission.EDIT_NETWORK, Permission.EDIT_ACTIVITIES,
                    Permission.MANAGE_USERS, Permission.PRIVACY, Permission.EDIT_BUDGET)

MATRIX = {
    ("admin", V): True, ("admin", N): True, ("admin", A): True, ("admin", U): True,
    ("coordinator", V): True, ("coordinator", N): True, ("coordinator", A): False, ("coordinator", U): False,
    ("organiser", V): True, ("organiser", N): False, ("organiser", A): True, ("organiser", U): False,
    ("steering", V): True, ("steering", N): False, ("steering", A): False, ("steering", U): False,
    ("admin", P): True, ("coordinator", P): False, ("organiser", P): False, ("steering", P): False,
    # grants to organisations: those who run the network and its activities; the steering group only reads
    ("admin", B): True, ("coordinator", B): True, ("organiser", B): True, ("steering", B): False,
}


def test_matrix_covers_every_role_and_permission():
    assert set(MATRIX) == {(role, p) for role in ROLES for p in Permission}


@pytest.mark.parametrize("role, permission, expected", [(r, p, e) for (r, p), e in MATRIX.items()])
def test_role_permission(role, permission, expected):
    assert allowed(role, permission) is expected
    if expected:
        require(role, permission)
    else:
        with pytest.raises(PermissionDenied) as caught:
            require(role, permission)
        assert caught.value.permission is permission
        assert permission.value in str(caught.value)


@pytest.mark.parametrize("role", [None, "", "Admin", "guest"])
@pytest.mark.parametrize("permission", list(Permission))
def test_unknown_or_missing_role_may_do_nothing(role, permission):
    assert not allowed(role, permission)
    with pytest.raises(PermissionDenied):
        require(role, permission)


def test_denial_message_is_dutch_and_english():
    message = str(PermissionDenied(Permission.MANAGE_USERS))
    assert "geen rechten" in message and "not allowed" in message
