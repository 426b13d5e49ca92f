"""Wayback Machine lookups: the closest snapshot of a dead URL (availability API).

One GET to ``{endpoint}?url=...&timestamp=YYYYMMDDhhmmss``; the answer's
``archived_snapshots.closest`` gives the snapshot URL and timestamp. The
endpoint is configurable (``--archive-api`` or ``$PROVENANCE_WAYBACK_API``) so
tests point it at a local fake. It is operator configuration, not cited
input, so it does not go through the private-address guard.
"""

from __future__ import annotations

from dataclasses import dataclass

import requests

DEFAULT_WAYBACK_API = "https://archive.org/wayback/available"
#: Seconds to wait for the availability API.
ARCHIVE_TIMEOUT = 20.0


@dataclass(frozen=True)
class Snapshot:
    url: str
    timestamp: str
    status: str | None = None


class ArchiveError(Exception):
    pass


class Wayback:
    def __init__(self, endpoint: str = DEFAULT_WAYBACK_API, user_agent: str = "provenance",
                 timeout: float = ARCHIVE_TIMEOUT) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers["User-Agent"] = user_agent

    def closest(self, url: str, timestamp: str | None = None) -> Snapshot | None:
        """The snapshot closest to ``timestamp`` (YYYYMMDD[hhmmss]), or None if none is archived."""
        params = {"url": url}
        if timestamp:
            params["timestamp"] = timestamp
        try:
            resp = self.session.get(self.endpoint, params=params, timeout=self.timeout)
            resp.raise_for_status()
            data = resp.json()
        except (requests.RequestException, ValueError) as err:
            raise ArchiveError(f"archive lookup failed for {url}: {type(err).__name__}: {err}") from err
        closest = ((data or {}).get("archived_snapshots") or {}).get("closest") or {}
        if not closest.get("available") or not closest.get("url"):
            return None
        return Snapshot(closest["url"], str(closest.get("timestamp") or ""), closest.get("status"))

    def close(self) -> None:
        self.session.close()


def wayback_timestamp(iso: str | None) -> str | None:
    """'2024-05-01T10:20:30.123+00:00' -> '20240501102030'."""
    if not iso:
        return None
    digits = "".join(c for c in iso[:19] if c.isdigit())
    return digits or None
