"""Composition root: `audit()` gathers with the browser, judges, and writes results + report.

The CLI is a thin shell around these functions; tests and other tools can call them too.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from a11y_audit import __version__
from a11y_audit.artifacts.kinds import gatherers_for
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.axe_core import AxeCore, locate_axe_core
from a11y_audit.browser.crawler import Crawler, CrawlOptions, PageSink
from a11y_audit.browser.driver import BrowserSettings, check_local_browser
from a11y_audit.browser.gatherers import GatherSettings
from a11y_audit.browser.journey_runner import JourneyBatch, JourneyOutcome, JourneyRunner, StepListener
from a11y_audit.check import SiteCheck
from a11y_audit.config import Config
from a11y_audit.crawl.frontier import AddOutcome, Frontier
from a11y_audit.crawl.http_fetch import fetch
from a11y_audit.crawl.journey_spec import Journey
from a11y_audit.crawl.pacing import Pacing
from a11y_audit.crawl.robots import RobotsCache
from a11y_audit.crawl.scope import CrawlScope
from a11y_audit.crawl.sitemap import iter_sitemap_urls
from a11y_audit.crawl.storage_state import StorageState, load_storage_state, save_storage_state
from a11y_audit.crawl.urls import TrailingSlash, origin, parse_start_url
from a11y_audit.errors import ToolError, UsageError
from a11y_audit.gate.baseline import Baseline, load_baseline
from a11y_audit.gate.decision import GatePolicy, GateResult, as_trend, decide
from a11y_audit.gate.retries import gate_with_retries
from a11y_audit.judge.coverage import RulesRun
from a11y_audit.judge.evaluation import issues_for_run
from a11y_audit.judge.registry import Check, configured_checks
from a11y_audit.reports.crops import report_gatherers
from a11y_audit.reports.formats import RenderInputs, check_options, report_format
from a11y_audit.reports.html import write_html_report
from a11y_audit.reports.output import write_atomic
from a11y_audit.reports.trend import compare
from a11y_audit.run_result import RunInfo, RunResult, RunSummary, Skipped, load_results, write_results

__all__ = ["AuditOutcome", "audit", "evaluate", "gate", "report", "run_journeys"]

USER_AGENT = f"a11y-audit/{__version__}"
_REJECTION_HINTS = {
    AddOutcome.ROBOTS: ": robots.txt disallows it; use --ignore-robots to audit it anyway",
    AddOutcome.NON_HTML: ": it looks like a file, not a page",
    AddOutcome.OUT_OF_SCOPE: ": excluded by --include/--exclude",
}


@dataclass(frozen=True, slots=True)
class AuditOutcome:
    """The run, and where its results and report went: what every later stage starts from."""

    result: RunResult
    results_path: Path
    report_path: Path
    interrupted: bool = False

    @property
    def summary(self) -> RunSummary:
        """The run's counts, for the CLI to print."""
        return self.result.summary


