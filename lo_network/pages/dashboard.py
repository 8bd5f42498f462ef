"""/dashboard and /dashboard/kwartaal: network growth and participation for the
steering group, in Dutch first; each chart downloadable as PNG (drawn in the browser from the
chart's SVG) and its figures as CSV/XLSX."""

from __future__ import annotations

import json

import reflex as rx

from lo_network.components.forms import field, field_error, native_select
from lo_network.components.layout import layout, loading, page_header, section
from lo_network.components.money import EURO_TICK, euro_tooltip
from lo_network.domain import kpis as domain
from lo_network.domain import vocab
from lo_network.i18n import is_english, number_formatter, number_var, page_title, pick, t
from lo_network.pages import page
from lo_network.states.dashboard import QUARTER_ROUTE, ROUTE, DashboardState as S, QuarterState as Q

COLOURS = {"prospect": "#94a3b8", "participant": "#14b8a6", "partner": "#0f766e", "new": "#16a34a",
           "lost": "#dc2626", "activities": "#6366f1", "registrations": "#94a3b8", "present": "#0d9488",
           "no_shows": "#f59e0b", "attendance_pct": "#0d9488", "no_show_pct": "#f59e0b",
           "unique_organisations": "#0f766e", "first_time": "#6366f1", "repeat_pct": "#f59e0b",
           "count": "#0d9488", "conversion_pct": "#f59e0b", "activity_pct": "#6366f1", "present_pct": "#0d9488",
           "target_pct": "#cbd5e1", "largest_pct": "#0d9488", "density": "#be185d",
           "cross_region_links": "#f59e0b", "cross_theme_links": "#6366f1",
           "budget_target": "#cbd5e1", "budget_planned": "#6366f1", "budget_spent": "#0d9488"}

# The PNG download: the chart's SVG drawn on a canvas, saved by the browser (no server round trip;
# only 'self', data: and inline script, as the app's Content-Security-Policy allows).
PNG_SCRIPT = """(function(id, name, title){
  var box = document.getElementById(id); if (!box) return;
  var svg = box.querySelector('.recharts-wrapper > svg'); if (!svg) return;
  var r = svg.getBoundingClientRect(), pad = 36;
  var clone = svg.cloneNode(true);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', r.width); clone.setAttribute('height', r.height);
  var img = new Image();
  img.onload = function(){
    var c = document.createElement('canvas'); c.width = r.width * 2; c.height = (r.height + pad) * 2;
    var g = c.getContext('2d'); g.scale(2, 2); g.fillStyle = '#ffffff'; g.fillRect(0, 0, r.width, r.height + pad);
    g.fillStyle = '#111827'; g.font = 'bold 14px sans-serif'; g.fillText(title, 8, 22);
    g.drawImage(img, 0, pad);
    var a = document.createElement('a'); a.download = name; a.href = c.toDataURL('image/png');
    a.id = 'png-download-link'; document.body.appendChild(a); a.click(); a.remove();
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(clone));
})(%s, %s, %s)"""


def png_button(key: str, stem: str) -> rx.Component:
    script = PNG_SCRIPT % (json.dumps(f"chart-{key}"), json.dumps(f"{stem}.png"), "document.getElementById("
                           + json.dumps(f"chart-title-{key}") + ").innerText")
    return rx.button(rx.icon("image", size=14), t("dash.png"), on_click=rx.call_script(script), variant="soft",
                     color_scheme="gray", size="1", id=f"png-{key}", class_name="no-print")


def download_buttons(key: str) -> rx.Component:
    from lo_network.states.dashboard import CHARTS

    stem = CHARTS[key][0]
    return rx.hstack(
        png_button(key, stem),
        rx.button(rx.icon("download", size=14), t("dash.csv"), on_click=S.download(key, "csv"), variant="soft",
                  color_scheme="gray", size="1", id=f"csv-{key}"),
        rx.button(rx.icon("file-spreadsheet", size=14), t("dash.xlsx"), on_click=S.download(key, "xlsx"),
                  variant="soft", color_scheme="gray", size="1", id=f"xlsx-{key}"),
        spacing="1", title=t("dash.download"), class_name="no-print",
    )


