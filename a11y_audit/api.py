"""Composition root: `audit()` gathers with the browser, judges, and writes results + report.

The CLI is a thin shell around these functions; tests and other tools can call them too.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from a11y_audit import __version__
from a11y_audit.artifacts import merge as shard_merge
from a11y_audit.artifacts.kinds import TEXT_BACKGROUNDS, gatherers_for
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.axe_core import AxeCore, locate_axe_core
from a11y_audit.browser.crawler import BrowserFacts, Crawler, CrawlOptions, PageSink
from a11y_audit.browser.driver import BrowserSettings, check_local_browser
from a11y_audit.browser.gatherers import GatherSettings
from a11y_audit.browser.journey_runner import JourneyBatch, JourneyOutcome, JourneyRunner, StepListener
from a11y_audit.check import SiteCheck
from a11y_audit.config import JUDGING_SETTINGS, Config, load_config
from a11y_audit.crawl.frontier import AddOutcome, Frontier
from a11y_audit.crawl.http_fetch import FetchResult, fetch
from a11y_audit.crawl.journey_spec import Journey, JourneySettings
from a11y_audit.crawl.pacing import Pacing
from a11y_audit.crawl.robots import RobotsCache
from a11y_audit.crawl.scope import CrawlScope
from a11y_audit.crawl.shards import Shard, ShardDiscovery
from a11y_audit.crawl.sitemap import iter_sitemap_urls
from a11y_audit.crawl.storage_state import StorageState, load_storage_state, save_storage_state
from a11y_audit.crawl.urls import TrailingSlash, origin, parse_start_url
from a11y_audit.errors import ToolError, UsageError
from a11y_audit.gate.baseline import Baseline, load_baseline
from a11y_audit.gate.decision import GatePolicy, GateResult, as_trend, decide
from a11y_audit.gate.retries import gate_with_retries
from a11y_audit.judge.coverage import RulesRun
from a11y_audit.judge.dom_templates import template_names, with_template_name
from a11y_audit.judge.evaluation import issues_for_run
from a11y_audit.judge.page_types import PageType
from a11y_audit.judge.registry import Check, configured_checks
from a11y_audit.judge.rule_list import RuleRow, axe_rules, our_rules
from a11y_audit.judge.sampling import sample_size
from a11y_audit.model import PageRecord
from a11y_audit.reports.crops import report_gatherers
from a11y_audit.reports.formats import RenderInputs, check_options, report_format
from a11y_audit.reports.html import write_html_report
from a11y_audit.reports.output import write_atomic
from a11y_audit.reports.trend import compare
from a11y_audit.run_result import RunInfo, RunResult, RunSummary, Skipped, load_results, write_results

__all__ = [
    "AuditOutcome",
    "audit",
    "evaluate",
    "gate",
    "journey_settings",
    "merge",
    "report",
    "rules",
    "run_journeys",
]

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
    shard: Shard | None = None,
) -> AuditOutcome:
    """Crawl (or, without follow_links, scan exactly the start URLs) and write everything.

    Configured journeys run too, each in its own browser session: the `crawl_as` one before
    the crawl (which then reuses its session and never opens a deny-listed URL), the others
    beside the crawl's workers. A storage-state file ([journeys] storage_state,
    --storage-state) signs the crawl in instead, and is where journeys start unless they opt
    out. `on_warning` hears, as they happen, warnings that also go to results.json.

    With `shard`, this is one part of a crawl split across machines (crawl/shards.py): it
    audits only its own pages and reads the others' for links; only shard 1 runs the
    journeys (the others run just the `crawl_as` one, for its session), and `merge`
    combines the shards' folders into one run.
    """
    warnings = _Warnings(on_warning)
    plan = _plan(config, follow_links=follow_links, resume=resume, warn=warnings.tell, shard=shard)
    store = _open_store(output, resume=resume, shard=shard)
    crawl = _seed(plan, store, warnings, on_frontier)
    tool = _begin(plan.kit, store, warnings, resume=resume, scan=not plan.follow_links, shard=shard)
    journeys = _start_journeys(plan, store, warnings, on_step=on_journey_step, on_page=on_page)
    tool, interrupted = _crawl(plan, store, crawl, journeys, tool, warnings, on_page=on_page)
    return _finish_audit(plan, store, tool, crawl, interrupted=interrupted)


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
    warnings = _Warnings(on_warning)
    needs_state = any(config.journeys.starts_from_storage_state(journey) for journey in journeys)
    storage = _storage_state(config, allowed, journeys, warnings.tell) if needs_state else StorageState()
    kit = _kit(config, _checks(config), storage)
    store = ArtifactStore.open(output, resume=False)
    tool = _begin(kit, store, warnings, resume=False, scan=False)
    runner = _journey_runner(kit, store, on_step=on_step, on_page=None)
    outcomes = [runner.run(journey) for journey in journeys]
    if save_state_to is not None and outcomes[0].failure is None:
        session, _ = outcomes[0].state.for_origins(_origins(allowed, journeys), time.time())
        save_storage_state(session, save_state_to)
    tool = _ran_with(tool, runner.facts or BrowserFacts(), warnings)
    store.write_run_info(tool.to_json())
    return _finish(store, tool, config, kit.checks, Skipped(), interrupted=False), outcomes


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


def rules(config: Config) -> list[RuleRow]:
    """Every rule an audit with this config runs: axe-core's (for its tags), then ours."""
    ours = _checks(config)
    return [*axe_rules(locate_axe_core(config.axe_path), config.axe_tags), *our_rules(ours)]


