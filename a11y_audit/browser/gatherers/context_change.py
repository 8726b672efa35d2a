"""Whether focusing or changing a form control makes the page leave (WCAG 3.2.1, 3.2.2).

Artifact `context_change`: a11y_audit.artifacts.context_change.ContextChanges.

Each action is what a keyboard user does, sent as real key presses: a select gets one
ArrowDown (ArrowUp on its last option) and a radio one ArrowDown, since moving through the
options fires `change` on every step, so a select that submits or navigates on change
(failure F36/F37) does it on the first key; a checkbox gets Space (a filter list that
reloads the page on every tick); a text field gets one typed character and is then left, as
`change` fires when a changed field loses focus (a quantity field that submits the basket
form). The preloaded guard (a11y_audit.browser.page_hooks) blocks the navigation,
submission or window, so the page stays and nothing reaches a server; values are left
changed (the gatherer changes the page and runs on a reloaded one). Judging is
checks/change_on_input.py and change_on_focus.py.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from a11y_audit.artifacts.context_change import ContextChanges, FocusChange, InputChange, InputFailed
from a11y_audit.artifacts.kinds import CONTEXT_CHANGE
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.page_hooks import PRELOAD, as_list, require_hooks, settle
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_CHECKBOXES", "MAX_FOCUS", "MAX_INPUTS", "MAX_TEXT_FIELDS", "ContextChange"]

MAX_INPUTS = 10
"""Selects and radio groups tried per page (each costs a key press and a short wait)."""
MAX_CHECKBOXES = 5
"""Checkboxes tried per page, one per name in each form."""
MAX_TEXT_FIELDS = 4
"""Text fields tried per page: the first and last of each form."""
MAX_FOCUS = 150
"""Focusable elements focused per page (all in one script call)."""


_READ = script_with("context_input_read", "describe", "changes", "control_state")
_START = script_with("context_input_start", "control_state", "changes", "describe")


class ContextChange(Gatherer):
    """Focuses controls and steps selects/radios, recording attempts to leave the page."""

    name: ClassVar[str] = CONTEXT_CHANGE
    changes_page: ClassVar[bool] = True
    preload: ClassVar[str | None] = PRELOAD

    def gather(self, driver: WebDriver, context: GatherContext) -> ContextChanges:
        require_hooks(driver)
        limits = (MAX_INPUTS, MAX_CHECKBOXES, MAX_TEXT_FIELDS, MAX_FOCUS)
        found = driver.execute_script(script_with("context_candidates", "describe"), *limits)
        candidates = found if isinstance(found, dict) else {}
        focus_targets = as_list(candidates.get("focus"))
        focused = driver.execute_script(script_with("context_focus", "describe", "changes"), focus_targets)
        inputs: list[InputChange | InputFailed] = []
        for kind in ("inputs", "checkboxes", "textFields"):
            for element in as_list(candidates.get(kind)):
                if context.remaining() <= 0:
                    break
                step = self._step(driver, context, element, kind) if isinstance(element, WebElement) else None
                if step is not None:
                    inputs.append(step)
        return {
            "focus": cast(list[FocusChange], as_list(focused)),
            "focusTried": len(focus_targets),
            "input": inputs,
        }

    def _step(
        self, driver: WebDriver, context: GatherContext, element: WebElement, kind: str
    ) -> InputChange | InputFailed | None:
        start = driver.execute_script(_START, element)
        if isinstance(start, dict) and start.get("focusLeaves"):
            return None  # focusing it already tries to leave: change-on-focus reports that
        last = isinstance(start, dict) and bool(start.get("last"))
        before = start.get("state") if isinstance(start, dict) else None
        key = {"checkboxes": "Space", "textFields": "Typing"}.get(kind, "ArrowUp" if last else "ArrowDown")
        try:
            _act(driver, element, key)
        except WebDriverException as error:  # hidden behind an overlay, detached by the page...
            driver.execute_script("window.__a11yAuditHooks.stop()")
            return {"error": str(error).splitlines()[0][:200]}
        settle(driver, context, limit=0.6)
        read = driver.execute_script(_READ, element, before)
        entry = read if isinstance(read, dict) else {}
        entry["key"] = key
        return cast(InputChange, entry)


def _act(driver: WebDriver, element: WebElement, key: str) -> None:
    """The keyboard user's change: an arrow key, Space, or one character typed and the field left.

    A text field is left by script (blur) rather than Tab, so the `change` event it fires is
    not mixed up with what focusing the next control does (change-on-focus judges that).
    """
    if key == "Typing":
        element.send_keys("1" if element.get_attribute("type") in ("number", "tel") else "a")
        driver.execute_script("arguments[0].blur()", element)
        return
    element.send_keys({"Space": Keys.SPACE, "ArrowUp": Keys.ARROW_UP}.get(key, Keys.ARROW_DOWN))
