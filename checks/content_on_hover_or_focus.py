"""Content shown on pointer hover that cannot be dismissed, hovered or reached by keyboard.

Reads the `hover` artifact (a11y_audit/browser/gatherers/hover.py). WCAG 1.4.13: content
that appears on hover or focus (tooltips, mega-menu panels, previews) and covers other
content must be dismissible without moving the pointer (Escape), and must stay while the
pointer moves onto it, so people using magnification can read it (failure F95). WCAG 2.1.1:
content only hover shows (a panel of links, delivery information) is out of reach for
keyboard users unless focus or a key press on its trigger shows it too (failure F54).
https://www.w3.org/WAI/WCAG21/Understanding/content-on-hover-or-focus.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.hover import HoverContent, HoverContents
from a11y_audit.artifacts.kinds import HOVER
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact


def problems(content: HoverContent) -> list[str]:
    """What is wrong with one piece of hover content, in words; empty when nothing is."""
    found = []
    if content["overlay"] and content["dismissible"] is False:
        found.append("Escape does not dismiss it while the pointer stays on its trigger (1.4.13)")
    if content["hoverable"] is False:
        found.append(
            "it disappears when the pointer moves onto it, so it cannot be read under magnification (1.4.13)"
        )
    keyboard = content.get("focusReveals") or content.get("keyboardReveals")
    if content["hidesOnLeave"] and not keyboard:
        links = int(content["links"] or 0) + int(content.get("controls") or 0)
        what = f"its {links} link(s) and control(s)" if links else "its text"
        how = (
            "its trigger cannot take focus"
            if not content.get("focusable")
            else "focusing its trigger does not show it"
        )
        found.append(f"only the pointer shows it: {how}, so keyboard users never reach {what} (2.1.1)")
    return found


_DOUBTS = {
    "dismissible": "whether Escape dismisses it",
    "hoverable": "whether it stays while the pointer moves onto it",
}


def doubts(content: HoverContent) -> list[str]:
    """What the gatherer tried but could not decide (the content was still animating)."""
    undecided = set(content.get("undecided") or [])
    if not content["overlay"]:
        undecided.discard("dismissible")
    return [_DOUBTS[name] for name in _DOUBTS if name in undecided]


def content_verdict(content: HoverContent) -> Verdict:
    shown_by = content["trigger"]
    trigger = (shown_by["selector"] if shown_by else None) or "its trigger"
    text = str(content["text"] or "")[:60]
    what = f"content shown on hovering {trigger} ('{text}')"
    wrong = problems(content)
    if wrong:
        return failed(
            f"{what}: " + "; ".join(wrong) + ". Show it on focus too (or with a disclosure button), "
            "dismiss it with Escape and keep it open while the pointer is over it"
        )
    unsure = doubts(content)
    if unsure:
        return cant_tell(
            f"{what}: it was still opening or closing when the check stopped waiting; check by hand "
            + " and ".join(unsure)
        )
    return passed(f"{what} can be dismissed, hovered and reached from the keyboard")


def verdicts(artifact: HoverContents) -> dict[Target, Verdict]:
    found: dict[Target, Verdict] = {}
    for content in artifact["contents"] or []:
        if content["selector"]:
            found[Target(str(content["selector"]), str(content["snippet"] or ""))] = content_verdict(content)
    return found


class ContentOnHoverOrFocus(WholePageCheck):
    meta = CheckMeta(
        id="content-on-hover-or-focus",
        title="Content shown on hover can be dismissed, hovered and reached by keyboard",
        failure_title="Content shown on hover cannot be dismissed, hovered or reached by keyboard",
        description=(
            "Tooltips, mega-menu panels and previews that appear on hover cover what a magnifier user is "
            "reading, vanish when they move the pointer onto them, and never appear for keyboard users. "
            "Let Escape dismiss them, keep them open while the pointer is over them, and show them on focus "
            "or with a disclosure button (aria-expanded). The check hovers up to 20 triggers per sampled "
            "page (elements whose :hover style rules show another element, or with mouseenter/mouseover "
            "listeners), takes the biggest block that appeared as the content and, waiting for delays and "
            "animations to end, tries Escape (it counts if the content hides even when the still-hovered "
            "trigger opens it again), moving the pointer along a path from the trigger into it, focus on the "
            "trigger, and the keys its role implies on a toggle in it (Enter, Space; ArrowDown on menu "
            "buttons). Content still animating when the wait ends is left for review. Dismissal is "
            "required only for content positioned over the page. It does not time how long content stays, "
            "skips native title tooltips, and cannot tell whether hover-only information is also given "
            "elsewhere on the page."
        ),
        wcag=("1.4.13", "2.1.1"),
        impact=Impact.SERIOUS,
        requires=("dom", HOVER),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(HOVER))