def journey_settings(config_path: Path) -> JourneySettings:
    """The journeys a config file sets up; none is a UsageError, since there is nothing to list."""
    settings = load_config(config_path).journeys
    if not settings.journeys:
        raise UsageError(
            f"{config_path} configures no journeys: add a [journeys.NAME] table (docs/journeys.md)"
        )
    return settings


def _audit_pages(config: Config, output: Path) -> RunResult:
    return audit(config, output, follow_links=False).result


class _Warnings:
    """The run's warnings, all recorded in results.json; those `tell` hears go to on_warning at
    once too, so the user sees them while the audit runs."""

    def __init__(self, on_warning: Callable[[str], None] | None) -> None:
        self.messages: list[str] = []
        self._on_warning = on_warning

    def tell(self, message: str) -> None:
        self.messages.append(message)
        if self._on_warning is not None:
            self._on_warning(message)


@dataclass(frozen=True, slots=True)
class RunKit:
    """What gathers and judges every page of a run, the crawl's and the journeys' alike."""

    config: Config
    checks: tuple[Check, ...]
    axe_core: AxeCore
    options: CrawlOptions
    """Browser, axe and gathering choices; their `storage` is where journeys start."""


@dataclass(frozen=True, slots=True)
class AuditPlan:
    """What an audit will do, settled from the config before any browser starts or any file is
    written, so a wrong URL, check id, storage-state file or browser costs nothing."""

    kit: RunKit
    start_urls: tuple[str, ...]
    sitemaps: tuple[str, ...]
    scope: CrawlScope
    follow_links: bool
    resume: bool
    shard: Shard | None = None


@dataclass(frozen=True, slots=True)
class _Crawl:
    """The seeded frontier and the robots.txt cache and pacing it obeys (their warnings are
    recorded once the crawl ends); `rejected` says why start URLs were not queued."""

    frontier: Frontier
    robots: RobotsCache
    pacing: Pacing
    rejected: tuple[str, ...] = ()
    discovery: ShardDiscovery | None = None
    """In a split crawl: which pages are this shard's, and the link reading of the others'."""


@dataclass(frozen=True, slots=True)
class _Journeys:
    """The journeys running beside the crawl (None: none configured), and the session the
    crawl starts from: the storage-state file's, or what the `crawl_as` journey signed in."""

    batch: JourneyBatch | None
    storage: StorageState

    def join(self) -> None:
        if self.batch is not None:
            self.batch.join()


