"""The graph server's JVM command line: heap sizes read as -Xmx reads them, and the garbage
collector chosen by heap size."""

from dataclasses import replace
from pathlib import Path

import pytest

from lo_network import settings
from lo_network.embedded.neo4j import jars


@pytest.mark.parametrize("heap, size", [("1g", 2**30), ("512m", 512 * 2**20), ("2048M", 2**31),
                                        ("1048576", 2**20), ("64k", 64 * 1024), (" 1G ", 2**30),
                                        ("1.5g", None), ("", None), ("g", None), ("-1g", None)])
def test_heap_sizes_as_the_jvm_reads_them(heap, size):
    assert jars.heap_bytes(heap) == size


@pytest.mark.parametrize("heap, collector", [("512m", "-XX:+UseSerialGC"), ("1g", "-XX:+UseSerialGC"),
                                             ("2g", "-XX:+UseSerialGC"), ("3g", "-XX:+UseG1GC"),
                                             ("16g", "-XX:+UseG1GC"), ("lots", "-XX:+UseG1GC")])
def test_serial_collector_for_small_heaps_g1_for_large_ones(heap, collector):
    assert jars.garbage_collector(heap) == collector


def test_the_command_line_carries_heap_and_collector(monkeypatch, tmp_path):
    monkeypatch.setattr(jars, "_need", lambda name: f"/usr/bin/{name}")
    small = replace(settings.load(), graph_heap="768m", data_dir=tmp_path)
    command = jars.java_command(small, Path(tmp_path))
    assert "-Xmx768m" in command and "-XX:+UseSerialGC" in command and "-XX:+UseG1GC" not in command
    assert "-Xms32m" in command  # starts small and grows: less resident memory when idle
    large = replace(small, graph_heap="8g")
    assert "-XX:+UseG1GC" in jars.java_command(large, Path(tmp_path))
