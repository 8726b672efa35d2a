"""Crawl with N browser sessions: take a URL from the frontier, gather, save, queue its links.

Each worker thread owns one browser session for the whole crawl (starting Chromium costs
far more than a navigation). A crashed or hung browser is restarted and the page retried
once; after that the page is recorded as an error and the crawl goes on.

A signed-in crawl (a storage-state file, or the session a sign-in journey left) starts every
session from that state, and no cookie or localStorage value of it is saved with a page.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.axe_core import AxeCore
from a11y_audit.browser.axe_runner import DEFAULT_TAGS, AxeRunner
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.driver import BrowserSettings, Session, start_session
from a11y_audit.browser.gatherers import GatherSettings, make_gatherers
from a11y_audit.browser.scripts import script
from a11y_audit.browser.visit import BrowserCrashedError, Gathered, PageVisitor
from a11y_audit.crawl.frontier import Frontier, QueueItem
from a11y_audit.crawl.journey_spec import scrub
from a11y_audit.crawl.scope import same_site_move
from a11y_audit.crawl.shards import ShardDiscovery
from a11y_audit.crawl.storage_state import StorageState
from a11y_audit.crawl.urls import origin
from a11y_audit.errors import ToolError
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.dom_templates import TemplateRegistry, page_shape
from a11y_audit.judge.page_templates import configured_template, template_for
from a11y_audit.judge.page_types import PageType
from a11y_audit.judge.sampling import SAMPLED_KINDS, BottomK
from a11y_audit.model import JsonObject, PageRecord

__all__ = ["BrowserFacts", "CrawlOptions", "Crawler", "PageSink", "scrub_gathered"]

PageSink = Callable[[PageRecord, int], None]
"""Called after each page with its record and its number of axe findings (for progress)."""


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """What the crawler needs beyond the frontier: browsers, axe and artifact choices."""

    browser: BrowserSettings = field(default_factory=BrowserSettings)
    workers: int = 1
    follow_links: bool = True
    screenshots: bool = True
    axe_tags: tuple[str, ...] = DEFAULT_TAGS
    template_patterns: tuple[tuple[str, re.Pattern[str]], ...] = ()
    gatherers: tuple[str, ...] = ()
    """Artifacts to gather besides axe, DOM and screenshot (what the selected checks require)."""
    gather_settings: GatherSettings = field(default_factory=GatherSettings)
    interactive_per_template: int | None = 2
    """Page-changing gatherers judge this many audited pages of each template (0: never;
    None: every page, as a scan does); a11y_audit.judge.sampling says which, and why a few
    more are gathered while crawling."""
    hold_page_requests: bool = False
    """While a gatherer acts on a page, the page's requests that could change server state
    (any method but GET and HEAD) are recorded instead of sent: journeys set it, so checks
    do not change the bag a journey builds; a signed-in crawl (`storage`) always holds them,
    so "Add to bag" pressed by the status-message check never fills the account's bag. An
    anonymous crawl sends them: its cookies are cleared before every page."""
    storage: StorageState = field(default_factory=StorageState)
    """Every session starts from it, and the crawl puts its cookies back before every page
    instead of none: a storage-state file, or the session of [journeys] crawl_as."""


@dataclass(slots=True)
class _PageTemplate:
    """A page's template, decided once per visit (a11y_audit.judge.dom_templates)."""

    name: str
    source: str
    """"configured", "dom" or "url", as PageRecord.template_source."""
    page_type: PageType = field(default_factory=PageType)
    """Read before the DOM is scrubbed of a signed-in crawl's secrets: only its kind (a fixed
    word) is recorded, never its signals."""


@dataclass(slots=True)
class BrowserFacts:
    """Versions to record in results.json, read from the first session (of the crawl, or of
    the journeys when `journeys run` runs them alone)."""

    browser_name: str = "unknown"
    browser_version: str = "unknown"
    axe_preregistered: bool = False


