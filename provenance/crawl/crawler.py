"""Crawl and refresh: the frontier, the worker pool, and what is stored.

``Crawler.crawl()`` fetches every link whose fetch_url has no fetch yet, level
by level up to ``depth``: links of input documents (depth 0) first, then the
links of the pages they cite, and so on. Workers (a thread pool of
``concurrency``) fetch; the calling thread extracts and alone writes SQLite —
one ``fetches`` row per attempt, the URL's new state, and for an HTML page
its document (origin ``crawl``, depth = citing depth + 1) with its links and
citations, and the citing links' ``target``.

``Crawler.refresh()`` re-checks URLs last checked before a cut-off with a
conditional GET; a 304 is ``not_modified``, a changed page becomes a new
document (new content hash) and the links' target moves to it.

Which URL identifies a page: ``documents.url`` is the final URL after
redirects (where the bytes came from); ``documents.canonical_url`` is the
page's rel=canonical, else its og:url, when it is an absolute http(s) URL on
the same registered domain as the final URL (a cross-site canonical is kept
only in ``fetches``, as evidence, not trusted as identity). The page's
identity is ``canonical_url`` when set, else ``url`` — the same rule as for
ingested files. The document id stays the content hash.
"""

from __future__ import annotations

import itertools
import json
import os
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit


from .. import __version__, store
from ..attribution.labeller import Labeller
from ..documents import InputError, load_html_page
from ..links import registered_domain
from ..model import stable_id
from ..outlets import load_gazetteer
from ..pipeline import Extraction, analyse
from .archive import Wayback, wayback_timestamp
from .fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Fetcher, FetchResult, utcnow
from .guard import Resolver
from .http import NetworkTransport
from .politeness import DEFAULT_DELAY, DEFAULT_PER_HOST, Politeness
from .robots import RobotsCache
from .states import derive_state
from .warc import ReplayTransport, WarcRecorder

DEFAULT_USER_AGENT = f"provenance/{__version__} (source-provenance crawler; obeys robots.txt)"
DEFAULT_DEPTH = 1
DEFAULT_CONCURRENCY = 8
#: Outcomes that are not failures (the exit status is 1 if any other occurs).
GOOD_OUTCOMES = frozenset({"ok", "not_modified", "not_html"})
#: WHATWG: these labels mean windows-1252 when a server sends them.
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"})

_attempts = itertools.count()


@dataclass
class CrawlConfig:
    depth: int = DEFAULT_DEPTH
    concurrency: int = DEFAULT_CONCURRENCY
    per_host: int = DEFAULT_PER_HOST
    delay: float = DEFAULT_DELAY
    timeout: float = DEFAULT_TIMEOUT
    deadline: float | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = DEFAULT_USER_AGENT
    allow_private: bool = False
    resolver: Resolver | None = None
    record: str | None = None
    replay: str | None = None
    retries: int = 2
    backoff: float = 0.25
    max_retry_after: float = 30.0
    clock: Callable[[], datetime] = utcnow
    #: The directory of a trained labeller whose records join the rules' on
    #: every page fetched (None: rules only), as ``ingest --labeller``.
    labeller: str | None = None


@dataclass
class CrawlSummary:
    outcomes: Counter = field(default_factory=Counter)
    unchanged: int = 0
    documents: int = 0  # new document rows
    archived: int = 0
    archive_missing: int = 0
    archive_errors: list[str] = field(default_factory=list)

    @property
    def fetched(self) -> int:
        return sum(self.outcomes.values())

    @property
    def failures(self) -> dict[str, int]:
        return {k: v for k, v in sorted(self.outcomes.items()) if k not in GOOD_OUTCOMES}

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def ok(self) -> int:
        return self.outcomes["ok"] + self.outcomes["not_html"] + self.outcomes["not_modified"] - self.unchanged

    def line(self) -> str:
        failed = ", ".join(f"{k} {v}" for k, v in self.failures.items())
        text = (f"{self.fetched} fetched: {self.ok} ok, {self.unchanged} unchanged, {self.failed} failed"
                + (f" ({failed})" if failed else "") + f"; {self.documents} new documents")
        if self.archived or self.archive_missing or self.archive_errors:
            text += (f"; archive: {self.archived} found, {self.archive_missing} not archived"
                     + (f", {len(self.archive_errors)} lookups failed" if self.archive_errors else ""))
        return text


@dataclass
class _Job:
    url: str
    depth: int  # depth of the document the page would become
    conditional: dict | None = None
    previous_sha256: str | None = None


