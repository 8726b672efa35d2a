"""robots.txt rules (RFC 9309 via protego) and the per-origin, thread-safe cache."""

from __future__ import annotations

import threading
import time

import pytest

from a11y_audit.crawl.http_fetch import FetchResult
from a11y_audit.crawl.robots import RobotsCache, RobotsRules

UA = "Mozilla/5.0 (X11; Linux x86_64) a11y-audit/0.1"

ROBOTS = """\
# a typical storefront robots.txt
User-agent: *
Disallow: /checkout
Disallow: /account/
Allow: /account/help
Disallow: /*?sort=
Disallow: /*.pdf$
Crawl-delay: 5

User-agent: a11y-audit
Disallow: /staging/
Crawl-delay: 0.5

User-agent: BadBot
Disallow: /

Sitemap: https://shop.example.com/sitemap.xml
Sitemap: /sitemaps/products.xml
Sitemap: https://shop.example.com/sitemap.xml
"""


@pytest.fixture
def rules() -> RobotsRules:
    return RobotsRules.from_text(ROBOTS, "https://shop.example.com/robots.txt")


class TestRobotsRules:
    def test_specific_group_replaces_the_star_group(self, rules: RobotsRules) -> None:
        # The a11y-audit group applies to our UA, so the "*" rules do not.
        assert not rules.allows("https://shop.example.com/staging/x", UA)
        assert rules.allows("https://shop.example.com/checkout", UA)
        assert not rules.allows("https://shop.example.com/checkout", "SomeOtherBot/1.0")

    def test_longest_match_wins_and_allow_wins_ties(self) -> None:
        text = "User-agent: *\nDisallow: /account/\nAllow: /account/help\nAllow: /a/b\nDisallow: /a/b\n"
        rules = RobotsRules.from_text(text, "https://e.com/robots.txt")
        assert not rules.allows("https://e.com/account/orders", "bot")
        assert rules.allows("https://e.com/account/help/faq", "bot")
        assert rules.allows("https://e.com/a/b", "bot")

    def test_wildcards_and_end_anchor(self, rules: RobotsRules) -> None:
        other = "OtherBot"
        assert not rules.allows("https://shop.example.com/shoes?sort=price", other)
        assert rules.allows("https://shop.example.com/shoes?page=2", other)
        assert not rules.allows("https://shop.example.com/files/manual.pdf", other)
        assert rules.allows("https://shop.example.com/files/manual.pdf?download=1", other)

    def test_disallow_all_for_a_named_agent(self, rules: RobotsRules) -> None:
        assert not rules.allows("https://shop.example.com/", "BadBot/2.1")
        assert rules.allows("https://shop.example.com/", UA)

    def test_crawl_delay_per_agent(self, rules: RobotsRules) -> None:
        assert rules.crawl_delay(UA) == 0.5
        assert rules.crawl_delay("OtherBot") == 5.0
        assert RobotsRules.allow_all("https://e.com/robots.txt").crawl_delay(UA) is None

    def test_sitemaps_are_absolute_ordered_and_unique(self, rules: RobotsRules) -> None:
        assert rules.sitemaps == (
            "https://shop.example.com/sitemap.xml",
            "https://shop.example.com/sitemaps/products.xml",
        )

    def test_empty_file_allows_everything(self) -> None:
        rules = RobotsRules.from_text("", "https://e.com/robots.txt")
        assert rules.allows("https://e.com/anything", UA)
        assert rules.sitemaps == ()


def result(url: str, status: int | None, body: bytes = b"", error: str | None = None) -> FetchResult:
    if error is None and status is not None and not 200 <= status < 300:
        error = f"HTTP {status}"
    return FetchResult(url, url, status, "text/plain", body, error)


class FakeFetch:
    """Serves canned robots.txt results and counts requests per URL."""

    def __init__(self, responses: dict[str, FetchResult], delay: float = 0.0) -> None:
        self.responses = responses
        self.delay = delay
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, url: str) -> FetchResult:
        with self._lock:
            self.calls.append(url)
        time.sleep(self.delay)
        return self.responses.get(url) or result(url, 404)


class OverlapFetch(FakeFetch):
    """A fetch that logs ("start", url) and ("end", url) and ends only once `expected` fetches
    have started (or a guard long enough for any machine has passed), so the log shows whether
    fetches ran at the same time without measuring how long anything took."""

    def __init__(self, expected: int) -> None:
        super().__init__({})
        self.events: list[tuple[str, str]] = []
        self._expected = expected
        self._all_started = threading.Event()

    def __call__(self, url: str) -> FetchResult:
        with self._lock:
            self.events.append(("start", url))
            if sum(event == "start" for event, _ in self.events) == self._expected:
                self._all_started.set()
        self._all_started.wait(timeout=10)
        answer = super().__call__(url)
        with self._lock:
            self.events.append(("end", url))
        return answer


