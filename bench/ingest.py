"""Ingest throughput and memory on a synthetic corpus, 1 worker vs N.

    python bench/ingest.py [--sizes 1000,10000,100000] [--workers 1,2] [--repeat 1]

Generates the corpus (bench/corpus.py) once per size in a temporary
directory, then runs the real command line, ``provenance ingest DIR --db
FILE --workers W``, for each worker count side by side, into a fresh
database each time. Prints documents/s, MB/s, the peak resident memory of
the whole process tree (writer plus workers, sampled from /proc every 50 ms)
and the scaling ratio of each worker count against one worker; with
--repeat > 1 the median run is reported. Per-document cost across sizes
shows whether indexes or dedup checks slow large runs down.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

SAMPLE_SECONDS = 0.05


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, int, str]:
    """(seconds, peak tree RSS bytes, summary line) of one ingest run."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "provenance", "ingest", str(corpus), "--db", str(db), "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(process.pid))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"ingest failed ({process.returncode}): {err}")
    return elapsed, peak, err.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 1}", help="comma-separated worker counts")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    worker_counts = sorted({int(w) for w in args.workers.split(",")})
    print(f"{'docs':>8} {'workers':>7} {'seconds':>9} {'docs/s':>9} {'MB/s':>7} {'peak MB':>8} {'ms/doc':>7} {'speed-up':>8}")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="provenance-bench-") as tmp:
            corpus = Path(tmp) / "corpus"
            total_bytes = write_corpus(corpus, size)
            baseline = None
            for workers in worker_counts:
                runs = []
                for attempt in range(args.repeat):
                    db = Path(tmp) / f"w{workers}-{attempt}.db"
                    runs.append(run_ingest(corpus, db, workers))
                    db.unlink()
                elapsed, peak, _ = sorted(runs)[len(runs) // 2]
                baseline = baseline or elapsed
                print(
                    f"{size:>8} {workers:>7} {elapsed:>9.1f} {size / elapsed:>9.1f} "
                    f"{total_bytes / elapsed / 1e6:>7.2f} {peak / 1e6:>8.0f} {elapsed / size * 1000:>7.2f} "
                    f"{baseline / elapsed:>7.2f}x",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
