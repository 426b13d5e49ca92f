"""fetch.py + http.py + guard.py against a real HTTP server on 127.0.0.1 with faults."""

from __future__ import annotations

import hashlib
import json
import socket
import time

import pytest
from werkzeug import Response

from provenance.crawl.fetch import MAX_HOPS
from provenance.crawl.guard import (
    Blocked,
    DNSError,
    failing_resolver,
    is_public_address,
    resolve_checked,
    static_resolver,
)

from .test_crawl_helpers import (  # noqa: F401
    RESOLVER,
    _shared_server,
    fetcher,
    no_outside_dns,
    server,
    url,
)

HTML = "<html><body><p>Hello</p></body></html>"


def paths(srv) -> list[str]:
    return [req.path for req, _ in srv.log]


def test_redirect_chain_records_every_hop(server) -> None:
    server.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": url(server, "/c", "a.example")})
    server.expect_request("/c").respond_with_data(HTML, content_type="text/html")
    res = fetcher().fetch(url(server, "/a"))
    assert res.outcome == "ok" and res.status == 200 and res.error is None
    assert res.hops == [
        {"url": url(server, "/a"), "status": 301, "type": "location", "to": url(server, "/b")},
        {"url": url(server, "/b"), "status": 302, "type": "location", "to": url(server, "/c", "a.example")},
    ]
    assert res.final_url == url(server, "/c", "a.example")
    assert res.body == HTML.encode() and res.bytes == len(HTML)
    assert res.sha256 == hashlib.sha256(HTML.encode()).hexdigest()


def test_redirect_loop_is_detected(server) -> None:
    server.expect_request("/l1").respond_with_data("", status=302, headers={"Location": "/l2"})
    server.expect_request("/l2").respond_with_data("", status=307, headers={"Location": "/l1"})
    res = fetcher().fetch(url(server, "/l1"))
    assert res.outcome == "redirect_loop"
    assert [(h["status"], h["to"]) for h in res.hops] == [(302, url(server, "/l2")), (307, url(server, "/l1"))]
    assert paths(server) == ["/l1", "/l2"]


def test_hop_limit(server) -> None:
    for i in range(MAX_HOPS + 3):
        server.expect_request(f"/r{i}").respond_with_data("", status=301, headers={"Location": f"/r{i + 1}"})
    res = fetcher().fetch(url(server, "/r0"))
    assert res.outcome == "redirect_loop"
    assert res.error == f"more than {MAX_HOPS} redirects"
    assert len(res.hops) == MAX_HOPS + 1
    assert len(server.log) == MAX_HOPS + 1


def test_refresh_header_and_meta_refresh_are_hops(server) -> None:
    server.expect_request("/h").respond_with_data(HTML, content_type="text/html", headers={"Refresh": "0; url=/m"})
    meta = '<html><head><META HTTP-EQUIV="Refresh" CONTENT="3;URL=\'/final\'"></head><body>moved</body></html>'
    server.expect_request("/m").respond_with_data(meta, content_type="text/html")
    server.expect_request("/final").respond_with_data(HTML, content_type="text/html")
    res = fetcher().fetch(url(server, "/h"))
    assert res.outcome == "ok"
    assert [(h["url"], h["status"], h["type"], h["to"]) for h in res.hops] == [
        (url(server, "/h"), 200, "refresh", url(server, "/m")),
        (url(server, "/m"), 200, "meta_refresh", url(server, "/final")),
    ]
    assert res.final_url == url(server, "/final")


@pytest.mark.parametrize("status", [404, 410])
def test_client_errors_are_not_retried(server, status: int) -> None:
    server.expect_request("/gone").respond_with_data("no", status=status)
    res = fetcher().fetch(url(server, "/gone"))
    assert (res.outcome, res.status, res.hops) == ("http_error", status, [])
    assert res.error.startswith(f"HTTP {status}")
    assert paths(server) == ["/gone"]


def test_server_error_is_retried_then_recorded(server) -> None:
    server.expect_request("/err").respond_with_data("boom", status=500)
    res = fetcher(retries=2).fetch(url(server, "/err"))
    assert (res.outcome, res.status) == ("http_error", 500)
    assert paths(server) == ["/err"] * 3


def test_429_retry_after_is_honoured(server) -> None:
    answers = iter([Response("slow down", status=429, headers={"Retry-After": "1"}), Response(HTML, content_type="text/html")])
    server.expect_request("/busy").respond_with_handler(lambda req: next(answers))
    res = fetcher().fetch(url(server, "/busy"))
    assert (res.outcome, res.status) == ("ok", 200)
    assert paths(server) == ["/busy", "/busy"]
    assert res.elapsed_ms >= 950


def test_429_retry_after_too_long_is_not_waited_for(server) -> None:
    server.expect_request("/busy").respond_with_data("later", status=429, headers={"Retry-After": "3600"})
    res = fetcher(max_retry_after=5).fetch(url(server, "/busy"))
    assert (res.outcome, res.status) == ("http_error", 429)
    assert paths(server) == ["/busy"]
    assert res.elapsed_ms < 1000


