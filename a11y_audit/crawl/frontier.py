"""The crawl queue shared by the browser worker threads: dedupe, limits, pacing, skip bookkeeping.

Breadth-first (FIFO), so a page limit audits the pages closest to the start URLs first.
Pacing spaces the page loads on each origin (a11y_audit.crawl.pacing: robots.txt's Crawl-delay or
the configured delay). A paced origin has one page in flight at a time and its next page starts
the interval after the previous one was *done*: the time between taking a page and the browser
requesting it varies, so spacing the takes would let two requests come closer than asked.
A page whose origin is not due waits, and a due page of another origin goes first, so one
slow-paced origin does not hold up the others.
"""

from __future__ import annotations

import enum
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from a11y_audit.crawl.scope import CrawlScope
from a11y_audit.crawl.urls import TrailingSlash, canonicalize, looks_non_html
from a11y_audit.run_result import Skipped, SkippedExample

MAX_URL_LENGTH = 2000
MAX_PATH_SEGMENTS = 12
MAX_EXAMPLES_PER_REASON = 100


class AddOutcome(enum.Enum):
    """What add() did with a URL; every value but QUEUED and DUPLICATE is a skip reason."""

    QUEUED = "queued"
    DUPLICATE = "already queued or visited"
    OUT_OF_SCOPE = "outside the crawl scope"
    TOO_DEEP = "deeper than the depth limit"
    PAGE_LIMIT = "over the page limit"
    ROBOTS = "disallowed by robots.txt"
    NON_HTML = "not an HTML page"
    INFINITE_SPACE = "looks like an infinite URL space"


@dataclass(frozen=True, slots=True)
class QueueItem:
    """A page to audit: canonical URL, link distance from a start URL, and the linking page."""

    url: str
    depth: int
    source: str | None


@dataclass(frozen=True, slots=True)
class SkippedUrl:
    """One example of a skipped URL, with the page that linked it and a detail if any."""

    url: str
    source: str | None
    detail: str | None


@dataclass(frozen=True, slots=True)
class SkipSummary:
    """How many distinct URLs were skipped for one reason, and the first few of them."""

    count: int
    examples: tuple[SkippedUrl, ...]


@dataclass(frozen=True, slots=True)
class FrontierStats:
    """A snapshot for the progress bar."""

    queued: int
    in_flight: int
    done: int
    skipped: int


