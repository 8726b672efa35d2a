"""The HTML report's charts: counts, bar widths and bounds, from typed issues."""

from __future__ import annotations

from dataclasses import replace

from a11y_audit.model import Priority
from a11y_audit.reports.html_charts import TEMPLATE_ROWS, charts
from tests.unit.test_issue_summary import ADD_TO_BASKET, PRICE


def test_bars_are_sized_by_the_largest_count_and_coloured_by_priority() -> None:
    urgent = replace(PRICE, fingerprint="9" * 16, triage=replace(PRICE.triage, priority=Priority.P1))
    by_priority, by_flow, by_template = charts([ADD_TO_BASKET, PRICE, urgent], {"P1": 1, "P2": 2})
    assert [(bar.label, bar.count, bar.width, bar.tone) for bar in by_priority.bars] == [
        ("P1 High", 1, 50.0, "priority-P1"),
        ("P2 High", 2, 100.0, "priority-P2"),
    ]
    assert [(bar.label, bar.count) for bar in by_flow.bars] == [("product", 3)]
    assert [(bar.label, bar.count, bar.width) for bar in by_template.bars] == [
        ("/catalogue/*", 3, 100.0),
        ("/basket", 1, 33.3),
        ("/offers", 1, 33.3),
    ]


def test_a_store_with_many_templates_charts_the_most_affected_and_says_how_many_more() -> None:
    many = tuple(f"/t{n:02}" for n in range(TEMPLATE_ROWS + 3))
    (_, _, by_template) = charts([replace(PRICE, templates=many)], {"P2": 1})
    assert len(by_template.bars) == TEMPLATE_ROWS
    assert by_template.left_out == "and 3 more templates"


def test_no_issues_no_charts() -> None:
    assert charts([], {}) == []