def label_key() -> rx.Var:
    return rx.cond(is_english(), "en", "nl")


def chart_card(key: str, title: str, about: str | None, chart: rx.Component) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.flex(rx.heading(t(title), size="3", as_="h2", id=f"chart-title-{key}"), rx.spacer(),
                    download_buttons(key), width="100%", align="center", wrap="wrap", gap="2"),
            rx.text(t(about), size="1", color_scheme="gray") if about else rx.fragment(),
            rx.cond(S.charts[key].length() > 0, rx.box(chart, id=f"chart-{key}", width="100%", height="260px"),
                    rx.text(t("dash.no_data"), size="2", color_scheme="gray")),
            spacing="2", width="100%",
        ),
        size="2", width="100%", class_name="dash-chart",
    )


CATEGORY_WIDTH = 210  # px beside a horizontal bar chart: its longest label ("Regionale netwerkondersteuning")
TICK = {"fontSize": 12}


def is_count(series: list[str]) -> bool:
    """Counted series (organisations, activities, people) have whole numbers only on their axis."""
    return not any(s.endswith("_pct") or s == "density" for s in series)


def value_axis(axis, series: list[str], **props) -> rx.Component:
    """The axis of a chart's values: numbers written as the app writes them, whole ones only for counts."""
    return axis(allow_decimals=not is_count(series), tick_formatter=number_formatter(), tick=TICK, **props)


def tooltip() -> rx.Component:
    return rx.recharts.graphing_tooltip(custom_attrs={"formatter": number_formatter()})


def bars(key: str, x: rx.Var | str, series: list[str], *, stack: bool = False, layout_: str = "horizontal",
         lines: list[str] | None = None, source: type[rx.State] | None = None) -> rx.Component:
    parts: list[rx.Component] = [rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False)]
    counted = series + (lines or [])
    if layout_ == "vertical":
        parts += [value_axis(rx.recharts.x_axis, counted, type_="number"),
                  rx.recharts.y_axis(data_key=x, type_="category", width=CATEGORY_WIDTH, interval=0, tick=TICK)]
    elif isinstance(x, str) and x == "period":
        parts += [rx.recharts.x_axis(data_key=x, tick=TICK), value_axis(rx.recharts.y_axis, counted)]
    else:  # a few categories: every label shown
        parts += [rx.recharts.x_axis(data_key=x, interval=0, tick=TICK), value_axis(rx.recharts.y_axis, counted)]
    parts += [rx.recharts.bar(data_key=s, name=t(f"dash.s.{s}"), fill=COLOURS.get(s, "#0d9488"),
                              stack_id="a" if stack else None, is_animation_active=False) for s in series]
    parts += [rx.recharts.line(data_key=s, name=t(f"dash.s.{s}"), stroke=COLOURS.get(s, "#f59e0b"),
                               stroke_width=2, is_animation_active=False) for s in lines or []]
    parts += [tooltip(), rx.recharts.legend()]
    maker = rx.recharts.composed_chart if lines else rx.recharts.bar_chart
    return maker(*parts, data=(source or S).charts[key], layout=layout_, height=260, width="100%")


def line_chart(key: str, series: list[str], right: list[str] | None = None) -> rx.Component:
    """Lines over the periods, each point marked (a line of two points still reads); the
    ``right`` series (another unit, such as density) on an axis of their own on the right."""
    right = right or []
    axes = [value_axis(rx.recharts.y_axis, series, y_axis_id="left")]
    if right:
        axes.append(value_axis(rx.recharts.y_axis, right, y_axis_id="right", orientation="right"))
    return rx.recharts.line_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", vertical=False),
        rx.recharts.x_axis(data_key="period", tick=TICK), *axes,
        *[rx.recharts.line(data_key=s, name=t(f"dash.s.{s}"), stroke=COLOURS.get(s), stroke_width=2,
                           y_axis_id="right" if s in right else "left", dot=True, connect_nulls=True,
                           is_animation_active=False) for s in series + right],
        tooltip(), rx.recharts.legend(),
        data=S.charts[key], height=260, width="100%",
    )


