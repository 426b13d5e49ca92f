"""Running the pure stages over many inputs, on one core or a process pool.

Extraction is pure and CPU-bound, so it parallelises by process; writing to
SQLite stays in the caller's one process. Results come back in input order,
whatever the number of workers, so ids, insertion order and the final
database are identical to a serial run. At most ``IN_FLIGHT_PER_WORKER``
inputs per worker are queued or finished-but-unread at any time, which keeps
memory flat however large the corpus (``multiprocessing.Pool.imap`` would
read the whole input list ahead and let results pile up behind a slow
writer).
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .documents import InputError, load_path
from .outlets import load_gazetteer
from .pipeline import Extraction, analyse

#: Inputs handed to the pool per worker before their results are read.
IN_FLIGHT_PER_WORKER = 4
#: Fewer inputs than this are extracted in this process: starting workers
#: (each imports the extractor) costs more than it saves on a handful.
MIN_INPUTS_FOR_POOL = 32


@dataclass
class Outcome:
    """What became of one input: an extraction, a skip, or a one-line error."""

    path: Path
    extraction: Extraction | None = None
    skipped: bool = False
    error: str | None = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_file(path: Path | InputError, skip_ids: Collection[str] = ()) -> Outcome:
    """Load and analyse one file; expected failures become ``error``.

    An ``InputError`` in place of a path (a missing file, an empty directory)
    passes through as its error, so it is reported in input order.
    """
    if isinstance(path, InputError):
        return Outcome(Path(path.path or ""), error=str(path))
    try:
        document, anchors = load_path(path)
        if document.id in skip_ids:
            return Outcome(path, skipped=True)
        return Outcome(path, analyse(document, anchors, load_gazetteer()))
    except InputError as err:
        return Outcome(path, error=str(err))
    except Exception as err:  # one bad file must not stop the run
        if os.environ.get("PROVENANCE_DEBUG"):
            raise
        return Outcome(path, error=f"{path}: internal error: {type(err).__name__}: {err}")


def extract_files(
    paths: Iterable[Path | InputError], workers: int = 1, skip_ids: Collection[str] = ()
) -> Iterator[Outcome]:
    """``extract_file`` over ``paths``, in order, on ``workers`` processes."""
    paths = list(paths)
    if workers <= 1 or len(paths) < MIN_INPUTS_FOR_POOL:
        for path in paths:
            yield extract_file(path, skip_ids)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(frozenset(skip_ids),)
    ) as pool:
        pending: deque[Future] = deque()
        queue = iter(paths)
        try:
            for path in queue:
                if isinstance(path, InputError):  # nothing to do in a worker
                    done: Future = Future()
                    done.set_result(extract_file(path))
                    pending.append(done)
                else:
                    pending.append(pool.submit(_extract_in_worker, path))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


_worker_skip_ids: frozenset[str] = frozenset()


def _init_worker(skip_ids: frozenset[str]) -> None:
    """Workers leave Ctrl-C to the writer, which stops the run once, cleanly."""
    global _worker_skip_ids
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_skip_ids = skip_ids
    load_gazetteer()


def _extract_in_worker(path: Path) -> Outcome:
    return extract_file(path, _worker_skip_ids)