class _Worker:
    """One browser session and its helpers; restarted after a crash."""

    def __init__(self, options: CrawlOptions, axe_core: AxeCore):
        self._options = options
        self._axe_core = axe_core
        self.session: Session | None = None
        self.visitor: PageVisitor | None = None
        self.axe: AxeRunner | None = None
        self.devtools_storage = False
        """Whether the storage state was applied through DevTools when the session started."""

    def start(self) -> None:
        self.session = start_session(self._options.browser)
        self.devtools_storage = _start_from(self.session.driver, self._options.storage)
        if not self.devtools_storage and self._options.storage.origins:
            self.stop(force=True)
            raise ToolError(
                "localStorage from the storage state needs DevTools, which this browser session "
                "does not accept: use local Chromium, or a Grid that forwards DevTools commands"
            )
        self.axe = AxeRunner(self.session.driver, self._axe_core, self._options.axe_tags)
        self.visitor = PageVisitor(
            self.session.driver,
            self.axe,
            page_load_timeout=self._options.browser.page_load_timeout,
            screenshots=self._options.screenshots,
            gatherers=make_gatherers(self._options.gatherers),
            settings=self._options.gather_settings,
            cookies=self._options.storage.cookie_params(),
            hold_unsafe_requests=self._options.hold_page_requests or bool(self._options.storage),
        )

    def facts(self) -> BrowserFacts:
        """The started session's browser and how axe-core reaches its frames."""
        assert self.session is not None and self.axe is not None
        capabilities = self.session.driver.capabilities
        return BrowserFacts(
            browser_name=str(capabilities.get("browserName", "unknown")),
            browser_version=str(capabilities.get("browserVersion", "unknown")),
            axe_preregistered=self.axe.preregistered,
        )

    def stop(self, *, force: bool = False) -> None:
        if self.session:
            self.session.quit(force=force)
        self.session = self.visitor = self.axe = None

    def visit(
        self, url: str, is_allowed: Callable[[str], bool], *, interactive: Callable[[Gathered], bool]
    ) -> Gathered:
        """Visit; after a crash restart the browser and retry once, then report the error."""
        for attempt in (1, 2):
            if self.visitor is None:
                self.start()
            assert self.visitor is not None
            try:
                gathered = self.visitor.visit(url, is_allowed=is_allowed, interactive=interactive)
            except BrowserCrashedError as crash:
                self.stop(force=True)
                if attempt == 2:
                    return Gathered(url=url, error=f"the browser crashed or hung twice on this page: {crash}")
                continue
            if gathered.restart_browser:
                self.stop(force=True)
            return gathered
        raise AssertionError("unreachable")


