"""Network measures with networkx: per organisation and person degree, betweenness (brokers)
and community; per network density, largest connected share and number of communities;
and single points of failure: the only connector between two regions or two themes, and
the cut vertices (whose removal splits the network).

Input is what the graph returns: nodes {id, kind, name, region, themes} and ties {a, b}.
The graph is taken as undirected and simple (two ties between the same pair count once)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from lo_network.domain import vocab

EXACT_UP_TO = 1200     # nodes; above this betweenness is estimated from SAMPLE pivots
SAMPLE = 200
SEED = 42


@dataclass
class Result:
    per_node: dict[str, dict[str, Any]]
    network: dict[str, Any]
    findings: list[dict[str, Any]] = field(default_factory=list)


def build(nodes: list[dict[str, Any]], ties: list[dict[str, Any]]) -> nx.Graph:
    graph = nx.Graph()
    for node in nodes:
        graph.add_node(node["id"], kind=node.get("kind"), name=node.get("name") or "",
                       region=node.get("region") or "", themes=list(node.get("themes") or []))
    for tie in ties:
        if tie["a"] in graph and tie["b"] in graph and tie["a"] != tie["b"]:
            graph.add_edge(tie["a"], tie["b"])
    return graph


def communities(graph: nx.Graph) -> dict[str, int]:
    """Node -> community number (0 = the largest); -1 for a node without ties."""
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    if linked.number_of_nodes() == 0:
        return {n: -1 for n in graph}
    found = nx.community.louvain_communities(linked, seed=SEED)
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    out = {n: -1 for n in graph}
    for number, members in enumerate(ordered):
        for n in members:
            out[n] = number
    return out


def _connectors(graph: nx.Graph, group_of) -> dict[tuple[str, str], set[str]]:
    """(group A, group B) -> the connectors between them: an organisation in both groups,
    a person working at organisations of both, or a link between organisations of each."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(groups_a, groups_b, connector):
        for a in groups_a:
            for b in groups_b:
                if a != b:
                    pairs[tuple(sorted((a, b)))].add(connector)

    for n, data in graph.nodes(data=True):
        if data["kind"] == "organisation":
            own = group_of(data)
            add(own, own, n)
        elif data["kind"] == "person":
            groups: set[str] = set()
            for m in graph.neighbors(n):
                if graph.nodes[m]["kind"] == "organisation":
                    groups |= group_of(graph.nodes[m])
            add(groups, groups, n)
    for u, v in graph.edges():
        if graph.nodes[u]["kind"] == graph.nodes[v]["kind"] == "organisation":
            add(group_of(graph.nodes[u]), group_of(graph.nodes[v]), f"{u}|{v}")
    return pairs


def single_points(graph: nx.Graph) -> list[dict[str, Any]]:
    """Region and theme pairs joined by exactly one connector, with that connector."""
    out = []
    for what, words, group_of in (
        ("region", vocab.REGIONS, lambda d: {d["region"]} if d["region"] else set()),
        ("theme", vocab.THEMES, lambda d: set(d["themes"])),
    ):
        for (a, b), connectors in sorted(_connectors(graph, group_of).items()):
            if len(connectors) != 1:
                continue
            (connector,) = connectors
            ids = connector.split("|")
            names = [graph.nodes[i]["name"] for i in ids]
            out.append({
                "what": what, "a": a, "b": b,
                "a_nl": words.get(a, (a, a))[0], "a_en": words.get(a, (a, a))[1],
                "b_nl": words.get(b, (b, b))[0], "b_en": words.get(b, (b, b))[1],
                "ids": ids, "kinds": [graph.nodes[i]["kind"] for i in ids], "names": names,
            })
    return out


def compute(nodes: list[dict[str, Any]], ties: list[dict[str, Any]]) -> Result:
    graph = build(nodes, ties)
    n = graph.number_of_nodes()
    approx = n > EXACT_UP_TO
    if n == 0:
        betweenness: dict[str, float] = {}
    elif approx:
        betweenness = nx.betweenness_centrality(graph, k=min(SAMPLE, n), seed=SEED, normalized=True)
    else:
        betweenness = nx.betweenness_centrality(graph, normalized=True)
    community = communities(graph)
    per_node = {node: {"degree": graph.degree(node), "betweenness": round(betweenness.get(node, 0.0), 6),
                       "community": community[node]} for node in graph}
    components = list(nx.connected_components(graph)) if n else []
    largest = max((len(c) for c in components), default=0)
    cut = sorted(nx.articulation_points(graph), key=lambda v: -betweenness.get(v, 0.0)) if n else []
    network = {
        "nodes": n, "edges": graph.number_of_edges(),
        "organisations": sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "organisation"),
        "people": sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "person"),
        "density": round(nx.density(graph), 6) if n > 1 else 0.0,
        "largest_share": round(largest / n, 4) if n else 0.0,
        "communities": len({c for c in community.values() if c >= 0}),
        "isolated": sum(1 for c in community.values() if c < 0),
        "components": len(components),
        "approximate": approx,
    }
    findings = single_points(graph)
    findings += [{"what": "cut", "ids": [v], "kinds": [graph.nodes[v]["kind"]], "names": [graph.nodes[v]["name"]],
                  "split": _split_size(graph, v)} for v in cut[:25]]
    return Result(per_node, network, findings)


def _split_size(graph: nx.Graph, vertex: str) -> int:
    """How many nodes lose their connection to the largest part when ``vertex`` goes."""
    component = nx.node_connected_component(graph, vertex)
    rest = graph.subgraph(component - {vertex})
    parts = sorted((len(c) for c in nx.connected_components(rest)), reverse=True)
    return sum(parts[1:])

