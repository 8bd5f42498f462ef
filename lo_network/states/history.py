"""The "Geschiedenis" section of an organisation or person page: the record's audit entries."""

from __future__ import annotations

from lo_network.domain.permissions import Permission
from lo_network.services import audit as service
from lo_network.services.audit import Entry
from lo_network.states.activity import ROUTE_ARG as ACTIVITY_ARG
from lo_network.states.organisation_detail import ROUTE_ARG as ORGANISATION_ARG
from lo_network.states.person import ROUTE_ARG as PERSON_ARG
from lo_network.states.session import SessionState, requires


class HistoryState(SessionState):
    entries: list[Entry] = []

    @requires(Permission.VIEW, graph=False)
    def load_organisation(self):
        """on_load of /organisaties/[id] (after the record itself)."""
        self.entries = service.history(self.signed_in_actor(), "organisation",
                                       str(getattr(self, ORGANISATION_ARG) or ""))

    @requires(Permission.VIEW, graph=False)
    def load_person(self):
        """on_load of /personen/[id] (after the record itself), and after a consent change."""
        self.entries = service.person_history(self.signed_in_actor(), str(getattr(self, PERSON_ARG) or ""))

    @requires(Permission.VIEW, graph=False)
    def load_activity(self):
        """on_load of /activiteiten/[id] (after the record itself), and after a change there."""
        record_id = str(getattr(self, ACTIVITY_ARG) or "")
        self.entries = service.activity_history(self.signed_in_actor(), record_id) if record_id else []
