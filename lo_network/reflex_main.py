"""``python -m lo_network.reflex_main run --env prod ...``: Reflex's own command line (what
``lo-network serve`` runs), with the backend served by the process that built the app when
there is one worker.

Reflex's production backend is granian's process server: the process that compiled the app
forks its workers and supervises them. With one worker (no ``REDIS_URL``) that is two Python
processes holding the app, each with memory of its own. Here the one worker is served in
this process instead, by granian's embedded server (the same Rust HTTP and websocket engine,
driven from this process's asyncio loop), so the app lives in memory once: 807 -> 684 MiB
for app and graph at idle (docs/benchmarks.md). Granian calls its embedded server
experimental; the whole end-to-end suite runs on it, and several workers (``REDIS_URL``)
use Reflex's process server as it is."""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import os
import signal


def _serve_here(host: str, port: int, loglevel, app_target: str | None = None) -> None:
    """Stands in for ``reflex.utils.exec.run_granian_backend_prod``: the app's ASGI
    application, served on ``host:port`` by this process until SIGTERM or SIGINT."""
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server.embed import Server

    from reflex.utils import exec as reflex_exec
    from reflex.utils import prerequisites

    name = (app_target or reflex_exec.get_app_instance_from_file()).partition(":")[2]  # "module:app"
    app = getattr(prerequisites.get_app(), name)
    server = Server(target=app, factory=True, address=host, port=port, interface=Interfaces.ASGI,
                    log_level=LogLevels(os.getenv("GRANIAN_LOG_LEVEL", loglevel.value)),
                    log_dictconfig=reflex_exec._granian_log_dictconfig())
    # granian says at each start that its embedded server is experimental: a line for whoever
    # chooses it (this module, see above), not for the person starting the app
    logging.getLogger("_granian").addFilter(lambda record: "experimental" not in record.getMessage())

    _give_back_memory()

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, server.stop)
        await server.serve()

    asyncio.run(serve())


def _give_back_memory() -> None:
    """Return to the system what compiling the app allocated and no longer uses: the
    collector frees it, glibc's malloc_trim hands the free pages back (a process keeps
    them otherwise). Elsewhere than glibc, nothing."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def main() -> None:
    from reflex.reflex import cli
    from reflex.utils import exec as reflex_exec

    if not os.environ.get("REDIS_URL"):
        reflex_exec.run_granian_backend_prod = _serve_here
    cli()


if __name__ == "__main__":
    main()
