"""The crawler: fetch cited pages politely and repeatably, track link rot.

Modules, by job: ``guard`` (schemes, resolver, private-address refusal),
``http`` (requests Session, retries, guarded sockets), ``fetch`` (redirect
loop, deadlines, size cap, outcomes), ``robots`` (RFC 9309 via protego),
``politeness`` (per-host slots and delays), ``states`` (link state with
hysteresis), ``archive`` (Wayback availability API), ``warc`` (record and
replay), ``crawler`` (frontier, worker pool, storage).
"""

from .crawler import CrawlConfig, Crawler, CrawlSummary
from .guard import DNSError, failing_resolver, static_resolver, system_resolver

__all__ = [
    "CrawlConfig",
    "CrawlSummary",
    "Crawler",
    "DNSError",
    "failing_resolver",
    "static_resolver",
    "system_resolver",
]
