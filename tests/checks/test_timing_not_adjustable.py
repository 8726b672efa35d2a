"""timing-not-adjustable judged over hand-written `timing` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.shared import Described
from a11y_audit.artifacts.timing import FiredTimer, TimerMessage
from a11y_audit.checks.timing_not_adjustable import page_end, timing_verdicts, warning
from a11y_audit.model import Outcome


def fired(**overrides: Any) -> FiredTimer:
    base: dict[str, Any] = {
        "kind": "timeout",
        "delay": 900_000,
        "error": None,
        "navigations": [],
        "submits": [],
        "opened": [],
        "requests": [],
        "nativeDialogs": [],
        "messages": [],
        "fieldsBefore": 6,
        "fieldsAfter": 6,
        "textBefore": 2000,
        "textAfter": 2000,
    }
    return cast(FiredTimer, {**base, **overrides})


def message(text: str, *controls: str, role: str = "dialog", selector: str = "#warning") -> TimerMessage:
    shown = {"selector": selector, "snippet": "<div>", "text": text, "role": role, "controls": list(controls)}
    return cast(TimerMessage, shown)


REDIRECT = fired(navigations=[{"url": "https://shop.example/cart?expired=1", "form": False}])


def outcomes(*timers: FiredTimer) -> dict[str, Outcome]:
    main = cast(Described, {"selector": "#main", "snippet": "<main>"})
    found = timing_verdicts({"page": main, "fired": list(timers)})
    return {target.selector: verdict.outcome for target, verdict in found.items()}


def test_a_redirect_with_no_warning_before_fails_on_the_main_content() -> None:
    assert outcomes(fired(delay=30_000), REDIRECT) == {"#main": Outcome.FAILED}


def test_timers_that_end_nothing_are_not_judged() -> None:
    newsletter = fired(delay=45_000, messages=[message("Join our newsletter for 10% off", "Subscribe")])
    assert outcomes(fired(delay=30_000, requests=[{"url": "/collect", "method": "POST"}]), newsletter) == {}


def test_a_warning_with_a_way_to_extend_before_the_end_passes_on_the_warning() -> None:
    text = "Do you need more time? Checkout times out in 2 minutes."
    warned = fired(delay=780_000, messages=[message(text, "Continue checkout")])
    assert outcomes(warned, REDIRECT) == {"#warning": Outcome.PASSED}


def test_a_warning_without_a_way_to_extend_is_cant_tell() -> None:
    notice = fired(delay=840_000, messages=[message("Your session expires in 60 seconds.", role="alert")])
    assert outcomes(notice, REDIRECT) == {"#warning": Outcome.CANT_TELL}
    assert outcomes(notice) == {"#warning": Outcome.CANT_TELL}  # the end may come from a short countdown


def test_each_time_limit_needs_its_own_warning() -> None:
    warned = fired(delay=600_000, messages=[message("You will be signed out in 2 minutes", "Stay signed in")])
    hard_limit = fired(delay=3_600_000, navigations=[{"url": "/signin", "form": False}])
    assert outcomes(warned, REDIRECT, hard_limit) == {"#warning": Outcome.PASSED, "#main": Outcome.FAILED}


def test_a_native_confirm_is_a_warning_that_offers_more_time() -> None:
    asked = fired(
        delay=600_000, nativeDialogs=['confirm("Your session is about to expire. Stay signed in?")']
    )
    assert outcomes(asked, REDIRECT) == {"#main": Outcome.PASSED}


def test_a_message_shown_by_the_ending_timer_itself_is_not_a_warning() -> None:
    expired = fired(
        navigations=[{"url": "/signin", "form": False}],
        messages=[message("Your session has expired", "Sign in")],
    )
    assert outcomes(expired) == {"#main": Outcome.FAILED}


def test_what_ends_a_page() -> None:
    assert page_end(fired(submits=[{"form": "#logout", "script": True}])) == "submits a form"
    assert "ends the session" in str(page_end(fired(requests=[{"url": "/account/logout", "method": "POST"}])))
    assert page_end(fired(requests=[{"url": "/analytics/collect", "method": "POST"}])) is None
    assert "form fields" in str(page_end(fired(fieldsAfter=0)))
    assert "text" in str(page_end(fired(textAfter=300)))
    assert page_end(fired()) is None


def test_only_messages_about_time_are_warnings() -> None:
    assert warning(fired(messages=[message("Free delivery this weekend", "Shop now")])) is None
    shown = warning(fired(messages=[message("You will be signed out in 2 minutes", "Stay signed in")]))
    assert shown is not None and shown.extend and shown.text == "You will be signed out in 2 minutes"
