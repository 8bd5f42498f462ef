"""The ecosystem map: the filtered network, or one record's neighbourhood (ego view)."""

from __future__ import annotations

from typing import Any

from lo_network.domain import ecosystem as domain
from lo_network.domain.errors import ValidationError
from lo_network.domain.permissions import MAP, Permission, require
from lo_network.domain.text import fold
from lo_network.messages import msg
from lo_network.services import consent
from lo_network.services.accounts import Actor
from lo_network.store import driver
from lo_network.store import metrics as store

ORGANISATION_LIMIT = 2500


def network(actor: Actor, filters: dict[str, Any], *, year: str = "", people: bool = True,
            search: str = "") -> dict:
    """Organisations matching ``filters`` (region, kind, status, theme), their people and links
    active in ``year`` (default: now)."""
    require(actor.role, Permission.VIEW)
    start, end = _window(year)

    def work(tx):
        organisations = store.map_organisations(tx, filters, ORGANISATION_LIMIT, fold(search)[:100])
        return organisations, store.map_ties(tx, [o["id"] for o in organisations], start, end)

    organisations, ties = driver.read(work)
    return domain.build(organisations, _shown_ties(actor, ties), people=people, search=search)


def ego(actor: Actor, record_id: str, depth: int = 2, *, year: str = "", search: str = "") -> dict:
    """One organisation or person and its neighbourhood up to ``depth`` (1 or 2) steps."""
    require(actor.role, Permission.VIEW)
    if depth not in (1, 2):
        raise ValidationError({"depth": msg("map.depth.choose")})
    start, end = _window(year)

    def work(tx):
        found = store.map_ego(tx, record_id, depth, domain.MAX_NODES, start, end)
        organisations = [n for n in found if n["kind"] != domain.PERSON]
        people = [n["id"] for n in found if n["kind"] == domain.PERSON]
        return found, organisations, store.map_ties(tx, [o["id"] for o in organisations], start, end, people)

    found, organisations, ties = driver.read(work)
    hidden = consent.hidden(actor, [n["id"] for n in found if n["kind"] == domain.PERSON], MAP)
    found = [n for n in found if n["id"] not in hidden]
    return domain.build(found, _shown_ties(actor, ties, hidden), people=True, search=search,
                        only={n["id"] for n in found})


def _shown_ties(actor: Actor, ties: list[dict], hidden: set[str] | None = None) -> list[dict]:
    """The ties without people the map does not show (services.consent, MAP: no basis for
    the directory): WORKS_AT from them, LINKs with them."""
    people = sorted({t["a"] for t in ties if t["rel"] == "WORKS_AT"})  # person links join these
    hidden = (hidden or set()) | consent.hidden(actor, people, MAP)
    return [t for t in ties if t["a"] not in hidden and t["b"] not in hidden]


def _window(year: str) -> tuple[str, str]:
    try:
        return domain.window(year)
    except ValueError as exc:
        raise ValidationError({"year": msg("map.year.invalid")}) from exc
