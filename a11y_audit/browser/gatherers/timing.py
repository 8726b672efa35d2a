"""What the page does when its long timers run out: session time limits, delayed redirects (WCAG 2.2.1).

Artifact `timing`: a11y_audit.artifacts.timing.Timers.

A checkout that signs you out after 15 minutes cannot be watched for 15 minutes on every
page, so the gatherer travels in time: the preloaded hooks (a11y_audit.browser.page_hooks)
record every setTimeout of LONG_DELAY_MS or more (and setInterval, as before), and the
gatherer runs their callbacks itself, one at a time in the order they would fall due
(timers armed by a fired callback join the queue after it), with cross-document navigation,
form submission, window.open and network requests blocked and recorded. Each fired timer's
record says whether it tried to leave or reload the page, sign out or wipe the form, and
which messages appeared (dialogs, alerts, live regions, where focus went) with the controls
inside them (`left`: the page was gone when read, after a navigation that could not be
blocked); checks/timing_not_adjustable.py judges whether a warning with a way to extend
came before the end. Time limits counted by short polling timers against the clock, or kept
by the server alone, are not seen; <meta http-equiv="refresh"> is axe-core's meta-refresh.
Firing changes the page (changes_page: sampled pages, on a reloaded page).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import TIMING
from a11y_audit.artifacts.shared import Described
from a11y_audit.artifacts.timing import FiredTimer, Timers
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.page_hooks import PRELOAD, require_hooks
from a11y_audit.browser.scripts import script, script_with

__all__ = ["LONG_DELAY_MS", "MAX_FIRED", "Timing"]

LONG_DELAY_MS = 10_000
"""Timers at least this long are time limits worth firing (js/page_hooks.js records one-shot
timers from the same length); shorter ones animate, debounce and hide toasts."""
MAX_FIRED = 8
"""Long timers fired per page: a session limit is one to three timers, the rest analytics."""

_FIRE = script_with("timing_fire", "describe")
_READ = script_with("timing_read", "describe", "changes")
_PAGE = (
    script("lib/describe")
    + "\nreturn describe(document.querySelector('main, [role=main]') || document.body);"
)


class Timing(Gatherer):
    """Fires the page's long timers early and records what each did (see the module docstring)."""

    name: ClassVar[str] = TIMING
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False
    preload: ClassVar[str | None] = PRELOAD

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """A page with no long timer was not touched."""
        return bool(artifact["fired"])

    def gather(self, driver: WebDriver, context: GatherContext) -> Timers:
        require_hooks(driver)
        page = driver.execute_script(_PAGE)
        fired: list[FiredTimer] = []
        while len(fired) < MAX_FIRED and context.remaining() > 0:
            started = driver.execute_script(_FIRE, LONG_DELAY_MS)
            if not isinstance(started, dict):
                break
            # A separate call: promise callbacks the timer queued run between the two.
            effects = driver.execute_script(_READ)
            fired.append(cast(FiredTimer, {**started, **(effects if isinstance(effects, dict) else {})}))
            if fired[-1].get("left"):
                break
        return {"page": cast(Described | None, page), "fired": fired}