def _plan(
    config: Config, *, follow_links: bool, resume: bool, warn: Callable[[str], None], shard: Shard | None
) -> AuditPlan:
    """Everything decided from the config alone, each mistake failing before the next step:
    the URLs, the checks (a bad id or module), the scope, the storage-state file, then axe-core
    and the browser."""
    if shard is not None and not follow_links:
        raise UsageError("a shard is part of a crawl: scan the pages without --shard, or crawl them")
    start_urls = tuple(parse_start_url(url) for url in config.start_urls)
    sitemaps = tuple(parse_start_url(url) for url in config.sitemaps)
    if not start_urls and not sitemaps:
        raise UsageError("no URL to audit: give at least one URL (or --sitemap URL)")
    checks = _checks(config)
    scope = CrawlScope.from_start_urls(
        start_urls + sitemaps,
        extra_origins=config.allowed_origins,
        include=config.include,
        # Signed in, a crawled logout or delete-account link would end the session (or worse).
        exclude=config.exclude + (config.journeys.deny_patterns if config.journeys.signed_in else ()),
    )
    storage = _storage_state(config, scope.allowed_origins, config.journeys.journeys, warn)
    kit = _kit(config, checks, storage)
    return AuditPlan(kit, start_urls, sitemaps, scope, follow_links=follow_links, resume=resume, shard=shard)


def _kit(config: Config, checks: tuple[Check, ...], storage: StorageState) -> RunKit:
    """axe-core located and the local browser checked before anything is written; the crawl
    options every session shares, gathering what the checks and the report's crops need."""
    axe_core = locate_axe_core(config.axe_path)
    browser = _browser_settings(config)
    check_local_browser(browser)
    options = CrawlOptions(
        browser=browser,
        workers=config.workers,
        screenshots=config.screenshots,
        axe_tags=config.axe_tags,
        template_patterns=tuple((name, re.compile(pattern)) for name, pattern in config.templates),
        # The report's element screenshots need the boxes of what axe reported; judging axe's
        # undecided text contrast needs the pixels behind that text.
        gatherers=gatherers_for(
            [*(check.meta.requires for check in checks), report_gatherers(config), (TEXT_BACKGROUNDS,)]
        ),
        gather_settings=GatherSettings(
            timeout=config.gatherer_timeout,
            max_tab_stops=config.max_tab_stops,
            safe_forms=tuple(config.safe_forms),
        ),
        interactive_per_template=config.interactive_pages_per_template,
        storage=storage,
    )
    return RunKit(config, checks, axe_core, options)


def _open_store(output: Path, *, resume: bool, shard: Shard | None) -> ArtifactStore:
    """The run's folder; resuming needs the run.json of the run it continues, as the same
    shard (another shard's pages would be audited twice, or never)."""
    store = ArtifactStore.open(output, resume=resume)
    recorded = store.read_run_info() if resume else {}
    if resume and not recorded:
        raise UsageError(f"nothing to resume in {output}: run the same command without --resume")
    if resume and recorded.get("shard") != (None if shard is None else str(shard)):
        was = f"--shard {recorded['shard']}" if recorded.get("shard") else "no --shard"
        raise UsageError(f"{output} holds a crawl run with {was}: resume it with the same --shard")
    return store


def _seed(
    plan: AuditPlan,
    store: ArtifactStore,
    warnings: _Warnings,
    on_frontier: Callable[[Frontier], None] | None,
) -> _Crawl:
    """The frontier, filled before any browser starts: a resumed run's journal, the start URLs
    (each one refused says why, for the error when nothing could be audited), the sitemaps."""
    crawl = _frontier(plan)
    if on_frontier is not None:
        on_frontier(crawl.frontier)
    if plan.resume:
        _restore(store, crawl.frontier)
    rejected = tuple(
        f"{url} was not visited ({added.name}{_REJECTION_HINTS.get(added, '')})"
        for url in plan.start_urls
        if (added := crawl.frontier.add(url, 0, source=None)) not in (AddOutcome.QUEUED, AddOutcome.DUPLICATE)
    )
    for sitemap in plan.sitemaps:
        for url in iter_sitemap_urls(sitemap, _fetch, plan.scope, warnings=warnings.messages):
            crawl.frontier.add(url, 0, source=sitemap)
    return replace(crawl, rejected=rejected)


