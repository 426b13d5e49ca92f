"""Hostile servers, crashes and concurrency for the crawler (issue 6, "Servers"
and "Crashes and concurrency").

Every server here listens on 127.0.0.1 only. Invented names (h1.test,
tls.test, ...) reach it through an injected static resolver; the CLI
subprocesses resolve news.test, a.example, ... through the same loopback-only
``getaddrinfo`` replacement as the in-process tests (``no_outside_dns``),
installed in the child before the CLI runs. No packet leaves loopback.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import random
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from werkzeug import Response

from provenance.cli import cli
from provenance.crawl import CrawlConfig, Crawler
from provenance.crawl.fetch import MAX_HOPS
from provenance.crawl.guard import static_resolver
from provenance.store import open_db

from .conftest import running_server
from .test_crawl_helpers import (  # noqa: F401
    TEST_HOSTS,
    _shared_server,
    article,
    fetcher,
    no_outside_dns,
    server,
    url,
)

ROOT = Path(__file__).resolve().parent.parent
HOSTS = [f"h{i}.test" for i in range(1, 41)] + ["tls.test", "drip.test", "bomb.test", "reset.test", "news.test"]
RESOLVER = static_resolver({h: "127.0.0.1" for h in HOSTS})


# -- helpers ---------------------------------------------------------------


def rows(db: Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def seed(tmp_path: Path, links: list[str], name: str = "crawl.db") -> Path:
    """A database whose one ingested document (tmp_path/corpus/seed.html, the same file for
    every database of a test, so the same ids) cites ``links``."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "seed.html").write_text(article("Seed story", [(u, f"source {i}") for i, u in enumerate(links)]))
    db = tmp_path / name
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def crawl_one(tmp_path: Path, target: str, during=contextlib.nullcontext, **config) -> tuple[dict, float]:
    """Crawl one cited URL through the real Crawler; its single fetches row and the time taken.

    ``during()`` is a context manager around ``crawl()`` alone (not the seeding or setup)."""
    db = seed(tmp_path, [target])
    options = dict(delay=0, allow_private=True, resolver=RESOLVER, backoff=0.01, retries=2, timeout=2.0)
    options.update(config)
    start = time.monotonic()
    with Crawler(open_db(db), CrawlConfig(**options)) as crawler, during():
        crawler.crawl()
    took = time.monotonic() - start
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        fetched = [dict(r) for r in conn.execute("select * from fetches")]
    finally:
        conn.close()
    assert len(fetched) == 1 and fetched[0]["url"] == target, fetched
    row = fetched[0]
    row["hops"] = json.loads(row["hops"])
    return row, took


class RawServer:
    """A TCP server on 127.0.0.1 whose ``handler(conn, request_bytes)`` misbehaves on purpose.

    GET /robots.txt is answered 404 (so the crawler's robots.txt request does
    not hit the fault); every other request goes to the handler. ``requests``
    lists the request lines seen.
    """

    def __init__(self, handler) -> None:
        self.handler = handler
        self.requests: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(15)
            data = b""
            while b"\r\n\r\n" not in data:
                part = conn.recv(65536)
                if not part:
                    return
                data += part
            line = data.split(b"\r\n", 1)[0].decode("latin-1")
            self.requests.append(line)
            if line.startswith("GET /robots.txt "):
                conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            self.handler(conn, self._stop)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture
def raw_server():
    made: list[RawServer] = []

    def make(handler) -> RawServer:
        made.append(RawServer(handler))
        return made[-1]

    yield make
    for srv in made:
        srv.close()


# -- 1. a server that drips one byte a second ------------------------------


