"""Walk the page with the keyboard as a keyboard-only user would, and record what happens.

Artifact `keyboard` (pages/<id>/keyboard.json): a11y_audit.artifacts.keyboard.KeyboardWalk, every
Tab stop with its focus styles and pixels, the components tested for traps, the skip links
and the single-key shortcuts.

Tab is sent with Selenium actions, 15 presses per round trip (a focusin listener records
each stop as focus reaches it: 15 presses cost ~90 ms, one press ~45 ms, CDP
Input.dispatchKeyEvent ~37 ms per press, measured on Chromium 156), so a 60-stop page costs
a handful of round trips. Screenshots cost 50-130 ms each, so the pixel comparison is
sampled: one stop per (kind, hidden, visible style changes) group, hidden stops and stops
without a visible style change first, at most MAX_PIXEL_STOPS per page; checks extend a
measurement to stops of the same group; where little changes around a plain stop, the
whole window is compared too (the indicator may be drawn elsewhere). A Tab cycle (focus back
on an earlier stop other than the first, or not moving at all) is tested for exits
(Shift+Tab, Escape, Enter on a close control); a quick exit is pressed once more and judged
by where focus settles (_SETTLE s later: a script may take it back), and when none works the
key combinations the page's text advises are tried. The walk goes on past a cycle that has
an exit. Stops a script focuses again without a key (a timer taking focus back, which the
quick presses outrun) are confirmed on a fresh copy of the page in a new tab, only on pages
where that happened (see _refocus_trap). Stops inside aria-hidden="true" are focused and
read _HOLD s later: one that loses focus by itself is a focus sentinel, not focusable. Shortcut
keys are pressed with focus on the page; what they change in the content is counted by a
MutationObserver (not on a page that changes by itself). Probes only press Enter on
buttons and same-page links (never submit buttons or form fields) and stop when the page's
address changes.
Transitions are switched off first, so styles read right after a key are the final ones.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import io
import time
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, cast
from urllib.parse import urldefrag

from PIL import Image, ImageChops
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.keyboard import (
    Component,
    Escapes,
    KeyboardWalk,
    Shortcut,
    SkipLink,
    TabStop,
    WalkEnd,
)
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.artifacts.shared import Described
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with
from a11y_audit.judge.focus_appearance import visible_changes
from a11y_audit.model import JsonObject

__all__ = ["MAX_OPENERS", "MAX_PIXEL_STOPS", "SHORTCUT_KEYS", "Keyboard", "changed_pixels", "changed_ratio"]

MAX_PIXEL_STOPS = 4
MAX_OPENERS = 5
SHORTCUT_KEYS: tuple[tuple[str, str], ...] = (
    *(("", key) for key in ("/", "?", "s", "f", "+", "-", "j", "k")),
    (Keys.CONTROL, "k"),
)
"""(modifier, key): printable keys sites commonly bind as shortcuts (search, help, navigation,
adding or removing items, next and previous),
and Ctrl+K, the modifier form of the search shortcut, so a conforming shortcut is seen too."""
_PAD = 8
"""CSS px around an element in the pixel comparison: focus rings are drawn outside the box."""
_MAX_CLIP = (800, 400)
_LOOK_ELSEWHERE = 0.01
"""Below this share of changed pixels around a visible stop without a visible style change,
the whole window is compared too (focus-not-visible fails only when nothing changes there)."""
_PIXEL_THRESHOLD = 32
"""A pixel counts as changed when a colour channel differs by more than this (anti-aliasing)."""
_WALK_SHARE = 0.6
"""Share of the gatherer's time the walk may use; the probes get the rest."""
_MAX_CYCLES = 3
"""Tab cycles the walk tests and walks on past (widgets that keep Tab until Escape)."""
_WAYS_OUT: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("tab", (Keys.TAB,), ()),
    ("shift_tab", (Keys.TAB,), (Keys.SHIFT,)),
    ("escape", (Keys.ESCAPE, Keys.TAB), ()),
)
"""The standard ways out of a component: (Escapes key, keys pressed, modifiers held)."""
_SETTLE = 0.3
"""Seconds to let scripts move focus after a key before reading where it is (a trap that
refocuses an element on a timer); read twice, so focus still moving is seen."""
_MAX_PULLED = 3
"""Stops a script focused again that are confirmed, each on a fresh copy of the page."""
_FRESH_COPY_TIME = 6
"""Seconds of the gatherer's time a confirmation on a fresh copy needs to start."""
_HOLD = 1.0
"""Seconds a stop inside aria-hidden="true" must keep focus: ACT's definition of focusable
excludes elements that lose focus within a second without user action."""
_MAX_HIDDEN = 2
"""Such stops confirmed per page (each costs _HOLD s; axe-core judges the rest)."""
_BATCH = 15
"""Tab presses per round trip: 15 cost about as much as 2 sent one by one."""


