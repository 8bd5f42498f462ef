"""``lo-network``: the command line of lo_network.

serve, graph-server, migrate, seed-demo, create-user, create-token, setup, import, export, restore.
Bad input is reported naming the field, exit code 2; an unreachable graph, exit code 3.
"""

from __future__ import annotations

import argparse
import getpass
import glob
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
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
    """Start the embedded graph for this command when needed and none runs yet; with
    ``supervised`` (serve), restart it whenever it ends until this command stops."""

    def __init__(self, supervised: bool = False, migrate: bool = True):
        self.supervised = supervised
        self.migrate = migrate   # schema and SQL tables brought up to date in this process
        self.server = None

    def __enter__(self):
        s = settings_mod.get()
        if s.embedded and not _graph_running(s):
            from lo_network.embedded.launcher import EmbeddedGraph

            print("lo-network: starting the embedded graph server ...", flush=True)
            if self.supervised:
                from lo_network.embedded.supervisor import Supervisor

                self.server = Supervisor(EmbeddedGraph(s)).start()
            else:
                self.server = EmbeddedGraph(s).start()
        if not self.migrate:
            return self
        from lo_network.store import schema

        ran = schema.migrate()
        if ran:
            print(f"lo-network: graph schema migrations applied: {', '.join(ran)}", flush=True)
        from lo_network.sqlstore import sql

        sql.init()
        return self

    def stop_restarting(self) -> None:
        """Shutdown has begun: a graph server that ends now stays down."""
        if self.supervised and self.server is not None:
            self.server.stop_restarting()

    def __exit__(self, *exc):
        if "lo_network.store.driver" in sys.modules:   # this process talked to the graph
            sys.modules["lo_network.store.driver"].close()
        if self.server is not None:
            self.server.stop()
            print("lo-network: embedded graph server stopped", flush=True)


def cmd_migrate(args) -> int:
    with _Graph():
        print("lo-network: graph schema and SQL tables are up to date")
    return 0


# ---------------------------------------------------------------- users
def cmd_create_user(args) -> int:
    from lo_network.sqlstore import sql
    from lo_network.services import accounts as service

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
    from lo_network.sqlstore import sql
    from lo_network.services import accounts as service

    sql.init()
    token = service.create_api_token(args.email, args.label or "")
    print(token)
    return 0


def cmd_send_outbox(args) -> int:
    """Emails queued while no SMTP was set go out once LO_SMTP_* is configured."""
    from lo_network import settings as settings_mod
    from lo_network.sqlstore import sql
    from lo_network.services import outbox

    sql.init()
    if not settings_mod.get().smtp_configured:
        return _fail("LO_SMTP_HOST is not set: the emails stay in the outbox", 2)
    report = outbox.send_queued()
    print(f"lo-network: {report.sent} email(s) sent, {len(report.failed)} failed, "
          f"{len(report.deferred)} left queued")
    for row_id, reason in report.failed:
        print(f"lo-network: email {row_id} niet verzonden / not sent: {reason}", file=sys.stderr)
    for row_id, reason in report.deferred:
        print(f"lo-network: email {row_id} blijft in de wachtrij / stays queued: {reason}", file=sys.stderr)
    if report.stopped:
        print(f"lo-network: gestopt / stopped: mail server: {report.stopped} (the rest stays queued)", file=sys.stderr)
    return 1 if report.failed or report.deferred or report.stopped else 0


def ensure_admin(s) -> tuple[str, str | None]:
    """The demo's first admin: created once with a generated password kept 0600 in the data folder."""
    from lo_network.services import accounts as service

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
    from lo_network.seed import seed_all

    with _Graph():
        for result in seed_all(replace=args.replace, organisations=args.organisations, seed=args.seed):
            print(f"lo-network: {result}")
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


# What `setup --browser` installs with apt-get for the tests: Debian package -> a program it
# brings. nginx is the TLS reverse proxy of the test that opens the app from another address;
# the tests' own PostgreSQL servers are made with postgresql's initdb, and their Redis (the
# state store of several backend workers) with redis-server.
TEST_PACKAGES = {"chromium": "chromium", "chromium-driver": "chromedriver", "nginx": "nginx", "postgresql": "initdb",
                 "redis-server": "redis-server"}


