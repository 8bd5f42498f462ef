"""The "Opvolging" section of an organisation page: follow-up notes — who will
call, by when, done — listed for everyone, written and ticked off by coordinators and admins."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain.dates import dutch
from lo_network.domain.permissions import Permission
from lo_network.services import followup as service
from lo_network.states.organisation_detail import ROUTE_ARG as ORGANISATION_ARG
from lo_network.states.session import SessionState, requires

NOTE_DRAFT_FIELDS = ("note", "assignee", "due")


@dataclasses.dataclass
class NoteRow:
    id: str = ""
    note: str = ""
    assignee: str = ""
    due: str = ""
    done: str = ""
    overdue: bool = False


def note_row(note: dict, today: str) -> NoteRow:
    return NoteRow(id=note["id"], note=note.get("note") or "", assignee=note.get("assignee") or "",
                   due=dutch(note.get("due")), done=dutch(note.get("done")),
                   overdue=not note.get("done") and (note.get("due") or "9999") < today)


def note_rows(notes: list[dict]) -> list[NoteRow]:
    from datetime import datetime

    from lo_network.domain.activities import TZ

    today = datetime.now(TZ).date().isoformat()
    return [note_row(n, today) for n in notes]


class FollowUpNotesState(SessionState):
    notes: list[NoteRow] = []
    note: str = ""
    assignee: str = ""
    due: str = ""
    _organisation_id: str = ""

    def _reload(self) -> None:
        self.notes = note_rows(service.notes(self.signed_in_actor(), self._organisation_id))

    @requires(Permission.VIEW)
    def load_organisation(self):
        """on_load of /organisaties/[id] (after the record itself)."""
        self._organisation_id = str(getattr(self, ORGANISATION_ARG) or "")
        self.note = self.assignee = self.due = ""
        self._reload()

    def set_note_value(self, field: str, value: str):
        """The draft as typed (screen only; add_note stores it)."""
        if field in NOTE_DRAFT_FIELDS:
            setattr(self, field, str(value)[:500])

    @requires(Permission.EDIT_NETWORK)
    def add_note(self):
        service.add_note(self.signed_in_actor(), self._organisation_id,
                         {"note": self.note, "assignee": self.assignee, "due": self.due}, via="ui")
        self.note = self.assignee = self.due = ""
        self._reload()
        return rx.toast.success(self.ui_text("followup.note_saved"))

    @requires(Permission.EDIT_NETWORK)
    def set_done(self, note_id: str, done: bool):
        service.set_note_done(self.signed_in_actor(), self._organisation_id, note_id, bool(done), via="ui")
        self._reload()
