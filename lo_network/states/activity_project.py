"""A living lab's or project's partners and milestones on the activity page. A substate of
the activity: the partners and milestones it changes are the record's, shown by its page."""

from __future__ import annotations

import reflex as rx

from lo_network.domain import activities as domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import activities as service
from lo_network.states.activity import ActivityState
from lo_network.states.form_values import errors_from
from lo_network.states.people import OrganisationOption, organisation_options
from lo_network.states.session import requires


class ActivityProject(ActivityState):
    """The partner being picked (and its role), the milestone being typed, and their errors."""

    partner_query: str = ""
    partner_hits: list[OrganisationOption] = []
    partner_pick: dict[str, str] = {"id": "", "name": "", "role": "partner"}
    milestone_draft: dict[str, str] = {"title": "", "due": ""}
    project_errors: dict[str, list[str]] = {}

    @requires(Permission.VIEW)
    def look_up_partner(self, text: str):
        self.partner_query = text[:100]
        self.partner_hits = organisation_options(self.signed_in_actor(), self.partner_query)

    def pick_partner(self, organisation_id: str, name: str):
        self.partner_pick = {"id": organisation_id, "name": name, "role": self.partner_pick.get("role", "partner")}
        self.partner_query, self.partner_hits = "", []

    def set_partner_role(self, role: str):
        if role in domain.PARTNER_ROLES:
            self.partner_pick["role"] = role

    @requires(Permission.EDIT_ACTIVITIES)
    def add_partner(self):
        if not self.partner_pick.get("id"):
            self.project_errors = {"organisation_id": ["kies een organisatie", "choose an organisation"]}
            return None
        service.set_partner(self.signed_in_actor(), self.record_id, self.partner_pick["id"],
                            self.partner_pick.get("role", ""), via="ui")
        self.partner_pick = {"id": "", "name": "", "role": "partner"}
        self.project_errors = {}
        self._refresh()
        return rx.toast.success(self.ui_text("common.saved"))

    @requires(Permission.EDIT_ACTIVITIES)
    def remove_partner(self, organisation_id: str):
        service.remove_partner(self.signed_in_actor(), self.record_id, organisation_id, via="ui")
        self._refresh()

    def set_milestone_value(self, field: str, value: str):
        if field in self.milestone_draft:
            self.milestone_draft[field] = value
            self.project_errors.pop(f"milestone_{field}", None)

    @requires(Permission.EDIT_ACTIVITIES)
    def add_milestone(self):
        try:
            service.add_milestone(self.signed_in_actor(), self.record_id, dict(self.milestone_draft), via="ui")
        except ValidationError as exc:
            self.project_errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.milestone_draft = {"title": "", "due": ""}
        self._refresh()
        return None

    @requires(Permission.EDIT_ACTIVITIES)
    def toggle_milestone(self, milestone_id: str):
        current = next((m for m in self.milestones if m.id == milestone_id), None)
        service.set_milestone_done(self.signed_in_actor(), self.record_id, milestone_id,
                                   not (current.done if current else False), via="ui")
        self._refresh()

    @requires(Permission.EDIT_ACTIVITIES)
    def delete_milestone(self, milestone_id: str):
        service.delete_milestone(self.signed_in_actor(), self.record_id, milestone_id, via="ui")
        self._refresh()
