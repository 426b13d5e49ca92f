"""Link state with hysteresis, derived from a URL's fetch history.

A URL is **alive** when its last check got the page (ok, not_modified,
not_html, too_large: the server answered with content), **auth** when it
answered 401/403/407 (a login is needed), **paywall** on 402, and otherwise
**uncertain** — until it has failed ``DEAD_AFTER_FAILURES`` counted checks
since its last success, counted checks being at least
``MIN_DAYS_BETWEEN_FAILURES`` days apart: only then is it **dead**. This is
InternetArchiveBot's rule: a site down for an afternoon, or a crawler run
twice in an hour, never kills a link. Outcomes that say nothing about the
link (robots, blocked, 429 rate limiting) neither count nor reset.

``derive_state`` is pure (history in, state out) so it is tested with
invented timestamps, no sleeping.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

#: Counted failures before a URL is "dead".
DEAD_AFTER_FAILURES = 3
#: A failure counts only if it is at least this many days after the previous
#: counted failure.
MIN_DAYS_BETWEEN_FAILURES = 3

STATES = ("alive", "dead", "uncertain", "auth", "paywall")
SUCCESS_OUTCOMES = frozenset({"ok", "not_modified", "not_html", "too_large"})
#: Outcomes that tell nothing about the link itself.
NEUTRAL_OUTCOMES = frozenset({"robots", "blocked"})
AUTH_STATUSES = frozenset({401, 403, 407})
PAYWALL_STATUSES = frozenset({402})
NEUTRAL_STATUSES = frozenset({429})


@dataclass
class LinkState:
    state: str = "uncertain"
    failures: int = 0
    first_failure_at: str | None = None
    last_checked_at: str | None = None
    last_ok_at: str | None = None
    last_status: int | None = None
    last_outcome: str | None = None

    def row(self) -> dict:
        return asdict(self)


def derive_state(history: list[dict]) -> LinkState:
    """The state after ``history`` (rows with fetched_at, outcome, status), in time order."""
    st = LinkState()
    last_counted: datetime | None = None
    for fetch in sorted(history, key=lambda f: f["fetched_at"]):
        at, outcome, status = fetch["fetched_at"], fetch["outcome"], fetch.get("status")
        st.last_checked_at, st.last_status, st.last_outcome = at, status, outcome
        if outcome in SUCCESS_OUTCOMES:
            st.state, st.failures, st.first_failure_at, st.last_ok_at = "alive", 0, None, at
            last_counted = None
        elif outcome == "http_error" and status in AUTH_STATUSES | PAYWALL_STATUSES:
            st.state = "auth" if status in AUTH_STATUSES else "paywall"
            st.failures, st.first_failure_at, last_counted = 0, None, None
        elif outcome in NEUTRAL_OUTCOMES or status in NEUTRAL_STATUSES:
            continue
        else:
            when = datetime.fromisoformat(at)
            if st.first_failure_at is None:
                st.first_failure_at = at
            if last_counted is None or when - last_counted >= timedelta(days=MIN_DAYS_BETWEEN_FAILURES):
                st.failures += 1
                last_counted = when
            st.state = "dead" if st.failures >= DEAD_AFTER_FAILURES else "uncertain"
    return st
