"""status-message-not-announced judged over hand-written `status_messages` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.status_messages import Change, StatusAction, StatusActions
from a11y_audit.check import Target
from a11y_audit.checks.status_message_not_announced import message_verdict, shown_before, verdicts
from a11y_audit.judge.dom import parse_dom
from a11y_audit.model import Outcome

EMPTY = parse_dom("<main></main>")
"""The page before the action: none of the changed elements were there."""
ACTION = cast(StatusAction, {"selector": "#add", "name": "Add to bag", "focus": "#add", "focusMoved": False})


def change(**overrides: Any) -> Change:
    base: dict[str, Any] = {
        "selector": "#toast",
        "snippet": "<div id=toast>",
        "text": "Added 1 x Linen shirt to your bag.",
        "visible": True,
        "live": None,
        "liveExisted": False,
        "focusInside": False,
        "inControl": False,
        "inDialog": False,
    }
    return cast(Change, {**base, **overrides})


def action(**overrides: Any) -> StatusAction:
    """ACTION with some parts replaced."""
    return cast(StatusAction, {**ACTION, **overrides})


def outcome(item: Change, action: StatusAction = ACTION) -> Outcome | None:
    verdict = message_verdict(item, action)
    return None if verdict is None else verdict.outcome


def test_confirmation_outside_live_region_fails_and_says_how_to_fix() -> None:
    verdict = message_verdict(change(), ACTION)
    assert verdict is not None and verdict.outcome is Outcome.FAILED
    assert 'role="status"' in verdict.message and "Add to bag" in verdict.message


def test_existing_live_region_passes_and_new_one_needs_review() -> None:
    assert outcome(change(live="status", liveExisted=True)) is Outcome.PASSED
    assert outcome(change(live="aria-live=polite", liveExisted=False)) is Outcome.CANT_TELL
    assert outcome(change(live="alert", liveExisted=False)) is Outcome.PASSED  # alerts are read when inserted


def test_text_that_does_not_read_like_a_status_is_only_cantell() -> None:
    assert outcome(change(text="Linen shirt, sage green")) is Outcome.CANT_TELL


def test_not_status_messages() -> None:
    assert outcome(change(visible=False)) is None
    assert outcome(change(text="")) is None
    assert outcome(change(inControl=True, text="Adding...")) is None  # the button's own label
    assert outcome(change(inDialog=True)) is None
    assert outcome(change(focusInside=True)) is None
    assert outcome(change(), action(focus="#toast > button")) is None  # focus moved into it
    assert outcome(change(text="Added " + "more products " * 20)) is None  # long content, not a message


def test_worst_verdict_wins_and_parts_of_a_judged_message_are_skipped() -> None:
    artifact: StatusActions = {
        "actions": [
            action(changes=[change(live="status", liveExisted=True)]),
            action(changes=[change(), change(selector="#toast > span", text="Added")]),
        ]
    }
    found = verdicts(artifact, EMPTY)
    assert list(found) == [Target("#toast", "<div id=toast>")]
    assert found[Target("#toast", "<div id=toast>")].outcome is Outcome.FAILED


def test_empty_artifact_is_inapplicable() -> None:
    assert verdicts(cast(StatusActions, {}), EMPTY) == {}
    assert verdicts({"actions": [action(changes=[])]}, EMPTY) == {}


FOOTER = '<footer class="footer" data-area="x">&copy; 2022 Shop. All Rights Reserved.</footer>'


def footer(snippet: str, text: str = "© 2022 Shop. All Rights Reserved.") -> Change:
    return change(selector="#app > footer:nth-of-type(1)", snippet=snippet, text=text)


def test_text_already_on_the_page_with_only_aria_hidden_toggled_is_no_message() -> None:
    """A mini-cart dialog sets aria-hidden on the header and footer behind it: the footer's
    text was there before the action, so it is no status message (WCAG 4.1.3 is about new
    content); the mutation observer saw the footer change all the same."""
    root = parse_dom(f'<div id="app"><main></main>{FOOTER}<header><a>Books</a><a>Clothing</a></header></div>')
    hidden = footer('<footer class="footer" data-area="x" aria-hidden="true"><p>...')
    assert shown_before(hidden, root)
    assert shown_before(footer('<footer class="footer" data-area="x" inert="">'), root)
    assert shown_before(footer('<footer class="footer" data-area="x">'), root)  # hidden, then shown again
    header = change(selector="#app > header:nth-of-type(1)", snippet='<header aria-hidden="true">')
    assert shown_before({**header, "text": "Books Clothing"}, root)  # the saved DOM runs blocks together
    assert not shown_before({**header, "text": "Books Toys"}, root)
    artifact: StatusActions = {"actions": [action(changes=[hidden])]}
    assert verdicts(artifact, root) == {}
    assert list(verdicts(artifact, EMPTY)) == [Target(hidden["selector"], hidden["snippet"])]


def test_revealed_or_rewritten_elements_are_still_judged() -> None:
    root = parse_dom(
        '<div id="app"><div id="toast" class="toast" hidden>Added to your bag.</div>'
        '<p id="note">Free delivery</p><footer class="footer" data-area="x">Shop</footer></div>'
    )
    shown = change(selector="#toast", snippet='<div id="toast" class="toast">', text="Added to your bag.")
    assert not shown_before(shown, root)  # revealed by removing `hidden`
    restyled = change(selector="#toast", snippet='<div id="toast" class="toast is-open" hidden="">')
    assert not shown_before(restyled, root)  # revealed by a class
    rewritten = change(selector="#note", snippet='<p id="note">', text="Added to your bag.")
    assert not shown_before(rewritten, root)  # new text
    assert not shown_before(footer('<footer class="footer" data-area="x" aria-hidden="true">'), root)
    assert not shown_before(footer('<footer class="footer very-long-clas…'), root)  # tag cut short
    assert not shown_before(change(selector="#gone", snippet='<div id="gone">'), root)
