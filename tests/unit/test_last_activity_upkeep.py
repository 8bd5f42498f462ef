"""Every store function that runs a query writing what an organisation's last activity is made
of (employments, registrations and attendance, organisers, partners, activity dates, deletes)
keeps the stored last activity current in the same transaction, or is listed below with the
reason it need not. The dormant list reads the stored value, so a writer added later without
the call would leave it wrong; this finds such a writer from the query files themselves."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lo_network.store.queries import GRAPH_DIR

STORE = Path(__file__).resolve().parents[2] / "lo_network" / "store"
EVENT = re.compile(r"WORKS_AT|ORGANISES|PARTNER_IN|ON_BEHALF_OF|:REGISTERED\b|attendance|starts_at|ends_at|DETACH DELETE")
WRITE = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b")
KEEPERS = {"refresh_last_activity", "refresh_every_organisation", "_refresh"}
KINDS = ("organisation", "person")  # what {kind} stands for in the duplicates queries' names

# (store module, function) -> why it need not derive the last activity again
EXEMPT = {
    ("activities", "delete_milestone"): "a milestone is no event",
    ("duplicates", "move"): "the merge's finish_merge, in the same transaction, derives the kept record again",
    ("duplicates", "restore_relation"): "the undo's unmove, after it in the same transaction, derives both again",
    ("grants", "delete"): "a grant is no event",
    ("network", "wipe"): "everything goes, the mark too: the next read derives every organisation",
    ("organisations", "delete"): "only the organisation itself loses its events",
    ("registrations", "mark_no_shows"): "marks only registrations that were not present",
}

# query files run outside the app's store
BENCHMARK_LOADERS = {"kpis/bench_activities", "kpis/bench_partners", "kpis/bench_registrations"}  # bench_kpis.py


def _body(path: Path) -> str:
    return "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("//"))


def writers() -> set[str]:
    """Names of the query files that write something a last activity is derived from."""
    names = set()
    for path in (GRAPH_DIR / "queries").glob("*/*.cypher"):
        name = f"{path.parent.name}/{path.stem}"
        if not name.startswith("followup/") and name not in BENCHMARK_LOADERS and WRITE.search(_body(path)) and EVENT.search(_body(path)):
            names.add(name)
    return names


def _query_names(node: ast.AST) -> set[str]:
    """The q("...") names a function uses; q(f"duplicates/{kind}_...") stands for each kind."""
    names = set()
    for call in ast.walk(node):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "q" and call.args):
            continue
        arg = call.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            names.add(arg.value)
        elif isinstance(arg, ast.JoinedStr):
            pattern = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values)
            names.update(pattern.replace("{}", kind) for kind in KINDS)
    return names


def _calls(node: ast.AST) -> set[str]:
    return {c.func.id if isinstance(c.func, ast.Name) else c.func.attr
            for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, (ast.Name, ast.Attribute))}


def uses() -> dict[tuple[str, str], tuple[set[str], bool]]:
    """(module, function) -> (query names it runs, whether it keeps the last activity current)."""
    found = {}
    for path in STORE.glob("*.py"):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef):
                found[(path.stem, node.name)] = (_query_names(node), bool(_calls(node) & KEEPERS))
    return found


def test_every_writer_of_an_event_keeps_the_last_activity_current():
    written = writers()
    assert {"registrations/set_attendance", "people/add_employment", "activities/update"} <= written
    assert BENCHMARK_LOADERS <= {f"{p.parent.name}/{p.stem}" for p in (GRAPH_DIR / "queries").glob("*/*.cypher")}
    forgetful = sorted(f"store/{module}.py {function} runs {sorted(names & written)}"
                       for (module, function), (names, keeps) in uses().items()
                       if names & written and not keeps and (module, function) not in EXEMPT)
    assert not forgetful, "derive the last activity again (store.followup.refresh_last_activity) or exempt it"


def test_every_writer_query_is_run_by_some_store_function():
    """A writer run from elsewhere would escape the check above."""
    run = set().union(*(names for names, _ in uses().values()))
    assert writers() - run == set()


def test_the_exemptions_are_still_real():
    found = uses()
    stale = [key for key in EXEMPT if key not in found or not found[key][0] & writers()]
    assert not stale, f"exempt, but no longer a function that runs a writer: {stale}"
