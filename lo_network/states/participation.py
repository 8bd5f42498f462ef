"""A person's participation history: the activities they registered for, with
status and attendance, shown on the person page."""

from __future__ import annotations

import dataclasses

from lo_network.domain import activities as domain
from lo_network.domain.permissions import Permission
from lo_network.services import registrations as reg_service
from lo_network.states.person import ROUTE_ARG
from lo_network.states.session import SessionState, requires


@dataclasses.dataclass
class ParticipationRow:
    activity_id: str = ""
    title: str = ""
    kind: str = ""
    starts: str = ""
    status: str = ""
    attendance: str = ""


class ParticipationState(SessionState):
    participation: list[ParticipationRow] = []

    @requires(Permission.VIEW)
    def load_participation(self):
        """on_mount of the person page's participation section."""
        person_id = str(getattr(self, ROUTE_ARG) or "")
        rows = reg_service.participation(self.signed_in_actor(), person_id) if person_id else []
        self.participation = [ParticipationRow(activity_id=r["activity_id"], title=r.get("title") or "",
                                               kind=r.get("kind") or "", starts=domain.dutch_datetime(r.get("starts_at")),
                                               status=r.get("status") or "", attendance=r.get("attendance") or "")
                              for r in rows]