def test_drip_feed_hits_the_total_deadline(tmp_path: Path, raw_server) -> None:
    """One byte a second never trips the 1.5 s read timeout; only the total
    deadline (3 x timeout = 4.5 s) can end the attempt, and it must."""

    def drip(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(60):  # would take a minute; the client must give up long before
            if stop.is_set():
                return
            conn.sendall(b"<")
            time.sleep(1.0)

    srv = raw_server(drip)
    target = f"http://drip.test:{srv.port}/slow"
    row, took = crawl_one(tmp_path, target, timeout=1.5, retries=0)
    assert (row["outcome"], row["status"], row["error"]) == ("timeout", 200, "total deadline of 4.5s exceeded")
    assert (row["bytes"], row["sha256"], row["document"], row["hops"]) == (None, None, None, [])
    assert 4.5 <= row["elapsed_ms"] / 1000 < 6.0
    assert took < 7.0
    assert srv.requests == ["GET /robots.txt HTTP/1.1", "GET /slow HTTP/1.1"]


# -- 2. a gzip bomb ----------------------------------------------------------


def test_gzip_bomb_is_too_large_and_memory_stays_bounded(tmp_path: Path, server) -> None:
    inflated = 64 * 1024 * 1024
    bomb = gzip.compress(b"\0" * inflated, compresslevel=9)
    assert len(bomb) < 100_000  # small on the wire, 64 MiB decoded
    cap = 1024 * 1024
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    target = url(server, "/bomb", "bomb.test")
    peaks = []

    @contextlib.contextmanager
    def traced():
        tracemalloc.start()
        try:
            yield
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()

    row, took = crawl_one(tmp_path, target, during=traced, max_bytes=cap)
    peak = peaks[0]
    assert (row["outcome"], row["status"], row["error"]) == ("too_large", 200, "body is over the 1,048,576-byte cap")
    assert cap < row["bytes"] <= cap + 64 * 1024  # counted in decoded bytes, stopped one read past the cap
    assert (row["sha256"], row["document"], row["hops"]) == (None, None, [])
    assert peak < 16 * 1024 * 1024, f"peak traced memory {peak:,} bytes for a {cap:,}-byte cap"
    assert took < 5
    assert [req.path for req, _ in server.log] == ["/robots.txt", "/bomb"]


# -- 3. an endless redirect chain across many hosts --------------------------


def test_endless_redirect_chain_across_hosts_stops_at_the_hop_limit(tmp_path: Path, server) -> None:
    def next_host(req):
        n = int(req.host.split(".", 1)[0][1:])
        return Response("", status=302, headers={"Location": f"http://h{n + 1}.test:{server.port}/hop"})

    server.expect_request("/hop").respond_with_handler(next_host)
    target = f"http://h1.test:{server.port}/hop"
    row, took = crawl_one(tmp_path, target)
    assert (row["outcome"], row["status"], row["error"]) == ("redirect_loop", 302, f"more than {MAX_HOPS} redirects")
    assert row["hops"] == [
        {"url": f"http://h{n}.test:{server.port}/hop", "status": 302, "type": "location",
         "to": f"http://h{n + 1}.test:{server.port}/hop"}
        for n in range(1, MAX_HOPS + 2)
    ]
    assert row["final_url"] == f"http://h{MAX_HOPS + 1}.test:{server.port}/hop"
    assert took < 5
    hop_hosts = [req.host.split(":")[0] for req, _ in server.log if req.path == "/hop"]
    assert hop_hosts == [f"h{n}.test" for n in range(1, MAX_HOPS + 2)]  # h12.test never asked
    robots_hosts = [req.host.split(":")[0] for req, _ in server.log if req.path == "/robots.txt"]
    assert sorted(robots_hosts) == sorted(hop_hosts)  # every hop's own robots.txt


# -- 4. a connection reset mid-body ------------------------------------------

HALF_BODY = b"<html><body>" + b"x" * 488  # 500 of the 1000 bytes declared


def _half_then(rst: bool):
    def handler(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n" + HALF_BODY)
        time.sleep(0.1)
        if rst:  # linger 0: close() sends RST instead of FIN
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()

    return handler


@pytest.mark.parametrize("rst,error", [
    (True, "ProtocolError: (\"Connection broken: ConnectionResetError(104, 'Connection reset by peer')\", "
           "ConnectionResetError(104, 'Connection reset by peer'))"),
    (False, "ProtocolError: ('Connection broken: IncompleteRead(500 bytes read, 500 more expected)', "
            "IncompleteRead(500 bytes read, 500 more expected))"),
], ids=["rst", "fin"])
def test_connection_reset_mid_body_is_an_error(tmp_path: Path, raw_server, rst: bool, error: str) -> None:
    srv = raw_server(_half_then(rst))
    target = f"http://reset.test:{srv.port}/half"
    row, took = crawl_one(tmp_path, target)
    assert (row["outcome"], row["status"], row["error"]) == ("error", 200, error)
    assert (row["bytes"], row["sha256"], row["document"]) == (None, None, None)
    assert took < 5
    # A broken body is recorded, not retried behind the record's back.
    assert srv.requests == ["GET /robots.txt HTTP/1.1", "GET /half HTTP/1.1"]


# -- 5. TLS with a certificate nobody trusts ---------------------------------


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=tls.test",
         "-addext", "subjectAltName=DNS:tls.test"],
        check=True, capture_output=True,
    )
    return cert, key


