"""Users admin functions of services.accounts: set_role and set_active (SQL only)."""

import pytest

from lo_network.domain.errors import ValidationError
from lo_network.services import accounts as service


@pytest.fixture
def admin_and_user(sql_db):
    from uuid import uuid4

    tag = uuid4().hex[:8]
    admin = service.create_user(f"admin-{tag}@test.example", "correct horse battery", "admin")
    user = service.create_user(f"user-{tag}@test.example", "correct horse battery", "coordinator")
    return admin, user


def test_set_role_validates_the_role(admin_and_user):
    _, user = admin_and_user
    with pytest.raises(ValidationError) as err:
        service.set_role(user.id, "superuser")
    assert "role" in err.value.errors
    assert service.set_role(user.id, "organiser").role == "organiser"


def test_unknown_user_is_named(sql_db):
    with pytest.raises(ValidationError) as err:
        service.set_role(10**9, "admin")
    assert "user" in err.value.errors
    with pytest.raises(ValidationError):
        service.set_active(10**9, False)


def test_deactivating_ends_sessions_and_login(admin_and_user):
    _, user = admin_and_user
    token = service.start_session(user)
    assert service.user_for_session(token).id == user.id
    assert service.set_active(user.id, False).active is False
    assert service.user_for_session(token) is None
    assert service.authenticate(user.email, "correct horse battery") is None
    assert service.set_active(user.id, True).active is True
    assert service.authenticate(user.email, "correct horse battery") is not None


def test_the_last_active_admin_keeps_role_and_access(admin_and_user):
    keep, _ = admin_and_user
    others = [u for u in service.list_users() if u.role == "admin" and u.active and u.id != keep.id]
    for other in others:
        service.set_active(other.id, False)
    try:
        with pytest.raises(ValidationError) as err:
            service.set_role(keep.id, "steering")
        assert "role" in err.value.errors
        with pytest.raises(ValidationError) as err:
            service.set_active(keep.id, False)
        assert "active" in err.value.errors
    finally:
        for other in others:
            service.set_active(other.id, True)
