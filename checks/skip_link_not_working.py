"""Skip links whose target exists but that do not move keyboard focus there (WCAG 2.4.1).

Reads the `keyboard` artifact: the gatherer pressed Enter on each "skip to" link among the
first three Tab stops and recorded where focus was, and where the next Tab went. The
link works when focus, or the next Tab stop, is inside its target, or when the next Tab
lands after the target instead of on the element that follows the link anyway.

This complements `broken-skip-link`, which judges the markup: a link whose fragment names
no element is that check's failure, so this one only judges links whose target exists and
reports what markup cannot show: a script that cancels the jump, a target that cannot take
the sequential focus starting point, a link that scrolls but leaves focus behind. Pages
without a skip link are not judged (landmarks can also meet 2.4.1; axe-core's bypass rule
covers pages with neither).
https://www.w3.org/WAI/WCAG21/Understanding/bypass-blocks.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import KeyboardWalk, SkipLink
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.artifacts.shared import Described
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, failed, passed
from a11y_audit.model import Impact


def verdicts(artifact: KeyboardWalk) -> dict[Target, Verdict]:
    """Verdicts on the page's skip links whose target exists."""
    found: dict[Target, Verdict] = {}
    for skip in artifact["skip_links"] or []:
        target = skip["target"]
        if isinstance(target, dict):
            link = skip["link"]
            found[Target(str(link["selector"]), str(link["snippet"] or ""))] = _judge(skip, target)
    return found


def _judge(skip: SkipLink, target: Described) -> Verdict:
    next_focus = skip["next_focus"]
    next_selector = next_focus["selector"] if next_focus else None
    moved_on = skip["next_follows_target"] and next_selector != skip["walk_next"]
    if skip["focus_in_target"] or skip["next_in_target"] or moved_on:
        return passed("activating it moves focus to its target")
    where = next_selector or "the browser's own controls"
    return failed(
        f"after Enter on it the next Tab goes to {where}, not into {target['selector']}: make "
        'the target focusable (tabindex="-1") or stop scripts cancelling the link'
    )


class SkipLinkNotWorking(WholePageCheck):
    meta = CheckMeta(
        id="skip-link-not-working",
        title="Skip link moves keyboard focus to the content",
        failure_title="Skip link does not move keyboard focus",
        description=(
            "A skip link that scrolls the page but leaves focus at the top, or whose jump a script "
            "cancels, still makes keyboard users tab through the whole header. Give the target "
            'tabindex="-1" (or make it a landmark the browser can move to) and let the link\'s default '
            "action happen. The check presses Enter on each skip link among the first three Tab stops and "
            "follows focus and the next Tab. A skip link whose target does not exist is reported by "
            "broken-skip-link from the markup, so this check judges only links whose target exists."
        ),
        wcag=("2.4.1",),
        impact=Impact.SERIOUS,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(KEYBOARD))
