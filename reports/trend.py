"""Compare two runs by issue fingerprint: what is new, fixed and still open.

Fingerprints are stable across runs for the same root cause (a11y_audit.judge.grouping), so an
issue present in both runs is the same issue even if its element count or priority moved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from a11y_audit.model import Issue
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.run_result import RunResult

__all__ = ["PRIORITIES", "Trend", "TrendRow", "compare", "count_by_priority"]

PRIORITIES = ("P1", "P2", "P3", "P4")


@dataclass(frozen=True, slots=True)
class TrendRow:
    """One issue as a trend table lists it: a fixed one is gone, from the earlier run or the
    baseline (whose entries record no page count, hence `pages` None)."""

    fingerprint: str
    priority: str
    title: str
    rule: str
    pages: int | None = None

    @classmethod
    def of(cls, issue: Issue) -> TrendRow:
        """The row of an issue of a run: titled by its summary line's headline, so two fixed
        issues of one rule say which is which (a baseline's entries know only the rule title)."""
        return cls(
            issue.fingerprint,
            issue.triage.priority.value,
            summarise(issue).headline,
            issue.rule.id,
            issue.pages,
        )


@dataclass(frozen=True, slots=True)
class Trend:
    """The issues of the current run split against a previous run, with priority counts."""

    new: list[Issue]
    fixed: list[TrendRow]
    still_open: list[Issue]
    then: dict[str, int]
    now: dict[str, int]
    previous_started: str


def compare(previous: RunResult, current: RunResult) -> Trend:
    """Split issues by fingerprint; `fixed` are the previous run's issues now gone."""
    before = {issue.fingerprint for issue in previous.issues}
    after = {issue.fingerprint for issue in current.issues}
    return Trend(
        new=[issue for issue in current.issues if issue.fingerprint not in before],
        fixed=[TrendRow.of(issue) for issue in previous.issues if issue.fingerprint not in after],
        still_open=[issue for issue in current.issues if issue.fingerprint in before],
        then=count_by_priority(issue.triage.priority.value for issue in previous.issues),
        now=count_by_priority(issue.triage.priority.value for issue in current.issues),
        previous_started=previous.tool.started,
    )


def count_by_priority(priorities: Iterable[str]) -> dict[str, int]:
    """Issues per priority, every priority present (a 0 is news in a "then and now" table)."""
    counts = dict.fromkeys(PRIORITIES, 0)
    for priority in priorities:
        counts[priority] = counts.get(priority, 0) + 1
    return counts
