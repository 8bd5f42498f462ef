"""react-force-graph-2d (a maintained canvas/d3 force graph from the npm registry) as a
Reflex component; rendered in the browser only (it needs a canvas)."""

from __future__ import annotations

import reflex as rx
from reflex_base.components.component import NoSSRComponent
from reflex_base.event import EventHandler
from reflex_base.vars.base import Var
from reflex_base.vars.object import ObjectVar


def _node_href(node: ObjectVar[dict]) -> tuple[Var[str]]:
    """onNodeClick(node, event) -> the node's page."""
    return (node["href"].to(str),)


class ForceGraph2D(NoSSRComponent):
    library: str | None = "react-force-graph-2d@1.29.1"
    tag = "ForceGraph2D"
    is_default = True

    graph_data: rx.Var[dict]
    node_id: rx.Var[str]
    node_label: rx.Var[str]
    node_color: rx.Var[str]
    node_val: rx.Var[str]
    node_rel_size: rx.Var[int]
    link_label: rx.Var[str]
    link_color: rx.Var[str]
    width: rx.Var[int]
    height: rx.Var[int]
    cooldown_ticks: rx.Var[int]
    warmup_ticks: rx.Var[int]
    background_color: rx.Var[str]

    on_node_click: EventHandler[_node_href]


force_graph_2d = ForceGraph2D.create
