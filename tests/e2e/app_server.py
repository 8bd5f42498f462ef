"""Start the real app (`lo-network serve`) in a private data folder on free loopback ports,
wait until page and backend answer, create users, and stop it again."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ROLES = ("admin", "coordinator", "organiser", "steering")
START_TIMEOUT = 420.0  # a first prod build installs the frontend packages with bun; later ones take ~25 s
# the banner's address on this machine (with LO_PUBLIC_URL set, "runs at" names that one)
_RUNS_AT = re.compile(r"(?:runs at|on this machine): (http://127\.0\.0\.1:\d+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def lo_network_command() -> str:
    """The ``lo-network`` console script of the interpreter running the tests."""
    beside = Path(sys.executable).parent / "lo-network"
    found = str(beside) if beside.exists() else shutil.which("lo-network")
    if not found:
        raise RuntimeError("lo-network: console script not found; install the package (pip install -e .)")
    return found


def _checkout_key() -> str:
    return hashlib.sha256(str(PROJECT_ROOT).encode()).hexdigest()[:12]


def own_web_dir(name: str) -> Path:
    """A frontend folder (REFLEX_WEB_WORKDIR) for an app built with other settings than the
    session's app: its build must not rewrite the files PROJECT_ROOT/.web serves. Kept between
    runs (per checkout), so its frontend packages are installed once."""
    return Path(tempfile.gettempdir()) / f"lo_network-e2e-web-{name}-{_checkout_key()}"


@contextlib.contextmanager
def build_lock():
    """One app build at a time per checkout: `reflex run --env prod` rewrites PROJECT_ROOT/.web."""
    path = Path(tempfile.gettempdir()) / f"lo_network-e2e-build-{_checkout_key()}.lock"
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass
class Account:
    email: str
    password: str
    role: str


@dataclass
class AppServer:
    """A running ``lo-network serve``; ``env`` holds the LO_* settings the app runs with."""

    data_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    base_url: str = ""
    accounts: dict[str, Account] = field(default_factory=dict)
    process: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        return self.data_dir / "serve.log"

    @classmethod
    def in_folder(cls, data_dir: Path) -> "AppServer":
        env = {k: v for k, v in os.environ.items() if not k.startswith("LO_") and k != "REDIS_URL"}
        env.update({
            "LO_DATA_DIR": str(data_dir),
            "LO_PORT": str(free_port()),
            "LO_GRAPH_BOLT_PORT": str(free_port()),
            "REFLEX_TELEMETRY_ENABLED": "false",
            "REFLEX_CHECK_LATEST_VERSION": "false",
            "PYTHONUNBUFFERED": "1",
        })
        return cls(data_dir=data_dir, env=env)

    @property
    def lo_settings(self) -> dict[str, str]:
        return {k: v for k, v in self.env.items() if k.startswith("LO_")}

    def start(self, timeout: float = START_TIMEOUT) -> "AppServer":
        with build_lock():
            log = open(self.log_path, "wb")
            self.process = subprocess.Popen(
                [lo_network_command(), "serve"], cwd=PROJECT_ROOT, env=self.env,
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
            log.close()
            self._wait_until_ready(timeout)
        return self

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"lo-network serve exited with code {self.process.returncode}\n{self.log_tail()}")
            log = self.log_path.read_text(errors="replace")
            match = _RUNS_AT.search(log)
            if match and "App running at:" in log and self._answers(match.group(1)):
                self.base_url = match.group(1)
                return
            time.sleep(1.0)
        self.stop()
        raise RuntimeError(f"the app did not answer within {timeout:.0f} s\n{self.log_tail()}")

    @staticmethod
    def _answers(base_url: str) -> bool:
        try:
            page = httpx.get(base_url + "/", timeout=5)
            ping = httpx.get(base_url + "/ping", timeout=5)
        except httpx.HTTPError:
            return False
        return page.status_code == 200 and ping.status_code == 200 and "pong" in ping.text

    def create_accounts(self, roles: tuple[str, ...] = ROLES) -> dict[str, Account]:
        """One account per role, made with `lo-network create-user` as an operator would."""
        for role in roles:
            account = Account(f"e2e-{role}@test.example", secrets.token_urlsafe(12), role)
            done = subprocess.run(
                [lo_network_command(), "create-user", account.email, "--role", role,
                 f"--name=E2E {role}", f"--password={account.password}"],
                cwd=PROJECT_ROOT, env=self.env, capture_output=True, text=True, timeout=120,
            )
            if done.returncode != 0:
                raise RuntimeError(f"create-user {role} failed: {done.stdout}{done.stderr}")
            self.accounts[role] = account
        return self.accounts

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM to lo-network: it stops reflex and the embedded graph server, then exits."""
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
            raise RuntimeError(f"lo-network serve did not stop within {timeout:.0f} s\n{self.log_tail()}")

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no app log)"
        return "--- app log (tail) ---\n" + "\n".join(text[-lines:])