_T = TypeVar("_T")
_MISSING = "__a11y_keyboard_missing__"
_INSTALLED = f"var k = window.__a11yKeyboard; return k ? k.run(arguments[0], arguments[1]) : {_MISSING!r};"


def changed_pixels(before: bytes, after: bytes) -> tuple[int, int]:
    """Pixels that differ visibly between two same-sized screenshots, and the pixels compared."""
    first = Image.open(io.BytesIO(before)).convert("RGB")
    second = Image.open(io.BytesIO(after)).convert("RGB")
    if first.size != second.size:
        second = second.resize(first.size)
    difference = ImageChops.difference(first, second).convert("L")
    changed = difference.point(lambda value: 255 if value > _PIXEL_THRESHOLD else 0).histogram()[255]
    return changed, first.width * first.height


def changed_ratio(before: bytes, after: bytes) -> float:
    """Share of pixels that differ visibly between two same-sized screenshots."""
    changed, compared = changed_pixels(before, after)
    return round(changed / max(1, compared), 4)


class Keyboard(Gatherer):
    """Tab walk, trap tests, component probes, skip link and shortcut tests (module docstring)."""

    name: ClassVar[str] = KEYBOARD
    changes_page: ClassVar[bool] = True

    def gather(self, driver: WebDriver, context: GatherContext) -> KeyboardWalk:
        return _Walk(driver, context).run()


