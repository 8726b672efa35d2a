"""Keep a journey's state while checks act on it: take it before, put it back after each.

A crawled page is reloaded between page-changing gatherers; a journey's state cannot be (the
country a step chose, the dialog a step opened live only in that document), so they run on
it in place. Each may leave it changed: the context-change probe presses ArrowDown on every
select, the form-errors probe empties declared-safe forms, the keyboard walk moves focus and
opens menus. Left so, the journey's next step sees another state (a real store's next step
failed on the shipping country a check had changed).

So the visitor takes the document's state before gathering (js/page_state.js: every form
control's value, checked and selected options, in open shadow roots and same-origin frames
too; native dialogs and <details>; the focused element and its caret; scroll positions) and
puts back what differs after each page-changing gatherer. Values put back are announced to
the page (`input`, `change`) so its own state follows (a framework's field model, a
dependent list of regions), but only while the page's recorder guards it (a navigation or
submission a handler starts is blocked, a write request held); a dependent field the page
resets in response is put back on the next pass. Why not a fresh copy of the page instead:
a copy would be judged in another state (the dialog closed, the fields empty), and the
state is what the journey exists to audit. What cannot be put back (a control the page
replaced, an ARIA dialog a check closed, a menu it left open) is named in a warning; values
never leave the page.
"""

from __future__ import annotations

import contextlib
import time

from selenium.common.exceptions import JavascriptException
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.browser.scripts import script_with

__all__ = ["NOT_PUT_BACK", "PageState"]

NOT_PUT_BACK = "the state changed while it was audited and could not be put back"
"""How the state's warning starts (the journey's progress line repeats it). It does not say a
check did it: the page may have changed by itself meanwhile (a banner shown by a timer)."""

_SCRIPT = script_with("page_state", "describe")
_PASSES = 3
"""Put back, let the page react, look again: a dependent select refilled by the country's
`change` handler needs the second pass; a third catches one more level."""
_QUIET = 0.15
_SETTLE_LIMIT = 1.0


class PageState:
    """The state of the document the driver shows, as it was when taken (kept page-side)."""

    def __init__(self, driver: WebDriver) -> None:
        self._driver = driver

    @classmethod
    def take(cls, driver: WebDriver) -> PageState:
        """Remember the current document's state; JavascriptException when the page refuses."""
        driver.execute_script(_SCRIPT, "take")
        return cls(driver)

    def restore(self) -> list[str]:
        """Put back what differs; what still differs after, one short description each."""
        guarded = self._guard(True)
        try:
            for _ in range(_PASSES):
                changed = self._driver.execute_script(_SCRIPT, "restore", guarded)
                if not isinstance(changed, int) or changed == 0:
                    break
                if guarded:
                    self._settle()
        finally:
            if guarded:
                self._guard(False)
        left = self._driver.execute_script(_SCRIPT, "verify")
        return [str(item) for item in left] if isinstance(left, list) else ["the page's state was lost"]

    def _guard(self, on: bool) -> bool:
        """The page's recorder guard (js/page_hooks.js) on or off; False when it is missing
        (no gatherer that needs it, or no DevTools): values are then put back silently."""
        command = (
            "var h = window.__a11yAuditHooks; if (!h) return false; h.start(true); return true;"
            if on
            else "var h = window.__a11yAuditHooks; if (h) h.stop(); return true;"
        )
        with contextlib.suppress(JavascriptException):
            return self._driver.execute_script(command) is True
        return False

    def _settle(self) -> None:
        """Until the page stops changing after the announced values (at most a second)."""
        end = time.monotonic() + _SETTLE_LIMIT
        last = -1
        while time.monotonic() < end:
            time.sleep(_QUIET)
            count = self._driver.execute_script("return window.__a11yAuditHooks.flush().length")
            if count == last:
                return
            last = count
