"""What checks share: the worst-verdict fold and the judge/commons helpers."""

from __future__ import annotations

from typing import cast

import pytest

from a11y_audit.artifacts.layout_adaptation import Measurement, ViewportSize
from a11y_audit.artifacts.shared import Blocked, Described, Rect
from a11y_audit.check import Target, Verdict, cant_tell, failed, passed
from a11y_audit.judge.commons import (
    context_change,
    contrast,
    measured_verdicts,
    over,
    target_of,
    whole_page_passes,
)
from a11y_audit.judge.engine import keep_worst
from a11y_audit.judge.registry import builtin_checks
from a11y_audit.model import Outcome

A = Target("#a", "<a>")
VIEWPORT: ViewportSize = {"width": 320, "innerWidth": 320, "height": 512, "dpr": 4.0}


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        (passed("ok"), cant_tell("maybe"), "maybe"),
        (cant_tell("maybe"), failed("cut"), "cut"),
        (failed("cut"), passed("ok"), "cut"),
        (cant_tell("first"), cant_tell("second"), "first"),
    ],
)
def test_keep_worst_keeps_the_gravest_and_the_first_of_equals(
    first: Verdict, second: Verdict, kept: str
) -> None:
    verdicts: dict[Target, Verdict] = {}
    keep_worst(verdicts, A, first)
    keep_worst(verdicts, A, second)
    assert verdicts == {A: next(v for v in (first, second) if v.message == kept)}


def test_target_of_falls_back_to_the_document() -> None:
    rect: Rect = {"x": 0, "y": 0, "width": 10, "height": 10}
    assert target_of({"selector": "#x", "snippet": "<p>", "rect": rect}) == Target("#x", "<p>")
    assert target_of(cast(Described, {})) == Target("html", "")


def test_whole_page_passes_only_a_measured_page_without_verdicts() -> None:
    measured: dict[Target, Verdict] = {}
    nothing: Measurement = {"viewport": VIEWPORT, "clipped": [], "fits": [], "overlaps": []}
    whole_page_passes(measured, nothing, "At 200%")
    assert [v.outcome for v in measured.values()] == [Outcome.PASSED]
    unmeasured: dict[Target, Verdict] = {}
    whole_page_passes(unmeasured, None, "At 200%")
    assert unmeasured == {}


def test_a_measurement_not_made_has_no_verdicts_and_an_empty_one_passes_the_page() -> None:
    assert measured_verdicts(None, "At 200%") == {}
    nothing: Measurement = {"viewport": VIEWPORT, "clipped": [], "fits": [], "overlaps": []}
    assert list(measured_verdicts(nothing, "At 200%")) == [Target("html", "<html>")]


def test_contrast_of_black_on_white_is_21_and_transparent_paint_changes_nothing() -> None:
    assert contrast((0, 0, 0, 1), (255, 255, 255, 1)) == pytest.approx(21)
    assert over((0, 0, 0, 0), (255, 255, 255, 1)) == (255, 255, 255, 1)


def test_context_change_names_a_submission_before_a_navigation() -> None:
    entry: Blocked = {
        "submits": [{"form": "#f", "script": True}],
        "navigations": [{"url": "https://s/", "form": True}],
        "opened": [None],
    }
    assert context_change(entry) == "submitted its form from script and opened a new window (blank)"
    assert context_change({"submits": [], "navigations": [], "opened": []}) == ""


def test_the_registry_does_not_take_commons_for_a_check() -> None:
    assert all(type(check).__module__.startswith("a11y_audit.checks.") for check in builtin_checks())
