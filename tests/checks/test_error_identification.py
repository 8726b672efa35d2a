"""error-identification judged over hand-written `form_errors` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.form_errors import FieldError, FormAttempt, FormAttempts
from a11y_audit.check import Target
from a11y_audit.checks.error_identification import field_verdict, verdicts
from a11y_audit.model import Outcome


def field(**overrides: Any) -> FieldError:
    base: dict[str, Any] = {
        "selector": "#email",
        "snippet": "<input id=email>",
        "label": "Email address",
        "ariaInvalid": None,
        "errorText": "",
        "labelText": "",
        "nearbyText": "",
        "lookChanged": False,
        "native": False,
        "focused": False,
    }
    return cast(FieldError, {**base, **overrides})


def attempt(**overrides: Any) -> FormAttempt:
    base: dict[str, Any] = {
        "mode": "empty",
        "announced": [],
        "focus": None,
        "focusOnError": False,
        "navigations": [],
        "submits": [],
        "opened": [],
    }
    return cast(FormAttempt, {**base, **overrides})


def outcome(item: FieldError, tried: FormAttempt | None = None) -> Outcome:
    return field_verdict(item, tried or attempt()).outcome


def test_red_border_only_fails() -> None:
    verdict = field_verdict(field(lookChanged=True), attempt(focusOnError=True))
    assert verdict.outcome is Outcome.FAILED and "colour or border" in verdict.message
    assert "aria-invalid" in field_verdict(field(ariaInvalid="true"), attempt()).message


def test_tied_text_with_focus_or_announcement_passes() -> None:
    tied = field(errorText="Enter your email address", ariaInvalid="true")
    assert outcome(tied, attempt(focusOnError=True)) is Outcome.PASSED
    assert outcome(tied, attempt(announced=["There is a problem"])) is Outcome.PASSED
    assert outcome(field(labelText="- required"), attempt(focusOnError=True)) is Outcome.PASSED


def test_tied_text_neither_announced_nor_focused_fails() -> None:
    verdict = field_verdict(field(errorText="Enter your email address"), attempt())
    assert verdict.outcome is Outcome.FAILED and "neither announced nor focused" in verdict.message


def test_nearby_text_counts_as_tied_only_with_aria_invalid() -> None:
    assert outcome(field(nearbyText="Email is required"), attempt(focusOnError=True)) is Outcome.CANT_TELL
    nearby = field(nearbyText="Email is required", ariaInvalid="true")
    assert outcome(nearby, attempt(focusOnError=True)) is Outcome.PASSED


def test_browser_validation_passes() -> None:
    assert outcome(field(native=True)) is Outcome.PASSED


def test_no_reaction_is_cantell_either_way() -> None:
    sent = field_verdict(field(), attempt(submits=[{"form": "#f", "script": False}]))
    assert sent.outcome is Outcome.CANT_TELL and "server" in sent.message
    assert outcome(field()) is Outcome.CANT_TELL


def test_terse_message_for_a_malformed_value_needs_review() -> None:
    terse = field(errorText="Invalid", ariaInvalid="true")
    assert outcome(terse, attempt(mode="invalid", focusOnError=True)) is Outcome.CANT_TELL
    assert outcome(terse, attempt(mode="empty", focusOnError=True)) is Outcome.PASSED


def test_worst_attempt_wins_per_field() -> None:
    good = field(errorText="Enter your email address", ariaInvalid="true")
    artifact: FormAttempts = {
        "attempts": [
            attempt(fields=[good], focusOnError=True),
            attempt(mode="invalid", fields=[field(lookChanged=True)], focusOnError=True),
        ]
    }
    assert verdicts(artifact)[Target("#email", "<input id=email>")].outcome is Outcome.FAILED
