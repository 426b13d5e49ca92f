"""Running the pure stages over many inputs, on one core or a process pool.

Extraction is pure and CPU-bound, so it parallelises by process; writing to
SQLite stays in the caller's one process. Results come back in input order,
whatever the number of workers, so ids, insertion order and the final
database are identical to a serial run. Inputs travel in chunks (up to
``CHUNK_ITEMS`` or ``CHUNK_BYTES``), and at most ``IN_FLIGHT_PER_WORKER``
chunks per worker are queued or finished-but-unread at any time, which keeps
memory flat however large the corpus (``multiprocessing.Pool.imap`` would
read the whole input list ahead and let results pile up behind a slow
writer).
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .documents import InputError, load_item
from .inputs import Item
from .outlets import load_gazetteer
from .attribution.labeller import Labeller, unusable
from .pipeline import Extraction, analyse

#: Inputs handed to the pool per worker before their results are read.
IN_FLIGHT_PER_WORKER = 4
#: Items go to a worker in chunks of up to this many, or this many bytes
#: (a larger item goes alone): one submit per document spent a tenth of
#: the writer's time waking the pool's manager thread, and its feeder
#: thread a quarter of a core pickling one small message after another.
CHUNK_ITEMS = 8
CHUNK_BYTES = 256 * 1024
#: Fewer inputs than this are extracted in this process: starting workers
#: (each imports the extractor) costs more than it saves on a handful.
MIN_INPUTS_FOR_POOL = 32


#: Seconds between looks for a Ctrl-C while waiting for a worker's result.
INTERRUPT_POLL_S = 0.2

#: prctl option asking the kernel to signal a process when its parent dies.
PR_SET_PDEATHSIG = 1
#: Seconds to wait for a Dask scheduler before giving up on it.
SCHEDULER_TIMEOUT_S = 15


class EngineError(RuntimeError):
    """The execution engine cannot run (missing extra, unreachable scheduler)."""


@dataclass
class Outcome:
    """What became of one input: an extraction, a skip, or a one-line error."""

    name: str
    extraction: Extraction | None = None
    skipped: bool = False
    error: str | None = None
    size: int = 0  # input bytes this outcome accounts for (progress)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_item(item: Item | InputError, skip_ids: Collection[str] = (), labeller: str | None = None) -> Outcome:
    """Load and analyse one item; expected failures become ``error``.

    ``labeller``: the directory of a trained labeller (``check_labeller``)
    whose records join the rules'; each process loads it once.

    An ``InputError`` in place of an item (a missing file, an empty
    directory, an unreadable file) passes through as its error, so it is
    reported in input order.
    """
    if isinstance(item, InputError):
        return Outcome(item.path or "", error=str(item))
    try:
        document, anchors = load_item(item)
        if document.id in skip_ids:
            return Outcome(item.name, skipped=True, size=item.size)
        tagger = _load_labeller(labeller) if labeller else None
        return Outcome(item.name, analyse(document, anchors, load_gazetteer(), tagger), size=item.size)
    except InputError as err:
        return Outcome(item.name, error=str(err), size=item.size)
    except Exception as err:  # one bad file must not stop the run
        if os.environ.get("PROVENANCE_DEBUG"):
            raise
        return Outcome(item.name, error=f"{item.name}: internal error: {type(err).__name__}: {err}", size=item.size)


def extract_items(
    items: Iterable[Item | InputError],
    workers: int = 1,
    skip_ids: Collection[str] = (),
    engine: str = "local",
    scheduler: str | None = None,
    labeller: str | None = None,
) -> Iterator[Outcome]:
    """``extract_item`` over ``items``, in order, on ``workers`` processes.

    ``engine="local"`` uses a process pool here; it starts only once
    MIN_INPUTS_FOR_POOL items have been seen, so a handful of files never
    pays for starting workers. ``engine="dask"`` submits the same function
    to a Dask cluster: the scheduler at ``scheduler``, or a LocalCluster of
    ``workers`` processes on 127.0.0.1 when none is given.
    """
    items = iter(items)
    if engine == "dask":
        if labeller is not None:
            raise EngineError("the trained labeller runs with the local engine only")
        yield from _dask_outcomes(items, workers, skip_ids, scheduler)
        return
    head = list(itertools.islice(items, MIN_INPUTS_FOR_POOL))
    if workers <= 1 or len(head) < MIN_INPUTS_FOR_POOL:
        for item in itertools.chain(head, items):
            yield extract_item(item, skip_ids, labeller)
        return
    # A labeller's workers start fresh (spawn): a forked copy of a process
    # that has run torch can hang in torch's thread pools.
    context = multiprocessing.get_context("spawn") if labeller else None
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker,
        initargs=(frozenset(skip_ids), os.getpid(), labeller),
    ) as pool:
        for done in _in_order(
            _chunked(itertools.chain(head, items)), workers * IN_FLIGHT_PER_WORKER,
            lambda chunk: pool.submit(_extract_chunk_in_worker, chunk),
        ):
            yield from done if isinstance(done, list) else [done]


def _chunked(items: Iterator[Item | InputError]) -> Iterator[list[Item] | InputError]:
    """Consecutive items in lists of up to CHUNK_ITEMS or CHUNK_BYTES; an
    input error stands alone, in its place (it needs no worker)."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        if isinstance(item, InputError):
            if chunk:
                yield chunk
                chunk, size = [], 0
            yield item
            continue
        if chunk and (len(chunk) >= CHUNK_ITEMS or size + len(item.data) > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += len(item.data)
    if chunk:
        yield chunk


def _in_order(items: Iterator[Item | InputError], window: int, submit) -> Iterator[Outcome]:
    """Submit items, at most ``window`` unread at a time; yield results in order.

    Ctrl-C stops the run at the next safe point (``_DeferredInterrupt``)."""
    pending: deque = deque()
    with _DeferredInterrupt() as interrupt:
        try:
            for item in items:
                if isinstance(item, InputError):  # nothing to do in a worker
                    pending.append(_Done(extract_item(item)))
                else:
                    interrupt.check()
                    pending.append(submit(item))
                if len(pending) >= window:
                    yield _result(pending.popleft(), interrupt)
            while pending:
                yield _result(pending.popleft(), interrupt)
        except BaseException:
            for future in pending:
                future.cancel()
            raise


class _DeferredInterrupt:
    """Ctrl-C, while a pool is fed, raises KeyboardInterrupt only between
    submits and waits, never inside one: raised inside ``pool.submit`` it can
    leave the executor's call queue locked, and the pool's shutdown then
    waits forever (seen once in CI). Outside the main thread, where no
    handler can be set, this does nothing."""

    def __enter__(self) -> _DeferredInterrupt:
        self.requested = False
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                self.previous = signal.signal(signal.SIGINT, self._request)
        return self

    def _request(self, signum: int, frame: object) -> None:
        self.requested = True

    def check(self) -> None:
        if self.requested:
            self.requested = False
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def _result(future, interrupt: _DeferredInterrupt) -> Outcome:
    """A future's outcome, checking for Ctrl-C every ``INTERRUPT_POLL_S``."""
    while True:
        interrupt.check()
        try:
            return future.result(timeout=INTERRUPT_POLL_S)
        except TimeoutError:
            continue


class _Done:
    """A finished result that quacks like a future."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome

    def result(self, timeout: float | None = None) -> Outcome:
        return self.outcome

    def cancel(self) -> bool:
        return False


def _dask_outcomes(
    items: Iterator[Item | InputError], workers: int, skip_ids: Collection[str], scheduler: str | None
) -> Iterator[Outcome]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise EngineError("the dask engine needs the dask extra: pip install 'provenance[dask]'") from err
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None,
        )
        client = Client(cluster)
    try:
        [skip] = client.scatter([frozenset(skip_ids)], broadcast=True)  # one object, not its members
        window = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        yield from _in_order(items, window, lambda item: client.submit(extract_item, item, skip, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


_worker_skip_ids: frozenset[str] = frozenset()
_worker_labeller: str | None = None


def check_labeller(path: str) -> None:
    """Fail early, in one line, when ``path`` cannot be used as a labeller:
    the extra is not installed or no model was trained there."""
    if (why := unusable(path)) is not None:
        raise EngineError(why)


@functools.lru_cache(maxsize=1)
def _load_labeller(path: str) -> Labeller:
    """Loaded on a process's first document, once per process."""
    return Labeller.load(path)


def _init_worker(skip_ids: frozenset[str], writer_pid: int, labeller: str | None = None) -> None:
    """Workers leave Ctrl-C to the writer, which stops the run once, cleanly,
    and die with the writer: a killed ingest must not leave them behind.
    They extract with the writer's labeller, if any, torch on one thread
    each: the pool already keeps every core busy."""
    global _worker_skip_ids, _worker_labeller
    _worker_labeller = labeller
    if labeller:
        import torch

        torch.set_num_threads(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(writer_pid)
    _worker_skip_ids = skip_ids
    load_gazetteer()


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies (PR_SET_PDEATHSIG);
    elsewhere, or if the parent is already gone, do what can be done."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent_pid:  # the writer died before prctl took effect
        os._exit(1)


def _extract_chunk_in_worker(chunk: list[Item]) -> list[Outcome]:
    return [extract_item(item, _worker_skip_ids, _worker_labeller) for item in chunk]
