"""SARIF 2.1.0 from a run, for code-scanning dashboards and SARIF viewers.

One `result` per issue (the root cause), its message led by the issue's summary line
(a11y_audit.reports.issue_summary: what tells it from other issues of its rule), located at
its pages: `physicalLocation` is the page URL, `logicalLocation` the element's selector, the
location's message the element's HTML. The fingerprint goes into `partialFingerprints`, so
SARIF consumers track an issue across runs the way the gate does. Needs-review items are
`kind: review` (level none, as the spec requires for non-failures); failures are errors (P1,
P2), warnings (P3) or notes (P4). With a baseline, `baselineState` says new, unchanged, or
updated (a known defect whose outcome changed between needs review and failed). A test
validates the output against the official OASIS SARIF 2.1.0 JSON schema.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from a11y_audit.model import Instance, Issue, JsonObject, Outcome, RuleMeta
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.reports.labels import rule_title
from a11y_audit.run_result import RunResult

__all__ = ["SCHEMA_URI", "render_sarif"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {"P1": "error", "P2": "error", "P3": "warning", "P4": "note"}
_LOCATIONS = 10
"""Instances listed per result; the rest are counted in properties.instances."""


def render_sarif(run: RunResult, states: Mapping[str, str] | None = None) -> str:
    """The SARIF log; `states` (fingerprint -> baselineState of the issues a baseline knows,
    a11y_audit.gate.decision.GateResult.baseline_states) adds baselineState to every result."""
    tool = run.tool
    rules: dict[str, int] = {}
    descriptors: list[JsonObject] = []
    for issue in run.issues:
        if issue.rule.id not in rules:
            rules[issue.rule.id] = len(descriptors)
            descriptors.append(_descriptor(issue.rule))
    sarif_run: JsonObject = {
        "tool": {
            "driver": {
                "name": "a11y-audit",
                "version": tool.version,
                "informationUri": "https://www.w3.org/TR/WCAG21/",
                "rules": descriptors,
                "properties": {"axe_core_version": tool.axe_core_version},
            }
        },
        "invocations": [
            {
                "executionSuccessful": not tool.interrupted,
                **({"startTimeUtc": tool.started} if tool.started else {}),
                **({"endTimeUtc": tool.finished} if tool.finished else {}),
            }
        ],
        "results": [_result(issue, rules[issue.rule.id], states) for issue in run.issues],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(rule: RuleMeta) -> JsonObject:
    descriptor: JsonObject = {
        "id": rule.id,
        "shortDescription": {"text": rule_title(rule)},
        "fullDescription": {"text": rule.description or rule_title(rule)},
        "properties": {
            "source": rule.source.value,
            "tags": ["accessibility", *(f"WCAG {sc}" for sc in rule.wcag)]
            if rule.wcag
            else ["accessibility", "best-practice"],
        },
    }
    if rule.help_url:
        descriptor["helpUri"] = rule.help_url
    return descriptor


def _result(issue: Issue, rule_index: int, states: Mapping[str, str] | None) -> JsonObject:
    failed = issue.outcome is Outcome.FAILED
    priority = issue.triage.priority.value
    wcag = ", ".join(issue.rule.wcag) or "best practice"
    result: JsonObject = {
        "ruleId": issue.rule.id,
        "ruleIndex": rule_index,
        "kind": "fail" if failed else "review",
        "level": _LEVELS.get(priority, "warning") if failed else "none",
        "message": {
            "text": f"{priority} {summarise(issue).line()} (WCAG {wcag}; {issue.impact.value}). "
            f"{issue.instances[0].message}"
        },
        "locations": [_location(instance) for instance in issue.instances[:_LOCATIONS]],
        "partialFingerprints": {"a11yAuditIssue/v1": issue.fingerprint},
        "properties": {
            "priority": priority,
            "impact": issue.impact.value,
            "wcag": list(issue.rule.wcag),
            "outcome": issue.outcome.value,
            "templates": list(issue.templates),
            "instances": len(issue.instances),
        },
    }
    if states is not None:
        result["baselineState"] = states.get(issue.fingerprint, "new")
    return result


def _location(instance: Instance) -> JsonObject:
    """The page, the element's selector and its HTML. A SARIF region must give a line or an
    offset, which a rendered DOM does not have, so the HTML goes into the location's message."""
    return {
        "physicalLocation": {"artifactLocation": {"uri": instance.page_url}},
        "logicalLocations": [{"fullyQualifiedName": instance.selector, "kind": "element"}],
        "message": {"text": instance.snippet},
    }
