"""Another machine in front of the app, made on this one: a network namespace of the test's
own with one address, nginx in it terminating TLS for a made-up name and proxying (HTTP and
websocket) to a unix socket, a relay from that socket to the app on 127.0.0.1, and a
Chromium started inside the namespace, which can reach the app only through nginx.

Needs root (or CAP_NET_ADMIN), iproute2's ``ip``, Debian's nginx and the openssl program;
:func:`missing` says which is lacking. The nginx configuration has the shape the README's
"Deployment" section gives; only its paths (pid, logs, temporary files) are the test's."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import subprocess
import threading
import time
from pathlib import Path

from lo_network.cli import find_program

ADDRESS = "10.213.7.1"  # inside the namespace only: every namespace has its own addresses

NGINX_CONF = """\
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}
    upstream lo_network {{
        server unix:{socket};
    }}
    server {{
        listen {address}:443 ssl;
        server_name {host};
        ssl_certificate     {tmp}/cert.pem;
        ssl_certificate_key {tmp}/key.pem;
        client_max_body_size 60m;

        location / {{
            proxy_pass http://lo_network;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 1h;
        }}
    }}
}}
"""


def missing() -> str | None:
    """Why the proxy cannot be made here, or None."""
    if os.geteuid() != 0:
        return "network namespaces need root"
    for program in ("ip", "nginx", "openssl"):
        if not find_program(program):
            hint = " (lo-network setup --browser installs it)" if program == "nginx" else ""
            return f"{program} is not installed{hint}"
    name = f"lo_probe_{secrets.token_hex(4)}"
    made = subprocess.run(["ip", "netns", "add", name], capture_output=True, text=True)
    if made.returncode != 0:
        return f"cannot create a network namespace: {made.stderr.strip()}"
    subprocess.run(["ip", "netns", "delete", name], capture_output=True)
    return None


class UnixRelay:
    """Relays every connection on a unix socket to 127.0.0.1:``port``, in a thread of its own
    (nginx inside the namespace cannot reach this namespace's loopback, but the file system)."""

    def __init__(self, path: Path, port: int):
        self.path, self.port = path, port
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.AbstractServer | None = None

    def start(self) -> "UnixRelay":
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_unix_server(self._relay, path=str(self.path)), self._loop).result(10)
        return self

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            app_reader, app_writer = await asyncio.open_connection("127.0.0.1", self.port)
        except OSError:
            writer.close()
            return

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
                if sink.can_write_eof():
                    sink.write_eof()

        try:
            await asyncio.gather(pipe(reader, app_writer), pipe(app_reader, writer))
        finally:
            for w in (writer, app_writer):
                w.close()

    def stop(self) -> None:
        async def shut() -> None:
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self._server is not None:
            asyncio.run_coroutine_threadsafe(shut(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()


class ReverseProxy:
    """``https://{host}`` served by nginx in namespace ``netns`` at :data:`ADDRESS`, to the app
    at 127.0.0.1:``app_port``; :attr:`chromium` starts Chromium inside the namespace."""

    def __init__(self, folder: Path, host: str, app_port: int, browser: str):
        self.folder, self.host, self.app_port, self.browser = folder, host, app_port, browser
        self.netns = f"lo_e2e_{secrets.token_hex(4)}"
        self.chromium = folder / "chromium-in-netns"
        self._relay: UnixRelay | None = None
        self._nginx: subprocess.Popen | None = None
        self._netns_made = False

    @property
    def url(self) -> str:
        return f"https://{self.host}"

    @property
    def resolver_rule(self) -> str:
        """Chromium's switch that sends the made-up name to nginx's address (no DNS needed)."""
        return f"--host-resolver-rules=MAP {self.host} {ADDRESS}"

    def start(self) -> "ReverseProxy":
        ip = [find_program("ip"), "netns", "exec", self.netns]
        subprocess.run([ip[0], "netns", "add", self.netns], check=True)
        self._netns_made = True
        subprocess.run([*ip, "ip", "link", "set", "lo", "up"], check=True)
        subprocess.run([*ip, "ip", "addr", "add", f"{ADDRESS}/32", "dev", "lo"], check=True)

        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-days", "1", "-subj", f"/CN={self.host}", "-addext",
                        f"subjectAltName=DNS:{self.host}", "-keyout", str(self.folder / "key.pem"),
                        "-out", str(self.folder / "cert.pem")], check=True, capture_output=True)
        socket_path = self.folder / "app.sock"
        self._relay = UnixRelay(socket_path, self.app_port).start()
        conf = self.folder / "nginx.conf"
        conf.write_text(NGINX_CONF.format(tmp=self.folder, socket=socket_path, address=ADDRESS, host=self.host))
        pid_file = self.folder / "nginx.pid"
        self._nginx = subprocess.Popen(
            [*ip, find_program("nginx"), "-c", str(conf), "-e", str(self.folder / "error.log"), "-g", "daemon off;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while not pid_file.exists():  # written once the listening socket is open
            if self._nginx.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start:\n{self.error_log()}")
            time.sleep(0.1)

        self.chromium.write_text(f'#!/bin/sh\nexec {" ".join(ip)} {self.browser} "$@"\n')
        self.chromium.chmod(0o700)
        return self

    def error_log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "error.log").read_text(errors="replace")[-4000:]
        return "(no nginx log)"

    def stop(self) -> None:
        if self._nginx is not None and self._nginx.poll() is None:
            self._nginx.terminate()
            try:
                self._nginx.wait(10)
            except subprocess.TimeoutExpired:
                self._nginx.kill()
                self._nginx.wait(5)
        if self._relay is not None:
            self._relay.stop()
        if self._netns_made:
            subprocess.run([find_program("ip"), "netns", "delete", self.netns], check=False)
