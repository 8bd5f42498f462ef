"""``lo-network``: the command line of lo_network.

serve, graph-server, migrate, seed-demo, create-user, create-token, setup.
Bad input is reported naming the field, exit code 2; an unreachable graph, exit code 3.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from lo_network import settings as settings_mod

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BUN_VERSION = "1.4.4"


def _fail(message: str, code: int = 2) -> int:
    print(f"lo-network: {message}", file=sys.stderr)
    return code


# ---------------------------------------------------------------- graph server
def cmd_graph_server(args) -> int:
    from lo_network.embedded import server

    s = settings_mod.get()
    if not s.embedded:
        return _fail("LO_NEO4J_URI is set: this installation uses an external Neo4j, not the embedded server")
    return server.run(s)


def _graph_running(s) -> bool:
    from lo_network.embedded.server import READY_FILE, _alive

    marker = s.graph_dir / READY_FILE
    try:
        return _alive(int(marker.read_text().strip()))
    except (OSError, ValueError):
        return False


class _Graph:
    """Start the embedded graph for this command when needed and none runs yet."""

    def __init__(self):
        self.server = None

    def __enter__(self):
        s = settings_mod.get()
        if s.embedded and not _graph_running(s):
            from lo_network.embedded.launcher import EmbeddedGraph

            print("lo-network: starting the embedded graph server ...", flush=True)
            self.server = EmbeddedGraph(s).start()
        from lo_network.store import schema

        ran = schema.migrate()
        if ran:
            print(f"lo-network: graph schema migrations applied: {', '.join(ran)}", flush=True)
        from lo_network import sql

        sql.init()
        return self

    def __exit__(self, *exc):
        from lo_network.store import driver

        driver.close()
        if self.server is not None:
            self.server.stop()
            print("lo-network: embedded graph server stopped", flush=True)


def cmd_migrate(args) -> int:
    with _Graph():
        print("lo-network: graph schema and SQL tables are up to date")
    return 0


# ---------------------------------------------------------------- users
def cmd_create_user(args) -> int:
    from lo_network import sql
    from lo_network.accounts import service

    sql.init()
    password = args.password or os.environ.get("LO_NEW_USER_PASSWORD") or ""
    if not password:
        if not sys.stdin.isatty():
            return _fail("password: give --password or LO_NEW_USER_PASSWORD (no terminal to ask)")
        password = getpass.getpass("Wachtwoord / password: ")
    user = service.create_user(args.email, password, args.role, name=args.name or "")
    print(f"lo-network: user {user.email} created with role {user.role}")
    return 0


def cmd_create_token(args) -> int:
    from lo_network import sql
    from lo_network.accounts import service

    sql.init()
    token = service.create_api_token(args.email, args.label or "")
    print(token)
    return 0


def cmd_send_outbox(args) -> int:
    """Issue 4: emails queued while no SMTP was set go out once LO_SMTP_* is configured."""
    from lo_network import settings as settings_mod
    from lo_network import sql
    from lo_network.mail import outbox

    sql.init()
    if not settings_mod.get().smtp_configured:
        return _fail("LO_SMTP_HOST is not set: the emails stay in the outbox", 2)
    sent = outbox.send_queued()
    print(f"lo-network: {sent} email(s) sent")
    return 0


def ensure_admin(s) -> tuple[str, str | None]:
    """The demo's first admin: created once with a generated password kept 0600 in the data folder."""
    from lo_network.accounts import service

    path = s.data_dir / "first_admin_password"
    if service.any_user():
        return s.demo_admin_email, (path.read_text().strip() if path.exists() else None)
    password = secrets.token_urlsafe(12)
    service.create_user(s.demo_admin_email, password, "admin", name="Beheerder (demo)")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password)
    return s.demo_admin_email, password


# ---------------------------------------------------------------- demo data
def cmd_seed_demo(args) -> int:
    from lo_network.seed import demo

    with _Graph():
        result = demo.seed(replace=args.replace, organisations=args.organisations, seed=args.seed)
        print(f"lo-network: {result}")
        from lo_network.seed import activities as demo_activities  # issue 4

        print(f"lo-network: {demo_activities.seed(replace=args.replace)}")
    return 0


# ---------------------------------------------------------------- the web app
def find_bun() -> Path | None:
    candidates = [
        Path(sys.prefix) / "bun" / "node_modules" / ".bin" / "bun",
        settings_mod.get().data_dir / "tools" / "node_modules" / ".bin" / "bun",
    ]
    found = shutil.which("bun")
    if found:
        candidates.insert(0, Path(found))
    for path in candidates:
        if path.exists():
            return path
    return None