class Crawler:
    def __init__(self, db, config: CrawlConfig | None = None, gazetteer=None) -> None:
        self.db = db
        self.config = config = config or CrawlConfig()
        if config.depth < 0 or config.concurrency < 1:
            raise ValueError("depth must be >= 0 and concurrency >= 1")
        self.gazetteer = gazetteer or load_gazetteer()
        self.labeller = Labeller.load(config.labeller) if config.labeller else None
        self.politeness = Politeness(config.per_host, config.delay)
        self.robots = RobotsCache(config.user_agent, self.politeness)
        if config.replay:
            transport = ReplayTransport(config.replay)
        else:
            transport = NetworkTransport(
                user_agent=config.user_agent, resolver=config.resolver, allow_private=config.allow_private,
                retries=config.retries, backoff=config.backoff, max_retry_after=config.max_retry_after,
                pool_size=max(10, config.concurrency),
            )
        self.recorder = WarcRecorder(config.record, config.user_agent) if config.record else None
        self.fetcher = Fetcher(
            transport, timeout=config.timeout, deadline=config.deadline, max_bytes=config.max_bytes,
            politeness=self.politeness, robots=self.robots, recorder=self.recorder, clock=config.clock,
        )
        self.robots.fetcher = self.fetcher
        self._lock = threading.Lock()

    def close(self) -> None:
        self.fetcher.transport.close()
        if self.recorder is not None:
            self.recorder.close()

    def __enter__(self) -> Crawler:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- crawl ---------------------------------------------------------------

    def crawl(self, on_level: Callable[[int], None] | None = None,
              on_done: Callable[[str], None] | None = None) -> CrawlSummary:
        summary = CrawlSummary()
        while True:
            frontier = store.crawl_frontier(self.db, self.config.depth)
            if not frontier:
                return summary
            if on_level:
                on_level(len(frontier))
            self._run([_Job(url, depth + 1) for url, depth in frontier], summary, on_done)

    # -- refresh -------------------------------------------------------------

    def refresh_jobs(self, older_than: timedelta, dead_only: bool = False) -> list[_Job]:
        cutoff = (self.config.clock() - older_than).isoformat(timespec="microseconds")
        jobs = []
        for url in store.refresh_candidates(self.db, cutoff, dead_only):
            last = store.last_fetch(self.db, url, ("ok",))
            conditional = None
            if last is not None and (last["etag"] or last["last_modified"]):
                conditional = {"url": last["final_url"], "etag": last["etag"], "last_modified": last["last_modified"]}
            jobs.append(_Job(url, (store.citing_depth(self.db, url) or 0) + 1, conditional,
                             last["sha256"] if last else None))
        return jobs

    def refresh(self, older_than: timedelta, dead_only: bool = False, jobs: list[_Job] | None = None,
                on_done: Callable[[str], None] | None = None) -> CrawlSummary:
        summary = CrawlSummary()
        self._run(jobs if jobs is not None else self.refresh_jobs(older_than, dead_only), summary, on_done)
        return summary

    def archive_dead(self, wayback: Wayback, summary: CrawlSummary) -> None:
        """Look up the closest Wayback snapshot of every dead URL not looked up yet."""
        for st in store.url_states_in(self.db, ("dead",)):
            if st["archive_url"]:
                continue
            checked = self.config.clock().isoformat(timespec="microseconds")
            try:
                snap = wayback.closest(st["url"], wayback_timestamp(st["last_ok_at"] or st["first_failure_at"]))
            except Exception as err:  # noqa: BLE001 - reported, the run goes on
                summary.archive_errors.append(str(err))
                continue
            store.set_archive(self.db, st["url"], snap.url if snap else None, snap.timestamp if snap else None, checked)
            if snap:
                summary.archived += 1
            else:
                summary.archive_missing += 1

    # -- the worker pool -----------------------------------------------------

    def _run(self, jobs: list[_Job], summary: CrawlSummary, on_done) -> None:
        with ThreadPoolExecutor(max_workers=self.config.concurrency, thread_name_prefix="crawl") as pool:
            futures = [pool.submit(self._work, job) for job in interleave_hosts(jobs)]
            try:
                for future in as_completed(futures):
                    job, result = future.result()
                    self._store(job, result, self._extract_result(job, result), summary)
                    if on_done:
                        on_done(job.url)
            except BaseException:
                # Ctrl-C: queued fetches never start; those running end within
                # their deadline and are dropped (the next run fetches them).
                for future in futures:
                    future.cancel()
                raise

    def _work(self, job: _Job) -> tuple[_Job, FetchResult]:
        return job, self.fetcher.fetch(job.url, job.conditional)

    def _extract_result(self, job: _Job, result: FetchResult) -> Extraction | None:
        """Extraction runs in the calling thread: trafilatura and lxml gain
        nothing from threads (the GIL) and slow down badly when run in many
        at once, while the fetches in flight keep the network busy."""
        if result.outcome != "ok" or not result.body:
            return None
        try:
            return self._extract(job, result)
        except InputError as err:
            result.error = str(err)
        except Exception as err:  # noqa: BLE001 - one bad page must not stop the crawl
            result.outcome, result.error = "error", f"extraction failed: {type(err).__name__}: {err}"
        return None

    def _extract(self, job: _Job, result: FetchResult) -> Extraction:
        html = decode_html(result.body, result.charset)
        final = result.final_url or job.url
        document, anchors, (canonical, og_url) = load_html_page(html, url=final)
        result.canonical_url, result.og_url = canonical, og_url
        document.canonical_url = page_identity(final, canonical, og_url)
        document.url = final
        document.origin = "crawl"
        document.depth = job.depth
        return analyse(document, anchors, self.gazetteer, self.labeller)

    def _store(self, job: _Job, result: FetchResult, extraction: Extraction | None, summary: CrawlSummary) -> None:
        doc_id = None
        # One transaction: a crash between the fetch row and the links' target
        # would leave the URL fetched (so never in the frontier again) with its
        # citing links pointing nowhere.
        with self.db.atomic():
            if extraction is not None:
                doc_id = extraction.document.id
                if not store.document_exists(self.db, doc_id):
                    store.save_extraction(self.db, extraction.document, extraction.links, extraction.citations)
                    summary.documents += 1
            row = fetch_row(result, doc_id)
            state = derive_state(store.fetch_history(self.db, job.url) + [row])
            store.record_fetch(self.db, row, state.row())
            if doc_id is not None:
                store.set_link_target(self.db, job.url, doc_id)
        summary.outcomes[result.outcome] += 1
        if result.outcome == "not_modified" or (
            result.outcome == "ok" and job.previous_sha256 and result.sha256 == job.previous_sha256
        ):
            summary.unchanged += 1


