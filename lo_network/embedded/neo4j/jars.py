"""Fetch Neo4j's jars once with Maven and compile the Java launcher against them.

The cache lives in the Python environment (``<venv>/share/lo_network/neo4j-<version>``), so
every data folder and test session of this installation shares it; when that is not
writable, under the data folder. Once complete, a start runs no Maven and reaches no
network: the ``complete`` file in the cache says so, and names the launcher source it
compiled (a changed ``Neo4jServer.java`` is compiled again, offline).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from lo_network.settings import Settings

NEO4J_VERSION = "5.26.30"  # the newest 5.26 (LTS) patch; keep in step with pom.xml
HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
SOURCE = HERE / "Neo4jServer.java"
MAIN_CLASS = "Neo4jServer"


class JarsError(RuntimeError):
    """The jars could not be fetched or the launcher not compiled; the message says why."""


def cache_dir(settings: Settings) -> Path:
    preferred = Path(sys.prefix) / "share" / "lo_network" / f"neo4j-{NEO4J_VERSION}"
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        if os.access(preferred, os.W_OK):
            return preferred
    except OSError:
        pass
    return settings.data_dir / f"neo4j-{NEO4J_VERSION}"


def _stamp() -> str:
    return hashlib.sha256(POM.read_bytes() + SOURCE.read_bytes()).hexdigest()


# what the embedded Neo4j needs from Debian: a Java 17 JDK (java, and javac for the
# launcher) and Maven (fetches the jars once)
TOOLS = {"java": "openjdk-17-jdk-headless", "javac": "openjdk-17-jdk-headless", "mvn": "maven"}


def install_tools(interactive: bool = True) -> list[str]:
    """Install the Debian packages of missing TOOLS with apt-get (as root, else through
    sudo: asking for a password only when ``interactive``); returns what was installed."""
    missing = sorted({package for tool, package in TOOLS.items() if not shutil.which(tool)})
    if not missing:
        return []
    if os.geteuid() == 0:
        sudo = []
    elif shutil.which("sudo"):
        sudo = ["sudo"] if interactive else ["sudo", "-n"]
    else:
        raise JarsError(f"{', '.join(missing)} missing: install them as root (apt-get install {' '.join(missing)})")
    print(f"lo-network: installing {', '.join(missing)} with apt-get ...", flush=True)
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *missing]):
        done = subprocess.run(sudo + step, stdin=subprocess.DEVNULL if not interactive else None)
        if done.returncode != 0:
            raise JarsError(
                f"could not install {', '.join(missing)} (`{' '.join(step)}` exit code {done.returncode}); "
                f"install them as root, or run `lo-network setup`"
            )
    return missing


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise JarsError(
            f"{tool} is not installed: the embedded Neo4j needs a Java 17 JDK and Maven; "
            f"run `lo-network setup` (installs {TOOLS[tool]} with apt-get)"
        )
    return found


def ensure(settings: Settings, interactive: bool = False) -> Path:
    """The cache folder with ``lib/*.jar`` and ``classes/Neo4jServer.class``, made when
    missing (installing Java and Maven first when they are missing)."""
    cache = cache_dir(settings)
    cache.mkdir(parents=True, exist_ok=True)
    complete = cache / "complete"
    stamp = _stamp()
    if complete.exists() and complete.read_text().strip() == stamp:
        return cache
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one fetch at a time: other starts wait for it
        if complete.exists() and complete.read_text().strip() == stamp:
            return cache
        install_tools(interactive)
        lib = cache / "lib"
        if not any(lib.glob("neo4j-bolt-*.jar")):
            _fetch(lib)
        _compile(cache)
        complete.write_text(stamp)
    return cache


def _fetch(lib: Path) -> None:
    mvn = _need("mvn")
    partial = lib.with_name("lib.partial")
    shutil.rmtree(partial, ignore_errors=True)
    print(f"lo-network: fetching Neo4j {NEO4J_VERSION} jars with Maven (once) ...", flush=True)
    started = time.monotonic()
    done = subprocess.run(
        [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={partial}"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        tail = " | ".join((done.stdout + done.stderr).strip().splitlines()[-6:])
        raise JarsError(f"Maven could not fetch the Neo4j jars (exit code {done.returncode}): {tail}")
    shutil.rmtree(lib, ignore_errors=True)
    partial.rename(lib)
    size = sum(p.stat().st_size for p in lib.iterdir()) / 2**20
    print(
        f"lo-network: Neo4j jars fetched in {time.monotonic() - started:.1f} s "
        f"({len(list(lib.iterdir()))} jars, {size:.0f} MiB in {lib})",
        flush=True,
    )


def _compile(cache: Path) -> None:
    javac = _need("javac")
    classes = cache / "classes"
    shutil.rmtree(classes, ignore_errors=True)
    done = subprocess.run(
        [javac, "-nowarn", "--release", "17", "-cp", str(cache / "lib" / "*"), "-d", str(classes), str(SOURCE)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        raise JarsError(f"could not compile {SOURCE.name}: {done.stderr.strip()[-800:]}")


SERIAL_GC_UP_TO = 2 * 2**30  # heaps up to this size get the serial collector
# The heap the JVM starts with; it grows towards LO_GRAPH_HEAP as the work needs. The JVM's
# own default is a 64th of the machine's memory (384 MiB on 24 GiB), all of it touched during
# Neo4j's start: measured idle after the start, 321 MiB resident instead of 411, and 448
# instead of 491 after loading 2,000 demo organisations (docs/neo4j-embedded.md).
INITIAL_HEAP = "32m"
_SIZE = re.compile(r"(\d+)([kmgt]?)", re.IGNORECASE)


def heap_bytes(heap: str) -> int | None:
    """The bytes of a JVM heap size as -Xmx takes it ("1g", "512m", "1048576"); None when
    it is not one."""
    found = _SIZE.fullmatch(heap.strip())
    if not found:
        return None
    return int(found.group(1)) * 1024 ** "_kmgt".index(found.group(2).lower() or "_")


def garbage_collector(heap: str) -> str:
    """The serial collector for a heap of up to 2 GiB, G1 above. Measured on 2 cores with
    a 512 MiB heap (docs/neo4j-embedded.md): with the serial collector the graph server
    spends less CPU per registration in a rush (about 11 against 13-14 ms) and holds the
    same memory; G1 is made for large heaps, where its short pauses matter."""
    size = heap_bytes(heap)
    return "-XX:+UseSerialGC" if size is not None and size <= SERIAL_GC_UP_TO else "-XX:+UseG1GC"


def java_command(settings: Settings, cache: Path) -> list[str]:
    """The command line of the graph server JVM (no secret on it: the launcher reads the
    password file itself)."""
    java = _need("java")
    return [
        java,
        f"-Xmx{settings.graph_heap}",
        f"-Xms{INITIAL_HEAP}",
        "-Dlo_network.role=graph-server",  # what _alive() recognises in /proc/<pid>/cmdline
        # as Neo4j's own start script does: the page cache and Netty reach NIO internals
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "-Dio.netty.tryReflectionSetAccessible=true",
        garbage_collector(settings.graph_heap),
        "-XX:-OmitStackTraceInFastThrow",
        "-Djdk.nio.maxCachedBufferSize=1024",
        "-Dlog4j2.disable.jmx=true",
        "-cp",
        f"{cache / 'classes'}{os.pathsep}{cache / 'lib' / '*'}",
        MAIN_CLASS,
        str(settings.graph_dir / "neo4j"),
        str(settings.graph_dir),
        str(settings.graph_bolt_port),
        settings.neo4j_database,
        settings.graph_pagecache,
    ]
