"""Which backend worker holds a connection: the test's end of a TCP connection to the app is
matched in the kernel's table (/proc/net/tcp) with the socket a worker process holds open
(/proc/PID/fd). Seen from outside, as an operator's `ss -tp` would: the app is not asked."""

from __future__ import annotations

import os
import re
from pathlib import Path


def descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (children first, then theirs)."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop(0)
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            queue.extend(children)
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        for fd in os.scandir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(fd.path)
            except OSError:
                continue
            match = re.fullmatch(r"socket:\[(\d+)\]", target)
            if match:
                inodes.add(match.group(1))
    except OSError:
        pass
    return inodes


def _connections() -> dict[tuple[int, int], str]:
    """(local port, remote port) -> socket inode, for the established IPv4 TCP connections."""
    out = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
        if state == "01":  # ESTABLISHED
            out[(int(local.split(":")[1], 16), int(remote.split(":")[1], 16))] = inode
    return out


def worker_of(serve_pid: int, app_port: int, client_port: int) -> int | None:
    """The process under ``serve_pid`` holding the app's end of the connection from
    ``client_port`` (None when none does: closed, or not reached yet)."""
    inode = _connections().get((app_port, client_port))
    if inode is None:
        return None
    for pid in descendants(serve_pid):
        if inode in _socket_inodes(pid):
            return pid
    return None


def tab_port(tab) -> int:
    """The local port of a ReflexTab's websocket (engineio's websocket-client socket)."""
    return tab._client.eio.ws.sock.getsockname()[1]


def connections_per_worker(serve_pid: int, app_port: int) -> dict[int, set[str]]:
    """The established connections to the app (socket inodes) each process under
    ``serve_pid`` holds; compare two readings to see where new connections went."""
    held = {inode for (local, _), inode in _connections().items() if local == app_port}
    out = {}
    for pid in descendants(serve_pid):
        mine = _socket_inodes(pid) & held
        if mine:
            out[pid] = mine
    return out


def new_connections(before: dict[int, set[str]], after: dict[int, set[str]]) -> dict[int, int]:
    """How many connections each worker holds in ``after`` that it did not in ``before``."""
    counts = {pid: len(inodes - before.get(pid, set())) for pid, inodes in after.items()}
    return {pid: n for pid, n in counts.items() if n}
