"""Content that appears on pointer hover, and how it behaves (WCAG 1.4.13, 2.1.1).

Artifact `hover`: a11y_audit.artifacts.hover.HoverContents.

Candidates are elements whose hover can show another element: the part before ":hover" of
style rules that change display, visibility, opacity, size or position of another element,
and elements with mouseenter/mouseover listeners (recorded by the preloaded hooks); at most
MAX_CANDIDATES, and the gatherer stops after MAX_SECONDS. Native title tooltips are the
browser's and are never candidates. For each, the pointer is moved onto it with Selenium
Actions; elements that became visible are the revealed content (its biggest new block).

Menus open and close after delays ("hover intent") and with transitions, and frameworks
unmount closed content and mount a new element when it opens again (js/lib/hover.js follows
it by its text). So every observation waits: until the awaited state arrives and
animations have ended, or for REACT_SECONDS (plus ANIMATION_SECONDS while animations still
run) before concluding it did not. Then: Escape with the pointer still on the trigger
(dismissible: hidden at any frame, even if the still-hovered trigger opens it again), the
pointer along a path from the trigger into the content (hoverable), the pointer away
(hidesOnLeave), keyboard focus on the trigger (or the focusable element in it under the
pointer, or its first) (focusReveals) and, failing that, the keys the toggle's role implies
(ARIA APG: Enter and Space on buttons, also ArrowDown on menu buttons with aria-haspopup or
aria-expanded) (keyboardReveals). What it could not decide (still animating at the end of
the wait) is listed in `undecided`, never guessed. The same content reached from two
triggers is recorded once. How long content persists is not timed.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
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

__all__ = ["ANIMATION_SECONDS", "MAX_CANDIDATES", "MAX_SECONDS", "REACT_SECONDS", "Hover"]

MAX_CANDIDATES = 20
MAX_SECONDS = 14.0
"""Time for all candidates of one page (within the gatherer timeout)."""
REACT_SECONDS = 0.5
"""How long content may take to show or hide after a pointer move or key: menus wait for
"hover intent" and close after a grace delay."""
ANIMATION_SECONDS = 1.0
"""Further time while transitions or animations (opening, closing) still run."""
_POLL = 0.05
_PATH_STEPS = 6
_STEP_MS = 30
"""The pointer moves into the content in steps of this many milliseconds, as a hand would."""
_KEYS = {"Enter": Keys.ENTER, "Space": Keys.SPACE, "ArrowDown": Keys.ARROW_DOWN}
_SNAPSHOT = script_with("hover_snapshot", "hover")
_VISIBLE = script_with("hover_visible", "hover")
_WATCH = script_with("hover_watch", "hover")
_UNWATCH = "window.__a11yAuditHover.watch = -1"
_READ = script_with("hover_read", "describe", "hover")
_FOCUS = script_with("hover_focus", "hover")
_PATH = script_with("hover_path", "hover")
_ROOM = (  # content opens below or beside its trigger: a trigger low in the viewport is centred first
    "var box = arguments[0].getBoundingClientRect();"
    "if (box.bottom > innerHeight * 0.6) arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})"
)


@dataclass(frozen=True, slots=True)
class Seen:
    """The content after an action: shown now, hidden at some point while watched, settled
    (no animation still running, so what we see is where it ends)."""

    shown: bool
    hidden: bool
    settled: bool


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
                entry = _try(driver, trigger, seen, scripted=bool(candidate.get("script")))
            except WebDriverException:  # the element went away or cannot take the pointer
                continue
            if entry is not None:
                contents.append(entry)
        stop_recording(driver)
        return {"contents": contents, "candidates": len(candidates)}


def _try(driver: WebDriver, trigger: WebElement, seen: set[str], *, scripted: bool) -> HoverContent | None:
    driver.execute_script(_ROOM, trigger)
    _pointer_away(driver)
    driver.execute_script(_SNAPSHOT)
    _hover(driver, trigger)
    found = _revealed(driver, trigger, scripted=scripted)
    if not isinstance(found, dict):
        return None
    # Frameworks give portal content generated ids, new at each opening: its text and size
    # tell the same content reached from another trigger too.
    keys = {str(found["selector"]), f"{found['text']}|{found['rect']['width']}x{found['rect']['height']}"}
    if keys & seen:
        return None
    seen.update(keys)
    undecided: list[str] = []
    found["dismissible"] = _dismissible(driver, trigger)
    if found["dismissible"] is None:
        undecided.append("dismissible")
    found["hoverable"] = _hoverable(driver, trigger)
    if found["hoverable"] is None and _await(driver, shown=True, wait=False).shown:
        undecided.append("hoverable")
    _pointer_away(driver)
    found["hidesOnLeave"] = not _await(driver, shown=False).shown
    if found["hidesOnLeave"]:
        found.update(_keyboard(driver, trigger))
    found["undecided"] = undecided
    return cast(HoverContent, found)


def _revealed(driver: WebDriver, trigger: WebElement, *, scripted: bool) -> Any:
    """The content the hover showed (hover_read.js), read once it finished opening."""
    found = driver.execute_script(_READ, trigger)
    deadline = time.monotonic() + REACT_SECONDS
    while found is None and time.monotonic() < deadline:
        if not scripted and not driver.execute_script(_VISIBLE)["busy"]:
            return None  # a style rule shows content at once, or starts a transition
        time.sleep(_POLL)
        found = driver.execute_script(_READ, trigger)
    if found is None or not driver.execute_script(_VISIBLE)["busy"]:
        return found
    _settle(driver)  # still opening: read it opened (None: it closed again by itself)
    return driver.execute_script(_READ, trigger)


def _dismissible(driver: WebDriver, trigger: WebElement) -> bool | None:
    """Escape with the pointer on the trigger hides the content (at any frame); the content is
    shown again afterwards, by the pointer, for the next test."""
    driver.execute_script(_WATCH)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    seen = _await(driver, shown=False)
    driver.execute_script(_UNWATCH)
    if not seen.hidden:
        return False if seen.settled else None
    if seen.shown:
        return True
    _pointer_away(driver)
    _await(driver, shown=False)
    _hover(driver, trigger)
    _await(driver, shown=True)
    return True


def _hoverable(driver: WebDriver, trigger: WebElement) -> bool | None:
    """The content stays while the pointer moves from the trigger into it (None: not tried,
    or still animating at the end of the wait)."""
    if not _await(driver, shown=True, wait=False).shown:
        return None
    path = driver.execute_script(_PATH, trigger)
    if not isinstance(path, list):
        return None
    x0, y0, x1, y1 = (int(value) for value in path)
    builder = ActionBuilder(driver, duration=_STEP_MS)
    builder.pointer_action.move_to_location(x0, y0)  # type: ignore[no-untyped-call]  # untyped in Selenium
    for step in range(1, _PATH_STEPS + 1):
        x = x0 + (x1 - x0) * step // _PATH_STEPS
        y = y0 + (y1 - y0) * step // _PATH_STEPS
        builder.pointer_action.move_to_location(x, y)  # type: ignore[no-untyped-call]
    builder.perform()
    seen = _await(driver, shown=False)  # the whole wait, unless it hides
    if seen.shown:
        return True
    return False if seen.settled else None


def _keyboard(driver: WebDriver, trigger: WebElement) -> dict[str, Any]:
    """Whether focus, or a key on the trigger's toggle, shows the content (pointer away)."""
    plan = driver.execute_script(_FOCUS, trigger)
    target = plan.get("target") if isinstance(plan, dict) else None
    toggle = plan.get("toggle") if isinstance(plan, dict) else None
    result: dict[str, Any] = {"focusable": isinstance(target, WebElement), "focusReveals": False}
    result["keyboardReveals"] = None
    if isinstance(target, WebElement):
        driver.execute_script("arguments[0].focus()", target)
        result["focusReveals"] = _await(driver, shown=True).shown
        _close(driver)
    if result["focusReveals"] or not isinstance(toggle, WebElement):
        return result
    result["keyboardReveals"] = False
    for key in plan.get("keys") or []:
        driver.execute_script("arguments[0].focus()", toggle)
        ActionChains(driver).send_keys(_KEYS[key]).perform()
        shown = _await(driver, shown=True).shown
        _close(driver)
        if shown:
            result["keyboardReveals"] = True
            break
    return result


