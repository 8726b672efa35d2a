"""label-not-in-name judged over hand-written `label_in_name` artifacts."""

from __future__ import annotations

from typing import Any, cast

import pytest

from a11y_audit.artifacts.label_in_name import LabelledControl, LabelledControls
from a11y_audit.checks.label_not_in_name import contains, control_verdict, tokens, verdicts
from a11y_audit.judge.dom import parse_dom
from a11y_audit.model import Outcome


def control(label: str, name: str, **overrides: Any) -> LabelledControl:
    base: dict[str, Any] = {
        "selector": "#c",
        "snippet": "<button id=c>",
        "rect": {"x": 0, "y": 0, "width": 80, "height": 20},
        "role": "button",
        "name": name,
        "label": label,
        "iconFont": False,
        "lang": "en",
    }
    return cast(LabelledControl, {**base, **overrides})


def outcome(label: str, name: str, **overrides: Any) -> Outcome:
    return control_verdict(control(label, name, **overrides)).outcome


def test_tokens_follow_the_label_in_name_algorithm() -> None:
    assert tokens("Date of birth (YYYY-MM-DD)") == ["date", "of", "birth"]
    assert tokens("Next…") == ["next"]
    assert tokens("\uff21\uff22\uff23 straße") == ["abc", "strasse"]  # NFKD and case folding
    assert tokens("Add\u00a0to\nbag") == ["add", "to", "bag"]
    assert tokens("((nested) brackets) kept") == ["kept"]
    assert tokens("🛒 ✓") == []


def test_contains_is_a_contiguous_run() -> None:
    assert contains(["a", "b", "c", "d"], ["b", "c"])
    assert not contains(["a", "b", "c", "d"], ["a", "c"])
    assert contains(["a"], [])


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Next…", "Next page"),
        ("Add to bag", "Add to bag, Linen shirt"),
        ("Date of birth (YYYY-MM-DD)", "Date of birth"),
        ("SEARCH", "search the shop"),
        ("⭐⭐⭐", "Rated 3 out of 5"),
    ],
)
def test_labels_contained_in_the_name_pass(label: str, name: str) -> None:
    assert outcome(label, name) is Outcome.PASSED


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Buy now", "Add to bag"),
        ("Add to bag", "Add Linen shirt to bag"),  # the words must stay together
        ("Contact", ""),
        ("Sign in", "Log in"),
        # Words are whole, and no guess is made at what tokens mean (ACT 2ee8b8's examples).
        ("Discover It", "Discover Italy"),
        ("justice", "just ice"),
        ("W C A G", "WCAG"),
        ("2021", "20 21"),
        ("1", "1a"),
        ("how are", "are how"),
    ],
)
def test_other_words_in_the_name_fail(label: str, name: str) -> None:
    verdict = control_verdict(control(label, name))
    assert verdict.outcome is Outcome.FAILED
    assert repr(label) in verdict.message and repr(name) in verdict.message


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("University Ave.", "University Avenue"),  # abbreviation with a full stop
        ("University Avenue", "University Ave."),  # ... in the name
        ("Info.", "Information"),  # a cut-off word
        ("Dr. Martens boots", "Doctor Martens boots"),
        ("FAQ", "Frequently asked questions"),  # an acronym
        ("nonstandard", "non-standard"),  # hyphenation
        ("Colour", "Color"),  # spelling
        ("X", "Close the size guide"),  # a one-letter symbol
    ],
)
def test_abbreviations_variants_and_symbols_need_review(label: str, name: str) -> None:
    assert outcome(label, name) is Outcome.CANT_TELL


def test_words_run_together_need_review_only_in_languages_written_without_spaces() -> None:
    assert outcome("購物車", "查看購物車內容", lang="zh-Hant") is Outcome.CANT_TELL
    assert outcome("購物車", "結帳", lang="zh-Hant") is Outcome.FAILED
    assert outcome("justice", "just ice", lang="en") is Outcome.FAILED


def test_text_in_an_icon_font_needs_review() -> None:
    assert outcome("search", "Find", iconFont=True) is Outcome.CANT_TELL
    assert outcome("search", "Search the shop", iconFont=True) is Outcome.PASSED


def test_verdicts_key_controls_by_their_selector() -> None:
    artifact: LabelledControls = {
        "controls": [control("Buy now", "Add to bag"), control("Bag", "Bag", selector="#bag")],
        "looked": 3,
    }
    root = parse_dom("<button id=c>Buy now</button><button id=bag>Bag</button>")
    found = {target.selector: verdict.outcome for target, verdict in verdicts(artifact, root).items()}
    assert found == {"#c": Outcome.FAILED, "#bag": Outcome.PASSED}


def test_controls_outside_the_accessibility_tree_are_inapplicable() -> None:
    """Behind an open modal dialog the header is aria-hidden: axe-core computes the cart
    button's name as '' there, and the rule (ACT 2ee8b8) does not apply to it at all."""
    root = parse_dom(
        '<header aria-hidden="true"><button id=cart aria-label="Shopping cart with 1 items">1</button>'
        "</header>"
        '<div inert><button id=later aria-label="Go">Later</button></div>'
        '<button id=open aria-label="Shopping cart with 1 items">1</button>'
    )
    artifact: LabelledControls = {
        "controls": [
            control("1", "", selector="#cart"),
            control("Later", "Go", selector="#later"),
            control("1", "Shopping cart with 1 items", selector="#open"),
            control("Buy", "Add", selector="#gone"),  # not in the saved DOM: judged as recorded
        ],
        "looked": 4,
    }
    found = {target.selector: verdict.outcome for target, verdict in verdicts(artifact, root).items()}
    assert found == {"#open": Outcome.PASSED, "#gone": Outcome.FAILED}
