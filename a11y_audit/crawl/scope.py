"""Which URLs belong to the crawl: allowed origins plus optional include/exclude regexes.

The report says why a link was not followed, so the checks return a reason, not just a bool.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from a11y_audit.crawl.urls import canonicalize, origin, parse_start_url
from a11y_audit.errors import UsageError


@dataclass(frozen=True, slots=True)
class CrawlScope:
    """The crawl boundary. Patterns are searched (re.search) in the canonical URL.

    A URL is in scope when its origin is allowed, no exclude pattern matches, and, if there are
    include patterns, at least one of them matches. Exclusion wins over inclusion, so a user
    can carve a hole (say /checkout) out of an included section.
    """

    allowed_origins: frozenset[str]
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def from_start_urls(
        cls,
        start_urls: Iterable[str],
        extra_origins: Iterable[str] = (),
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
    ) -> CrawlScope:
        """Build a scope from user input: start URLs, extra origins and regex strings.

        The origins of the start URLs (and of sitemaps, when the caller passes them too) are
        allowed. Raises UsageError for a bad URL or regex, naming it.
        """
        urls = [*map(parse_start_url, start_urls), *map(parse_start_url, extra_origins)]
        return cls(
            allowed_origins=frozenset(origin(url) for url in urls),
            include=tuple(_compile(pattern, "include") for pattern in include),
            exclude=tuple(_compile(pattern, "exclude") for pattern in exclude),
        )

    def why_excluded(self, url: str) -> str | None:
        """None when the URL is in scope, else a short reason for the skipped-links report."""
        try:
            canonical = canonicalize(url)
        except ValueError:
            return "not an http(s) URL"
        if origin(canonical) not in self.allowed_origins:
            return "off-origin"
        for pattern in self.exclude:
            if pattern.search(canonical):
                return f"excluded by pattern '{pattern.pattern}'"
        if self.include and not any(pattern.search(canonical) for pattern in self.include):
            return "not matching include patterns"
        return None

    def allows(self, url: str) -> bool:
        """Whether the URL is in scope."""
        return self.why_excluded(url) is None

    def with_origin(self, allowed: str) -> CrawlScope:
        """This scope with one more allowed origin (a start URL's same-site move)."""
        return replace(self, allowed_origins=self.allowed_origins | {allowed})


def same_site_move(start_url: str, final_url: str) -> str | None:
    """The origin a start URL moved to when it is the same store, else None.

    A store given as http://shop.example often answers from https://shop.example or
    https://www.shop.example: the user named that store, so its new origin belongs to the
    crawl. Anything else (another host, a sign-in service, a downgrade to http) is not
    followed: the user must allow it.
    """
    try:
        before, after = urlsplit(canonicalize(start_url)), urlsplit(canonicalize(final_url))
    except ValueError:
        return None
    if before.scheme == "https" and after.scheme != "https":
        return None
    if (before.hostname or "").removeprefix("www.") != (after.hostname or "").removeprefix("www."):
        return None
    moved = origin(final_url)
    return moved if moved != origin(start_url) else None


def _compile(pattern: str, kind: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise UsageError(
            f"invalid {kind} pattern '{pattern}': {exc} — fix the regular expression"
            " (Python re syntax; escape literal dots and question marks with a backslash)"
        ) from None
