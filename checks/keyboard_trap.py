"""Components that keyboard focus can enter but not leave (WCAG 2.1.2, failure F10).

Reads the `keyboard` artifact (a11y_audit/browser/gatherers/keyboard.py): Tab cycles the
walk found among a few elements, stops a script takes focus back to a moment after the
keyboard moved it away, and components opened with Enter (buttons with aria-haspopup,
aria-expanded or aria-controls, links and buttons that open a dialog). For each, the
gatherer pressed Tab, then Shift+Tab, then Escape, then Enter on a close control inside it,
and recorded whether focus got out and stayed out (a script that takes focus back a
moment later keeps it in; focus that reached the browser's own controls is out). A modal
dialog may hold focus while it is open, as long as one of these standard ways closes it.

Focus taken back is a trap when it cannot go round the page in either direction (the focus
order is a cycle through the browser's controls, ACT a1b64e): one stop takes it back after
Tab and one (the same or another) after Shift+Tab, so the elements beyond them cannot be
reached and, between them, focus cannot leave. A stop that takes focus back in one
direction only is not (the other direction goes round; 80af7b Passed Example 7).

When none of them works, WCAG allows a non-standard way if the user is advised of it (ACT
80af7b): the gatherer reads the key combinations the page's text advises ("Press Ctrl+M to
exit"), after activating a help control in the component if the text had none, and tries them.

- passed: a standard way, or an advised key, gets focus out;
- failed: none does (an advised key that does not work is named);
- cantTell: none does, but a help control in the component showed no key to press.

Traps in components the gatherer did not open (it never submits forms or follows links),
inside cross-origin frames, or whose way out is advised in words that name no key are not
detected.
https://www.w3.org/WAI/WCAG21/Understanding/no-keyboard-trap.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import Component, KeyboardWalk
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
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
        found[target] = _judge(component)
    return found


def _judge(component: Component) -> Verdict:
    escapes = component["escapes"]
    ways = [label for key, label in _WAYS.items() if escapes.get(key)]
    if ways:
        return passed(f"focus leaves it with {ways[0]}")
    advised = component.get("advised_keys") or []
    if escapes.get("advised"):
        return passed(f"focus leaves it with {' or '.join(advised)}, as the page's help text advises")
    tried = [label for key, label in _WAYS.items() if escapes.get(key) is False]
    tried += [f"the advised {combo}" for combo in advised]
    helper = component.get("help_control")
    if not advised and isinstance(helper, dict):
        return cant_tell(
            f"{_listed(tried)} keep focus inside, and it has a help control ({helper['selector']}) that "
            "did not show a key to press: check what it advises and that it gets out"
        )
    held_by = component.get("held_by") or []
    if len(held_by) > 1:
        forward = [way for way in tried if way != "Shift+Tab"]
        return failed(
            f"focus cannot go round the page either way: a script takes focus back to it after "
            f"{_listed(forward)}, and to {held_by[1]['selector']} after Shift+Tab, so the elements "
            "between them are out of reach and focus cannot leave them: stop moving focus back when it leaves"
        )
    if component["source"] == "refocus":
        return failed(
            f"a script takes focus back to it after {_listed(tried)}: stop moving focus back when it leaves"
        )
    return failed(
        f"{_listed(tried)} all keep focus inside: let Tab move on, or let Escape close it and give "
        "it a focusable close button (or tell users which key gets out)"
    )


def _listed(ways: list[str]) -> str:
    return ", ".join(ways[:-1]) + f" and {ways[-1]}" if len(ways) > 1 else "".join(ways) or "every key tried"


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
            "Shift+Tab, Escape, the close control and any key the page's help text advises. It cannot "
            "open components that need a pointer or a form submission, and does not look inside "
            "cross-origin frames."
        ),
        wcag=("2.1.2",),
        impact=Impact.CRITICAL,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(KEYBOARD))