class TLSServer:
    """Records, per connection: 'plain' (a cleartext request), 'handshake-failed', or 'request' (TLS + request)."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(cert, key)
        self.events: list[str] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            try:
                conn.settimeout(5)
                first = conn.recv(1, socket.MSG_PEEK)
                if first != b"\x16":  # not a TLS handshake record
                    self.events.append("plain")
                    continue
                try:
                    tls = self.ctx.wrap_socket(conn, server_side=True)
                except (ssl.SSLError, OSError):
                    self.events.append("handshake-failed")
                    continue
                self.events.append("request" if tls.recv(65536) else "handshake-only")
                tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nok")
                tls.close()
            except OSError:
                self.events.append("os-error")
            finally:
                conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()


def test_bad_certificate_fails_clearly_and_is_never_downgraded(tmp_path: Path, self_signed) -> None:
    srv = TLSServer(*self_signed)
    try:
        target = f"https://tls.test:{srv.port}/secret"
        # The fetch itself (no robots): a clear error naming the certificate.
        # A certificate failure is its own outcome, apart from a dead host.
        res = fetcher(resolver=RESOLVER).fetch(target)
        assert (res.outcome, res.status, res.hops) == ("tls", None, [])
        assert res.error.startswith("SSLCertVerificationError: ") and "\n" not in res.error
        assert "CERTIFICATE_VERIFY_FAILED" in res.error and "self-signed certificate" in res.error
        # Through the crawler: robots.txt is already refused, so the page is not
        # requested, and its row says why.
        row, took = crawl_one(tmp_path, target)
        assert (row["outcome"], row["status"], row["hops"]) == ("tls", None, [])
        assert row["error"].startswith("robots.txt unreachable, page not fetched: SSLCertVerificationError: ")
        assert "CERTIFICATE_VERIFY_FAILED" in row["error"]
        assert took < 5
    finally:
        srv.close()
    # Every connection was a TLS handshake the client aborted (urllib3 retries
    # connect errors, always with verification); never cleartext, never a request.
    assert srv.events and set(srv.events) == {"handshake-failed"}, srv.events


# -- 6. a name that resolves to 127.0.0.1, without --allow-private ----------


def test_name_resolving_to_loopback_is_blocked_through_the_system_resolver(tmp_path: Path, server) -> None:
    """tests/test_crawl_fetch.py::test_loopback_is_blocked_without_allow_private covers the
    Fetcher with a static resolver, and test_crawl_crawler.py the CLI with a literal
    127.0.0.1; this is the name case end to end: the default (system) resolver, the
    Crawler, the fetches row."""
    server.expect_request("/a").respond_with_data(article("x"), content_type="text/html")
    target = url(server, "/a", "news.test")
    row, took = crawl_one(tmp_path, target, allow_private=False, resolver=None)
    assert (row["outcome"], row["status"], row["hops"]) == ("blocked", None, [])
    assert row["error"] == ("robots.txt unreachable, page not fetched: news.test resolves to non-public address "
                            "127.0.0.1 (private, loopback, link-local, multicast or reserved); "
                            "use --allow-private to fetch it")
    assert took < 2
    assert server.log == []


# -- 7 and 8. crawl subprocesses: SIGKILL, and datasette reading meanwhile ----

CHILD = (
    "import socket, sys\n"
    f"sys.path.insert(0, {str(ROOT)!r})\n"
    "from tests.test_crawl_helpers import _loopback_only_getaddrinfo\n"
    "socket.getaddrinfo = _loopback_only_getaddrinfo\n"
    "from provenance.cli import cli\n"
    "cli(prog_name='provenance', args=sys.argv[1:])\n"
)
PAGES = 30  # 10 cited by the seed, 20 more cited by those
FETCHED = 28  # page 3 is a 404, so its children 16 and 17 are never cited


def page_url(port: int, n: int) -> str:
    return f"http://{TEST_HOSTS[n % len(TEST_HOSTS)]}:{port}/p/{n}"


@pytest.fixture
def site(server):
    """~30 pages over five hosts: 0-9 cite two each of 10-29; some 404, one PDF; each takes 50 ms."""

    def page(req):
        n = int(req.path.rsplit("/", 1)[1])
        time.sleep(0.05)
        if n % 7 == 3:
            return Response("gone", status=404)
        if n == 12:
            return Response(b"%PDF-1.4 " + b"0" * 50, content_type="application/pdf")
        links = [(page_url(server.port, c), f"child {c}") for c in (10 + 2 * n, 11 + 2 * n)] if n < 10 else []
        return Response(article(f"Dispatch number {n} about harbour dues", links), content_type="text/html")

    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
    for n in range(PAGES):
        server.expect_request(f"/p/{n}").respond_with_handler(page)
    return server


def seed_site(tmp_path: Path, port: int, name: str) -> Path:
    return seed(tmp_path, [page_url(port, n) for n in range(10)], name)


def crawl_process(db: Path, concurrency: int = 2) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, "crawl", "--db", str(db), "--allow-private", "--delay", "0",
         "--timeout", "2", "--depth", "2", "--concurrency", str(concurrency)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def fetch_ids(db: Path) -> dict[str, str]:
    try:
        return dict(rows(db, "select id, url from fetches"))
    except sqlite3.OperationalError:
        return {}


def content(db: Path) -> dict[str, list[tuple]]:
    """Every row of the graph tables, minus wall-clock columns; fetches as outcome history per URL."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table in ("documents", "links", "citations", "outlets"):
            cols = [c[1] for c in conn.execute(f"pragma table_info([{table}])") if not c[1].endswith("_at")]
            out[table] = conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{table}] order by id").fetchall()
        history = defaultdict(list)
        for u, outcome, status, document in conn.execute(
                "select url, outcome, status, document from fetches order by url, fetched_at, id"):
            history[u].append((outcome, status, document))
        out["fetches"] = dict(history)
        out["url_states"] = conn.execute(
            "select url, state, failures, last_status, last_outcome from url_states order by url").fetchall()
        return out
    finally:
        conn.close()


