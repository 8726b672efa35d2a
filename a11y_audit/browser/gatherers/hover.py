"""Content that appears on pointer hover, and how it behaves (WCAG 1.4.13, 2.1.1).

Artifact `hover`: a11y_audit.artifacts.hover.HoverContents.

Candidates are elements whose hover can show another element: the part before ":hover" of
style rules that change display, visibility, opacity, size or position of another element,
and elements with mouseenter/mouseover listeners (recorded by the preloaded hooks); at most
MAX_CANDIDATES, and the gatherer stops after MAX_SECONDS. Native title tooltips are the
browser's and are never candidates. For each, the pointer is moved onto it with Selenium
Actions; elements that became visible are the revealed content (its biggest new block).
Then: Escape with the pointer still there (dismissible), the pointer onto the content
(hoverable), the pointer away (hidesOnLeave), keyboard focus on the trigger or the first
focusable element in it (focusReveals) and, failing that, Enter on a button or
aria-expanded control in it (keyboardReveals). The same content reached from two triggers
is recorded once. How long content persists is not timed.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, ClassVar, cast

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from a11y_audit.artifacts.hover import HoverContent, HoverContents
from a11y_audit.artifacts.kinds import HOVER
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.page_hooks import PRELOAD, as_list, stop_recording
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_CANDIDATES", "MAX_SECONDS", "Hover"]

MAX_CANDIDATES = 20
MAX_SECONDS = 8.0
"""Time for all candidates of one page (within the gatherer timeout)."""
_SETTLE = 0.04
"""Seconds for hover styles to apply and transitions to start after a pointer move."""
_SCRIPT_DELAY = 0.5
"""At most this long for content a mouseenter handler shows: menus often wait for "hover intent"."""
_POLL = 0.1
_SNAPSHOT = script_with("hover_snapshot", "hover")
_VISIBLE = script_with("hover_visible", "hover")
_READ = script_with("hover_read", "describe", "hover")
_FOCUS = script_with("hover_focus", "hover")


class Hover(Gatherer):
    """Hovers candidate triggers and records what their content does (see the module docstring)."""

    name: ClassVar[str] = HOVER
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False
    preload: ClassVar[str | None] = PRELOAD

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """Without a candidate trigger the pointer never moved."""
        return bool(artifact["candidates"])

    def gather(self, driver: WebDriver, context: GatherContext) -> HoverContents:
        # The guard blocks navigations a hover or key handler might start (when hooks exist).
        driver.execute_script("window.__a11yAuditHooks && window.__a11yAuditHooks.start(true)")
        candidates = as_list(driver.execute_script(script_with("hover_candidates", "hover"), MAX_CANDIDATES))
        end = time.monotonic() + min(MAX_SECONDS, context.remaining())
        contents: list[HoverContent] = []
        seen: set[str] = set()
        for candidate in candidates:
            if time.monotonic() >= end:
                break
            trigger = candidate.get("element") if isinstance(candidate, dict) else None
            if not isinstance(trigger, WebElement):
                continue
            try:
                entry = self._try(driver, trigger, seen, scripted=bool(candidate.get("script")))
            except WebDriverException:  # the element went away or cannot take the pointer
                continue
            if entry is not None:
                contents.append(entry)
        stop_recording(driver)
        return {"contents": contents, "candidates": len(candidates)}

    def _try(
        self, driver: WebDriver, trigger: WebElement, seen: set[str], *, scripted: bool
    ) -> HoverContent | None:
        _pointer_away(driver)
        driver.execute_script(_SNAPSHOT)
        _hover(driver, trigger)
        found = driver.execute_script(_READ, trigger)
        waited = 0.0
        while found is None and scripted and waited < _SCRIPT_DELAY:
            time.sleep(_POLL)
            waited += _POLL
            found = driver.execute_script(_READ, trigger)
        if not isinstance(found, dict) or found["selector"] in seen:
            return None
        seen.add(found["selector"])
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        found["dismissible"] = not driver.execute_script(_VISIBLE)
        if found["dismissible"]:
            _pointer_away(driver)
            _hover(driver, trigger)
        found["hoverable"] = None
        if driver.execute_script(_VISIBLE):
            content = driver.execute_script("return window.__a11yAuditHover.content")
            _hover(driver, content)
            found["hoverable"] = bool(driver.execute_script(_VISIBLE))
        _pointer_away(driver)
        found["hidesOnLeave"] = not driver.execute_script(_VISIBLE)
        if found["hidesOnLeave"]:
            focus = driver.execute_script(_FOCUS, trigger)
            found.update(focusable=False, focusReveals=False, keyboardReveals=None)
            if isinstance(focus, dict):
                found["focusable"] = bool(focus.get("focusable"))
                found["focusReveals"] = bool(focus.get("focusReveals"))
                if not found["focusReveals"] and isinstance(focus.get("toggle"), WebElement):
                    ActionChains(driver).send_keys(Keys.ENTER).perform()
                    time.sleep(_SETTLE)
                    found["keyboardReveals"] = bool(driver.execute_script(_VISIBLE))
                    ActionChains(driver).send_keys(Keys.ENTER).perform()
        return cast(HoverContent, found)


def _hover(driver: WebDriver, element: Any) -> None:
    ActionChains(driver, duration=0).move_to_element(element).perform()
    time.sleep(_SETTLE)


def _pointer_away(driver: WebDriver) -> None:
    """The pointer to the top-left corner of the viewport, where no hover content lives."""
    builder = ActionBuilder(driver, duration=0)
    builder.pointer_action.move_to_location(1, 1)  # type: ignore[no-untyped-call]  # untyped in Selenium
    builder.perform()
