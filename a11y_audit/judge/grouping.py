"""Group findings by root cause: one defect in a shared component is one issue, not 5,000.

A store renders the same add-to-cart button on every product page; when it has no name,
that is one bug to fix once. A text colour that fails contrast is one CSS value wherever it
paints: findings that name such a cause (Finding.cause: the colour pair and the ratio it needs,
or a field border's colour)
group by it instead of by element, so one link colour is one issue, not one per menu depth.
Other findings join the same group when they share source, rule, outcome and a *component
signature*: the element's selector and opening tag with everything
that varies with page data removed (digits, hashes, UUIDs, attribute values such as alt,
title, aria-label, href, src, text, generated class names like `css-1x2y3z`, ids that frameworks
generate per render like React's `_r_1f_` or `radix-:r3:`, whatever follows the first word of
other ids: `#quantity-linen-shirt` is `#quantity~`, and the cut-off end of a snippet axe or
this tool shortened) and everything that only
marks a state (`aria-invalid`, `aria-expanded`, `is-open`, `field--error`: a field after a
failed submission is the same field), keeping tag names, attribute names, roles, input types
and stable class names. The fingerprint hashes
only those parts, so it survives new product names, prices, ids, ports and query strings
between runs. Groups fill page by page (a dict keyed by fingerprint).

The *defect key* hashes the same parts without the outcome. Whether a check is certain can
depend on page data (a longer product name clips by more pixels, so needs-review becomes
failed), and the CI gate must recognise that as the known defect with a changed outcome, not
as a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from a11y_audit.judge.axe_results import selector_text
from a11y_audit.judge.page_templates import template_for
from a11y_audit.judge.priority import Flow
from a11y_audit.model import Finding, Impact, Instance, Outcome, PageRecord, RuleMeta, fingerprint

__all__ = ["Group", "Grouper", "component_signature"]

# Values that identify data, not components: UUIDs, long hex ids, then any run of digits.
_VOLATILE = (
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I), "~"),
    (re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b", re.I), "~"),
    (re.compile(r"\d+"), "~"),
)
# Class names that build tools generate per build: css-1x2y3z (emotion), sc-abc123 / sc-xyz
# (styled-components), jsx-123 (styled-jsx), Button_root__a1b2c (CSS modules: hash suffix).
_GENERATED_CLASS = re.compile(r"^(?:css|sc|jsx|emotion|styled|svelte)-[\w-]+$", re.I)
_MODULE_HASH = re.compile(r"__[\w-]{5,}$")
_ATTRIBUTE_SELECTOR = re.compile(
    r"\[\s*([\w:-]+)\s*(?:[~|^$*]?=\s*(?:\"[^\"]*\"|'[^']*'|[^\]\s]+))?\s*(?:[is])?\]"
)
_CLASS_SELECTOR = re.compile(r"\.((?:\\.|[\w-])+)")
# axe prefers ids, which often carry data after a component word: #quantity-linen-shirt,
# #cart-qty-1. Keep the leading letters (the component) and mark that something followed.
_ID_SELECTOR = re.compile(r"#((?:\\.|[\w\-\u00ab\u00bb])+)")
_ID_WORD = re.compile(r"[A-Za-z]*")
# Ids a framework generates per render or per run, never written by a person: React's useId
# (`_r_1f_` in 19.1+, `«r1»` in 19.0, `:r1:` / `:R2mH1:` in 18), the libraries that prefix it
# (`radix-:r3:`, `headlessui-menu-button-:r1:`, `base-ui-_r_7_`), MUI's `mui-123`, Vue's
# `v-0-1`, Angular Material's `mat-input-3`, Ember's `ember123`. The whole id goes: its first
# word names the framework, not the component.
_GENERATED_ID = re.compile(
    r"(?:^|[-_])(?:_[rR]_\w+_|:[rR]\w*:|\u00ab[rR]\w*\u00bb)(?:$|-)"
    r"|^(?:mui|mat-[a-z-]+|v|ember|cdk-[a-z-]+|react-aria|ext-gen)-?\d+(?:-\d+)*$",
)
_NTH = re.compile(r":nth-(child|of-type|last-child|last-of-type)\([^)]*\)")
_OPENING_TAG = re.compile(r"<\s*([a-zA-Z][\w:-]*)([^>]*)>?")
# Snippets are cut at a fixed length (axe's and this tool's, marked `…`), so the last value may
# have no closing quote: it runs to the end rather than spilling into fake attribute names.
_ATTRIBUTE = re.compile(r"([^\s=/>]+)(?:\s*=\s*(\"[^\"]*\"?|'[^']*'?|[^\s>]+))?")
_CUT = "\u2026"
# Attributes whose value names a component rather than page data.
_KEPT_VALUES = frozenset({"role", "type"})
# What an element carries only in some states, not what it is: the ARIA states (WAI-ARIA 1.2
# section 6.4, plus aria-current), HTML's toggled attributes, a field's value (a form the server
# renders again after a failed submission writes what the user typed into `value`), inline
# style that scripts rewrite, and the references scripts add when an error or hint appears. A card field that
# gains `aria-invalid aria-describedby` after a declined payment is still the same field.
_STATE_ATTRIBUTES = frozenset(
    {
        "aria-busy",
        "aria-checked",
        "aria-current",
        "aria-describedby",
        "aria-disabled",
        "aria-errormessage",
        "aria-expanded",
        "aria-grabbed",
        "aria-hidden",
        "aria-invalid",
        "aria-pressed",
        "aria-selected",
        "checked",
        "disabled",
        "hidden",
        "inert",
        "open",
        "selected",
        "style",
        "value",
    }
)
# State classes: `is-open`, `has-error` (SMACSS/Bootstrap), a bare state word (`active`), or a
# state word as a modifier or suffix (`field--error`, `nav_open`, `mage-error`,
# `woocommerce-invalid`). Component variants (`button--primary`) are kept.
_STATE_WORDS = (
    "active|checked|collapsed|current|disabled|error|expanded|focused|invalid|open|pressed|selected"
)
# Only as a bare class: `visually-hidden` and `sr-only` are utilities, not states.
_BARE_STATE_WORDS = "closed|focus|hidden|hover|loading|show|shown|visible"
_STATE_CLASS = re.compile(
    rf"^(?:(?:js-)?(?:is|has)-[\w-]+|(?:[\w-]*[-_])?(?:{_STATE_WORDS})|{_BARE_STATE_WORDS})$", re.I
)
_CLASS_ATTRIBUTE = re.compile(r"(?:^|\s)class\s*=\s*(\"[^\"]*\"?|'[^']*'?|[^\s>]+)", re.I)


def component_signature(target: tuple[Any, ...], snippet: str) -> str:
    """The element with page data stripped: normalised selector (frames kept) + opening tag.

    axe builds the element's own selector from whatever is unique on that page, so the same
    element is `a > img` on one page, `.card__image[width="400"]` on another and
    `.card__image.css-1x2y3z` after a rebuild. When the element has stable classes (they name
    its component), they replace its own selector; the frame and shadow path stays.
    """
    steps = [
        [_selector_signature(str(part)) for part in step]
        if isinstance(step, list)
        else _selector_signature(str(step))
        for step in target
    ]
    classes = _stable_classes(snippet)
    if steps and classes:
        own = "." + ".".join(classes)
        last = steps[-1]
        steps[-1] = [*last[:-1], own] if isinstance(last, list) else own
    return selector_text(tuple(steps)) + " | " + _tag_signature(snippet)


def _stable_classes(snippet: str) -> list[str]:
    match = _OPENING_TAG.search(snippet)
    found = _CLASS_ATTRIBUTE.search(match.group(2)) if match else None
    if found is None or _is_cut(found.group(1)):
        return []
    return _class_list(found.group(1).strip("\"'"))


def _is_cut(value: str) -> bool:
    """A value the snippet's length limit cut: which of its classes survive depends on how long
    the attributes before it were on that page, so it says nothing stable about the component."""
    return value.endswith(_CUT) or (value[:1] in "\"'" and (len(value) == 1 or value[-1] != value[0]))


def _class_list(value: str) -> list[str]:
    """The stable classes of a class attribute, sorted (generated ones and hashes dropped)."""
    return sorted(filter(None, (_stable_class(token) for token in value.split())))


def _selector_signature(selector: str) -> str:
    selector = _ATTRIBUTE_SELECTOR.sub(_attribute_selector, selector)
    selector = _NTH.sub(lambda match: f":nth-{match.group(1)}(n)", selector)
    # Ids first: an escaped dot in one (`#shipping\.address_1`) is not a class.
    selector = _ID_SELECTOR.sub(lambda match: _id_selector(match.group(1)), selector)
    selector = _CLASS_SELECTOR.sub(lambda match: _class_selector(match.group(1)), selector)
    return _volatile(selector)


def _id_selector(escaped: str) -> str:
    """`#word~` for an id carrying data after its component word, `#~` for a generated one."""
    name = re.sub(r"\\(.)", r"\1", escaped)
    if _GENERATED_ID.search(name):
        return "#~"
    word = _ID_WORD.match(name)
    kept = word.group(0) if word else ""
    return f"#{kept}{'~' if len(kept) < len(name) else ''}"


def _attribute_selector(match: re.Match[str]) -> str:
    name = match.group(1)
    return "" if name.lower() in _STATE_ATTRIBUTES else f"[{name}]"


def _class_selector(name: str) -> str:
    stable = _stable_class(name)
    return f".{stable}" if stable else ""


def _stable_class(name: str) -> str | None:
    if _GENERATED_CLASS.match(name) or _STATE_CLASS.match(name):
        return None
    return _volatile(_MODULE_HASH.sub("", name))


def _tag_signature(snippet: str) -> str:
    match = _OPENING_TAG.search(snippet)
    if match is None:
        return ""
    parts = [match.group(1).lower()]
    for attribute in _ATTRIBUTE.finditer(match.group(2)):
        name, raw = attribute.group(1).lower(), attribute.group(2) or ""
        value = raw.strip("\"'")
        if name.endswith(_CUT):
            continue
        if name == "class":
            parts.append("class" if _is_cut(raw) else f"class={'.'.join(_class_list(value))}")
        elif name in _KEPT_VALUES:
            parts.append(f"{name}={value.lower()}")
        elif not name.startswith("data-") and name not in _STATE_ATTRIBUTES:
            parts.append(name)
    return "<" + " ".join(parts) + ">"


def _volatile(text: str) -> str:
    for pattern, replacement in _VOLATILE:
        text = pattern.sub(replacement, text)
    return text


@dataclass(slots=True)
class Group:
    """One issue being collected (mutable while the run is read): instances and reach."""

    fingerprint: str
    defect_key: str
    rule: RuleMeta
    outcome: Outcome
    impact: Impact
    flow: Flow
    instances: list[Instance] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)
    templates: set[str] = field(default_factory=set)
    cause: str | None = None


class Grouper:
    """Collects the findings of a whole run, page by page, into groups keyed by fingerprint."""

    def __init__(self) -> None:
        self._groups: dict[str, Group] = {}

    def add_page(self, record: PageRecord, flow: Flow, findings: Iterable[Finding]) -> None:
        """Add one page's findings; an issue's flow is the most critical flow it was seen on
        (ties by name, so the crawl order of parallel workers does not change it)."""
        template = record.template or template_for(record.url)
        for finding in findings:
            signature = (
                f"cause {finding.cause}"
                if finding.cause
                else component_signature(finding.where.target, finding.where.snippet)
            )
            source, rule = finding.rule.source.value, finding.rule.id
            key = fingerprint(source, rule, finding.outcome.value, signature)
            group = self._groups.get(key)
            if group is None:
                defect = fingerprint(source, rule, signature)
                group = Group(
                    key, defect, finding.rule, finding.outcome, finding.impact, flow, cause=finding.cause
                )
                self._groups[key] = group
            if finding.impact.rank > group.impact.rank:
                group.impact = finding.impact
            if _flow_order(flow) < _flow_order(group.flow):
                group.flow = flow
            group.instances.append(finding.where)
            group.pages.add(record.url)
            group.templates.add(template)

    @property
    def groups(self) -> list[Group]:
        """Every group so far, in first-seen order."""
        return list(self._groups.values())


def _flow_order(flow: Flow) -> tuple[int, str]:
    return (-flow.criticality.rank, flow.name)
