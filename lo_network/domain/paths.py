"""Introduction paths ("Wie kan ons voorstellen?"): how strong each tie is, how a path
ranks, and each step in words (nl, en).

A tie's strength lies in (0, 1]: an active employment is the strongest, an explicit "knows"
next; organisation links weigh by type; an ended tie weighs less the longer ago it ended;
a shared activity weighs by how recent it was. A path's score is the product of its ties
(one weak step makes a weak introduction)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lo_network.domain import links as link_domain
from lo_network.domain.dates import dutch

EMPLOYMENT = 1.0
LINK_STRENGTH = {
    "knows": 0.9, "introduced_by": 0.8,
    "part_of": 0.8, "partner": 0.7, "collaborates": 0.7, "customer": 0.6, "supplier": 0.6,
    "shareholder": 0.6, "member_of": 0.5,
}
ACTIVITY = 0.5
ENDED = 0.5          # an ended tie keeps at most half its strength ...
FADE_YEARS = 10      # ... and fades to a fifth of that over ten years


def _years_ago(value: Any, today: date) -> float | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return max(0.0, (today - day).days / 365.25)


def recency(value: Any, today: date) -> float:
    """1 for today (or unknown), falling linearly to 0.2 after FADE_YEARS."""
    years = _years_ago(value, today)
    if years is None:
        return 1.0
    return max(0.2, 1 - years / FADE_YEARS)


def is_ended(rel: dict[str, Any], today: date) -> bool:
    until = rel.get("until")
    return bool(until) and str(until)[:10] < today.isoformat()


def strength(rel: dict[str, Any], today: date, activity_date: Any = None) -> float:
    kind = rel.get("rel")
    if kind == "WORKS_AT":
        base = EMPLOYMENT
    elif kind == "LINK":
        base = LINK_STRENGTH.get(rel.get("type") or "", 0.5)
    else:  # a shared activity (REGISTERED_FOR)
        return round(ACTIVITY * recency(activity_date, today), 4)
    if is_ended(rel, today):
        base *= ENDED * recency(rel.get("until"), today)
    return round(base, 4)


ROUTES = {"organisation": "/organisaties/", "person": "/personen/", "activity": "/activiteiten/"}


def href(node: dict[str, Any]) -> str:
    """The page of a path's node (organisation, person or activity)."""
    route = ROUTES.get(node.get("kind") or "")
    return route + node["id"] if route and node.get("id") else ""


def pieces(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``text`` cut into (text, href) pieces: each of ``names`` (name, href) that occurs in it
    becomes a piece with its href (longest name first where names overlap), the rest href ''."""
    names = sorted({(n, h) for n, h in names if n and h}, key=lambda nh: -len(nh[0]))
    out: list[tuple[str, str]] = []
    rest = text
    while rest:
        found = [(rest.find(n), -len(n), n, h) for n, h in names if n in rest]
        if not found:
            out.append((rest, ""))
            break
        at, _, name, link = min(found)
        if at:
            out.append((rest[:at], ""))
        out.append((name, link))
        rest = rest[at + len(name):]
    return out


@dataclass
class Step:
    nl: str
    en: str
    strength: float
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, href) of its two ends


@dataclass
class Path:
    score: float
    steps: list[Step]
    nodes: list[dict[str, Any]] = field(default_factory=list)


def _ended_words(rel: dict[str, Any], today: date) -> tuple[str, str]:
    if is_ended(rel, today):
        return f" (tot {dutch(rel['until'])})", f" (until {dutch(rel['until'])})"
    if rel.get("since"):
        return f" (sinds {dutch(rel['since'])})", f" (since {dutch(rel['since'])})"
    return "", ""


def explain(a: dict[str, Any], b: dict[str, Any], rel: dict[str, Any], today: date) -> tuple[str, str]:
    """One step from node ``a`` to node ``b`` in words."""
    an, bn = a.get("name") or "?", b.get("name") or "?"
    when_nl, when_en = _ended_words(rel, today)
    kind = rel.get("rel")
    if kind == "WORKS_AT":
        person, org = (an, bn) if a.get("kind") == "person" else (bn, an)
        if is_ended(rel, today):
            return f"{person} werkte bij {org}{when_nl}", f"{person} worked at {org}{when_en}"
        role_nl = f" als {rel['role']}" if rel.get("role") else ""
        role_en = f" as {rel['role']}" if rel.get("role") else ""
        return f"{person} werkt bij {org}{role_nl}{when_nl}", f"{person} works at {org}{role_en}{when_en}"
    if kind == "LINK":
        link_kind = link_domain.PERSON if a.get("kind") == "person" else link_domain.ORGANISATION
        nl, en = link_domain.label(link_kind, rel.get("type") or "", rel.get("from_id") == a.get("id"))
        return f"{an} {nl} {bn}{when_nl}", f"{an} {en} {bn}{when_en}"
    if a.get("kind") == "activity":
        return f"{bn} nam ook deel aan {an}", f"{bn} also took part in {an}"
    return f"{an} nam deel aan {bn}", f"{an} took part in {bn}"


def rank(raw_paths: list[dict[str, Any]], today: date | None = None) -> list[Path]:
    """Paths as the graph returns them ({nodes, rels}) -> scored and explained, strongest first."""
    today = today or date.today()
    out = []
    for raw in raw_paths:
        nodes, rels = raw["nodes"], raw["rels"]
        steps, score = [], 1.0
        for i, rel in enumerate(rels):
            a, b = nodes[i], nodes[i + 1]
            activity = a if a.get("kind") == "activity" else b if b.get("kind") == "activity" else None
            s = strength(rel, today, activity.get("date") if activity else None)
            nl, en = explain(a, b, rel, today)
            steps.append(Step(nl, en, s, [(n.get("name") or "", href(n)) for n in (a, b)]))
            score *= s
        out.append(Path(round(score, 4), steps, nodes))
    return sorted(out, key=lambda p: (-p.score, [n.get("name") or "" for n in p.nodes]))