class Crawler:
    """Runs workers over a frontier and streams every page into the artifact store."""

    def __init__(
        self,
        frontier: Frontier,
        store: ArtifactStore,
        axe_core: AxeCore,
        options: CrawlOptions,
        on_page: PageSink | None = None,
        shard: ShardDiscovery | None = None,
    ):
        self._frontier = frontier
        self._shard = shard
        """In a split crawl (crawl/shards.py): pages of other shards are only read for links."""
        self._store = store
        self._axe_core = axe_core
        self._options = options
        self._on_page = on_page
        self._errors: list[BaseException] = []
        self._lock = threading.Lock()
        self._secrets = options.storage.secrets()
        self._sample = BottomK(options.interactive_per_template)
        """Per template: pages claimed for page-changing gatherers (see _claim_interactive)."""
        self._templates = TemplateRegistry()
        self.facts = BrowserFacts()

    def run(self) -> None:
        """Crawl until the frontier is exhausted; Ctrl-C stops cleanly after in-flight pages."""
        if self._options.gatherers:
            self._frontier.watch(self._note_queued)
        first = _Worker(self._options, self._axe_core)
        first.start()  # fail fast (exit 3) before any thread exists
        self.facts = first.facts()
        workers = [first] + [_Worker(self._options, self._axe_core) for _ in range(self._options.workers - 1)]
        threads = [
            threading.Thread(target=self._work, args=(worker,), name=f"a11y-worker-{index}", daemon=True)
            for index, worker in enumerate(workers)
        ]
        for thread in threads:
            thread.start()
        try:
            for thread in threads:
                while thread.is_alive():
                    thread.join(timeout=0.5)
        except KeyboardInterrupt:
            self._frontier.close()
            for thread in threads:
                thread.join()
            raise
        if self._errors:
            error = self._errors[0]
            raise error if isinstance(error, ToolError) else ToolError(f"crawl failed: {error}")

    def _work(self, worker: _Worker) -> None:
        try:
            while True:
                item = self._frontier.take()
                if item is None:
                    return
                try:
                    self._process(worker, item)
                finally:
                    self._frontier.done(item)
        except BaseException as error:
            with self._lock:
                self._errors.append(error)
            self._frontier.close()
        finally:
            worker.stop()

    def _process(self, worker: _Worker, item: QueueItem) -> None:
        if self._shard is not None and not self._shard.owns(item.url):
            self._discover(item)
            return
        decided: list[_PageTemplate] = []
        claimed = False

        def claim(gathered: Gathered) -> bool:
            """After the DOM is gathered, before any page-changing gatherer runs."""
            nonlocal claimed
            if not decided:  # a retried visit (after a crash) keeps the first decision
                decided.append(self._template_of(item.url, gathered))
            claimed = self._claim_interactive(item.url, decided[0].name)
            return claimed

        gathered = worker.visit(item.url, self._frontier.allows, interactive=claim)
        scrub_gathered(gathered, self._secrets)
        template = decided[0] if decided else self._template_of(item.url, gathered)
        record = self._record(item, gathered, template)
        keep = record.audited
        if not keep and template.source == "dom":  # named only by audited pages: keep its URL's
            record = replace(record, template=template_for(item.url), template_source="url", page_type=None)
        if claimed and not keep:
            self._release_interactive(item.url, template.name)
        saved = self._store.save_page(
            record,
            axe=gathered.axe if keep else None,
            dom=gathered.dom if keep else None,
            screenshot=gathered.screenshot if keep else None,
            gathered=gathered.artifacts if keep else None,
        )
        if self._options.follow_links and saved.audited:
            for link in saved.links:
                self._frontier.add(link, item.depth + 1, source=item.url)
        elif not saved.audited and saved.links:  # redirected within scope: audited at its own address
            self._frontier.add(saved.links[0], item.depth, source=item.url)
        if self._on_page:
            self._on_page(saved, _count_findings(gathered))

    def _template_of(self, url: str, gathered: Gathered) -> _PageTemplate:
        """Configured [templates] first; else the template of the page's DOM structure; the
        URL's shape only for a page without a DOM (it is not audited)."""
        configured = configured_template(url, self._options.template_patterns)
        if configured is not None:
            return _PageTemplate(configured, "configured")
        if gathered.dom is None:
            return _PageTemplate(template_for(url), "url")
        shape, page_type = page_shape(parse_dom(gathered.dom), str(gathered.info.get("url") or url))
        with self._lock:
            return _PageTemplate(self._templates.assign(shape), "dom", page_type)

    def _discover(self, item: QueueItem) -> None:
        """Another shard audits this page: read its links over HTTP and queue them as a visit
        would (a redirect within scope queues its target at the same depth), save nothing.
        A page its owner will not audit (no HTML, moved) leaves the sample of a configured
        template, as it would there (a DOM template is known to its owner only)."""
        assert self._shard is not None
        found = self._shard.discover(item.url)
        in_scope = self._frontier.allows(found.final_url) or self._adopt_move(item, found.final_url)
        moved_to = self._moved_to(item, found.final_url) if in_scope else None
        if moved_to is not None:
            self._frontier.add(moved_to, item.depth, source=item.url)
        elif in_scope:
            for link in found.links:
                self._frontier.add(link, item.depth + 1, source=item.url)
        configured = configured_template(item.url, self._options.template_patterns)
        if (
            configured is not None
            and self._options.gatherers
            and not (found.html and in_scope and moved_to is None)
        ):
            self._release_interactive(item.url, configured)

    def _note_queued(self, url: str) -> None:
        """Frontier watcher: a queued page of a configured template is known to its template's
        sample before its visit (a DOM template is known only once the page is gathered)."""
        configured = configured_template(url, self._options.template_patterns)
        if configured is not None:
            with self._lock:
                self._sample.note(configured, url)

    def count_sampled(self, records: Iterable[PageRecord]) -> None:
        """On resume: pages already audited with page-changing gatherers keep their places, and
        the DOM templates found before get their representatives back from the saved DOMs."""
        for record in records:
            if record.template is None:
                continue
            if SAMPLED_KINDS & set(record.artifacts):
                self._sample.offer(record.template, record.url)
            if record.template_source == "dom" and self._templates.wants(record.template):
                dom = self._store.read_dom(record)
                if dom is not None:
                    shape, _ = page_shape(parse_dom(dom), record.final_url or record.url)
                    self._templates.remember(record.template, shape)

    def _claim_interactive(self, url: str, template: str) -> bool:
        """Whether this page runs the page-changing gatherers (a11y_audit.judge.sampling: the pages
        whose URL hashes lowest in their template, whatever the crawl order).

        A claim is taken before the visit (workers run in parallel) and given back when the
        page could not be audited, so an error page takes no place in its template's sample.
        """
        if not self._options.gatherers:
            return False
        with self._lock:
            return self._sample.offer(template, url)

    def _release_interactive(self, url: str, template: str) -> None:
        with self._lock:
            self._sample.withdraw(template, url)

    def _record(self, item: QueueItem, gathered: Gathered, template: _PageTemplate) -> PageRecord:
        info = gathered.info
        final_url = str(info.get("url") or item.url)
        status = info.get("status") if isinstance(info.get("status"), int) else None
        error = gathered.error
        skipped, adopted = None, False
        if error is None and status is not None and status >= 400:
            error = f"HTTP {status}: the server returned an error page" + (
                f" (linked from {item.source})" if item.source else ""
            )
        elif error is None and not gathered.is_html:
            skipped = f"not an HTML page ({info.get('contentType') or 'unknown type'})"
        elif error is None and not self._frontier.allows(final_url):
            adopted = self._adopt_move(item, final_url)
            if not adopted:
                skipped = f"redirected out of scope to {final_url}" + _scope_hint(final_url)
        links = (
            tuple(str(link) for link in info.get("links") or ()) if error is None and skipped is None else ()
        )
        moved_to = self._moved_to(item, final_url) if error is None and skipped is None else None
        if moved_to is not None:
            same_store = f" (the same store: {origin(moved_to)} is crawled too)" if adopted else ""
            skipped = f"redirected to {moved_to}{same_store}, audited at that address"
            links = (moved_to,)
        return PageRecord(
            url=item.url,
            final_url=final_url,
            status=status,
            title=info.get("title"),
            lang=info.get("lang"),
            content_type=info.get("contentType"),
            template=template.name,
            template_source=template.source,
            page_type=template.page_type.kind,  # names DOM templates; judging adds the signals
            depth=item.depth,
            source=item.source,
            error=error,
            skipped=skipped,
            warnings=tuple(gathered.warnings),
            timings=dict(gathered.timings),
            links=links,
        )

    def _adopt_move(self, item: QueueItem, final_url: str) -> bool:
        """Whether a crawl's start URL moved within the same store (http -> https, www. or
        not: scope.same_site_move); its new origin is then crawled too and the URL it landed
        on is queued like any redirect within scope. A scan audits only what it was given."""
        start = item.source is None and item.depth == 0 and self._options.follow_links
        moved = same_site_move(item.url, final_url) if start else None
        if moved is None:
            return False
        self._frontier.widen(moved)
        return True

    def _moved_to(self, item: QueueItem, final_url: str) -> str | None:
        """Where a crawled page redirected within scope, or None when it stayed.

        The redirect target is the page the visitor saw, so it is queued at the same depth and
        audited under its own address and template: an empty bag's /checkout that lands on
        /cart must not be audited as a checkout page, nor the bag twice. A scan (no link
        following) audits what it was given, wherever that landed.
        """
        if not self._options.follow_links:
            return None
        try:
            key = self._frontier.key(final_url)
        except ValueError:
            return None
        return key if key != item.url else None


