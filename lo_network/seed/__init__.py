"""Demo data: a fictional Overijssel logistics network."""

from __future__ import annotations

from typing import Iterator


def seed_all(replace: bool = False, organisations: int | None = None, seed: int = 7) -> Iterator[str]:
    """Every feature's demo data, in order (``seed-demo``, ``serve --demo``, the backup
    test): the network, activities, follow-up history and a year of past activities.
    Yields a one-line summary per part."""
    from lo_network.seed import activities, demo, followup, kpis
    from lo_network.services import followup as followup_service

    yield demo.seed(replace=replace, organisations=organisations, seed=seed)
    yield activities.seed(replace=replace)
    yield followup.seed()
    yield kpis.seed()
    yield f"last activity derived for every organisation: {followup_service.refresh_last_activity()} changed"
