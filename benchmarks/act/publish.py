"""docs/act.md and the EARL implementation report, from the verdicts. Pure text building.

The EARL file follows the shape W3C's ACT implementation pages consume (the act-rules
"act-tools" importer): JSON-LD with the act-rules EARL context, one `earl:Assertion` per case
and procedure, whose subject's `source` is the case's published URL, whose test names the
procedure (an axe-core rule or one of our checks) with the WCAG criteria it is part of, and
whose result's outcome is `earl:failed`, `earl:cantTell` or `earl:passed`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from a11y_audit.model import Outcome, Source
from benchmarks.act.rule_notes import RULE_NOTES
from benchmarks.act.suite import Suite
from benchmarks.act.verdicts import CaseResult, Consistency, RuleVerdict, Tool, ToolSummary

__all__ = ["act_markdown", "earl_report"]

EARL_CONTEXT = "https://act-rules.github.io/earl-context.json"
ASSERTOR = "_:a11y-audit"
_WCAG_PREFIX = "WCAG21:"


def earl_report(
    suite: Suite, results: Mapping[str, CaseResult], *, version: str, axe_version: str, date: str
) -> dict[str, Any]:
    """The implementation report of the product: every case, every procedure that maps to one
    of its rule's criteria (failed, cantTell; passed when a procedure said nothing there)."""
    assertor_node = {
        "@id": ASSERTOR,
        "@type": "earl:Software",
        "name": "a11y-audit",
        "version": version,
        "description": f"a11y-audit {version} with axe-core {axe_version}, headless Chromium",
    }
    # Assertions name the assertor by @id: repeating the node in each of ~1,600 of them tripled the file.
    assertor = {"@id": ASSERTOR}
    graph: list[dict[str, Any]] = [assertor_node]
    for case in suite.cases:
        result = results[case.path]
        rule = suite.rules[case.rule]
        assertions = [
            {
                "@type": "Assertion",
                "mode": "earl:automatic",
                "assertedBy": assertor,
                "test": {"@type": "TestCase", "title": procedure, "isPartOf": _criteria(criteria)},
                "result": {"@type": "TestResult", "outcome": f"earl:{outcome}", "date": date},
            }
            for procedure, criteria, outcome in _procedure_outcomes(result, set(rule.criteria))
        ]
        if result.error is not None:
            assertions = [_untested(assertor, rule.criteria, result.error, date)]
        graph.append({"@type": "TestSubject", "source": case.w3c_url, "assertions": assertions})
    return {"@context": EARL_CONTEXT, "@graph": graph}


def _procedure_outcomes(result: CaseResult, wanted: set[str]) -> list[tuple[str, frozenset[str], str]]:
    """Per procedure that spoke on this page about these criteria: its worst outcome."""
    worst: dict[str, tuple[frozenset[str], str]] = {}
    for found in result.findings:
        if not found.criteria & wanted:
            continue
        previous = worst.get(found.procedure)
        if previous is None or previous[1] != Outcome.FAILED.value:
            worst[found.procedure] = (found.criteria, found.outcome.value)
    rows = [(procedure, criteria, outcome) for procedure, (criteria, outcome) in sorted(worst.items())]
    return rows or [("a11y-audit", frozenset(wanted), Outcome.PASSED.value)]


def _untested(assertor: Mapping[str, Any], criteria: Sequence[str], why: str, date: str) -> dict[str, Any]:
    return {
        "@type": "Assertion",
        "mode": "earl:automatic",
        "assertedBy": assertor,
        "test": {"@type": "TestCase", "title": "a11y-audit", "isPartOf": _criteria(frozenset(criteria))},
        "result": {"@type": "TestResult", "outcome": "earl:untested", "description": why, "date": date},
    }


def _criteria(criteria: frozenset[str]) -> list[str]:
    return [f"{_WCAG_PREFIX}{criterion}" for criterion in sorted(criteria)]