ROBOTS_URL = "https://e.com/robots.txt"


def serving(status: int | None, body: bytes = b"", error: str | None = None, delay: float = 0.0) -> FakeFetch:
    """A fetch that answers ROBOTS_URL with this result and everything else with 404."""
    return FakeFetch({ROBOTS_URL: result(ROBOTS_URL, status, body, error)}, delay)


class TestRobotsCache:
    def test_fetches_once_per_origin(self) -> None:
        fetch = serving(200, b"User-agent: *\nDisallow: /private\n")
        cache = RobotsCache(fetch, UA)
        assert not cache.allows("https://e.com/private/1")
        assert cache.allows("https://e.com/public")
        assert cache.allows("https://E.com:443/other")
        assert cache.allows("https://cdn.e.com/x")
        assert fetch.calls == ["https://e.com/robots.txt", "https://cdn.e.com/robots.txt"]

    @pytest.mark.parametrize("status", [404, 410])
    def test_missing_robots_allows_all_silently(self, status: int) -> None:
        cache = RobotsCache(serving(status), UA)
        assert cache.allows("https://e.com/checkout")
        assert cache.warnings == ()

    @pytest.mark.parametrize("status", [401, 403])
    def test_forbidden_robots_allows_all_with_a_note(self, status: int) -> None:
        cache = RobotsCache(serving(status), UA)
        assert cache.allows("https://e.com/checkout")
        assert len(cache.warnings) == 1
        assert f"HTTP {status}" in cache.warnings[0]
        assert "allowed" in cache.warnings[0]

    @pytest.mark.parametrize(
        "fetched",
        [
            result(ROBOTS_URL, 503),
            result(ROBOTS_URL, 429),
            result(ROBOTS_URL, None, error="network error: connection refused"),
            result(ROBOTS_URL, 302, error="redirect loop at https://e.com/robots.txt"),
        ],
    )
    def test_unreachable_robots_disallows_all_with_a_warning(self, fetched: FetchResult) -> None:
        cache = RobotsCache(FakeFetch({ROBOTS_URL: fetched}), UA)
        assert not cache.allows("https://e.com/anything")
        assert cache.warnings == (
            f"could not fetch https://e.com/robots.txt ({fetched.error}); treated as disallowing everything "
            "(RFC 9309): fix robots.txt or use --ignore-robots",
        )

    def test_warning_is_recorded_once_per_origin(self) -> None:
        cache = RobotsCache(serving(500), UA)
        for path in ("/a", "/b", "/c"):
            cache.allows("https://e.com" + path)
        assert len(cache.warnings) == 1

    def test_truncated_robots_is_used_with_a_warning(self) -> None:
        fetch = serving(
            200,
            b"User-agent: *\nDisallow: /private\n",
            error="response body larger than 500000 bytes; truncated",
        )
        cache = RobotsCache(fetch, UA)
        assert not cache.allows("https://e.com/private")
        assert "used the part received" in cache.warnings[0]

    def test_utf8_bom_and_crawl_delay(self) -> None:
        body = "\ufeffUser-agent: *\nCrawl-delay: 3\nDisallow: /ä\n".encode()
        cache = RobotsCache(serving(200, body), UA)
        assert cache.crawl_delay("https://e.com/x") == 3.0
        assert not cache.allows("https://e.com/%C3%A4")

    def test_rules_for_exposes_sitemaps(self) -> None:
        body = b"Sitemap: /sitemap_index.xml\n"
        cache = RobotsCache(serving(200, body), UA)
        assert cache.rules_for("https://e.com/deep/page").sitemaps == ("https://e.com/sitemap_index.xml",)

    def test_concurrent_callers_share_one_fetch(self) -> None:
        fetch = serving(200, b"User-agent: *\nDisallow: /x\n", delay=0.05)
        cache = RobotsCache(fetch, UA)
        answers: list[bool] = []
        lock = threading.Lock()

        def ask(path: str) -> None:
            allowed = cache.allows(f"https://e.com/{path}")
            with lock:
                answers.append(allowed)

        threads = [threading.Thread(target=ask, args=("x" if i % 2 else "y",)) for i in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert fetch.calls == ["https://e.com/robots.txt"]
        assert sorted(answers) == [False] * 8 + [True] * 8

    def test_different_origins_fetch_in_parallel(self) -> None:
        """Each fetch holds until all four are under way (or a generous guard passes), and logs
        when it started and ended: parallel fetches all start before any ends; one origin's
        fetch blocking the others would log start, end, start, end."""
        fetch = OverlapFetch(expected=4)
        cache = RobotsCache(fetch, UA)
        threads = [
            threading.Thread(target=cache.allows, args=(f"https://site{i}.example/",)) for i in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [event for event, _ in fetch.events] == ["start"] * 4 + ["end"] * 4
        assert len(fetch.calls) == 4
