"""How far apart the crawl starts page loads on one origin.

A store's robots.txt may ask crawlers to wait between requests (`Crawl-delay`, not part of
RFC 9309 but honoured by Bing, Yandex and Scrapy's AutoThrottle users); a team auditing its
own production store may want a gentle crawl whatever robots.txt says. The interval for an
origin is the larger of the configured `crawl_delay` and robots.txt's Crawl-delay (when robots
is respected). Robots' value is capped at `max_crawl_delay`: a Crawl-delay of an hour would
turn a 500-page audit into three weeks, so the cap applies and a warning names the origin and
how to raise it. The configured delay is the user's own choice and is never capped.

The frontier (a11y_audit.crawl.frontier) audits one page of a paced origin at a time, whatever the
number of workers, and starts the next the interval after the last one is done. A page's own
images, scripts and styles load as the browser needs them, and the checks that reload a
sampled page do so within its turn.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from a11y_audit.crawl.urls import origin

__all__ = ["Pacing"]


class Pacing:
    """Seconds between page loads per origin; thread-safe, and warns once per capped origin."""

    def __init__(
        self,
        robots_delay: Callable[[str], float | None] | None,
        *,
        minimum: float = 0.0,
        maximum: float = 10.0,
    ) -> None:
        self._robots_delay = robots_delay
        self._minimum = minimum
        self._maximum = maximum
        self._lock = threading.Lock()
        self._warnings: list[str] = []

    @property
    def warnings(self) -> tuple[str, ...]:
        """Origins whose robots.txt asked for more than the cap, one line each."""
        with self._lock:
            return tuple(self._warnings)

    def interval(self, url: str) -> float:
        """The seconds between two page loads on url's origin (the frontier asks once per origin)."""
        asked = (self._robots_delay(url) if self._robots_delay is not None else None) or 0.0
        honoured = min(asked, self._maximum)
        if honoured < asked:
            with self._lock:
                self._warnings.append(
                    f"{origin(url)}/robots.txt asks for Crawl-delay: {asked:g} s; waited "
                    f"{max(self._minimum, honoured):g} s between pages instead (raise "
                    "[crawl] max_crawl_delay to honour it)"
                )
        return max(self._minimum, honoured)
