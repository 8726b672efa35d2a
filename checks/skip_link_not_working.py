"""Skip links whose target exists but that do not move keyboard focus there (WCAG 2.4.1).

Reads the `keyboard` artifact: the gatherer pressed Enter on each "skip to" link among the
first three Tab stops and recorded where focus was, and where the next Tab went.

- passed: focus, or the next Tab stop, is inside its target; or the next Tab lands after the
  target, or leaves the page or goes round to its first stop where without Enter it would
  have gone to the next stop (the browser moved the focus starting point to a target that
  nothing focusable follows: ACT cf77f2's instrument to move focus to the content);
- failed: the next Tab goes exactly where it goes without Enter: the link did nothing;
- cantTell: anywhere else, or the link is the last Tab stop (nothing to tell by).

This complements `broken-skip-link`, which judges the markup: a link whose fragment names
no element is that check's failure, so this one only judges links whose target exists and
reports what markup cannot show: a script that cancels the jump, a target that cannot take
the sequential focus starting point, a link that scrolls but leaves focus behind. Pages
without a skip link are not judged (landmarks can also meet 2.4.1; axe-core's bypass rule
asks a person to look at pages with neither, and never fails one: whether a page has blocks
repeated on other pages is a fact about those pages).
https://www.w3.org/WAI/WCAG21/Understanding/bypass-blocks.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import KeyboardWalk, SkipLink
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.artifacts.shared import Described
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact


def verdicts(artifact: KeyboardWalk) -> dict[Target, Verdict]:
    """Verdicts on the page's skip links whose target exists."""
    stops = artifact["stops"] or []
    first = str(stops[0]["selector"]) if stops else None
    found: dict[Target, Verdict] = {}
    for skip in artifact["skip_links"] or []:
        target = skip["target"]
        if isinstance(target, dict):
            link = skip["link"]
            found[Target(str(link["selector"]), str(link["snippet"] or ""))] = _judge(skip, target, first)
    return found


def _judge(skip: SkipLink, target: Described, first_stop: str | None) -> Verdict:
    """Where the Tab after Enter went, against where it goes without Enter (`walk_next`).

    The browser moves the sequential focus starting point to a target that cannot take focus
    itself; when nothing focusable follows the target, the next Tab leaves the page or goes
    round to its first stop. Either shows the link moved the starting point, as long as Tab
    would have gone elsewhere without it.
    """
    next_focus = skip["next_focus"]
    walk_next = skip["walk_next"]
    next_selector = str(next_focus["selector"]) if next_focus else None
    if skip["focus_in_target"] or skip["next_in_target"]:
        return passed("activating it moves focus to its target")
    if walk_next is None:
        return cant_tell(
            f"nothing focusable follows it, so Tab cannot show whether it moves focus to "
            f"{target['selector']}: check it with the keyboard"
        )
    if next_selector == walk_next:
        return failed(
            f"after Enter on it the next Tab goes to {next_selector} as if it had not been activated, "
            f'not into {target["selector"]}: make the target focusable (tabindex="-1") or stop scripts '
            "cancelling the link"
        )
    if skip["next_follows_target"]:
        return passed("activating it moves focus to its target")
    if next_selector is None or next_selector == first_stop:
        return passed("after activating it, Tab leaves the page: nothing focusable follows its target")
    return cant_tell(
        f"after Enter on it the next Tab goes to {next_selector}, neither into {target['selector']} nor "
        "where it went without Enter: check where the link takes focus"
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
