"""Shared fixtures: the sample corpus and fresh databases in tmp dirs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
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
