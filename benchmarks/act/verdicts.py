"""What each tool said on each ACT case, and each rule's classification as W3C makes it.

Pure: it reads a finished `RunResult`, so it is unit-tested without a browser. A case is
*failed by a tool* when the tool reports a failure (not a needs-review) of one of the rule's
WCAG criteria on that page: the definition of W3C's ACT implementation pages, which map a
tool's own procedures to a rule through the criteria they test. "The tool" is axe-core alone
(its rules' findings), our checks alone, or the product (everything a user sees).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from a11y_audit.model import Outcome, Source
from a11y_audit.run_result import RunResult
from benchmarks.act.suite import ActCase, ActRule, Expected, Suite

__all__ = [
    "CaseResult",
    "Consistency",
    "RuleVerdict",
    "Tool",
    "ToolSummary",
    "case_results",
    "classify",
    "summarise",
]


class Tool(StrEnum):
    """Whose findings count."""

    AXE = "axe-core"
    CHECKS = "a11y-audit checks"
    PRODUCT = "a11y-audit"

    def counts(self, source: Source) -> bool:
        return self is Tool.PRODUCT or (source is Source.AXE) == (self is Tool.AXE)


class Consistency(StrEnum):
    """W3C's classification of one implementation of one rule."""

    CONSISTENT = "consistent"
    PARTIAL = "partially consistent"
    INCONSISTENT = "inconsistent"
    UNTESTED = "untested"


@dataclass(frozen=True, slots=True)
class Finding:
    """One procedure's outcome on one page: which rule (axe's or ours) said what, for which
    criteria."""

    source: Source
    procedure: str
    outcome: Outcome
    criteria: frozenset[str]


@dataclass(frozen=True, slots=True)
class CaseResult:
    """What the run says about one case's page: its findings, or why it was not audited."""

    case: ActCase
    findings: tuple[Finding, ...] = ()
    error: str | None = None

    def said(self, tool: Tool, rule: ActRule, outcome: Outcome) -> tuple[str, ...]:
        """The procedures of `tool` that gave `outcome` for one of the rule's criteria here."""
        wanted = set(rule.criteria)
        return tuple(
            sorted(
                {
                    found.procedure
                    for found in self.findings
                    if found.outcome is outcome and tool.counts(found.source) and found.criteria & wanted
                }
            )
        )

    def outcome(self, tool: Tool, rule: ActRule) -> Outcome | None:
        """failed, cantTell or passed for this tool (None: the page could not be audited)."""
        if self.error is not None:
            return None
        if self.said(tool, rule, Outcome.FAILED):
            return Outcome.FAILED
        return Outcome.CANT_TELL if self.said(tool, rule, Outcome.CANT_TELL) else Outcome.PASSED


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    """One tool on one rule: which failed cases it caught, missed, and which others it failed."""

    rule: ActRule
    tool: Tool
    detected: tuple[CaseResult, ...]
    missed: tuple[CaseResult, ...]
    false_failures: tuple[CaseResult, ...]
    cases: int

    @property
    def consistency(self) -> Consistency:
        if self.false_failures:
            return Consistency.INCONSISTENT
        if self.detected and not self.missed:
            return Consistency.CONSISTENT
        return Consistency.PARTIAL if self.detected else Consistency.UNTESTED


@dataclass(frozen=True, slots=True)
class ToolSummary:
    """The figures W3C pages and our issue quote, for one tool over a set of rules."""

    tool: Tool
    rules: int = 0
    by_consistency: Mapping[Consistency, int] = field(default_factory=dict)
    detected: int = 0
    failed_cases: int = 0
    false_failures: int = 0
    other_cases: int = 0
    rules_without_detection: int = 0


def case_results(run: RunResult, suite: Suite, url_of: Mapping[str, str]) -> dict[str, CaseResult]:
    """Per case (by path): the findings on its page. `url_of` maps a case's path to the URL
    audited for it (`Suite.case_urls`)."""
    findings: dict[str, list[Finding]] = defaultdict(list)
    for issue in run.issues:
        if issue.outcome not in (Outcome.FAILED, Outcome.CANT_TELL):
            continue
        found = Finding(issue.rule.source, issue.rule.id, issue.outcome, frozenset(issue.rule.wcag))
        for page_url in {instance.page_url for instance in issue.instances}:
            findings[page_url].append(found)
    results = {}
    for case in suite.cases:
        url = url_of[case.path]
        record = run.page(url)
        error = "not audited" if record is None else (record.error or record.skipped)
        results[case.path] = CaseResult(case, tuple(findings.get(url, ())), error)
    return results


def classify(suite: Suite, results: Mapping[str, CaseResult], tool: Tool) -> list[RuleVerdict]:
    """Every in-scope rule's verdict for this tool, in the suite's order."""
    verdicts = []
    for rule in suite.rules.values():
        cases = [results[case.path] for case in suite.cases_of(rule.id)]
        failing = [result for result in cases if result.case.expected is Expected.FAILED]
        others = [result for result in cases if result.case.expected is not Expected.FAILED]
        verdicts.append(
            RuleVerdict(
                rule,
                tool,
                detected=tuple(r for r in failing if r.outcome(tool, rule) is Outcome.FAILED),
                missed=tuple(r for r in failing if r.outcome(tool, rule) is not Outcome.FAILED),
                false_failures=tuple(r for r in others if r.outcome(tool, rule) is Outcome.FAILED),
                cases=len(cases),
            )
        )
    return verdicts


def summarise(tool: Tool, verdicts: Iterable[RuleVerdict]) -> ToolSummary:
    """Counts over the verdicts' rules."""
    verdicts = list(verdicts)
    counts: dict[Consistency, int] = defaultdict(int)
    for verdict in verdicts:
        counts[verdict.consistency] += 1
    failed_cases = sum(len(v.detected) + len(v.missed) for v in verdicts)
    return ToolSummary(
        tool=tool,
        rules=len(verdicts),
        by_consistency={consistency: counts[consistency] for consistency in Consistency},
        detected=sum(len(v.detected) for v in verdicts),
        failed_cases=failed_cases,
        false_failures=sum(len(v.false_failures) for v in verdicts),
        other_cases=sum(v.cases for v in verdicts) - failed_cases,
        rules_without_detection=sum(1 for v in verdicts if not v.detected),
    )
