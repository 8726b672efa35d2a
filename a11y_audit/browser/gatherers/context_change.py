"""Whether focusing a control or changing a select/radio makes the page leave (WCAG 3.2.1, 3.2.2).

Artifact `context_change`: a11y_audit.artifacts.context_change.ContextChanges.

A select gets one ArrowDown (ArrowUp on its last option) and a radio one
ArrowDown, sent as real key presses: a keyboard user moving through the options fires
`change` on every step, so a select that submits or navigates on change (failure F36/F37)
does it on the first key. The preloaded guard (a11y_audit.browser.page_hooks) blocks the
navigation, submission or window, so the page stays and nothing reaches a server; values
are left changed (the gatherer changes the page and runs on a reloaded one). Judging is
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

__all__ = ["MAX_FOCUS", "MAX_INPUTS", "ContextChange"]

MAX_INPUTS = 10
"""Selects and radio groups tried per page (each costs a key press and a short wait)."""
MAX_FOCUS = 150
"""Focusable elements focused per page (all in one script call)."""


_READ = script_with("context_input_read", "describe", "changes", "control_state")


class ContextChange(Gatherer):
    """Focuses controls and steps selects/radios, recording attempts to leave the page."""

    name: ClassVar[str] = CONTEXT_CHANGE
    changes_page: ClassVar[bool] = True
    preload: ClassVar[str | None] = PRELOAD

    def gather(self, driver: WebDriver, context: GatherContext) -> ContextChanges:
        require_hooks(driver)
        found = driver.execute_script(script_with("context_candidates", "describe"), MAX_INPUTS, MAX_FOCUS)
        candidates = found if isinstance(found, dict) else {}
        focus_targets = as_list(candidates.get("focus"))
        focused = driver.execute_script(script_with("context_focus", "describe", "changes"), focus_targets)
        inputs: list[InputChange | InputFailed] = []
        for element in as_list(candidates.get("inputs")):
            if context.remaining() <= 0:
                break
            if isinstance(element, WebElement):
                inputs.append(self._step(driver, context, element))
        return {
            "focus": cast(list[FocusChange], as_list(focused)),
            "focusTried": len(focus_targets),
            "input": inputs,
        }

    def _step(
        self, driver: WebDriver, context: GatherContext, element: WebElement
    ) -> InputChange | InputFailed:
        start = driver.execute_script(script_with("context_input_start", "control_state"), element)
        last = isinstance(start, dict) and bool(start.get("last"))
        before = start.get("state") if isinstance(start, dict) else None
        try:
            element.send_keys(Keys.ARROW_UP if last else Keys.ARROW_DOWN)
        except WebDriverException as error:  # hidden behind an overlay, detached by the page...
            driver.execute_script("window.__a11yAuditHooks.stop()")
            return {"error": str(error).splitlines()[0][:200]}
        settle(driver, context, limit=0.6)
        read = driver.execute_script(_READ, element, before)
        entry = read if isinstance(read, dict) else {}
        entry["key"] = "ArrowUp" if last else "ArrowDown"
        return cast(InputChange, entry)