def _scope_hint(final_url: str) -> str:
    """The fix for a redirect out of scope: a store that moved to https:// or www. (the
    usual case for a start URL) is crawled by starting there or allowing its origin."""
    try:
        moved = origin(final_url)
    except ValueError:
        return ""
    return f" (start from that address, or add --allow-origin {moved})"


def _start_from(driver: WebDriver, storage: StorageState) -> bool:
    """Put a storage state into a new session before its first navigation; False when the
    session does not accept DevTools commands (and there was something to apply).

    Cookies go in with `Network.setCookies` (every domain at once, no page needed).
    localStorage is seeded by a script registered with `Page.addScriptToEvaluateOnNewDocument`
    (js/seed_local_storage.js) rather than by navigating to each origin and setting it: the
    script runs in every new document of a listed origin before the page's own scripts, so
    it costs no extra navigation (which could redirect, set cookies, hit robots.txt or the
    deny-list), it survives the crawl clearing storage before each page, and an origin whose
    root URL is broken still gets its storage. It seeds once per tab and origin (a
    sessionStorage marker), so a journey keeps what its pages write to localStorage.
    """
    if not storage:
        return True
    if storage.origins:
        seeds = {item.origin: [list(pair) for pair in item.local_storage] for item in storage.origins}
        source = f"({script('seed_local_storage')})({json.dumps(seeds)});"
        if cdp(driver, "Page.addScriptToEvaluateOnNewDocument", {"source": source}) is None:
            return False
    return (
        not storage.cookies
        or cdp(driver, "Network.setCookies", {"cookies": list(storage.cookie_params())}) is not None
    )


def scrub_gathered(gathered: Gathered, secrets: tuple[str, ...]) -> None:
    """Replace every secret in what a visit gathered (URL, page facts, axe results, DOM,
    gatherer artifacts, warnings, error), before anything of it is saved or reported."""
    if not secrets:
        return

    def clean(data: Mapping[str, Any]) -> JsonObject:
        result: JsonObject = json.loads(scrub(json.dumps(data), secrets))
        return result

    gathered.url = scrub(gathered.url, secrets)
    gathered.info = clean(gathered.info)
    gathered.axe = None if gathered.axe is None else clean(gathered.axe)
    gathered.dom = None if gathered.dom is None else scrub(gathered.dom, secrets)
    gathered.artifacts = {name: clean(data) for name, data in gathered.artifacts.items()}
    gathered.error = None if gathered.error is None else scrub(gathered.error, secrets)
    gathered.warnings = [scrub(warning, secrets) for warning in gathered.warnings]


def _count_findings(gathered: Gathered) -> int:
    if not gathered.axe:
        return 0
    return sum(
        len(rule.get("nodes") or [])
        for key in ("violations", "incomplete")
        for rule in gathered.axe.get(key) or []
    )
