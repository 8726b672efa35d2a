"""Text that is cut off or overlaps other text at 200% zoom.

WCAG 1.4.4: text can be resized to 200% without loss of content or functionality. The
Understanding document lets authors meet it through the browser's own zoom (technique G142:
a technology whose user agents support zoom), so the check does what a user of browser zoom
gets: on a 1280 px window, 200% zoom is a 640 CSS px viewport at twice the device pixel
ratio, which the `layout_adaptation` gatherer emulates exactly (media queries included).
It reports, compared with the page at 100%, text that a box with overflow: hidden cuts off
and text that overlaps other text (failure F69). A text-only zoom imitated by rewriting font
sizes would fail pages that pass with the zoom browsers ship, so it is not used. Zoom
disabled by the meta viewport is axe-core's `meta-viewport` rule and not repeated here.
https://www.w3.org/WAI/WCAG21/Understanding/resize-text.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck
from a11y_audit.judge.commons import measured_verdicts
from a11y_audit.model import Impact


class ResizeText(WholePageCheck):
    meta = CheckMeta(
        id="resize-text",
        title="Text stays readable at 200% zoom",
        failure_title="Text is cut off or overlaps at 200% zoom",
        description=(
            "People with low vision zoom pages to 200% to read them; text in boxes of fixed size is "
            "then cut off or runs into other text. The check renders the page as browser zoom does at "
            "200% on a 1280 px window (a 640 CSS px viewport at double pixel density) and reports "
            "text, newly compared with 100%, that a box with overflow: hidden cuts off (failed when "
            "letters are lost, cantTell when only a pixel or two may be) and text that now overlaps "
            "other text. Fix: size text boxes in em or let them grow (min-height, no overflow: hidden "
            "on text, wrapping instead of white-space: nowrap). It does not imitate text-only zoom, "
            "cannot see loss of functionality or text inside frames, and leaves zoom disabled by the "
            "meta viewport to axe-core's meta-viewport rule."
        ),
        wcag=("1.4.4",),
        impact=Impact.SERIOUS,
        requires=("dom", LAYOUT_ADAPTATION),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return _verdicts(page)


def _verdicts(page: Page) -> dict[Target, Verdict]:
    return measured_verdicts(page.artifact(LAYOUT_ADAPTATION).get("zoom"), "At 200% zoom")
