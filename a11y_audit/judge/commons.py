"""Judgements several checks share, as axe-core's `commons/`: one home, so no check imports another.

It lives in judge/, outside the a11y_audit.checks package, so the registry (which takes
every module of that package for a check module) never mistakes it for a check.

- `target_of`: the element a gatherer described in the browser, as a verdict's Target.
- `per_trigger`: one verdict per trigger the dialogs gatherer probed (the dialog checks).
- `measured_verdicts`, `clipping_verdicts`, `clipped_verdict`, `whole_page_passes`, `quoted`:
  what counts as text cut off or overlapped in one layout measurement (text spacing, 200%
  zoom, 320 CSS px: text-spacing, resize-text, reflow).
- `css_colour`, `over`, `luminance`, `contrast`: computed CSS colours, compositing, WCAG
  relative luminance and contrast ratio (non-text-contrast, use-of-colour, text contrast).
- `context_change`: what a page tried after an action, in words (change-on-input,
  change-on-focus).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from a11y_audit.artifacts.dialogs import DialogProbe
from a11y_audit.artifacts.layout_adaptation import Clipped, Measurement, TextBox
from a11y_audit.artifacts.shared import Blocked, Described
from a11y_audit.check import Target, Verdict, cant_tell, failed, passed
from a11y_audit.judge.engine import keep_worst

__all__ = [
    "CLEAR",
    "Colour",
    "clipped_verdict",
    "clipping_verdicts",
    "context_change",
    "contrast",
    "css_colour",
    "luminance",
    "measured_verdicts",
    "over",
    "per_trigger",
    "quoted",
    "target_of",
    "whole_page_passes",
]

Colour = tuple[float, float, float, float]
"""sRGB channels 0-255 and alpha 0-1."""
CLEAR: Colour = (0.0, 0.0, 0.0, 0.0)
_SIDEWAYS_PX = 2
"""Text reaching more than this beyond the side of its box has lost at least part of a letter."""
_LINE_SHARE = 0.25
"""Text cut by a quarter of its line height at the top or bottom has lost part of its letters."""


def target_of(item: Described) -> Target:
    """The element a gatherer described (js/lib/describe.js), as a verdict's target."""
    return Target(str(item.get("selector") or "html"), str(item.get("snippet") or ""))


def per_trigger(
    probes: Iterable[DialogProbe], judge: Callable[[DialogProbe], Verdict | None]
) -> dict[Target, Verdict]:
    """One verdict per probed trigger of the dialogs artifact, where `judge` has one."""
    found: dict[Target, Verdict] = {}
    for probe in probes:
        verdict = judge(probe)
        if verdict is not None:
            found[target_of(probe["trigger"])] = verdict
    return found


def measured_verdicts(measurement: Measurement | None, when: str) -> dict[Target, Verdict]:
    """Verdicts on one measurement (none when it was not made), the page passing as a whole
    when nothing in it clips or overlaps."""
    if measurement is None:
        return {}
    verdicts = clipping_verdicts(measurement, when)
    whole_page_passes(verdicts, measurement, when)
    return verdicts


def clipping_verdicts(
    measurement: Measurement, when: str, judge: Callable[[Clipped, str], Verdict] | None = None
) -> dict[Target, Verdict]:
    """Verdicts on one measurement's boxes that clip text, and on overlapping text.

    Boxes that hide their overflow and still fit their text pass; `when` opens each message.
    `judge` replaces `clipped_verdict` for a check with exceptions of its own (resize-text).
    One element can be clipped and overlapped: the worst verdict is kept.
    """
    verdicts: dict[Target, Verdict] = {}
    for item in measurement.get("fits") or []:
        keep_worst(verdicts, target_of(item), passed(f"{when} the text {quoted(item)} still fits its box"))
    for item in measurement.get("clipped") or []:
        keep_worst(verdicts, target_of(item), (judge or clipped_verdict)(item, when))
    for item in measurement.get("overlaps") or []:
        other = item["other"]
        keep_worst(
            verdicts,
            target_of(item),
            failed(
                f"{when} its text {quoted(item)} overlaps {quoted(other)} ({other.get('selector', '?')}) "
                f"by {item.get('overlap', '?')} px: give the boxes room to grow (no fixed heights or "
                "absolute positions for text)"
            ),
        )
    return verdicts


