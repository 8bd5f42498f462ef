"""Cypher text lives in ``graph/``; this loads it by name (``q("organisations/search")``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GRAPH_DIR = Path(__file__).resolve().parents[2] / "graph"
_NAME = re.compile(r"^[a-z0-9_]+/[a-z0-9_]+$")  # a name built with an f-string picks a file, nothing else


@lru_cache(maxsize=None)
def q(name: str) -> str:
    """The text of ``graph/queries/<name>.cypher``; a missing name fails loudly."""
    if not _NAME.match(name):
        raise ValueError(f"not a query name: {name!r}")
    path = GRAPH_DIR / "queries" / f"{name}.cypher"
    text = path.read_text(encoding="utf-8")
    # Leading comment lines document the query; the server gets the statement only.
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return body.strip().rstrip(";")


def schema_files() -> list[Path]:
    return sorted((GRAPH_DIR / "schema").glob("[0-9][0-9][0-9]_*.cypher"))


def statements(path: Path) -> list[str]:
    """The ``;``-separated statements of a schema file, comments dropped."""
    text = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")
    )
    return [part.strip() for part in text.split(";") if part.strip()]