def find_program(name: str) -> str | None:
    """``name`` on PATH, or in the sbin folders (nginx lives in /usr/sbin, off a user's PATH),
    or among PostgreSQL's programs (in a folder of its major version)."""
    return (shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")
            or shutil.which(name, path=os.pathsep.join(sorted(glob.glob("/usr/lib/postgresql/*/bin")))))


def cmd_setup(args) -> int:
    """Install what the app needs beyond Python: bun, for the embedded Neo4j a Java 17 JDK
    and Maven (apt-get) and its jars (Maven, once), and with --browser what the tests run
    beside the app (``TEST_PACKAGES``)."""
    print(f"lo-network: bun at {ensure_bun()}")
    s = settings_mod.get()
    if s.embedded:
        from lo_network.embedded.neo4j import jars

        try:
            print(f"lo-network: Neo4j {jars.NEO4J_VERSION} jars in {jars.ensure(s, interactive=True)}")
        except jars.JarsError as exc:
            return _fail(str(exc))
    if args.browser:
        missing = [package for package, program in TEST_PACKAGES.items() if not find_program(program)]
        if not missing:
            print(f"lo-network: {', '.join(TEST_PACKAGES)} are installed")
        else:
            sudo = [] if os.geteuid() == 0 else ["sudo"]
            subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
            subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", *missing], check=True)
    return 0


def _first_measures() -> None:
    """The network measures of a demo that has none yet, so its "Makelaars en bruggen" page
    is not empty (later: `lo-network metrics` nightly, or the page's button)."""
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import metrics

    if metrics.latest(CLI_ACTOR) is None:
        row = metrics.recompute(CLI_ACTOR, "cli")
        print(f"lo-network: network measures computed ({row.nodes} nodes, {row.seconds:.1f} s)", flush=True)


def _answers(url: str) -> bool:
    """The page and the backend both answer (the frontend build is done)."""
    try:
        for path in ("/", "/ping"):
            with urllib.request.urlopen(url + path, timeout=5) as answer:
                if answer.status != 200:
                    return False
        return True
    except (OSError, ValueError):
        return False


def _announce_when_up(proc: subprocess.Popen, url: str, banner: list[str]) -> None:
    """Print the URL (and the demo's login) once the app answers there, not before."""
    while proc.poll() is None:
        if _answers(url):
            print("\n" + "\n".join(banner), flush=True)
            return
        time.sleep(1.0)


def cmd_prepare(args) -> int:
    """What `serve` does before it starts the app: the graph schema and SQL tables, with
    --demo the demo data, the first admin and the first network measures, and last month's
    KPI snapshot when it is missing."""
    with _Graph():
        if args.demo:
            from lo_network.seed import seed_all

            for result in seed_all():
                print(f"lo-network: {result}", flush=True)
            ensure_admin(settings_mod.get())
            _first_measures()
        _last_month_snapshot()
    return 0


def cmd_serve(args) -> int:
    s = settings_mod.get()
    with _Graph(supervised=True, migrate=False) as graph:
        # The start's one-off work runs in a child process that ends (`lo-network prepare`):
        # this process stays up for as long as the app, to supervise the graph server and the
        # app, and so never holds the services, pandas or the demo's modules in memory.
        prepared = subprocess.run([sys.executable, "-m", "lo_network.cli", "prepare", *(["--demo"] if args.demo else [])],
                                  cwd=PROJECT_ROOT, check=False)
        if prepared.returncode != 0:
            return prepared.returncode
        env = reflex_env(s)
        url = f"http://127.0.0.1:{s.port}"  # probed until it answers: always on this machine
        if s.public_url:
            banner = [f"  lo_network draait op / runs at: {s.public_url}",
                      f"  op deze machine / on this machine: {url}"]
        else:
            banner = [f"  lo_network draait op / runs at: {url}"]
        if args.demo:
            kept = s.data_dir / "first_admin_password"
            shown = kept.read_text().strip() if kept.exists() else f"(see {kept})"
            banner.append(f"  eerste beheerder / first admin: {s.demo_admin_email}  wachtwoord / password: {shown}")
        banner.append("  stoppen / stop: Ctrl+C\n")
        print("lo-network: de app wordt gebouwd en gestart / building and starting the app "
              "(first run: a few minutes) ...", flush=True)
        cmd = [sys.executable, "-m", "lo_network.reflex_main", "run", "--env", args.env, "--single-port",
               "--frontend-port", str(s.port), "--backend-port", str(s.port), "--backend-host", "127.0.0.1"]
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, start_new_session=True)
        threading.Thread(target=_announce_when_up, args=(proc, url, banner), daemon=True).start()

        def _stop(signum, frame):  # noqa: ARG001
            graph.stop_restarting()
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        code = proc.wait()
    return code


