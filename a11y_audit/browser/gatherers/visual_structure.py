"""Structure shown only by presentation, for the 1.3.1 checks of failures F2 and F87.

Artifact `visual_structure`: a11y_audit.artifacts.visual_structure.VisualStructure.

One script call reads the rendered layout and computed styles, changing nothing: it walks the
body's visible elements (at most MAX_ELEMENTS, within TIME_BUDGET_MS), sums the characters of
text per font size to find the body text's size and weight, and records short text blocks
(the innermost block box around text) that are all larger or bolder than that, with the block
after each; groups of three or more lines (split by <br>, or sibling blocks) starting like
list items; and the content of every visible ::before and ::after. Which of these are
barriers is judged in Python (checks/heading_not_marked_up.py, list_not_marked_up.py,
css_generated_content.py).
"""

from __future__ import annotations

from typing import ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import VISUAL_STRUCTURE
from a11y_audit.artifacts.visual_structure import VisualStructure
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with

__all__ = ["MAX_ELEMENTS", "MAX_LINES", "TIME_BUDGET_MS", "VisualStructureGatherer"]

MAX_ELEMENTS = 6000
"""Elements walked per page; a longer page is judged on its first part (`complete` false)."""
MAX_LINES = 30
"""Lines recorded per group of list-like lines."""
TIME_BUDGET_MS = 1500
"""The walk stops after this long (it is usually tens of milliseconds)."""


class VisualStructureGatherer(Gatherer):
    """Reads text styles, list-like lines and generated content in one script call."""

    name: ClassVar[str] = VISUAL_STRUCTURE

    def gather(self, driver: WebDriver, context: GatherContext) -> VisualStructure:
        budget = int(min(TIME_BUDGET_MS, context.remaining() * 1000))
        script = script_with("visual_structure", "describe")
        found = driver.execute_script(script, MAX_ELEMENTS, MAX_LINES, budget)
        if not isinstance(found, dict) or not isinstance(found.get("styled"), list):
            raise GathererError(f"the visual structure script returned {type(found).__name__}, not blocks")
        return cast(VisualStructure, found)
