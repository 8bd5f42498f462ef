"""The "Subsidies" section of an organisation page: grants to the organisation (amount, date,
description, programme line), seen by everyone signed in, recorded and removed by the roles
that may edit budgets (EDIT_BUDGET, checked on the server in every handler)."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain import budget
from lo_network.domain.dates import dutch
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, allowed
from lo_network.services import grants as service
from lo_network.states.form_values import errors_from
from lo_network.states.organisation_detail import ROUTE_ARG as ORGANISATION_ARG
from lo_network.states.session import SessionState, requires

GRANT_DRAFT_FIELDS = ("amount", "granted_on", "description", "line")


@dataclasses.dataclass
class GrantRow:
    id: str = ""
    amount_nl: str = ""
    amount_en: str = ""
    granted_on: str = ""
    description: str = ""
    line: str = ""


def grant_row(grant: dict) -> GrantRow:
    return GrantRow(id=grant["id"], amount_nl=budget.format_eur(grant.get("amount"), "nl"),
                    amount_en=budget.format_eur(grant.get("amount"), "en"), granted_on=dutch(grant.get("granted_on")),
                    description=grant.get("description") or "", line=grant.get("line") or "")


class GrantsState(SessionState):
    grants: list[GrantRow] = []
    total_nl: str = ""
    total_en: str = ""
    draft: dict[str, str] = {"amount": "", "granted_on": "", "description": "", "line": budget.GRANT_LINE}
    errors: dict[str, list[str]] = {}
    can_edit: bool = False
    _organisation_id: str = ""

    def _reload(self) -> None:
        grants = service.for_organisation(self.signed_in_actor(), self._organisation_id)
        self.grants = [grant_row(g) for g in grants]
        total = sum(budget.cents(g.get("amount")) for g in grants) / 100
        self.total_nl, self.total_en = budget.format_eur(total, "nl"), budget.format_eur(total, "en")

    def _blank(self) -> None:
        self.draft = {"amount": "", "granted_on": "", "description": "", "line": budget.GRANT_LINE}
        self.errors = {}

    @requires(Permission.VIEW)
    def load_organisation(self):
        """on_load of /organisaties/[id] (after the record itself)."""
        self._organisation_id = str(getattr(self, ORGANISATION_ARG) or "")
        self.can_edit = allowed(self.signed_in_actor().role, Permission.EDIT_BUDGET)
        self._blank()
        if self._organisation_id and self._organisation_id != "nieuw":
            self._reload()
        else:
            self.grants = []

    def set_grant_value(self, field: str, value: str):
        """The draft as typed (screen only; add stores it)."""
        if field in GRANT_DRAFT_FIELDS:
            self.draft[field] = str(value)[:1000]

    @requires(Permission.EDIT_BUDGET)
    def add(self):
        try:
            service.add(self.signed_in_actor(), self._organisation_id, dict(self.draft), via="ui")
        except ValidationError as exc:
            self.errors = errors_from(exc)
            return
        self._blank()
        self._reload()
        return rx.toast.success(self.ui_text("grant.saved"))

    @requires(Permission.EDIT_BUDGET)
    def remove(self, grant_id: str):
        service.remove(self.signed_in_actor(), self._organisation_id, str(grant_id), via="ui")
        self._reload()
        return rx.toast.success(self.ui_text("grant.removed"))
