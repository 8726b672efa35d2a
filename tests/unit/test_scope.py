"""Crawl scope: allowed origins, include/exclude patterns, and the reasons given."""

from __future__ import annotations

import re

import pytest

from a11y_audit.crawl.scope import CrawlScope, same_site_move
from a11y_audit.errors import UsageError


def test_origins_come_from_start_urls_and_extra_origins() -> None:
    scope = CrawlScope.from_start_urls(
        ["https://Shop.Example.com/en/", "http://localhost:8000/x"],
        extra_origins=["https://cdn.example.com:443"],
    )
    assert scope.allowed_origins == frozenset(
        {"https://shop.example.com", "http://localhost:8000", "https://cdn.example.com"}
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://shop.example.com/",
        "https://SHOP.example.com:443/p/1?x=1#frag",
        "https://shop.example.com/deep/er/page.html",
    ],
)
def test_same_origin_urls_are_in_scope(url: str) -> None:
    scope = CrawlScope.from_start_urls(["https://shop.example.com/"])
    assert scope.why_excluded(url) is None
    assert scope.allows(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://shop.example.com/",  # other scheme
        "https://shop.example.com:8443/",  # other port
        "https://www.shop.example.com/",  # subdomain
        "https://example.com/",  # parent domain
        "https://other.org/",
    ],
)
def test_other_origins_are_off_origin(url: str) -> None:
    scope = CrawlScope.from_start_urls(["https://shop.example.com/"])
    assert scope.why_excluded(url) == "off-origin"
    assert not scope.allows(url)


def test_non_http_urls_are_out_of_scope() -> None:
    scope = CrawlScope.from_start_urls(["https://shop.example.com/"])
    assert scope.why_excluded("mailto:a@shop.example.com") == "not an http(s) URL"


def test_exclude_patterns_give_the_pattern_in_the_reason() -> None:
    scope = CrawlScope.from_start_urls(["https://e.com/"], exclude=[r"/checkout", r"\?sort="])
    assert scope.why_excluded("https://e.com/checkout/step1") == "excluded by pattern '/checkout'"
    assert scope.why_excluded("https://e.com/list?sort=price") == r"excluded by pattern '\?sort='"
    assert scope.allows("https://e.com/list?page=2")


def test_include_patterns_restrict_the_crawl() -> None:
    scope = CrawlScope.from_start_urls(["https://e.com/products/"], include=[r"/products/", r"/p/\d+$"])
    assert scope.allows("https://e.com/products/shoes")
    assert scope.allows("https://e.com/p/42")
    assert scope.why_excluded("https://e.com/blog/") == "not matching include patterns"
    assert scope.why_excluded("https://e.com/p/42/reviews") == "not matching include patterns"


def test_exclude_wins_over_include() -> None:
    scope = CrawlScope.from_start_urls(["https://e.com/shop/"], include=["/shop/"], exclude=["/shop/cart"])
    assert scope.allows("https://e.com/shop/bags")
    assert scope.why_excluded("https://e.com/shop/cart") == "excluded by pattern '/shop/cart'"


def test_origin_is_checked_before_patterns() -> None:
    scope = CrawlScope.from_start_urls(["https://e.com/"], exclude=["/cart"])
    assert scope.why_excluded("https://other.org/cart") == "off-origin"


def test_patterns_see_the_canonical_url() -> None:
    scope = CrawlScope.from_start_urls(["https://e.com/"], exclude=[r"^https://e\.com/a\?x=1&y=2$"])
    assert not scope.allows("HTTPS://E.COM:443/a?y=2&x=1&utm_source=news#top")


def test_scope_can_be_built_from_compiled_patterns() -> None:
    scope = CrawlScope(frozenset({"https://e.com"}), exclude=(re.compile("/admin"),))
    assert not scope.allows("https://e.com/admin")
    assert scope.allows("https://e.com/")


@pytest.mark.parametrize("kind", ["include", "exclude"])
def test_bad_regex_is_a_usage_error_naming_the_pattern(kind: str) -> None:
    with pytest.raises(UsageError) as caught:
        CrawlScope.from_start_urls(["https://e.com/"], **{kind: ["/ok", "/products/(unclosed"]})
    message = str(caught.value)
    assert f"invalid {kind} pattern '/products/(unclosed'" in message
    assert "missing )" in message
    assert "\n" not in message


def test_bad_extra_origin_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"write it as https://cdn\.example\.com/"):
        CrawlScope.from_start_urls(["https://e.com/"], extra_origins=["cdn.example.com"])


def test_scope_is_immutable() -> None:
    scope = CrawlScope.from_start_urls(["https://e.com/"])
    with pytest.raises(AttributeError):
        scope.allowed_origins = frozenset()  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "final", "moved"),
    [
        ("http://shop.example/", "https://shop.example/", "https://shop.example"),
        ("https://shop.example/", "https://www.shop.example/en/", "https://www.shop.example"),
        ("http://www.shop.example/", "https://shop.example/", "https://shop.example"),
        ("https://shop.example/", "https://shop.example/home", None),  # same origin: not a move
        ("https://shop.example/", "http://shop.example/", None),  # a downgrade is not followed
        ("https://shop.example/", "https://login.idp.example/authorize", None),  # another service
        ("https://shop.example/", "https://shop.example.evil.test/", None),
        ("https://shop.example/", "https://eu.shop.example/", None),  # a region is the user's call
        ("https://shop.example/", "https://shop.example:8443/", "https://shop.example:8443"),
    ],
)
def test_a_start_url_moves_within_its_store_only(start: str, final: str, moved: str | None) -> None:
    assert same_site_move(start, final) == moved


def test_with_origin_allows_one_more_origin() -> None:
    scope = CrawlScope.from_start_urls(["http://shop.example/"], exclude=["/logout"])
    wider = scope.with_origin("https://www.shop.example")
    assert wider.allows("https://www.shop.example/p/1") and not scope.allows("https://www.shop.example/p/1")
    assert not wider.allows("https://www.shop.example/logout")
