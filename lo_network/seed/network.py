"""Demo links: organisation links and "knows" links between demo people, so the
link sections, introduction routes and network measures have something to show. Drawn
from the demo's seeded random source; each link validated by the domain like any other."""

from __future__ import annotations

import random
from datetime import date, timedelta

from lo_network.domain import links as domain
from lo_network.store import driver
from lo_network.store import links as store
from lo_network.store.queries import q

MAX_LINKS = 20_000   # per kind: keeps a 100,000-organisation demo quick to load
BATCH = 1000
ORGANISATION_WEIGHTS = {"partner": 20, "customer": 20, "supplier": 15, "member_of": 15, "collaborates": 20,
                        "part_of": 5, "shareholder": 5}


def _dates(rng: random.Random, today: date) -> tuple[str, str | None]:
    since = today - timedelta(days=rng.randrange(30, 8 * 365))
    if rng.random() < 0.15:
        until = since + timedelta(days=rng.randrange(30, max(31, (today - since).days)))
        return since.isoformat(), min(until, today).isoformat()
    return since.isoformat(), None


def _pairs(rng: random.Random, ids: list[str], count: int) -> list[tuple[str, str]]:
    seen, out = set(), []
    for _ in range(count * 2):
        if len(out) >= count or len(ids) < 2:
            break
        a, b = rng.sample(ids, 2)
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            out.append((a, b))
    return out


def _write(kind: str, rows: list[dict]) -> int:
    return sum(driver.write(store.add_many, kind, rows[i:i + BATCH]) for i in range(0, len(rows), BATCH))


def add_links(rng: random.Random, organisation_ids: list[str], today: date) -> int:
    """About one link per two organisations and one "knows" per three people; how many made."""
    types = list(ORGANISATION_WEIGHTS)
    weights = list(ORGANISATION_WEIGHTS.values())
    rows = []
    for a, b in _pairs(rng, organisation_ids, min(len(organisation_ids) // 2, MAX_LINKS)):
        since, until = _dates(rng, today)
        raw = {"type": rng.choices(types, weights)[0], "since": since, "until": until, "source": "demo"}
        rows.append(dict(domain.validate(domain.ORGANISATION, raw, today=today), from_id=a, to_id=b))
    made = _write(domain.ORGANISATION, rows)
    people = driver.read(lambda tx: [r["id"] for r in tx.run(q("links/demo_people"), limit=3 * MAX_LINKS)])
    rows = []
    for a, b in _pairs(rng, people, min(len(people) // 3, MAX_LINKS)):
        since, until = _dates(rng, today)
        raw = {"type": "knows" if rng.random() < 0.85 else "introduced_by", "since": since, "until": until,
               "source": "demo"}
        rows.append(dict(domain.validate(domain.PERSON, raw, today=today), from_id=a, to_id=b))
    return made + _write(domain.PERSON, rows)
