"""No secret is in the repository. Every tracked file is scanned for private keys,
cloud and forge tokens, this app's own API tokens, and (outside the tests, whose throwaway
test passwords are not secrets) passwords written into code or settings."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

EVERYWHERE = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{50,}"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "Stripe key": re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}"),
    "lo_network API token": re.compile(r"\blo_[A-Za-z0-9_-]{43}\b"),
    "JWT": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@'\"]+:(?!\.\.\.|secret@|\$|<|\{)[^\s@/'\"]{6,}@"),
}
OUTSIDE_TESTS = {
    "password assignment": re.compile(
        r"""(?i)\b\w*(?:password|passwd|secret|api_key|token)\w*\s*[:=]\s*["'](?![a-z_./-]+["'])[^"'\s{}$<>]{8,}["']"""),
}
NEVER_TRACKED = re.compile(r"(^|/)(\.lo_data|\.env|.*\.(db|sqlite3?|pem|key|p12|pfx)|root_password)$")


def tracked() -> list[str]:
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [name for name in done.stdout.decode().split("\0") if name]


FILES = tracked()


def test_the_scan_reads_the_repository():
    assert len(FILES) > 200 and "lo_network/settings.py" in FILES


def test_no_secret_file_is_tracked():
    assert [f for f in FILES if NEVER_TRACKED.search(f)] == []


def test_no_tracked_file_holds_a_secret():
    found = []
    for name in FILES:
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary (images, fonts)
        patterns = dict(EVERYWHERE)
        if not name.startswith("tests/"):
            patterns |= OUTSIDE_TESTS
        for kind, pattern in patterns.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{name}:{line}: {kind}: {match.group(0)[:40]}")
    assert found == []


@pytest.mark.parametrize(("kind", "sample"), [
    # each sample is put together at run time, so that this file does not hold one itself
    ("private key", "-----BEGIN RSA " + "PRIVATE KEY-----"),
    ("AWS access key", "AKIA" + "IOSFODNN7EXAMPLE"),
    ("GitHub token", "ghp_" + "a1B2" * 9),
    ("lo_network API token", "lo_" + "x" * 43),
    ("password in a URL", "postgresql://lo:" + "hunter2hunter@db.example/lo"),
])
def test_the_patterns_catch_what_they_are_for(kind, sample):
    assert EVERYWHERE[kind].search(sample)


def test_a_password_in_code_is_caught_outside_the_tests():
    assert OUTSIDE_TESTS["password assignment"].search('root_password = "' + 'Sup3rGeheim!"')
    assert not OUTSIDE_TESTS["password assignment"].search('password = ""')
    assert not OUTSIDE_TESTS["password assignment"].search('PASSWORD_FILE = "root_password"')  # a name
