"""The priority policy, rule by rule, with the reasons it gives (table-driven)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from a11y_audit.judge.priority import (
    BASE,
    BLOCKER_RULES,
    CONTENT_FLOW,
    Criticality,
    Flow,
    PriorityPolicy,
    Reach,
)
from a11y_audit.model import Impact, Outcome, Priority, RuleMeta, Source

START = date(2026, 11, 25)
POLICY = PriorityPolicy()
CHECKOUT = POLICY.flow_of("https://s.test/checkout", None)
CATEGORY = POLICY.flow_of("https://s.test/collections/shoes", None)
FLOWS = {Criticality.CRITICAL: CHECKOUT, Criticality.HIGH: CATEGORY, Criticality.NORMAL: CONTENT_FLOW}
NARROW = Reach(pages=1, templates=1)


def rule(rule_id: str = "color-contrast", wcag: tuple[str, ...] = ("1.4.3",)) -> RuleMeta:
    return RuleMeta(rule_id, Source.AXE, rule_id, "", "", wcag, "AA" if wcag else None)


@pytest.mark.parametrize(
    ("impact", "criticality"),
    [(impact, criticality) for impact in Impact for criticality in Criticality],
)
def test_base_table_without_blocker_reach_or_caps(impact: Impact, criticality: Criticality) -> None:
    flow = FLOWS[criticality]
    triage = POLICY.triage(rule(), Outcome.FAILED, impact, flow, NARROW, START)
    assert triage.priority is BASE[impact][criticality]
    assert triage.reasons == (f"{impact.value} impact", f"{flow.name} flow ({criticality.value})")
    assert not triage.blocker


@pytest.mark.parametrize(
    ("rule_id", "outcome", "impact", "flow", "reach", "wcag", "expected", "last_reason"),
    [
        # A blocker on a critical flow is P1, exactly like a broken checkout.
        (
            "button-name",
            Outcome.FAILED,
            Impact.SERIOUS,
            CHECKOUT,
            NARROW,
            ("4.1.2",),
            Priority.P1,
            "blocks screen-reader users from completing checkout",
        ),
        (
            "nested-interactive",
            Outcome.FAILED,
            Impact.MINOR,
            CHECKOUT,
            NARROW,
            ("4.1.2",),
            Priority.P1,
            "blocks keyboard and screen-reader users from completing checkout",
        ),
        # Blocker floors on high and normal flows.
        (
            "scrollable-region-focusable",
            Outcome.FAILED,
            Impact.MINOR,
            CATEGORY,
            NARROW,
            ("2.1.1",),
            Priority.P2,
            "blocks keyboard users from completing category",
        ),
        (
            "link-name",
            Outcome.FAILED,
            Impact.MODERATE,
            CONTENT_FLOW,
            NARROW,
            ("2.4.4",),
            Priority.P3,
            "blocks screen-reader users from completing content",
        ),
        # Reach: at most one step, and it says why.
        (
            "color-contrast",
            Outcome.FAILED,
            Impact.SERIOUS,
            CONTENT_FLOW,
            Reach(pages=20, templates=1),
            ("1.4.3",),
            Priority.P2,
            "wide reach (20 pages, 1 template): raised one step",
        ),
        (
            "color-contrast",
            Outcome.FAILED,
            Impact.MINOR,
            CONTENT_FLOW,
            Reach(pages=5000, templates=12),
            ("1.4.3",),
            Priority.P3,
            "wide reach (5000 pages, 12 templates): raised one step",
        ),
        (
            "color-contrast",
            Outcome.FAILED,
            Impact.SERIOUS,
            CONTENT_FLOW,
            Reach(pages=19, templates=2),
            ("1.4.3",),
            Priority.P3,
            "content flow (normal)",
        ),
        # Caps: needs review never above P3, best practice never above P4 (even a blocker).
        (
            "button-name",
            Outcome.CANT_TELL,
            Impact.CRITICAL,
            CHECKOUT,
            Reach(pages=100, templates=5),
            ("4.1.2",),
            Priority.P3,
            "needs review: capped at P3",
        ),
        (
            "scrollable-region-focusable",
            Outcome.FAILED,
            Impact.CRITICAL,
            CHECKOUT,
            NARROW,
            (),
            Priority.P4,
            "best practice, no WCAG criterion: capped at P4",
        ),
    ],
)
def test_policy_rules_and_their_reasons(
    rule_id: str,
    outcome: Outcome,
    impact: Impact,
    flow: Flow,
    reach: Reach,
    wcag: tuple[str, ...],
    expected: Priority,
    last_reason: str,
) -> None:
    triage = POLICY.triage(rule(rule_id, wcag), outcome, impact, flow, reach, START)
    assert triage.priority is expected
    assert triage.reasons[-1] == last_reason
    assert triage.blocker == (rule_id in BLOCKER_RULES and outcome is Outcome.FAILED)


@pytest.mark.parametrize(
    ("rule_id", "impact", "expected"),
    [("button-name", Impact.CRITICAL, Priority.P1), ("color-contrast", Impact.SERIOUS, Priority.P2)],
)
def test_reach_never_lifts_into_p1_and_then_names_no_reach(
    rule_id: str, impact: Impact, expected: Priority
) -> None:
    triage = POLICY.triage(rule(rule_id), Outcome.FAILED, impact, CHECKOUT, Reach(500, 9), START)
    assert triage.priority is expected
    assert not any("reach" in reason for reason in triage.reasons)


@pytest.mark.parametrize(
    ("priority", "impact", "due"),
    [
        (Priority.P1, Impact.CRITICAL, date(2026, 11, 27)),
        (Priority.P2, Impact.SERIOUS, date(2026, 12, 9)),
        (Priority.P3, Impact.MODERATE, date(2027, 1, 9)),
        (Priority.P4, Impact.MINOR, date(2027, 2, 23)),
    ],
)
def test_due_date_is_start_plus_the_default_sla(priority: Priority, impact: Impact, due: date) -> None:
    triage = POLICY.triage(rule(), Outcome.FAILED, impact, CHECKOUT, NARROW, START)
    assert (triage.priority, triage.due) == (priority, due)


def test_names_and_slas_are_configurable() -> None:
    policy = PriorityPolicy(
        names={**POLICY.names, Priority.P1: "Blocker"}, sla_days={**POLICY.sla_days, Priority.P1: 1}
    )
    triage = policy.triage(rule(), Outcome.FAILED, Impact.CRITICAL, CHECKOUT, NARROW, START)
    assert (triage.priority_name, triage.due) == ("Blocker", date(2026, 11, 26))


@pytest.mark.parametrize(
    ("path", "flow"),
    [
        ("/checkout", "checkout"),
        ("/checkout/shipping?step=2", "checkout"),
        ("/cart", "cart"),
        ("/basket/", "cart"),
        ("/bag", "cart"),
        ("/sign-in", "sign-in"),
        ("/login?next=/", "sign-in"),
        ("/account/orders", "sign-in"),
        ("/search?q=shirt", "search"),
        ("/products/linen-shirt", "product"),
        ("/product/4711", "product"),
        ("/p/4711", "product"),
        ("/category/shoes", "category"),
        ("/collections/summer", "category"),
        ("/c/shoes", "category"),
        ("/", "content"),
        ("/blog/cart-abandonment-tips", "content"),
        ("/cartography", "content"),
        ("/products", "content"),
    ],
)
def test_default_flows_from_url_shapes(path: str, flow: str) -> None:
    assert POLICY.flow_of("https://s.test" + path, None).name == flow


def test_configured_flows_come_first_match_templates_and_replace_defaults_by_name() -> None:
    policy = PriorityPolicy(
        flows=(
            Flow("gift-cards", Criticality.HIGH, urls=(r"/gift",)),
            Flow("checkout", Criticality.CRITICAL, templates=("pay",)),
        )
    )
    assert policy.flow_of("https://s.test/gift/products/x", None).name == "gift-cards"
    assert policy.flow_of("https://s.test/zahlung", "pay").name == "checkout"
    assert policy.flow_of("https://s.test/checkout", None).name == "content"  # default replaced
    assert policy.flow_of("https://s.test/cart", None).name == "cart"


def test_the_documented_blocker_rules_are_the_policy_table() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "results.md").read_text("utf-8")
    section = doc.split("## Priority", 1)[1]
    assert set(
        re.findall(r"`([a-z][a-z-]+)`", section.split("Blocker rules", 1)[1].split("3.", 1)[0])
    ) == set(BLOCKER_RULES)


def test_the_documented_base_table_is_the_policy_table() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "results.md").read_text("utf-8")
    rows = re.findall(r"^\s*\| (critical|serious|moderate|minor) \| (P\d) \| (P\d) \| (P\d) \|$", doc, re.M)
    assert {Impact(row[0]): tuple(Priority(cell) for cell in row[1:]) for row in rows} == {
        impact: tuple(BASE[impact][criticality] for criticality in Criticality) for impact in Impact
    }