def _close(driver: WebDriver) -> None:
    """Escape and focus away, so the next try starts with the content hidden."""
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    driver.execute_script("document.activeElement && document.activeElement.blur()")
    _await(driver, shown=False)


def _await(driver: WebDriver, *, shown: bool, wait: bool = True) -> Seen:
    """Poll until the content is `shown` (or not) with animations ended, or until the wait is
    over (REACT_SECONDS, plus ANIMATION_SECONDS while animations run); wait=False: look once."""
    start = time.monotonic()
    while True:
        now = driver.execute_script(_VISIBLE)
        seen = Seen(shown=bool(now["shown"]), hidden=bool(now["hidden"]), settled=not now["busy"])
        waited = time.monotonic() - start
        if not wait or (seen.shown == shown and seen.settled) or waited >= REACT_SECONDS + ANIMATION_SECONDS:
            return seen
        if waited >= REACT_SECONDS and seen.settled:
            return seen
        time.sleep(_POLL)


def _settle(driver: WebDriver) -> None:
    """Wait (at most ANIMATION_SECONDS) for running transitions and animations to end."""
    deadline = time.monotonic() + ANIMATION_SECONDS
    while driver.execute_script(_VISIBLE)["busy"] and time.monotonic() < deadline:
        time.sleep(_POLL)


def _hover(driver: WebDriver, element: Any) -> None:
    ActionChains(driver, duration=0).move_to_element(element).perform()


def _pointer_away(driver: WebDriver) -> None:
    """The pointer to the top-left corner of the viewport, where no hover content lives."""
    builder = ActionBuilder(driver, duration=0)
    builder.pointer_action.move_to_location(1, 1)  # type: ignore[no-untyped-call]  # untyped in Selenium
    builder.perform()
