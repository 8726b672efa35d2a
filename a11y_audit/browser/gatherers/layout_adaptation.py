"""How the page survives the adaptations low-vision users make: spacing, 200% zoom, 320 px.

Artifact `layout_adaptation` (pages/<id>/layout_adaptation.json):
a11y_audit.artifacts.layout_adaptation.LayoutAdaptation.

One gatherer makes all three measurements on one page load, because every page-changing
gatherer costs a reload: first a baseline of the unchanged page (what already clips or
overlaps, what is on screen), then the text-spacing style is injected and removed again,
then the viewport is narrowed to 200% zoom and to 320 CSS px (400% zoom on a 1280 px
window, the width WCAG 1.4.10 names) and restored. Every list holds only what is new
against the baseline, so a visually hidden label or an off-canvas drawer is not reported.

Zoom is emulated as Chromium zooms: DevTools Emulation.setDeviceMetricsOverride with the
CSS viewport divided and the device pixel ratio multiplied by the zoom factor, which gives
the same layout, media queries included. Without DevTools (some Grids) the window itself is
resized and put back; a browser that refuses a window that narrow cannot be measured.

Last, with DevTools, the viewport is turned to the other orientation at the same width (one
pixel taller than wide, or less tall), and the elements whose rotation around the Z axis
changed are listed with both angles (WCAG 1.3.4: a page that turns itself a quarter turn in
one orientation locks the other; ACT rule b33eff).
"""

from __future__ import annotations

from typing import ClassVar, Literal, cast

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION
from a11y_audit.artifacts.layout_adaptation import (
    LayoutMeasurements,
    Measurement,
    ReflowMeasurement,
    Turned,
    ViewportSize,
)
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with
from a11y_audit.model import JsonObject

__all__ = ["REFLOW_WIDTH", "TWO_DIMENSIONAL", "ZOOM", "LayoutAdaptation"]

REFLOW_WIDTH = 320
"""CSS px: WCAG 1.4.10's width for content that scrolls vertically."""
ZOOM = 2.0
"""WCAG 1.4.4's 200%."""
TWO_DIMENSIONAL = (
    "table:not([role=presentation]):not([role=none]), pre, code, video, canvas, math, img, svg, "
    "picture, iframe, object, embed, [role=toolbar], [role=grid], [role=treegrid], [role=table], "
    "[role=application], [role=img]"
)
"""Content that may need two dimensions (1.4.10's exception) or may be such content (images,
frames); the gatherer names it when it makes an element too wide, the reflow check decides."""
_WIDTH_TOLERANCE = 2
"""CSS px a resized window may miss the wanted viewport width by (scrollbar rounding)."""


class LayoutAdaptation(Gatherer):
    """Text spacing, 200% zoom and 320 px reflow measured on one load (see the module docstring)."""

    name: ClassVar[str] = LAYOUT_ADAPTATION
    changes_page: ClassVar[bool] = True

    def gather(self, driver: WebDriver, context: GatherContext) -> LayoutMeasurements:
        baseline = cast(ViewportSize, _step(driver, "baseline"))
        text_spacing = cast(Measurement, _step(driver, "spacing"))
        _step(driver, "turned")
        width, height = int(baseline["innerWidth"]), int(baseline["height"])
        dpr = float(baseline.get("dpr") or 1)
        viewport = _Viewport(driver, width, height, dpr)
        artifact: LayoutMeasurements = {
            "baseline": baseline,
            "text_spacing": text_spacing,
            "method": viewport.method,
        }
        try:
            for key, zoom, options in (
                ("zoom", ZOOM, {"settle": True, "kept": True}),
                (
                    "reflow",
                    width / REFLOW_WIDTH,
                    {"settle": True, "reflow": True, "twoDimensional": TWO_DIMENSIONAL},
                ),
            ):
                if context.remaining() <= 0:
                    artifact["incomplete"] = f"the gatherer's time ran out before the {key} step"
                    break
                try:
                    viewport.zoom(zoom)
                    measured = _step(driver, "measure", options)
                except GathererError as error:  # keep the measurements made so far
                    artifact["incomplete"] = str(error)
                    break
                if key == "zoom":
                    artifact["zoom"] = cast(Measurement, measured)
                else:
                    artifact["reflow"] = cast(ReflowMeasurement, measured)
            if viewport.method == "devtools" and "incomplete" not in artifact and context.remaining() > 0:
                viewport.turn()
                artifact["turned"] = cast(
                    list[Turned], _step(driver, "turned", {"compare": True, "settle": True})["turned"]
                )
        finally:
            viewport.restore()
        return artifact


def _step(driver: WebDriver, step: str, options: JsonObject | None = None) -> JsonObject:
    answer = driver.execute_async_script(script_with("layout_adaptation", "describe"), step, options or {})
    if not isinstance(answer, dict):
        raise GathererError(f"the {step} step returned {type(answer).__name__}")
    if "error" in answer:
        raise GathererError(f"the {step} step failed: {answer['error']}")
    result = answer.get("ok")
    if not isinstance(result, dict):
        raise GathererError(f"the {step} step returned no measurement")
    return result


class _Viewport:
    """Emulates browser zoom by narrowing the viewport, and puts it back afterwards."""

    def __init__(self, driver: WebDriver, width: int, height: int, dpr: float):
        self._driver = driver
        self._size = (width, height)
        self._dpr = dpr
        self._window: dict[str, int] | None = None
        self.method: Literal["devtools", "window"] = (
            "devtools" if cdp(driver, "Emulation.clearDeviceMetricsOverride") is not None else "window"
        )

    def zoom(self, factor: float) -> None:
        width, height = (round(side / factor) for side in self._size)
        if self.method == "devtools":
            metrics = {
                "width": width,
                "height": height,
                "deviceScaleFactor": self._dpr * factor,
                "mobile": False,
            }
            cdp(self._driver, "Emulation.setDeviceMetricsOverride", metrics)
            return
        if self._window is None:
            self._window = self._driver.get_window_size()
        chrome = self._window["width"] - self._size[0]  # window decorations around the viewport
        self._driver.set_window_size(width + chrome, height + self._window["height"] - self._size[1])
        got = self._driver.execute_script("return window.innerWidth")
        if not isinstance(got, int) or abs(got - width) > _WIDTH_TOLERANCE:
            raise GathererError(
                f"the browser window cannot be made {width} CSS px wide without DevTools (got {got})"
            )

    def turn(self) -> None:
        """The other orientation at the same width and pixel ratio (DevTools only): a landscape
        viewport one pixel taller than wide, or a portrait one a pixel less tall, so that only
        `@media (orientation)` (and height) conditions change."""
        width, height = self._size
        metrics = {
            "width": width,
            "height": width - 1 if height >= width else width + 1,
            "deviceScaleFactor": self._dpr,
            "mobile": False,
        }
        cdp(self._driver, "Emulation.setDeviceMetricsOverride", metrics)

    def restore(self) -> None:
        try:
            if self.method == "devtools":
                cdp(self._driver, "Emulation.clearDeviceMetricsOverride")
            elif self._window is not None:
                self._driver.set_window_size(self._window["width"], self._window["height"])
        except WebDriverException:
            pass  # the visitor reloads or replaces the session before the next gatherer anyway