class Frontier:
    """Thread-safe crawl queue.

    Every URL is canonicalised, then checked in this order: scope, file extension, infinite
    URL space shape, depth, robots.txt, page limit, query variants per path. Each distinct
    URL's outcome is remembered, so it is checked and counted once however often it is linked;
    only a TOO_DEEP URL is checked again when it turns up at a smaller depth. Skip examples are
    capped at MAX_EXAMPLES_PER_REASON per reason, so a calendar with endless "next month"
    links costs a counter, not a list. The query-variant cap also cuts long pagination and
    facet combinations of one listing: for an audit, 25 renderings of one template are plenty.
    Add the start URLs before the workers call take():
    take() on an empty frontier with nothing in flight means the crawl is over.
    """

    def __init__(
        self,
        scope: CrawlScope,
        *,
        max_pages: int | None,
        max_depth: int | None,
        robots: Callable[[str], bool] | None = None,
        pace: Callable[[str], float] | None = None,
        trailing_slash: TrailingSlash = TrailingSlash.KEEP,
        max_variants_per_path: int = 25,
        max_path_repeats: int = 3,
    ) -> None:
        self._scope = scope
        self._max_pages = max_pages
        self._max_depth = max_depth
        self._robots = robots
        self._pace = pace
        self._trailing_slash = trailing_slash
        self._max_variants_per_path = max_variants_per_path
        self._max_path_repeats = max_path_repeats
        self._cond = threading.Condition()
        self._queues: dict[str, deque[tuple[int, QueueItem]]] = {}
        """Per origin, in the order admitted (the int is the admission number)."""
        self._queued = 0
        self._admissions = 0
        self._intervals: dict[str, float] = {}
        """Per origin: seconds between the starts of two page loads (0: unpaced)."""
        self._due: dict[str, float] = {}
        """Per paced origin: the monotonic time its next page may start."""
        self._busy: set[str] = set()
        """Paced origins with a page in flight."""
        self._in_flight: set[str] = set()
        self._outcomes: dict[str, AddOutcome] = {}
        self._variants: Counter[str] = Counter()
        self._skip_counts: Counter[AddOutcome] = Counter()
        self._skip_examples: dict[AddOutcome, list[SkippedUrl]] = {}
        self._admitted = 0
        self._done = 0
        self._closed = False
        self._watchers: list[Callable[[str], None]] = []

    def add(self, url: str, depth: int, source: str | None = None) -> AddOutcome:
        """Offer a URL found at link distance depth from a start URL; say what became of it.

        The robots.txt check runs outside the lock, because its first call for an origin
        fetches robots.txt and must not stall the other workers.
        """
        try:
            key = canonicalize(url, self._trailing_slash)
        except ValueError:
            return self._settle(url, depth, source, (AddOutcome.OUT_OF_SCOPE, "not an http(s) URL"))
        with self._cond:
            known = self._known(key, depth)
            paced = self._pace is None or _origin(key) in self._intervals
        if known is not None:
            return known
        checked = self._check(key, depth)
        if not paced and checked[0] is AddOutcome.QUEUED and self._pace is not None:
            interval = self._pace(key)  # may read robots.txt: outside the lock, like _check
            with self._cond:
                self._intervals.setdefault(_origin(key), interval)
        return self._settle(key, depth, source, checked)

    def allows(self, url: str) -> bool:
        """Whether url is in the crawl's scope (as widened so far): the one scope the crawl has."""
        return self._scope.allows(url)

    def widen(self, allowed: str) -> None:
        """Allow one more origin from now on (a start URL's same-site move, scope.py)."""
        with self._cond:
            self._scope = self._scope.with_origin(allowed)

    def key(self, url: str) -> str:
        """The canonical form a URL is queued and remembered under (QueueItem.url is one).
        Raises ValueError when url is not an http(s) URL."""
        return canonicalize(url, self._trailing_slash)

    def watch(self, watcher: Callable[[str], None]) -> None:
        """Call watcher(url) for every URL queued from now on, and now for those already queued.

        The crawler uses it to know a template's pages before it visits them (sampling.py).
        Watchers run under the frontier's lock: they must be quick and must not call back.
        """
        with self._cond:
            self._watchers.append(watcher)
            for item in self._queued_items():
                watcher(item.url)

    def take(self, timeout: float | None = None) -> QueueItem | None:
        """Hand out the oldest queued URL whose origin is due, waiting while pages in flight
        may add more or until the next origin is due.

        Returns None when the crawl is finished (nothing queued, nothing in flight), after
        close(), or when timeout seconds pass; the finished property tells these apart.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                item, wait = self._next_due(now)
                if item is not None:
                    self._in_flight.add(item.url)
                    return item
                if not self._queued and not self._in_flight:
                    return None
                remaining = None if deadline is None else deadline - now
                if remaining is not None and remaining <= 0:
                    return None
                self._cond.wait(_sooner(wait, remaining))
            return None

    def _next_due(self, now: float) -> tuple[QueueItem | None, float | None]:
        """Pop the earliest-admitted page among due origins; else how long until a paced origin
        is due (None: until something changes). Needs the lock; one look per origin."""
        best: str | None = None
        wait: float | None = None
        for site, queue in self._queues.items():
            if site in self._busy:
                continue  # done() wakes the waiters
            early = self._due.get(site, 0.0) - now
            if early > 0:
                wait = early if wait is None else min(wait, early)
            elif best is None or queue[0][0] < self._queues[best][0][0]:
                best = site
        if best is None:
            return None, wait
        queue = self._queues[best]
        _, item = queue.popleft()
        if not queue:
            del self._queues[best]
        self._queued -= 1
        if self._intervals.get(best, 0.0) > 0:
            self._busy.add(best)
        return item, None

    def done(self, item: QueueItem) -> None:
        """Report that a taken page was handled (audited or failed); it counts as done."""
        with self._cond:
            if item.url not in self._in_flight:
                raise ValueError(f"{item.url} was not taken from this frontier or already done")
            self._in_flight.remove(item.url)
            self._done += 1
            site = _origin(item.url)
            if site in self._busy:
                self._busy.remove(site)
                self._due[site] = time.monotonic() + self._intervals[site]
                self._cond.notify_all()
            elif not self._in_flight and not self._queued:
                self._cond.notify_all()

    def close(self) -> None:
        """Stop handing out work (e.g. on Ctrl-C); waiting and later take() calls get None."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def mark_visited(self, url: str) -> None:
        """Record a page audited by an earlier run, so a resumed crawl neither repeats it nor
        exceeds max_pages. Raises ValueError when url is not an http(s) URL."""
        key = canonicalize(url, self._trailing_slash)
        with self._cond:
            if self._outcomes.get(key) is AddOutcome.QUEUED:
                return
            self._outcomes[key] = AddOutcome.QUEUED
            self._count_variant(key)
            self._admitted += 1
            self._done += 1

    @property
    def finished(self) -> bool:
        """True once closed, or when nothing is queued or in flight."""
        with self._cond:
            return self._closed or not (self._queued or self._in_flight)

    @property
    def skipped(self) -> dict[AddOutcome, SkipSummary]:
        """Per skip reason: distinct URLs skipped and the first examples, for the report."""
        with self._cond:
            return {
                outcome: SkipSummary(count, tuple(self._skip_examples[outcome]))
                for outcome, count in self._skip_counts.items()
            }

    def skipped_summary(self) -> Skipped:
        """The skipped links as results.json stores them: counts by reason name, and examples
        whose reason is "NAME" or "NAME: detail" (e.g. "OUT_OF_SCOPE: off-origin")."""
        skipped = self.skipped
        return Skipped(
            counts={outcome.name: summary.count for outcome, summary in skipped.items()},
            examples=tuple(
                SkippedExample(example.url, _reason(outcome, example), example.source)
                for outcome, summary in skipped.items()
                for example in summary.examples
            ),
        )

    def stats(self) -> FrontierStats:
        """Counts for a progress bar."""
        with self._cond:
            return FrontierStats(
                queued=self._queued,
                in_flight=len(self._in_flight),
                done=self._done,
                skipped=self._skip_counts.total(),
            )

    def _known(self, key: str, depth: int) -> AddOutcome | None:
        """The remembered outcome for key, or None when it must be (re)checked. Needs the lock."""
        outcome = self._outcomes.get(key)
        if outcome is AddOutcome.QUEUED:
            return AddOutcome.DUPLICATE
        if outcome is AddOutcome.TOO_DEEP and not self._too_deep(depth):
            return None
        return outcome

    def _check(self, key: str, depth: int) -> tuple[AddOutcome, str | None]:
        """The lock-free checks; QUEUED means "passed", not yet admitted."""
        reason = self._scope.why_excluded(key)
        if reason is not None:
            return AddOutcome.OUT_OF_SCOPE, reason
        if looks_non_html(key):
            return AddOutcome.NON_HTML, None
        shape = _infinite_shape(key, self._max_path_repeats)
        if shape is not None:
            return AddOutcome.INFINITE_SPACE, shape
        if self._too_deep(depth):
            return AddOutcome.TOO_DEEP, f"depth {depth}"
        if self._robots is not None and not self._robots(key):
            return AddOutcome.ROBOTS, None
        return AddOutcome.QUEUED, None

    def _settle(
        self, key: str, depth: int, source: str | None, checked: tuple[AddOutcome, str | None]
    ) -> AddOutcome:
        """Under the lock: re-check for a racing add, admit or record the skip."""
        with self._cond:
            known = self._known(key, depth)
            if known is not None:
                return known
            outcome, detail = checked
            if outcome is AddOutcome.QUEUED:
                outcome, detail = self._admit(key, depth, source)
            self._outcomes[key] = outcome
            if outcome is not AddOutcome.QUEUED:
                self._record_skip(outcome, SkippedUrl(key, source, detail))
            return outcome

    def _admit(self, key: str, depth: int, source: str | None) -> tuple[AddOutcome, str | None]:
        """Apply the limits that depend on crawl state, then queue. Needs the lock."""
        if self._max_pages is not None and self._admitted >= self._max_pages:
            return AddOutcome.PAGE_LIMIT, None
        path_key, _, query = key.partition("?")
        if query and self._variants[path_key] >= self._max_variants_per_path:
            return AddOutcome.INFINITE_SPACE, (
                f"more than {self._max_variants_per_path} query strings for {path_key}"
            )
        self._count_variant(key)
        self._admitted += 1
        self._queues.setdefault(_origin(key), deque()).append(
            (self._admissions, QueueItem(key, depth, source))
        )
        self._admissions += 1
        self._queued += 1
        for watcher in self._watchers:
            watcher(key)
        self._cond.notify()
        return AddOutcome.QUEUED, None

    def _count_variant(self, key: str) -> None:
        path_key, _, query = key.partition("?")
        if query:
            self._variants[path_key] += 1

    def _record_skip(self, outcome: AddOutcome, example: SkippedUrl) -> None:
        self._skip_counts[outcome] += 1
        examples = self._skip_examples.setdefault(outcome, [])
        if len(examples) < MAX_EXAMPLES_PER_REASON:
            examples.append(example)

    def _too_deep(self, depth: int) -> bool:
        return self._max_depth is not None and depth > self._max_depth

    def _queued_items(self) -> Iterator[QueueItem]:
        """Every queued page, in admission order. Needs the lock."""
        entries = sorted(entry for queue in self._queues.values() for entry in queue)
        return (item for _, item in entries)


