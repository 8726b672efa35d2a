"""iframe-same-name-different-content judged over hand-written `frames` artifacts."""

from __future__ import annotations

from typing import Any, cast

from a11y_audit.artifacts.frames import ShownFrame
from a11y_audit.checks.iframe_same_name_different_content import verdicts, words
from a11y_audit.model import Outcome

PAGE_ONE = "https://shop.example/help/contributors.html"


def frame(selector: str, text: str, **overrides: Any) -> ShownFrame:
    base: dict[str, Any] = {
        "selector": selector,
        "snippet": "<iframe>",
        "name": "List of contributors",
        "url": f"https://shop.example/{selector.strip('#')}.html",
        "readable": True,
        "complete": True,
        "text": text,
        "truncated": False,
    }
    return cast(ShownFrame, {**base, **overrides})


def outcomes(*frames: ShownFrame) -> dict[str, Outcome]:
    return {target.selector: verdict.outcome for target, verdict in verdicts(list(frames)).items()}


def test_words_ignore_case_and_short_words() -> None:
    assert words("The Size guide, a table of sizes") == {"the", "size", "guide", "table", "sizes"}


def test_documents_with_no_word_in_common_fail() -> None:
    found = outcomes(frame("#a", "Root > Page one\nHome Contact"), frame("#b", "Lorem ipsum..."))
    assert found == {"#a": Outcome.FAILED, "#b": Outcome.FAILED}


def test_names_match_ignoring_case_and_spacing() -> None:
    found = outcomes(frame("#a", "Returns"), frame("#b", "Gift cards", name=" list  of CONTRIBUTORS "))
    assert set(found.values()) == {Outcome.FAILED}


def test_same_address_or_same_text_passes() -> None:
    assert set(outcomes(frame("#a", "One", url=PAGE_ONE), frame("#b", "Two", url=PAGE_ONE)).values()) == {
        Outcome.PASSED
    }
    assert set(outcomes(frame("#a", "Same  text"), frame("#b", "Same text")).values()) == {Outcome.PASSED}
    unread = {"readable": False, "complete": False, "url": PAGE_ONE}
    assert set(outcomes(frame("#a", "", **unread), frame("#b", "", **unread)).values()) == {Outcome.PASSED}


def test_srcdoc_documents_are_not_the_same_by_address() -> None:
    srcdoc = {"url": "about:srcdoc"}
    found = outcomes(frame("#a", "Summer sale", **srcdoc), frame("#b", "Winter sale", **srcdoc))
    assert set(found.values()) == {Outcome.CANT_TELL}


def test_overlapping_or_unreadable_documents_are_left_for_review() -> None:
    ads = outcomes(
        frame("#a", "This is my random advertising. Please, buy things!", name="advertising"),
        frame("#b", "This is an other random advertising. Please buy more things!", name="advertising"),
    )
    assert set(ads.values()) == {Outcome.CANT_TELL}
    other_origin = frame("#b", "", readable=False, complete=False, url="https://ads.example/x")
    assert set(outcomes(frame("#a", "Returns"), other_origin).values()) == {Outcome.CANT_TELL}


def test_unsure_documents_are_not_failed() -> None:
    for text, overrides in (
        ("Gift cards", {"complete": False}),
        ("Gift cards", {"truncated": True}),
        ("  ", {}),
    ):
        found = outcomes(frame("#a", "Returns within 30 days"), frame("#b", text, **overrides))
        assert Outcome.FAILED not in found.values(), overrides
    japanese = outcomes(frame("#a", "返品は30日以内"), frame("#b", "ギフトカードの金額"))
    assert set(japanese.values()) == {Outcome.CANT_TELL}


def test_frames_with_unique_names_are_not_judged() -> None:
    assert outcomes(frame("#a", "Returns"), frame("#b", "Gift cards", name="Gift cards")) == {}
