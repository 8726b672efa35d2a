"""heading-not-marked-up, list-not-marked-up and css-generated-content judged over hand-written
`visual_structure` artifacts (the browser side: tests/browser/test_check_fixtures.py)."""

from __future__ import annotations

from typing import Any

import pytest
from lxml.html import fromstring

from a11y_audit.artifacts.kinds import VISUAL_STRUCTURE
from a11y_audit.artifacts.shared import Rect
from a11y_audit.artifacts.visual_structure import (
    Generated,
    HeadingStyle,
    LineGroup,
    NextBlock,
    StyledBlock,
    VisualStructure,
)
from a11y_audit.check import Page, Target, WholePageCheck
from a11y_audit.model import Outcome, PageRecord
from checks.css_generated_content import CssGeneratedContent, generated_text
from checks.heading_not_marked_up import HeadingNotMarkedUp
from checks.list_not_marked_up import ListNotMarkedUp, longest_run

RECT: Rect = {"x": 0, "y": 0, "width": 100, "height": 20}


def structure(**parts: Any) -> VisualStructure:
    base: VisualStructure = {
        "bodySize": 16, "bodyWeight": 400, "headings": [], "styled": [], "lists": [], "generated": [],
        "walked": 10, "complete": True, "ms": 1,
    }  # fmt: skip
    base.update(parts)  # type: ignore[typeddict-item]
    return base


def outcomes(check: WholePageCheck, artifact: VisualStructure) -> dict[str, Outcome]:
    page = Page(PageRecord(url="https://shop.example/"), fromstring("<p></p>"), {VISUAL_STRUCTURE: artifact})
    return {
        target.selector: verdict.outcome
        for target, verdict in check.judge(page).items()
        if isinstance(target, Target)
    }


BODY_TEXT = "We send every order with a tracked courier within three days."


def following(text: str = BODY_TEXT, **more: Any) -> NextBlock:
    block: NextBlock = {
        "tag": "p", "text": text, "chars": len(text), "size": 16, "weight": 400, "inside": [],
        "top": 140, "bottom": 180, "left": 8,
    }  # fmt: skip
    block.update(more)  # type: ignore[typeddict-item]
    return block


def styled(text: str = "Returning an item", size: float = 26, weight: int = 700, **more: Any) -> StyledBlock:
    block: StyledBlock = {
        "selector": "#b", "snippet": "<div id=b>", "rect": RECT, "tag": "div", "text": text, "size": size,
        "weight": weight, "inside": [], "top": 100, "bottom": 130, "left": 8, "next": following(),
    }  # fmt: skip
    block.update(more)  # type: ignore[typeddict-item]
    return block


def heading_outcome(block: StyledBlock, **parts: Any) -> Outcome | None:
    return outcomes(HeadingNotMarkedUp(), structure(styled=[block], **parts)).get("#b")


H2: list[HeadingStyle] = [{"text": "Delivery", "size": 20.8, "weight": 700}]


def test_much_larger_text_or_text_styled_like_the_pages_headings_fails() -> None:
    assert heading_outcome(styled(size=24, weight=400)) is Outcome.FAILED
    assert heading_outcome(styled(size=20, weight=700), headings=H2) is Outcome.FAILED
    assert heading_outcome(styled(inside=["heading"])) is Outcome.PASSED


def test_larger_and_bold_in_a_style_no_heading_has_needs_review() -> None:
    # "Out of stock" in red, 1.25 times and bold, over a note: a status as often as a heading.
    assert heading_outcome(styled(size=20, weight=700)) is Outcome.CANT_TELL
    assert heading_outcome(styled(size=20, weight=700), headings=[{**H2[0], "size": 32}]) is Outcome.CANT_TELL


def test_bold_or_a_little_larger_or_a_colon_needs_review() -> None:
    assert heading_outcome(styled(size=16, weight=700)) is Outcome.CANT_TELL
    assert heading_outcome(styled(size=20, weight=400)) is Outcome.CANT_TELL
    assert heading_outcome(styled("Delivery options:")) is Outcome.CANT_TELL
    # Bold body text is no evidence on a page whose body text is bold.
    assert heading_outcome(styled(size=20, weight=700), bodyWeight=700) is Outcome.CANT_TELL


@pytest.mark.parametrize(
    "block",
    [
        styled(inside=["control"]),  # a link or button
        styled(inside=["chrome"]),  # the page header's logo
        styled(inside=["table"]),
        styled(inside=["list", "menu"]),
        styled(inside=["label"]),
        styled("£24.00"),
        styled("From 19.99"),
        styled("4.5 out of 5"),  # a rating
        styled("Free delivery on every order."),  # a sentence
        styled(next=None),  # heads nothing
        styled(next=following("Shop now", inside=["control"])),  # a call to action under a banner line
        styled(next=following("Short")),  # too little text below to be what it heads
        styled(next=following(top=100)),  # beside it, not below
        styled(next=following(top=400)),  # far below
        styled(next=following(left=600)),  # below, in another column
        styled(next=following(size=26, weight=700)),  # another line styled alike (a kicker, a subtitle)
    ],
)
def test_what_is_no_heading_or_heads_nothing_is_not_judged(block: StyledBlock) -> None:
    assert heading_outcome(block) is None


def test_a_heading_may_introduce_a_list_or_a_table() -> None:
    assert heading_outcome(styled(next=following("Linen", inside=["list"]))) is Outcome.FAILED
    assert heading_outcome(styled(next=following("Size", inside=["table"]))) is Outcome.FAILED