# ---------------------------------------------------------------- the budget lens (euros)
def budget_chart(source: type[rx.State]) -> rx.Component:
    """Per programme line: the budget by the split, planned and spent, on a euro axis."""
    return rx.recharts.bar_chart(
        rx.recharts.cartesian_grid(stroke_dasharray="3 3", horizontal=False),
        rx.recharts.x_axis(type_="number", tick_formatter=EURO_TICK),
        rx.recharts.y_axis(data_key=label_key(), type_="category", width=200, interval=0),
        *[rx.recharts.bar(data_key=key, name=t(f"dash.s.budget_{key}"), fill=COLOURS[f"budget_{key}"],
                          is_animation_active=False) for key in ("target", "planned", "spent")],
        euro_tooltip(), rx.recharts.legend(),
        data=source.charts["budget"], layout="vertical", height=260, width="100%",
    )


def _euros(row: rx.Var, key: str) -> rx.Var:
    return rx.cond(is_english(), row[f"{key}_en"], row[f"{key}_nl"])


def budget_total(source: type[rx.State]) -> rx.Component:
    """'Programmabudget 2024–2027: € 1.800.000 · gepland € ... · besteed € ...'."""
    return rx.foreach(source.charts["budget_total"], lambda r: rx.text(
        rx.text(t("dash.budget_total"), " ", r["period"], ": ", _euros(r, "target"), as_="span", weight="medium"),
        " · ", t("dash.s.budget_planned"), " ", _euros(r, "planned"),
        " · ", t("dash.s.budget_spent"), " ", _euros(r, "spent"), " (", r["spent_pct"], "%)",
        size="2", class_name="budget-total"))


def budget_years_table(source: type[rx.State], variant: str = "ghost") -> rx.Component:
    cols = ("target", "planned", "spent")
    return rx.vstack(
        budget_total(source),
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell(t("dash.s.year")), rx.table.column_header_cell(t("dash.s.line")),
                *[rx.table.column_header_cell(t(f"dash.s.budget_{c}"), text_align="right") for c in cols],
                rx.table.column_header_cell(t("dash.s.spent_pct"), text_align="right"))),
            rx.table.body(rx.foreach(source.charts["budget_years"], lambda r: rx.table.row(
                rx.table.row_header_cell(r["year"]),
                rx.table.cell(rx.cond(is_english(), r["en"], r["nl"])),
                *[rx.table.cell(_euros(r, c), text_align="right", white_space="nowrap") for c in cols],
                rx.table.cell(r["spent_pct"], "%", text_align="right")))),
            size="1", variant=variant, width="100%"),
        spacing="2", width="100%", overflow_x="auto")


def _select(name: str, label: str, options: list[tuple[str, rx.Var | str]]) -> rx.Component:
    return field(t(label), native_select(
        *[rx.el.option(text, value=value) for value, text in options],
        name=name, id=f"dash-{name}", default_value=S.params[name],
    ), error=field_error(S.errors, {"regio": "region", "thema": "theme", "soort": "kind", "per": "grain"}[name]),
        html_for=f"dash-{name}")


def _month_select(name: str, label: str, error_key: str) -> rx.Component:
    """A month in words ("maart 2026"), whatever the browser's language: not <input type=month>."""
    return field(t(label), native_select(
        rx.foreach(S.month_options, lambda m: rx.el.option(rx.cond(is_english(), m["en"], m["nl"]), value=m["value"])),
        name=name, id=f"dash-{name}", default_value=S.params[name],
    ), error=field_error(S.errors, error_key), html_for=f"dash-{name}")


