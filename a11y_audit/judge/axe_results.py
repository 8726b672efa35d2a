"""Turn raw axe-core results into findings (pure: no browser, unit-tested on saved JSON).

A violation becomes a failure of the WCAG criteria axe tags its rule with, except where a
failure is not certain (`REVIEWED_AXE_RULES`, by rule and by what the node failed): there the
violation is reported as needs review with the reason, as our checks do when a person must
judge. An incomplete result is needs review, except an incomplete color-contrast node whose
background a picture shows (images, gradients, overlaps): with the `text_backgrounds` artifact
a11y_audit.judge.text_contrast decides it from the pixels behind its characters, a failure, a
pass (no finding) or needs review with what was seen.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from a11y_audit.artifacts.text_backgrounds import TextBackground, TextBackgrounds
from a11y_audit.judge.text_contrast import decidable, judge_text
from a11y_audit.model import Finding, Impact, Instance, JsonObject, Outcome, RuleMeta, Source
from a11y_audit.wcag import criteria_from_axe_tags, level_of

__all__ = [
    "REVIEWED_AXE_RULES",
    "SUPERSEDED_AXE_RULES",
    "AxeReview",
    "findings_from_axe",
    "selector_text",
    "superseded_rules",
    "target_key",
]

_SNIPPET_LIMIT = 600
_FRAME_SEPARATOR = " >>> "
_SHADOW_SEPARATOR = " >> "
_OUTCOMES = (("violations", Outcome.FAILED), ("incomplete", Outcome.CANT_TELL))


SUPERSEDED_AXE_RULES: dict[str, str] = {"p-as-heading": "heading-not-marked-up"}
"""axe rules whose elements one of our checks judges too, by check id: when that check runs,
the axe rule's results are left out, so one element is not reported twice. (p-as-heading is
experimental: it runs only when the configured axe tags name "experimental".)"""


def superseded_rules(check_ids: Iterable[str]) -> frozenset[str]:
    """The axe rules that the given checks (by id) judge instead (SUPERSEDED_AXE_RULES)."""
    running = set(check_ids)
    return frozenset(rule for rule, check in SUPERSEDED_AXE_RULES.items() if check in running)


def findings_from_axe(
    raw: JsonObject,
    page_url: str,
    backgrounds: TextBackgrounds | None = None,
    skip_rules: frozenset[str] = frozenset(),
) -> Iterator[Finding]:
    """One finding per node of every violation (failed) and incomplete result (cantTell);
    `backgrounds` (the page's `text_backgrounds` artifact) decides incomplete text contrast;
    rules in `skip_rules` (superseded_rules) give none."""
    measured = {target_key(text["target"]): text for text in (backgrounds or {"texts": []})["texts"]}
    for key, outcome in _OUTCOMES:
        for rule in raw.get(key) or []:
            if rule.get("id") not in skip_rules:
                yield from _rule_findings(rule, outcome, page_url, measured)


def target_key(target: object) -> str:
    """An axe target as text, to match a node with what was gathered about it."""
    return json.dumps(target, separators=(",", ":"), ensure_ascii=False)


def _always(node: JsonObject) -> bool:
    return True


def _text_without_words(node: JsonObject) -> bool:
    """The element's whole text has no letter and no digit (only punctuation, symbols, emoji).

    axe's node html is the element's outerHTML, cut to its opening tag when long: only a
    complete one (ending in a closing tag) shows all the text, so a cut one never qualifies.
    """
    html = str(node.get("html") or "").strip()
    if not html.endswith(">") or "</" not in html[html.find(">") :]:
        return False
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return bool(text.strip()) and not any(unicodedata.category(char)[0] in "LN" for char in text)


class _TextOf(HTMLParser):
    """The text nodes of a markup snippet (script and style included: axe never reports them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _failed_only(*checks: str) -> Callable[[JsonObject], bool]:
    """The node failed only these of the rule's checks (axe lists a violation's failed checks)."""

    def applies(node: JsonObject) -> bool:
        failed = {str(check.get("id")) for group in ("any", "all", "none") for check in node.get(group) or []}
        return bool(failed) and failed <= set(checks)

    return applies


_COMPONENT_STATES = frozenset(
    f"aria-{name}"
    for name in (
        "autocomplete", "checked", "current", "disabled", "expanded", "haspopup", "invalid", "level",
        "modal", "multiline", "multiselectable", "orientation", "pressed", "readonly", "required",
        "selected", "sort", "valuemax", "valuemin", "valuenow", "valuetext",
    )
)  # fmt: skip
"""ARIA attributes that expose a user interface component's state, property or value (4.1.2)."""


def _invalid_component_state(node: JsonObject) -> bool:
    """One of the node's invalid ARIA values ('aria-expanded="yes"', axe's check data) is a
    component's state, property or value."""
    invalid = [str(item) for check in node.get("all") or [] for item in check.get("data") or []]
    return any(item.split("=", 1)[0].strip() in _COMPONENT_STATES for item in invalid)


def _inert(node: JsonObject) -> bool:
    """The element was inert when axe ran (marked by a11y_audit.browser.axe_runner)."""
    return node.get("inert") is True


@dataclass(frozen=True, slots=True)
class AxeReview:
    """An axe rule whose violations are needs review, not failures, where `applies` holds.

    `reason` is told to the reader (and in docs/checks.md): why the violation does not
    certainly fail the WCAG criteria axe tags it with, and what a person should look at.
    """

    reason: str
    applies: Callable[[JsonObject], bool] = _always
    when: str = "every violation"
    """Which violations `applies` takes, in words (docs/checks.md)."""


_ARIA_CONFORMANCE = (
    "WAI-ARIA conformance (ACT rule {act}) does not decide WCAG: its WCAG 1.3.1 and 4.1.2 "
    "mapping is secondary and less strict, because browsers and assistive technologies fall "
    "back on defaults that are often enough. Check that the role, name, state and value a "
    "screen reader announces for this element are right."
)

REVIEWED_AXE_RULES: dict[str, AxeReview] = {
    **{
        rule: AxeReview(
            _ARIA_CONFORMANCE.format(act=act),
            _failed_only(*checks),
            f"nodes whose only failed checks are {', '.join(checks)}",
        )
        for rule, act, checks in (
            ("aria-allowed-attr", "5c01ea", ("aria-allowed-attr", "aria-unsupported-attr")),
            ("aria-conditional-attr", "5c01ea", ("aria-conditional-attr",)),
            ("aria-prohibited-attr", "kb1m8s", ("aria-prohibited-attr",)),
            ("aria-deprecated-role", "674b10", ("deprecatedrole",)),
            ("aria-roles", "674b10", ("invalidrole", "abstractrole", "unsupportedrole")),
            ("aria-required-attr", "4e8ab6", ("aria-required-attr",)),
            ("aria-valid-attr", "5f99a7", ("aria-valid-attr",)),
        )
    },
    # Not its aria-errormessage check (an error message screen readers never read), nor an
    # invalid value of a component's state, property or value (aria-expanded="yes": 4.1.2's
    # "states, properties and values" are then not exposed).
    "aria-valid-attr-value": AxeReview(
        _ARIA_CONFORMANCE.format(act="6a7281"),
        lambda node: _failed_only("aria-valid-attr-value")(node) and not _invalid_component_state(node),
        "invalid values of attributes other than a component's state, property or value "
        "(aria-expanded, aria-checked, aria-valuenow... stay failures); not its aria-errormessage check",
    ),
    "label-content-name-mismatch": AxeReview(
        "axe-core counts punctuation ('Next…'), abbreviations ('Ave.' for 'Avenue') and words "
        "hyphenated differently as mismatches, which ACT rule 2ee8b8's label in name algorithm "
        "does not; our label-not-in-name check decides WCAG 2.5.3 with that algorithm. Check "
        "that the accessible name contains the visible words."
    ),
    "frame-focusable-content": AxeReview(
        "The frame was inert when axe ran (behind an open modal dialog), "
        "so its content is out of the focus order whatever its tabindex (ACT rule akn7bn does not "
        "apply); a tabindex=-1 set while a dialog is open may be undone when it closes. Check that "
        "the frame's content can be reached with Tab once the page is no longer inert.",
        _inert,
        "frames behind an open modal dialog",
    ),
    "color-contrast": AxeReview(
        "The text has no letter or digit (only punctuation, symbols or emoji): WCAG 1.4.3 asks "
        "for contrast of text that expresses something in human language (ACT rule afw4f7), so "
        "check whether it does (then it needs 4.5:1, or 3:1 when large) or is decoration.",
        _text_without_words,
        "text with no letter or digit",
    ),
}
"""axe rules whose violations are not certain WCAG failures, by axe rule id."""


def _rule_findings(
    rule: JsonObject, outcome: Outcome, page_url: str, measured: Mapping[str, TextBackground]
) -> Iterator[Finding]:
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
    review = REVIEWED_AXE_RULES.get(meta.id) if outcome is Outcome.FAILED else None
    for node in rule.get("nodes") or []:
        target = tuple(node.get("target") or ())
        reviewed = review is not None and review.applies(node)
        message = _node_message(node)
        node_outcome = Outcome.CANT_TELL if reviewed else outcome
        text = measured.get(target_key(node.get("target"))) if meta.id == "color-contrast" else None
        if text is not None and outcome is Outcome.CANT_TELL and decidable(node):
            judged = judge_text(text)
            if judged.outcome is Outcome.PASSED:
                continue
            node_outcome = judged.outcome
            message = f"Pixels behind the text: {judged.reason}.\n{message}"
        yield Finding(
            rule=meta,
            outcome=node_outcome,
            impact=Impact.parse(node.get("impact"), rule_impact),
            cause=_contrast_cause(node)
            if meta.id in _CONTRAST_RULES and node_outcome is Outcome.FAILED
            else None,
            where=Instance(
                page_url=page_url,
                selector=selector_text(target),
                target=target,
                snippet=_truncate(str(node.get("html") or "")),
                message=f"Needs review: {review.reason}\n{message}" if review and reviewed else message,
            ),
        )


_CONTRAST_RULES = frozenset({"color-contrast", "color-contrast-enhanced"})


def _contrast_cause(node: JsonObject) -> str | None:
    """'#777777 on #ffffff (4.48:1, needs 4.5:1)' from axe's check data: the colour pair is
    the defect (one CSS value), the required ratio separates large text from body text."""
    for check in node.get("any") or []:
        data = check.get("data") if isinstance(check, dict) else None
        if not isinstance(data, dict) or not data.get("fgColor") or not data.get("bgColor"):
            continue
        needed = data.get("expectedContrastRatio")
        ratio = data.get("contrastRatio")
        return f"{str(data['fgColor']).lower()} on {str(data['bgColor']).lower()} ({ratio}:1, needs {needed})"
    return None


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