def integrity(db: Path) -> str:
    return rows(db, "pragma integrity_check")[0][0]


def finish(process: subprocess.Popen, code: int = 1) -> str:
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err  # 1: the 404 pages are failures
    assert "locked" not in err and "Traceback" not in err, err
    return err


def test_sigkill_crawl_at_random_points_then_rerun_equals_an_uninterrupted_crawl(tmp_path: Path, site) -> None:
    reference_db = seed_site(tmp_path, site.port, "reference.db")
    finish(crawl_process(reference_db))
    reference = content(reference_db)
    assert len(reference["fetches"]) == FETCHED
    assert all(len(h) == 1 for h in reference["fetches"].values())
    assert Counter(h[0][0] for h in reference["fetches"].values()) == {"ok": 24, "http_error": 3, "not_html": 1}

    db = seed_site(tmp_path, site.port, "killed.db")
    chance = random.Random(20261124)
    seen: dict[str, str] = {}
    stored = []
    for _ in range(3):
        before = len(fetch_ids(db))
        if before == FETCHED:
            break  # an earlier run finished the crawl before its kill
        process = crawl_process(db)
        deadline = time.monotonic() + 30
        while len(fetch_ids(db)) <= before and process.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert process.poll() in (None, 0, 1), process.communicate()
        time.sleep(chance.uniform(0.0, 0.15))
        seen.update(fetch_ids(db))  # rows committed before the kill
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert integrity(db) == "ok"
        after = fetch_ids(db)
        assert seen.items() <= after.items(), "a fetch row committed before the kill is gone"
        seen.update(after)
        stored.append(len(after))
    # The first kill comes at most 0.15 s after the first fetch row, long before
    # the crawl's end; later runs may finish the crawl before their kill lands.
    assert 0 < stored[0] < FETCHED, f"the first kill should land mid-run; fetch rows after each: {stored}"

    # The re-run fails (exit 1) only if a 404 is still to be fetched: the kills
    # may have landed after all of them.
    failing = {u for u, h in reference["fetches"].items() if h[-1][0] == "http_error"}
    finish(crawl_process(db), 1 if failing - set(fetch_ids(db).values()) else 0)
    assert integrity(db) == "ok"
    assert seen.items() <= fetch_ids(db).items(), "fetch history lost across the re-run"
    final = content(db)
    for table in ("documents", "links", "citations", "outlets", "url_states"):
        assert final[table] == reference[table], table
    assert final["fetches"].keys() == reference["fetches"].keys()
    for u, history in final["fetches"].items():
        # the uninterrupted history, possibly after extra attempts of a re-run
        assert history[-len(reference["fetches"][u]):] == reference["fetches"][u], u


