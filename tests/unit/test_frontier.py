"""The crawl frontier: dedupe, limits, infinite-space guard, skip summary, worker protocol."""

from __future__ import annotations

import threading
import time
from functools import partial

import pytest

from a11y_audit.crawl.frontier import (
    MAX_EXAMPLES_PER_REASON,
    MAX_PATH_SEGMENTS,
    MAX_URL_LENGTH,
    AddOutcome,
    Frontier,
    QueueItem,
    SkippedUrl,
)
from a11y_audit.crawl.scope import CrawlScope
from a11y_audit.crawl.urls import TrailingSlash
from tests.support import FrontierClock

SHOP = "https://shop.example"
SCOPE = CrawlScope.from_start_urls([SHOP + "/"], exclude=["/checkout"])


make = partial(Frontier, SCOPE, max_pages=None, max_depth=None)


def drain(frontier: Frontier) -> list[QueueItem]:
    """Take everything queued right now, marking each done."""
    items = []
    while not frontier.finished:
        item = frontier.take(timeout=0)
        assert item is not None
        frontier.done(item)
        items.append(item)
    return items


class TestAdd:
    def test_queues_the_canonical_url(self) -> None:
        frontier = make()
        assert frontier.add("HTTPS://Shop.Example:443/a?utm_source=x&b=2&a=1#top", 0) is AddOutcome.QUEUED
        item = frontier.take(timeout=0)
        assert item == QueueItem(f"{SHOP}/a?a=1&b=2", 0, None)

    def test_canonical_variants_are_duplicates(self) -> None:
        frontier = make()
        assert frontier.add(f"{SHOP}/shoes?color=red&size=9", 1) is AddOutcome.QUEUED
        for variant in (
            f"{SHOP}/shoes?size=9&color=red",
            f"{SHOP}/shoes?color=red&size=9#reviews",
            "https://SHOP.example:443/shoes?color=red&size=9&gclid=abc",
            f"{SHOP}/shoes/../shoes?color=red&size=9",
        ):
            assert frontier.add(variant, 1) is AddOutcome.DUPLICATE
        assert frontier.stats().queued == 1

    def test_a_url_is_never_queued_twice_even_after_it_is_done(self) -> None:
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        drain(frontier)
        assert frontier.add(f"{SHOP}/", 1) is AddOutcome.DUPLICATE
        assert frontier.finished

    def test_trailing_slash_policy_merges_spellings(self) -> None:
        frontier = make(trailing_slash=TrailingSlash.STRIP)
        assert frontier.add(f"{SHOP}/bags/", 0) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/bags", 0) is AddOutcome.DUPLICATE
        assert frontier.take(timeout=0) == QueueItem(f"{SHOP}/bags", 0, None)

    def test_keep_policy_keeps_spellings_apart(self) -> None:
        frontier = make()
        assert frontier.add(f"{SHOP}/bags/", 0) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/bags", 0) is AddOutcome.QUEUED

    @pytest.mark.parametrize(
        ("url", "outcome"),
        [
            ("https://other.example/", AddOutcome.OUT_OF_SCOPE),
            (f"{SHOP}/checkout/step-1", AddOutcome.OUT_OF_SCOPE),
            ("mailto:help@shop.example", AddOutcome.OUT_OF_SCOPE),
            ("not even a url", AddOutcome.OUT_OF_SCOPE),
            (f"{SHOP}/catalogue.pdf", AddOutcome.NON_HTML),
            (f"{SHOP}/img/shoe.JPG?w=300", AddOutcome.NON_HTML),
            (f"{SHOP}/a/b/a/b/a/b/a/b", AddOutcome.INFINITE_SPACE),
            (f"{SHOP}/" + "/".join(f"s{i}" for i in range(MAX_PATH_SEGMENTS + 1)), AddOutcome.INFINITE_SPACE),
            (f"{SHOP}/search?q=" + "x" * MAX_URL_LENGTH, AddOutcome.INFINITE_SPACE),
        ],
    )
    def test_skip_reasons(self, url: str, outcome: AddOutcome) -> None:
        frontier = make()
        assert frontier.add(url, 1) is outcome
        assert frontier.stats().queued == 0
        assert frontier.skipped[outcome].count == 1

    def test_path_repeats_up_to_the_limit_are_fine(self) -> None:
        frontier = make(max_path_repeats=3)
        assert frontier.add(f"{SHOP}/a/b/a/b/a/b", 1) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/a/a/a/a", 1) is AddOutcome.INFINITE_SPACE

    def test_path_of_max_segments_is_fine(self) -> None:
        url = f"{SHOP}/" + "/".join(f"s{i}" for i in range(MAX_PATH_SEGMENTS))
        assert make().add(url, 1) is AddOutcome.QUEUED

    def test_scope_reason_is_kept_as_detail(self) -> None:
        frontier = make()
        frontier.add("https://other.example/x", 2, source=f"{SHOP}/page")
        frontier.add(f"{SHOP}/checkout", 2, source=f"{SHOP}/cart")
        assert frontier.skipped[AddOutcome.OUT_OF_SCOPE].examples == (
            SkippedUrl("https://other.example/x", f"{SHOP}/page", "off-origin"),
            SkippedUrl(f"{SHOP}/checkout", f"{SHOP}/cart", "excluded by pattern '/checkout'"),
        )

    def test_repeated_skips_are_counted_once_and_answer_the_same(self) -> None:
        frontier = make()
        for page in range(50):
            assert frontier.add("https://facebook.example/shop", 1, source=f"{SHOP}/{page}") is (
                AddOutcome.OUT_OF_SCOPE
            )
        summary = frontier.skipped[AddOutcome.OUT_OF_SCOPE]
        assert summary.count == 1
        assert summary.examples[0].source == f"{SHOP}/0"