class _Walk:
    def __init__(self, driver: WebDriver, context: GatherContext):
        self._driver = driver
        self._context = context
        self._script = script_with("keyboard", "describe", "focus_state", "openers")
        self._stops: list[TabStop] = []
        self._pulled: list[int] = []
        """Stops a script focused again during the walk, without a key (a timer's refocus)."""
        self._url = ""
        self._on_copy = False
        """True while a test runs on a fresh copy of the page (see _fresh_copy)."""

    def run(self) -> KeyboardWalk:
        # Keys reach a headless page only while it has focus; without DevTools, hope it has.
        cdp(self._driver, "Page.bringToFront")
        cdp(self._driver, "Emulation.setFocusEmulationEnabled", {"enabled": True})
        started = self._call("start")
        if not isinstance(started, dict):
            raise GathererError("the keyboard script did not start")
        self._url = _page(str(started["url"]))
        walk_deadline = time.monotonic() + self._context.remaining() * _WALK_SHARE
        components: list[Component] = []
        end, presses, cycle = self._walk(walk_deadline, 0)
        while cycle:
            # Focus went round a few stops: test the exits; walk on past a component that has one.
            components.append(self._cycle_trap(cycle))
            if not any(components[-1]["escapes"].values()) or len(components) >= _MAX_CYCLES:
                break
            self._call("resume")
            end, presses, cycle = self._walk(walk_deadline, presses)
        if not components:
            refocus = self._refocus_trap(left=end == "left-document")
            if refocus is not None:
                components.append(refocus)
        stuck = any(not any(component["escapes"].values()) for component in components)
        unknown = [index for index, stop in enumerate(self._stops) if stop["unfocused_style"] is None]
        order = self._call("order", unknown)
        if isinstance(order, dict):
            for stop, rank in zip(self._stops, order.get("ranks") or [], strict=False):
                stop["dom_rank"] = rank
            for index, style in (order.get("styles") or {}).items():
                self._stops[int(index)]["unfocused_style"] = style
        self._hidden_focus()
        self._compare_pixels()
        skip_links = self._skip_links()
        shortcuts = self._shortcuts()
        if not stuck:
            components.extend(self._probe_openers())
        return {
            "viewport": started.get("viewport"),
            "end": end,
            "presses": presses,
            "stops": self._stops,
            "components": components,
            "skip_links": skip_links,
            "shortcuts": shortcuts,
        }

    # -- the walk -----------------------------------------------------------------------

    def _walk(self, deadline: float, presses: int) -> tuple[WalkEnd, int, list[int]]:
        """Press Tab in batches; the page records each stop as focus reaches it.

        Returns why the walk ended, the Tab presses so far, and the stops of a cycle.
        """
        while True:
            if presses >= self._context.settings.max_tab_stops:
                return "max-stops", presses, []
            if time.monotonic() > deadline:
                return "deadline", presses, []
            batch = min(_BATCH, self._context.settings.max_tab_stops - presses)
            self._press(Keys.TAB, times=batch)
            presses += batch
            walked = self._call("walk")
            if not isinstance(walked, dict):
                raise GathererError("the keyboard walk script returned nothing")
            ends = [self._take(entry) for entry in walked.get("entries") or []]
            end = next((found for found in ends if found is not None), None)
            if end is not None:
                return end[0], presses, end[1]
            if _page(str(walked.get("url"))) != self._url:
                return "navigated", presses, []
            if not walked.get("entries"):
                active = walked.get("active")
                if isinstance(active, int) and active >= 0:
                    return "cycle", presses, [active]  # Tab does not move focus at all
                if self._stops or presses >= _BATCH:
                    return "left-document", presses, []

    def _take(self, entry: JsonObject) -> tuple[WalkEnd, list[int]] | None:
        """Add one focus event to the walk; (end, cycle members) when the walk would end there.

        Every event of a batch is taken, also after the one that ends the walk, so the stops
        stay numbered as the page numbers them.
        """
        previous = entry.get("previous")
        if isinstance(previous, dict) and 0 <= previous.get("index", -1) < len(self._stops):
            self._stops[previous["index"]]["unfocused_style"] = previous["style"]
        if _page(str(entry.get("url"))) != self._url:
            return "navigated", []
        if entry.get("left"):
            return ("left-document", []) if self._stops else None
        index = int(entry.get("index", -1))
        if entry.get("unprompted") and index not in self._pulled:
            self._pulled.append(index)
        if isinstance(entry.get("stop"), dict):
            unmeasured = {"unfocused_style": None, "pixel_ratio": None, "pixel_area": None, "dom_rank": None}
            self._stops.append(cast(TabStop, {**entry["stop"], **unmeasured}))
            return None
        if index == 0:
            return "wrapped", []
        if entry.get("frame") and index == len(self._stops) - 1:
            return None
        return "cycle", list(range(index, len(self._stops)))

    def _cycle_trap(self, members: list[int]) -> Component:
        """Tab cycles among a few stops: can Shift+Tab, Escape or a close control get out?"""
        container = self._call("container", members)
        escapes, closer = self._other_exits(len(members))
        escapes["tab"] = False
        self._settle_exits(escapes)
        if not any(escapes.values()) and escapes.get("close_control") is None:
            # The quick Shift+Tab or Escape that got out did not last: the close control is next.
            escapes["close_control"], closer = self._close_control_exit()
        record: Component = {
            "source": "walk",
            "opener": None,
            "opened": True,
            "component": container,
            "modal": False,
            "focus_moved_in": True,
            "focusables": len(members),
            "escapes": escapes,
            "close_control": closer,
        }
        self._advised_exit(record)
        return record

    def _refocus_trap(self, *, left: bool) -> Component | None:
        """Does a script take focus back to a stop after the keyboard moved it away?

        A script that refocuses an element a few milliseconds after it loses focus (ACT
        80af7b Failed Examples 1-2) is outrun by the walk's quick presses, which then leave
        the page dirty: two such stops left within a few milliseconds take focus from each
        other for ever. So the stops a script focused again during the walk, or focuses
        while the page is left alone after Tab left it (the stop that still had focus is
        blurred, as leaving it would), are confirmed each on a fresh copy of the page in a
        new tab, only on pages where this happened: from the stop, Tab, then Escape and
        Tab, then Shift+Tab are pressed once and judged by where focus settles (_SETTLE s
        later); a stop focus returns to holds it in that direction.

        Focus is trapped when it cannot go round the page in either direction (the focus
        order is a cycle through the browser's controls, ACT a1b64e): a stop holds it
        against Tab and one (the same or another) against Shift+Tab, so the stops beyond
        them are out of reach both ways, and between them focus cannot leave at all. A stop
        that holds focus in one direction only is no trap (80af7b Passed Example 7): the
        other way goes round. Focus that left the page counts as moved away: from the
        browser's own controls no script can take it back. Escape and the keys the page's
        help text advises are tried on the stop that holds against Tab. None when focus can
        go round, or when the copy could not be tested.
        """
        candidates = list(self._pulled)
        if left and self._call("refocus-probe") not in (None, -1):
            time.sleep(_SETTLE)
            reclaimed = self._call("reclaimed")
            if isinstance(reclaimed, list):
                candidates = list(dict.fromkeys([*(int(index) for index in reclaimed), *candidates]))
        forward: Component | None = None
        backward: int | None = None
        for index in candidates[:_MAX_PULLED]:
            if self._context.remaining() < _FRESH_COPY_TIME or (forward is not None and backward is not None):
                break
            test = functools.partial(self._holds, index, forward is None, backward is None)
            held = self._fresh_copy(index, test)
            if held is None:
                continue
            if isinstance(held[0], dict):
                if any(held[0]["escapes"].values()):
                    return None  # Escape or an advised key lets focus on past it
                forward = held[0]
            if held[1]:
                backward = index
        if forward is None or backward is None:
            return None
        stops = [forward["component"], _described(self._stops[backward])]
        forward["held_by"] = [stop for stop in stops if stop is not None]
        if forward["held_by"][0] == forward["held_by"][-1]:
            forward["held_by"] = forward["held_by"][:1]
        forward["escapes"]["shift_tab"] = False
        forward["focusables"] = len(forward["held_by"])
        return forward

    def _holds(self, index: int, against_tab: bool, against_shift_tab: bool) -> tuple[Component | None, bool]:
        """On a fresh copy: does focus come back to the stop after Tab, and after Shift+Tab?

        Each direction only when asked. When Tab comes back, the ways out are tried from the
        stop: Escape then Tab, and the keys the page advises; the component then records
        them. Returns that component (None: Tab gets away, focus kept moving by itself, or
        not asked) and whether Shift+Tab came back.
        """
        self._call("container", [index])
        record: Component | None = None
        if against_tab and self._settled_press((Keys.TAB,), ()) is False:
            record = {
                "source": "refocus",
                "opener": None,
                "opened": True,
                "component": _described(self._stops[index]),
                "modal": False,
                "focus_moved_in": True,
                "focusables": 1,
                "escapes": {"tab": False, "escape": self._settled_press((Keys.ESCAPE, Keys.TAB), ())},
                "close_control": None,
            }
            if record["escapes"]["escape"] is None:
                return None, False  # focus kept moving by itself: nothing certain
            self._advised_exit(record)
            if any(record["escapes"].values()):
                return record, False
        return record, against_shift_tab and self._settled_press((Keys.TAB,), (Keys.SHIFT,)) is False

    def _fresh_copy(self, index: int, test: Callable[[], _T]) -> _T | None:
        """Run a test of a stop on the walked page loaded afresh in a new tab, then close it.

        The walked page itself stays as it is (a journey's state lives there); None when no
        tab could be opened or the copy does not show that stop.
        """
        driver = self._driver
        walked = driver.current_window_handle
        try:
            driver.switch_to.new_window("tab")
        except WebDriverException:
            return None
        self._on_copy = True
        try:
            driver.get(self._context.url)
            cdp(driver, "Page.bringToFront")
            cdp(driver, "Emulation.setFocusEmulationEnabled", {"enabled": True})
            found = self._call("restore", [stop["selector"] for stop in self._stops])
            if not isinstance(found, list) or not found[index]:
                return None
            return test()
        except WebDriverException:
            return None
        finally:
            self._on_copy = False
            with contextlib.suppress(WebDriverException):
                driver.close()
            driver.switch_to.window(walked)
            cdp(driver, "Page.bringToFront")

    def _settle_exits(self, escapes: Escapes) -> bool:
        """Press each way out not already known to fail once, and keep where focus settles.

        A quick exit may outrun a script that takes focus back a moment later, so a way out
        counts once focus stays outside. False when focus keeps moving by itself: what the
        quick test saw is kept.
        """
        ways = cast(dict[str, bool | None], escapes)
        for way, keys, modifiers in _WAYS_OUT:
            if ways.get(way) is False:
                continue
            left = self._settled_press(keys, modifiers)
            if left is None:
                return False
            ways[way] = left
            if left:
                break
        return True

    def _advised_exit(self, record: Component) -> None:
        """No standard way got out: try the key combinations the page's help text advises.

        WCAG 2.1.2 allows a non-standard way out when the user is advised of it; the advice
        may sit behind a help control in the component (activated with Enter to show it).
        """
        if any(record["escapes"].values()):
            return
        advice = self._call("help")
        if not isinstance(advice, dict):
            return
        keys = advice.get("keys") or []
        control = advice.get("control")
        # A fresh copy's tab has none of the walked page's guards (held POSTs, navigation
        # watch): there only keys are pressed, never a control activated.
        if not keys and isinstance(control, dict) and not self._on_copy and self._call("help-focus"):
            self._press(Keys.ENTER)
            shown = self._call("help")
            keys = (shown.get("keys") or []) if isinstance(shown, dict) else []
        record["advised_keys"] = [str(combo["text"]) for combo in keys]
        record["help_control"] = cast(Described, control) if isinstance(control, dict) else None
        for combo in keys:
            pressed = _combo(combo)
            if pressed is None:
                continue
            left = self._settled_press((pressed[1],), pressed[0])
            record["escapes"]["advised"] = left
            if left:
                return

    def _settled_press(self, keys: tuple[str, ...], modifiers: tuple[str, ...]) -> bool | None:
        """From a member, press the keys once; did focus leave the page or settle outside?

        None when focus could not be put back inside or kept moving without a key.
        """
        if not self._call("focus-member"):
            return None
        actions = ActionChains(self._driver)
        for modifier in modifiers:
            actions.key_down(modifier)
        for key in keys:
            actions.send_keys(key)
        for modifier in reversed(modifiers):
            actions.key_up(modifier)
        actions.perform()
        time.sleep(_SETTLE)
        first = self._call("settled")
        time.sleep(_SETTLE)
        second = self._call("settled")
        if not (isinstance(first, dict) and isinstance(second, dict)):
            return None
        if first.get("left") or second.get("left"):
            return True
        if second.get("moves"):
            return None
        return bool(second.get("outside"))

    def _other_exits(self, size: int) -> tuple[Escapes, Described | None]:
        """Try Shift+Tab, then Escape, then Enter on a close control, each from inside.

        Returns which worked (None: not tried, an earlier one already got out) and the
        close control tried, if any.
        """
        exits: Escapes = {"shift_tab": False, "escape": None, "close_control": None}
        closer = None
        if self._call("focus-member"):
            self._press(Keys.TAB, times=size + 2, shift=True)
            exits["shift_tab"] = self._escaped()
        if not exits["shift_tab"] and self._call("focus-member"):
            self._press(Keys.ESCAPE, Keys.TAB)
            exits["escape"] = self._escaped()
        if not (exits["shift_tab"] or exits["escape"]):
            exits["close_control"], closer = self._close_control_exit()
        return exits, closer

    def _close_control_exit(self) -> tuple[bool | None, Described | None]:
        """Enter on a close control inside: did focus get out? (None: no close control.)"""
        if not self._call("focus-member"):
            return None, None
        found = self._call("closer")
        if not isinstance(found, dict):
            return None, None
        self._press(Keys.ENTER, Keys.TAB)
        return self._escaped(), cast(Described, found)

    def _escaped(self) -> bool:
        result = self._call("escaped")
        return isinstance(result, dict) and bool(result.get("left"))

    def _hidden_focus(self) -> None:
        """Do stops inside aria-hidden="true" keep focus (ACT 6cfa84's "focusable")?

        An element that loses focus within a second of gaining it, with no user action, is
        not focusable (a focus sentinel that passes focus on into a dialog); the walk's
        quick presses cannot tell, so each such stop is focused and read _HOLD s later.
        Only pages with such stops pay, at most _MAX_HIDDEN of them.
        """
        hidden = [
            index
            for index, stop in enumerate(self._stops)
            if stop["aria_hidden"] and not stop["inert"] and stop["tag"] != "iframe"
        ]
        for index in hidden[:_MAX_HIDDEN]:
            if self._context.remaining() < _HOLD + 2:
                return
            focused = self._call("hold-focus", index)
            if focused is not True:
                self._stops[index]["focus_kept"] = False if focused is False else None
                continue
            time.sleep(_HOLD)
            self._stops[index]["focus_kept"] = self._call("held", index) is True

    # -- focus appearance ---------------------------------------------------------------

    def _compare_pixels(self) -> None:
        """Screenshot a sample of stops blurred and focused (see the module docstring)."""
        for index in self._pixel_sample():
            if self._context.remaining() < 2:
                return
            prepared = self._call("pixel-prepare", index)
            if not isinstance(prepared, dict):
                continue
            if prepared.get("box") is None:
                self._stops[index]["pixel_area"] = "none"
                continue
            before = self._capture(prepared["box"])
            if before is None:
                return  # no DevTools: styles alone will have to do
            focus = self._call("pixel-focus", index)
            if not isinstance(focus, dict) or not focus.get("focused") or focus.get("box") != prepared["box"]:
                continue  # focusing moved or resized the area: the pictures would not compare
            if self._stops[index]["focus_visible"] and not focus.get("focus_visible"):
                continue  # scripted focus did not look like keyboard focus: not comparable
            after = self._capture(prepared["box"])
            if after is None:
                continue
            ratio = changed_ratio(before, after)
            self._stops[index]["pixel_ratio"] = ratio
            self._stops[index]["pixel_area"] = "ancestor" if prepared.get("proxy") else "element"
            stop = self._stops[index]
            unfocused = stop["unfocused_style"] or {}
            if (
                ratio < _LOOK_ELSEWHERE
                and not stop["hidden"]
                and not visible_changes(stop["style"], unfocused)
            ):
                stop["viewport_pixels"] = self._viewport_change(index)

    def _viewport_change(self, index: int) -> int | None:
        """Pixels of the whole window that change between the stop focused and blurred.

        Measured when little changes around the stop: the focus indicator may be drawn
        elsewhere on the page (ACT oj04fd: any pixel of the viewport counts).
        """
        focused = self._capture(None)
        prepared = self._call("pixel-prepare", index)  # blurs it again, in the same place
        blurred = self._capture(None) if isinstance(prepared, dict) else None
        if focused is None or blurred is None:
            return None
        return changed_pixels(blurred, focused)[0]

    def _pixel_sample(self) -> list[int]:
        """One stop per (kind, hidden, visible style changes) group; doubtful groups first."""
        groups: dict[tuple[str, bool, tuple[str, ...]], int] = {}
        for index, stop in enumerate(self._stops):
            if stop["tag"] == "iframe" or stop["aria_hidden"] or stop["unfocused_style"] is None:
                continue
            changes = tuple(visible_changes(stop["style"], stop["unfocused_style"]))
            groups.setdefault((stop["kind"], bool(stop["hidden"]), changes), index)
        doubtful = sorted(index for (_, hidden, changes), index in groups.items() if hidden or not changes)
        rest = sorted(set(groups.values()) - set(doubtful))
        return (doubtful + rest)[:MAX_PIXEL_STOPS]

    def _capture(self, box: dict[str, float] | None) -> bytes | None:
        """A screenshot of the box (plus _PAD), or of the whole window for None."""
        params: JsonObject = {"format": "png"}
        if box is not None:
            x, y = max(0.0, box["x"] - _PAD), max(0.0, box["y"] - _PAD)
            params["clip"] = {
                "x": x,
                "y": y,
                "width": max(1.0, min(_MAX_CLIP[0], box["width"] + 2 * _PAD)),
                "height": max(1.0, min(_MAX_CLIP[1], box["height"] + 2 * _PAD)),
                "scale": 1,
            }
        shot = cdp(self._driver, "Page.captureScreenshot", params)
        data = shot.get("data") if shot else None
        return base64.b64decode(data) if isinstance(data, str) else None

    # -- probes -------------------------------------------------------------------------

    def _skip_links(self) -> list[SkipLink]:
        """Activate each skip link among the first stops; record where focus and the next Tab go."""
        found: list[SkipLink] = []
        for index, link in enumerate(self._stops[:3]):
            if not link.get("skip") or self._context.remaining() < 2:
                continue
            started = self._call("skip-link", index)
            self._press(Keys.ENTER)
            landed = self._call("skip-result")
            self._press(Keys.TAB)
            following = self._call("skip-next")
            if not (isinstance(started, dict) and isinstance(landed, dict) and isinstance(following, dict)):
                continue
            found.append(
                {
                    "link": _described(link),
                    "href": started.get("href"),
                    "target": started.get("target"),
                    "focus": landed.get("focus"),
                    "focus_in_target": landed.get("focus_in_target"),
                    "scrolled": landed.get("scrolled"),
                    "next_focus": following.get("focus"),
                    "next_in_target": following.get("focus_in_target"),
                    "next_follows_target": following.get("follows_target"),
                    "walk_next": self._stops[index + 1]["selector"] if index + 1 < len(self._stops) else None,
                }
            )
        return found

    def _shortcuts(self) -> list[Shortcut]:
        """Press shortcut keys with focus on the page itself; record those that move focus,
        change the content or navigate."""
        found: list[Shortcut] = []
        self._call("shortcut")  # blur whatever has focus, start counting content changes
        time.sleep(_SETTLE)
        quiet = self._call("shortcut")
        # A page that changes by itself (a carousel, a live feed) would blame any key.
        noisy = not isinstance(quiet, dict) or bool(quiet.get("changes"))
        for modifier, key in SHORTCUT_KEYS:
            if self._context.remaining() < 2:
                break
            actions = ActionChains(self._driver)
            if modifier:
                actions.key_down(modifier)
            actions.send_keys(key)
            if modifier:
                actions.key_up(modifier)
            actions.perform()
            after = self._call("shortcut")
            if not isinstance(after, dict):
                break
            navigated = _page(str(after.get("url"))) != self._url
            changes = None if noisy else int(after.get("changes") or 0)
            if after.get("focus") or navigated or changes:
                name = f"ctrl+{key}" if modifier else key
                found.append(
                    {
                        "key": name,
                        "modifier": bool(modifier),
                        "focus": after.get("focus"),
                        "navigated": navigated,
                        "changes": changes,
                    }
                )
            if navigated:
                self._driver.back()
                break
        return found

    def _probe_openers(self) -> list[Component]:
        """Open components with Enter and test whether the keyboard can leave them."""
        found: list[Component] = []
        openers = self._call("openers", MAX_OPENERS)
        for index in openers if isinstance(openers, list) else []:
            if self._context.remaining() < 3:
                break
            before = self._call("open-before", index)
            if not isinstance(before, dict) or not before.get("focused"):
                continue
            self._press(Keys.ENTER)
            after = self._call("open-after")
            if not isinstance(after, dict) or _page(str(after.get("url"))) != self._url:
                break  # the control navigated: the page is no longer the one walked
            record: Component = {
                "source": "opener",
                "opener": before["opener"],
                "opened": after.get("opened"),
                "component": after.get("component"),
                "modal": after.get("modal"),
                "focus_moved_in": after.get("focus_moved_in"),
                "focusables": after.get("focusables", 0),
                "escapes": {},
                "close_control": None,
            }
            if after.get("opened"):
                presses = int(after.get("focusables") or 0) + 2
                self._press(Keys.TAB, times=presses)
                escapes: Escapes = {"tab": self._escaped()}
                if escapes["tab"]:
                    escapes.update({"shift_tab": None, "escape": None, "close_control": None})
                else:
                    others, record["close_control"] = self._other_exits(presses)
                    escapes.update(others)
                record["escapes"] = escapes
                self._advised_exit(record)
            found.append(record)
            if record["escapes"] and not any(record["escapes"].values()):
                break  # focus is stuck: the page cannot be probed further
            self._call("close-component")
        return found

    # -- plumbing -----------------------------------------------------------------------

    def _call(self, action: str, argument: Any = None) -> Any:
        """Run one action of js/keyboard.js; the full source only when the page lacks it."""
        result = self._driver.execute_script(_INSTALLED, action, argument)
        if result == _MISSING:
            result = self._driver.execute_script(self._script, action, argument)
        return result

    def _press(self, *keys: str, times: int = 1, shift: bool = False) -> None:
        """Press the keys in order, `times` over, in one round trip (Shift held if asked)."""
        actions = ActionChains(self._driver)
        if shift:
            actions.key_down(Keys.SHIFT)
        for _ in range(times):
            for key in keys:
                actions.send_keys(key)
        if shift:
            actions.key_up(Keys.SHIFT)
        actions.perform()


