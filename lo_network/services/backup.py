"""A complete, portable backup of an installation (``lo-network export --all DIR``) and its
restore into an empty one (``lo-network restore DIR``). See BACKUP_README for the format."""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable

from lo_network import settings as settings_mod
from lo_network.messages import msg
from lo_network.sqlstore import backup as sql_store
from lo_network.store import backup as store
from lo_network.store import driver, schema

FORMAT = "lo_network-backup"
VERSION = 1
BATCH = 1000

BACKUP_README = """# lo_network backup

Written by `lo-network export --all`; read back by `lo-network restore DIR` into an empty
installation (no organisations, people or other data nodes; empty SQL tables).

Files (UTF-8, one JSON object per line in the `.jsonl` files):

- `manifest.json`: format name and version, when and from which installation it was made,
  the graph schema migrations it needs, and the counts of everything it holds (nodes per
  label, relationships per type, rows per SQL table). Restore checks the counts after it ran.
- `graph/nodes.jsonl`: every data node: `{"labels": [...], "props": {...}}` with all its
  properties. Nodes are known by their own `id` property (a uuid), never by a database-internal id.
- `graph/relationships.jsonl`: every relationship: `{"type", "from_labels", "from_id",
  "to_labels", "to_id", "props"}` — its end nodes by their own `id`.
- `sql/<table>.jsonl`: every row of every SQL table of the application (accounts, login
  sessions, API tokens, audit log, import jobs, ...), column by column.

Values are plain JSON, except: graph date-times `{"$datetime": "2026-01-02T10:00:00Z"}`,
local date-times `{"$localdatetime": ...}`, dates `{"$date": "2026-01-02"}`; SQL date-times
`{"$datetime": ISO-8601}`, dates `{"$date": ...}`, bytes `{"$bytes": base64}`.

Secrets: the SQL tables hold password hashes and hashed tokens (never the passwords or
tokens themselves). The folder is made readable by its owner only; keep it as safe as the
installation itself. A folder with `manifest.json` is complete: the export writes into a
temporary folder and renames it when done.
Not included: schema bookkeeping (the restoring installation applies its own migrations)
and uploaded import files in the data folder (the import jobs' records are included).
"""


class BackupRefused(ValueError):
    """A backup or restore that cannot give back exactly the data: an export leaves no
    folder behind, a refused restore changes nothing. The message says why."""


# ---------------------------------------------------------------- values
def _sql_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode()}
    return value


def _sql_decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        tag, text = next(iter(value.items()))
        if tag == "$datetime":
            return datetime.fromisoformat(text)
        if tag == "$date":
            return date.fromisoformat(text)
        if tag == "$bytes":
            return base64.b64decode(text)
    return value


def _jsonl(path: Path, items) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
            count += 1
        fh.flush()
        os.fsync(fh.fileno())
    return count


