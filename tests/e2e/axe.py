"""axe-core 4 for the accessibility tests: installed once from the npm registry with npm
(into a cache folder outside the checkout, kept between runs), injected into a page, run
with the WCAG 2.0 / 2.1 level A and AA rules."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import Page

AXE_PACKAGE = "axe-core@4"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CACHE = Path(tempfile.gettempdir()) / "lo_network-e2e-axe-core"


def axe_source() -> str:
    """The text of axe.min.js, installing the package with npm when the cache lacks it."""
    script = CACHE / "node_modules" / "axe-core" / "axe.min.js"
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not script.exists():
            npm = shutil.which("npm")
            if npm is None:
                raise RuntimeError("npm is missing: the accessibility tests install axe-core with it (Node 20)")
            done = subprocess.run(
                [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(CACHE), AXE_PACKAGE],
                capture_output=True, text=True, timeout=300,
            )
            if done.returncode != 0 or not script.exists():
                raise RuntimeError(f"npm install {AXE_PACKAGE} failed:\n{done.stdout}{done.stderr}")
    return script.read_text()


def run_axe(page: Page, source: str) -> list[dict]:
    """The WCAG A/AA violations axe finds in the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    result = page.evaluate(
        """async (tags) => {
            const r = await window.axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                      resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary, html: n.html}))}));
        }""",
        WCAG_TAGS,
    )
    return result


def describe(violations: list[dict], where: str) -> list[str]:
    """One line per offending element: where, the rule id, the element (its CSS target) and why."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            why = " ".join((node.get("summary") or "").split())[:220]
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) at {json.dumps(node['target'])} "
                         f"{node['html'][:120]!r} — {why}")
    return lines
