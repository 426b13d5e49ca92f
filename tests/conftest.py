"""Shared fixtures: the sample corpus and fresh databases in tmp dirs."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

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


class Server(NamedTuple):
    """A running ``provenance serve``: its process, base URL and output so far."""

    process: subprocess.Popen
    base: str
    log: IO[str]

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()


@contextlib.contextmanager
def running_server(db_path: Path, timeout: float = 30) -> Iterator[Server]:
    """A real ``provenance serve`` on a free loopback port.

    Yields once datasette answers; stops it afterwards and fails with its
    output if it died on the way up. The output goes to a file, not a pipe:
    uvicorn logs every request, and a pipe nobody drains fills after about
    800 of them and stalls the server in the middle of a request.
    """
    import requests

    port = free_port()
    log = tempfile.TemporaryFile("w+", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "provenance", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                requests.get(f"{server.base}/-/versions.json", timeout=2)
                break
            except requests.ConnectionError:
                assert process.poll() is None, server.output()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            # A server stuck in a request ignores SIGTERM until the request
            # ends: kill it, so the test's own failure is the one reported.
            process.kill()
            process.wait(timeout=10)
        log.close()