def ensure_bun() -> Path:
    """Reflex builds its frontend with bun; install it from the npm registry when missing."""
    bun = find_bun()
    if bun is not None:
        return bun
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("lo-network: npm (Node 20) is needed to install bun; install Node.js first")
    prefix = Path(sys.prefix) / "bun"
    print(f"lo-network: installing bun {BUN_VERSION} with npm ...", flush=True)
    subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(prefix), f"bun@{BUN_VERSION}"],
                   check=True)
    bun = find_bun()
    if bun is None:
        raise SystemExit("lo-network: bun was installed but cannot be found")
    return bun


def reflex_env(s) -> dict[str, str]:
    bun = ensure_bun()
    env = dict(os.environ)
    env.update({
        "LO_DATA_DIR": str(s.data_dir),
        "REFLEX_USE_SYSTEM_BUN": "true",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "PATH": f"{bun.parent}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    })
    return env


def cmd_setup(args) -> int:
    """Install what the app needs beyond Python: bun (and with --browser, Debian's chromium)."""
    print(f"lo-network: bun at {ensure_bun()}")
    if args.browser:
        if shutil.which("chromium") and shutil.which("chromedriver"):
            print("lo-network: chromium is installed")
        else:
            sudo = [] if os.geteuid() == 0 else ["sudo"]
            subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
            subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"], check=True)
    return 0


def cmd_serve(args) -> int:
    s = settings_mod.get()
    with _Graph():
        if args.demo:
            from lo_network.seed import demo

            print(f"lo-network: {demo.seed(replace=False)}", flush=True)
            from lo_network.seed import activities as demo_activities  # issue 4

            print(f"lo-network: {demo_activities.seed(replace=False)}", flush=True)
            email, password = ensure_admin(s)
        env = reflex_env(s)
        url = f"http://127.0.0.1:{s.port}"
        print("", flush=True)
        print(f"  lo_network draait op / runs at: {url}", flush=True)
        if args.demo:
            shown = password or f"(see {s.data_dir / 'first_admin_password'})"
            print(f"  eerste beheerder / first admin: {email}  wachtwoord / password: {shown}", flush=True)
        print("  stoppen / stop: Ctrl+C\n", flush=True)
        cmd = [sys.executable, "-m", "reflex", "run", "--env", args.env, "--single-port",
               "--frontend-port", str(s.port), "--backend-port", str(s.port), "--backend-host", "127.0.0.1"]
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, start_new_session=True)

        def _stop(signum, frame):  # noqa: ARG001
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        code = proc.wait()
    return code


# ---------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lo-network", description="Logistics Overijssel network CRM")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("serve", help="start the web app (and the embedded graph when no LO_NEO4J_URI)")
    sp.add_argument("--demo", action="store_true", help="load demo data into an empty graph and create the first admin")
    sp.add_argument("--env", choices=["prod", "dev"], default="prod")
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("graph-server", help="run the embedded graph server in the foreground")
    sp.set_defaults(func=cmd_graph_server)

    sp = sub.add_parser("migrate", help="apply graph schema migrations and create SQL tables")
    sp.set_defaults(func=cmd_migrate)

    sp = sub.add_parser("seed-demo", help="load the fictional demo network (only into an empty graph)")
    sp.add_argument("--replace", action="store_true", help="wipe organisations and people first")
    sp.add_argument("--organisations", type=int, default=None, help="how many organisations (default ~300)")
    sp.add_argument("--seed", type=int, default=7, help="random seed")
    sp.set_defaults(func=cmd_seed_demo)

    sp = sub.add_parser("create-user", help="create an account")
    sp.add_argument("email")
    sp.add_argument("--role", required=True, choices=["admin", "coordinator", "organiser", "steering"])
    sp.add_argument("--name", default="")
    sp.add_argument("--password", default="", help="else LO_NEW_USER_PASSWORD, else asked")
    sp.set_defaults(func=cmd_create_user)

    sp = sub.add_parser("create-token", help="create a personal API token for a user (printed once)")
    sp.add_argument("email")
    sp.add_argument("--label", default="")
    sp.set_defaults(func=cmd_create_token)

    sp = sub.add_parser("send-outbox", help="send the emails waiting in the outbox (needs LO_SMTP_HOST)")
    sp.set_defaults(func=cmd_send_outbox)

    sp = sub.add_parser("setup", help="install bun (and with --browser: Debian's chromium)")
    sp.add_argument("--browser", action="store_true")
    sp.set_defaults(func=cmd_setup)
    return p


def main(argv: list[str] | None = None) -> int:
    from lo_network.domain.errors import ValidationError
    from lo_network.embedded.server import GraphServerError
    from lo_network.store.driver import GraphUnavailable

    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except ValidationError as exc:
        for field, message in exc.errors.items():
            print(f"lo-network: {field}: {message}", file=sys.stderr)
        return 2
    except (GraphUnavailable, GraphServerError) as exc:
        return _fail(str(exc), 3)


if __name__ == "__main__":
    sys.exit(main())
