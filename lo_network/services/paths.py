"""Introduction paths ("Wie kan ons voorstellen?"): shortest paths from a start to a target,
ranked by tie strength, each step explained."""

from __future__ import annotations

from datetime import date

from lo_network.domain import paths as domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import Permission, require
from lo_network.messages import msg
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.store import driver
from lo_network.store import paths as store


def home_organisation(actor: Actor) -> dict | None:
    """The signed-in user's organisation, when a person with the user's email works somewhere."""
    require(actor.role, Permission.VIEW)
    if not actor.email or "@" not in actor.email:
        return None
    return driver.read(store.home_organisation, actor.email, date.today().isoformat())


def find(actor: Actor, start_id: str, target_id: str, *, limit: int = 20, today: date | None = None) -> list[domain.Path]:
    """The shortest paths from start to target (organisations or people), strongest first."""
    require(actor.role, Permission.VIEW)
    errors = {}
    if not start_id:
        errors["start_id"] = msg("paths.start.choose")
    if not target_id:
        errors["target_id"] = msg("paths.target.choose")
    elif start_id == target_id:
        errors["target_id"] = msg("paths.same")
    if errors:
        raise ValidationError(errors)
    if consent.hidden(actor, [start_id, target_id]):  # as for a record that does not exist
        return []
    raw = driver.read(store.between, start_id, target_id)
    # a path through a person the actor may not see is left out (services.consent)
    hidden = consent.hidden(actor, {n["id"] for path in raw for n in path["nodes"] if n.get("kind") == "person"})
    raw = [path for path in raw if not any(n["id"] in hidden for n in path["nodes"])]
    return domain.rank(raw, today)[:limit]
