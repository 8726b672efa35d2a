"""The order people work through issues in: most urgent first, then the widest reach.

Priority already weighs impact, flow and blockers (a11y_audit.judge.priority); within one
priority the defect on the most pages, then with the most elements, is the one whose fix
helps most people, so it comes first. Impact, rule and fingerprint only break ties, so the
order is the same on every render of the same results.
"""

from __future__ import annotations

from collections.abc import Iterable

from a11y_audit.model import Issue

__all__ = ["most_urgent_first"]


def most_urgent_first(issues: Iterable[Issue]) -> list[Issue]:
    """The issues by priority, then pages, then elements (ties: worst impact, rule, fingerprint)."""
    return sorted(
        issues,
        key=lambda issue: (
            issue.triage.priority.rank,
            -issue.pages,
            -len(issue.instances),
            -issue.impact.rank,
            issue.rule.id,
            issue.fingerprint,
        ),
    )