class TestDepth:
    def test_max_depth(self) -> None:
        frontier = make(max_depth=2)
        assert frontier.add(f"{SHOP}/d2", 2) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/d3", 3) is AddOutcome.TOO_DEEP
        assert frontier.skipped[AddOutcome.TOO_DEEP].examples == (SkippedUrl(f"{SHOP}/d3", None, "depth 3"),)

    def test_max_depth_zero_audits_only_start_urls(self) -> None:
        frontier = make(max_depth=0)
        assert frontier.add(f"{SHOP}/", 0) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/linked", 1) is AddOutcome.TOO_DEEP

    def test_too_deep_url_found_again_closer_is_queued(self) -> None:
        frontier = make(max_depth=2)
        assert frontier.add(f"{SHOP}/x", 3) is AddOutcome.TOO_DEEP
        assert frontier.add(f"{SHOP}/x", 4) is AddOutcome.TOO_DEEP
        assert frontier.add(f"{SHOP}/x", 1) is AddOutcome.QUEUED
        assert frontier.take(timeout=0) == QueueItem(f"{SHOP}/x", 1, None)


class TestPageLimit:
    def test_max_pages_counts_queued_and_done(self) -> None:
        frontier = make(max_pages=3)
        assert frontier.add(f"{SHOP}/1", 0) is AddOutcome.QUEUED
        drain(frontier)
        assert frontier.add(f"{SHOP}/2", 1) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/3", 1) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/4", 1) is AddOutcome.PAGE_LIMIT
        assert frontier.add(f"{SHOP}/1", 1) is AddOutcome.DUPLICATE
        assert [item.url for item in drain(frontier)] == [f"{SHOP}/2", f"{SHOP}/3"]
        assert frontier.stats().done == 3

    def test_mark_visited_counts_toward_the_limit_and_dedupes(self) -> None:
        frontier = make(max_pages=2)
        frontier.mark_visited("https://SHOP.example/old?utm_source=x")
        assert frontier.add(f"{SHOP}/old", 1) is AddOutcome.DUPLICATE
        assert frontier.add(f"{SHOP}/new", 1) is AddOutcome.QUEUED
        assert frontier.add(f"{SHOP}/newer", 1) is AddOutcome.PAGE_LIMIT
        assert frontier.stats().done == 1

    def test_mark_visited_twice_counts_once(self) -> None:
        frontier = make(max_pages=2)
        frontier.mark_visited(f"{SHOP}/old")
        frontier.mark_visited(f"{SHOP}/old")
        assert frontier.add(f"{SHOP}/new", 1) is AddOutcome.QUEUED
        assert frontier.stats().done == 1


