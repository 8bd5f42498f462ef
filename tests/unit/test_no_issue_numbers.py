"""Comments and docs say what and why: a tracker's issue number means nothing to a reader of
the code, so none is written in the code, the queries, the tests or the docs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLACES = ("lo_network", "graph", "tests", "assets", "docs")
SUFFIXES = {".py", ".cypher", ".css", ".md", ".java", ".xml", ".toml"}
ISSUE = re.compile(r"\bissue[ -]?#?\d+", re.IGNORECASE)


def test_no_issue_numbers_in_code_or_docs():
    files = [p for place in PLACES for p in (ROOT / place).rglob("*") if p.suffix in SUFFIXES and p.is_file()]
    files += [ROOT / "README.md", ROOT / "pyproject.toml"]
    found = [f"{p.relative_to(ROOT)}:{n}" for p in files
             for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if ISSUE.search(line)]
    assert len(files) > 100
    assert not found, f"issue numbers in: {found[:20]}"
