"""Who may do what. Checked on the server by every service call, event handler and API route."""

from __future__ import annotations

from enum import Enum

from lo_network.messages import msg


class Permission(str, Enum):
    VIEW = "view"                      # see organisations, people, dashboards
    EDIT_NETWORK = "edit_network"      # organisations, people, links
    EDIT_ACTIVITIES = "edit_activities"
    MANAGE_USERS = "manage_users"
    PRIVACY = "privacy"                # audit log page, access requests, erasure (admin only)
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
        super().__init__(msg("permissions.denied", detail=permission.value))


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


# What each signed-in page needs: a role without it sees the no-access banner in place of
# the page (components.layout), and the menu leaves the page out. Routes as registered with
# the app ([name] is one path segment); every signed-in page of the app must be listed here
# (tests/e2e/test_page_access.py walks them all for every role). The page's own handlers are
# still guarded on the server; this decides what is shown.
PAGES: dict[str, Permission] = {
    "/organisaties": Permission.VIEW,
    "/organisaties/nieuw": Permission.EDIT_NETWORK,
    "/organisaties/[org_id]": Permission.VIEW,
    "/personen": Permission.VIEW,
    "/personen/nieuw": Permission.EDIT_NETWORK,
    "/personen/[person_id]": Permission.VIEW,
    "/activiteiten": Permission.VIEW,
    "/activiteiten/nieuw": Permission.EDIT_ACTIVITIES,
    "/activiteiten/[activity_id]": Permission.VIEW,
    "/activiteiten/[activity_id]/inchecken": Permission.EDIT_ACTIVITIES,
    "/activiteiten/[activity_id]/naamlijst": Permission.VIEW,
    "/opvolgen": Permission.VIEW,
    "/dashboard": Permission.VIEW,
    "/dashboard/kwartaal": Permission.VIEW,
    "/kaart": Permission.VIEW,
    "/voorstellen": Permission.VIEW,
    "/makelaars": Permission.VIEW,
    "/dubbelen": Permission.VIEW,
    "/importeren": Permission.EDIT_NETWORK,
    "/gebruikers": Permission.MANAGE_USERS,
    "/audit": Permission.PRIVACY,
    "/bewaartermijn": Permission.PRIVACY,
}

# The pages anyone may open, signed in or not (outside the signed-in layout).
PUBLIC_PAGES = ("/login", "/aanmelden/[public_activity_id]", "/aanmelding/[reg_token]", "/toegankelijkheid")


def _segments_match(pattern: str, path: str) -> bool:
    want, got = pattern.strip("/").split("/"), path.strip("/").split("/")
    return len(want) == len(got) and all(w == g or (w.startswith("[") and w.endswith("]"))
                                         for w, g in zip(want, got))


def page_permission(path: str) -> Permission:
    """The permission the page at ``path`` (a browser path such as /activiteiten/abc/inchecken)
    needs: its entry in PAGES, a literal route before one with [segments]; VIEW for a path
    not listed (the app's "not found" page)."""
    path = "/" + (path or "").split("?")[0].strip("/")
    if path in PAGES:
        return PAGES[path]
    for pattern, permission in PAGES.items():
        if _segments_match(pattern, path):
            return permission
    return Permission.VIEW


def may_open(role: str | None, path: str) -> bool:
    """May ``role`` use the page at ``path``?"""
    return allowed(role, page_permission(path))
