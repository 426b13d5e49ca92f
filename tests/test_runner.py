"""The runner: a process pool gives exactly what one process gives, in order."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.inputs import expand_paths, iter_items
from provenance.runner import MIN_INPUTS_FOR_POOL, Outcome, _in_order, extract_items

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


class _Future:
    """A finished future that records whether it was cancelled."""

    def __init__(self, value: str) -> None:
        self.value = value
        self.cancelled = False

    def result(self, timeout: float | None = None) -> str:
        return self.value

    def cancel(self) -> bool:
        self.cancelled = True
        return True


def test_ctrl_c_inside_a_submit_is_raised_after_it_returns() -> None:
    """Ctrl-C landing inside pool.submit must not interrupt it: an exception
    there can leave the executor's queue locked and its shutdown hung. The
    KeyboardInterrupt comes at the next safe point; unread futures are
    cancelled; the usual handler is back afterwards."""
    submitted: list[str] = []
    futures: list[_Future] = []

    def submit(item: str) -> _Future:
        if item == "b":
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the handler runs here, inside the submit
        submitted.append(item)
        futures.append(_Future(item))
        return futures[-1]

    outcomes = _in_order(iter("abcdef"), 3, submit)
    with pytest.raises(KeyboardInterrupt):
        list(outcomes)
    assert submitted == ["a", "b"]  # the submit of b ran to its end; c never started
    assert [f.cancelled for f in futures] == [True, True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_while_waiting_for_a_result_stops_the_wait() -> None:
    """A worker stuck on one input must not make Ctrl-C wait for it."""

    class Stuck(_Future):
        def result(self, timeout: float | None = None) -> str:
            time.sleep(timeout or 0)
            raise TimeoutError

    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        list(_in_order(iter("a"), 1, lambda item: Stuck(item)))
    assert time.monotonic() - started < 5
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler



def test_items_go_to_workers_in_chunks_with_errors_alone_in_place(monkeypatch) -> None:
    """Chunks of up to CHUNK_ITEMS items or CHUNK_BYTES bytes (a larger
    item alone); an input error breaks the chunk and stands in its place."""
    from provenance import runner
    from provenance.documents import InputError
    from provenance.inputs import Item

    monkeypatch.setattr(runner, "CHUNK_ITEMS", 4)
    monkeypatch.setattr(runner, "CHUNK_BYTES", 100)

    def item(name: str, size: int = 10) -> Item:
        return Item(name=name, data=b"x" * size, kind="text", path=name)

    stream = [item("a"), item("b"), InputError("gone.txt: no such file"), *(item(f"c{i}") for i in range(6)),
              item("big", 150), item("d", 60), item("e", 60)]
    got = [c.args[0] if isinstance(c, InputError) else [i.name for i in c] for c in runner._chunked(iter(stream))]
    assert got == [
        ["a", "b"], "gone.txt: no such file",  # the error in its place
        ["c0", "c1", "c2", "c3"], ["c4", "c5"],  # four at most
        ["big"],  # over the byte limit: alone
        ["d"], ["e"],  # 60 + 60 bytes would pass 100
    ]