class TestRobots:
    def test_robots_callable_decides_after_the_cheap_checks(self) -> None:
        asked: list[str] = []

        def robots(url: str) -> bool:
            asked.append(url)
            return "/private" not in url

        frontier = make(robots=robots)
        assert frontier.add(f"{SHOP}/private/1", 1) is AddOutcome.ROBOTS
        assert frontier.add(f"{SHOP}/public", 1) is AddOutcome.QUEUED
        assert frontier.add("https://other.example/private", 1) is AddOutcome.OUT_OF_SCOPE
        assert frontier.add(f"{SHOP}/file.pdf", 1) is AddOutcome.NON_HTML
        assert frontier.add(f"{SHOP}/private/1", 2) is AddOutcome.ROBOTS
        assert asked == [f"{SHOP}/private/1", f"{SHOP}/public"]


class TestInfiniteSpace:
    def test_query_variants_per_path_are_capped(self) -> None:
        frontier = make(max_variants_per_path=5)
        outcomes = [frontier.add(f"{SHOP}/shoes?page={n}", 1) for n in range(1, 9)]
        assert outcomes == [AddOutcome.QUEUED] * 5 + [AddOutcome.INFINITE_SPACE] * 3
        assert frontier.add(f"{SHOP}/shoes", 1) is AddOutcome.QUEUED  # the bare path is not a variant
        assert frontier.add(f"{SHOP}/bags?page=1", 1) is AddOutcome.QUEUED  # other paths have their own
        detail = frontier.skipped[AddOutcome.INFINITE_SPACE].examples[0].detail
        assert detail == f"more than 5 query strings for {SHOP}/shoes"

    def test_calendar_with_endless_next_links_stays_bounded(self) -> None:
        """A month view links to the next month forever; the crawl must end on its own."""
        frontier = make()
        frontier.add(f"{SHOP}/events", 0)
        visited = 0
        while (item := frontier.take(timeout=1)) is not None:
            visited += 1
            month = int(item.url.rpartition("=")[2]) if "=" in item.url else 0
            for step in (-1, 1, 12):  # previous, next and next-year links
                frontier.add(f"{SHOP}/events?month={month + step}", item.depth + 1, source=item.url)
            frontier.done(item)
        assert frontier.finished
        assert visited == 1 + 25
        skipped = frontier.skipped[AddOutcome.INFINITE_SPACE]
        assert skipped.count > 0
        assert len(skipped.examples) <= MAX_EXAMPLES_PER_REASON

    def test_examples_are_bounded_but_counts_are_not(self) -> None:
        frontier = make()
        for n in range(MAX_EXAMPLES_PER_REASON * 3):
            frontier.add(f"https://elsewhere.example/{n}", 1)
        summary = frontier.skipped[AddOutcome.OUT_OF_SCOPE]
        assert summary.count == MAX_EXAMPLES_PER_REASON * 3
        assert len(summary.examples) == MAX_EXAMPLES_PER_REASON
        assert frontier.stats().skipped == MAX_EXAMPLES_PER_REASON * 3


