"""Crashes and concurrency: killed runs lose nothing, readers never see locks."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from .conftest import SAMPLE_FILES, running_server

CORPUS_SIZE = 700
TABLES = ("documents", "links", "citations", "outlets", "fetches", "url_states")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Distinct articles made from the samples (each its own text, so its own id)."""
    root = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]
    for i in range(CORPUS_SIZE):
        sub = root / f"batch{i % 7}"
        sub.mkdir(exist_ok=True)
        body = texts[i % len(texts)]
        (sub / f"article{i:04d}.txt").write_text(f"Dispatch {i}.\n\n{body}", encoding="utf-8")
    return root


def ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "provenance", "ingest", str(corpus), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"select * from [{t}] order by id").fetchall() for t in TABLES}
    finally:
        conn.close()


def survivors(db: Path, wait: float = 5) -> list[int]:
    """Processes still running an ingest into ``db`` (Linux /proc)."""
    deadline = time.monotonic() + wait
    while True:
        alive = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
                    status = Path(f"/proc/{entry}/stat").read_text().split()[2]
                except OSError:
                    continue
                if str(db).encode() in cmdline and status != "Z":
                    alive.append(int(entry))
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()


def document_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def wait_for_documents(db: Path, process: subprocess.Popen, at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while document_count(db) < at_least:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    process = ingest(corpus, db)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return rows(db)


def test_sigkill_at_random_points_then_rerun_equals_an_uninterrupted_run(
    corpus: Path, reference: dict, tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    chance = random.Random(20261123)
    stored = []
    for _ in range(3):
        process = ingest(corpus, db)
        wait_for_documents(db, process, document_count(db) + 1)
        time.sleep(chance.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert integrity(db) == "ok"
        stored.append(document_count(db))
    assert 0 < stored[-1] < CORPUS_SIZE, f"the kills should land mid-run; stored after each: {stored}"
    assert survivors(db) == [], "the workers of a killed ingest must die with it"
    process = ingest(corpus, db)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert integrity(db) == "ok"
    after = rows(db)
    differing = [t for t in TABLES if after[t] != reference[t]]
    assert differing == [], f"tables differing from an uninterrupted run: {differing}; stored after kills: {stored}"


def test_sigint_stops_cleanly_and_says_how_to_resume(corpus: Path, reference: dict, tmp_path: Path) -> None:
    db = tmp_path / "interrupted.db"
    process = ingest(corpus, db)
    wait_for_documents(db, process, 3)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.startswith("interrupted: ")
    assert err.rstrip().endswith("run the same command again to resume (stored documents are skipped)")
    assert "Traceback" not in err
    assert integrity(db) == "ok"
    stored = document_count(db)
    assert 3 <= stored < CORPUS_SIZE
    resumed = ingest(corpus, db)
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0
    assert f"({CORPUS_SIZE - stored} changed, {stored} already stored)" in err
    assert rows(db) == reference


def test_datasette_reads_while_ingest_writes(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    seed = subprocess.run(
        [sys.executable, "-m", "provenance", "ingest", str(SAMPLE_FILES[0]), "--db", str(db)],
        capture_output=True, text=True,
    )
    assert seed.returncode == 0, seed.stderr
    with running_server(db) as server:
        base = f"{server.base}/{db.stem}"
        writer = ingest(corpus, db)
        statuses: list[int] = []
        counts: list[int] = []
        while writer.poll() is None:
            for path in ("/documents.json?_size=5&_shape=array", "/citations.json?_search=said&_size=5",
                         ".json?sql=select+count(*)+as+n+from+documents&_shape=array"):
                response = requests.get(base + path, timeout=10)
                statuses.append(response.status_code)
                if path.startswith(".json?sql"):
                    counts.append(response.json()[0]["n"])
        _, err = writer.communicate()
        assert writer.returncode == 0, err
        assert "locked" not in err
        assert len(statuses) >= 6 and set(statuses) == {200}
        assert counts == sorted(counts), "readers see a growing, consistent count"
        final = requests.get(f"{base}.json?sql=select+count(*)+as+n+from+documents&_shape=array", timeout=10)
        assert final.json()[0]["n"] == CORPUS_SIZE + 1
        assert "database is locked" not in server.output()
