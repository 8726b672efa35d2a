"""Open dialogs, menus and drawers with the keyboard and record how focus behaves.

Artifact `dialogs`: a11y_audit.artifacts.dialogs.Dialogs.

Triggers are the controls js/lib/openers.js says open something (aria-haspopup,
aria-expanded, aria-controls, a same-page link to a hidden container or a dialog), the same
the keyboard walk probes: never a submit button, a form field or a link that leaves; one per
kind of control (tag, role, classes), at most MAX_TRIGGERS. Each is focused and Enter is
pressed (Space too for a non-link when Enter opened nothing). What opened is what the trigger
names (aria-controls, its #fragment) once shown, a dialog that was not open, or for a trigger
naming nothing a hidden block beside it that showed (a framework's dropdown). It is read once
focus and aria-expanded have settled (focus up to _CONFIRM s, for a dialog: scripts move it
in once the dialog is shown): where focus went, whether it is modal, the trigger's
aria-expanded. In a modal one, Tab and then Shift+Tab are pressed from inside, a few more
times than it has focusable elements, noting an element of the page behind they reach when
focus stays out (a focus lock's sentinel hands it straight back). Then Escape, else Enter on
a close control inside (one that only dismisses: close, cancel, a cross; never "Accept" or
"Continue"), else Enter on the trigger closes it, and where focus went and
aria-expanded are read again. A trigger that neither key opened nor changed gets a scripted
click (what a pointer does); when that opens it, it is closed and Enter is tried once more
with a longer wait, so a slow component is not taken for a key that does nothing.

The page's recorder guard (js/page_hooks.js) blocks navigations, form submissions and new
windows while it acts, and in a session whose server state matters holds write requests.
Probing stops at a component nothing closed (the page behind is no longer the one to test)
or when the address changes. Transitions are switched off first, so what shows after a key is
where it ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, cast
from urllib.parse import urldefrag

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.dialogs import DialogProbe, Dialogs
from a11y_audit.artifacts.kinds import DIALOGS
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.page_hooks import PRELOAD, stop_recording
from a11y_audit.browser.scripts import script_with
from a11y_audit.model import JsonObject

__all__ = ["MAX_TRIGGERS", "DialogProbes"]

MAX_TRIGGERS = 6
_SETTLE = 0.5
"""Seconds a component may take to open or close, and focus to move, after a key."""
_CONFIRM = 1.5
"""Seconds Enter gets to open a component the second time, after a click opened it."""
_POLL = 0.05
_SCRIPT = script_with("dialogs", "describe", "openers")


class DialogProbes(Gatherer):
    """Opens components with the keyboard (see the module docstring)."""

    name: ClassVar[str] = DIALOGS
    changes_page: ClassVar[bool] = True
    acts_on_every_page: ClassVar[bool] = False
    preload: ClassVar[str | None] = PRELOAD

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """Without a trigger no key was pressed."""
        return bool(artifact["candidates"])

    def gather(self, driver: WebDriver, context: GatherContext) -> Dialogs:
        cdp(driver, "Page.bringToFront")
        cdp(driver, "Emulation.setFocusEmulationEnabled", {"enabled": True})
        driver.execute_script("window.__a11yAuditHooks && window.__a11yAuditHooks.start(true)")
        try:
            count = int(driver.execute_script(_SCRIPT, "start", MAX_TRIGGERS) or 0)
            probes: list[DialogProbe] = []
            url = _page(driver.current_url)
            for index in range(count):
                if context.remaining() < 4:
                    break
                probe, go_on = _Probe(driver, url).run(index)
                if probe is not None:
                    probes.append(probe)
                if not go_on:
                    break
            return {"candidates": count, "probes": probes}
        finally:
            stop_recording(driver)


class _Probe:
    """One trigger: open, look, try to leave a modal, close, look again."""

    def __init__(self, driver: WebDriver, url: str) -> None:
        self._driver = driver
        self._url = url
        self._left_open = False
        """What only a click opened could not be closed: the page is no longer the one to test."""

    def run(self, index: int) -> tuple[DialogProbe | None, bool]:
        """The probe (None: the trigger could not be focused) and whether to go on probing."""
        before = self._call("focus", index)
        if not isinstance(before, dict) or not before.get("focused"):
            return None, True
        record = _blank(before)
        seen = self._open(record, is_link=str(before["trigger"]["snippet"]).startswith("<a"))
        if seen is None:
            return record, self._same_page() and not self._left_open
        if seen.get("modal") or seen.get("role") in ("dialog", "alertdialog"):
            # Scripts move focus into a dialog once it is shown; a menu may keep it on its trigger.
            seen = self._wait(lambda state: state.get("focus") == "inside", seen, limit=_CONFIRM)
        if record["expanded_before"] is not None:
            seen = self._wait(lambda state: state.get("expanded") == "true", seen)
        record.update(
            {
                "component": seen["component"],
                "linked": bool(seen.get("linked")),
                "role": seen.get("role"),
                "modal": seen.get("modal"),
                "focus_after_open": seen.get("focus"),
                "focus_element": seen.get("focus_element"),
                "focusables": int(seen.get("focusables") or 0),
                "expanded_open": seen.get("expanded"),
                "closer": seen.get("closer"),
            }
        )
        if record["focus_after_open"] != "inside" and record["focusables"]:
            record["next_tab"] = self._first_focus(Keys.TAB, shift=False)
        if record["modal"] and record["focusables"]:
            self._containment(record)
        closed = self._close(record)
        if closed and record["focus_after_close"] == "body":
            record["previous_tab"] = self._first_focus(Keys.TAB, shift=True)
        return record, closed

    def _first_focus(self, key: str, *, shift: bool) -> Any:
        """Where one press of the key moves focus first (F85: is the component, or after it
        closed the trigger, next in the focus order?); None when focus did not move."""
        self._call("mark")
        self._press(key, shift=shift)
        return self._call("first-focus")

    def _open(self, record: DialogProbe, *, is_link: bool) -> JsonObject | None:
        """Enter, then Space (not on a link: Space scrolls); a click only to tell a key problem."""
        for key, how in ((Keys.ENTER, "enter"), (Keys.SPACE, "space")):
            if how == "space" and (is_link or not self._call("focus-trigger")):
                break
            self._press(key)
            seen = self._wait(lambda state: bool(state.get("opened")))
            if not self._same_page():
                return None
            if seen.get("opened"):
                record["opened_by"] = "enter" if how == "enter" else "space"
                return seen
            if seen.get("expanded") != record["expanded_before"]:
                return None  # the key did something this probe cannot see: no click needed
        self._call("click")
        seen = self._wait(lambda state: bool(state.get("opened")))
        if seen.get("opened") and self._same_page():
            record["opened_by"] = "click"
            record["component"] = seen.get("component")
            self._left_open = not self._close(record)
            if not self._left_open and self._call("focus-trigger"):
                self._press(Keys.ENTER)
                again = self._wait(lambda state: bool(state.get("opened")), limit=_CONFIRM)
                record["keys_confirmed"] = not again.get("opened")
                if again.get("opened"):
                    self._left_open = not self._close(record)
            record["closed_by"] = record["focus_after_close"] = record["expanded_closed"] = None
            record["focus_after_close_element"] = None
        return None

    def _containment(self, record: DialogProbe) -> None:
        """Tab, then Shift+Tab, from inside: does either reach the page behind?"""
        presses = record["focusables"] + 2
        for shift in (False, True):
            if not self._call("focus-inside"):
                return
            self._press(Keys.TAB, times=presses, shift=shift)
            time.sleep(_POLL * 2)  # a focus lock's sentinel hands focus back in
            escaped = self._call("escaped")
            record["containment_tested"] = True
            if isinstance(escaped, dict):
                record["tab_escaped_to"] = cast(Any, escaped)
                return

    def _close(self, record: DialogProbe) -> bool:
        """Escape from inside, else the close control, else the trigger; True when it closed."""
        ways: tuple[tuple[str, str], ...] = (
            ("focus-inside", "escape"), ("focus-closer", "close_control"), ("focus-trigger", "trigger"),
        )  # fmt: skip
        if self._read("closed").get("closed"):
            return True  # focus leaving it closed it (a menu that closes on blur): nothing to judge
        for focus, way in ways:
            if way == "escape":
                self._call(focus)  # from inside when it has a focusable element, else from where focus is
            elif not self._call(focus):
                continue
            self._press(Keys.ESCAPE if way == "escape" else Keys.ENTER)
            state = self._wait(lambda found: bool(found.get("closed")), action="closed")
            if state.get("closed") and record["expanded_before"] is not None:
                state = self._wait(lambda found: found.get("expanded") != "true", state, action="closed")
            if not self._same_page():
                return False
            if state.get("closed"):
                record.update(
                    {
                        "closed_by": cast(Any, way),
                        "focus_after_close": state.get("focus"),
                        "focus_after_close_element": state.get("focus_element"),
                        "expanded_closed": state.get("expanded"),
                    }
                )
                return True
        return self._call("force-close") is True

    def _wait(
        self, done: Callable[[JsonObject], bool], first: JsonObject | None = None, *,
        limit: float = _SETTLE, action: str = "seen",
    ) -> JsonObject:  # fmt: skip
        """Read the page until `done` holds or `limit` seconds passed; the last reading."""
        end = time.monotonic() + limit
        state = first if first is not None else self._read(action)
        while not done(state) and time.monotonic() < end:
            time.sleep(_POLL)
            state = self._read(action)
        return state

    def _read(self, action: str) -> JsonObject:
        state = self._call(action)
        return state if isinstance(state, dict) else {}

    def _same_page(self) -> bool:
        return _page(self._driver.current_url) == self._url

    def _call(self, action: str, argument: Any = None) -> Any:
        return self._driver.execute_script(_SCRIPT, action, argument)

    def _press(self, key: str, *, times: int = 1, shift: bool = False) -> None:
        actions = ActionChains(self._driver)
        if shift:
            actions.key_down(Keys.SHIFT)
        for _ in range(times):
            actions.send_keys(key)
        if shift:
            actions.key_up(Keys.SHIFT)
        actions.perform()


def _blank(before: JsonObject) -> DialogProbe:
    return {
        "trigger": cast(Any, before["trigger"]), "expanded_before": before.get("expanded"), "opened_by": None,
        "keys_confirmed": None, "component": None, "linked": False, "role": None, "modal": None,
        "focus_after_open": None, "focus_element": None, "focusables": 0, "expanded_open": None,
        "tab_escaped_to": None, "containment_tested": False, "closer": None, "closed_by": None,
        "focus_after_close": None, "focus_after_close_element": None, "expanded_closed": None,
        "next_tab": None, "previous_tab": None,
    }  # fmt: skip


def _page(url: str) -> str:
    """The address without its fragment: a fragment change is not a navigation."""
    return urldefrag(url)[0]
