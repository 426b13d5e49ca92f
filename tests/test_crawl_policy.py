"""robots.txt (RFC 9309 via protego), per-host politeness, link-state hysteresis."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

from provenance.crawl.guard import failing_resolver
from provenance.crawl.politeness import Politeness
from provenance.crawl.robots import RobotsCache
from provenance.crawl.states import (
    DEAD_AFTER_FAILURES,
    MIN_DAYS_BETWEEN_FAILURES,
    derive_state,
)

from .test_crawl_helpers import _shared_server, fetcher, no_outside_dns, server, url  # noqa: F401

HTML = "<html><body><p>page</p></body></html>"


def polite_fetcher(delay: float = 0.0, per_host: int = 1, **kw):
    politeness = Politeness(per_host=per_host, delay=delay)
    robots = RobotsCache("provenance-test", politeness)
    f = fetcher(politeness=politeness, robots=robots, **kw)
    robots.fetcher = f
    return f, politeness


def test_robots_disallow_and_crawl_delay(server) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private\nDisallow: /*.json$\nCrawl-delay: 0.3\n", content_type="text/plain")
    server.expect_request("/public").respond_with_data(HTML, content_type="text/html")
    f, politeness = polite_fetcher()
    denied = f.fetch(url(server, "/private/x"))
    assert (denied.outcome, denied.error, denied.status) == ("robots", "disallowed by robots.txt", None)
    assert f.fetch(url(server, "/data.json")).outcome == "robots"
    assert politeness.delay_for("news.test") == 0.3
    start = time.monotonic()
    assert f.fetch(url(server, "/public")).outcome == "ok"
    assert f.fetch(url(server, "/public")).outcome == "ok"
    assert time.monotonic() - start >= 0.3  # Crawl-delay between the two page requests
    assert [r.path for r, _ in server.log] == ["/robots.txt", "/public", "/public"]


def test_robots_404_allows_everything(server) -> None:
    server.expect_request("/x").respond_with_data(HTML, content_type="text/html")
    f, _ = polite_fetcher()
    assert f.fetch(url(server, "/x")).outcome == "ok"
    assert [(r.path, resp.status_code) for r, resp in server.log] == [("/robots.txt", 404), ("/x", 200)]


def test_robots_5xx_disallows_everything(server) -> None:
    server.expect_request("/robots.txt").respond_with_data("down", status=503)
    f, _ = polite_fetcher(retries=0)
    res = f.fetch(url(server, "/x"))
    assert (res.outcome, res.error) == ("robots", "robots.txt answered 503: complete disallow (RFC 9309)")
    assert [r.path for r, _ in server.log] == ["/robots.txt"]


def test_robots_unreachable_gives_the_real_outcome(server) -> None:
    f, _ = polite_fetcher(resolver=failing_resolver)
    res = f.fetch(url(server, "/x"))
    assert res.outcome == "dns"
    assert res.error == "robots.txt unreachable, page not fetched: cannot resolve news.test: no DNS"
    assert server.log == []


def test_robots_is_fetched_once_per_origin(server) -> None:
    server.expect_request("/x").respond_with_data(HTML, content_type="text/html")
    f, _ = polite_fetcher()
    for _ in range(3):
        f.fetch(url(server, "/x"))
        f.fetch(url(server, "/x", "a.example"))
    assert sorted(r.path for r, _ in server.log).count("/robots.txt") == 2


def test_one_host_is_spaced_while_two_hosts_run_concurrently(server) -> None:
    arrivals: list[tuple[str, float]] = []
    lock = threading.Lock()

    def handler(req):
        from werkzeug import Response

        with lock:
            arrivals.append((req.host.split(":")[0], time.monotonic()))
        time.sleep(0.05)
        return Response(HTML, content_type="text/html")

    server.expect_request("/p").respond_with_handler(handler)
    f, _ = polite_fetcher(delay=0.4)
    start = time.monotonic()
    threads = [threading.Thread(target=f.fetch, args=(url(server, "/p", host),))
               for host in ("a.example", "a.example", "b.example", "b.example")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = time.monotonic() - start
    by_host = {h: sorted(t for hh, t in arrivals if hh == h) for h in ("a.example", "b.example")}
    for times in by_host.values():
        assert len(times) == 2
        assert times[1] - times[0] >= 0.4 - 0.01
    # robots.txt then two pages per host, 0.4 s apart: ~0.8 s if hosts overlap, ~1.6 s if not.
    assert abs(by_host["a.example"][0] - by_host["b.example"][0]) < 0.2
    assert total < 1.3


def test_per_host_connection_limit() -> None:
    politeness = Politeness(per_host=2, delay=0)
    inside, peak, lock = [0], [0], threading.Lock()

    def work():
        with politeness.slot("h.test"):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            time.sleep(0.05)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak[0] == 2


T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def fetch(day: float, outcome: str, status: int | None = None) -> dict:
    return {"fetched_at": (T0 + timedelta(days=day)).isoformat(), "outcome": outcome, "status": status}


def test_constants() -> None:
    assert (DEAD_AFTER_FAILURES, MIN_DAYS_BETWEEN_FAILURES) == (3, 3)


@pytest.mark.parametrize("history,state,failures", [
    ([], "uncertain", 0),
    ([fetch(0, "ok", 200)], "alive", 0),
    ([fetch(0, "ok", 200), fetch(1, "dns")], "uncertain", 1),
    ([fetch(0, "http_error", 404), fetch(1, "http_error", 404), fetch(2, "http_error", 404)], "uncertain", 1),
    ([fetch(0, "http_error", 404), fetch(3, "timeout"), fetch(6, "refused")], "dead", 3),
    ([fetch(0, "http_error", 410), fetch(3, "dns"), fetch(5, "dns"), fetch(6, "dns")], "dead", 3),
    ([fetch(0, "dns"), fetch(3, "dns"), fetch(6, "ok", 200)], "alive", 0),
    ([fetch(0, "dns"), fetch(3, "dns"), fetch(4, "ok", 200), fetch(8, "dns")], "uncertain", 1),
    ([fetch(0, "http_error", 401)], "auth", 0),
    ([fetch(0, "http_error", 403)], "auth", 0),
    ([fetch(0, "http_error", 402)], "paywall", 0),
    ([fetch(0, "ok", 200), fetch(3, "robots"), fetch(6, "blocked")], "alive", 0),
    ([fetch(0, "http_error", 429), fetch(3, "http_error", 429), fetch(6, "http_error", 429)], "uncertain", 0),
    ([fetch(0, "not_modified", 304)], "alive", 0),
])
def test_link_state_hysteresis(history, state: str, failures: int) -> None:
    st = derive_state(history)
    assert (st.state, st.failures) == (state, failures)
    if history:
        assert st.last_checked_at == history[-1]["fetched_at"]


def test_link_state_times() -> None:
    st = derive_state([fetch(0, "ok", 200), fetch(1, "dns"), fetch(4, "dns"), fetch(7, "dns")])
    assert st.row() == {
        "state": "dead", "failures": 3, "first_failure_at": fetch(1, "")["fetched_at"],
        "last_checked_at": fetch(7, "")["fetched_at"], "last_ok_at": fetch(0, "")["fetched_at"],
        "last_status": None, "last_outcome": "dns",
    }
