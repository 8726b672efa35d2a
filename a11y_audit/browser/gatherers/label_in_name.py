"""Controls whose visible text is their label while aria-label or aria-labelledby names them,
for the label-in-name check (WCAG 2.5.3).

Artifact `label_in_name`: a11y_audit.artifacts.label_in_name.LabelledControls.

One script call over the elements with aria-label or aria-labelledby: those whose role
(axe-core's computation) is a widget role that takes its name from content, and that show
text, are recorded with their accessible name as axe-core computes it and their visible inner
text. Visible means what a person sees, so text that is display: none, visibility: hidden,
transparent, of size 0, clipped into a 1 px box (the "visually hidden" pattern) or placed off
the page is left out; block boxes and <br> separate words as they do on screen. Whether the
text is drawn in an icon font (a ligature such as "search" shown as a magnifying glass) is
recorded from the computed font family, which names the font whether or not it loaded.
Non-destructive.
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import LABEL_IN_NAME
from a11y_audit.artifacts.label_in_name import LabelledControls
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_CONTROLS", "LabelInName"]

MAX_CONTROLS = 500
"""Controls recorded per page; a page with more repeats its templates."""


class LabelInName(Gatherer):
    """Records labelled controls in one script call (see the module docstring)."""

    name: ClassVar[str] = LABEL_IN_NAME

    def gather(self, driver: WebDriver, context: GatherContext) -> LabelledControls:
        if context.axe is None:
            raise GathererError("axe-core did not run on this page: its name computation is needed")
        found = driver.execute_script(script_with("label_in_name", "describe"), MAX_CONTROLS)
        if not isinstance(found, dict) or not isinstance(found.get("controls"), list):
            raise GathererError(f"the label-in-name script returned {type(found).__name__}, not controls")
        return cast(LabelledControls, found)
