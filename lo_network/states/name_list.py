"""A printable name list (or badges) of the people expected at an activity."""

from __future__ import annotations

import dataclasses

from lo_network.domain import activities as domain
from lo_network.domain.errors import NotFound
from lo_network.domain.permissions import Permission
from lo_network.services import activities as service
from lo_network.services import registrations as reg_service
from lo_network.states.activity import ROUTE_ARG
from lo_network.states.session import SessionState, requires


@dataclasses.dataclass
class NameRow:
    name: str = ""
    organisation: str = ""


class NameListState(SessionState):
    list_title: str = ""
    list_when: str = ""
    names: list[NameRow] = []
    list_loaded: bool = False
    list_missing: bool = False

    @requires(Permission.VIEW)
    def load_names(self):
        """on_load of /activiteiten/[activity_id]/naamlijst: registered people and walk-ins, by name."""
        self.list_loaded = False
        activity_id = str(getattr(self, ROUTE_ARG) or "")
        actor = self.signed_in_actor()
        try:
            activity = service.get(actor, activity_id)
        except NotFound:
            self.list_missing, self.list_loaded = True, True
            return
        rows = reg_service.list_for_activity(actor, activity_id)
        expected = [r for r in rows if r.get("status") in ("registered", "walk_in")]
        self.names = sorted((NameRow(name=r.get("name") or "", organisation=r.get("organisation_name") or "")
                             for r in expected), key=lambda n: n.name.casefold())
        self.list_title = activity.get("title") or ""
        self.list_when = domain.dutch_datetime(activity.get("starts_at"))
        self.list_missing, self.list_loaded = False, True
