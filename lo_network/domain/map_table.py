"""The ecosystem map as a table: its text alternative (WCAG 1.1.1) for people who cannot see
or use the drawing. Built from the very data the map draws ({nodes, links})."""

from __future__ import annotations

from typing import Any

from lo_network.domain import vocab
from lo_network.domain.ecosystem import PERSON

MAX_ROWS = 300  # rows shown; the rest is named in a note (narrow down with the map's filters)
MAX_NEIGHBOURS = 12  # names per row; the count says how many ties there are


def kind_label(kind: str) -> tuple[str, str]:
    if kind == PERSON:
        return "Persoon", "Person"
    return vocab.KINDS.get(kind, (kind, kind))


def rows(graph: dict[str, Any], limit: int = MAX_ROWS) -> list[dict[str, Any]]:
    """One row per node, most ties first then by name: name, link, kind [nl, en], the number
    of ties and the names of what it is tied to (A–Z)."""
    names = {node["id"]: node.get("name") or "" for node in graph.get("nodes", [])}
    neighbours: dict[str, set[str]] = {node_id: set() for node_id in names}
    for link in graph.get("links", []):
        a, b = link["source"], link["target"]
        if isinstance(a, dict):  # the drawing library may have replaced ids by node objects
            a, b = a.get("id"), b.get("id")
        if a in neighbours and b in neighbours:
            neighbours[a].add(b)
            neighbours[b].add(a)
    out = []
    for node in graph.get("nodes", []):
        tied = sorted((names[other] for other in neighbours[node["id"]]), key=str.casefold)
        shown = ", ".join(tied[:MAX_NEIGHBOURS]) + (" …" if len(tied) > MAX_NEIGHBOURS else "")
        out.append({"id": node["id"], "name": node.get("name") or "", "href": node.get("href") or "",
                    "kind": list(kind_label(node.get("kind") or "")), "count": len(tied), "tied": shown})
    out.sort(key=lambda row: (-row["count"], row["name"].casefold()))
    return out[:limit]
