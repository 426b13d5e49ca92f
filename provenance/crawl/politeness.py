"""Per-host politeness: at most ``per_host`` connections and ``delay`` seconds
between request starts to one host, while different hosts proceed in parallel.

Every request (each redirect hop and each robots.txt fetch) takes a slot of
its own host for its duration::

    with politeness.slot("news.example"):
        ...one request...

A slot waits for the host's semaphore, then for the host's next allowed start
time, and books the next one ``delay`` later. Hosts are keyed by lower-case
host name. A robots.txt ``Crawl-delay`` raises a host's delay
(``set_delay``), capped at ``MAX_CRAWL_DELAY``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

#: Default seconds between two requests to one host (--delay).
DEFAULT_DELAY = 1.0
#: Default connections to one host at a time (--per-host).
DEFAULT_PER_HOST = 1
#: A Crawl-delay above this (seconds) is treated as this: a site asking for an
#: hour between requests would otherwise stall the crawl.
MAX_CRAWL_DELAY = 60.0


class Politeness:
    def __init__(self, per_host: int = DEFAULT_PER_HOST, delay: float = DEFAULT_DELAY,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        if per_host < 1:
            raise ValueError("per_host must be at least 1")
        if delay < 0:
            raise ValueError("delay must not be negative")
        self.per_host = per_host
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._sems: dict[str, threading.Semaphore] = {}
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        #: (host, start time) of every slot granted, for tests and the benchmark.
        self.starts: list[tuple[str, float]] = []

    def set_delay(self, host: str, seconds: float) -> None:
        """Raise the delay for one host (robots.txt Crawl-delay); never lowers it."""
        with self._lock:
            self._delays[host.lower()] = max(self.delay, min(float(seconds), MAX_CRAWL_DELAY))

    def delay_for(self, host: str) -> float:
        return self._delays.get(host.lower(), self.delay)

    @contextmanager
    def slot(self, host: str):
        host = host.lower()
        with self._lock:
            sem = self._sems.setdefault(host, threading.Semaphore(self.per_host))
        sem.acquire()
        try:
            with self._lock:
                now = self.clock()
                start = max(now, self._next.get(host, now))
                self._next[host] = start + self.delay_for(host)
            if start > now:
                self.sleep(start - now)
            with self._lock:
                self.starts.append((host, self.clock()))
            yield
        finally:
            sem.release()