def clipped_verdict(item: Clipped, when: str) -> Verdict:
    """Failed when letters are cut off (at the side, or a quarter line at the top or bottom),
    cantTell when a pixel or two may be, passed when the letters fit."""
    text = item["textOverflow"]
    sideways, vertical, line = (
        (float(text["x"] or 0), float(text["y"] or 0), float(text["line"] or 0)) if text else (0.0, 0.0, 0.0)
    )
    fix = "let the box grow with its text (min-height, not height; no overflow: hidden; wrap, not nowrap)"
    if sideways > _SIDEWAYS_PX:
        return failed(f"{when} {sideways:g} px of the text {quoted(item)} is cut off at the side: {fix}")
    if line and vertical >= max(_SIDEWAYS_PX, line * _LINE_SHARE):
        return failed(
            f"{when} the text {quoted(item)} is cut off by {vertical:g} px at the top or bottom: {fix}"
        )
    if sideways >= 1 or vertical >= 1:
        return cant_tell(
            f"{when} the text {quoted(item)} reaches {max(sideways, vertical):g} px beyond its box, which "
            "hides its overflow: check whether letters are cut off"
        )
    scroll = item["overflow"]
    lines = max(float(scroll["x"] or 0), float(scroll["y"] or 0)) if scroll else 0.0
    if lines >= _SIDEWAYS_PX:
        return cant_tell(
            f"{when} the lines of {quoted(item)} outgrow their box by {lines:g} px and the box hides its "
            "overflow; the letters seem to fit: check that no descenders or accents are cut off"
        )
    return passed(f"{when} the text {quoted(item)} still fits its box")


def quoted(item: TextBox) -> str:
    """The box's text in quotes, cut at 60 characters, for a message."""
    text = str(item.get("text") or "")
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def whole_page_passes(verdicts: dict[Target, Verdict], measurement: Measurement | None, when: str) -> None:
    """A measured page with nothing clipped passes as a whole (so the check counts as run)."""
    if measurement is not None and not verdicts:
        verdicts[Target("html", "<html>")] = passed(f"{when} no text was clipped or overlapped")


def over(top: Sequence[float], bottom: Sequence[float]) -> Colour:
    """`top` painted over `bottom` (sRGB with alpha, 'source over' compositing)."""
    alpha = top[3] + bottom[3] * (1 - top[3])
    if alpha == 0:
        return CLEAR
    mixed = [(top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / alpha for i in range(3)]
    return (mixed[0], mixed[1], mixed[2], alpha)


def luminance(colour: Sequence[float]) -> float:
    """WCAG relative luminance of an opaque sRGB colour (channels 0-255), 0 to 1."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i]) for i in range(3))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


_RGB = re.compile(r"rgba?\(([^)]*)\)")


def css_colour(value: str) -> Colour | None:
    """A computed CSS colour ('rgb(26, 86, 219)', 'rgba(0, 0, 0, 0.5)') as channels."""
    found = _RGB.search(value or "")
    if found is None:
        return None
    parts = [float(part) for part in re.split(r"[\s,/]+", found.group(1).strip()) if part]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0) if len(parts) >= 3 else None


def contrast(first: Sequence[float], second: Sequence[float]) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def context_change(entry: Blocked) -> str:
    """What the page tried after the action, in words ("" when nothing): navigate, submit, open."""
    parts = []
    if entry["submits"]:
        parts.append("submitted its form" + (" from script" if entry["submits"][0].get("script") else ""))
    navigations = entry["navigations"] or []
    if navigations and not entry["submits"]:
        parts.append(f"navigated to {navigations[0].get('url')}")
    if entry["opened"]:
        parts.append(f"opened a new window ({entry['opened'][0] or 'blank'})")
    return " and ".join(parts)
