"""change-on-input and change-on-focus judged over hand-written `context_change` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.context_change import ContextChanges, InputChange
from a11y_audit.check import Target
from a11y_audit.checks.change_on_focus import verdicts as focus_verdicts
from a11y_audit.checks.change_on_input import input_verdict
from a11y_audit.checks.change_on_input import verdicts as input_verdicts
from a11y_audit.judge.commons import context_change
from a11y_audit.model import Outcome


def select(**overrides: Any) -> InputChange:
    base: dict[str, Any] = {
        "selector": "#currency",
        "snippet": "<select id=currency>",
        "key": "ArrowDown",
        "changed": True,
        "navigations": [],
        "submits": [],
        "opened": [],
        "instructions": "Currency",
    }
    return cast(InputChange, {**base, **overrides})


def changes(**parts: Any) -> ContextChanges:
    """An artifact with only the parts a test needs."""
    return cast(ContextChanges, parts)


def test_what_the_page_tried_in_words() -> None:
    assert context_change(select()) == ""
    assert (
        context_change(select(submits=[{"form": "#f", "script": True}])) == "submitted its form from script"
    )
    assert context_change(select(navigations=[{"url": "https://shop/men", "form": False}])) == (
        "navigated to https://shop/men"
    )
    # A submission is also a navigation: named once.
    both = select(
        submits=[{"form": "#f", "script": False}], navigations=[{"url": "https://shop/c", "form": True}]
    )
    assert context_change(both) == "submitted its form"
    assert "new window (/help)" in context_change(select(opened=["/help"]))


def test_select_that_submits_on_change_fails() -> None:
    verdict = input_verdict(select(submits=[{"form": "#f", "script": True}]))
    assert verdict is not None and verdict.outcome is Outcome.FAILED and "ArrowDown" in verdict.message


def test_checkbox_and_text_field_changes_are_named_by_what_the_user_did() -> None:
    ticked = input_verdict(select(key="Space", navigations=[{"url": "/shoes?brand=acme"}]))
    assert ticked is not None and ticked.outcome is Outcome.FAILED
    assert ticked.message.startswith("ticking it with Space navigated to /shoes?brand=acme")
    typed = input_verdict(select(key="Typing", submits=[{"form": "#basket", "script": True}]))
    assert typed is not None and typed.outcome is Outcome.FAILED
    assert typed.message.startswith("typing a character into it and leaving it submitted its form")
    kept = input_verdict(select(key="Typing"))
    assert kept is not None and kept.outcome is Outcome.PASSED and kept.message.startswith("typing")


def test_a_warning_in_label_or_description_needs_review() -> None:
    warned = select(instructions="Sort by | The page reloads when you choose", submits=[{"form": "#f"}])
    assert input_verdict(warned).outcome is Outcome.CANT_TELL  # type: ignore[union-attr]
    not_a_warning = select(instructions="Go to department", navigations=[{"url": "/men"}])
    assert input_verdict(not_a_warning).outcome is Outcome.FAILED  # type: ignore[union-attr]


def test_control_that_stays_passes_and_unchanged_one_is_not_judged() -> None:
    assert input_verdict(select()).outcome is Outcome.PASSED  # type: ignore[union-attr]
    assert input_verdict(select(changed=False)) is None
    assert input_verdicts(changes(input=[select(), {"error": "element not interactable"}])) == {
        Target("#currency", "<select id=currency>"): input_verdict(select())
    }


def test_focus_that_changes_context_fails_and_a_quiet_field_passes() -> None:
    artifact = {
        "focus": [
            {
                "selector": "#promo",
                "snippet": "<input id=promo>",
                "navigations": [],
                "opened": [],
                "submits": [{"form": "#f", "script": True}],
            }
        ],
        "focusTried": 12,
    }
    found = focus_verdicts(changes(**artifact))
    assert [(target.selector, verdict.outcome) for target, verdict in found.items()] == [
        ("#promo", Outcome.FAILED)
    ]
    assert focus_verdicts(changes(focus=[], focusTried=30)) == {}
    quiet = {"selector": "#email", "snippet": "<input>", "navigations": [], "submits": [], "opened": []}
    assert [v.outcome for v in focus_verdicts(changes(focus=[quiet])).values()] == [Outcome.PASSED]
