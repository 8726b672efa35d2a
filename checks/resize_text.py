"""Text that is cut off or overlaps other text at 200% zoom.

WCAG 1.4.4: text can be resized to 200% without loss of content or functionality. The
Understanding document lets authors meet it through the browser's own zoom (technique G142:
a technology whose user agents support zoom), so the check does what a user of browser zoom
gets: on a 1280 px window, 200% zoom is a 640 CSS px viewport at twice the device pixel
ratio, which the `layout_adaptation` gatherer emulates exactly (media queries included).
It reports text that a box with overflow: hidden cuts off and, compared with the page at
100%, text that now overlaps other text (failure F69). A text-only zoom imitated by rewriting font
sizes would fail pages that pass with the zoom browsers ship, so it is not used. Zoom
disabled by the meta viewport is axe-core's `meta-viewport` rule and not repeated here.

As ACT rule 59br37 (Zoomed text node is not clipped with CSS overflow) says, text a box cuts
at 200% is lost whether or not it was cut at 100% already: a box that cut its own text
before (a 50 px wide button, a 10 px high line) is judged too, while whole panes a widget
hides on purpose (carousel slides, tabs), text moved wholly out of its box (image
replacement) and animated text (a ticker brings it into view in turn) are left alone. Two
cuts are clean, as the rule's exceptions say: a line that does not wrap and ends in an
ellipsis (text-overflow), and a box exactly one line tall that shows that line whole (its
line height equals its height). Such text passes, although 1.4.4 then needs the full text
elsewhere (a link to it). A box cut after several whole lines, or by -webkit-line-clamp, is
cantTell: clean, but not one of the rule's exceptions.
https://www.w3.org/WAI/WCAG21/Understanding/resize-text.html
https://www.w3.org/WAI/standards-guidelines/act/rules/59br37/
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION
from a11y_audit.artifacts.layout_adaptation import Clipped, ClipStyle, Overflow
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, passed
from a11y_audit.judge.commons import clipped_verdict, clipping_verdicts, quoted, target_of, whole_page_passes
from a11y_audit.judge.engine import keep_worst
from a11y_audit.model import Impact, Outcome


class ResizeText(WholePageCheck):
    meta = CheckMeta(
        id="resize-text",
        title="Text stays readable at 200% zoom",
        failure_title="Text is cut off or overlaps at 200% zoom",
        description=(
            "People with low vision zoom pages to 200% to read them; text in boxes of fixed size is "
            "then cut off or runs into other text. The check renders the page as browser zoom does at "
            "200% on a 1280 px window (a 640 CSS px viewport at double pixel density) and reports text "
            "that a box with overflow: hidden cuts off (failed when letters are lost, cantTell when only "
            "a pixel or two may be), whether the box cut its own text at 100% already or only now, and "
            "text that now overlaps other text. A line that does not wrap and ends in an ellipsis, and a "
            "box exactly one line tall, are clean cuts and pass (the full text must then be available "
            "elsewhere); a box ending on a later whole line is cantTell. Fix: size text boxes in em or "
            "let them grow (min-height, no overflow: hidden on text, wrapping instead of white-space: "
            "nowrap). It does not imitate text-only zoom, cannot see loss of functionality or text inside "
            "frames, and leaves zoom disabled by the meta viewport to axe-core's meta-viewport rule."
        ),
        wcag=("1.4.4",),
        impact=Impact.SERIOUS,
        requires=("dom", LAYOUT_ADAPTATION),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return _verdicts(page)


WHEN = "At 200% zoom"
_LINE_PX = 1.0
"""How far a box's height may miss a whole number of lines (rounding) and still end on one."""


def _verdicts(page: Page) -> dict[Target, Verdict]:
    zoom = page.artifact(LAYOUT_ADAPTATION).get("zoom")
    if zoom is None:
        return {}
    verdicts = clipping_verdicts(zoom, WHEN, zoom_verdict)
    for item in zoom.get("kept") or []:
        keep_worst(verdicts, target_of(item), zoom_verdict(item, WHEN))
    whole_page_passes(verdicts, zoom, WHEN)
    return verdicts


def zoom_verdict(item: Clipped, when: str) -> Verdict:
    """The shared judgement of cut-off letters, on the axes the rule's exceptions do not excuse."""
    style = item.get("style")
    text = item["textOverflow"]
    if style is None or text is None:
        return clipped_verdict(item, when)
    sideways, vertical = float(text["x"] or 0), float(text["y"] or 0)
    scroll: Overflow = {"x": item["overflow"]["x"], "y": item["overflow"]["y"]}
    excused = []
    if sideways >= 1 and style["whiteSpace"] == "nowrap" and style["textOverflow"] != "clip":
        sideways = scroll["x"] = 0.0
        excused.append("its line does not wrap and ends in an ellipsis")
    lines = _whole_lines(style)
    if vertical >= 1 and lines == 1:
        vertical = scroll["y"] = 0.0
        excused.append("the box is one line tall and shows that line whole")
    rest: Clipped = {
        **item,
        "textOverflow": {**text, "x": sideways, "y": vertical},
        "overflow": scroll,
    }
    verdict = clipped_verdict(rest, when)
    if verdict.outcome is Outcome.FAILED and vertical > 0 and sideways <= 0 and (lines or style["lineClamp"]):
        return cant_tell(
            f"{when} the box holding {quoted(item)} ends on a whole line and hides the lines after it: "
            "check that the full text is available (a link to it, or let the box grow)"
        )
    if excused and verdict.outcome is Outcome.PASSED:
        return passed(
            f"{when} the text {quoted(item)} is cut cleanly ({' and '.join(excused)}); make sure the full "
            "text is available too"
        )
    return verdict


def _whole_lines(style: ClipStyle) -> int:
    """How many whole lines the box shows when its height is a whole number of lines, else 0."""
    line, height = float(style["lineHeight"] or 0), float(style["height"] or 0)
    if line <= 0 or height < line - _LINE_PX:
        return 0
    lines = round(height / line)
    return lines if abs(height - lines * line) <= _LINE_PX else 0