def _frontier(plan: AuditPlan) -> _Crawl:
    """An empty frontier in the plan's scope. Only a crawl obeys robots.txt (its Disallow and
    Crawl-delay): a scan opens exactly the pages it was given, at the configured pace."""
    config = plan.kit.config
    robots = RobotsCache(_fetch, USER_AGENT)
    obey_robots = config.respect_robots and plan.follow_links
    pacing = Pacing(
        robots.crawl_delay if obey_robots else None,
        minimum=config.crawl_delay,
        maximum=config.max_crawl_delay,
    )
    frontier = Frontier(
        plan.scope,
        max_pages=config.max_pages,
        max_depth=config.max_depth if plan.follow_links else 0,
        robots=robots.allows if obey_robots else None,
        pace=pacing.interval,
        trailing_slash=TrailingSlash(config.trailing_slash),
    )
    discovery = None if plan.shard is None else ShardDiscovery(plan.shard, _fetch)
    return _Crawl(frontier, robots, pacing, discovery=discovery)


def _begin(
    kit: RunKit,
    store: ArtifactStore,
    warnings: _Warnings,
    *,
    resume: bool,
    scan: bool,
    shard: Shard | None = None,
) -> RunInfo:
    """run.json's first version (versions and settings, whether it is a scan; the browser's
    once known), written before any page is opened so that `--resume` and `evaluate` find the
    run's settings however it ends; a resumed run keeps its start time."""
    started = _now()
    if resume:
        started = store.read_run_info().get("started", started)
    tool = RunInfo(
        version=__version__,
        axe_core_version=kit.axe_core.version,
        axe_tags=tuple(kit.config.axe_tags),
        browser_name="unknown",
        browser_version="unknown",
        started=started,
        config=kit.config.to_json(),
        warnings=tuple(warnings.messages),
        scan=scan,
        shard=None if shard is None else str(shard),
    )
    store.write_run_info(tool.to_json())
    return tool


def _start_journeys(
    plan: AuditPlan,
    store: ArtifactStore,
    warnings: _Warnings,
    *,
    on_step: StepListener | None,
    on_page: PageSink | None,
) -> _Journeys:
    """The configured journeys, started before the crawl: the `crawl_as` one runs to its end
    first, because the crawl starts from the session it signed in; the others then run in the
    background beside the crawl. A resumed run skips the states it already saved. In a split
    crawl only shard 1 runs them: the others need just the `crawl_as` session (the states
    it saves there are left out by `merge`, which takes journey states from shard 1)."""
    config = plan.kit.config
    storage = plan.kit.options.storage
    if not config.journeys.journeys:
        return _Journeys(None, storage)
    runner = _journey_runner(plan.kit, store, on_step=on_step, on_page=on_page)
    batch = JourneyBatch(runner, _done_states(store) if plan.resume else {}, warnings.tell)
    if config.journeys.sign_in_journey is not None:
        # A journey's session is whatever its pages set: third-party cookies are no news.
        storage, _ = batch.sign_in().for_origins(
            _origins(plan.scope.allowed_origins, config.journeys.journeys), time.time()
        )
    if plan.shard is None or plan.shard.index == 1:
        batch.start()
    return _Journeys(batch, storage)


def _crawl(
    plan: AuditPlan,
    store: ArtifactStore,
    crawl: _Crawl,
    journeys: _Journeys,
    tool: RunInfo,
    warnings: _Warnings,
    *,
    on_page: PageSink | None,
) -> tuple[RunInfo, bool]:
    """Crawl to the end, or until Ctrl-C (interrupted: the journal keeps what was audited, for
    --resume); either way wait for the journeys and record in run.json the browser that ran
    and every warning, so the partial run can be judged and reported too. A scan (as `tool`
    records) runs the page-changing gatherers on every page; a crawl samples them."""
    options = replace(
        plan.kit.options,
        follow_links=plan.follow_links,
        storage=journeys.storage,
        interactive_per_template=sample_size(
            plan.kit.config.interactive_pages_per_template, scan=bool(tool.scan)
        ),
    )
    crawler = Crawler(
        crawl.frontier, store, plan.kit.axe_core, options, on_page=on_page, shard=crawl.discovery
    )
    if plan.resume:
        crawler.count_sampled(store.iter_pages())
    interrupted = False
    try:
        crawler.run()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        journeys.join()
        if crawl.discovery is not None:
            store.write_other_shards(crawl.discovery.handed_over)
        warnings.messages.extend([*crawl.robots.warnings, *crawl.pacing.warnings])
        tool = _ran_with(tool, crawler.facts, warnings)
        store.write_run_info(tool.to_json())
    return tool, interrupted