def lines(*texts: str, inside: list[str] | None = None, kind: str = "br") -> LineGroup:
    return {"selector": "#l", "snippet": "<p id=l>", "rect": RECT, "kind": kind, "lines": list(texts),
            "inside": inside or []}  # fmt: skip


def list_outcome(group: LineGroup) -> Outcome | None:
    return outcomes(ListNotMarkedUp(), structure(lists=[group])).get("#l")


def test_bulleted_and_numbered_lines_fail() -> None:
    assert list_outcome(lines("• Linen", "• Buttons", "• Portugal")) is Outcome.FAILED
    assert list_outcome(lines("Features:", "✓ Linen", "✓ Buttons", "✓ Portugal")) is Outcome.FAILED
    assert list_outcome(lines("1. Choose", "2. Add", "3. Pay", kind="blocks")) is Outcome.FAILED
    assert list_outcome(lines("a) Choose", "b) Add", "c) Pay")) is Outcome.FAILED


def test_dashes_and_long_numbered_paragraphs_need_review() -> None:
    assert list_outcome(lines("- Size S", "- Size M", "- Size L")) is Outcome.CANT_TELL
    long = "x" * 120
    assert list_outcome(lines(f"1. {long}", f"2. {long}", f"3. {long}", kind="blocks")) is Outcome.CANT_TELL


def test_lines_without_a_run_of_three_pass_and_lines_in_controls_are_not_judged() -> None:
    assert list_outcome(lines("• Linen", "• Buttons", "Made in Portugal")) is Outcome.PASSED
    assert list_outcome(lines("1. Choose", "4. Pay", "2. Wait")) is Outcome.PASSED
    assert list_outcome(lines("-- a", "-- b", "-- c")) is Outcome.PASSED
    assert list_outcome(lines("★★★★★ 12", "★★★★☆ 3", "★★★☆☆ 1")) is Outcome.PASSED  # a rating breakdown
    assert list_outcome(lines("→ Delivery", "→ Returns", "→ Contact")) is Outcome.CANT_TELL
    assert list_outcome(lines("• a", "• b", "• c", inside=["menu"])) is None


def test_longest_run_takes_the_longest_sequence() -> None:
    run = longest_run(["1. a", "2. b", "3. c", "x", "• a", "• b", "• c", "• d"])
    assert run is not None and run.marker == "•" and len(run.lines) == 4


def pseudo(content: str, **more: Any) -> Generated:
    item: Generated = {
        "selector": "#g", "snippet": "<span id=g>", "rect": RECT, "which": "::after", "content": content,
        "visible": True, "fontFamily": "sans-serif", "srOnly": False, "text": "Linen shirt", "label": "",
        "inside": [], "requiredControl": None,
    }  # fmt: skip
    item.update(more)  # type: ignore[typeddict-item]
    return item


def css_outcome(item: Generated) -> Outcome | None:
    return outcomes(CssGeneratedContent(), structure(generated=[item])).get("#g")


def test_words_shown_but_hidden_from_screen_readers_fail_other_words_need_review() -> None:
    assert css_outcome(pseudo('"Sale" / ""')) is Outcome.FAILED
    assert css_outcome(pseudo('"New"')) is Outcome.CANT_TELL  # exposed by browsers: F87 is obsolete
    assert css_outcome(pseudo('"Note: "')) is Outcome.CANT_TELL
    assert css_outcome(pseudo('"New" / "New product"')) is Outcome.CANT_TELL
    assert css_outcome(pseudo('"Sale" / ""', inside=["hidden"])) is Outcome.CANT_TELL
    assert css_outcome(pseudo('"Shirt"')) is Outcome.PASSED
    assert css_outcome(pseudo('"Wishlist"', label="Wishlist")) is Outcome.PASSED


def test_symbols_and_numbers_need_review() -> None:
    assert css_outcome(pseudo('" *"')) is Outcome.CANT_TELL
    assert css_outcome(pseudo('" *"', requiredControl=True)) is Outcome.PASSED
    assert css_outcome(pseudo('"3"', text="")) is Outcome.CANT_TELL
    assert css_outcome(pseudo('"£"')) is Outcome.CANT_TELL
    assert css_outcome(pseudo('"✓"')) is Outcome.CANT_TELL


@pytest.mark.parametrize(
    "item",
    [
        pseudo('"/"'), pseudo('"\u201c"'), pseudo("open-quote"), pseudo('"\u2192"'), pseudo('"\u2022"'),
        pseudo('"\uf07a"'), pseudo('"cart"', fontFamily='"Material Icons"'), pseudo('"Sale"', visible=False),
        pseudo('" (opens in a new window)"', srOnly=True), pseudo('counter(step) ". "'),
    ],
)  # fmt: skip
def test_decoration_icons_and_hidden_content_are_not_judged(item: Generated) -> None:
    assert css_outcome(item) is None


def test_generated_text_reads_strings_escapes_and_the_alternative_text() -> None:
    assert generated_text('"New"') == ("New", None)
    assert generated_text('"Say \\"hi\\""') == ('Say "hi"', None)
    assert generated_text('"\\2605 "') == ("\u2605", None)
    assert generated_text('"\uf2f6" / ""') == ("\uf2f6", "")
    assert generated_text('"/"') == ("/", None)
    assert generated_text('"a/b" / "A or B"') == ("a/b", "A or B")
    assert generated_text('counter(item) ". "') == (". ", None)
