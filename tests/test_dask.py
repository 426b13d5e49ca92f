"""The Dask engine: the same records as one process, on a real (local) cluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.inputs import expand_paths, iter_items
from provenance.runner import extract_items

from .conftest import SAMPLE_FILES
from .test_runner import summary

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask-corpus")
    for i in range(12):
        (root / f"a{i:02d}.txt").write_text(f"Item {i}.\n\n" + SAMPLE_FILES[i % 5].read_text(encoding="utf-8"), encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\xff\x00\x01" * 100)
    return root


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster


def test_local_cluster_gives_the_serial_records_in_order(corpus: Path) -> None:
    serial = [summary(o) for o in extract_items(iter_items(expand_paths([corpus])), workers=1)]
    on_dask = [summary(o) for o in extract_items(iter_items(expand_paths([corpus])), workers=2, engine="dask")]
    assert on_dask == serial
    assert on_dask[-1][1:] == ("error", f"{corpus}/broken.txt: binary file, not text")


def test_ingest_on_a_scheduler_builds_the_same_database(corpus: Path, cluster, tmp_path: Path, dump) -> None:
    local, remote = tmp_path / "local.db", tmp_path / "remote.db"
    r1 = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(local), "--workers", "1"])
    r2 = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(remote), "--engine", "dask", "--scheduler", cluster.scheduler_address]
    )
    assert r1.exit_code == r2.exit_code == 1  # the broken file
    assert r2.stderr.splitlines()[0] == f"error: {corpus}/broken.txt: binary file, not text"
    assert dump(local) == dump(remote)


def test_unreachable_scheduler_is_one_line(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("provenance.runner.SCHEDULER_TIMEOUT_S", 1)
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert len(result.stderr.splitlines()) == 1
