"""Network measures with igraph (its C core: 100,000 organisations and their people in
seconds, where networkx took minutes): per organisation and person degree, betweenness
(brokers) and community; per network density, largest connected share and number of
communities; and single points of failure: the only connector between two regions or two
themes, and the cut vertices (whose removal splits the network).

Input is what the graph returns: nodes {id, kind, name, region, themes} and ties {a, b}.
The graph is taken as undirected and simple (two ties between the same pair count once).

Betweenness is exact up to EXACT_UP_TO nodes. Above that it is estimated from SAMPLE
pivots drawn with a fixed seed: the shortest paths from the pivots to every node, scaled by
nodes / pivots (Brandes and Pich's estimator, what networkx's ``k`` does). Its error is
measured in ``tests/perf/bench_network.py``."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import igraph as ig

from lo_network.domain import vocab

EXACT_UP_TO = 1200     # nodes; above this betweenness is estimated from SAMPLE pivots
SAMPLE = 200
SEED = 42
PIVOTS_PER_STEP = 10   # pivots per call into igraph: progress is reported between calls
CUTS_SHOWN = 25

# (stage, done, total): the stages in order are "betweenness" and "communities"
Progress = Callable[[str, int, int], None]


@dataclass
class Result:
    per_node: dict[str, dict[str, Any]]
    network: dict[str, Any]
    findings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Network:
    """The undirected simple graph, its vertices numbered as ``ids``."""
    graph: ig.Graph
    ids: list[str]
    nodes: list[dict[str, Any]]   # per vertex: kind, name, region, themes


def build(nodes: list[dict[str, Any]], ties: list[dict[str, Any]]) -> Network:
    ids = [n["id"] for n in nodes]
    index = {node_id: i for i, node_id in enumerate(ids)}
    edges = {(min(a, b), max(a, b)) for a, b in ((index.get(t["a"]), index.get(t["b"])) for t in ties)
             if a is not None and b is not None and a != b}
    data = [{"kind": n.get("kind"), "name": n.get("name") or "", "region": n.get("region") or "",
             "themes": list(n.get("themes") or [])} for n in nodes]
    return Network(ig.Graph(n=len(ids), edges=sorted(edges)), ids, data)


def betweenness(net: Network, progress: Progress | None = None) -> tuple[list[float], bool]:
    """Normalised betweenness per vertex (each pair of other vertices counts once, divided
    by their number), and whether it was estimated."""
    g, n = net.graph, net.graph.vcount()
    if n < 3:
        return [0.0] * n, False
    estimated = n > EXACT_UP_TO
    pivots = random.Random(SEED).sample(range(n), SAMPLE) if estimated else list(range(n))
    total = [0.0] * n
    if progress:
        progress("betweenness", 0, len(pivots))
    for start in range(0, len(pivots), PIVOTS_PER_STEP):
        # igraph adds the paths from these sources to every vertex; over all sources that
        # is the exact betweenness, so the sum over a sample is scaled by n / pivots
        part = g.betweenness(directed=False, sources=pivots[start:start + PIVOTS_PER_STEP], targets=None)
        total = [a + b for a, b in zip(total, part)]
        if progress:
            progress("betweenness", min(start + PIVOTS_PER_STEP, len(pivots)), len(pivots))
    scale = (n / len(pivots)) * 2 / ((n - 1) * (n - 2))
    return [value * scale for value in total], estimated


def communities(net: Network) -> list[int]:
    """Per vertex its community number (Louvain, seed fixed; 0 = the largest), -1 for a
    vertex without ties."""
    g = net.graph
    out = [-1] * g.vcount()
    if g.ecount() == 0:
        return out
    # igraph draws from the random number generator it is given; a seeded one makes the
    # communities the same on every run over the same network
    ig.set_random_number_generator(random.Random(SEED))
    try:
        found = g.community_multilevel()
    finally:
        ig.set_random_number_generator(random)
    groups = [members for members in found if len(members) > 1 or g.degree(members[0]) > 0]
    ordered = sorted(groups, key=lambda members: (-len(members), min(net.ids[v] for v in members)))
    for number, members in enumerate(ordered):
        for v in members:
            out[v] = number
    return out


def _connectors(net: Network, group_of) -> dict[tuple[str, str], set[str]]:
    """(group A, group B) -> the connectors between them: an organisation in both groups,
    a person working at organisations of both, or a link between organisations of each."""
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(groups_a, groups_b, connector):
        for a in groups_a:
            for b in groups_b:
                if a != b:
                    pairs[tuple(sorted((a, b)))].add(connector)

    nodes, ids = net.nodes, net.ids
    groups = [group_of(d) if d["kind"] == "organisation" else set() for d in nodes]
    for v, neighbours in enumerate(net.graph.get_adjlist()):
        if nodes[v]["kind"] == "organisation":
            add(groups[v], groups[v], ids[v])
        elif nodes[v]["kind"] == "person":
            reached = set().union(*(groups[m] for m in neighbours)) if neighbours else set()
            add(reached, reached, ids[v])
    for u, v in net.graph.get_edgelist():
        if nodes[u]["kind"] == nodes[v]["kind"] == "organisation":
            add(groups[u], groups[v], f"{ids[u]}|{ids[v]}")
    return pairs


def single_points(net: Network) -> list[dict[str, Any]]:
    """Region and theme pairs joined by exactly one connector, with that connector."""
    index = {node_id: i for i, node_id in enumerate(net.ids)}
    out = []
    for what, words, group_of in (
        ("region", vocab.REGIONS, lambda d: {d["region"]} if d["region"] else set()),
        ("theme", vocab.THEMES, lambda d: set(d["themes"])),
    ):
        for (a, b), connectors in sorted(_connectors(net, group_of).items()):
            if len(connectors) != 1:
                continue
            (connector,) = connectors
            ids = connector.split("|")
            out.append({
                "what": what, "a": a, "b": b,
                "a_nl": words.get(a, (a, a))[0], "a_en": words.get(a, (a, a))[1],
                "b_nl": words.get(b, (b, b))[0], "b_en": words.get(b, (b, b))[1],
                "ids": ids, "kinds": [net.nodes[index[i]]["kind"] for i in ids],
                "names": [net.nodes[index[i]]["name"] for i in ids],
            })
    return out


def _split_size(net: Network, components: ig.VertexClustering, vertex: int) -> int:
    """How many vertices lose their connection to the largest part when ``vertex`` goes."""
    component = [v for v in components[components.membership[vertex]] if v != vertex]
    parts = sorted(net.graph.induced_subgraph(component).connected_components().sizes(), reverse=True)
    return sum(parts[1:])


def compute(nodes: list[dict[str, Any]], ties: list[dict[str, Any]], progress: Progress | None = None) -> Result:
    net = build(nodes, ties)
    g, n = net.graph, net.graph.vcount()
    between, estimated = betweenness(net, progress)
    if progress:
        progress("communities", 0, 1)
    community = communities(net)
    degree = g.degree()
    per_node = {net.ids[v]: {"degree": degree[v], "betweenness": round(between[v], 6), "community": community[v]}
                for v in range(n)}
    components = g.connected_components()
    largest = max(components.sizes(), default=0)
    kinds = [d["kind"] for d in net.nodes]
    network = {
        "nodes": n, "edges": g.ecount(),
        "organisations": kinds.count("organisation"),
        "people": kinds.count("person"),
        "density": round(g.density(), 6) if n > 1 else 0.0,
        "largest_share": round(largest / n, 4) if n else 0.0,
        "communities": len({c for c in community if c >= 0}),
        "isolated": community.count(-1),
        "components": len(components),
        "approximate": estimated,
    }
    findings = single_points(net)
    cut = sorted(g.articulation_points(), key=lambda v: (-between[v], net.ids[v]))[:CUTS_SHOWN]
    findings += [{"what": "cut", "ids": [net.ids[v]], "kinds": [kinds[v]], "names": [net.nodes[v]["name"]],
                  "split": _split_size(net, components, v)} for v in cut]
    if progress:
        progress("communities", 1, 1)
    return Result(per_node, network, findings)
