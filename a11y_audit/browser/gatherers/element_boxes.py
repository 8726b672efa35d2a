"""Where each element axe reported is on the page, so the report can show it outlined.

Artifact `element_boxes` (pages/<id>/element_boxes.json):
a11y_audit.artifacts.element_boxes.AxeTargetBoxes.

One entry per distinct target among axe's violations and incomplete results (at most
MAX_TARGETS), in the top frame's document coordinates, the coordinates of the full-page
screenshot taken just before in the same page state. For an element inside a frame the box
is the frame's: the top-level screenshot shows the frame, and entering every frame to add
offsets would cost a switch per frame for a picture that already points at the right place.
The report cuts its element pictures from these boxes (a11y_audit.reports.crops); this
gatherer only measures, in one script call, and leaves the page as it was.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.element_boxes import AxeTargetBoxes
from a11y_audit.artifacts.kinds import ELEMENT_BOXES
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with
from a11y_audit.model import JsonObject

__all__ = ["MAX_TARGETS", "ElementBoxes", "reported_targets"]

MAX_TARGETS = 2000
"""A page with more reported elements gets boxes for the first ones only (one script call)."""
_REPORTED = ("violations", "incomplete")


def reported_targets(axe: JsonObject) -> list[list[Any]]:
    """Distinct node targets of axe's violations and incomplete results, in report order."""
    seen: dict[str, list[Any]] = {}
    for key in _REPORTED:
        for rule in axe.get(key) or []:
            for node in rule.get("nodes") or []:
                target = node.get("target")
                if isinstance(target, list) and target:
                    seen.setdefault(json.dumps(target), target)
    return list(seen.values())[:MAX_TARGETS]


class ElementBoxes(Gatherer):
    """Bounding boxes of the elements axe reported (shape: a11y_audit.artifacts.element_boxes)."""

    name: ClassVar[str] = ELEMENT_BOXES

    def gather(self, driver: WebDriver, context: GatherContext) -> AxeTargetBoxes:
        targets = reported_targets(context.axe or {})
        if not targets:
            return {"page": None, "boxes": []}
        measured = driver.execute_script(script_with("element_boxes", "axe_target"), targets)
        if not isinstance(measured, dict) or not isinstance(measured.get("boxes"), list):
            raise GathererError(f"the box script returned {type(measured).__name__}, not boxes")
        return cast(AxeTargetBoxes, measured)