def _vocab(words: dict[str, tuple[str, str]]) -> list[tuple[str, rx.Var]]:
    return [("", t("dash.all"))] + [(v, pick(nl, en)) for v, (nl, en) in words.items()]


def picker() -> rx.Component:
    return rx.card(rx.form(
        rx.grid(
            _month_select("van", "dash.from", "from"),
            _month_select("tot", "dash.to", "to"),
            _select("per", "dash.grain", [(v, pick(nl, en)) for v, (nl, en) in domain.GRAINS.items()]),
            _select("regio", "dash.region", _vocab(domain.REGION_GROUPS)),
            _select("thema", "dash.theme", _vocab(vocab.THEMES)),
            _select("soort", "dash.kind", _vocab(vocab.KINDS)),
            columns=rx.breakpoints(initial="2", md="6"), spacing="3", width="100%",
        ),
        rx.flex(
            rx.button(rx.icon("filter", size=16), t("dash.show"), type="submit", id="dash-apply"),
            rx.link(rx.button(t("dash.reset"), type="button", variant="soft", color_scheme="gray"), href=ROUTE),
            rx.spacer(),
            rx.link(rx.button(rx.icon("printer", size=16), t("dash.quarter_report"), type="button", variant="outline"),
                    href=QUARTER_ROUTE, id="dash-quarter-link"),
            spacing="2", margin_top="12px", wrap="wrap",
        ),
        rx.text(t("dash.filters_note"), size="1", color_scheme="gray", margin_top="8px"),
        on_submit=S.apply, reset_on_submit=False, key=S.form_key.to_string(), width="100%",
    ), size="2", width="100%", class_name="no-print")


def figure(key: str, value: rx.Var) -> rx.Var:
    """A card's figure as text: the number as the app writes it, a rate with %."""
    from lo_network.states.dashboard import RATES

    text = number_var(value)
    return text + "%" if key in RATES else text


def kpi(key: str, value_var: rx.Var, accent: bool = False) -> rx.Component:
    return rx.card(rx.vstack(
        rx.text(t(f"dash.card.{key}"), size="1", color_scheme="gray"),
        rx.heading(figure(key, value_var), size="7", id=f"kpi-{key}", color_scheme="teal" if accent else None),
        spacing="1"), size="2")


def cards() -> rx.Component:
    keys = ["total", "partner", "participant", "prospect", "new", "lost", "activities", "registrations",
            "attendance_rate", "no_show_rate", "unique_organisations", "first_time", "repeat_share"]
    return rx.grid(*[kpi(k, S.cards[k], k in ("total", "new")) for k in keys],
                   columns=rx.breakpoints(initial="2", sm="3", md="5", lg="7"), spacing="3", width="100%",
                   id="dash-cards")


def definitions() -> rx.Component:
    return section(t("dash.definitions"), rx.el.dl(*[
        rx.fragment(rx.el.dt(t(f"dash.m.{m}"), style={"fontWeight": "600", "marginTop": "8px"}),
                    rx.el.dd(t(f"dash.about.{m}"), style={"margin": "0", "color": "var(--gray-11)"}))
        for m in domain.MEASURES]), id="dash-definitions")


def funnel_table(key: str) -> rx.Component:
    steps = list(domain.FUNNEL_STEPS)
    return rx.table.root(
        rx.table.header(rx.table.row(rx.table.column_header_cell(""),
                                     *[rx.table.column_header_cell(t(f"dash.s.{s}")) for s in steps])),
        rx.table.body(rx.foreach(S.charts[key], lambda r: rx.table.row(
            rx.table.row_header_cell(rx.cond(is_english(), r["en"], r["nl"])),
            *[rx.table.cell(number_var(r[s])) for s in steps]))),
        size="1", variant="ghost", width="100%",
    )


