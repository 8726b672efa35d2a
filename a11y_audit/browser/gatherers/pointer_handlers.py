"""Elements a mouse can operate, and whether a keyboard can reach them (2.1.1).

Artifact `pointer_handlers` (pages/<id>/pointer_handlers.json):
a11y_audit.artifacts.pointer_handlers.PointerTargets.

Listeners are invisible in the DOM, so the gatherer registers `preload` (js/
pointer_handlers_preload.js) before any page script runs; it wraps addEventListener and the
on* properties and remembers the elements. Elements with widget roles are listed too, with
or without a handler. Non-destructive: one script call, nothing on the page changes.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import POINTER_HANDLERS
from a11y_audit.artifacts.pointer_handlers import PointerTargets
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script, script_with

__all__ = ["MAX_ELEMENTS", "PointerHandlers"]

MAX_ELEMENTS = 500


class PointerHandlers(Gatherer):
    """Click-handled and widget-role elements with their keyboard reachability."""

    name: ClassVar[str] = POINTER_HANDLERS
    preload: ClassVar[str | None] = script("pointer_handlers_preload")

    def gather(self, driver: WebDriver, context: GatherContext) -> PointerTargets:
        found = driver.execute_script(script_with("pointer_handlers", "describe"), MAX_ELEMENTS)
        if found is None:
            raise GathererError("its listener recorder was not registered (needs DevTools in the browser)")
        if not isinstance(found, dict):
            raise GathererError(f"the script returned {type(found).__name__}, not elements")
        return cast(PointerTargets, found)
