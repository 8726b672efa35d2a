"""Python side of js/page_hooks.js, the recorder shared by the gatherers of dynamic behaviour.

Those gatherers (status messages, form errors, context changes, motion) act on the page and
need to know what the page did in response: which text appeared and whether a live region
held it, whether it tried to navigate, submit a form or open a window. The hooks are
preloaded into every document (Gatherer.preload, one registration per session), so they
see timers and navigations from the first page script on; while a gatherer acts, the guard
blocks cross-document navigations, form submissions and window.open, so no action leaves
the page or sends a form to a server. Long one-shot timers are recorded too (`timeouts`,
for the timing gatherer to fire early), and while `hold` is on, fetch, XMLHttpRequest and
sendBeacon requests are recorded instead of sent.
"""

from __future__ import annotations

import time
from typing import Any

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.browser.gatherers import GatherContext, GathererError
from a11y_audit.browser.scripts import script

__all__ = ["PRELOAD", "as_list", "require_hooks", "settle", "stop_recording"]

PRELOAD = script("page_hooks")
_QUIET_POLLS = 2
_POLL = 0.1


def require_hooks(driver: WebDriver) -> None:
    """GathererError when the hooks are missing (no DevTools, e.g. some Grids)."""
    if not driver.execute_script("return !!window.__a11yAuditHooks"):
        raise GathererError("page hooks are not installed (no DevTools on this browser)")


def settle(driver: WebDriver, context: GatherContext, *, limit: float = 1.0) -> None:
    """Wait until the page stops changing after an action, at most `limit` seconds.

    Messages often come after a fetch, so one fixed pause is either too short or wasted on
    every action; polling the change count ends as soon as two polls see no new change.
    """
    end = time.monotonic() + min(limit, context.remaining())
    last, quiet = -1, 0
    while time.monotonic() < end:
        time.sleep(_POLL)
        count = driver.execute_script("return window.__a11yAuditHooks.flush().length")
        quiet = quiet + 1 if count == last else 0
        last = count
        if quiet >= _QUIET_POLLS:
            return


def stop_recording(driver: WebDriver) -> None:
    """Recording and the guard off: the page behaves normally again."""
    driver.execute_script("window.__a11yAuditHooks && window.__a11yAuditHooks.stop()")


def as_list(value: Any) -> list[Any]:
    """A script's list result, or an empty list when the script returned something else."""
    return value if isinstance(value, list) else []
