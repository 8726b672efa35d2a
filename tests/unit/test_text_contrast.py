"""Text contrast decided from the pixels behind each character (a11y_audit.judge.text_contrast),
and how it turns axe-core's undecided color-contrast nodes into findings."""

from __future__ import annotations

from typing import Any

import pytest

from a11y_audit.artifacts.text_backgrounds import CharacterBackground, TextBackground
from a11y_audit.judge.axe_results import findings_from_axe
from a11y_audit.judge.text_contrast import decidable, has_words, is_large, judge_text
from a11y_audit.model import Outcome

WHITE, BLACK = [255, 255, 255], [0, 0, 0]


def behind(
    darkest: list[int], lightest: list[int], *, covered: bool = False, char: str = "a"
) -> CharacterBackground:
    low = [min(a, b) for a, b in zip(darkest, lightest, strict=True)]
    high = [max(a, b) for a, b in zip(darkest, lightest, strict=True)]
    return {
        "char": char,
        "darkest": darkest,
        "lightest": lightest,
        "low": low,
        "high": high,
        "covered": covered,
    }


def text(colour: str, /, *boxes: CharacterBackground, words: str = "", **extra: Any) -> TextBackground:
    measured: TextBackground = {
        "target": ["p"],
        "colour": colour,
        "font_px": 16.0,
        "font_weight": 400,
        "composited": False,
        "loading": False,
        "text": words or "a" * len(boxes),
        "characters": list(boxes),
    }
    measured.update(extra)  # type: ignore[typeddict-item]
    return measured


def test_text_under_the_threshold_against_every_pixel_fails() -> None:
    # #AAA over white to light blue: 2.3:1 at best (the rule's gradient example).
    judged = judge_text(
        text("rgb(170, 170, 170)", behind([200, 200, 255], WHITE), behind([150, 150, 255], WHITE))
    )
    assert judged.outcome is Outcome.FAILED
    assert "2.32:1" in judged.reason


def test_text_passing_against_its_least_favourable_pixel_passes() -> None:
    # #333 over white to light blue: from 12.6:1 down to 5.4:1.
    judged = judge_text(
        text("rgb(51, 51, 51)", behind([200, 200, 255], WHITE), behind([160, 160, 255], WHITE))
    )
    assert judged.outcome is Outcome.PASSED


def test_text_that_passes_on_some_pixels_and_not_others_needs_review() -> None:
    # Light grey on an image with a dark shadow: the shadow's pixels give contrast, the image's do not.
    judged = judge_text(text("rgb(204, 204, 204)", behind(BLACK, [250, 200, 150])))
    assert judged.outcome is Outcome.CANT_TELL


def test_one_failing_character_fails_the_text() -> None:
    # Translucent grey: 4.2:1 over the white half, 2.3:1 over the black; the character on the
    # edge has both behind it, so its highest possible contrast passes.
    grey = "rgba(90, 90, 90, 0.8)"
    judged = judge_text(text(grey, behind(WHITE, WHITE), behind(BLACK, WHITE), behind(BLACK, BLACK)))
    assert judged.outcome is Outcome.FAILED
    assert judge_text(text(grey, behind(BLACK, WHITE))).outcome is Outcome.CANT_TELL


def test_translucent_text_is_bounded_by_what_it_mixes_with() -> None:
    # Half-transparent black over white to black: its pixels range from mid grey to black.
    judged = judge_text(text("rgba(0, 0, 0, 0.5)", behind(BLACK, WHITE)))
    assert judged.outcome is Outcome.CANT_TELL


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ({"composited": True}, "opacity"),
        ({"loading": True}, "not loaded"),
        ({"colour": "color(display-p3 1 0 0)"}, "opacity"),
    ],
)
def test_what_the_picture_cannot_show_needs_review(extra: dict[str, Any], reason: str) -> None:
    judged = judge_text(text("rgb(170, 170, 170)", behind(WHITE, WHITE), **extra))
    assert judged.outcome is Outcome.CANT_TELL
    assert reason in judged.reason


def test_invisible_text_and_text_without_words_are_never_failed() -> None:
    assert judge_text(text("rgb(255, 255, 255)", behind(WHITE, WHITE))).outcome is Outcome.CANT_TELL
    assert (
        judge_text(text("rgb(170, 170, 170)", behind(WHITE, WHITE), words="*")).outcome is Outcome.CANT_TELL
    )


def test_covered_characters_are_neither_failed_nor_passed() -> None:
    covered = behind(WHITE, WHITE, covered=True)
    assert judge_text(text("rgb(170, 170, 170)", covered)).outcome is Outcome.CANT_TELL
    assert judge_text(text("rgb(0, 0, 0)", covered)).outcome is Outcome.CANT_TELL


def test_text_measured_in_part_is_never_passed() -> None:
    judged = judge_text(text("rgb(0, 0, 0)", behind(WHITE, WHITE), words="ab"))
    assert judged.outcome is Outcome.CANT_TELL


def test_large_text_needs_three_to_one() -> None:
    # Black on #666 is 3.6:1: large text passes, normal text fails.
    grey = behind([102, 102, 102], [102, 102, 102])
    assert judge_text(text("rgb(0, 0, 0)", grey, font_px=24.0)).outcome is Outcome.PASSED
    assert judge_text(text("rgb(0, 0, 0)", grey, font_px=18.67, font_weight=700)).outcome is Outcome.PASSED
    assert judge_text(text("rgb(0, 0, 0)", grey, font_px=18.67)).outcome is Outcome.FAILED
    assert is_large(24.0, 400) and is_large(18.66, 700) and not is_large(23.9, 600)


def test_words_are_letters_or_digits() -> None:
    assert has_words("Sale 50%") and has_words("3") and not has_words("★ -- ±")


def contrast_node(key: str) -> dict[str, Any]:
    return {
        "target": ["p"],
        "html": "<p>Some text</p>",
        "any": [{"id": "color-contrast", "data": {"messageKey": key}}],
    }


def test_only_undecided_backgrounds_are_decided() -> None:
    assert decidable(contrast_node("bgGradient")) and decidable(contrast_node("bgOverlap"))
    assert not decidable(contrast_node("equalRatio")) and not decidable(contrast_node("imgNode"))


def incomplete(node: dict[str, Any]) -> dict[str, Any]:
    rule = {"id": "color-contrast", "tags": ["wcag2aa", "wcag143"], "impact": "serious", "nodes": [node]}
    return {"violations": [], "incomplete": [rule]}


def test_axe_incomplete_contrast_becomes_failed_passed_or_stays_needs_review() -> None:
    failing = {"texts": [text("rgb(170, 170, 170)", behind(WHITE, WHITE))]}
    passing = {"texts": [text("rgb(0, 0, 0)", behind(WHITE, WHITE))]}
    raw = incomplete(contrast_node("bgImage"))
    (finding,) = findings_from_axe(raw, "http://shop.test/", failing)  # type: ignore[arg-type]
    assert finding.outcome is Outcome.FAILED
    assert finding.where.message.startswith("Pixels behind the text: the highest possible contrast")
    assert list(findings_from_axe(raw, "http://shop.test/", passing)) == []  # type: ignore[arg-type]
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.CANT_TELL
    # Equal colours are invisible text, not decided from pixels.
    (finding,) = findings_from_axe(incomplete(contrast_node("equalRatio")), "http://shop.test/", failing)  # type: ignore[arg-type]
    assert finding.outcome is Outcome.CANT_TELL
