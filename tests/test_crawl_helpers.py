"""Shared pieces for the crawl tests (no tests here).

Safety first: ``no_outside_dns`` (autouse in every crawl test module that
imports it) replaces ``socket.getaddrinfo`` so that the invented test names
resolve to 127.0.0.1, loopback literals work, and every other name fails
at once — no DNS query and no packet leaves the machine, even through the
system resolver the CLI uses by default.
"""

from __future__ import annotations

import socket
import time

import pytest
from pytest_httpserver import HTTPServer

from provenance.crawl.fetch import Fetcher
from provenance.crawl.guard import static_resolver
from provenance.crawl.http import NetworkTransport

TEST_HOSTS = ("news.test", "a.example", "b.example", "c.example", "other.test")
RESOLVER = static_resolver({h: "127.0.0.1" for h in TEST_HOSTS})
LOOPBACK = ("127.0.0.1", "::1", "localhost")

_real_getaddrinfo = socket.getaddrinfo


def _loopback_only_getaddrinfo(host, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name in LOOPBACK or (isinstance(name, str) and name.startswith("127.")):
        return _real_getaddrinfo(host, *args, **kwargs)
    if isinstance(name, str) and name.lower().rstrip(".") in TEST_HOSTS:
        return _real_getaddrinfo("127.0.0.1", *args, **kwargs)
    raise socket.gaierror(socket.EAI_NONAME, f"test guard: no DNS for {name!r}")


@pytest.fixture(autouse=True)
def no_outside_dns(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only_getaddrinfo)
    yield


@pytest.fixture(scope="session")
def _shared_server():
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def server(_shared_server):
    """One threaded server for the session (stopping one takes 0.5 s), cleared per test."""
    _shared_server.clear()
    _shared_server.no_handler_status_code = 404
    yield _shared_server
    _shared_server.clear()


@pytest.fixture
def own_server():
    """A server of the test's own, for tests that stop it."""
    srv = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.no_handler_status_code = 404
    srv.start()
    yield srv
    if srv.is_running():
        srv.stop()


def fetcher(**kw) -> Fetcher:
    transport = NetworkTransport(
        user_agent="provenance-test", resolver=kw.pop("resolver", RESOLVER),
        allow_private=kw.pop("allow_private", True), backoff=kw.pop("backoff", 0.01),
        retries=kw.pop("retries", 2), max_retry_after=kw.pop("max_retry_after", 5.0),
    )
    return Fetcher(transport, timeout=kw.pop("timeout", 2.0), **kw)


def url(srv: HTTPServer, path: str, host: str = "news.test") -> str:
    return f"http://{host}:{srv.port}{path}"


def article(title: str, links: list[tuple[str, str]] = (), extra_head: str = "", charset: str | None = None) -> str:
    """An HTML page trafilatura treats as an article, with anchors in its body."""
    anchors = " ".join(f'See <a href="{href}">{text}</a> for the details.' for href, text in links)
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>{extra_head}</head><body><article>"
        f"<h1>{title}</h1>"
        f"<p>The ministry said on Monday that the negotiations over {title} had stalled again, "
        f"according to officials who spoke to reporters in the capital after the meeting ended.</p>"
        f"<p>{anchors} The talks are expected to resume next week, a spokesperson told the agency, "
        f"adding that no date had been set for the next round of consultations.</p>"
        f"</article></body></html>"
    )


class Clock:
    """An injectable UTC clock that only moves when told."""

    def __init__(self, start):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, **delta):
        import datetime as _dt

        self.now = self.now + _dt.timedelta(**delta)


def elapsed(fn):
    start = time.monotonic()
    out = fn()
    return out, time.monotonic() - start