def first_time_table() -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(rx.table.column_header_cell(t("dash.s.activity")),
                                     rx.table.column_header_cell(t("dash.s.first_time")))),
        rx.table.body(rx.foreach(S.charts["first_time"], lambda r: rx.table.row(
            rx.table.row_header_cell(r["activity"]), rx.table.cell(r["first_time"])))),
        size="1", variant="ghost", width="100%",
    )


def table_card(key: str, title: str, about: str | None, table: rx.Component) -> rx.Component:
    return rx.card(rx.vstack(
        rx.flex(rx.heading(t(title), size="3", as_="h2", id=f"chart-title-{key}"), rx.spacer(),
                rx.hstack(
                    rx.button(rx.icon("download", size=14), t("dash.csv"), on_click=S.download(key, "csv"),
                              variant="soft", color_scheme="gray", size="1", id=f"csv-{key}"),
                    rx.button(rx.icon("file-spreadsheet", size=14), t("dash.xlsx"), on_click=S.download(key, "xlsx"),
                              variant="soft", color_scheme="gray", size="1", id=f"xlsx-{key}"),
                    spacing="1", class_name="no-print"),
                width="100%", align="center", wrap="wrap", gap="2"),
        rx.text(t(about), size="1", color_scheme="gray") if about else rx.fragment(),
        rx.cond(S.charts[key].length() > 0, rx.box(table, id=f"table-{key}", width="100%"),
                rx.text(t("dash.no_data"), size="2", color_scheme="gray")),
        spacing="2", width="100%"), size="2", width="100%")


def two(*children: rx.Component) -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%")


def body() -> rx.Component:
    x = label_key()
    return rx.vstack(
        cards(),
        rx.flex(
            rx.text(t("dash.sources"), " (", S.snapshot_months, " ",
                    rx.cond(S.snapshot_months == 1, t("dash.from_snapshot"), t("dash.from_snapshots")), ", ",
                    S.live_months, " ", rx.cond(S.live_months == 1, t("dash.live_one"), t("dash.live")), "); ",
                    t("dash.as_of"), " ", S.as_of, size="1", color_scheme="gray", id="dash-sources"),
            rx.button(rx.icon("refresh-cw", size=14), t("dash.refresh"), on_click=S.refresh, variant="ghost",
                      size="1", id="dash-refresh"),
            align="center", spacing="3", wrap="wrap",
        ),
        two(chart_card("size", "dash.chart.size", "dash.about.network_size",
                       bars("size", "period", ["prospect", "participant", "partner"], stack=True)),
            chart_card("moves", "dash.chart.moves", "dash.about.new", bars("moves", "period", ["new", "lost"]))),
        two(chart_card("participation", "dash.chart.participation", "dash.about.registrations",
                       bars("participation", "period", ["registrations", "present"], lines=["activities"])),
            chart_card("reach", "dash.chart.reach", "dash.about.first_time",
                       bars("reach", "period", ["unique_organisations", "first_time"]))),
        two(chart_card("funnel", "dash.chart.funnel", "dash.about.funnel",
                       bars("funnel", x, ["count"], layout_="vertical")),
            chart_card("lines", "dash.chart.lines", "dash.about.programme_lines",
                       bars("lines", x, ["activity_pct", "present_pct", "target_pct"], layout_="vertical"))),
        two(chart_card("budget", "dash.chart.budget", "dash.about.budget", budget_chart(S)),
            table_card("budget_years", "dash.chart.budget_years", None, budget_years_table(S))),
        two(table_card("funnel_region", "dash.chart.funnel_region", None, funnel_table("funnel_region")),
            table_card("funnel_theme", "dash.chart.funnel_theme", None, funnel_table("funnel_theme"))),
        two(chart_card("by_region", "dash.chart.by_region", None,
                       bars("by_region", x, ["prospect", "participant", "partner"], stack=True)),
            chart_card("by_kind", "dash.chart.by_kind", None,
                       bars("by_kind", x, ["prospect", "participant", "partner"], stack=True, layout_="vertical"))),
        two(chart_card("acts_kind", "dash.chart.acts_kind", "dash.about.activities",
                       bars("acts_kind", x, ["activities", "registrations", "present"], layout_="vertical")),
            chart_card("acts_theme", "dash.chart.acts_theme", None,
                       bars("acts_theme", x, ["activities", "registrations", "present"], layout_="vertical"))),
        two(chart_card("by_theme", "dash.chart.by_theme", None,
                       bars("by_theme", x, ["prospect", "participant", "partner"], stack=True, layout_="vertical")),
            chart_card("shape", "dash.chart.shape", "dash.about.network_shape",
                       line_chart("shape", ["cross_region_links", "cross_theme_links", "largest_pct"],
                                  right=["density"]))),
        two(chart_card("by_class", "dash.chart.by_class", "dash.about.size_by_class",
                       bars("by_class", x, ["prospect", "participant", "partner"], stack=True, layout_="vertical"))),
        table_card("first_time", "dash.chart.first_time", None, first_time_table()),
        definitions(),
        spacing="4", width="100%",
    )


