"""JUnit XML from a run: one test suite per page, one test case per check on it.

CI systems (GitLab, Jenkins, Azure, GitHub test reporters) show JUnit natively, so a failing
check reads like a failing test: the case is named by rule (a stable name: CI systems track a
test's history by it), the failure's message is the most urgent issue's summary line
(a11y_audit.reports.issue_summary: what differs from other issues of the rule) and its text
carries each issue (priority, WCAG, selector, message, HTML). Every rule that ran on the page is a case, so
passes are visible too. A page that could not be audited is an error, never a pass. Known
issues of a baseline are skipped rather than failed: the gate does not block on them.
Page content is untrusted: ElementTree escapes it, and characters XML 1.0 cannot carry are
dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from a11y_audit.model import Issue, Outcome, Source
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.reports.labels import wcag_label
from a11y_audit.reports.urgency import most_urgent_first
from a11y_audit.run_result import RunResult

__all__ = ["render_junit"]

_NOT_XML = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_junit(run: RunResult, known: frozenset[str] = frozenset()) -> str:
    """The XML document; `known` are fingerprints the baseline accepts."""
    found: dict[str, dict[str, list[Issue]]] = defaultdict(lambda: defaultdict(list))
    for issue in run.issues:
        for page_url in dict.fromkeys(instance.page_url for instance in issue.instances):
            found[page_url][_rule_name(issue.rule.source, issue.rule.id)].append(issue)
    rules = [_rule_name(rule.source, rule.id) for rule in run.tool.rules_run or ()]
    # Once per issue: a site-wide issue is in a case on every page.
    lines = {issue.fingerprint: summarise(issue).line() for issue in run.issues}
    root = ET.Element("testsuites", name="a11y-audit WCAG 2.1 AA")
    for page in run.pages:
        if page.skipped:
            continue
        suite = ET.SubElement(root, "testsuite", name=_text(page.url))
        if page.error:
            case = ET.SubElement(suite, "testcase", classname=_text(page.url), name="page audited")
            ET.SubElement(case, "error", message=_text(page.error), type="page-error")
        else:
            on_page = found.get(page.url, {})
            for rule in dict.fromkeys([*rules, *sorted(on_page)]):
                _case(suite, (page.url, rule), on_page.get(rule, []), known, lines)
        _count(suite)
    _count(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _rule_name(source: Source, rule_id: str) -> str:
    """A test case's name: the rule, qualified by who judged it."""
    return f"{source.value}:{rule_id}"


def _case(
    suite: ET.Element,
    where: tuple[str, str],
    issues: list[Issue],
    known: frozenset[str],
    lines: dict[str, str],
) -> None:
    """The case of one rule on one page (`where`); `lines` are the issues' summary lines."""
    page_url, rule = where
    case = ET.SubElement(suite, "testcase", classname=_text(page_url), name=rule)
    failing = [issue for issue in issues if issue.outcome is Outcome.FAILED]
    review = [issue for issue in issues if issue.outcome is not Outcome.FAILED]
    open_failures = most_urgent_first(issue for issue in failing if issue.fingerprint not in known)
    if open_failures:
        worst = open_failures[0]
        priority = worst.triage.priority.value
        others = len(open_failures) - 1
        more = f" (and {others} more issue{'s' if others != 1 else ''} of this rule here)" if others else ""
        failure = ET.SubElement(
            case,
            "failure",
            message=_text(f"{priority} {lines[worst.fingerprint]}{more}"),
            type=f"{priority} {worst.impact.value}",
        )
        failure.text = "\n\n".join(_issue_text(issue, page_url, lines) for issue in open_failures)
    elif failing:
        ET.SubElement(case, "skipped", message="known issue, accepted in the baseline")
    if review:
        out = ET.SubElement(case, "system-out")
        out.text = "Needs review:\n" + "\n\n".join(_issue_text(issue, page_url, lines) for issue in review)


def _issue_text(issue: Issue, page_url: str, summaries: dict[str, str]) -> str:
    judged = f"[{issue.outcome.value}, {issue.impact.value}]"
    lines = [
        f"{issue.triage.priority.value} {summaries[issue.fingerprint]} {judged}",
        f"WCAG {wcag_label(issue.rule)}; fingerprint {issue.fingerprint}; {issue.rule.help_url}",
    ]
    for instance in issue.instances:
        if instance.page_url == page_url:
            lines += [
                f"- {instance.selector}",
                f"  {instance.message}",
                f"  {instance.snippet}",
            ]
    return _text("\n".join(lines))


def _count(element: ET.Element) -> None:
    """tests/failures/errors/skipped attributes, which JUnit readers expect on every level."""
    cases = element.iter("testcase")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for case in cases:
        totals["tests"] += 1
        totals["failures"] += case.find("failure") is not None
        totals["errors"] += case.find("error") is not None
        totals["skipped"] += case.find("skipped") is not None
    for key, value in totals.items():
        element.set(key, str(value))


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)
