"""Every Cypher file under graph/ is executed by at least one integration test.

Collected last (tests/query_coverage.py moves it there); it checks only on a run of the whole
of tests/integration, since a single file's run executes a few queries by design."""

from __future__ import annotations

import pytest

from tests import query_coverage


def test_every_query_file_was_executed_by_an_integration_test():
    if not query_coverage.full_run():
        pytest.skip("only on a run of all of tests/integration (no file, -k or -m selection)")
    missing = query_coverage.recorder.not_run()
    assert not missing, (
        f"{len(missing)} Cypher file(s) under graph/ were not executed by any integration test; "
        "add a test that runs each through the app's code (or delete a file nothing calls):\n  "
        + "\n  ".join(f"{name}  ({query_coverage.recorder.files[name].relative_to(query_coverage.GRAPH_DIR.parent)})"
                      for name in missing)
    )