def _ran_with(tool: RunInfo, facts: BrowserFacts, warnings: _Warnings) -> RunInfo:
    """run.json's browser, axe injection and warnings once the browser work is done: the
    crawl's first session, or the first journey's when `journeys run` runs them alone."""
    return replace(
        tool,
        browser_name=facts.browser_name,
        browser_version=facts.browser_version,
        axe_injection="devtools" if facts.axe_preregistered else "per-frame",
        warnings=tuple(warnings.messages),
    )


def _finish_audit(
    plan: AuditPlan, store: ArtifactStore, tool: RunInfo, crawl: _Crawl, *, interrupted: bool
) -> AuditOutcome:
    """Judge and write results and report. A run that audited nothing (and was not stopped)
    fails, naming why the first page could not be audited: an empty report would pass for a
    clean site. A shard may own none of a small site's pages: it fails only when it could
    read none of the other shards' pages either."""
    skipped = crawl.frontier.skipped_summary()
    outcome = _finish(store, tool, plan.kit.config, plan.kit.checks, skipped, interrupted=interrupted)
    others_read = crawl.discovery is not None and crawl.discovery.pages_read > 0
    if outcome.summary.pages_audited == 0 and not interrupted and not others_read:
        first_error = next(
            (page.error or page.skipped for page in outcome.result.pages if not page.audited), None
        )
        reason = first_error or (crawl.rejected[0] if crawl.rejected else "no page was reachable in scope")
        raise ToolError(f"nothing could be audited: {reason}")
    return outcome


def _fetch(url: str) -> FetchResult:
    """robots.txt and sitemaps are fetched as the tool, by name."""
    return fetch(url, user_agent=USER_AGENT)


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
    kit: RunKit, store: ArtifactStore, *, on_step: StepListener | None, on_page: PageSink | None
) -> JourneyRunner:
    """Journeys resolve relative URLs against the first start URL (or sitemap), and start from
    the kit's storage state unless they opt out."""
    config = kit.config
    bases = config.start_urls or config.sitemaps
    return JourneyRunner(
        config.journeys,
        store,
        kit.axe_core,
        kit.options,
        base_url=parse_start_url(bases[0]) if bases else None,
        environ=os.environ,
        on_step=on_step,
        on_page=on_page,
        storage=kit.options.storage,
    )


def _done_states(store: ArtifactStore) -> dict[str, frozenset[str]]:
    """Journey states a resumed run already saved, by journey."""
    done: dict[str, set[str]] = {}
    for record in store.iter_pages():
        if record.journey and record.state:
            done.setdefault(record.journey, set()).add(record.state)
    return {name: frozenset(states) for name, states in done.items()}


def evaluate(output: Path, config_path: Path | None = None) -> AuditOutcome:
    """Re-judge a finished (or interrupted) run from its artifacts, without a browser.

    With `config_path`, that file's judging settings (flows, priority, gate, which checks)
    replace the recorded ones; a check that reads artifacts the crawl did not gather cannot be
    added, and pages keep the templates the crawl recorded (a changed [templates] needs a new crawl).
    """
    store = ArtifactStore.open(output, resume=True)
    run_info = store.read_run_info()
    if not run_info:
        raise UsageError(f"{output} holds no audit artifacts: run `a11y-audit crawl` first")
    tool = RunInfo.from_json(run_info)
    recorded = Config.from_json(dict(tool.config))
    config = recorded if config_path is None else recorded.judged_with(load_config(config_path))
    checks = _checks(config)
    _refuse_unrun_checks(checks, _checks(recorded), config_path)
    if config_path is not None:
        recorded_now = config.to_json()
        judging = {key: recorded_now[key] for key in (*JUDGING_SETTINGS, "source")}
        tool = replace(tool, config={**tool.config, **judging})
    return _finish(store, tool, config, checks, Skipped(), interrupted=bool(tool.interrupted))