def fetch_row(result: FetchResult, document: str | None) -> dict:
    """The ``fetches`` row of one attempt; the id is unique per attempt."""
    return {
        "id": stable_id("fetch", result.url, result.fetched_at, os.getpid(), next(_attempts)),
        "url": result.url,
        "fetched_at": result.fetched_at,
        "status": result.status,
        "outcome": result.outcome,
        "hops": json.dumps(result.hops, ensure_ascii=False),
        "final_url": result.final_url,
        "canonical_url": result.canonical_url,
        "og_url": result.og_url,
        "content_type": result.content_type,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "sha256": result.sha256,
        "bytes": result.bytes,
        "elapsed_ms": result.elapsed_ms,
        "error": result.error,
        "document": document,
    }


def interleave_hosts(jobs: list[_Job]) -> list[_Job]:
    """Round-robin over hosts so workers spread across hosts instead of queueing on one."""
    by_host: dict[str, list[_Job]] = defaultdict(list)
    for job in jobs:
        by_host[(urlsplit(job.url).hostname or "").lower()].append(job)
    queues = list(by_host.values())
    out: list[_Job] = []
    for i in range(max((len(q) for q in queues), default=0)):
        out.extend(q[i] for q in queues if i < len(q))
    return out


def decode_html(body: bytes, charset: str | None) -> bytes | str:
    """Text of an HTML body: BOM, then the HTTP charset (if it decodes), else
    bytes for beautifulsoup's <meta charset> and detection."""
    if body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or not charset:
        return body
    label = charset.strip().lower()
    codec = "windows-1252" if label in _LATIN1_LABELS else label
    try:
        return body.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return body


def page_identity(final_url: str, canonical: str | None, og_url: str | None) -> str | None:
    """The address the page states for itself, when it is on the final URL's site."""
    site = registered_domain(final_url) or (urlsplit(final_url).hostname or "")
    for candidate in (canonical, og_url):
        if not candidate:
            continue
        parts = urlsplit(candidate)
        if parts.scheme in ("http", "https") and parts.hostname and (
            (registered_domain(candidate) or parts.hostname) == site
        ):
            return candidate
    return None
