"""The runner: a process pool gives exactly what one process gives, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.inputs import expand_paths, iter_items
from provenance.runner import MIN_INPUTS_FOR_POOL, Outcome, extract_items

from .conftest import SAMPLE_FILES


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """More files than MIN_INPUTS_FOR_POOL, with two bad ones among them."""
    texts = [p.read_text(encoding="utf-8") for p in SAMPLE_FILES]
    paths = []
    for i in range(MIN_INPUTS_FOR_POOL + 8):
        path = tmp_path / f"a{i:03d}.txt"
        if i == 5:
            path.write_bytes(b"")
        elif i == 17:
            path.write_bytes(bytes(range(256)) * 4)
        else:
            path.write_text(f"Item {i}.\n\n{texts[i % 5]}", encoding="utf-8")
        paths.append(path)
    return paths


def summary(outcome: Outcome) -> tuple:
    if outcome.error:
        return (outcome.name, "error", outcome.error)
    if outcome.skipped:
        return (outcome.name, "skipped")
    e = outcome.extraction
    return (outcome.name, e.document.row(), [l.row() for l in e.links], [c.row() for c in e.citations])


def items(paths: list[Path]):
    return iter_items(expand_paths(paths))


def test_pool_equals_serial_in_order_with_errors_in_place(corpus: list[Path]) -> None:
    serial = [summary(o) for o in extract_items(items(corpus), workers=1)]
    pooled = [summary(o) for o in extract_items(items(corpus), workers=2)]
    assert pooled == serial
    assert [o[0] for o in pooled] == [str(p) for p in corpus]
    assert pooled[5][1:] == ("error", f"{corpus[5]}: file is empty")
    assert pooled[17][1:] == ("error", f"{corpus[17]}: binary file, not text")


def test_skip_ids_are_honoured_in_workers(corpus: list[Path]) -> None:
    first = next(extract_items(items(corpus[:1])))
    outcomes = list(extract_items(items(corpus), workers=2, skip_ids={first.extraction.document.id}))
    assert outcomes[0].skipped and outcomes[0].extraction is None
    assert sum(o.skipped for o in outcomes) == 1


def test_ingest_with_two_workers_builds_the_same_database(corpus: list[Path], tmp_path: Path, dump) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    r1 = CliRunner().invoke(cli, ["ingest", str(corpus[0].parent), "--db", str(one), "--workers", "1"])
    r2 = CliRunner().invoke(cli, ["ingest", str(corpus[0].parent), "--db", str(two), "--workers", "2"])
    assert r1.exit_code == r2.exit_code == 1  # the two bad files
    assert r1.stderr == r2.stderr.replace(str(two), str(one))
    assert dump(one) == dump(two)
