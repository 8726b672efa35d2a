"""Which URLs from a complaint may be visited: a customer's email is untrusted input.

A URL is visited only when all hold: http or https (never javascript:, data:, file: ...); its
origin is allowed (config allowed_origins, start URL origins, --allow-origin, flow pages); and
every address its host resolves to is public, unless the origin names that private address
itself (http://127.0.0.1:8000) or is listed in [intake] private_origins. Resolving before
deciding means a public-looking name pointing at 169.254.169.254 or 10.0.0.5 is refused.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["Resolver", "Verdict", "origin_of", "resolve", "vet"]

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Verdict:
    url: str
    visit: bool
    reason: str = ""


def resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (empty when it does not resolve)."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)})
    except (OSError, UnicodeError):
        return []


def origin_of(url: str) -> str | None:
    """'HTTP://Shop.Example:443/x' -> 'https://shop.example' (default port dropped); None if not http(s)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    host = f"[{host}]" if ":" in host else host
    default = 80 if scheme == "http" else 443
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


def _is_private(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address we understand: treat as unsafe
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def vet(
    url: str,
    allowed_origins: Iterable[str],
    *,
    private_origins: Iterable[str] = (),
    resolver: Resolver = resolve,
) -> Verdict:
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "without a scheme"
        return Verdict(url, False, f"{shown} URLs are never visited")
    origin = origin_of(url)
    if origin is None:
        return Verdict(url, False, "not a valid http(s) URL")
    allowed = {origin_of(item) for item in allowed_origins} - {None}
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = _literal(host)
    if origin not in allowed:
        if literal is not None and _is_private(literal):
            return Verdict(
                url, False, "a private, loopback or link-local address that is not an allowed origin"
            )
        return Verdict(url, False, "another site: not on the allowed origins (add it with --allow-origin)")
    addresses = resolver(host, parts.port or (80 if parts.scheme.lower() == "http" else 443))
    if not addresses:
        return Verdict(url, False, "the host name does not resolve")
    named_private = origin in {origin_of(item) for item in private_origins}
    for address in addresses:
        if _is_private(address) and not named_private and address != literal:
            return Verdict(
                url,
                False,
                "resolves to a private, loopback or link-local address; list the origin in "
                "[intake] private_origins (or use the address itself) if that is intended",
            )
    return Verdict(url, True)


def _literal(host: str) -> str | None:
    """The address a URL names directly (127.0.0.1, ::1), or None for a host name."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None
