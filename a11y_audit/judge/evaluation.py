"""Judge saved artifacts without a browser: raw axe results and our checks -> findings -> issues.

Findings are grouped by root cause across the whole run (a11y_audit.judge.grouping) and each
issue is then triaged (a11y_audit.judge.priority). Pages are read one at a time from the store and
only the groups stay in memory; issues come out most urgent first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import cast

from a11y_audit.artifacts.kinds import TEXT_BACKGROUNDS, gatherers_for
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.artifacts.text_backgrounds import TextBackgrounds
from a11y_audit.check import PageCheck, PageSummary, SiteCheck
from a11y_audit.judge.axe_results import findings_from_axe, superseded_rules
from a11y_audit.judge.coverage import RulesRun
from a11y_audit.judge.dom_templates import with_template_name
from a11y_audit.judge.engine import findings_for_page, site_findings
from a11y_audit.judge.grouping import Group, Grouper
from a11y_audit.judge.page_types import PageType
from a11y_audit.judge.priority import DEFAULT_FLOWS, Flow, PriorityPolicy, Reach
from a11y_audit.judge.registry import Check
from a11y_audit.judge.sampling import SAMPLED_KINDS, final_sample
from a11y_audit.model import Issue, PageRecord

__all__ = ["issues_for_run", "triage_groups"]


def issues_for_run(
    store: ArtifactStore,
    policy: PriorityPolicy,
    start: date,
    checks: Sequence[Check] = (),
    rules_run: RulesRun | None = None,
    sample_size: int | None = None,
    page_types: dict[str, PageType] | None = None,
    template_names: Mapping[str, str] | None = None,
) -> list[Issue]:
    """Issues of every audited page in the store, grouped across pages and triaged.

    `sample_size` is the run's (a11y_audit.judge.sampling.sample_size): for a crawl, artifacts
    of page-changing gatherers count only on each template's final sample, so findings do not
    depend on crawl order; None (a scan) keeps every such artifact.

    Page checks run on each page's saved DOM as it is read; site checks run at the end on
    the small per-page summaries, and their findings join the groups of the pages they name.
    `rules_run`, when given, also records every axe rule that ran (in the same single pass
    over the pages) and the checks, for `tool.rules_run`; `page_types`, when given, receives
    each page's kind and its signals (by requested URL), for results.json; `template_names`
    (a11y_audit.judge.dom_templates.template_names) names the DOM templates issues list.
    """
    page_checks = [check for check in checks if isinstance(check, PageCheck)]
    site_checks = [check for check in checks if isinstance(check, SiteCheck)]
    kinds = gatherers_for(check.meta.requires for check in page_checks)
    superseded = superseded_rules(check.meta.id for check in page_checks)
    sample = final_sample(store.iter_pages(), sample_size) if sample_size is not None else None
    grouper = Grouper()
    summaries: list[PageSummary] = []
    pages: dict[str, tuple[PageRecord, Flow]] = {}
    for record in store.iter_pages():
        if not record.audited:
            continue
        record = with_template_name(record, template_names or {})
        raw = store.read_axe(record)
        backgrounds = cast(TextBackgrounds | None, store.read_json(record, TEXT_BACKGROUNDS))
        findings = [] if raw is None else list(findings_from_axe(raw, record.url, backgrounds, superseded))
        if raw is not None and rules_run is not None:
            rules_run.add_axe(raw)
        dom = store.read_dom(record)
        page_type, summary = PageType(), None
        if dom is not None:
            wanted = [
                kind for kind in kinds if sample is None or record.url in sample or kind not in SAMPLED_KINDS
            ]
            artifacts = {kind: data for kind in wanted if (data := store.read_json(record, kind)) is not None}
            outcome = findings_for_page(record, dom, page_checks, artifacts)
            findings.extend(outcome.findings)
            page_type, summary = outcome.page_type, outcome.summary
            if page_checks or site_checks:
                summaries.append(summary)
        flow = _flow_of(record, policy, page_type)
        if summary is not None:
            pages[summary.url] = (replace(record, links=()), flow)
        if page_types is not None and page_type.kind is not None:
            page_types[record.url] = page_type
        grouper.add_page(record, flow, findings)
    if rules_run is not None and summaries:  # our checks ran only if some page had a saved DOM
        rules_run.add_checks(checks)
    for finding in site_findings(summaries, site_checks):
        # Site checks know pages by the address they ended at; issues by the requested URL.
        record, flow = pages[finding.where.page_url]
        grouper.add_page(record, flow, [replace(finding, where=replace(finding.where, page_url=record.url))])
    return triage_groups(grouper.groups, policy, start)


def _flow_of(record: PageRecord, policy: PriorityPolicy, page_type: PageType) -> Flow:
    """A journey state's flow is its journey's (a filled bag on the checkout journey is checkout,
    whatever its URL says); a crawled page's flow comes from the configured flows, then what
    the page shows, then its URL and template."""
    if record.flow is not None:
        named = next((flow for flow in (*policy.flows, *DEFAULT_FLOWS) if flow.name == record.flow), None)
        if named is not None:
            return named
    return policy.flow_of(record.final_url or record.url, record.template, page_type.kind)


def triage_groups(groups: list[Group], policy: PriorityPolicy, start: date) -> list[Issue]:
    """Triage finished groups into issues, most urgent first (then worst impact, rule)."""
    issues = [_issue(group, policy, start) for group in groups]
    return sorted(
        issues,
        key=lambda issue: (issue.triage.priority.rank, -issue.impact.rank, issue.rule.id),
    )


def _issue(group: Group, policy: PriorityPolicy, start: date) -> Issue:
    templates = tuple(sorted(group.templates))
    reach = Reach(pages=len(group.pages), templates=len(templates))
    return Issue(
        fingerprint=group.fingerprint,
        defect_key=group.defect_key,
        rule=group.rule,
        outcome=group.outcome,
        impact=group.impact,
        instances=tuple(group.instances),
        pages=reach.pages,
        templates=templates,
        triage=policy.triage(group.rule, group.outcome, group.impact, group.flow, reach, start),
        cause=group.cause,
    )
