"""Give every issue a bug-tracker priority, a due date and the reasons, like a product bug.

Accessibility defects compete with other bugs for the same sprint, so they get the same
currency: P1..P4 and a due date. The policy is a handful of tables below, applied in a fixed
order, and every step that changes the result adds a plain-words reason, so a priority can be
argued with by reading it. Pure: no I/O, no clock (the audit's start date is passed in).

Order: base priority from impact x flow criticality -> blocker floor -> reach (at most one
step up, never into P1) -> caps (needs-review never above P3, best-practice never above P4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from a11y_audit.model import Impact, Outcome, Priority, RuleMeta, Triage

__all__ = [
    "BASE",
    "BLOCKER_FLOOR",
    "BLOCKER_RULES",
    "CONTENT_FLOW",
    "DEFAULT_FLOWS",
    "DEFAULT_NAMES",
    "DEFAULT_SLA_DAYS",
    "REACH_CEILING",
    "Criticality",
    "Flow",
    "PriorityPolicy",
    "Reach",
]


class Criticality(StrEnum):
    """How much money or access depends on a flow: checkout is critical, a blog post normal."""

    CRITICAL = "critical"
    HIGH = "high"
    NORMAL = "normal"

    @property
    def rank(self) -> int:
        """Higher is more critical; the flow of an issue is its most critical page's."""
        return _CRITICALITY_RANK[self]


_CRITICALITY_RANK = {Criticality.NORMAL: 1, Criticality.HIGH: 2, Criticality.CRITICAL: 3}


# --- the policy -------------------------------------------------------------------------

# Base priority by impact (rows) on a critical / high / normal flow (columns).
_P1, _P2, _P3, _P4 = Priority
_COLUMNS = (Criticality.CRITICAL, Criticality.HIGH, Criticality.NORMAL)
BASE: dict[Impact, dict[Criticality, Priority]] = {
    impact: dict(zip(_COLUMNS, row, strict=True))
    for impact, row in (
        (Impact.CRITICAL, (_P1, _P2, _P2)),
        (Impact.SERIOUS, (_P2, _P2, _P3)),
        (Impact.MODERATE, (_P3, _P3, _P4)),
        (Impact.MINOR, (_P4, _P4, _P4)),
    )
}

# Rules whose failure stops a keyboard or screen-reader user from finishing a task (not just
# slows them down), with who is stopped. Keyed by rule id, for axe and a11y-audit checks alike.
# Left out on purpose: frame-title and image-alt (they cost orientation, not the task; an image
# that is a link or button is caught by link-name / button-name / input-image-alt).
KEYBOARD = "keyboard"
SCREEN_READER = "screen-reader"
BLOCKER_RULES: dict[str, tuple[str, ...]] = {
    "keyboard-trap": (KEYBOARD,),
    "not-keyboard-operable": (KEYBOARD,),
    "scrollable-region-focusable": (KEYBOARD,),
    "aria-hidden-focus": (KEYBOARD, SCREEN_READER),
    "aria-hidden-focusable": (KEYBOARD, SCREEN_READER),
    "nested-interactive": (KEYBOARD, SCREEN_READER),
    "button-name": (SCREEN_READER,),
    "input-button-name": (SCREEN_READER,),
    "link-name": (SCREEN_READER,),
    "label": (SCREEN_READER,),
    "select-name": (SCREEN_READER,),
    "aria-command-name": (SCREEN_READER,),
    "aria-input-field-name": (SCREEN_READER,),
    "aria-toggle-field-name": (SCREEN_READER,),
    "input-image-alt": (SCREEN_READER,),
}

# A confirmed blocker is at least this urgent on a flow of this criticality:
# blocked on a critical flow is a broken checkout.
BLOCKER_FLOOR: dict[Criticality, Priority] = {
    Criticality.CRITICAL: Priority.P1,
    Criticality.HIGH: Priority.P2,
    Criticality.NORMAL: Priority.P3,
}

# Wide reach raises the priority by one step (never more): at least this many pages or templates.
# It never lifts an issue above REACH_CEILING: P1 is for blocked tasks and critical impact on
# critical flows, not for a contrast problem that happens to be everywhere.
WIDE_REACH_PAGES = 20
WIDE_REACH_TEMPLATES = 3
REACH_CEILING = Priority.P2

# The most urgent an issue can be when a person must still confirm it, or no WCAG SC is broken.
NEEDS_REVIEW_CAP = Priority.P3
BEST_PRACTICE_CAP = Priority.P4

DEFAULT_NAMES: dict[Priority, str] = {
    Priority.P1: "Highest",
    Priority.P2: "High",
    Priority.P3: "Medium",
    Priority.P4: "Low",
}
DEFAULT_SLA_DAYS: dict[Priority, int] = {Priority.P1: 2, Priority.P2: 14, Priority.P3: 45, Priority.P4: 90}

