"""Text that is cut off or overlaps other text once the WCAG 1.4.12 spacing is applied.

WCAG 1.4.12: no content may be lost when a user sets line height 1.5, paragraph spacing 2,
letter spacing 0.12 and word spacing 0.16 times the font size. The `layout_adaptation`
gatherer injects exactly that style (the W3C-referenced text-spacing bookmarklet's rules,
`!important` on every element) and reports, against the unchanged page, elements whose
overflow is hidden and that now clip their text, and pairs of texts that now overlap
(failure F104: fixed-height boxes, `overflow: hidden`, absolutely positioned labels).
https://www.w3.org/WAI/WCAG21/Understanding/text-spacing.html

The judgement of one measurement (what counts as cut off) is shared with `resize-text` and
`reflow`, which measure the same things at 200% zoom and at 320 CSS px.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact, Outcome

__all__ = ["TextSpacing", "clipping_verdicts", "merge", "target_of", "whole_page_passes"]

_SIDEWAYS_PX = 2
"""Text reaching more than this beyond the side of its box has lost at least part of a letter."""
_LINE_SHARE = 0.25
"""Text cut by a quarter of its line height at the top or bottom has lost part of its letters."""
_RANK = {Outcome.PASSED: 0, Outcome.CANT_TELL: 1, Outcome.FAILED: 2}


def target_of(item: Mapping[str, Any]) -> Target:
    """The element a gatherer described (js/lib/describe.js), as a verdict's target."""
    return Target(str(item.get("selector") or "html"), str(item.get("snippet") or ""))


def merge(verdicts: dict[Target, Verdict], target: Target, verdict: Verdict) -> None:
    """Keep the gravest verdict per element (one element can be clipped and overlapped)."""
    known = verdicts.get(target)
    if known is None or _RANK[verdict.outcome] > _RANK[known.outcome]:
        verdicts[target] = verdict


def clipping_verdicts(measurement: Mapping[str, Any], when: str) -> dict[Target, Verdict]:
    """Verdicts on one measurement's boxes that clip text, and on overlapping text.

    Boxes that hide their overflow and still fit their text pass; `when` opens each message.
    """
    verdicts: dict[Target, Verdict] = {}
    for item in measurement.get("fits") or []:
        merge(verdicts, target_of(item), passed(f"{when} the text {_quote(item)} still fits its box"))
    for item in measurement.get("clipped") or []:
        merge(verdicts, target_of(item), _clipped(item, when))
    for item in measurement.get("overlaps") or []:
        other = item.get("other") or {}
        merge(
            verdicts,
            target_of(item),
            failed(
                f"{when} its text {_quote(item)} overlaps {_quote(other)} ({other.get('selector', '?')}) "
                f"by {item.get('overlap', '?')} px: give the boxes room to grow (no fixed heights or "
                "absolute positions for text)"
            ),
        )
    return verdicts


def _clipped(item: Mapping[str, Any], when: str) -> Verdict:
    text = item.get("textOverflow") or {}
    sideways, vertical, line = (float(text.get(key) or 0) for key in ("x", "y", "line"))
    fix = "let the box grow with its text (min-height, not height; no overflow: hidden; wrap, not nowrap)"
    if sideways > _SIDEWAYS_PX:
        return failed(f"{when} {sideways:g} px of the text {_quote(item)} is cut off at the side: {fix}")
    if line and vertical >= max(_SIDEWAYS_PX, line * _LINE_SHARE):
        return failed(
            f"{when} the text {_quote(item)} is cut off by {vertical:g} px at the top or bottom: {fix}"
        )
    if sideways >= 1 or vertical >= 1:
        return cant_tell(
            f"{when} the text {_quote(item)} reaches {max(sideways, vertical):g} px beyond its box, which "
            "hides its overflow: check whether letters are cut off"
        )
    scroll = item.get("overflow") or {}
    lines = max(float(scroll.get("x") or 0), float(scroll.get("y") or 0))
    if lines >= _SIDEWAYS_PX:
        return cant_tell(
            f"{when} the lines of {_quote(item)} outgrow their box by {lines:g} px and the box hides its "
            "overflow; the letters seem to fit: check that no descenders or accents are cut off"
        )
    return passed(f"{when} the text {_quote(item)} still fits its box")


def _quote(item: Mapping[str, Any]) -> str:
    text = str(item.get("text") or "")
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def whole_page_passes(
    verdicts: dict[Target, Verdict], measurement: Mapping[str, Any] | None, when: str
) -> None:
    """A measured page with nothing clipped passes as a whole (so the check counts as run)."""
    if measurement is not None and not verdicts:
        verdicts[Target("html", "<html>")] = passed(f"{when} no text was clipped or overlapped")


class TextSpacing(WholePageCheck):
    meta = CheckMeta(
        id="text-spacing",
        title="Text stays readable with increased text spacing",
        failure_title="Text is cut off or overlaps when text spacing is increased",
        description=(
            "People with dyslexia or low vision override line, paragraph, letter and word spacing to "
            "read; text in boxes that cannot grow is then cut off or runs into other text. The check "
            "applies the WCAG 1.4.12 spacing (line height 1.5, paragraphs 2, letters 0.12, words 0.16 "
            "times the font size) to every element and reports text, newly compared with the page as "
            "it was, that a box with overflow: hidden cuts off (failed when letters are lost, cantTell "
            "when only a pixel or two may be) and text that now overlaps other text. Fix: min-height "
            "instead of height, no overflow: hidden or white-space: nowrap on text, no absolutely "
            "positioned text boxes. It cannot see text painted over by non-text content, spacing "
            "that breaks functionality rather than text, or text inside frames and shadow roots."
        ),
        wcag=("1.4.12",),
        impact=Impact.SERIOUS,
        requires=("dom", LAYOUT_ADAPTATION),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return _verdicts(page)


def _verdicts(page: Page) -> dict[Target, Verdict]:
    measurement = page.artifacts[LAYOUT_ADAPTATION].get("text_spacing")
    when = "With WCAG text spacing"
    verdicts = clipping_verdicts(measurement or {}, when)
    whole_page_passes(verdicts, measurement, when)
    return verdicts