class TestWorkerProtocol:
    def test_fifo_is_breadth_first(self) -> None:
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        order = []
        links = {"/": ["/a", "/b"], "/a": ["/a1", "/a2"], "/b": ["/b1"]}
        while (item := frontier.take(timeout=0)) is not None:
            path = item.url.removeprefix(SHOP)
            order.append((path, item.depth))
            for link in links.get(path, []):
                frontier.add(SHOP + link, item.depth + 1, source=item.url)
            frontier.done(item)
        assert order == [("/", 0), ("/a", 1), ("/b", 1), ("/a1", 2), ("/a2", 2), ("/b1", 2)]

    def test_take_on_an_empty_frontier_returns_none(self) -> None:
        frontier = make()
        assert frontier.take() is None
        assert frontier.finished

    def test_take_waits_while_pages_are_in_flight(self) -> None:
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        first = frontier.take()
        assert first is not None
        got: list[QueueItem | None] = []
        waiter = threading.Thread(target=lambda: got.append(frontier.take()))
        waiter.start()
        time.sleep(0.1)
        assert waiter.is_alive()  # blocked: the page in flight may still add links
        frontier.add(f"{SHOP}/found", 1, source=first.url)
        waiter.join(timeout=2)
        assert got == [QueueItem(f"{SHOP}/found", 1, f"{SHOP}/")]

    def test_waiters_get_none_when_the_last_page_is_done(self) -> None:
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        item = frontier.take()
        assert item is not None
        got: list[QueueItem | None] = []
        waiters = [threading.Thread(target=lambda: got.append(frontier.take())) for _ in range(3)]
        for waiter in waiters:
            waiter.start()
        time.sleep(0.1)
        frontier.done(item)
        for waiter in waiters:
            waiter.join(timeout=2)
        assert got == [None, None, None]

    def test_take_timeout(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """On a virtual clock: take() waits out its whole timeout in one wait (it neither
        returns at once nor polls), then gives up."""
        clock = FrontierClock()
        clock.install(monkeypatch)
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        assert frontier.take() is not None
        assert frontier.take(timeout=0.2) is None
        assert clock.waits == [0.2] and clock.now == 0.2
        assert not frontier.finished  # timed out, not finished: one page is still in flight

    def test_close_releases_waiters_and_stops_handing_out_work(self) -> None:
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        frontier.add(f"{SHOP}/2", 0)
        item = frontier.take()
        assert item is not None
        frontier.take()
        got: list[QueueItem | None] = []
        waiter = threading.Thread(target=lambda: got.append(frontier.take()))
        waiter.start()
        time.sleep(0.05)
        frontier.close()
        waiter.join(timeout=2)
        assert got == [None]
        frontier.add(f"{SHOP}/3", 1)
        assert frontier.take() is None
        assert frontier.finished
        frontier.done(item)  # in-flight pages may still report back

    def test_done_twice_is_an_error(self) -> None:
        frontier = make()
        frontier.add(f"{SHOP}/", 0)
        item = frontier.take()
        assert item is not None
        frontier.done(item)
        with pytest.raises(ValueError, match="already done"):
            frontier.done(item)

    def test_stats(self) -> None:
        frontier = make()
        for path in ("/a", "/b", "/c"):
            frontier.add(SHOP + path, 0)
        frontier.add("https://elsewhere.example/", 1)
        item = frontier.take()
        assert item is not None
        frontier.done(item)
        frontier.take()
        stats = frontier.stats()
        assert (stats.queued, stats.in_flight, stats.done, stats.skipped) == (1, 1, 1, 1)

    def test_skipped_summary_is_results_json_shaped(self) -> None:
        frontier = make(max_depth=1)
        frontier.add("https://off.example/", 1, source=f"{SHOP}/")
        frontier.add(f"{SHOP}/deep", 2, source=f"{SHOP}/a")
        frontier.add(f"{SHOP}/doc.pdf", 1)
        assert frontier.skipped_summary().to_json() == {
            "counts": {"OUT_OF_SCOPE": 1, "TOO_DEEP": 1, "NON_HTML": 1},
            "examples": [
                {"url": "https://off.example/", "reason": "OUT_OF_SCOPE: off-origin", "source": f"{SHOP}/"},
                {"url": f"{SHOP}/deep", "reason": "TOO_DEEP: depth 2", "source": f"{SHOP}/a"},
                {"url": f"{SHOP}/doc.pdf", "reason": "NON_HTML", "source": None},
            ],
        }


def test_many_threads_crawl_a_site_exactly_once() -> None:
    """8 workers on a 500-page site where every page links to 5 others, some already seen."""
    pages = 500
    frontier = make()
    frontier.add(f"{SHOP}/p/0", 0)
    visits: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            while (item := frontier.take(timeout=10)) is not None:
                n = int(item.url.rpartition("/")[2])
                with lock:
                    visits.append(item.url)
                for link in (2 * n + 1, 2 * n + 2, n // 2, (n * 7) % pages, n + 1):
                    if link < pages:
                        frontier.add(f"{SHOP}/p/{link}?utm_source=t{n}", item.depth + 1, source=item.url)
                time.sleep(0.0005)
                frontier.done(item)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert not any(thread.is_alive() for thread in threads)
    assert sorted(visits) == sorted(f"{SHOP}/p/{n}" for n in range(pages))
    assert frontier.finished
    assert frontier.stats().done == pages


def test_many_threads_respect_max_pages() -> None:
    frontier = make(max_pages=50)
    frontier.add(f"{SHOP}/p/0", 0)
    visits: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        while (item := frontier.take(timeout=10)) is not None:
            n = int(item.url.rpartition("/")[2])
            for link in range(n * 10 + 1, n * 10 + 11):
                frontier.add(f"{SHOP}/p/{link}", item.depth + 1, source=item.url)
            with lock:
                visits.append(item.url)
            frontier.done(item)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(visits) == len(set(visits)) == 50
    assert frontier.skipped[AddOutcome.PAGE_LIMIT].count > 0


def test_a_watcher_hears_of_queued_urls_already_there_and_to_come_canonical() -> None:
    frontier = make()
    frontier.add(SHOP + "/a?utm_source=mail", 0)
    heard: list[str] = []
    frontier.watch(heard.append)
    frontier.add(SHOP + "/b#top", 1)
    frontier.add(SHOP + "/b", 1)  # a duplicate is not queued again
    frontier.add(SHOP + "/checkout", 1)  # out of scope: never queued
    assert heard == [SHOP + "/a", SHOP + "/b"]


class TestPacing:
    """Crawl-delay: pages of a paced origin start no sooner than its interval after the last one."""

    BLOG = "https://blog.example"

    def paced(self) -> Frontier:
        scope = CrawlScope.from_start_urls([SHOP + "/", self.BLOG + "/"])
        intervals = {SHOP: 3600.0, self.BLOG: 0.0}
        frontier = Frontier(
            scope, max_pages=None, max_depth=None, pace=lambda url: intervals[url.split("/a")[0]]
        )
        for url in (f"{SHOP}/a1", f"{SHOP}/a2", f"{self.BLOG}/a1"):
            assert frontier.add(url, 0) is AddOutcome.QUEUED
        return frontier

    def test_a_due_origin_goes_first_and_a_paced_one_waits(self) -> None:
        frontier = self.paced()
        first = frontier.take(timeout=0)
        assert first is not None and first.url == f"{SHOP}/a1"
        second = frontier.take(timeout=0)  # shop has a page in flight; the blog is due
        assert second is not None and second.url == f"{self.BLOG}/a1"
        assert frontier.take(timeout=0.01) is None  # shop/a2 waits while shop/a1 is in flight
        frontier.done(first)
        frontier.done(second)
        assert frontier.take(timeout=0.01) is None  # and then for the interval after it was done
        assert not frontier.finished and frontier.stats().queued == 1

    def test_the_next_page_starts_the_interval_after_the_last_was_done(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a virtual clock: the wait is measured from done(), not from take(), however long
        the page took."""
        clock = FrontierClock()
        clock.install(monkeypatch)
        frontier = Frontier(
            CrawlScope.from_start_urls([SHOP + "/"]), max_pages=None, max_depth=None, pace=lambda url: 5.0
        )
        frontier.add(f"{SHOP}/1", 0)
        frontier.add(f"{SHOP}/2", 0)
        first = frontier.take()
        assert first is not None and clock.waits == []
        clock.now = 100.0  # the page took 100 s to load and judge
        frontier.done(first)
        second = frontier.take()
        assert second is not None and second.url == f"{SHOP}/2"
        assert clock.waits == [5.0] and clock.now == 105.0

    def test_an_unpaced_origin_has_pages_in_flight_in_parallel(self) -> None:
        frontier = Frontier(
            CrawlScope.from_start_urls([SHOP + "/"]), max_pages=None, max_depth=None, pace=lambda url: 0.0
        )
        frontier.add(f"{SHOP}/1", 0)
        frontier.add(f"{SHOP}/2", 0)
        assert frontier.take(timeout=0) is not None and frontier.take(timeout=0) is not None

    def test_waiting_workers_are_released_by_close(self) -> None:
        frontier = self.paced()
        assert frontier.take(timeout=0) is not None and frontier.take(timeout=0) is not None
        got: list[QueueItem | None] = []
        worker = threading.Thread(target=lambda: got.append(frontier.take()))
        worker.start()
        frontier.close()
        worker.join(timeout=5)
        assert got == [None] and not worker.is_alive()

    def test_without_pacing_pages_of_all_origins_come_in_admission_order(self) -> None:
        frontier = Frontier(
            CrawlScope.from_start_urls([SHOP + "/", self.BLOG + "/"]), max_pages=None, max_depth=None
        )
        urls = [f"{SHOP}/1", f"{self.BLOG}/2", f"{SHOP}/3", f"{self.BLOG}/4"]
        for url in urls:
            frontier.add(url, 0)
        assert [item.url for item in drain(frontier)] == urls


def test_widen_admits_a_new_origin_from_then_on() -> None:
    """A start URL that moved to https:// or www. (scope.same_site_move) widens the crawl."""
    frontier = make()
    moved = "https://www.shop.example"
    assert frontier.add(moved + "/", 0) is AddOutcome.OUT_OF_SCOPE
    frontier.widen(moved)
    assert frontier.add(moved + "/en/", 0) is AddOutcome.QUEUED
    assert frontier.add(moved + "/checkout", 1) is AddOutcome.OUT_OF_SCOPE  # excludes still hold
