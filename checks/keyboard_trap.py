"""Components that keyboard focus can enter but not leave (WCAG 2.1.2, failure F10).

Reads the `keyboard` artifact (a11y_audit/browser/gatherers/keyboard.py): Tab cycles the
walk found among a few elements, and components opened with Enter (buttons with
aria-haspopup, aria-expanded or aria-controls, links and buttons that open a dialog). For
each, the gatherer pressed Tab, then Shift+Tab, then Escape, then Enter on a close control
inside it, and recorded whether focus got out. A modal dialog may hold focus while it is
open, as long as one of these standard ways closes it; one that none of them leaves is a
trap. Traps in components the gatherer did not open (it never submits forms or follows
links), inside cross-origin frames, or that need a key other than these are not detected.
https://www.w3.org/WAI/WCAG21/Understanding/no-keyboard-trap.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import KeyboardWalk
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, failed, passed
from a11y_audit.model import Impact

_WAYS = {"tab": "Tab", "shift_tab": "Shift+Tab", "escape": "Escape", "close_control": "its close control"}


def verdicts(artifact: KeyboardWalk) -> dict[Target, Verdict]:
    """A verdict per component the gatherer got focus into and tried to leave."""
    found: dict[Target, Verdict] = {}
    for component in artifact["components"] or []:
        escapes = component["escapes"] or {}
        described = component["component"]
        if not component["opened"] or not escapes or not isinstance(described, dict):
            continue
        target = Target(str(described["selector"]), str(described["snippet"] or ""))
        ways = [label for key, label in _WAYS.items() if escapes.get(key)]
        if ways:
            found[target] = passed(f"focus leaves it with {ways[0]}")
            continue
        closer = component.get("close_control")
        tried = "Tab, Shift+Tab and Escape"
        if isinstance(closer, dict):
            tried += " and Enter on its close control"
        found[target] = failed(
            f"{tried} all keep focus inside: let Escape close it and give it a focusable close "
            "button, or stop intercepting Tab"
        )
    return found


class KeyboardTrap(WholePageCheck):
    meta = CheckMeta(
        id="keyboard-trap",
        title="Keyboard focus can leave every component",
        failure_title="Keyboard focus is trapped in a component",
        description=(
            "A keyboard user who tabs into a component that holds focus (a focus-locked overlay, an "
            "embedded widget that swallows Tab) cannot reach the rest of the page again and has to "
            "reload it. Let Tab move on, or, for a modal dialog, close it with Escape and a focusable "
            "close button and return focus to the control that opened it. The check walks the page "
            "with Tab, opens components that declare they open (aria-haspopup, aria-expanded, "
            "aria-controls, links and buttons pointing at a dialog) with Enter, and tries Tab, "
            "Shift+Tab, Escape and the close control. It cannot open components that need a pointer "
            "or a form submission, and does not look inside cross-origin frames."
        ),
        wcag=("2.1.2",),
        impact=Impact.CRITICAL,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(KEYBOARD))
