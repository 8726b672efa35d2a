"""robots.txt rules (parsed by protego) and a per-origin cache shared by crawler threads.

The crawler asks "may I load this URL?" once per link; robots.txt is fetched once per origin.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from protego import Protego

from a11y_audit.crawl.http_fetch import FetchResult
from a11y_audit.crawl.urls import origin

# 429 is a 4xx, but it means "come back later", not "there is no robots.txt".
_UNAVAILABLE_STATUSES = frozenset({429})
_FORBIDDEN_STATUSES = frozenset({401, 403})


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """One origin's robots.txt. protego implements RFC 9309 matching.

    That is: the group of the longest matching user-agent token applies, else "*"; within it
    the longest matching Allow/Disallow path wins, Allow on a tie; "*" and "$" wildcards work.
    """

    url: str
    parser: Any

    @classmethod
    def from_text(cls, text: str, url: str) -> RobotsRules:
        """Parse robots.txt text fetched from url (relative Sitemap lines resolve against it)."""
        return cls(url=url, parser=Protego.parse(text))

    @classmethod
    def allow_all(cls, url: str) -> RobotsRules:
        """Rules for an origin without a usable robots.txt."""
        return cls.from_text("", url)

    @classmethod
    def disallow_all(cls, url: str) -> RobotsRules:
        """Rules for an origin whose robots.txt could not be fetched (RFC 9309: assume all disallowed)."""
        return cls.from_text("User-agent: *\nDisallow: /\n", url)

    def allows(self, url: str, user_agent: str) -> bool:
        """Whether user_agent may fetch url."""
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        """Seconds to wait between requests, if robots.txt asks for it."""
        delay = self.parser.crawl_delay(user_agent)
        return None if delay is None else float(delay)

    @property
    def sitemaps(self) -> tuple[str, ...]:
        """Absolute URLs of the Sitemap lines, in file order, without duplicates."""
        return tuple(dict.fromkeys(urljoin(self.url, line) for line in self.parser.sitemaps))


class RobotsCache:
    """Fetches /robots.txt once per origin and answers for every URL on it; thread-safe.

    An origin whose robots.txt is missing (4xx) is all allowed, per RFC 9309. When it cannot be
    fetched (network error, 5xx, 429) RFC 9309 says to assume everything disallowed; this tool
    allows everything instead and records a warning, because it audits sites for their owners,
    and a flaky robots.txt must not silently turn an audit into zero pages.
    """

    def __init__(self, fetch: Callable[[str], FetchResult], user_agent: str) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._lock = threading.Lock()
        self._rules: dict[str, RobotsRules] = {}
        self._origin_locks: dict[str, threading.Lock] = {}
        self._warnings: list[str] = []

    @property
    def warnings(self) -> tuple[str, ...]:
        """Problems met so far, one line each, for the report."""
        with self._lock:
            return tuple(self._warnings)

    def rules_for(self, url: str) -> RobotsRules:
        """The rules of url's origin, fetching robots.txt on first use.

        Threads asking about different origins fetch in parallel; threads asking about the same
        origin wait for the one fetch.
        """
        site = origin(url)
        with self._lock:
            if site in self._rules:
                return self._rules[site]
            origin_lock = self._origin_locks.setdefault(site, threading.Lock())
        with origin_lock:
            with self._lock:
                if site in self._rules:
                    return self._rules[site]
            rules, warning = self._load(f"{site}/robots.txt")
            with self._lock:
                self._rules[site] = rules
                if warning is not None:
                    self._warnings.append(warning)
            return rules

    def allows(self, url: str) -> bool:
        """Whether the crawler's user agent may load url."""
        return self.rules_for(url).allows(url, self._user_agent)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay that applies to the crawler on url's origin."""
        return self.rules_for(url).crawl_delay(self._user_agent)

    def _load(self, robots_url: str) -> tuple[RobotsRules, str | None]:
        """Fetch and interpret one robots.txt; return the rules and an optional warning."""
        result = self._fetch(robots_url)
        status = result.status
        if status is not None and 200 <= status < 300:
            text = result.body.decode("utf-8-sig", errors="replace")
            warning = None
            if result.error is not None:  # e.g. truncated: RFC 9309 wants at least 500 KiB read
                warning = f"{robots_url}: {result.error}; used the part received"
            return RobotsRules.from_text(text, robots_url), warning
        allow_all = RobotsRules.allow_all(robots_url)
        if status in _FORBIDDEN_STATUSES:
            return allow_all, (
                f"{robots_url} returned HTTP {status}; as RFC 9309 says, every path is allowed"
            )
        if status is not None and 400 <= status < 500 and status not in _UNAVAILABLE_STATUSES:
            return allow_all, None
        # RFC 9309 2.3.1.4: an unreachable robots.txt (5xx, 429, network error) means the
        # site may be disallowing everything; a polite crawler assumes it does.
        return RobotsRules.disallow_all(robots_url), (
            f"could not fetch {robots_url} ({result.error}); treated as disallowing everything "
            "(RFC 9309): fix robots.txt or use --ignore-robots"
        )
