"""Every rule an audit can run, axe-core's and ours, for `a11y-audit checks`.

axe-core's rule metadata is read by asking the pinned axe-core itself through Node.js (the
same runtime `npm ci` installed it with), so the list always matches the version in use.
Impact is not part of axe's rule metadata: axe decides it per element at run time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass

from a11y_audit.axe_core import AxeCore
from a11y_audit.errors import ToolError
from a11y_audit.judge.registry import Check
from a11y_audit.wcag import criteria_from_axe_tags

__all__ = ["RuleRow", "axe_rules", "our_rules"]

_GET_RULES = (
    "const axe = require(process.argv[1]);"
    "process.stdout.write(JSON.stringify(axe.getRules(JSON.parse(process.argv[2]))));"
)


@dataclass(frozen=True, slots=True)
class RuleRow:
    """One line of the listing."""

    id: str
    source: str
    wcag: tuple[str, ...]
    impact: str
    title: str


def axe_rules(axe_core: AxeCore, tags: tuple[str, ...]) -> list[RuleRow]:
    """axe-core rules enabled by the configured tags, with the WCAG 2.1 A/AA criteria they test."""
    node = shutil.which("node")
    if node is None:
        raise ToolError("Node.js not found: install it (Node 20) to list axe-core's rules")
    result = subprocess.run(
        [node, "-e", _GET_RULES, str(axe_core.path), json.dumps(list(tags))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise ToolError(f"could not read axe-core's rules with Node.js: {first}")
    return [
        RuleRow(
            id=rule["ruleId"],
            source="axe",
            wcag=criteria_from_axe_tags(rule.get("tags") or []),
            impact="varies",
            title=rule.get("help", ""),
        )
        for rule in json.loads(result.stdout)
    ]


def our_rules(checks: tuple[Check, ...]) -> list[RuleRow]:
    """a11y-audit's own checks, as selected."""
    return [
        RuleRow(
            id=check.meta.id,
            source="a11y-audit",
            wcag=check.meta.wcag,
            impact=check.meta.impact.value,
            title=check.meta.title,
        )
        for check in checks
    ]