def _origin(key: str) -> str:
    """The origin of a canonical URL (scheme and host as canonicalize left them)."""
    parts = urlsplit(key)
    return f"{parts.scheme}://{parts.netloc}"


def _sooner(first: float | None, second: float | None) -> float | None:
    """The shorter of two optional waits (None: no limit)."""
    if first is None:
        return second
    return first if second is None else min(first, second)


def _reason(outcome: AddOutcome, example: SkippedUrl) -> str:
    return outcome.name if example.detail is None else f"{outcome.name}: {example.detail}"


def _infinite_shape(url: str, max_path_repeats: int) -> str | None:
    """Why the URL's shape suggests a generated, endless URL space; None when it looks normal.

    Relative links resolved against the wrong base keep appending segments (/a/b/a/b/...), and
    session ids or state in paths make URLs grow without bound.
    """
    if len(url) > MAX_URL_LENGTH:
        return f"URL longer than {MAX_URL_LENGTH} characters"
    segments = [segment for segment in urlsplit(url).path.split("/") if segment]
    if len(segments) > MAX_PATH_SEGMENTS:
        return f"path deeper than {MAX_PATH_SEGMENTS} segments"
    repeats = Counter(segments).most_common(1)
    if repeats and repeats[0][1] > max_path_repeats:
        segment, count = repeats[0]
        return f"path segment '{segment}' repeated {count} times"
    return None
