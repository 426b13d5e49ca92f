"""Crawler throughput against the politeness bound, on loopback only.

Simulates many hosts: ``--hosts`` invented names (h0.bench, h1.bench, ...)
that an injected resolver maps to 127.0.0.1, served by one threaded local
server that sleeps ``--latency`` seconds before each answer. Each host has
``--pages`` pages; the crawler runs with ``--delay`` between requests to one
host and one connection per host.

The politeness bound is the fastest a polite crawler could go: each host needs
its robots.txt plus ``pages`` requests started ``delay`` apart, so it cannot
finish before ``pages * delay + latency`` seconds; all hosts in parallel gives
``hosts * pages / (pages * delay + latency)`` URLs per second.

Printed side by side, medians of ``--repeat`` runs: the crawler with
concurrency = hosts, the crawler with concurrency 1, and a plain sequential
requests loop (no robots, no politeness, no storage). Nothing leaves 127.0.0.1.

    .venv/bin/python bench/crawl.py [--hosts 20 --pages 5 --delay 1.0 --latency 0.05 --repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from provenance.crawl import CrawlConfig, Crawler, static_resolver
from provenance.links import link_from_href
from provenance.model import Document
from provenance.store import ensure_db_shape, open_db, save_extraction

PAGE = ("<html><head><title>Page {path}</title></head><body><article><p>The ministry said on Monday that "
        "talks on {path} had stalled, according to officials who spoke to reporters.</p></article></body></html>")


def serve(latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            time.sleep(latency)
            if self.path == "/robots.txt":
                body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
            else:
                body, ctype = PAGE.format(path=self.path).encode(), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def urls(port: int, hosts: int, pages: int) -> list[str]:
    return [f"http://h{h}.bench:{port}/p{p}" for p in range(pages) for h in range(hosts)]


def seeded_db(path: Path, targets: list[str]):
    db = open_db(path)
    ensure_db_shape(db)
    doc = Document(text="seed " + " ".join(targets), path="seed")
    links = [link_from_href(u, doc.id, start=i, end=i + 1) for i, u in enumerate(targets)]
    save_extraction(db, doc, links, [])
    return db


def run_crawler(targets, resolver, concurrency: int, delay: float) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = seeded_db(Path(tmp) / "bench.db", targets)
        config = CrawlConfig(concurrency=concurrency, per_host=1, delay=delay, allow_private=True,
                             resolver=resolver, timeout=5)
        start = time.monotonic()
        with Crawler(db, config) as crawler:
            summary = crawler.crawl()
        took = time.monotonic() - start
        assert summary.outcomes["ok"] == len(targets), summary.line()
        db.close()
    return len(targets) / took


def run_plain(targets, port: int) -> float:
    session = requests.Session()
    session.trust_env = False
    start = time.monotonic()
    for u in targets:  # plain loop: same server, loopback address, no politeness
        path = u.split(f":{port}", 1)[1]
        session.get(f"http://127.0.0.1:{port}{path}", timeout=5).raise_for_status()
    return len(targets) / (time.monotonic() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--pages", type=int, default=5)
    ap.add_argument("--delay", type=float, default=1.0)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    httpd = serve(args.latency)
    port = httpd.server_address[1]
    resolver = static_resolver({f"h{h}.bench": "127.0.0.1" for h in range(args.hosts)})
    targets = urls(port, args.hosts, args.pages)
    run_crawler(targets[: args.hosts], resolver, args.hosts, 0)  # warm-up: imports, gazetteer, trafilatura
    bound = args.hosts * args.pages / (args.pages * args.delay + args.latency)
    rows = {
        f"crawler, concurrency {args.hosts}": lambda: run_crawler(targets, resolver, args.hosts, args.delay),
        "crawler, concurrency 1": lambda: run_crawler(targets, resolver, 1, args.delay),
        "plain sequential requests loop (impolite)": lambda: run_plain(targets, port),
    }
    print(f"{args.hosts} hosts x {args.pages} pages, delay {args.delay}s per host, latency {args.latency}s, "
          f"median of {args.repeat} runs")
    print(f"politeness bound: {bound:.1f} URLs/s")
    for name, fn in rows.items():
        rates = [fn() for _ in range(args.repeat)]
        med = statistics.median(rates)
        print(f"{name:45s} {med:7.1f} URLs/s  {100 * med / bound:5.1f}% of bound")
    httpd.shutdown()


if __name__ == "__main__":
    main()
