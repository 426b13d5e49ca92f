"""The network transport: a requests Session with urllib3 retries and guarded sockets.

``NetworkTransport.open(url, headers, timeout)`` sends one GET (no redirect
following: ``fetch.py`` follows redirects itself so it can record each hop)
and returns a streaming ``Response``. What it adds to plain requests:

* urllib3 ``Retry`` for connection errors and 429/500/502/503/504, with
  exponential backoff and ``Retry-After`` honoured — up to
  ``max_retry_after`` seconds; a server asking for a longer wait is not
  retried in this run (its 429/503 is recorded);
* connections made through ``guard.resolve_checked``: our resolver, the
  private-address check, and a socket to the address that was checked;
* no environment proxies or .netrc (``trust_env = False``): the crawler goes
  where the URL says, nowhere else.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ResponseError,
)
from urllib3.util import connection as u3connection
from urllib3.util.retry import Retry

from .guard import Resolver, resolve_checked, system_resolver

#: Statuses retried (with backoff, honouring Retry-After).
RETRY_STATUSES = (429, 500, 502, 503, 504)
#: Body chunk size when streaming.
CHUNK_BYTES = 64 * 1024


class Response:
    """One HTTP response, body not read yet."""

    def __init__(self, url: str, status: int, reason: str, headers, http_version: str,
                 chunks: Iterator[bytes], close=lambda: None) -> None:
        self.url = url
        self.status = status
        self.reason = reason or ""
        self.headers = headers  # case-insensitive mapping
        self.http_version = http_version
        self._chunks = chunks
        self._close = close

    def iter_body(self) -> Iterator[bytes]:
        return self._chunks

    def close(self) -> None:
        self._close()


def _body_chunks(raw) -> Iterator[bytes]:
    """The decoded body, one network read at a time.

    ``read1`` returns what one read of the socket gives (at most CHUNK_BYTES
    decoded), unlike ``iter_content``/``read(amt)``, which block until a
    whole chunk has arrived: a server dripping a byte a second would hold
    them far past the total deadline, which fetch.py checks between chunks.
    Errors are the raw urllib3 ones (ProtocolError, ReadTimeoutError, ...).
    """
    while True:
        data = raw.read1(CHUNK_BYTES, decode_content=True)
        if not data:
            return
        yield data


def _capped_retry(max_retry_after: float) -> type[Retry]:
    class CappedRetry(Retry):
        """Retry that gives up (returning the response) when Retry-After is too long."""

        def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
            if response is not None and self.respect_retry_after_header:
                wait = self.get_retry_after(response)
                if wait is not None and wait > max_retry_after:
                    raise MaxRetryError(_pool, url, ResponseError(f"Retry-After {wait:g}s is over {max_retry_after:g}s"))
            return super().increment(method, url, response, error, _pool, _stacktrace)

    return CappedRetry


def _guarded_classes(resolver: Resolver, allow_private: bool):
    """Connection and pool classes whose sockets go through the guard."""

    def new_conn(self) -> socket.socket:
        ips = resolve_checked(self._dns_host, resolver, allow_private)  # DNSError / Blocked propagate
        last: OSError | None = None
        for ip in ips:
            try:
                return u3connection.create_connection(
                    (ip, self.port), self.timeout, source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as err:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})") from err
            except OSError as err:
                last = err
        raise NewConnectionError(self, f"Failed to establish a new connection: {last}")

    conn = type("GuardedHTTPConnection", (HTTPConnection,), {"_new_conn": new_conn})
    sconn = type("GuardedHTTPSConnection", (HTTPSConnection,), {"_new_conn": new_conn})
    pool = type("GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": conn})
    spool = type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": sconn})
    return {"http": pool, "https": spool}


class _GuardedAdapter(HTTPAdapter):
    def __init__(self, pools: dict, **kwargs) -> None:
        self._guarded_pools = pools
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._guarded_pools
        self.poolmanager.key_fn_by_scheme = dict(self.poolmanager.key_fn_by_scheme)


class NetworkTransport:
    """GET over the network through the guard, with retries and timeouts."""

    def __init__(
        self,
        *,
        user_agent: str,
        resolver: Resolver | None = None,
        allow_private: bool = False,
        retries: int = 2,
        backoff: float = 0.25,
        max_retry_after: float = 30.0,
        pool_size: int = 10,
    ) -> None:
        retry = _capped_retry(max_retry_after)(
            total=retries, connect=retries, read=retries, status=retries, redirect=False,
            backoff_factor=backoff, status_forcelist=RETRY_STATUSES, allowed_methods={"GET", "HEAD"},
            respect_retry_after_header=True, raise_on_status=False, raise_on_redirect=False,
        )
        self.session = requests.Session()
        self.session.trust_env = False
        self.session.headers.update({"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"})
        adapter = _GuardedAdapter(
            _guarded_classes(resolver or system_resolver, allow_private),
            max_retries=retry, pool_connections=pool_size, pool_maxsize=pool_size,
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def open(self, url: str, headers: dict[str, str], timeout: tuple[float, float]) -> Response:
        resp = self.session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=False)
        version = {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(getattr(resp.raw, "version", 11), "HTTP/1.1")
        return Response(
            url=url, status=resp.status_code, reason=resp.reason, headers=resp.headers,
            http_version=version, chunks=_body_chunks(resp.raw), close=resp.close,
        )

    def close(self) -> None:
        self.session.close()
