"""Which complaint URLs may be visited: schemes, origins, private addresses (resolved first)."""

from __future__ import annotations

import pytest

from a11y_audit.intake.safety import Resolver, origin_of, vet

PUBLIC = "93.184.215.14"


def resolver(table: dict[str, list[str]]) -> Resolver:
    return lambda host, port: table.get(host, [])


DNS = resolver(
    {
        "shop.example": [PUBLIC],
        "rebind.shop.example": ["169.254.169.254"],
        "127.0.0.1": ["127.0.0.1"],
        "169.254.169.254": ["169.254.169.254"],
        "::1": ["::1"],
        "internal.shop.example": ["10.0.0.5"],
        "mapped.shop.example": ["::ffff:192.168.1.2"],
    }
)
ALLOWED = ("https://shop.example", "http://127.0.0.1:8000")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(document.cookie)", "javascript: URLs are never visited"),
        ("data:text/html,<script>", "data: URLs are never visited"),
        ("file:///etc/passwd", "file: URLs are never visited"),
        ("ftp://shop.example/x", "ftp: URLs are never visited"),
        ("https://other.example/pay", "another site"),
        ("http://shop.example/", "another site"),  # scheme is part of the origin
        ("http://127.0.0.1:9/admin", "private, loopback or link-local"),
        ("http://169.254.169.254/latest/meta-data/", "private, loopback or link-local"),
        ("http://[::1]:8000/", "private, loopback or link-local"),
        ("http://10.1.2.3/", "private, loopback or link-local"),
        ("http://192.168.0.1/", "private, loopback or link-local"),
        ("https://nowhere.shop.example/", "another site"),
    ],
)
def test_refused(url: str, reason: str) -> None:
    verdict = vet(url, ALLOWED, resolver=DNS)
    assert not verdict.visit and reason in verdict.reason


def test_allowed_public_origin_is_visited() -> None:
    assert vet("https://SHOP.example:443/products/a", ALLOWED, resolver=DNS).visit


def test_explicitly_allowed_loopback_origin_is_visited() -> None:
    assert vet("http://127.0.0.1:8000/products/linen-shirt", ALLOWED, resolver=DNS).visit


@pytest.mark.parametrize("host", ["rebind.shop.example", "internal.shop.example", "mapped.shop.example"])
def test_an_allowed_name_resolving_to_a_private_address_is_refused(host: str) -> None:
    allowed = (*ALLOWED, f"https://{host}")
    verdict = vet(f"https://{host}/", allowed, resolver=DNS)
    assert not verdict.visit and "resolves to a private" in verdict.reason
    assert vet(f"https://{host}/", allowed, private_origins=(f"https://{host}",), resolver=DNS).visit


def test_unresolvable_host_is_refused() -> None:
    verdict = vet("https://gone.example/", ("https://gone.example",), resolver=DNS)
    assert not verdict.visit and "does not resolve" in verdict.reason


def test_origin_of() -> None:
    assert origin_of("HTTPS://Shop.Example:443/a?b") == "https://shop.example"
    assert origin_of("http://[::1]:8000/x") == "http://[::1]:8000"
    assert origin_of("javascript:alert(1)") is None
    assert origin_of("http://shop.example:99999/") is None
