"""An example user check: elements that take themselves out of the page's focus order.

A positive tabindex moves an element ahead of everything else in the Tab order; WCAG
failure F44 is the case where that order no longer follows the page's meaning. Markup
alone cannot tell whether it does, so the check asks a person (cantTell).

Load it with `a11y_audit.judge.registry.load_directory(Path("examples/custom_check"))`, or with
`load_check("positive_tabindex:PositiveTabindex")` when this folder is on sys.path.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell
from a11y_audit.model import Impact


class PositiveTabindex(PageCheck):
    meta = CheckMeta(
        id="positive-tabindex",
        title="Focus order follows the page",
        failure_title="Positive tabindex may break the focus order",
        description=(
            'Keyboard users expect Tab to move through the page in reading order; tabindex="1" '
            "and higher send focus to those elements first, skipping the header and navigation. "
            'Use tabindex="0" (or none) and order the markup instead. '
            "https://www.w3.org/WAI/WCAG21/Techniques/failures/F44"
        ),
        wcag=("2.4.3",),
        impact=Impact.MODERATE,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return [
            element
            for element in page.elements("//*[@tabindex]")
            if (element.get("tabindex") or "").strip().isdigit() and int(element.get("tabindex") or 0) > 0
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        return cant_tell(
            f"tabindex={element.get('tabindex')} puts this element ahead of the page's order: "
            "check that Tab still follows the reading order"
        )
