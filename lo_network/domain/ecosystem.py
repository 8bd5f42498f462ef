"""The ecosystem map's data: nodes coloured by kind and sized by how connected they are on
the map, ties between them, a search that highlights, and the time window of a year."""

from __future__ import annotations

import math
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
LABELLED = 30  # names written on the canvas: the largest nodes, or all when this few
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
                              "region": o.get("region") or "",
                              "href": (ROUTES[PERSON] if kind == PERSON else "/organisaties/") + o["id"]}
    links, seen = [], set()
    for t in ties:
        a, b = t["a"], t["b"]
        if t["rel"] == "WORKS_AT":
            if not people or (only is not None and a not in only):
                continue
            nodes.setdefault(a, {"id": a, "name": t.get("person_name") or "", "kind": PERSON, "region": "",
                                 "href": ROUTES[PERSON] + a})
        if a not in nodes or b not in nodes or a == b or (a, b, t["rel"]) in seen:
            continue
        seen.add((a, b, t["rel"]))
        if t["rel"] == "LINK":
            kind = PERSON if nodes[a]["kind"] == PERSON else link_domain.ORGANISATION
            label = link_domain.label(kind, t.get("type") or "", True)[0]
        else:
            label = "werkt bij"
        links.append({"source": a, "target": b, "label": label, "width": 1})
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
    out = list(nodes.values())
    mark_labels(out)
    return {"nodes": out, "links": links, "hits": hits}


def mark_labels(nodes: list[dict[str, Any]]) -> None:
    """Set ``label`` on the nodes whose name the canvas writes: all when few, otherwise the
    largest (by val) and every highlighted one; a dot of 2,000 names is unreadable."""
    ranked = sorted(nodes, key=lambda n: (-n.get("val", 1), n.get("name") or ""))
    shown = {id(n) for n in ranked[:LABELLED]}
    for node in nodes:
        node["label"] = len(nodes) <= LABELLED or id(node) in shown or node.get("color") == HIGHLIGHT


GROUP_BY = ("region", "kind", "")
GROUP_PREFIX = "group:"
OTHER = "_other"
# Group names are written in graph units (they grow and shrink with the zoom, unlike a
# member's name), so a ring laid out for them stays free of overlap at every zoom.
GROUP_FONT = 13
GROUP_CHAR = 0.62 * GROUP_FONT  # a generous average width of one character of that font
GROUP_GAP = 36


def ring(groups: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Fixed places for the group nodes: one group in the middle; more on a circle in the given
    order, clockwise from the top centre, each given an arc longer than its name is wide, so the
    names written under neighbouring nodes do not run into each other."""
    if len(groups) == 1:
        return {groups[0]["id"]: (0.0, 0.0)}
    arcs = [len(g["name"]) * GROUP_CHAR + GROUP_GAP for g in groups]
    radius = max(sum(arcs) / (2 * math.pi), 120.0)
    places: dict[str, tuple[float, float]] = {}
    angle = -math.pi / 2 - arcs[0] / radius / 2  # the first (largest) group right at the top
    for group, arc in zip(groups, arcs):
        half = arc / radius / 2
        angle += half
        places[group["id"]] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
        angle += half
    return places


def group_names(by: str, lang: str) -> dict[str, str]:
    words = vocab.REGIONS if by == "region" else dict(vocab.KINDS, **{PERSON: ("Personen", "People")})
    names = {k: (en if lang == "en" else nl) for k, (nl, en) in words.items()}
    names[OTHER] = "Onbekend" if lang != "en" else "Unknown"
    return names


def group_of(graph: dict[str, Any], by: str) -> dict[str, str]:
    """node id -> its group key: an organisation by its region or kind; a person joins the
    group of the first organisation it works at (kind: the people's own group)."""
    key: dict[str, str] = {}
    for node in graph["nodes"]:
        if node["kind"] != PERSON or by == "kind":
            key[node["id"]] = node.get(by) or OTHER
    for link in graph["links"]:
        a, b = link["source"], link["target"]
        if a not in key and b in key:
            key[a] = key[b]
    for node in graph["nodes"]:
        key.setdefault(node["id"], OTHER)
    return key


def cluster(graph: dict[str, Any], by: str, expanded: set[str] | frozenset[str] = frozenset(),
            lang: str = "nl") -> dict[str, Any]:
    """The map of ``build`` with one node per group (``by``: 'region' or 'kind'), sized by its
    member count and linked to other groups by the number of ties between their members; the
    groups in ``expanded`` and those with a search hit show their own nodes instead."""
    if by not in ("region", "kind"):
        return graph
    key = group_of(graph, by)
    names = group_names(by, lang)
    open_groups = set(expanded) | {key[n["id"]] for n in graph["nodes"] if n.get("color") == HIGHLIGHT}
    members: dict[str, int] = {}
    for node in graph["nodes"]:
        members[key[node["id"]]] = members.get(key[node["id"]], 0) + 1

    def shown(node_id: str) -> str:
        return node_id if key[node_id] in open_groups else GROUP_PREFIX + key[node_id]

    groups = sorted(members.items(), key=lambda kv: (-kv[1], kv[0]))  # largest first
    titles = {group: f"{names.get(group, group)} ({count})" for group, count in groups}
    # With every group closed, the groups are pinned on a ring (fx/fy fix a node in the force
    # layout) where their names cannot overlap. Once one is open, its members' ties pull the
    # other groups where they belong, so those move freely among them (pinned, they would sit
    # hidden under the members).
    places = ring([{"id": GROUP_PREFIX + group, "name": titles[group]} for group, _ in groups])
    nodes = [node for node in graph["nodes"] if key[node["id"]] in open_groups]
    for group, count in groups:
        if group not in open_groups:
            colour = COLOURS.get(group, "#5b5bd6") if by == "kind" else "#5b5bd6"
            x, y = places[GROUP_PREFIX + group]
            pin = {} if open_groups else {"fx": x, "fy": y}
            nodes.append({"id": GROUP_PREFIX + group, "name": titles[group], "x": x, "y": y, **pin,
                          "kind": "group", "group": group, "href": GROUP_PREFIX + group, "color": colour,
                          "val": round(1 + count ** 0.5 / 2, 1), "degree": 0, "members": count})
    links: list[dict[str, Any]] = []
    weights: dict[tuple[str, str], int] = {}
    for link in graph["links"]:
        a, b = shown(link["source"]), shown(link["target"])
        if a == b:
            continue
        if a.startswith(GROUP_PREFIX) or b.startswith(GROUP_PREFIX):
            pair = (min(a, b), max(a, b))
            weights[pair] = weights.get(pair, 0) + 1
        else:
            links.append(dict(link))
    for (a, b), weight in sorted(weights.items()):
        links.append({"source": a, "target": b, "weight": weight, "width": round(1 + math.log2(weight), 2),
                      "label": f"{weight} {'ties' if lang == 'en' else 'verbindingen'}"})
    for node in nodes:
        if node["kind"] == "group":
            node["degree"] = sum(w for (a, b), w in weights.items() if node["id"] in (a, b))
    mark_labels(nodes)
    for node in nodes:
        node["label"] = node["label"] or node["kind"] == "group"
    return {"nodes": nodes, "links": links, "hits": graph.get("hits", 0)}
