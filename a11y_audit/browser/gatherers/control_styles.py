"""The colours that make form controls and icon-only buttons visible, and what is behind them.

Artifact `control_styles` (pages/<id>/control_styles.json):
a11y_audit.artifacts.control_styles.ControlColours.

Borders are per side (top, right, bottom, left) in computed sRGB with alpha; `behind` is
the colour the page paints under the element, the ancestors' background colours blended
from the first opaque one (the canvas is white). Non-destructive: one script call in the
visit's page state; the non-text-contrast check judges. Focus outlines are recorded by the
keyboard walk; `focusable` holds the colours they are drawn against (the first
MAX_FOCUSABLE visible focusable elements). Icons drawn as <img> or icon fonts are not
recorded.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.control_styles import ControlColours
from a11y_audit.artifacts.kinds import CONTROL_STYLES
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with

__all__ = ["ControlStyles"]


class ControlStyles(Gatherer):
    """Computed colours of form controls and icon-only buttons (see the module docstring)."""

    name: ClassVar[str] = CONTROL_STYLES

    def gather(self, driver: WebDriver, context: GatherContext) -> ControlColours:
        found = driver.execute_script(script_with("control_styles", "describe"))
        if not isinstance(found, dict) or not isinstance(found.get("controls"), list):
            raise GathererError(f"the control style script returned {type(found).__name__}, not controls")
        return cast(ControlColours, found)
