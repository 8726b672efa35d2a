"""Content hidden with aria-hidden="true" that Tab moves focus to (WCAG 4.1.2, ACT 6cfa84).

aria-hidden="true" removes an element and everything inside it from what assistive
technologies expose, and no descendant can undo that. When sequential focus navigation
(Tab) still lands on such an element, a screen-reader user reaches something whose name,
role and state are not exposed: silence, or the page's title read again.

Reads the `keyboard` artifact (a11y_audit/browser/gatherers/keyboard.py): the walk records
every element Tab reached and whether it is inside aria-hidden="true" (not inert, which
Tab skips). Reaching it with Tab is not yet enough: ACT's definition of focusable excludes
an element that loses focus within a second of gaining it without the user doing anything
(a focus sentinel before or after a modal dialog, which passes focus back into it). So the
gatherer focuses each such stop (at most a few a page) and reads a second later whether it
still has focus and nothing moved it meanwhile.

- failed: Tab reaches it and it keeps focus;
- passed: Tab reaches it but a script passes focus on at once (a focus sentinel).

Stops not measured (more than the gatherer's few, or no time left) get no verdict here;
axe-core's aria-hidden-focus rule still judges them from the DOM. Frames are left to it too:
the content of a frame is not a descendant of the frame element in ACT's flat tree.
https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import KeyboardWalk
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, failed, passed
from a11y_audit.model import Impact


def verdicts(artifact: KeyboardWalk) -> dict[Target, Verdict]:
    """A verdict per Tab stop inside aria-hidden="true" whose focus the gatherer measured."""
    found: dict[Target, Verdict] = {}
    for stop in artifact["stops"] or []:
        kept = stop.get("focus_kept")
        if not stop["aria_hidden"] or stop["inert"] or stop["tag"] == "iframe" or kept is None:
            continue
        target = Target(str(stop["selector"]), str(stop["snippet"] or ""))
        if kept:
            found[target] = failed(
                'Tab moves focus to it, but it is inside aria-hidden="true", so assistive technologies '
                "announce nothing for it: remove aria-hidden, or take it out of the Tab order "
                '(tabindex="-1", disabled, hidden, inert) while it is hidden'
            )
        else:
            found[target] = passed("Tab reaches it, but a script passes focus on at once (a focus sentinel)")
    return found


class AriaHiddenFocusable(WholePageCheck):
    meta = CheckMeta(
        id="aria-hidden-focusable",
        title='No element inside aria-hidden="true" receives focus from Tab',
        failure_title='Tab moves focus into content hidden with aria-hidden="true"',
        description=(
            'aria-hidden="true" hides an element and everything in it from screen readers, but not from '
            "the keyboard: Tab can still land on a link or button inside it, and a screen-reader user then "
            "hears nothing, or something unrelated, about where they are. Remove aria-hidden from content "
            'people can reach, or take the content out of the Tab order (tabindex="-1", disabled, hidden, '
            "inert) while it is hidden. The check walks the page with Tab and confirms that such an element "
            "keeps focus for a second (a focus sentinel that passes focus into a dialog at once is fine)."
        ),
        wcag=("4.1.2",),
        impact=Impact.SERIOUS,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(KEYBOARD))