def audit(
    config: Config,
    output: Path,
    *,
    follow_links: bool = True,
    resume: bool = False,
    on_page: PageSink | None = None,
    on_frontier: Callable[[Frontier], None] | None = None,
    on_journey_step: StepListener | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> AuditOutcome:
    """Crawl (or, without follow_links, scan exactly the start URLs) and write everything.

    Configured journeys run too, each in its own browser session: the `crawl_as` one before
    the crawl (which then reuses its session and never opens a deny-listed URL), the others
    beside the crawl's workers. A storage-state file ([journeys] storage_state,
    --storage-state) signs the crawl in instead, and is where journeys start unless they opt
    out. `on_warning` hears, as they happen, warnings that also go to results.json.
    """
    start_urls = [parse_start_url(url) for url in config.start_urls]
    sitemaps = [parse_start_url(url) for url in config.sitemaps]
    if not start_urls and not sitemaps:
        raise UsageError("no URL to audit: give at least one URL (or --sitemap URL)")
    checks = _checks(config)  # a bad check id or module fails here, before any browser starts
    scope = CrawlScope.from_start_urls(
        start_urls + sitemaps,
        extra_origins=config.allowed_origins,
        include=config.include,
        # Signed in, a crawled logout or delete-account link would end the session (or worse).
        exclude=config.exclude + (config.journeys.deny_patterns if config.journeys.signed_in else ()),
    )
    warnings, warn = _warnings(on_warning)
    storage = _storage_state(config, scope.allowed_origins, config.journeys.journeys, warn)
    axe_core = locate_axe_core(config.axe_path)
    browser = _browser_settings(config)
    check_local_browser(browser)
    store = ArtifactStore.open(output, resume=resume)
    if resume and not store.read_run_info():
        raise UsageError(f"nothing to resume in {output}: run the same command without --resume")
    robots = RobotsCache(lambda url: fetch(url, user_agent=USER_AGENT), USER_AGENT)
    obey_robots = config.respect_robots and follow_links
    pacing = Pacing(
        robots.crawl_delay if obey_robots else None,
        minimum=config.crawl_delay,
        maximum=config.max_crawl_delay,
    )
    frontier = Frontier(
        scope,
        max_pages=config.max_pages,
        max_depth=config.max_depth if follow_links else 0,
        robots=robots.allows if obey_robots else None,
        pace=pacing.interval,
        trailing_slash=TrailingSlash(config.trailing_slash),
    )
    if on_frontier is not None:
        on_frontier(frontier)
    if resume:
        _restore(store, frontier)
    rejected = [
        f"{url} was not visited ({added.name}{_REJECTION_HINTS.get(added, '')})"
        for url in start_urls
        if (added := frontier.add(url, 0, source=None)) not in (AddOutcome.QUEUED, AddOutcome.DUPLICATE)
    ]
    for sitemap in sitemaps:
        for url in iter_sitemap_urls(
            sitemap, lambda u: fetch(u, user_agent=USER_AGENT), scope, warnings=warnings
        ):
            frontier.add(url, 0, source=sitemap)
    started = _now()
    tool = _tool_info(
        config, axe_core, store.read_run_info().get("started", started) if resume else started, warnings
    )
    store.write_run_info(tool.to_json())
    options = CrawlOptions(
        browser=browser,
        workers=config.workers,
        follow_links=follow_links,
        screenshots=config.screenshots,
        axe_tags=config.axe_tags,
        template_patterns=tuple((name, re.compile(pattern)) for name, pattern in config.templates),
        # The report's element screenshots need the boxes of what axe reported.
        gatherers=gatherers_for([*(check.meta.requires for check in checks), report_gatherers(config)]),
        gather_settings=GatherSettings(
            timeout=config.gatherer_timeout,
            max_tab_stops=config.max_tab_stops,
            extra={"safe_forms": list(config.safe_forms)},
        ),
        interactive_per_template=config.interactive_pages_per_template,
    )
    journeys: JourneyBatch | None = None
    if config.journeys.journeys:
        runner = _journey_runner(config, store, axe_core, options, on_journey_step, on_page, storage)
        journeys = JourneyBatch(runner, _done_states(store) if resume else {}, warn)
        if config.journeys.sign_in_journey is not None:
            # A journey's session is whatever its pages set: third-party cookies are no news.
            storage, _ = journeys.sign_in().for_origins(
                _origins(scope.allowed_origins, config.journeys.journeys), time.time()
            )
        journeys.start()
    options = replace(options, storage=storage)
    crawler = Crawler(frontier, store, axe_core, options, on_page=on_page)
    if resume:
        crawler.count_sampled(store.iter_pages())
    interrupted = False
    try:
        crawler.run()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if journeys is not None:
            journeys.join()
        warnings.extend([*robots.warnings, *pacing.warnings])
        tool = replace(
            tool,
            browser_name=crawler.facts.browser_name,
            browser_version=crawler.facts.browser_version,
            axe_injection="devtools" if crawler.facts.axe_preregistered else "per-frame",
            warnings=tuple(warnings),
        )
        store.write_run_info(tool.to_json())
    outcome = _finish(store, tool, config, checks, frontier.skipped_summary(), interrupted=interrupted)
    if outcome.summary.pages_audited == 0 and not interrupted:
        first_error = next(
            (page.error or page.skipped for page in store.iter_pages() if not page.audited), None
        )
        reason = first_error or (rejected[0] if rejected else "no page was reachable in scope")
        raise ToolError(f"nothing could be audited: {reason}")
    return outcome


def run_journeys(
    config: Config,
    output: Path,
    names: tuple[str, ...],
    *,
    on_step: StepListener | None = None,
    on_warning: Callable[[str], None] | None = None,
    save_state_to: Path | None = None,
) -> tuple[AuditOutcome, list[JourneyOutcome]]:
    """Run only these journeys (no crawl) and write results and report, for fast feedback.

    With `save_state_to`, the one journey's session at its end (cookies and localStorage
    of the origins the audit may visit) is written there (0600) when it ran to its end.
    """
    journeys = tuple(_journey(config, name) for name in names)
    if save_state_to is not None and len(journeys) != 1:
        raise UsageError("--save-storage-state saves one journey's session: name exactly one journey")
    bases = [parse_start_url(url) for url in (*config.start_urls, *config.allowed_origins)]
    allowed = frozenset(origin(url) for url in bases)
    warnings, warn = _warnings(on_warning)
    needs_state = [journey for journey in journeys if config.journeys.starts_from_storage_state(journey)]
    storage = _storage_state(config, allowed, journeys, warn) if needs_state else StorageState()
    checks = _checks(config)
    axe_core = locate_axe_core(config.axe_path)
    browser = _browser_settings(config)
    check_local_browser(browser)
    store = ArtifactStore.open(output, resume=False)
    tool = _tool_info(config, axe_core, _now(), warnings)
    store.write_run_info(tool.to_json())
    options = CrawlOptions(
        browser=browser,
        screenshots=config.screenshots,
        axe_tags=config.axe_tags,
        gatherers=gatherers_for([*(check.meta.requires for check in checks), report_gatherers(config)]),
        gather_settings=GatherSettings(timeout=config.gatherer_timeout, max_tab_stops=config.max_tab_stops),
    )
    runner = _journey_runner(config, store, axe_core, options, on_step, None, storage)
    outcomes = [runner.run(journey) for journey in journeys]
    if save_state_to is not None and outcomes[0].failure is None:
        session, _ = outcomes[0].state.for_origins(_origins(allowed, journeys), time.time())
        save_storage_state(session, save_state_to)
    tool = replace(tool, warnings=tuple(warnings))
    return _finish(store, tool, config, checks, Skipped(), interrupted=False), outcomes


def gate(
    outcome: AuditOutcome, baseline: Baseline, config: Config, *, say: Callable[[str], None] = print
) -> GateResult:
    """The CI gate on a finished audit: its verdict, with the pages of new blocking issues
    audited again (`[gate] retries`) into `retries/N` beside the results."""
    site_rules = {check.meta.id for check in _checks(config) if isinstance(check, SiteCheck)}
    return gate_with_retries(
        outcome.result,
        baseline,
        config,
        audit=_audit_pages,
        retries_folder=outcome.results_path.parent / "retries",
        site_rules=site_rules,
        say=say,
    )


def _audit_pages(config: Config, output: Path) -> RunResult:
    return audit(config, output, follow_links=False).result


def _warnings(on_warning: Callable[[str], None] | None) -> tuple[list[str], Callable[[str], None]]:
    """The run's warnings (recorded in results.json) and the function that adds one and tells
    on_warning at once, so the user sees it while the audit runs."""
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        if on_warning is not None:
            on_warning(message)

    return warnings, warn


def _origins(allowed: Iterable[str], journeys: Iterable[Journey]) -> frozenset[str]:
    """The origins an audit may visit: its scope's, and those its journeys start on."""
    return frozenset([*allowed, *(origin(j.base_url) for j in journeys if j.base_url)])


def _storage_state(
    config: Config, allowed: Iterable[str], journeys: Iterable[Journey], warn: Callable[[str], None]
) -> StorageState:
    """The configured storage-state file, read before any browser starts (a bad one is a
    UsageError naming it), narrowed to the origins the audit may visit; what is left out is
    one warning line per reason."""
    if config.journeys.storage_state is None:
        return StorageState()
    state, warnings = load_storage_state(Path(config.journeys.storage_state)).for_origins(
        _origins(allowed, journeys), time.time()
    )
    for message in warnings:
        warn(message)
    if not state:
        warn(
            f"storage state {config.journeys.storage_state}: nothing in it applies: the audit runs signed out"
        )
    return state


def _journey(config: Config, name: str) -> Journey:
    try:
        return config.journeys.get(name)
    except KeyError as error:
        raise UsageError(f"{error.args[0]}: check the name, or run `a11y-audit journeys list`") from error


def _journey_runner(
    config: Config,
    store: ArtifactStore,
    axe_core: AxeCore,
    options: CrawlOptions,
    on_step: StepListener | None,
    on_page: PageSink | None,
    storage: StorageState,
) -> JourneyRunner:
    """Journeys resolve relative URLs against the first start URL (or sitemap)."""
    bases = config.start_urls or config.sitemaps
    return JourneyRunner(
        config.journeys,
        store,
        axe_core,
        options,
        base_url=parse_start_url(bases[0]) if bases else None,
        environ=os.environ,
        on_step=on_step,
        on_page=on_page,
        storage=storage,
    )


def _done_states(store: ArtifactStore) -> dict[str, frozenset[str]]:
    """Journey states a resumed run already saved, by journey."""
    done: dict[str, set[str]] = {}
    for record in store.iter_pages():
        if record.journey and record.state:
            done.setdefault(record.journey, set()).add(record.state)
    return {name: frozenset(states) for name, states in done.items()}


def evaluate(output: Path) -> AuditOutcome:
    """Re-judge a finished (or interrupted) run from its artifacts, without a browser."""
    store = ArtifactStore.open(output, resume=True)
    run_info = store.read_run_info()
    if not run_info:
        raise UsageError(f"{output} holds no audit artifacts: run `a11y-audit crawl` first")
    tool = RunInfo.from_json(run_info)
    config = Config.from_json(dict(tool.config))
    return _finish(store, tool, config, _checks(config), Skipped(), interrupted=bool(tool.interrupted))


def report(
    results_path: Path,
    fmt: str,
    output: Path | None = None,
    previous: Path | None = None,
    baseline: Path | None = None,
) -> Path:
    """Re-render saved results as fmt (a11y_audit.reports.formats) without a browser; returns the file.

    `previous` is an earlier run's results.json: the HTML and Markdown then show what is
    new, fixed and still open. CSV and JSON are data, one run each, so they refuse it.
    `baseline` (md, junit, sarif) splits issues against a CI baseline instead: known ones
    are skipped in JUnit and `unchanged` in SARIF; the Markdown summarises new/fixed/open.
    """
    row = report_format(fmt)
    check_options(row, compare=previous is not None, baseline=baseline is not None)
    run = load_results(results_path)
    trend = compare(load_results(previous), run) if previous is not None else None
    states: dict[str, str] | None = None
    if baseline is not None:
        accepted = load_baseline(baseline)
        decision = decide(run, accepted, GatePolicy(), date.today())
        trend, states = as_trend(decision, accepted, run), decision.baseline_states
    output = output or results_path.with_name(row.file_name)
    text = row.render(run, RenderInputs(output, trend, states))
    try:
        return write_atomic(output, text)
    except OSError as error:
        raise ToolError(
            f"cannot write {output}: {error.strerror or error}; choose another with --output"
        ) from error


def _finish(
    store: ArtifactStore,
    tool: RunInfo,
    config: Config,
    checks: tuple[Check, ...],
    skipped: Skipped,
    *,
    interrupted: bool,
) -> AuditOutcome:
    results_path = store.root / "results.json"
    start = datetime.fromisoformat(tool.started).date()
    rules_run = RulesRun()
    issues = issues_for_run(
        store, config.priority_policy(), start, checks, rules_run, config.interactive_pages_per_template
    )
    tool = replace(tool, finished=_now(), interrupted=interrupted, rules_run=rules_run.rules())
    result = write_results(results_path, tool=tool, pages=store.iter_pages(), issues=issues, skipped=skipped)
    report_path = write_html_report(result, store.root / "report.html")
    return AuditOutcome(result, results_path, report_path, interrupted=interrupted)


def _restore(store: ArtifactStore, frontier: Frontier) -> None:
    """Resume: every journaled page is done; links of audited pages go back in the queue, and
    so does where a page redirected within scope (a page not audited keeps only that link)."""
    for record in store.iter_pages():
        frontier.mark_visited(record.url)
    for record in store.iter_pages():
        depth = record.depth + 1 if record.audited else record.depth
        for link in record.links:
            frontier.add(link, depth, source=record.url)


def _tool_info(config: Config, axe_core: AxeCore, started: str, warnings: list[str]) -> RunInfo:
    """run.json's first version: versions and settings; the browser's are filled in once known."""
    return RunInfo(
        version=__version__,
        axe_core_version=axe_core.version,
        axe_tags=tuple(config.axe_tags),
        browser_name="unknown",
        browser_version="unknown",
        started=started,
        config=config.to_json(),
        warnings=tuple(warnings),
    )


def _checks(config: Config) -> tuple[Check, ...]:
    """Our checks as configured: built-in plus custom, narrowed by --checks/--skip-checks."""
    return configured_checks(config.checks, config.skip_checks, config.custom_checks)


def _browser_settings(config: Config) -> BrowserSettings:
    defaults = BrowserSettings()
    return BrowserSettings(
        chromium=config.chromium or defaults.chromium,
        chromedriver=config.chromedriver or defaults.chromedriver,
        remote_url=config.remote_url,
        page_load_timeout=config.page_load_timeout,
        script_timeout=config.script_timeout,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
