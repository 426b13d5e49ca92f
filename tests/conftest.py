"""Shared fixtures: the sample corpus and fresh databases in tmp dirs."""

from __future__ import annotations

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
