"""Shared fixtures: the sample corpus and fresh databases in tmp dirs."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def samples() -> list[Path]:
    assert len(SAMPLE_FILES) == 5
    return SAMPLE_FILES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


def dump_database(path: Path) -> list[str]:
    """Every statement needed to rebuild the database, FTS shadow tables included."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def dump() -> Callable[[Path], list[str]]:
    """Compare databases byte-for-byte: ``dump(a) == dump(b)``."""
    return dump_database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(db_path: Path, timeout: float = 30) -> Iterator[tuple[subprocess.Popen, str]]:
    """A real ``provenance serve`` on a free loopback port.

    Yields (process, base URL) once datasette answers; stops it afterwards
    and fails with its output if it died on the way up.
    """
    import requests

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "provenance", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                requests.get(f"{base}/-/versions.json", timeout=2)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stdout.read()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.2)
        yield process, base
    finally:
        process.terminate()
        process.wait(timeout=10)
