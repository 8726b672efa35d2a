"""Which WCAG 2.1 A/AA criteria a run tested, and the conformance table the reports show.

A criterion with no issue is not a pass: automated rules see only part of what a criterion
asks. So the table says "no automated failures" only where a rule that tests the criterion
actually ran, and "not automatically testable" where none did; it never says "passes".

Which rules ran is recorded in results.json as `tool.rules_run` (since 1.2.0), built while
the artifacts are judged: axe-core reports every rule it ran (violations, incomplete, passes,
inapplicable) and its WCAG tags; our checks ran when they were configured and a page's
saved DOM was judged. The rule -> WCAG mapping comes from the run itself, so it always
matches the axe-core version that ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from a11y_audit.judge.registry import Check
from a11y_audit.model import Outcome, Source
from a11y_audit.run_result import RuleRun, RunResult
from a11y_audit.wcag import Criterion, criteria, criteria_from_axe_tags

__all__ = ["FAILURES", "MANUAL", "NO_FAILURES", "REVIEW", "UNRECORDED", "RulesRun", "SCStatus", "conformance"]

_AXE_LISTS = ("violations", "incomplete", "passes", "inapplicable")


class RulesRun:
    """Collects the rules that ran over a whole run, with the criteria each tests."""

    def __init__(self) -> None:
        self._rules: dict[tuple[str, str], tuple[str, ...]] = {}

    def add_axe(self, raw: Mapping[str, Any]) -> None:
        """Record the rules in one page's raw axe results.

        Passed and inapplicable rules may be saved as bare ids (artifacts before their tags
        were kept); such a rule's criteria come from another page where it carried tags, or
        stay empty, which under-claims coverage rather than over-claiming it.
        """
        for key in _AXE_LISTS:
            for rule in raw.get(key) or []:
                rule_id, tags = (rule, None) if isinstance(rule, str) else (rule.get("id"), rule.get("tags"))
                if not rule_id:
                    continue
                known = self._rules.get(("axe", rule_id), ())
                self._rules[("axe", rule_id)] = known or criteria_from_axe_tags(tags or [])

    def add_checks(self, checks: Iterable[Check]) -> None:
        """Record our checks that ran (the configured ones, once a page's DOM was judged)."""
        for check in checks:
            self._rules[("a11y-audit", check.meta.id)] = tuple(check.meta.wcag)

    def rules(self) -> tuple[RuleRun, ...]:
        """`tool.rules_run`: every rule with its criteria, sorted by source then id."""
        return tuple(
            RuleRun(rule_id, Source(source), tuple(wcag))
            for (source, rule_id), wcag in sorted(self._rules.items())
        )


@dataclass(frozen=True, slots=True)
class SCStatus:
    """One row of the conformance table."""

    criterion: Criterion
    status: str
    issues: int


FAILURES = "failures found"
REVIEW = "needs review"
NO_FAILURES = "no automated failures"
MANUAL = "not automatically testable — manual review required"
UNRECORDED = "not recorded — manual review required"


def conformance(run: RunResult) -> list[SCStatus]:
    """Every WCAG 2.1 A/AA criterion with its status in this run, in criterion order.

    Results written before `tool.rules_run` existed cannot tell tested from untestable, so
    criteria without issues are then "not recorded" instead of either.
    """
    failed: dict[str, int] = {}
    review: dict[str, int] = {}
    for issue in run.issues:
        counts = failed if issue.outcome is Outcome.FAILED else review
        for sc in issue.rule.wcag:
            counts[sc] = counts.get(sc, 0) + 1
    rules_run = run.tool.rules_run
    tested = {sc for rule in rules_run or () for sc in rule.wcag}
    rows = []
    for sc, criterion in criteria().items():
        if sc in failed:
            status, count = FAILURES, failed[sc] + review.get(sc, 0)
        elif sc in review:
            status, count = REVIEW, review[sc]
        elif rules_run is None:
            status, count = UNRECORDED, 0
        else:
            status, count = (NO_FAILURES if sc in tested else MANUAL), 0
        rows.append(SCStatus(criterion, status, count))
    return rows
