"""robots.txt, per RFC 9309, parsed by protego; one fetch per origin per run.

What a robots.txt fetch gives, and what the crawler then does with the
origin's URLs:

* 2xx — the rules apply (protego, which understands ``*`` and ``$``);
  ``Crawl-delay`` for our user agent raises that host's politeness delay;
* 4xx other than 429 ("unavailable"), or a redirect loop — everything is
  allowed;
* 429, 5xx ("unreachable") — everything is disallowed: outcome ``robots``;
* no answer at all (DNS failure, refused, timeout, blocked address) —
  also complete disallow: the page is not requested, and its fetch row carries
  the robots.txt failure's own outcome (``dns``, ``refused``, ...) so an
  offline run says what actually went wrong.

The robots.txt request itself goes through the guard, the redirect loop and
politeness like any other request, but is not a row of ``fetches`` (it is in
the WARC when recording).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

#: RFC 9309: crawlers must parse at least the first 500 KiB.
ROBOTS_MAX_BYTES = 500 * 1024
#: Fetch outcomes of robots.txt that mean "no answer": complete disallow, and
#: the page's row takes this outcome.
UNREACHABLE = frozenset({"dns", "refused", "timeout", "tls", "blocked", "error"})


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    outcome: str | None = None
    error: str | None = None


_ALLOW = Verdict(True)


class RobotsCache:
    def __init__(self, user_agent: str, politeness=None) -> None:
        self.user_agent = user_agent
        self.politeness = politeness
        self.fetcher = None  # set by the crawler (the fetcher also needs us)
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._entries: dict[str, object] = {}

    def check(self, url: str) -> Verdict:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._origin_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._entries:
                self._entries[origin] = self._load(origin, parts.hostname or "")
        entry = self._entries[origin]
        if isinstance(entry, Verdict):
            return entry
        if entry.can_fetch(url, self.user_agent):
            return _ALLOW
        return Verdict(False, "robots", "disallowed by robots.txt")

    def _load(self, origin: str, host: str):
        res = self.fetcher.fetch(origin + "/robots.txt", use_robots=False, max_bytes=ROBOTS_MAX_BYTES)
        if res.status is not None and 200 <= res.status < 300 and res.body is not None:
            rules = Protego.parse(res.body.decode("utf-8", "replace"))
            delay = rules.crawl_delay(self.user_agent)
            if delay and self.politeness is not None:
                self.politeness.set_delay(host, delay)
            return rules
        if res.outcome in UNREACHABLE:
            return Verdict(False, res.outcome, f"robots.txt unreachable, page not fetched: {res.error}")
        if res.status == 429 or (res.status is not None and res.status >= 500):
            return Verdict(False, "robots", f"robots.txt answered {res.status}: complete disallow (RFC 9309)")
        return _ALLOW