# --- flows ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Flow:
    """A user journey, recognised by URL regexes (searched in the full URL) or template names."""

    name: str
    criticality: Criticality
    urls: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()
    _compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(re.compile(url) for url in self.urls))

    def matches(self, url: str, template: str | None) -> bool:
        """Whether a page with this URL and template belongs to the flow."""
        return template in self.templates or any(pattern.search(url) for pattern in self._compiled)

    def to_json(self) -> dict[str, object]:
        """As recorded in results.json's config."""
        return {
            "name": self.name,
            "criticality": self.criticality.value,
            "urls": list(self.urls),
            "templates": list(self.templates),
        }


_PATH_END = r"(?:[/?#]|$)"
DEFAULT_FLOWS: tuple[Flow, ...] = (
    Flow("checkout", Criticality.CRITICAL, (rf"/checkout{_PATH_END}", rf"/order{_PATH_END}"), ("checkout",)),
    Flow("cart", Criticality.CRITICAL, (rf"/(?:cart|basket|bag){_PATH_END}",), ("cart",)),
    Flow(
        "sign-in",
        Criticality.CRITICAL,
        (rf"/(?:sign-?in|log-?in|register|sign-?up|account){_PATH_END}",),
        ("sign-in", "login", "account"),
    ),
    Flow("search", Criticality.CRITICAL, (rf"/search{_PATH_END}",), ("search",)),
    Flow("product", Criticality.CRITICAL, (r"/products?/[^/?#]", r"/p/[^/?#]"), ("product",)),
    Flow("category", Criticality.HIGH, (r"/(?:category|categories|collections|c)/[^/?#]",), ("category",)),
)
CONTENT_FLOW = Flow("content", Criticality.NORMAL)
# Page kinds (a11y_audit.judge.page_types) that belong to a flow of another name: an account
# page is part of signing in, as `/account` URLs are, unless a flow is configured by its name.
_KIND_FLOWS = {"account": "sign-in"}


@dataclass(frozen=True, slots=True)
class Reach:
    """How far an issue spreads: distinct pages and templates it was found on."""

    pages: int
    templates: int


@dataclass(frozen=True, slots=True)
class PriorityPolicy:
    """The configured part of the policy: flows, display names and SLAs; the rest is tables."""

    flows: tuple[Flow, ...] = ()
    names: dict[Priority, str] = field(default_factory=lambda: dict(DEFAULT_NAMES))
    sla_days: dict[Priority, int] = field(default_factory=lambda: dict(DEFAULT_SLA_DAYS))

    def flow_of(self, url: str, template: str | None, kind: str | None = None) -> Flow:
        """The first configured flow that matches, then the flow named by the page's kind
        (what the page shows: a11y_audit.judge.page_types), then the default flows' URL
        patterns (a configured flow replaces the default of the same name), else content."""
        configured = {flow.name for flow in self.flows}
        defaults = tuple(flow for flow in DEFAULT_FLOWS if flow.name not in configured)
        names = (kind, _KIND_FLOWS.get(kind)) if kind is not None else ()
        by_kind = next(
            (flow for name in names for flow in (*self.flows, *defaults) if flow.name == name), None
        )
        matched = next((flow for flow in self.flows if flow.matches(url, template)), None)
        matched = matched or by_kind or next((flow for flow in defaults if flow.matches(url, template)), None)
        return matched or CONTENT_FLOW

    def triage(
        self, rule: RuleMeta, outcome: Outcome, impact: Impact, flow: Flow, reach: Reach, start: date
    ) -> Triage:
        """Priority, due date and reasons for one issue (see the module docstring for the order)."""
        reasons = [f"{impact.value} impact", f"{flow.name} flow ({flow.criticality.value})"]
        priority = BASE[impact][flow.criticality]
        users = BLOCKER_RULES.get(rule.id, ())
        blocker = bool(users) and outcome is Outcome.FAILED
        if blocker:
            reasons.append(f"blocks {' and '.join(users)} users from completing {flow.name}")
            priority = _most_urgent(priority, BLOCKER_FLOOR[flow.criticality])
        wide = reach.pages >= WIDE_REACH_PAGES or reach.templates >= WIDE_REACH_TEMPLATES
        if wide and priority.rank > REACH_CEILING.rank:
            spread = f"{_count(reach.pages, 'page')}, {_count(reach.templates, 'template')}"
            reasons.append(f"wide reach ({spread}): raised one step")
            priority = Priority.of_rank(priority.rank - 1)
        for applies, cap, why in (
            (outcome is Outcome.CANT_TELL, NEEDS_REVIEW_CAP, "needs review"),
            (not rule.wcag, BEST_PRACTICE_CAP, "best practice, no WCAG criterion"),
        ):
            if applies and priority.rank < cap.rank:
                reasons.append(f"{why}: capped at {cap.value}")
                priority = cap
        return Triage(
            priority=priority,
            priority_name=self.names[priority],
            reasons=tuple(reasons),
            due=start + timedelta(days=self.sla_days[priority]),
            flow=flow.name,
            blocker=blocker,
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _most_urgent(first: Priority, second: Priority) -> Priority:
    return first if first.rank <= second.rank else second
