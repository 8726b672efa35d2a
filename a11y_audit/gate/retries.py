"""The gate with retries: decide, then audit the pages of new blocking issues again, so an
issue that does not come back is flaky, not a failure.

Retrying needs an audit, which needs the browser; the gate stays pure by taking the audit as
a function (`Auditor`) that the composition root (a11y_audit.api) supplies. Issues of site
checks (a title repeated across pages, navigation that differs) need the whole site, so a
partial re-audit cannot disprove them: they are not retried. A page that fails to load on a
retry is a tool failure: it proves nothing either way. An issue on many pages is re-checked
on a few of them (PAGES_PER_ISSUE): one is enough to show it is real.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from pathlib import Path

from a11y_audit.config import Config
from a11y_audit.errors import ToolError
from a11y_audit.gate.baseline import Baseline
from a11y_audit.gate.decision import GateResult, decide, gate_policy
from a11y_audit.model import Issue, Source, journey_of
from a11y_audit.run_result import RunResult

__all__ = ["PAGES_PER_ISSUE", "Auditor", "gate_with_retries", "retry_config_for"]

PAGES_PER_ISSUE = 5
Auditor = Callable[[Config, Path], RunResult]
"""Audits exactly the pages (and journeys) of a narrowed config into a folder."""


def gate_with_retries(
    run: RunResult,
    baseline: Baseline,
    config: Config,
    *,
    audit: Auditor,
    retries_folder: Path,
    site_rules: Collection[str] = (),
    say: Callable[[str], None] = lambda line: None,
    today: date | None = None,
) -> GateResult:
    """The gate's verdict on a run, with up to `config.retries` re-audits of what blocks it.

    `site_rules` are the ids of our site checks (not retried); `say` hears one line per retry.
    """
    result = decide(run, baseline, gate_policy(config), today or date.today())
    if not result.blocking or result.page_problem is not None:
        return result
    for attempt in range(1, config.retries + 1):
        suspects = [issue for issue in result.blocking if not _site_issue(issue, site_rules)]
        if not suspects:
            break
        retry = retry_config_for(config, suspects)
        say(f"Auditing {_what(retry)} with new blocking issues again ({attempt}/{config.retries})")
        rerun = audit(retry, retries_folder / str(attempt))
        broken = next((page for page in rerun.pages if page.error), None)
        if broken is not None:
            raise ToolError(
                f"re-audit of {broken.url} failed ({broken.error}); a page that cannot be audited "
                "is never a pass: fix the page or the network and run again"
            )
        present = {issue.fingerprint for issue in rerun.issues}
        result = result.with_flaky(
            issue.fingerprint for issue in suspects if issue.fingerprint not in present
        )
    return result


def retry_config_for(config: Config, suspects: Sequence[Issue]) -> Config:
    """The audit that re-checks the suspects and nothing else: their crawled pages (a few per
    issue), and the journeys whose states they were found on, run again from the start.

    A journey state's URL (`...#journey=NAME&state=NAME`) cannot be re-visited as a page (an
    empty bag's checkout is only the bag), so its journey runs instead; journeys with no
    suspect stay out, except `crawl_as`, whose session signs the crawled pages in. With
    journeys only, the first start URL is audited too, as their base.
    """
    urls = sorted({url for issue in suspects for url in _sample_pages(issue)})
    pages = tuple(url for url in urls if journey_of(url) is None)
    names = {name for url in urls if (name := journey_of(url)) is not None}
    known = {journey.name for journey in config.journeys.journeys}
    start = pages or tuple(config.start_urls[:1]) or tuple(url.split("#", 1)[0] for url in urls[:1])
    if not names <= known:  # a journey renamed since the run: run them all
        return config.for_pages(start)
    return config.for_pages(start, journeys=names, sign_in=bool(pages))


def _site_issue(issue: Issue, site_rules: Collection[str]) -> bool:
    return issue.rule.source is Source.A11Y_AUDIT and issue.rule.id in site_rules


def _what(retry: Config) -> str:
    journeys = [journey.name for journey in retry.journeys.journeys]
    pages = f"{len(retry.start_urls)} page(s)"
    return pages + (f" and journey(s) {', '.join(journeys)}" if journeys else "")


def _sample_pages(issue: Issue) -> list[str]:
    return sorted({instance.page_url for instance in issue.instances})[:PAGES_PER_ISSUE]