_MODIFIERS = {
    "ctrl": Keys.CONTROL, "control": Keys.CONTROL, "alt": Keys.ALT, "option": Keys.ALT,
    "shift": Keys.SHIFT, "cmd": Keys.META, "command": Keys.META, "meta": Keys.META,
}  # fmt: skip
_NAMED_KEYS = {"esc": Keys.ESCAPE, "escape": Keys.ESCAPE, "tab": Keys.TAB, "enter": Keys.ENTER,
               "home": Keys.HOME, "end": Keys.END}  # fmt: skip


def _combo(advised: JsonObject) -> tuple[tuple[str, ...], str] | None:
    """(modifier keys, key) for Selenium from an advised combination; None for browser commands.

    Ctrl/Cmd with W, Q, T, N or P close, quit or open windows or print in a desktop browser.
    """
    modifiers = tuple(_MODIFIERS[name] for name in advised.get("modifiers") or [] if name in _MODIFIERS)
    key = str(advised.get("key") or "")
    if (Keys.CONTROL in modifiers or Keys.META in modifiers) and key in ("w", "q", "t", "n", "p"):
        return None
    if len(key) > 1 and key[0] == "f" and key[1:].isdigit():
        return modifiers, str(getattr(Keys, key.upper()))
    return modifiers, _NAMED_KEYS.get(key, key)


def _described(stop: TabStop) -> Described:
    return {"selector": stop["selector"], "snippet": stop["snippet"], "rect": stop["rect"]}


def _page(url: str) -> str:
    """The address without its fragment: a fragment change is not a navigation."""
    return urldefrag(url)[0]
