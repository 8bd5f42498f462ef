"""react-force-graph-2d (a maintained canvas/d3 force graph from the npm registry) as a
Reflex component; rendered in the browser only (it needs a canvas)."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex_base.components.component import NoSSRComponent
from reflex_base.event import EventHandler, no_args_event_spec
from reflex_base.vars.base import Var
from reflex_base.vars.object import ObjectVar

from lo_network.domain.ecosystem import GROUP_FONT


def _node_href(node: ObjectVar[dict]) -> tuple[Var[str]]:
    """onNodeClick(node, event) -> the node's page."""
    return (node["href"].to(str),)


# Writes the name under each node marked ``label`` (domain.ecosystem.mark_labels), drawn
# after (on top of) the default dot: a node's name keeps its size on screen whatever the zoom;
# a group's name is sized in graph units, like the ring the groups are placed on
# (domain.ecosystem.ring), so zooming out cannot make neighbouring group names overlap.
LABEL_PAINTER: Var = Var(_js_expr="""((node, ctx, scale) => {
  if (!node.label || !node.name) return;
  const size = node.kind === "group" ? GROUP_FONT : 11 / scale;
  const r = Math.sqrt(Math.max(0, node.val || 1)) * 4;
  ctx.font = `${node.kind === "group" ? "600 " : ""}${size}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineWidth = 3 / scale;
  ctx.strokeStyle = "rgba(255,255,255,0.85)";
  ctx.strokeText(node.name, node.x, node.y + r + 2 / scale);
  ctx.fillStyle = "#1c2024";
  ctx.fillText(node.name, node.x, node.y + r + 2 / scale);
})""".replace("GROUP_FONT", str(GROUP_FONT)))
AFTER: Var = Var(_js_expr='(() => "after")')  # an accessor: a plain string would name a field


def fitting_width(widest: int) -> Var:
    """A canvas as wide as the page's content (up to ``widest`` px), read when it is drawn: a
    fixed width would be cut off on a phone. 34 px: the page's side padding and the frame."""
    return Var(_js_expr=f"Math.max(280, Math.min({widest}, window.innerWidth - 34))")


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
    link_width: rx.Var[str]
    node_canvas_object: rx.Var[Any]
    node_canvas_object_mode: rx.Var[Any]
    width: rx.Var[int]
    height: rx.Var[int]
    cooldown_ticks: rx.Var[int]
    warmup_ticks: rx.Var[int]
    background_color: rx.Var[str]
    max_zoom: rx.Var[float]

    on_node_click: EventHandler[_node_href]
    on_engine_stop: EventHandler[no_args_event_spec]


force_graph_2d = ForceGraph2D.create
