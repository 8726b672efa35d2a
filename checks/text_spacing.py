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

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck
from a11y_audit.judge.commons import measured_verdicts
from a11y_audit.model import Impact

__all__ = ["TextSpacing"]


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
    return measured_verdicts(page.artifact(LAYOUT_ADAPTATION).get("text_spacing"), "With WCAG text spacing")
