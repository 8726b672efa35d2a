from __future__ import annotations

from a11y_audit.wcag import criteria, criteria_from_axe_tags, criterion, level_of


def test_table_has_the_fifty_a_and_aa_criteria() -> None:
    table = criteria()
    assert len(table) == 50
    assert {c.level for c in table.values()} == {"A", "AA"}
    assert criterion("1.4.10") is not None and criterion("1.4.10").name == "Reflow"  # type: ignore[union-attr]


def test_axe_tags_map_to_dotted_criteria_including_two_digit_ones() -> None:
    tags = ["cat.color", "wcag2aa", "wcag143", "wcag1410", "wcag2411", "wcag111", "best-practice"]
    assert criteria_from_axe_tags(tags) == ("1.1.1", "1.4.3", "1.4.10")


def test_aaa_and_wcag22_criteria_are_not_reported_as_aa() -> None:
    # 1.4.6 (AAA contrast) and 2.5.8 (WCAG 2.2 target size) are outside what the store promised.
    assert criteria_from_axe_tags(["wcag146", "wcag258"]) == ()


def test_level_is_the_strictest_level_named() -> None:
    assert level_of(("1.4.3",)) == "AA"
    assert level_of(("1.4.3", "1.1.1")) == "A"
    assert level_of(()) is None
