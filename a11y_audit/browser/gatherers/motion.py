"""Content that moves or plays by itself, and the controls that could stop it (WCAG 2.2.2, 1.4.2).

Artifact `motion`: a11y_audit.artifacts.motion.Motion.

Waiting on every page to see whether something moves would cost seconds per page, so the
gatherer finds candidates at once: running animations whose iterations last more than 5 s
(CSS animations and Web Animations, via document.getAnimations), <marquee>/<blink>, media
that autoplays, and repeating timers (setInterval, recorded by the preloaded hooks of
a11y_audit.browser.page_hooks). Each timer is run for one step by the gatherer itself, and
the elements its step changes (their closest common ancestor is the region) tell a carousel
advancing every N ms from a background poll that touches nothing. A repeating timer keeps
going, so a region it changes moves for more than 5 s; timers that re-arm setTimeout
chains are not seen. Running a step changes the page, hence changes_page (sampled pages).
Without the hooks (no DevTools) timers are not seen and `hooks` is false.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import MOTION
from a11y_audit.artifacts.motion import Motion as MotionData
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.page_hooks import PRELOAD
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_TIMERS", "Motion"]

MAX_TIMERS = 20
"""Repeating timers run for one step per page."""


class Motion(Gatherer):
    """Finds moving and autoplaying content in one script call (see the module docstring)."""

    name: ClassVar[str] = MOTION
    changes_page: ClassVar[bool] = True
    preload: ClassVar[str | None] = PRELOAD

    def gather(self, driver: WebDriver, context: GatherContext) -> MotionData:
        found = driver.execute_script(script_with("motion", "describe"), MAX_TIMERS)
        if not isinstance(found, dict):
            raise GathererError(f"the motion script returned {type(found).__name__}")
        return cast(MotionData, found)