def test_datasette_answers_while_a_crawl_writes(tmp_path: Path, site) -> None:
    db = seed_site(tmp_path, site.port, "live.db")
    with running_server(db) as server:
        base = f"{server.base}/{db.stem}"
        writer = crawl_process(db, concurrency=1)
        statuses: list[int] = []
        counts: list[int] = []
        while writer.poll() is None:
            for path in ("/fetches.json?_size=5&_shape=array",
                         "/documents.json?_size=5&_shape=array",
                         ".json?sql=select+count(*)+as+n+from+fetches&_shape=array"):
                response = requests.get(base + path, timeout=10)
                statuses.append(response.status_code)
                if path.startswith(".json?sql"):
                    counts.append(response.json()[0]["n"])
        finish(writer)
        assert len(statuses) >= 6 and set(statuses) == {200}, Counter(statuses)
        assert counts == sorted(counts) and len(set(counts)) > 2, counts  # reads spanned the writes
        final = requests.get(f"{base}.json?sql=select+count(*)+as+n+from+fetches&_shape=array", timeout=10)
        assert (final.status_code, final.json()[0]["n"]) == (200, FETCHED)
        assert "database is locked" not in server.output()


def test_sigint_stops_a_crawl_cleanly_and_a_rerun_completes_it(tmp_path: Path, site) -> None:
    reference_db = seed_site(tmp_path, site.port, "reference.db")
    finish(crawl_process(reference_db))
    db = seed_site(tmp_path, site.port, "interrupted.db")
    process = crawl_process(db)
    deadline = time.monotonic() + 30
    while len(fetch_ids(db)) < 3:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.splitlines()[-1] == (
        "interrupted: every page fetched so far is stored; run the same command again "
        "to resume (URLs already fetched are not fetched again)"
    )
    assert "Traceback" not in err
    assert integrity(db) == "ok"
    stored = len(fetch_ids(db))
    assert 3 <= stored < FETCHED
    finish(crawl_process(db))
    assert content(db) == content(reference_db)