def test_slow_body_hits_the_total_deadline(server) -> None:
    def trickle():
        for _ in range(10):
            yield b"<p>x</p>"
            time.sleep(0.15)

    server.expect_request("/slow").respond_with_handler(lambda req: Response(trickle(), content_type="text/html"))
    start = time.monotonic()
    res = fetcher(timeout=1.0, deadline=0.5).fetch(url(server, "/slow"))
    assert res.outcome == "timeout"
    assert res.error == "total deadline of 0.5s exceeded"
    assert time.monotonic() - start < 1.0


def test_slow_headers_hit_the_read_timeout(server) -> None:
    def late(req):
        time.sleep(0.6)
        return Response(HTML, content_type="text/html")

    server.expect_request("/late").respond_with_handler(late)
    res = fetcher(timeout=0.2, retries=0).fetch(url(server, "/late"))
    assert res.outcome == "timeout"
    assert res.error.startswith("timed out")


def test_declared_body_over_the_cap(server) -> None:
    server.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    res = fetcher(max_bytes=1000).fetch(url(server, "/big"))
    assert (res.outcome, res.status, res.bytes, res.body) == ("too_large", 200, 5000, None)
    assert res.error == "body is over the 1,000-byte cap"


def test_streamed_body_over_the_cap(server) -> None:
    def chunks():
        for _ in range(20):
            yield b"y" * 100

    server.expect_request("/stream").respond_with_handler(lambda req: Response(chunks(), content_type="text/html"))
    res = fetcher(max_bytes=1000).fetch(url(server, "/stream"))
    assert res.outcome == "too_large"
    assert 1000 < res.bytes <= 1100


@pytest.mark.parametrize("ctype,body", [
    ("application/pdf", b"%PDF-1.4\n" + b"0" * 300),
    ("application/json", json.dumps({"a": 1}).encode()),
    ("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
])
def test_non_html_is_recorded_with_type_and_size(server, ctype: str, body: bytes) -> None:
    server.expect_request("/file").respond_with_data(body, content_type=ctype)
    res = fetcher().fetch(url(server, "/file"))
    assert (res.outcome, res.status, res.content_type, res.bytes) == ("not_html", 200, ctype, len(body))
    assert res.sha256 == hashlib.sha256(body).hexdigest()


def test_conditional_get_gives_not_modified(server) -> None:
    def handler(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(HTML, content_type="text/html", headers={"ETag": '"v1"'})

    server.expect_request("/page").respond_with_handler(handler)
    first = fetcher().fetch(url(server, "/page"))
    assert (first.outcome, first.etag) == ("ok", '"v1"')
    again = fetcher().fetch(url(server, "/page"), {"url": url(server, "/page"), "etag": '"v1"'})
    assert (again.outcome, again.status, again.sha256) == ("not_modified", 304, None)


def test_loopback_is_blocked_without_allow_private(server) -> None:
    server.expect_request("/a").respond_with_data(HTML, content_type="text/html")
    for target in (url(server, "/a"), url(server, "/a", "127.0.0.1")):
        res = fetcher(allow_private=False).fetch(target)
        assert res.outcome == "blocked"
        assert "non-public address 127.0.0.1" in res.error
    assert server.log == []


def test_redirect_to_a_forbidden_scheme_is_blocked(server) -> None:
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    res = fetcher().fetch(url(server, "/a"))
    assert res.outcome == "blocked"
    assert res.hops == [{"url": url(server, "/a"), "status": 302, "type": "location", "to": "file:///etc/passwd"}]
    assert res.error == "scheme 'file' is not allowed (http and https only)"


def test_every_hop_is_resolved_again(server) -> None:
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": url(server, "/b", "unknown.test")})
    res = fetcher().fetch(url(server, "/a"))
    assert (res.outcome, res.error) == ("dns", "cannot resolve unknown.test: unknown name")
    assert res.final_url == url(server, "/b", "unknown.test") and len(res.hops) == 1


def test_dns_failure_is_asked_once_and_sends_nothing(server) -> None:
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return failing_resolver(host)

    res = fetcher(resolver=resolver).fetch(url(server, "/a"))
    assert (res.outcome, res.status, res.error) == ("dns", None, "cannot resolve news.test: no DNS")
    assert asked == ["news.test"]  # not retried, so no backoff waited either
    assert server.log == []


def test_connection_refused_on_a_closed_port() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    res = fetcher().fetch(f"http://news.test:{port}/x")
    assert (res.outcome, res.error, res.status) == ("refused", "connection refused", None)


@pytest.mark.parametrize("ip,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("224.0.0.1", False), ("240.0.0.1", False), ("0.0.0.0", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("93.184.216.34", True), ("2606:2800:220:1:248:1893:25c8:1946", True),
])
def test_address_classes(ip: str, public: bool) -> None:
    assert is_public_address(ip) is public


def test_resolve_checked() -> None:
    resolver = static_resolver({"evil.test": ["93.184.216.34", "10.0.0.1"], "ok.test": "93.184.216.34"})
    assert resolve_checked("ok.test", resolver, allow_private=False) == ["93.184.216.34"]
    with pytest.raises(Blocked):
        resolve_checked("evil.test", resolver, allow_private=False)
    assert resolve_checked("evil.test", resolver, allow_private=True) == ["93.184.216.34", "10.0.0.1"]
    with pytest.raises(DNSError):
        resolve_checked("missing.test", resolver, allow_private=True)
