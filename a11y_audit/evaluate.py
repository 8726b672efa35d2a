"""Judge saved artifacts without a browser: raw axe results -> findings -> issues.

For now an issue is one rule with one outcome on one page; grouping across pages by root
cause comes with the prioritisation stage. Pages are read one at a time from the store,
so memory stays flat however large the crawl.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from a11y_audit.artifacts import ArtifactStore
from a11y_audit.axe_results import findings_from_axe
from a11y_audit.model import Finding, Issue, PageRecord, fingerprint

__all__ = ["issues_for_page", "iter_issues"]


def iter_issues(store: ArtifactStore) -> Iterator[Issue]:
    """Issues of every audited page in the store, page by page."""
    for record in store.iter_pages():
        if not record.audited:
            continue
        raw = store.read_axe(record)
        if raw is not None:
            yield from issues_for_page(record, findings_from_axe(raw, record.url))


def issues_for_page(record: PageRecord, findings: Iterable[Finding]) -> list[Issue]:
    """Group one page's findings by (source, rule, outcome), keeping first-seen order."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        key = (finding.rule.source.value, finding.rule.id, finding.outcome.value)
        groups.setdefault(key, []).append(finding)
    return [_issue(record, key, members) for key, members in groups.items()]


def _issue(record: PageRecord, key: tuple[str, str, str], members: list[Finding]) -> Issue:
    first = members[0]
    return Issue(
        fingerprint=fingerprint(*key, record.url),
        rule=first.rule,
        outcome=first.outcome,
        impact=max((member.impact for member in members), key=lambda impact: impact.rank),
        instances=tuple(member.where for member in members),
    )
