"""Demo data: a fictional logistics network of Overijssel (``lo-network seed-demo``).

Loads only into an empty graph, or after wiping it with ``replace``. Every record is built
as raw input, passed through the domain's own validation and written in UNWIND batches;
every node carries ``demo = true`` and the tag ``demo``. The same seed and size give the
same network. ``organisations`` scales it (the 100,000-organisation benchmark uses it).
"""

from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import Any, Iterable, Iterator

from lo_network.domain import organisations as organisation_domain
from lo_network.domain import people as people_domain
from lo_network.domain import vocab
from lo_network.domain.errors import ValidationError
from lo_network.domain.text import fold
from lo_network.seed import network as network_seed
from lo_network.seed import words
from lo_network.store import driver, network
from lo_network.store import organisations as organisation_store
from lo_network.store import people as people_store

DEFAULT_ORGANISATIONS = 300
BATCH = 1000  # records per write transaction
DEMO_TODAY = date(2026, 10, 1)  # the demo's "today", so its dates do not depend on the day it runs
DEMO_TAG = "demo"

_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"  # Dutch postcodes skip F, I, O, Q, U and Y
_NOT_POSTCODES = {"SA", "SD", "SS"}


@dataclass(frozen=True)
class _Written:
    """What people generation needs to know about an organisation already in the graph."""

    id: str
    job_key: str  # the company sub-kind or the kind: which job titles fit
    domain: str


def seed(replace: bool = False, organisations: int | None = None, seed: int = 7) -> str:
    """Load the demo network; returns a one-line summary of what happened."""
    size = DEFAULT_ORGANISATIONS if organisations is None else organisations
    if size < 1:
        raise ValidationError({"organisations": "minstens 1 / at least 1"})
    present = driver.read(network.counts)
    wiped = 0
    if present["organisations"] or present["people"]:
        if not replace:
            return (
                f"demo data not loaded: the graph is not empty (organisations: {present['organisations']}, "
                f"people: {present['people']}); use --replace to wipe it first"
            )
        wiped = network.wipe()

    started = time.perf_counter()
    generator = _Generator(random.Random(seed), min(DEMO_TODAY, date.today()))
    written: list[_Written] = []
    people = links = 0
    for chunk in _batched(generator.organisations(size), BATCH):
        props = [_as_demo(organisation_domain.validate(raw, today=generator.today)) for raw, _, _ in chunk]
        ids = driver.write(organisation_store.create_many, props)
        new = [_Written(oid, job_key, domain) for oid, (_, job_key, domain) in zip(ids, chunk)]
        written.extend(new)
        made_people, made_links = _load_people(generator, new, written)
        people += made_people
        links += made_links
    network_links = network_seed.add_links(random.Random(seed), [w.id for w in written], generator.today)
    seconds = time.perf_counter() - started
    replaced = f" after wiping {wiped} earlier nodes" if wiped else ""
    return (
        f"demo network loaded{replaced}: {len(written)} organisations, {people} people, "
        f"{links} employment links in {seconds:.1f} s (seed {seed}); {network_links} network links"
    )


def _load_people(generator: _Generator, new: list[_Written], written: list[_Written]) -> tuple[int, int]:
    """Generate, validate and write the people of ``new`` organisations with their jobs."""
    persons: list[dict[str, Any]] = []
    jobs: list[list[dict[str, Any]]] = []
    for organisation in new:
        for raw, employments in generator.people(organisation, written):
            persons.append(_as_demo(people_domain.validate(raw, today=generator.today)))
            jobs.append([people_domain.validate_employment(e) for e in employments])
    links = 0
    for start in range(0, len(persons), BATCH):
        ids = driver.write(people_store.create_many, persons[start:start + BATCH])
        batch = [dict(job, person_id=pid) for pid, own in zip(ids, jobs[start:start + BATCH]) for job in own]
        links += driver.write(people_store.add_employment_many, batch)
    return len(persons), links


def _as_demo(props: dict[str, Any]) -> dict[str, Any]:
    return dict(props, demo=True)


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _size_class(name: str) -> str:
    """A demo company's size class, most known, some not: drawn from a source of its
    own seeded by the name, so the main random sequence (and every other value) stays the same."""
    pick = random.Random(f"size:{name}").choices(list(words.SIZE_CLASS_WEIGHTS),
                                                   list(words.SIZE_CLASS_WEIGHTS.values()))[0]
    return pick if pick != "unknown" else ""