def merge(output: Path, shards: Sequence[Path]) -> AuditOutcome:
    """Combine the folders of a split crawl's shards (`crawl --shard I/N`) into one run in
    `output` and judge it as one (site checks and issues across every shard's pages), without
    a browser. Shards of different crawls, versions or settings, or a missing shard, are
    refused before anything is written; the shard folders are only read."""
    runs = shard_merge.read_shards(shards)
    shard_merge.check_shards(runs)
    if any(output.resolve() == run.root.resolve() for run in runs):
        raise UsageError(f"{output} is one of the shards: merge into a new folder with another OUTPUT")
    store = ArtifactStore.open(output, resume=False)
    tool = shard_merge.merged_run_info(runs)
    store.write_run_info(tool.to_json())  # first, so an interrupted merge is still a run folder
    copied = shard_merge.copy_pages(runs, store)
    skipped = [shard_merge.read_skipped(run.root) for run in runs]
    tool = replace(tool, warnings=(*(tool.warnings or ()), *shard_merge.merge_notes(runs, copied, skipped)))
    store.write_run_info(tool.to_json())
    config = Config.from_json(dict(tool.config))
    merged_skipped = shard_merge.merged_skipped(found for found in skipped if found is not None)
    return _finish(store, tool, config, _checks(config), merged_skipped, interrupted=bool(tool.interrupted))


def _refuse_unrun_checks(checks: Sequence[Check], ran: Sequence[Check], config_path: Path | None) -> None:
    """A check that reads what the crawl never gathered would judge nothing: say so instead."""
    gathered = set(gatherers_for(check.meta.requires for check in ran))
    ungathered = sorted(
        check.meta.id for check in checks if not set(gatherers_for([check.meta.requires])) <= gathered
    )
    if ungathered:
        raise UsageError(
            f"{config_path} enables {', '.join(ungathered)}, whose artifacts this crawl did not "
            "gather; crawl again with them, or leave them out of [checks] to re-judge"
        )


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
    """Judge the gathered artifacts and write results.json and report.html: the one ending of
    audit, run_journeys and evaluate, so a run judged again reads exactly as it first did (a
    scan, as run.json records, keeps every page's sampled artifacts)."""
    results_path = store.root / "results.json"
    start = datetime.fromisoformat(tool.started).date()
    rules_run = RulesRun()
    sample = sample_size(config.interactive_pages_per_template, scan=bool(tool.scan))
    page_types: dict[str, PageType] = {}
    names = template_names(store.iter_pages())
    issues = issues_for_run(
        store, config.priority_policy(), start, checks, rules_run, sample, page_types, names
    )
    tool = replace(tool, finished=_now(), interrupted=interrupted, rules_run=rules_run.rules())
    pages = (
        _with_page_type(with_template_name(record, names), page_types.get(record.url))
        for record in store.iter_pages()
    )
    result = write_results(results_path, tool=tool, pages=pages, issues=issues, skipped=skipped)
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


def _with_page_type(record: PageRecord, page_type: PageType | None) -> PageRecord:
    """The page's row with the kind evaluation read from it (results.json says why)."""
    if page_type is None:
        return replace(record, page_type=None, page_type_signals=())
    return replace(record, page_type=page_type.kind, page_type_signals=page_type.signals)


def _checks(config: Config) -> tuple[Check, ...]:
    """Our checks as configured: built-in plus custom, narrowed by --checks/--skip-checks."""
    return configured_checks(config.checks, config.skip_checks, config.custom_checks)


def _browser_settings(config: Config) -> BrowserSettings:
    """The configured browser; paths not configured are the driver module's defaults."""
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
