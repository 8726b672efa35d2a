"""Judge saved artifacts without a browser: raw axe results -> findings -> issues.

Findings are grouped by root cause across the whole run (a11y_audit.grouping) and each
issue is then triaged (a11y_audit.priority). Pages are read one at a time from the store and
only the groups stay in memory; issues come out most urgent first.
"""

from __future__ import annotations

from datetime import date

from a11y_audit.artifacts import ArtifactStore
from a11y_audit.axe_results import findings_from_axe
from a11y_audit.grouping import Group, Grouper
from a11y_audit.model import Issue
from a11y_audit.priority import PriorityPolicy, Reach

__all__ = ["issues_for_run", "triage_groups"]


def issues_for_run(store: ArtifactStore, policy: PriorityPolicy, start: date) -> list[Issue]:
    """Issues of every audited page in the store, grouped across pages and triaged."""
    grouper = Grouper()
    for record in store.iter_pages():
        if not record.audited:
            continue
        raw = store.read_axe(record)
        if raw is not None:
            flow = policy.flow_of(record.final_url or record.url, record.template)
            grouper.add_page(record, flow, findings_from_axe(raw, record.url))
    return triage_groups(grouper.groups, policy, start)


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
        rule=group.rule,
        outcome=group.outcome,
        impact=group.impact,
        instances=tuple(group.instances),
        pages=reach.pages,
        templates=templates,
        triage=policy.triage(group.rule, group.outcome, group.impact, group.flow, reach, start),
    )
