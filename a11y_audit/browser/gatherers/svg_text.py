"""Words drawn inside SVG images, for the images-of-text check (WCAG 1.4.5).

Artifact `svg_text`: a11y_audit.artifacts.svg_text.SvgTexts.

Only SVG can be read without OCR: its text is markup. The gatherer lists same-origin (or
data:) SVGs shown by <img>, <input type=image>, <object> and CSS backgrounds (rules and
style attributes that name an SVG, so not every element's style is computed), fetches each
once (at most MAX_IMAGES, MAX_BYTES each, FETCH_TIMEOUT_MS together), and reads the <text>
of inline <svg> from the DOM. Raster images and SVG text converted to paths are not seen.
Whether an image is a logo (text in logos is exempt) is judged from its alt, classes, a
home link around it and the site's name. Non-destructive: one script call.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import SVG_TEXT
from a11y_audit.artifacts.svg_text import SvgTexts
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with

__all__ = ["FETCH_TIMEOUT_MS", "MAX_BYTES", "MAX_IMAGES", "SvgText"]

MAX_IMAGES = 20
"""SVG sources (and inline SVGs) read per page."""
MAX_BYTES = 300_000
"""Larger SVGs are illustrations or embedded bitmaps, and are left unread."""
FETCH_TIMEOUT_MS = 3000
"""Each fetch is abandoned after this long (they run in parallel, mostly from the cache)."""


class SvgText(Gatherer):
    """Reads the <text> of the page's SVG images in one script call (see the module docstring)."""

    name: ClassVar[str] = SVG_TEXT

    def gather(self, driver: WebDriver, context: GatherContext) -> SvgTexts:
        found = driver.execute_script(
            script_with("svg_text", "describe"), MAX_IMAGES, MAX_BYTES, FETCH_TIMEOUT_MS
        )
        if not isinstance(found, dict) or not isinstance(found.get("images"), list):
            raise GathererError(f"the SVG text script returned {type(found).__name__}, not images")
        return cast(SvgTexts, found)