def _batches(items, size: int | None = None):
    """Lists of up to ``size`` (BATCH) items, in order."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= (size or BATCH):
            yield batch
            batch = []
    if batch:
        yield batch


def _read_jsonl(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# ---------------------------------------------------------------- export
def export_all(folder: Path, progress: Callable[[str], None] | None = None) -> dict:
    """Write the backup into ``folder`` (new, or an empty folder). Returns the manifest.

    Everything is written into a temporary folder beside it, which is renamed to ``folder``
    only when complete (manifest last): a failed export leaves nothing at ``folder`` and
    removes the temporary folder. BackupRefused says why, in Dutch and English."""
    say = progress or (lambda _m: None)
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupRefused(msg("backup.folder_not_empty", subject=folder))
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent))
    except OSError as exc:
        raise BackupRefused(msg("backup.folder_not_made", subject=folder, detail=exc)) from exc
    try:
        manifest = _write(work, say)
        _sync(work)
        os.rename(work, folder)  # atomic; replaces an empty folder, fails on a non-empty one
        _sync(folder.parent)
    except BaseException as exc:
        shutil.rmtree(work, ignore_errors=True)
        if isinstance(exc, store.BackupError):
            raise BackupRefused(msg("backup.not_written", detail=exc)) from exc
        if isinstance(exc, OSError):
            raise BackupRefused(msg("backup.not_written_in", subject=folder, detail=exc.strerror or exc)) from exc
        raise
    return manifest


def _sync(path: Path) -> None:
    """Flush a folder's entries to disk (the files themselves are flushed as written)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(folder: Path, say: Callable[[str], None]) -> dict:
    (folder / "graph").mkdir()
    (folder / "sql").mkdir()
    labels: Counter = Counter()
    types: Counter = Counter()

    def counted_nodes(tx):
        for node in store.iter_nodes(tx):
            labels[":".join(node["labels"])] += 1
            yield node

    def counted_relationships(tx):
        for rel in store.iter_relationships(tx):
            types[rel["type"]] += 1
            yield rel

    database = settings_mod.get().neo4j_database
    driver.check_reachable()
    with driver.get_driver().session(database=database, default_access_mode="READ") as session:
        with session.begin_transaction() as tx:  # one read: nodes and relationships of one moment
            present = store.present(tx)
            store.check_declared(present["labels"], present["types"])
            say("graph: nodes ...")
            nodes = _jsonl(folder / "graph" / "nodes.jsonl", counted_nodes(tx))
            say(f"graph: {nodes} nodes; relationships ...")
            relationships = _jsonl(folder / "graph" / "relationships.jsonl", counted_relationships(tx))
            say(f"graph: {relationships} relationships")

    tables: dict[str, int] = {}
    for name, rows in sql_store.table_rows():
        tables[name] = _jsonl(folder / "sql" / f"{name}.jsonl",
                              ({k: _sql_value(v) for k, v in row.items()} for row in rows))
        say(f"sql: {name}: {tables[name]} rows")

    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source": {"graph": "embedded" if settings_mod.get().embedded else "neo4j",
                   "sql": sql_store.dialect()},
        "schema_migrations": sorted(schema.applied()),
        "graph": {"nodes": nodes, "relationships": relationships,
                  "labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))},
        "sql": {"tables": tables},
    }
    _write_text(folder / "README.md", BACKUP_README)
    _write_text(folder / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def _write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


# ---------------------------------------------------------------- restore
def _manifest(folder: Path) -> dict:
    path = Path(folder) / "manifest.json"
    if not path.exists():
        raise BackupRefused(msg("backup.no_manifest", subject=folder))
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupRefused(msg("backup.unknown_format", subject=folder,
                                detail=f"{manifest.get('format')} v{manifest.get('version')}"))
    return manifest


def check_empty() -> None:
    """Raise BackupRefused unless the graph has no data nodes and the SQL tables are empty."""
    nodes = driver.read(store.node_count)
    if nodes:
        raise BackupRefused(msg("backup.graph_not_empty", nodes=nodes))
    filled = {k: v for k, v in sql_store.row_counts().items() if v}
    if filled:
        listed = ", ".join(f"{k} ({v})" for k, v in filled.items())
        raise BackupRefused(msg("backup.sql_not_empty", detail=listed))


def restore(folder: Path, progress: Callable[[str], None] | None = None) -> dict:
    """Read a backup into this (empty) installation; returns what was restored."""
    say = progress or (lambda _m: None)
    folder = Path(folder)
    manifest = _manifest(folder)
    missing = sorted(set(manifest.get("schema_migrations", [])) - schema.applied())
    if missing:
        raise BackupRefused(msg("backup.migrations_missing", detail=", ".join(missing)))
    try:
        store.check_declared({label for labels in manifest["graph"]["labels"] for label in labels.split(":")},
                             manifest["graph"]["types"])
    except store.BackupError as exc:
        raise BackupRefused(msg("backup.unknown_content", detail=exc)) from exc
    check_empty()
    unknown = sorted(set(manifest["sql"]["tables"]) - sql_store.table_names())
    if unknown:
        raise BackupRefused(msg("backup.sql_tables_unknown", detail=", ".join(unknown)))

    nodes = 0
    element_ids: dict[tuple, str] = {}  # (labels, id) -> the restored node's element id
    for batch in _batches(_read_jsonl(folder / "graph" / "nodes.jsonl")):
        made = driver.write(store.restore_nodes, batch)
        element_ids.update(made)
        nodes += len(made)
        say(f"graph: {nodes} nodes")

    relationships = 0
    for batch in _batches(_read_jsonl(folder / "graph" / "relationships.jsonl")):
        relationships += driver.write(store.restore_relationships, batch, element_ids)
    say(f"graph: {relationships} relationships")

    def rows_of(name: str):
        path = folder / "sql" / f"{name}.jsonl"
        if not path.exists():
            return None
        return ({k: _sql_decode(v) for k, v in row.items()} for row in _read_jsonl(path))

    tables = sql_store.restore_rows(rows_of, BATCH, lambda name, count: say(f"sql: {name}: {count} rows"))

    got = {"nodes": driver.read(store.node_count), "relationships": driver.read(store.relationship_count)}
    expected = {"nodes": manifest["graph"]["nodes"], "relationships": manifest["graph"]["relationships"]}
    if got != expected or any(tables.get(k, 0) != v for k, v in manifest["sql"]["tables"].items()):
        raise BackupRefused(msg("backup.restore_incomplete", detail=f"graph {got} != {expected}, sql {tables}"))
    return {"nodes": nodes, "relationships": relationships, "sql": tables}