def act_markdown(
    suite: Suite,
    verdicts: Mapping[Tool, Sequence[RuleVerdict]],
    summaries: Sequence[ToolSummary],
    *,
    header: str,
    known: Mapping[str, str] | None = None,
) -> str:
    """docs/act.md: the figures per tool, the per-rule table, then each rule's misses and false
    failures by case, so a regression points at the page to open. `known` (case path -> why)
    notes the false failures whose page truly fails the criterion under another rule."""
    lines = [header, "", "## Summary", "", *_summary_table(summaries), "", "## Per rule", ""]
    lines += [
        "| rule | criteria | cases | axe-core | our checks | a11y-audit | failed cases caught |",
        "|---|---|---|---|---|---|---|",
    ]
    product = {verdict.rule.id: verdict for verdict in verdicts[Tool.PRODUCT]}
    for tool_rows in zip(*(verdicts[tool] for tool in Tool), strict=True):
        rule = tool_rows[0].rule
        cells = " | ".join(_badge(row.consistency) for row in tool_rows)
        caught = product[rule.id]
        lines.append(
            f"| [{rule.id}]({rule.page}) {rule.name} | {', '.join(rule.criteria)} | {tool_rows[0].cases} "
            f"| {cells} | {len(caught.detected)}/{len(caught.detected) + len(caught.missed)} |"
        )
    lines += ["", "## Rules left to a person, and why", ""]
    lines += [
        f"- [{rule_id}]({suite.rules[rule_id].page}) {suite.rules[rule_id].name}: {note}"
        for rule_id, note in RULE_NOTES.items()
        if rule_id in suite.rules
    ]
    lines += ["", "## Case by case (a11y-audit)", ""]
    for verdict in verdicts[Tool.PRODUCT]:
        lines += _case_lines(verdict, known or {})
    return "\n".join(lines).rstrip() + "\n"


def _consistent(summary: ToolSummary) -> str:
    return f"{summary.by_consistency.get(Consistency.CONSISTENT, 0)} / {summary.rules}"


_MEASURES: tuple[tuple[str, Callable[[ToolSummary], str]], ...] = (
    ("rules consistent", _consistent),
    ("rules partially consistent", lambda s: str(s.by_consistency.get(Consistency.PARTIAL, 0))),
    ("rules inconsistent", lambda s: str(s.by_consistency.get(Consistency.INCONSISTENT, 0))),
    ("failed cases detected", lambda s: f"{s.detected} / {s.failed_cases}"),
    ("false failures on passed + inapplicable cases", lambda s: f"{s.false_failures} / {s.other_cases}"),
    ("rules with no failed case detected", lambda s: str(s.rules_without_detection)),
)
"""The figures of the issue's table, in its order."""


def _summary_table(summaries: Sequence[ToolSummary]) -> list[str]:
    rows = [
        "| measure | " + " | ".join(summary.tool.value for summary in summaries) + " |",
        "|---|" + "---|" * len(summaries),
    ]
    for label, value in _MEASURES:
        rows.append(f"| {label} | " + " | ".join(value(summary) for summary in summaries) + " |")
    return rows


def _badge(consistency: Consistency) -> str:
    return {
        Consistency.CONSISTENT: "consistent",
        Consistency.PARTIAL: "partial",
        Consistency.INCONSISTENT: "**inconsistent**",
        Consistency.UNTESTED: "-",
    }[consistency]


def _case_lines(verdict: RuleVerdict, known: Mapping[str, str]) -> list[str]:
    if not verdict.missed and not verdict.false_failures:
        return []
    lines = [f"### {verdict.rule.id} {verdict.rule.name} ({verdict.consistency})", ""]
    for result in verdict.false_failures:
        who = ", ".join(
            f"{procedure} ({_source(result, procedure)})"
            for procedure in result.said(Tool.PRODUCT, verdict.rule, Outcome.FAILED)
        )
        note = f"; the page {known[result.case.path]}" if result.case.path in known else ""
        case = f"[{result.case.title}]({result.case.w3c_url}) ({result.case.expected})"
        lines.append(f"- false failure: {case} by {who}{note}")
    for result in verdict.missed:
        said = result.outcome(Tool.PRODUCT, verdict.rule)
        why = result.error if said is None else ("needs review" if said is Outcome.CANT_TELL else "not found")
        lines.append(f"- missed: [{result.case.title}]({result.case.w3c_url}): {why}")
    return [*lines, ""]


def _source(result: CaseResult, procedure: str) -> str:
    sources = {found.source for found in result.findings if found.procedure == procedure}
    return "axe-core" if sources == {Source.AXE} else "ours"
