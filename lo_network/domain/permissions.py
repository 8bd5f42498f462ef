"""Who may do what. Checked on the server by every service call, event handler and API route."""

from __future__ import annotations

from enum import Enum


class Permission(str, Enum):
    VIEW = "view"                      # see organisations, people, dashboards
    EDIT_NETWORK = "edit_network"      # organisations, people, links
    EDIT_ACTIVITIES = "edit_activities"
    MANAGE_USERS = "manage_users"
    PRIVACY = "privacy"                # issue 7: audit log page, access requests, erasure (admin only)


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "admin": frozenset(Permission),
    "coordinator": frozenset({Permission.VIEW, Permission.EDIT_NETWORK}),
    "organiser": frozenset({Permission.VIEW, Permission.EDIT_ACTIVITIES}),
    "steering": frozenset({Permission.VIEW}),
}


class PermissionDenied(PermissionError):
    """The signed-in user's role does not allow this."""

    def __init__(self, permission: Permission):
        self.permission = permission
        super().__init__(
            "U heeft geen rechten voor deze actie / You are not allowed to do this "
            f"({permission.value})"
        )


def allowed(role: str | None, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role or "", frozenset())


def require(role: str | None, permission: Permission) -> None:
    if not allowed(role, permission):
        raise PermissionDenied(permission)