@page(ROUTE, page_title("tab.dashboard"), S.load)
def dashboard() -> rx.Component:
    return layout(
        page_header(t("dash.title"), subtitle=t("dash.subtitle")),
        picker(),
        rx.box(height="12px"),
        loading(S.loaded, body()),
    )


# ---------------------------------------------------------------- the quarterly report
PRINT_CSS = """
@media print {
  header, nav, .no-print, #language-switch { display: none !important; }
  body { background: #fff !important; }
  .quarter-report { max-width: none !important; padding: 0 !important; }
  .quarter-report section, .quarter-report .rt-Card, .q-chart-box { break-inside: avoid; box-shadow: none !important; }
  .q-charts { grid-template-columns: 1fr 1fr !important; }
  @page { size: A4; margin: 14mm; }
}
"""

Q_FIGURES = ["total", "partner", "participant", "prospect", "new", "lost", "activities", "registrations",
             "attendance_rate", "no_show_rate", "unique_organisations", "first_time", "repeat_share"]


def q_table(key: str, columns: list[str], label: str = "") -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(
            *([rx.table.column_header_cell(t(label))] if label else []),
            *[rx.table.column_header_cell(t(f"dash.s.{c}")) for c in columns])),
        rx.table.body(rx.foreach(Q.charts[key], lambda r: rx.table.row(
            *([rx.table.row_header_cell(rx.cond(is_english(), r["en"], r["nl"]))] if label else []),
            *[rx.table.cell(number_var(r[c])) for c in columns]))),
        size="1", variant="surface", width="100%",
    )


def q_chart(key: str, title: str, chart: rx.Component) -> rx.Component:
    """A chart of the quarterly report (on screen and on paper; no download buttons)."""
    return rx.box(
        rx.heading(t(title), size="2", as_="h3", margin_bottom="4px"),
        rx.cond(Q.charts[key].length() > 0, rx.box(chart, id=f"q-chart-{key}", class_name="q-chart", width="100%",
                                                   height="260px"),
                rx.text(t("dash.no_data"), size="2", color_scheme="gray")),
        width="100%", class_name="q-chart-box")


