"""SARIF 2.1.0 from results.json, for code-scanning dashboards and SARIF viewers.

One `result` per issue (the root cause), located at its pages: `physicalLocation` is the page
URL, `logicalLocation` the element's selector, the location's message the element's HTML. The
fingerprint goes into `partialFingerprints`, so SARIF consumers track an issue across runs the
way the gate does. Needs-review items are `kind: review` (level none, as the spec requires for
non-failures); failures are errors (P1, P2), warnings (P3) or notes (P4). With a baseline,
`baselineState` says new, unchanged, or updated (a known defect whose outcome changed between
needs review and failed). A test validates the output against the official
OASIS SARIF 2.1.0 JSON schema.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["SCHEMA_URI", "render_sarif"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVELS = {"P1": "error", "P2": "error", "P3": "warning", "P4": "note"}
_LOCATIONS = 10
"""Instances listed per result; the rest are counted in properties.instances."""


def render_sarif(results: dict[str, Any], states: Mapping[str, str] | None = None) -> str:
    """The SARIF log; `states` (fingerprint -> baselineState of the issues a baseline knows,
    a11y_audit.gate.decision.GateResult.baseline_states) adds baselineState to every result."""
    tool = results["tool"]
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    for issue in results["issues"]:
        if issue["rule"] not in rules:
            rules[issue["rule"]] = len(descriptors)
            descriptors.append(_descriptor(issue))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "a11y-audit",
                "version": str(tool.get("version", "")),
                "informationUri": "https://www.w3.org/TR/WCAG21/",
                "rules": descriptors,
                "properties": {"axe_core_version": str(tool.get("axe_core_version", ""))},
            }
        },
        "invocations": [
            {
                "executionSuccessful": not tool.get("interrupted", False),
                **({"startTimeUtc": tool["started"]} if tool.get("started") else {}),
                **({"endTimeUtc": tool["finished"]} if tool.get("finished") else {}),
            }
        ],
        "results": [_result(issue, rules[issue["rule"]], states) for issue in results["issues"]],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptor(issue: dict[str, Any]) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": issue["rule"],
        "shortDescription": {"text": str(issue.get("title") or issue["rule"])},
        "fullDescription": {"text": str(issue.get("description") or issue.get("title") or issue["rule"])},
        "properties": {
            "source": issue["source"],
            "tags": ["accessibility", *(f"WCAG {sc}" for sc in issue["wcag"])]
            if issue["wcag"]
            else ["accessibility", "best-practice"],
        },
    }
    if issue.get("help_url"):
        descriptor["helpUri"] = issue["help_url"]
    return descriptor


def _result(issue: dict[str, Any], rule_index: int, states: Mapping[str, str] | None) -> dict[str, Any]:
    failed = issue["outcome"] == "failed"
    wcag = ", ".join(issue["wcag"]) or "best practice"
    result: dict[str, Any] = {
        "ruleId": issue["rule"],
        "ruleIndex": rule_index,
        "kind": "fail" if failed else "review",
        "level": _LEVELS.get(issue["priority"], "warning") if failed else "none",
        "message": {
            "text": f"{issue['priority']} {issue.get('title') or issue['rule']} (WCAG {wcag}; "
            f"{issue['impact']}; on {issue.get('pages', 1)} page(s)). {issue['instances'][0]['message']}"
        },
        "locations": [_location(instance) for instance in issue["instances"][:_LOCATIONS]],
        "partialFingerprints": {"a11yAuditIssue/v1": issue["fingerprint"]},
        "properties": {
            "priority": issue["priority"],
            "impact": issue["impact"],
            "wcag": list(issue["wcag"]),
            "outcome": issue["outcome"],
            "templates": list(issue.get("templates", [])),
            "instances": len(issue["instances"]),
        },
    }
    if states is not None:
        result["baselineState"] = states.get(issue["fingerprint"], "new")
    return result


def _location(instance: dict[str, Any]) -> dict[str, Any]:
    """The page, the element's selector and its HTML. A SARIF region must give a line or an
    offset, which a rendered DOM does not have, so the HTML goes into the location's message."""
    return {
        "physicalLocation": {"artifactLocation": {"uri": instance["page_url"]}},
        "logicalLocations": [{"fullyQualifiedName": instance["selector"], "kind": "element"}],
        "message": {"text": instance["snippet"]},
    }
