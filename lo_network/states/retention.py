"""/bewaartermijn: the retention review for administrators (Permission.PRIVACY).

People with no basis and no activity for LO_RETENTION_YEARS (services.privacy.
retention_candidates: no change, employment, person link or registration in that time)
are listed; the admin selects some or all and erases them in bulk. That asks twice: a
dialog that says what happens and that it cannot be undone, then the number of people
typed in. Each erasure is the one of a person page (privacy.erase), each audited."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network import settings as settings_mod
from lo_network.domain.dates import dutch
from lo_network.domain.permissions import Permission
from lo_network.services import privacy as service
from lo_network.states.session import SessionState, requires

ROUTE = "/bewaartermijn"
LIMIT = 500


@dataclasses.dataclass
class RetentionRow:
    id: str = ""
    name: str = ""
    updated: str = ""


class RetentionState(SessionState):
    rows: list[RetentionRow] = []
    selected: list[str] = []
    years: int = 7
    loaded: bool = False
    step: int = 0          # 0 closed, 1 "are you sure?", 2 type the number of people (asks twice)
    confirm: str = ""
    confirm_error: str = ""

    @rx.var
    def selected_count(self) -> int:
        return len(self.selected)

    def _reload(self) -> None:
        found = service.retention_candidates(self.signed_in_actor(), years=self.years, limit=LIMIT)
        self.rows = [RetentionRow(id=r["id"], name=r.get("name") or "", updated=dutch(str(r.get("updated_at") or "")[:10]))
                     for r in found]
        listed = {r.id for r in self.rows}
        self.selected = [i for i in self.selected if i in listed]
        self.loaded = True

    @requires(Permission.PRIVACY)
    def load(self):
        """on_load of /bewaartermijn[?jaren=N]: the people to review (N defaults to
        LO_RETENTION_YEARS)."""
        default = settings_mod.get().retention_years
        try:
            self.years = max(1, min(100, int(str(self.router.url.query_parameters.get("jaren", default)))))
        except ValueError:
            self.years = default
        self.selected, self.step, self.confirm, self.confirm_error = [], 0, "", ""
        self._reload()

    def set_years(self, value: str):
        """The years field: goes to the URL of that period (load reads it; nothing is read here)."""
        try:
            years = int(str(value).strip())
        except ValueError:
            years = 0
        if not 1 <= years <= 100:
            return rx.toast.error(self.ui_text("retention.bad_years"))
        return rx.redirect(f"{ROUTE}?jaren={years}")

    def toggle(self, person_id: str, checked: bool):
        """Select or deselect one listed person (only the list's ids can be chosen)."""
        if checked and person_id not in self.selected and any(r.id == person_id for r in self.rows):
            self.selected = self.selected + [person_id]
        elif not checked:
            self.selected = [i for i in self.selected if i != person_id]

    def select_all(self, checked: bool):
        self.selected = [r.id for r in self.rows] if checked else []

    def set_step(self, step: int):
        """Open (1), go on to typing the number (2) or close (0) the erasure dialog."""
        self.step = max(0, min(2, int(step))) if self.selected else 0
        self.confirm, self.confirm_error = "", ""

    def set_confirm(self, value: str):
        self.confirm = str(value)[:20]

    @requires(Permission.PRIVACY)
    def erase_selected(self):
        """The second confirmation: the typed number must be the number selected; then each
        selected person still on the list is erased (privacy.erase_many), which cannot be undone."""
        if self.step != 2 or self.confirm.strip() != str(len(self.selected)) or not self.selected:
            self.confirm_error = self.ui_text("retention.type_count_error")
            return None
        done = service.erase_many(self.signed_in_actor(), list(self.selected), via="ui", years=self.years)
        self.step, self.confirm, self.confirm_error, self.selected = 0, "", "", []
        self._reload()
        return rx.toast.success(self.ui_text("retention.erased").format(count=len(done)))
