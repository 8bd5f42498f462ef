"""The ecosystem map's data: nodes coloured by kind and sized by how connected they are on
the map, ties between them, a search that highlights, and the time window of a year."""

from __future__ import annotations

from datetime import date
from typing import Any

from lo_network.domain import links as link_domain
from lo_network.domain import vocab
from lo_network.domain.text import fold

PERSON = "person"
COLOURS = {
    "company": "#12a594", "knowledge_institute": "#8e4ec6", "education": "#0090ff", "municipality": "#f76b15",
    "port_network": "#e5484d", "government": "#a18072", "branch_association": "#46a758", PERSON: "#8b8d98",
}
HIGHLIGHT = "#ffc53d"
MAX_NODES = 5000
ROUTES = {PERSON: "/personen/"}


def legend() -> list[tuple[str, str, str]]:
    """(colour, nl, en) per kind."""
    out = [(COLOURS[k], nl, en) for k, (nl, en) in vocab.KINDS.items()]
    return out + [(COLOURS[PERSON], "Persoon", "Person")]


def window(year: str | int | None, today: date | None = None) -> tuple[str, str]:
    """The ISO window of a year ('' or None: today only, i.e. ties active now)."""
    today = today or date.today()
    if not year:
        return today.isoformat(), today.isoformat()
    return f"{int(year):04d}-01-01", f"{int(year):04d}-12-31"


def build(organisations: list[dict[str, Any]], ties: list[dict[str, Any]], *, people: bool = True,
          search: str = "", only: set[str] | None = None) -> dict[str, Any]:
    """{nodes: [{id, name, kind, color, val, href}], links: [{source, target, label}]}.

    ``organisations`` may hold people too (kind 'person', ego view); ``only``: keep just these
    node ids (ego view). Otherwise a person appears through an employment."""
    nodes: dict[str, dict[str, Any]] = {}
    for o in organisations:
        if only is None or o["id"] in only:
            kind = o.get("kind") or "company"
            nodes[o["id"]] = {"id": o["id"], "name": o.get("name") or "", "kind": kind,
                              "href": (ROUTES[PERSON] if kind == PERSON else "/organisaties/") + o["id"]}
    links, seen = [], set()
    for t in ties:
        a, b = t["a"], t["b"]
        if t["rel"] == "WORKS_AT":
            if not people or (only is not None and a not in only):
                continue
            nodes.setdefault(a, {"id": a, "name": t.get("person_name") or "", "kind": PERSON,
                                 "href": ROUTES[PERSON] + a})
        if a not in nodes or b not in nodes or a == b or (a, b, t["rel"]) in seen:
            continue
        seen.add((a, b, t["rel"]))
        if t["rel"] == "LINK":
            kind = PERSON if nodes[a]["kind"] == PERSON else link_domain.ORGANISATION
            label = link_domain.label(kind, t.get("type") or "", True)[0]
        else:
            label = "werkt bij"
        links.append({"source": a, "target": b, "label": label})
        if len(nodes) >= MAX_NODES:
            break
    degree: dict[str, int] = {}
    for link in links:
        degree[link["source"]] = degree.get(link["source"], 0) + 1
        degree[link["target"]] = degree.get(link["target"], 0) + 1
    wanted = fold(search).strip()
    hits = 0
    for node in nodes.values():
        node["degree"] = degree.get(node["id"], 0)
        node["val"] = 1 + node["degree"]
        match = bool(wanted) and wanted in fold(node["name"])
        hits += match
        node["color"] = HIGHLIGHT if match else COLOURS.get(node["kind"], COLOURS["company"])
        if match:
            node["val"] = max(node["val"], 6) * 3
    return {"nodes": list(nodes.values()), "links": links, "hits": hits}