class _Generator:
    """Raw organisation and person records drawn from one seeded random source."""

    def __init__(self, rng: random.Random, today: date):
        self.rng = rng
        self.today = today
        self._slugs: set[str] = set()
        self._numbers: dict[str, int] = {}  # the next number to try for a name taken often
        self._emails: set[str] = set()
        self._kvks: Iterator[int] = iter(())

    # ------------------------------------------------------------ organisations
    def organisations(self, size: int) -> Iterator[tuple[dict[str, Any], str, str]]:
        """``size`` raw organisations as (raw, job key, email domain): the real institutions
        first (one of each kind before a second), then generated ones."""
        fixed = _round_robin_by_kind(words.INSTITUTIONS)
        fixed = fixed[:max(size // 5, min(size, len(vocab.KINDS)))]
        self._kvks = iter(self.rng.sample(range(10_000_000, 100_000_000), size))
        for name, kind, city, region in fixed:
            yield self._institution(name, kind, city, region)
        kinds = list(words.GENERATED_KIND_WEIGHTS)
        kind_weights = list(words.GENERATED_KIND_WEIGHTS.values())
        for _ in range(size - len(fixed)):
            yield self._generated(self.rng.choices(kinds, kind_weights)[0])

    def _institution(self, name: str, kind: str, city: str, region: str) -> tuple[dict, str, str]:
        domain = self._claim([name])[1]
        status = self.rng.choices(("partner", "participant", "prospect"), (40, 45, 15))[0]
        if kind == "port_network":  # the ports and the network itself are partners by nature
            status = "partner"
        raw = {
            "name": name, "kind": kind, "website": f"https://www.{domain}",
            "city": city, "municipality": name.removeprefix("Gemeente ") if kind == "municipality" else "",
            "region": region, "themes": self._themes(kind), "status": status,
            "status_since": self._status_since(status), "tags": self._tags("network"),
        }
        return raw, kind, domain

    def _generated(self, kind: str) -> tuple[dict, str, str]:
        rng = self.rng
        region = rng.choices(list(words.REGION_WEIGHTS), list(words.REGION_WEIGHTS.values()))[0]
        places = words.PLACES[region]
        city, municipality, (low, high), _ = rng.choices(places, [p[3] for p in places])[0]
        company_type, legal = "", ""
        claimed = None
        if kind != "company":
            claimed = self._claim([self._institution_name(kind, city) for _ in range(3)], number=False)
            status = rng.choices(("prospect", "participant", "partner", "former"), (30, 45, 15, 10))[0]
        if claimed is None:  # a company, or every fitting institution name is taken: a company then
            kind = "company"
            company_type = rng.choices(list(words.COMPANY_TYPE_WEIGHTS), list(words.COMPANY_TYPE_WEIGHTS.values()))[0]
            names = [self._company_name(company_type, region) for _ in range(5)]
            claimed = self._claim(names + [f"{name} {city}" for name in names])
            legal = rng.choices([f for f, _ in words.LEGAL_FORMS], [w for _, w in words.LEGAL_FORMS])[0]
            if "&" in claimed[0] and "&" in legal:
                legal = " B.V."
            status = rng.choices(("prospect", "participant", "partner", "former"), (35, 35, 12, 18))[0]
        name, domain = claimed
        job_key = company_type or kind
        raw = {
            "name": name + legal, "kind": kind, "company_type": company_type, "kvk": f"{next(self._kvks)}",
            "website": f"https://www.{domain}", "street": self._street(),
            "postcode": self._postcode(low, high), "city": city, "municipality": municipality, "region": region,
            "themes": self._themes(kind), "status": status, "status_since": self._status_since(status),
            "tags": self._tags(job_key),
            "notes": rng.choice(words.ORGANISATION_NOTES) if rng.random() < 0.25 else "",
        }
        if kind == "company":
            raw["size_class"] = _size_class(raw["name"])
        return raw, job_key, domain

    def _claim(self, candidates: list[str], number: bool = True) -> tuple[str, str] | None:
        """The first candidate name not taken yet (compared by its web slug), else the last
        one numbered (or None); with the organisation's web domain."""
        for name in candidates:
            if _slug(name) not in self._slugs:
                break
        else:
            if not number:
                return None
            base = candidates[-1]
            count = self._numbers.get(base, 2)
            while _slug(f"{base} {count}") in self._slugs:
                count += 1
            self._numbers[base] = count + 1
            name = f"{base} {count}"
        slug = _slug(name)
        self._slugs.add(slug)
        return name, f"{slug[:63].strip('-')}.example"  # a DNS label holds at most 63 characters

    def _company_name(self, company_type: str, region: str) -> str:
        pattern = self.rng.choice(words.COMPANY_PATTERNS[company_type])
        name = pattern.format(
            surname=self._owner(),
            adjective=self.rng.choice(words.REGION_ADJECTIVES[region]),
            brand=self.rng.choice(words.REGION_RIVERS[region]) + self.rng.choice(words.BRAND_ENDINGS),
        )
        return name[0].upper() + name[1:]  # "van den Berg Transport" -> "Van den Berg Transport"

    def _owner(self) -> str:
        """A family business's name part: 'Nijhuis', 'G.J. Nijhuis', 'Gebr. Nijhuis', 'Nijhuis & Wolters'."""
        rng = self.rng
        surname = rng.choice(words.SURNAMES)
        form = rng.choices(("plain", "initials", "brothers", "partners"), (50, 30, 8, 12))[0]
        if form == "initials":
            initials = "".join(f"{rng.choice(words.INITIALS)}." for _ in range(rng.choice((1, 2, 2, 3))))
            return f"{initials} {surname}"
        if form == "brothers":
            return f"Gebr. {surname}"
        if form == "partners":
            return f"{surname} & {rng.choice(words.SURNAMES)}"
        return surname

    def _institution_name(self, kind: str, city: str) -> str:
        pattern = self.rng.choice(words.INSTITUTION_PATTERNS[kind])
        return pattern.format(topic=self.rng.choice(words.INSTITUTION_TOPICS), city=city)

    def _street(self) -> str:
        number = self.rng.randint(1, 240)
        suffix = self.rng.choice("abc") if self.rng.random() < 0.1 else ""
        return f"{self.rng.choice(words.STREETS)} {number}{suffix}"

    def _postcode(self, low: int, high: int) -> str:
        number = self.rng.randint(low, high)
        if number > 9999:  # German
            return str(number)
        letters = "SA"
        while letters in _NOT_POSTCODES:
            letters = "".join(self.rng.choice(_POSTCODE_LETTERS) for _ in range(2))
        return f"{number} {letters}"

    def _themes(self, kind: str) -> list[str]:
        count = self.rng.choices((0, 1, 2, 3), (15, 45, 28, 12))[0]
        themes = set(self.rng.sample(list(vocab.THEMES), count))
        if kind in ("education", "knowledge_institute"):
            themes.add("knowledge_labour")
        return sorted(themes)

    def _status_since(self, status: str) -> str:
        earliest = {"prospect": self.today - timedelta(days=3 * 365)}.get(status, date(2014, 1, 1))
        latest = self.today - timedelta(days=30) if status == "former" else self.today
        return self._day(earliest, latest).isoformat()

    def _tags(self, job_key: str) -> list[str]:
        tags = [DEMO_TAG]
        own = words.ORGANISATION_TAGS.get(job_key)
        if own:
            tags += self.rng.sample(own, self.rng.choices((0, 1, 2), (30, 50, 20))[0])
        if self.rng.random() < 0.3 or not own:
            tags.append(self.rng.choice(words.ORGANISATION_TAGS["network"]))
        return tags

    def _day(self, earliest: date, latest: date) -> date:
        return earliest + timedelta(days=self.rng.randint(0, max(0, (latest - earliest).days)))

    # ------------------------------------------------------------ people
    def people(self, organisation: _Written, written: list[_Written]) -> list[tuple[dict, list[dict]]]:
        """The people of one organisation as (raw person, raw employments); some moved here
        from an earlier employer (an ended WORKS_AT)."""
        rng = self.rng
        if organisation.job_key in words.COMPANY_TYPE_WEIGHTS:
            count = rng.choices((1, 2, 3, 4), (25, 35, 28, 12))[0]
        else:
            count = rng.choices((2, 3, 4), (40, 40, 20))[0]
        titles = words.JOB_TITLES[organisation.job_key]
        result = []
        for position in range(count):
            title = titles[0] if position == 0 else rng.choice(titles[1:])
            first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.SURNAMES)
            basis = rng.choices(tuple(vocab.CONSENT_BASES), (30, 55, 8, 7))[0]
            given = basis != "none"
            person = {
                "first_name": first, "last_name": last,
                "email": self._email(first, last, organisation.domain), "job_title": title,
                "consent_basis": basis,
                "consent_date": self._day(date(2018, 5, 25), self.today).isoformat() if given else "",
                "consent_source": rng.choice(words.CONSENT_SOURCES) if given else "",
                "tags": [DEMO_TAG] + ([rng.choice(words.PERSON_TAGS)] if rng.random() < 0.3 else []),
            }
            since = self._day(date(2008, 1, 1), self.today)
            employments = [{"organisation_id": organisation.id, "role": title, "since": since.isoformat()}]
            if rng.random() < 0.15 and len(written) > 1:
                employments.append(self._earlier_job(organisation, written, since))
            result.append((person, employments))
        return result

    def _earlier_job(self, organisation: _Written, written: list[_Written], next_since: date) -> dict:
        earlier = organisation
        while earlier.id == organisation.id:
            earlier = self.rng.choice(written)
        until = next_since - timedelta(days=self.rng.randint(0, 60))
        since = until - timedelta(days=self.rng.randint(365, 3650))
        return {
            "organisation_id": earlier.id, "role": self.rng.choice(words.JOB_TITLES[earlier.job_key]),
            "since": since.isoformat(), "until": until.isoformat(),
        }

    def _email(self, first: str, last: str, domain: str) -> str:
        first_part = re.sub(r"[^a-z]", "", fold(first))
        last_part = re.sub(r"[^a-z]", "", fold(last))
        local = f"{first_part}.{last_part}" if self.rng.random() < 0.6 else f"{first_part[0]}.{last_part}"
        address, number = f"{local}@{domain}", 2
        while address in self._emails:
            address, number = f"{local}{number}@{domain}", number + 1
        self._emails.add(address)
        return address


def _round_robin_by_kind(institutions: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """The institutions reordered so each kind appears once before any appears twice."""
    by_kind: dict[str, list] = {}
    for item in institutions:
        by_kind.setdefault(item[1], []).append(item)
    ordered = []
    while any(by_kind.values()):
        for queue in by_kind.values():
            if queue:
                ordered.append(queue.pop(0))
    return ordered
