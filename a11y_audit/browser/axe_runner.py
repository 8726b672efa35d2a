"""Run axe-core on the current page, every frame included, cross-origin ones too.

Injection: axe.min.js (650 KB) is registered once per session with DevTools'
Page.addScriptToEvaluateOnNewDocument, which puts it into every document and frame the
browser loads; without DevTools, axe-selenium-python's `Axe.inject` ships it into each frame
that lacks it. Running: `axe.runPartial` in each frame, walked depth-first by switching
WebDriver into the frames axe lists, then `axe.finishRun` on the collected partials, as the
official axe-core WebDriver integrations do; no postMessage between frames is needed.
"""

from __future__ import annotations

from typing import Any

from axe_selenium_python import Axe
from selenium.common.exceptions import JavascriptException, WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.axe_core import AxeCore
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.scripts import script
from a11y_audit.model import JsonObject

__all__ = ["DEFAULT_TAGS", "AxeRunError", "AxeRunner"]

DEFAULT_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
_HAS_AXE = "return typeof window.axe === 'object' && typeof window.axe.runPartial === 'function'"
_MAX_FRAME_DEPTH = 5


class AxeRunError(Exception):
    """axe-core could not produce results for this page."""


class AxeRunner:
    """One per browser session: knows whether axe is preregistered and how to run it."""

    def __init__(self, driver: WebDriver, axe_core: AxeCore, tags: tuple[str, ...] = DEFAULT_TAGS):
        self._driver = driver
        self._injector = Axe(driver, script_url=str(axe_core.path))
        self._options: JsonObject = {
            "runOnly": {"type": "tag", "values": list(tags)},
            # Passes and inapplicable nodes are never reported; not serialising them keeps
            # the results small on pages with thousands of elements.
            "resultTypes": ["violations", "incomplete"],
        }
        self.preregistered = self._preregister(axe_core)

    def _preregister(self, axe_core: AxeCore) -> bool:
        source = axe_core.path.read_text("utf-8")
        return cdp(self._driver, "Page.addScriptToEvaluateOnNewDocument", {"source": source}) is not None

    def run(self) -> JsonObject:
        """Raw axe results (violations, incomplete; ids of passed and inapplicable rules)."""
        driver = self._driver
        driver.switch_to.default_content()
        self._ensure_axe()
        top = driver.execute_async_script(script("axe_run_top"), self._options)
        if not isinstance(top, dict) or ("results" not in top and "frames" not in top):
            raise AxeRunError(f"axe.runPartial failed: {_error_of(top)}")
        if "results" not in top:
            partials: list[JsonObject | None] = []
            try:
                for frame in top["frames"]:
                    self._collect_frame(frame, partials, depth=0)
            finally:
                driver.switch_to.default_content()
            top = driver.execute_async_script(script("axe_finish_run"), partials, self._options)
            if not isinstance(top, dict) or "results" not in top:
                raise AxeRunError(f"axe.finishRun failed: {_error_of(top)}")
        results: JsonObject = top["results"]
        self._mark_inert(results)
        return _compact(results)

    def _mark_inert(self, results: JsonObject) -> None:
        """Mark violation nodes whose element was behind an open modal dialog (`"inert": true`).

        An element behind an open modal dialog is inert, out of the focus order for as long as
        the dialog is open, whatever its tabindex says; judging needs to know
        (a11y_audit.judge.axe_results), and axe's result does not say (axe skips [inert]
        subtrees, but not what a modal dialog makes inert). The first step of a
        target is looked at in the top document: the element itself, or the frame holding it
        (whose content is inert with it); a script error leaves the results unmarked.
        """
        nodes = [
            node
            for rule in results.get("violations") or []
            for node in rule.get("nodes") or []
            if node.get("target")
        ]
        if not nodes:
            return
        try:
            inert = self._driver.execute_script(script("axe_inert"), [node["target"][0] for node in nodes])
        except WebDriverException:
            return
        if isinstance(inert, list) and len(inert) == len(nodes):
            for node, flag in zip(nodes, inert, strict=True):
                if flag is True:
                    node["inert"] = True

    def _collect(self, context: Any, partials: list[JsonObject | None], depth: int) -> None:
        """Depth-first: this frame's partial, then each child frame's (order matters to axe)."""
        self._ensure_axe()
        outcome = self._driver.execute_async_script(script("axe_run_partial"), context, self._options)
        if not isinstance(outcome, dict) or "partial" not in outcome:
            partials.append(None)
            return
        partials.append(outcome["partial"])
        for frame in outcome.get("frames") or []:
            self._collect_frame(frame, partials, depth)

    def _collect_frame(self, frame: JsonObject, partials: list[JsonObject | None], depth: int) -> None:
        """Audit one child frame; a frame that cannot be entered counts as untested (None)."""
        driver = self._driver
        if depth + 1 > _MAX_FRAME_DEPTH:
            partials.append(None)
            return
        try:
            element = driver.execute_script(
                "return axe.utils.shadowSelect(arguments[0])", frame["frameSelector"]
            )
            if element is None:
                partials.append(None)
                return
            driver.switch_to.frame(element)
        except WebDriverException:
            partials.append(None)
            return
        before = len(partials)
        try:
            self._collect(frame.get("frameContext"), partials, depth + 1)
        except WebDriverException:
            # A frame that navigates away or never loads must not sink the whole page; its
            # subtree is dropped so the partials stay aligned with axe's frame order.
            del partials[before:]
            partials.append(None)
        finally:
            driver.switch_to.parent_frame()

    def _ensure_axe(self) -> None:
        """Inject axe into the current frame when preregistration did not reach it."""
        try:
            present = bool(self._driver.execute_script(_HAS_AXE))
        except JavascriptException:
            present = False
        if not present:
            self._injector.inject()


def _compact(results: JsonObject) -> JsonObject:
    """Keep what judging needs: violations and incomplete in full, passed/inapplicable rule refs."""
    return {
        "testEngine": results.get("testEngine"),
        "url": results.get("url"),
        "timestamp": results.get("timestamp"),
        "violations": results.get("violations") or [],
        "incomplete": results.get("incomplete") or [],
        # Tags stay: they say which WCAG criteria a rule tested even when it found nothing.
        "passes": [_rule_ref(rule) for rule in results.get("passes") or []],
        "inapplicable": [_rule_ref(rule) for rule in results.get("inapplicable") or []],
    }


def _rule_ref(rule: JsonObject) -> JsonObject:
    return {"id": rule.get("id"), "tags": rule.get("tags") or []}


def _error_of(outcome: object) -> str:
    if isinstance(outcome, dict) and outcome.get("error"):
        return str(outcome["error"])
    return "no result returned"
