"""Turn raw axe-core results into findings (pure: no browser, unit-tested on saved JSON)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from a11y_audit.model import Finding, Impact, Instance, JsonObject, Outcome, RuleMeta, Source
from a11y_audit.wcag import criteria_from_axe_tags, level_of

__all__ = ["findings_from_axe", "selector_text"]

_SNIPPET_LIMIT = 600
_FRAME_SEPARATOR = " >>> "
_SHADOW_SEPARATOR = " >> "
_OUTCOMES = (("violations", Outcome.FAILED), ("incomplete", Outcome.CANT_TELL))


def findings_from_axe(raw: JsonObject, page_url: str) -> Iterator[Finding]:
    """One finding per node of every violation (failed) and incomplete result (cantTell)."""
    for key, outcome in _OUTCOMES:
        for rule in raw.get(key) or []:
            yield from _rule_findings(rule, outcome, page_url)


def _rule_findings(rule: JsonObject, outcome: Outcome, page_url: str) -> Iterator[Finding]:
    wcag = criteria_from_axe_tags(rule.get("tags") or [])
    meta = RuleMeta(
        id=str(rule.get("id")),
        source=Source.AXE,
        title=str(rule.get("help") or rule.get("id")),
        description=str(rule.get("description") or ""),
        help_url=str(rule.get("helpUrl") or ""),
        wcag=wcag,
        level=level_of(wcag),
    )
    rule_impact = Impact.parse(rule.get("impact"), Impact.MODERATE)
    for node in rule.get("nodes") or []:
        target = tuple(node.get("target") or ())
        yield Finding(
            rule=meta,
            outcome=outcome,
            impact=Impact.parse(node.get("impact"), rule_impact),
            where=Instance(
                page_url=page_url,
                selector=selector_text(target),
                target=target,
                snippet=_truncate(str(node.get("html") or "")),
                message=_node_message(node),
            ),
        )


def selector_text(target: tuple[Any, ...]) -> str:
    """axe's target as one string: frames joined by ' >>> ', shadow roots by ' >> '."""
    steps = []
    for step in target:
        if isinstance(step, list):
            steps.append(_SHADOW_SEPARATOR.join(str(part) for part in step))
        else:
            steps.append(str(step))
    return _FRAME_SEPARATOR.join(steps)


def _node_message(node: JsonObject) -> str:
    """axe's failure summary, or the messages of its checks when there is none (incomplete)."""
    summary = node.get("failureSummary")
    if summary:
        return str(summary).strip()
    messages = [
        str(check.get("message"))
        for group in ("any", "all", "none")
        for check in node.get(group) or []
        if check.get("message")
    ]
    return "\n".join(dict.fromkeys(messages))


def _truncate(text: str) -> str:
    return text if len(text) <= _SNIPPET_LIMIT else text[: _SNIPPET_LIMIT - 1] + "…"