# ---------------------------------------------------------------- the network itself
def _kind_of(record_id: str) -> str:
    """'organisation' or 'person': which kind of record ``record_id`` is."""
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.domain.errors import NotFound, ValidationError
    from lo_network.services import organisations, people

    for kind, service in (("organisation", organisations), ("person", people)):
        try:
            service.get(CLI_ACTOR, record_id)
            return kind
        except NotFound:
            continue
    raise ValidationError({"id": f"geen organisatie of persoon / no organisation or person: {record_id}"})


def cmd_link(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.domain.dates import dutch
    from lo_network.services import links

    with _Graph():
        if args.link_command == "add":
            kind = _kind_of(args.from_id)
            raw = {"type": args.type, "since": args.since, "until": args.until, "source": args.source,
                   "note": args.note}
            link_id = links.add(CLI_ACTOR, kind, args.from_id, args.to_id, raw, "cli")
            print(f"lo-network: link {link_id} added")
        elif args.link_command == "end":
            kind = _kind_of(args.record_id)
            links.end(CLI_ACTOR, kind, args.record_id, args.link_id, "cli", until=args.until)
            print(f"lo-network: link {args.link_id} ended")
        else:
            kind = _kind_of(args.record_id)
            for link in links.list_links(CLI_ACTOR, kind, args.record_id):
                period = " – ".join(p for p in (dutch(link["since"]), dutch(link["until"])) if p)
                state = "" if link["active"] else " (beëindigd / ended)"
                print(f"{link['id']}  {link['label_nl']} {link['other_name']}  {period}{state}")
    return 0


def cmd_metrics(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.i18n import tr
    from lo_network.services import metrics

    started = time.perf_counter()

    def stage(name: str) -> None:   # printed as each stage begins, in the page's words
        print(f"lo-network: {time.perf_counter() - started:6.1f} s  {tr(f'measures.stage.{name}', 'en')}", flush=True)

    with _Graph():
        row = metrics.recompute(CLI_ACTOR, "cli", on_stage=stage)
        brokers = metrics.brokers(CLI_ACTOR, limit=args.brokers)
        print(f"lo-network: network measures: {row.nodes} nodes, {row.edges} ties, density {row.density:.4f}, "
              f"largest connected share {row.largest_share:.1%}, {row.communities} communities "
              f"({'betweenness estimated' if row.approximate else 'exact'}, {row.seconds:.1f} s)")
        print("lo-network: brokers: " + ", ".join(b["name"] or b["id"] for b in brokers))
    return 0


def cmd_duplicates(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import duplicates

    with _Graph():
        kind = "person" if args.people else "organisation"
        for c in duplicates.candidates(CLI_ACTOR, kind, limit=args.limit):
            print(f"{c['score']:>3}%  {c['a_id']} {c['a_name']}  |  {c['b_id']} {c['b_name']}  ({c['reasons_en']})")
    return 0


def cmd_merge(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.domain.errors import ValidationError
    from lo_network.services import duplicates

    choice = {}
    for item in args.take or []:
        field, _, side = item.partition("=")
        choice[field.strip()] = side.strip()
    with _Graph():
        kind = _kind_of(args.keep_id)
        if _kind_of(args.drop_id) != kind:
            raise ValidationError({"drop_id": "niet hetzelfde soort record / not the same kind of record"})
        audit_id = duplicates.merge(CLI_ACTOR, kind, args.keep_id, args.drop_id, duplicates.choice_from(choice), "cli")
        print(f"lo-network: merged {args.drop_id} into {args.keep_id}; undo with: lo-network undo-merge {audit_id}")
    return 0


def cmd_undo_merge(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import duplicates

    with _Graph():
        restored = duplicates.undo(CLI_ACTOR, args.audit_id, "cli")
        print(f"lo-network: merge {args.audit_id} undone; {restored} is back")
    return 0


def cmd_not_duplicate(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import duplicates

    with _Graph():
        duplicates.not_duplicate(CLI_ACTOR, _kind_of(args.a_id), args.a_id, args.b_id, "cli")
        print("lo-network: remembered: not a duplicate")
    return 0


def add_network_commands(sub) -> None:
    sp = sub.add_parser("link", help="links between organisations or between people: add, end, list")
    link_sub = sp.add_subparsers(dest="link_command", required=True)
    add = link_sub.add_parser("add", help="a new link FROM_ID -> TO_ID (two organisations or two people)")
    add.add_argument("from_id")
    add.add_argument("to_id")
    add.add_argument("--type", required=True,
                     help="organisations: partner, customer, supplier, member_of, part_of, collaborates, "
                          "shareholder; people: knows, introduced_by")
    add.add_argument("--since", default="")
    add.add_argument("--until", default="")
    add.add_argument("--source", default="")
    add.add_argument("--note", default="")
    end = link_sub.add_parser("end", help="end a link (it stays, with its end date)")
    end.add_argument("record_id", help="the organisation or person at either end")
    end.add_argument("link_id")
    end.add_argument("--until", default="", help="default today")
    show = link_sub.add_parser("list", help="the links of an organisation or person")
    show.add_argument("record_id")
    sp.set_defaults(func=cmd_link)

    sp = sub.add_parser("metrics", help="recompute the network measures (degree, betweenness, communities)")
    sp.add_argument("--brokers", type=int, default=10, help="how many brokers to print (default 10)")
    sp.set_defaults(func=cmd_metrics)

    sp = sub.add_parser("duplicates", help="candidate duplicate organisations (or --people), best first")
    sp.add_argument("--people", action="store_true")
    sp.add_argument("--limit", type=int, default=50)
    sp.set_defaults(func=cmd_duplicates)

    sp = sub.add_parser("merge", help="merge DROP_ID into KEEP_ID in one transaction (audited, undoable)")
    sp.add_argument("keep_id")
    sp.add_argument("drop_id")
    sp.add_argument("--take", action="append", metavar="FIELD=drop|both",
                    help="take this field from the record that goes (or join both lists); repeatable")
    sp.set_defaults(func=cmd_merge)

    sp = sub.add_parser("undo-merge", help="undo a merge by its audit entry id")
    sp.add_argument("audit_id", type=int)
    sp.set_defaults(func=cmd_undo_merge)

    sp = sub.add_parser("not-duplicate", help="remember that two records are not the same")
    sp.add_argument("a_id")
    sp.add_argument("b_id")
    sp.set_defaults(func=cmd_not_duplicate)


# ---------------------------------------------------------------- import, export, backup
class _Progress:
    """Progress on stderr: one updating line on a terminal, else a line per tenth."""

    def __init__(self, label: str):
        self.label = label
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        pct = 100 if not total else int(done * 100 / total)
        if self.tty:
            print(f"\rlo-network: {self.label} {done}/{total} ({pct}%)", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)
        elif pct // 10 != self.shown // 10 or done >= total:
            self.shown = pct
            print(f"lo-network: {self.label} {done}/{total} ({pct}%)", file=sys.stderr, flush=True)


def _print_report(report: dict, kind: str) -> None:
    matched = ", ".join(f"{rule}: {n}" for rule, n in report.get("matched", {}).items()) or "-"
    lines = [
        f"rows: {report['rows']}  valid: {report['valid_rows']}  failed: {report['failed_rows']}",
        f"records: {report['records']} (rows merged within the file: {report['merged_rows']})",
        f"create: {report['create']}  update: {report['update']}  unchanged: {report['unchanged']}",
        f"matched existing records by: {matched}",
    ]
    if kind == "people":
        lines.append(f"organisations to create: {report['organisations_create']}  "
                     f"links to organisations: {report['links_create']}")
    if kind == "attendances":
        lines.append(f"people to create: {report.get('people_create', 0)}  organisations to create: "
                     f"{report['organisations_create']}  links to organisations: {report['links_create']}")
    for line in lines:
        print(f"lo-network: {line}")


def cmd_import(args) -> int:
    import json as _json

    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.domain import imports as domain
    from lo_network.services import imports as service

    path = Path(args.file)
    if not path.is_file():
        return _fail(f"file: {path} bestaat niet / does not exist")
    overrides = domain.parse_map_options(args.map or [])
    domain.check_size(path.name, path.stat().st_size)  # before a byte of it is read
    with _Graph():
        job = service.create_job(CLI_ACTOR, path.name, path.read_bytes(), args.kind, "cli", overrides)
        mapping = _json.loads(job.mapping)
        domain.check_mapping(mapping, args.kind)
        for column, field in mapping.items():
            print(f"lo-network: column {column!r} -> {field or '(ignored)'}", file=sys.stderr)
        job = service.analyse(job.id, _Progress("checking"))
        if job.status != "ready":
            return _fail(job.error or "the file could not be checked")
        report = _json.loads(job.report)
        if args.dry_run:
            print("lo-network: dry run (nothing written)")
            _print_report(report, args.kind)
        else:
            job = service.execute(job.id, _Progress("importing"))
            if job.status != "done":
                return _fail(f"import stopped: {job.error} (run the same command again to finish it)", 3)
            print(f"lo-network: imported {path.name} (job {job.id})")
            _print_report(_json.loads(job.result), args.kind)
        errors = service.errors_of(job, limit=None)
        for error in errors:
            print(f"lo-network: line {error.line}: {error.text()}", file=sys.stderr)
        if errors:
            out = path.with_name(f"{path.stem}-fouten{path.suffix or '.csv'}")
            _name, data = service.failed_rows(CLI_ACTOR, job.id)
            out.write_bytes(data)
            print(f"lo-network: {len({e.line for e in errors})} rows failed; fix them in {out} and import that file",
                  file=sys.stderr)
            return 2
    return 0


def cmd_export(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import backup, exports

    if args.all:
        with _Graph():
            try:
                manifest = backup.export_all(Path(args.all), lambda m: print(f"lo-network: {m}", file=sys.stderr))
            except backup.BackupRefused as exc:
                return _fail(str(exc))
        print(f"lo-network: backup written to {args.all}: {manifest['graph']['nodes']} nodes, "
              f"{manifest['graph']['relationships']} relationships, "
              f"{sum(manifest['sql']['tables'].values())} SQL rows")
        return 0
    if not args.list:
        return _fail("give a list (organisations or people) or --all DIR")
    filters = {"text": args.q, "kind": args.kind, "region": args.region, "theme": args.theme,
               "status": args.status, "tag": args.tag, "organisation_id": args.organisation_id}
    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "csv")
    if args.out and not Path(args.out).resolve().parent.is_dir():
        return _fail(f"--out: de map bestaat niet / the folder does not exist: {Path(args.out).parent}")
    with _Graph():
        name, data = exports.LISTS[args.list](CLI_ACTOR, filters, args.sort, fmt)
    out = Path(args.out or name)
    try:
        out.write_bytes(data)
    except OSError as exc:
        return _fail(f"--out: kan niet schrijven / cannot write {out}: {exc.strerror}")
    print(f"lo-network: {args.list} written to {out}")
    return 0


def cmd_restore(args) -> int:
    from lo_network.services import backup

    with _Graph():
        try:
            result = backup.restore(Path(args.folder), lambda m: print(f"lo-network: {m}", file=sys.stderr))
        except backup.BackupRefused as exc:
            return _fail(f"restore refused: {exc}")
    print(f"lo-network: restored {result['nodes']} nodes, {result['relationships']} relationships, "
          f"{sum(result['sql'].values())} SQL rows")
    return 0


def add_import_export_commands(sub) -> None:
    sp = sub.add_parser("import", help="import organisations or people from a CSV or XLSX file")
    sp.add_argument("file")
    sp.add_argument("--kind", required=True, choices=["organisations", "people", "attendances"])
    sp.add_argument("--dry-run", action="store_true", help="only report what would happen")
    sp.add_argument("--map", action="append", metavar="COLUMN=FIELD",
                    help="map a column to a field (repeatable); COLUMN= ignores the column")
    sp.set_defaults(func=cmd_import)

    sp = sub.add_parser("export", help="export a list (CSV/XLSX) or, with --all DIR, a complete backup")
    sp.add_argument("list", nargs="?", choices=["organisations", "people"])  # services.exports.LISTS
    sp.add_argument("--all", metavar="DIR", help="write a complete backup into DIR (new or empty)")
    sp.add_argument("--out", help="file to write (default: organisaties-DATE.csv / personen-DATE.csv)")
    sp.add_argument("--format", choices=["csv", "xlsx"])
    sp.add_argument("--q", default="", help="search text, as in the list's search box")
    for name in ("kind", "region", "theme", "status", "tag", "organisation-id"):
        sp.add_argument(f"--{name}", default=None)
    sp.add_argument("--sort", default="name")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("restore", help="restore a backup (export --all) into an empty installation")
    sp.add_argument("folder")
    sp.set_defaults(func=cmd_restore)


# ---------------------------------------------------------------- privacy
def cmd_privacy(args) -> int:
    import json as json_mod

    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import people, privacy

    with _Graph():
        if args.privacy_command == "export":
            report = privacy.access_report(CLI_ACTOR, args.person_id, "cli")
            text = json_mod.dumps(report, ensure_ascii=False, indent=2, default=str)
            if args.out:
                Path(args.out).write_text(text + "\n", encoding="utf-8")
            else:
                print(text)
            if args.html:
                Path(args.html).write_text(privacy.report_html(report), encoding="utf-8")
            return 0
        if args.privacy_command == "retention":
            found = privacy.retention_candidates(CLI_ACTOR, years=args.years)
            for c in found:
                print(f"{c['id']}  {c['name']}  {str(c['updated_at'])[:10]}")
            print(f"lo-network: {len(found)} people without basis or activity for the retention period")
            if args.erase:
                if not args.yes:
                    return _fail("retention --erase: give --yes as well (cannot be undone)")
                done = privacy.erase_many(CLI_ACTOR, [c["id"] for c in found], "cli", years=args.years)
                print(f"lo-network: {len(done)} people erased")
            return 0
        name = people.get(CLI_ACTOR, args.person_id).get("name") or ""
        if not args.yes:
            if not sys.stdin.isatty():
                return _fail("erase: give --yes (cannot be undone; no terminal to ask)")
            typed = input(f"Typ de naam om {name!r} onherroepelijk te anonimiseren / type the name to erase: ")
            if typed.strip().casefold() != name.strip().casefold():
                return _fail("erase: name not confirmed; nothing changed")
        result = privacy.erase(CLI_ACTOR, args.person_id, "cli", confirm=name)
        print(f"lo-network: person {args.person_id} erased (anonymised); "
              f"{result['audit_entries_redacted']} audit entries redacted, {result['consents']} consent records removed")
    return 0


def add_privacy_commands(sub) -> None:
    sp = sub.add_parser("privacy", help="access request (export) and erasure of one person")
    privacy_sub = sp.add_subparsers(dest="privacy_command", required=True)
    ex = privacy_sub.add_parser("export", help="everything held about PERSON_ID as JSON (stdout or --out)")
    ex.add_argument("person_id")
    ex.add_argument("--out", default="", help="write the JSON to this file instead of stdout")
    ex.add_argument("--html", default="", help="also write a readable HTML page to this file")
    er = privacy_sub.add_parser("erase", help="anonymise PERSON_ID everywhere (cannot be undone)")
    er.add_argument("person_id")
    er.add_argument("--yes", action="store_true", help="do not ask to type the name")
    rt = privacy_sub.add_parser("retention", help="people with no basis and no activity for LO_RETENTION_YEARS")
    rt.add_argument("--years", type=int, default=None, help="instead of LO_RETENTION_YEARS (default 7)")
    rt.add_argument("--erase", action="store_true", help="erase everyone listed (with --yes)")
    rt.add_argument("--yes", action="store_true")
    sp.set_defaults(func=cmd_privacy)
    # registering known people from the command line, with the same consent check
    sp = sub.add_parser("register", help="register known people for an activity (each needs a basis for invitations)")
    sp.add_argument("activity_id")
    sp.add_argument("person_ids", nargs="+", metavar="PERSON_ID")
    sp.set_defaults(func=cmd_register)


def cmd_register(args) -> int:
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import registrations

    with _Graph():
        outcomes = registrations.register_people(CLI_ACTOR, args.activity_id, args.person_ids, "cli")
    for outcome in outcomes:
        print(f"{outcome.registration.get('id')}  {outcome.name}  {outcome.outcome}")
    return 0


# ---------------------------------------------------------------- follow-up lists
def _followup_line(name: str, item: dict) -> str:
    from lo_network.domain.dates import dutch

    if name == "consent":
        purposes = ",".join(x["purpose"] for x in item["lapsing"])
        employers = "; ".join(o["name"] for o in item["organisations"])
        return f"{item['id']}  {dutch(item['lapses'])}  {item.get('name') or ''}  ({purposes})  {employers}"
    last = item.get("last_activity")
    seen = f"{dutch(last['date'])} {last['title']}" if last else "geen activiteit / no activity"
    times = f"  {item['attended']}x" if name == "twice" else ""
    contact = (item.get("contacts") or [{}])[0]
    call = f"  bel / call: {contact.get('name')} {contact.get('phone') or contact.get('email') or ''}".rstrip() \
        if contact else ""
    return f"{item['id']}  {item['name']}  [{item.get('status') or ''}]{times}  {seen}{call}"


def cmd_followup(args) -> int:
    import json as json_mod

    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import followup

    filters = {"region": args.region, "theme": args.theme, "kind": args.kind}
    with _Graph():
        if args.refresh:
            changed = followup.refresh_last_activity()
            print(f"lo-network: last activity derived again for every organisation, {changed} changed")
        if args.out or args.format:
            fmt = args.format or Path(args.out).suffix.lstrip(".").lower() or "csv"
            name, data = followup.export(CLI_ACTOR, args.list, filters, args.sort, fmt)
            out = Path(args.out or name)
            out.write_bytes(data)
            print(f"lo-network: {args.list} written to {out}")
            return 0
        page = followup.list_page(CLI_ACTOR, args.list, filters, args.sort, 1, 100)
        items, number = list(page.items), 1
        while len(items) < min(args.limit, page.total):
            number += 1
            more = followup.list_page(CLI_ACTOR, args.list, filters, args.sort, number, 100).items
            if not more:
                break
            items += more
        items = items[:args.limit]
    if args.json:
        print(json_mod.dumps({"list": args.list, "total": page.total, "items": items}, ensure_ascii=False, indent=2,
                             default=str))
        return 0
    for item in items:
        print(_followup_line(args.list, item))
    print(f"lo-network: {page.total} in {args.list}" + (f" (first {len(items)} shown)" if len(items) < page.total else ""))
    return 0


def add_followup_commands(sub) -> None:
    sp = sub.add_parser("followup", help="the coordinators' follow-up lists: dormant, twice, consent")
    sp.add_argument("list", choices=["dormant", "twice", "consent"],
                    help="dormant organisations; attended twice, not yet partner; consent about to lapse")
    sp.add_argument("--json", action="store_true", help="print the rows as JSON")
    for name in ("region", "theme", "kind"):
        sp.add_argument(f"--{name}", default=None)
    sp.add_argument("--sort", default=None, help="dormant: silent|name|-name; twice: -attended|name|-name; consent: lapse")
    sp.add_argument("--limit", type=int, default=200, help="at most this many rows (default 200)")
    sp.add_argument("--out", help="write the whole list to this file (CSV or XLSX by its suffix)")
    sp.add_argument("--format", choices=["csv", "xlsx"])
    sp.add_argument("--refresh", action="store_true",
                    help="first derive every organisation's last activity again (after changes made outside the app)")
    sp.set_defaults(func=cmd_followup)


# ---------------------------------------------------------------- KPIs
def cmd_kpis(args) -> int:
    import json as json_mod

    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import kpis

    with _Graph():
        if args.kpis_command == "snapshot":
            done = kpis.snapshot(CLI_ACTOR, args.month or None, force=args.force)
            print(f"lo-network: KPI snapshot {done['month']} {'replaced' if done['replaced'] else 'stored'} "
                  f"({done['rows']} figures)")
            return 0
        figures = kpis.current(CLI_ACTOR)
        if args.json:
            print(json_mod.dumps(figures, ensure_ascii=False, indent=2, default=str))
        else:
            c = figures["cards"]
            print(f"netwerk / network: {c['prospect']} prospects, {c['participant']} deelnemers, {c['partner']} partners; "
                  f"nieuw {c['new']}, verloren {c['lost']} (dit jaar / this year)")
            print(f"activiteiten / activities: {c['activities']}, aanmeldingen / registrations {c['registrations']}, "
                  f"opkomst / attendance {c['attendance_rate']:.0%}, niet verschenen / no-show {c['no_show_rate']:.0%}, "
                  f"organisaties bereikt / reached {c['unique_organisations']}")
    return 0


def add_kpi_commands(sub) -> None:
    sp = sub.add_parser("kpis", help="the steering group's measures (--json), or store a monthly snapshot")
    sp.add_argument("--json", action="store_true", help="print the current measures as JSON")
    kpi_sub = sp.add_subparsers(dest="kpis_command")
    snap = kpi_sub.add_parser("snapshot", help="store a finished month's figures (default: last month)")
    snap.add_argument("--month", default="", help="YYYY-MM (a finished month)")
    snap.add_argument("--force", action="store_true", help="replace the month's snapshot when it exists")
    sp.set_defaults(func=cmd_kpis)


def _last_month_snapshot() -> None:
    """The scheduled run: last month's KPI snapshot when it is missing, at start."""
    from lo_network.services.accounts import CLI_ACTOR
    from lo_network.services import kpis

    try:
        done = kpis.ensure_last_month(CLI_ACTOR)
    except Exception as exc:  # noqa: BLE001 - the app starts anyway; `lo-network kpis snapshot` retries
        print(f"lo-network: KPI snapshot of last month failed: {exc!r}", flush=True)
        return
    if done:
        print(f"lo-network: KPI snapshot {done['month']} stored ({done['rows']} figures)", flush=True)


# ---------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lo-network", description="Logistics Overijssel network CRM")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("serve", help="start the web app (and the embedded graph when no LO_NEO4J_URI)")
    sp.add_argument("--demo", action="store_true", help="load demo data into an empty graph and create the first admin")
    sp.add_argument("--env", choices=["prod", "dev"], default="prod")
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("prepare", help="what serve does before the app starts: migrations, with --demo the demo "
                        "data and first admin, last month's KPI snapshot")
    sp.add_argument("--demo", action="store_true", help="load demo data into an empty graph and create the first admin")
    sp.set_defaults(func=cmd_prepare)

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
    sp.add_argument("--password", default="", help="else LO_NEW_USER_PASSWORD, else asked; write --password=VALUE when it starts with -")
    sp.set_defaults(func=cmd_create_user)

    sp = sub.add_parser("create-token", help="create a personal API token for a user (printed once)")
    sp.add_argument("email")
    sp.add_argument("--label", default="")
    sp.set_defaults(func=cmd_create_token)

    sp = sub.add_parser("send-outbox", help="send the emails waiting in the outbox (needs LO_SMTP_HOST); "
                                            "exit 1 when some could not be sent")
    sp.set_defaults(func=cmd_send_outbox)

    sp = sub.add_parser("setup", help="install bun, Java 17 + Maven and the Neo4j jars "
                                      "(and with --browser: Debian's chromium, nginx, postgresql and redis-server, "
                                      "for the tests)")
    sp.add_argument("--browser", action="store_true")
    sp.set_defaults(func=cmd_setup)
    add_network_commands(sub)
    add_import_export_commands(sub)
    add_privacy_commands(sub)
    add_followup_commands(sub)
    add_kpi_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from lo_network.domain.errors import ValidationError
    from lo_network.embedded.server import GraphServerError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except ValidationError as exc:
        for field, message in exc.errors.items():
            print(f"lo-network: {field}: {message}", file=sys.stderr)
        return 2
    except Exception as exc:
        # the graph driver (and the neo4j and pandas modules it brings) is not imported for
        # this check: `serve` stays up for as long as the app and never needs it
        driver = sys.modules.get("lo_network.store.driver")
        if isinstance(exc, GraphServerError) or (driver is not None and isinstance(exc, driver.GraphUnavailable)):
            return _fail(str(exc), 3)
        raise


if __name__ == "__main__":
    sys.exit(main())
