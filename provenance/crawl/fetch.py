"""Fetching one URL: our own redirect loop, deadlines, a size cap, one result.

``Fetcher.fetch(url)`` never raises for anything the network does: every
attempt ends in a ``FetchResult`` with one outcome — ok, not_modified,
timeout, dns, refused, tls, robots, too_large, not_html, redirect_loop, blocked,
http_error or error — which the crawler stores as a row of ``fetches``.

Redirects are followed here, not by requests, so every hop is recorded
(``{"url", "status", "type", "to"}``; type ``location`` for a 3xx Location,
``refresh`` for a Refresh header, ``meta_refresh`` for ``<meta
http-equiv=refresh>``), every hop passes the guard, robots.txt and the
per-host politeness slot of *its* host, and a loop or more than ``MAX_HOPS``
redirects ends the attempt with ``redirect_loop``.
"""

from __future__ import annotations

import hashlib
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import requests

from .guard import Blocked, DNSError, check_scheme

#: Redirects followed before giving up (browsers allow about 20; 10 is plenty).
MAX_HOPS = 10
#: Default cap on a body, in bytes (--max-bytes).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Default connect and read timeout, in seconds (--timeout).
DEFAULT_TIMEOUT = 10.0
#: The total deadline for one URL (all hops, retries and body) is this many
#: times the timeout unless given.
DEADLINE_FACTOR = 3
#: Meta refresh is looked for in this many leading bytes of an HTML body.
META_REFRESH_SCAN_BYTES = 64 * 1024
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([a-zA-Z\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_REFRESH = re.compile(r"""^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)["']?\s*$""", re.IGNORECASE)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class FetchResult:
    url: str
    fetched_at: str
    outcome: str = "error"
    status: int | None = None
    hops: list[dict] = field(default_factory=list)
    final_url: str | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes | None = None
    sha256: str | None = None
    bytes: int | None = None
    elapsed_ms: int | None = None
    error: str | None = None
    headers: dict | None = None
    canonical_url: str | None = None
    og_url: str | None = None

    @property
    def mime(self) -> str:
        return (self.content_type or "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        m = re.search(r"charset\s*=\s*[\"']?([\w.:\-]+)", self.content_type or "", re.IGNORECASE)
        return m.group(1) if m else None


class _Deadline(Exception):
    pass


class Fetcher:
    """Fetch URLs through a transport (network or WARC replay) with every rule applied."""

    def __init__(
        self,
        transport,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_hops: int = MAX_HOPS,
        politeness=None,
        robots=None,
        recorder=None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.transport = transport
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else timeout * DEADLINE_FACTOR
        self.max_bytes = max_bytes
        self.max_hops = max_hops
        self.politeness = politeness
        self.robots = robots
        self.recorder = recorder
        self.clock = clock

    def fetch(self, url: str, conditional: dict | None = None, *, use_robots: bool = True,
              max_bytes: int | None = None) -> FetchResult:
        """Fetch ``url``; ``conditional`` = {"url", "etag", "last_modified"} of the last good fetch."""
        result = FetchResult(url=url, fetched_at=self.clock().isoformat(timespec="microseconds"))
        start = time.monotonic()
        try:
            self._follow(result, url, conditional or {}, use_robots, max_bytes or self.max_bytes, start + self.deadline)
        except _Deadline:
            result.outcome, result.error = "timeout", f"total deadline of {self.deadline:g}s exceeded"
        except Exception as err:  # noqa: BLE001 - every failure becomes an outcome
            result.outcome, result.error = classify(err)
        result.elapsed_ms = int((time.monotonic() - start) * 1000)
        return result

    def _follow(self, result: FetchResult, url: str, conditional: dict, use_robots: bool,
                max_bytes: int, deadline: float) -> None:
        seen: set[str] = set()
        current = url
        while True:
            result.final_url = current
            try:
                check_scheme(current)
            except Blocked as err:
                result.outcome, result.error = "blocked", str(err)
                return
            seen.add(current)
            if use_robots and self.robots is not None:
                verdict = self.robots.check(current)
                if not verdict.allowed:
                    result.outcome, result.error = verdict.outcome, verdict.error
                    return
            headers = {}
            if conditional.get("url") == current:
                if conditional.get("etag"):
                    headers["If-None-Match"] = conditional["etag"]
                if conditional.get("last_modified"):
                    headers["If-Modified-Since"] = conditional["last_modified"]
            nxt = self._one_request(result, current, headers, max_bytes, deadline)
            if nxt is None:
                return
            kind, target = nxt
            result.hops.append({"url": current, "status": result.status, "type": kind, "to": target})
            if target in seen:
                result.outcome, result.error = "redirect_loop", f"redirect loop: {target} was already visited"
                return
            if len(result.hops) > self.max_hops:
                result.outcome, result.error = "redirect_loop", f"more than {self.max_hops} redirects"
                return
            current = target

    def _one_request(self, result: FetchResult, url: str, headers: dict, max_bytes: int,
                     deadline: float) -> tuple[str, str] | None:
        """One request; returns (hop type, next URL) for a redirect, else None."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Deadline()
        timeout = (min(self.timeout, remaining), min(self.timeout, remaining))
        host = urlsplit(url).hostname or ""
        slot = self.politeness.slot(host) if self.politeness is not None else _nullslot()
        with slot:
            resp = self.transport.open(url, headers, timeout)
            try:
                result.status = resp.status
                result.headers = dict(resp.headers)
                result.content_type = resp.headers.get("Content-Type")
                result.etag = resp.headers.get("ETag")
                result.last_modified = resp.headers.get("Last-Modified")
                location = resp.headers.get("Location")
                if 300 <= resp.status < 400 and resp.status != 304 and location:
                    if self.recorder is not None:
                        self.recorder.record(url, headers, resp, b"")
                    return "location", urljoin(url, location.strip())
                body, truncated, length = self._read_body(resp, max_bytes, deadline)
                if self.recorder is not None:
                    self.recorder.record(url, headers, resp, body, truncated=truncated)
            finally:
                resp.close()
        result.body = body
        result.bytes = length
        result.sha256 = hashlib.sha256(body).hexdigest() if not truncated else None
        if truncated:
            result.outcome, result.error = "too_large", f"body is over the {max_bytes:,}-byte cap"
            result.body = None
            return None
        if resp.status == 304:
            result.outcome, result.sha256 = "not_modified", None
            return None
        if not 200 <= resp.status < 300:
            result.outcome, result.error = "http_error", f"HTTP {resp.status} {resp.reason}".strip()
            return None
        refresh = resp.headers.get("Refresh")
        if refresh:
            target = _refresh_target(refresh, url)
            if target:
                return "refresh", target
        if _is_html(result.mime, body):
            target = _meta_refresh(body, url)
            if target:
                return "meta_refresh", target
            result.outcome = "ok"
        else:
            result.outcome, result.error = "not_html", None
        return None

    def _read_body(self, resp, max_bytes: int, deadline: float) -> tuple[bytes, bool, int]:
        declared = resp.headers.get("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > max_bytes:
            return b"", True, int(declared)
        buf = bytearray()
        for chunk in resp.iter_body():
            buf += chunk
            if len(buf) > max_bytes:
                return bytes(buf[:max_bytes]), True, len(buf)
            if time.monotonic() > deadline:
                raise _Deadline()
        return bytes(buf), False, len(buf)


class _nullslot:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def _is_html(mime: str, body: bytes) -> bool:
    if mime in HTML_TYPES:
        return True
    if mime in ("", "application/octet-stream"):
        head = body[:1024].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))
    return False


def _refresh_target(value: str, base: str) -> str | None:
    m = _REFRESH.match(value)
    if not m or not m.group(1).strip():
        return None
    target = urljoin(base, m.group(1).strip())
    return None if target == base else target


def _meta_refresh(body: bytes, base: str) -> str | None:
    for tag in _META_TAG.finditer(body[:META_REFRESH_SCAN_BYTES]):
        attrs = {
            m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or b"")
            for m in _ATTR.finditer(tag.group(0))
        }
        if attrs.get(b"http-equiv", b"").strip().lower() == b"refresh" and b"content" in attrs:
            return _refresh_target(attrs[b"content"].decode("latin-1"), base)
    return None


def _chain(err: BaseException):
    seen = set()
    stack = [err]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        # ``reason`` is an exception on urllib3 errors but a string on ssl errors
        # (e.g. 'CERTIFICATE_VERIFY_FAILED'): only exceptions are followed.
        stack.extend(c for c in (e.__cause__, e.__context__, getattr(e, "reason", None)) if isinstance(c, BaseException))
        stack.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))


def classify(err: BaseException) -> tuple[str, str]:
    """The outcome and a one-line message for an exception raised while fetching."""
    chain = list(_chain(err))
    for e in chain:
        if isinstance(e, DNSError):
            return "dns", str(e)
        if isinstance(e, Blocked):
            return "blocked", str(e)
    for e in chain:
        if isinstance(e, (requests.Timeout, TimeoutError)) or type(e).__name__ in ("ReadTimeoutError", "ConnectTimeoutError"):
            return "timeout", "timed out: " + _oneline(chain[-1] if len(chain) > 1 else err)
    for e in chain:
        if isinstance(e, ConnectionRefusedError) or "Connection refused" in str(e):
            return "refused", "connection refused"
    for e in chain:
        if isinstance(e, (ssl.SSLError, requests.exceptions.SSLError)):
            # An expired, self-signed or wrong-host certificate: the host is
            # up but cannot be trusted, which a link-rot report keeps apart
            # from a dead host. The innermost error names the reason.
            return "tls", _oneline(next((c for c in reversed(chain) if isinstance(c, ssl.SSLError)), e))
    return "error", _oneline(err)


def _oneline(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return f"{type(err).__name__}: {text}"[:500]
