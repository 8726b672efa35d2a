"""Which audit findings are what the customer met: their words and method against issues.

An issue scores for each kind of evidence: the component they named appears in its rule id,
title, or the element itself (the selector's last step and the snippet's opening tag, not the
page structure around it: "size buttons" -> `<div class="swatch">`, the component's first,
most specific term, scores more); an element that is rather another component the customer
did not name (a `#size-guide` dialog) scores less; its WCAG criteria or
rule belong to the family their method exercises (keyboard -> 2.1.1/2.1.2/2.4.3/2.4.7;
screen reader -> names, roles, labels; zoom -> reflow, resize text, text spacing); it was found
on a page of the flow they named. An issue needs the component, or with no component named the
method, to count as reproduced: a contrast finding does not explain a keyboard complaint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from a11y_audit.intake.understand import COMPONENTS, Understanding, fold
from a11y_audit.model import Issue, Outcome

__all__ = ["FAMILIES", "Match", "match_issues"]

# Per method: WCAG criteria and rule-id fragments of the checks that exercise it.
FAMILIES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "keyboard": (
        frozenset({"2.1.1", "2.1.2", "2.4.1", "2.4.3", "2.4.7", "2.4.11", "3.2.1"}),
        ("keyboard", "focus", "tabindex", "skip", "bypass", "trap", "scrollable-region-focusable"),
    ),
    "switch-access": (
        frozenset({"2.1.1", "2.1.2", "2.4.3", "2.4.7"}),
        ("keyboard", "focus", "tabindex", "trap"),
    ),
    "screen-reader": (
        frozenset(
            {
                "1.1.1",
                "1.3.1",
                "1.3.2",
                "2.4.2",
                "2.4.4",
                "2.4.6",
                "3.1.1",
                "3.3.1",
                "3.3.2",
                "4.1.2",
                "4.1.3",
            }
        ),
        ("name", "label", "aria", "role", "alt", "title", "status", "live", "heading", "landmark"),
    ),
    "zoom": (
        frozenset({"1.4.4", "1.4.10", "1.4.12", "1.3.4"}),
        ("reflow", "resize", "text-spacing", "meta-viewport", "zoom", "orientation"),
    ),
    "voice-control": (
        frozenset({"2.5.3", "4.1.2", "2.1.1"}),
        ("label-in-name", "name", "label"),
    ),
    "high-contrast": (
        frozenset({"1.4.1", "1.4.3", "1.4.11"}),
        ("contrast", "forced-colors", "color"),
    ),
}
_COMPONENT, _PRIMARY, _OTHER_COMPONENT, _METHOD, _FLOW, _FAILED = 4, 1, -3, 2, 1, 1
_OPENING_TAG = re.compile(r"^\s*<([a-zA-Z][\w-]*)[^>]*>")
_ATTRIBUTE_VALUE = re.compile(r"=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True, slots=True)
class Match:
    issue: Issue
    score: int
    why: tuple[str, ...]  # plain words: "it is about the size and colour options", ...


def match_issues(issues: Iterable[Issue], understanding: Understanding) -> list[Match]:
    """The issues that explain the complaint, best first (score, then priority)."""
    matches = []
    for issue in issues:
        found = _score(issue, understanding)
        if found is not None:
            matches.append(found)
    return sorted(matches, key=lambda item: (-item.score, item.issue.triage.priority.value))


def _score(issue: Issue, understanding: Understanding) -> Match | None:
    haystack = _haystack(issue)
    score, why = 0, []
    component = next(
        (item for item in understanding.components if any(_has(haystack, term) for term in item.terms)),
        None,
    )
    if component is not None:
        score += _COMPONENT + (_PRIMARY if _has(haystack, component.terms[0]) else 0)
        why.append(f"it is about {component.label}")
        named = {item.id for item in understanding.components}
        if any(
            other.id not in named and any(_has(haystack, term) for term in other.terms)
            for other in COMPONENTS
        ):
            score += _OTHER_COMPONENT
    method = next((item for item in understanding.methods if _in_family(issue, item.id)), None)
    if method is not None:
        score += _METHOD
        why.append(f"it affects people using {method.label}")
    if understanding.flows and issue.triage.flow in understanding.flows:
        score += _FLOW
        why.append(f"it is on the {issue.triage.flow} pages")
    reproduced = component is not None if understanding.components else method is not None
    if not reproduced:
        return None
    if issue.outcome is Outcome.FAILED:
        score += _FAILED
    return Match(issue, score, tuple(why))


def _in_family(issue: Issue, method: str) -> bool:
    criteria, fragments = FAMILIES.get(method, (frozenset(), ()))
    rule = issue.rule.id.lower()
    return bool(criteria & set(issue.rule.wcag)) or any(part in rule for part in fragments)


def _haystack(issue: Issue) -> str:
    parts = [issue.rule.id, issue.rule.title]
    for instance in issue.instances[:20]:
        parts.append(re.split(r"[\s>]+", instance.selector.strip())[-1])
        opening = _OPENING_TAG.match(instance.snippet)
        if opening:  # the tag name and attribute values: `data-label` is no label
            parts.append(opening.group(1))
            parts.extend("".join(value) for value in _ATTRIBUTE_VALUE.findall(opening.group(0)))
    return _words(" ".join(parts))


def _words(text: str) -> str:
    """' size guide swatch ': folded words between spaces, so terms match whole words only."""
    return f" {' '.join(re.findall(r'[a-z0-9]+', fold(text)))} "


def _has(haystack: str, term: str) -> bool:
    return _words(term) in haystack
