"""Who may do what. Checked on the server by every service call, event handler and API route."""

from __future__ import annotations

from enum import Enum


class Permission(str, Enum):
    VIEW = "view"                      # see organisations, people, dashboards
    EDIT_NETWORK = "edit_network"      # organisations, people, links
    EDIT_ACTIVITIES = "edit_activities"
    MANAGE_USERS = "manage_users"
    PRIVACY = "privacy"                # issue 7: audit log page, access requests, erasure (admin only)
    EDIT_BUDGET = "edit_budget"        # grants to organisations (an activity's budget goes with the activity)


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "admin": frozenset(Permission),
    "coordinator": frozenset({Permission.VIEW, Permission.EDIT_NETWORK, Permission.EDIT_BUDGET}),
    "organiser": frozenset({Permission.VIEW, Permission.EDIT_ACTIVITIES, Permission.EDIT_BUDGET}),
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


# Who sees a person without a basis for the network directory (domain.consent.has_basis),
# by where the person appears. Such a person is left out of what the others read: not
# named, not counted in a list, the person's own page answers "not found".
NETWORK = "network"      # lists, detail pages, links, consents, search, exports, follow-up
ATTENDEES = "attendees"  # the registrations of an activity: check-in, name list, attendee export
MAP = "map"              # the ecosystem map (shown on screens and slides)
SEES_WITHOUT_BASIS: dict[str, frozenset[Permission]] = {
    # who maintains the network keeps every record right, so sees everyone
    NETWORK: frozenset({Permission.EDIT_NETWORK}),
    # organisers register people and check them in at the door: they need every attendee
    ATTENDEES: frozenset({Permission.EDIT_NETWORK, Permission.EDIT_ACTIVITIES}),
    # the map shows only people with a basis, to everyone
    MAP: frozenset(),
}


def sees_without_basis(role: str | None, where: str = NETWORK) -> bool:
    """May ``role`` see people without a basis for the directory where they appear (``where``)?"""
    return any(allowed(role, permission) for permission in SEES_WITHOUT_BASIS[where])
