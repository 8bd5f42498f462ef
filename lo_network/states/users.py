"""Users admin (/gebruikers): list accounts, create one, change a role, (de)activate.

Only for roles with MANAGE_USERS; every handler is guarded and audited."""

from __future__ import annotations

import dataclasses

import reflex as rx

from lo_network.domain.dates import dutch
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission
from lo_network.services import accounts
from lo_network.sqlstore.models import User
from lo_network.states.form_values import errors_from
from lo_network.states.session import SessionState, requires


@dataclasses.dataclass
class UserRow:
    id: int = 0
    email: str = ""
    name: str = ""
    role: str = ""
    active: bool = True
    created: str = ""


def row_of(user: User) -> UserRow:
    return UserRow(id=user.id, email=user.email, name=user.name, role=user.role, active=user.active,
                   created=dutch(user.created_at.isoformat() if user.created_at else ""))


class UsersState(SessionState):
    users: list[UserRow] = []
    new_role: str = "coordinator"
    errors: dict[str, list[str]] = {}
    form_key: int = 0  # a new key empties the create form after a success

    def _reload(self) -> None:
        self.users = [row_of(u) for u in accounts.list_users()]

    @requires(Permission.MANAGE_USERS, graph=False)
    def load(self):
        """on_load of /gebruikers."""
        self.errors = {}
        self._reload()

    def set_new_role(self, role: str):
        """The role chosen in the create form (a draft; create checks it)."""
        self.new_role = role

    @requires(Permission.MANAGE_USERS, graph=False)
    def create(self, form_data: dict):
        actor = self.signed_in_actor()
        try:
            user = accounts.create_user(
                str(form_data.get("email") or ""), str(form_data.get("password") or ""),
                self.new_role, name=str(form_data.get("name") or ""), actor_email=actor.email, via="ui",
            )
        except ValidationError as exc:
            self.errors = errors_from(exc)
            return rx.toast.error(self.ui_text("common.fix_errors"), close_button=True)
        self.errors = {}
        self.form_key += 1
        self._reload()
        return rx.toast.success(f"{self.ui_text('users.created_ok')}: {user.email}")

    @requires(Permission.MANAGE_USERS, graph=False)
    def change_role(self, user_id: int, role: str):
        actor = self.signed_in_actor()
        # a refusal (last admin) becomes a toast; the service writes the audit entry
        user = accounts.set_role(int(user_id), role, actor_email=actor.email, via="ui")
        self._reload()
        return rx.toast.success(f"{self.ui_text('users.role_changed')}: {user.email}")

    @requires(Permission.MANAGE_USERS, graph=False)
    def set_active(self, user_id: int, active: bool):
        actor = self.signed_in_actor()
        # a refusal becomes a toast; the service writes the audit entry
        user = accounts.set_active(int(user_id), bool(active), actor_email=actor.email, via="ui")
        self._reload()
        return rx.toast.success(
            f"{self.ui_text('users.activated' if user.active else 'users.deactivated')}: {user.email}"
        )
