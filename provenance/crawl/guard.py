"""Security guard: which URLs the crawler may fetch, and which addresses it may reach.

Cited URLs are untrusted input. A link (or a redirect) to ``http://127.0.0.1``
or to a name that resolves to ``10.0.0.5`` would make the crawler a probe into
the machine's own network (SSRF). So, by default:

* only the ``http`` and ``https`` schemes are fetched;
* every host is resolved by *our* resolver and each address it returns must
  be globally routable — private, loopback, link-local, multicast, reserved
  and unspecified addresses are refused. The check runs when the connection is
  made (see ``http.py``), on every redirect hop, and the socket connects to the
  very address that was checked, so a DNS answer cannot change in between.

``allow_private=True`` (``--allow-private``) lifts the address check for
tests and intranets; the scheme check always applies.

The resolver is injectable (a function ``host -> [ip, ...]`` raising
``DNSError``) so tests map invented names to 127.0.0.1 and simulate DNS
failure without a query leaving the machine.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})

Resolver = Callable[[str], list[str]]


class DNSError(Exception):
    """The host name could not be resolved."""


class Blocked(Exception):
    """The URL or the address it resolves to is not allowed."""


def system_resolver(host: str) -> list[str]:
    """Resolve ``host`` with the operating system (getaddrinfo), TCP addresses only."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise DNSError(f"cannot resolve {host}: {getattr(err, 'strerror', None) or err}") from err
    ips: list[str] = []
    for info in infos:
        ip = str(info[4][0]).split("%", 1)[0]
        if ip not in ips:
            ips.append(ip)
    if not ips:
        raise DNSError(f"cannot resolve {host}: no addresses")
    return ips


def static_resolver(mapping: Mapping[str, str | Iterable[str]]) -> Resolver:
    """A resolver answering from a fixed table; any other name is a DNS failure.

    Used by tests and the benchmark: ``static_resolver({"news.test": "127.0.0.1"})``.
    """
    table = {
        host.lower().rstrip("."): [ips] if isinstance(ips, str) else list(ips)
        for host, ips in mapping.items()
    }

    def resolve(host: str) -> list[str]:
        try:
            return list(table[host.lower().rstrip(".")])
        except KeyError:
            raise DNSError(f"cannot resolve {host}: unknown name") from None

    return resolve


def failing_resolver(host: str) -> list[str]:
    """A resolver for a machine without DNS: every name fails at once."""
    raise DNSError(f"cannot resolve {host}: no DNS")


def check_scheme(url: str) -> None:
    """Raise Blocked unless ``url`` is an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as err:
        raise Blocked(f"malformed URL: {err}") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise Blocked(f"scheme {parts.scheme or '(none)'!r} is not allowed (http and https only)")
    if not host:
        raise Blocked("URL has no host")


def is_public_address(ip: str) -> bool:
    """True when ``ip`` is globally routable (not private, loopback, link-local, ...)."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return not (
        addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_multicast
        or addr.is_reserved or addr.is_unspecified or not addr.is_global
    )


def resolve_checked(host: str, resolver: Resolver, allow_private: bool) -> list[str]:
    """The addresses to connect to for ``host``, each one allowed.

    An IP literal is used as is (no lookup). Raises DNSError when the name
    does not resolve and Blocked when any address it resolves to is not
    public (one bad address is enough: it is how rebinding attacks hide).
    """
    host = host.strip("[]").rstrip(".")
    try:
        ipaddress.ip_address(host)
        ips = [host]
    except ValueError:
        ips = list(resolver(host))
        if not ips:
            raise DNSError(f"cannot resolve {host}: no addresses")
    if not allow_private:
        bad = [ip for ip in ips if not is_public_address(ip)]
        if bad:
            raise Blocked(
                f"{host} resolves to non-public address {bad[0]} "
                "(private, loopback, link-local, multicast or reserved); use --allow-private to fetch it"
            )
    return ips