def quarter_body() -> rx.Component:
    return rx.vstack(
        rx.text(rx.cond(Q.source == "snapshot", t("dash.q.source_snapshot"), t("dash.q.source_live")),
                size="2", color_scheme="gray"),
        section(t("dash.q.figures"), rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell(t("dash.q.figure")),
                                         rx.table.column_header_cell(t("dash.q.this")),
                                         rx.table.column_header_cell(t("dash.previous")))),
            rx.table.body(*[rx.table.row(rx.table.row_header_cell(t(f"dash.card.{k}")),
                                         rx.table.cell(figure(k, Q.cards[k]), id=f"q-{k}"),
                                         rx.table.cell(figure(k, Q.previous[k])))
                            for k in Q_FIGURES]),
            size="1", variant="surface", width="100%", id="quarter-figures")),
        section(t("dash.q.charts"), rx.grid(
            q_chart("size", "dash.chart.size", bars("size", "period", ["prospect", "participant", "partner"],
                                                    stack=True, source=Q)),
            q_chart("participation", "dash.chart.participation",
                    bars("participation", "period", ["registrations", "present"], lines=["activities"], source=Q)),
            columns=rx.breakpoints(initial="1", md="2"), spacing="3", width="100%", class_name="q-charts")),
        section(t("dash.chart.budget"), rx.vstack(
            rx.text(t("dash.about.budget"), size="1", color_scheme="gray"),
            q_chart("budget", "dash.chart.budget", budget_chart(Q)),
            budget_years_table(Q, "surface"), spacing="3", width="100%")),
        section(t("dash.chart.by_region"), q_table("by_region", ["prospect", "participant", "partner"],
                                                   "dash.region")),
        section(t("dash.chart.participation"), rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell(t("dash.period")),
                                         *[rx.table.column_header_cell(t(f"dash.s.{c}")) for c in
                                           ("activities", "registrations", "present", "attendance_pct",
                                            "no_show_pct")])),
            rx.table.body(rx.foreach(Q.charts["participation"], lambda r: rx.table.row(
                rx.table.row_header_cell(r["period"]),
                *[rx.table.cell(number_var(r[c])) for c in ("activities", "registrations", "present",
                                                            "attendance_pct", "no_show_pct")]))),
            size="1", variant="surface", width="100%")),
        section(t("dash.chart.funnel"), q_table("funnel", ["count", "conversion_pct"], "dash.chart.funnel")),
        section(t("dash.chart.lines"), q_table("lines", ["activities", "activity_pct", "present", "present_pct",
                                                         "target_pct"], "dash.chart.lines")),
        section(t("dash.chart.acts_kind"), q_table("acts_kind", ["activities", "registrations", "present"],
                                                   "dash.act_kind")),
        section(t("dash.definitions"), rx.el.dl(*[
            rx.fragment(rx.el.dt(t(f"dash.m.{m}"), style={"fontWeight": "600", "marginTop": "6px"}),
                        rx.el.dd(t(f"dash.about.{m}"), style={"margin": "0"}))
            for m in domain.MEASURES])),
        spacing="4", width="100%",
    )


@page(QUARTER_ROUTE, page_title("tab.quarter"), Q.load_quarter)
def quarter_report() -> rx.Component:
    """A report page of its own, without the app's navigation (nothing but the report on paper)."""
    from lo_network.states.session import SessionState

    return rx.fragment(
        rx.el.style(PRINT_CSS),
        rx.cond(
            SessionState.signed_in,
            rx.box(
                rx.flex(
                    rx.heading(t("dash.q.title"), " — ", Q.quarter, size="6", as_="h1", id="page-title"),
                    rx.spacer(),
                    rx.hstack(
                        native_select(rx.foreach(Q.quarters, lambda q: rx.el.option(q, value=q)),
                                      value=Q.quarter, on_change=Q.choose, id="quarter-choice", width="auto",
                                      aria_label=t("dash.q.choose")),
                        rx.button(rx.icon("printer", size=16), t("dash.print"),
                                  on_click=rx.call_script("window.print()"), id="quarter-print"),
                        rx.link(t("dash.back"), href=ROUTE, size="2"),
                        spacing="3", align="center", class_name="no-print",
                    ),
                    align="center", wrap="wrap", gap="3", margin_bottom="16px",
                ),
                loading(Q.loaded, quarter_body()),
                class_name="quarter-report", max_width="1000px", margin_x="auto", padding="24px 16px",
            ),
            rx.center(rx.spinner(size="3"), padding_y="48px"),
        ),
    )
