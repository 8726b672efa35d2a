"""The pixels behind the text axe-core could not judge for contrast (WCAG 1.4.3, ACT afw4f7).

Artifact `text_backgrounds`: a11y_audit.artifacts.text_backgrounds.TextBackgrounds, judged by
a11y_audit.judge.text_contrast.

Only for the nodes axe left incomplete because of what is behind the text (a background image,
a gradient, an overlapping element: a11y_audit.judge.text_contrast.DECIDABLE_REASONS), at most
MAX_ELEMENTS a page, in the top document: a page with none costs nothing. For each, one
script call scrolls it to the middle of the window, makes its text transparent (colour, fill
and stroke, transitions off) and returns the box of each of its own characters (at most
MAX_CHARACTERS); one PNG clip of those boxes is taken, the text is put back, and each
character's box (plus the rule's one pixel on every edge) is reduced to its darkest and
lightest pixel by WCAG relative luminance and the lowest and highest of each channel. The
scroll position is restored at the end; nothing else of the page changes.
"""

from __future__ import annotations

import base64
import io
import math
from functools import cache
from typing import Any, ClassVar, cast

from PIL import Image
from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import TEXT_BACKGROUNDS
from a11y_audit.artifacts.text_backgrounds import CharacterBackground, TextBackground, TextBackgrounds
from a11y_audit.browser.devtools import cdp
from a11y_audit.browser.gatherers import GatherContext, Gatherer
from a11y_audit.browser.scripts import script_with
from a11y_audit.judge.commons import luminance
from a11y_audit.judge.text_contrast import decidable
from a11y_audit.model import JsonObject

__all__ = ["MAX_CHARACTERS", "MAX_ELEMENTS", "TextBackgroundsGatherer", "undecided_targets"]

_SCRIPT = ("text_backgrounds", "axe_target")
"""The page script and the library resolving axe targets it needs."""

MAX_ELEMENTS = 20
"""Elements measured per page (one script call and one screenshot clip each)."""
MAX_CHARACTERS = 300
"""Characters measured per element; a longer text is failed on these, never passed."""
_MAX_CLIP = 4000
"""CSS px: a clip taller or wider than this is cut (Chromium refuses huge textures)."""


def undecided_targets(axe: JsonObject) -> list[list[Any]]:
    """Targets of incomplete color-contrast nodes whose background a picture shows, in the top
    document (a frame's content would need its offsets; it keeps axe's needs review)."""
    found: list[list[Any]] = []
    for rule in axe.get("incomplete") or []:
        if rule.get("id") != "color-contrast":
            continue
        for node in rule.get("nodes") or []:
            target = node.get("target")
            if isinstance(target, list) and len(target) == 1 and decidable(node):
                found.append(target)
    return found[:MAX_ELEMENTS]


class TextBackgroundsGatherer(Gatherer):
    """Pixels behind the characters of undecided text (see the module docstring)."""

    name: ClassVar[str] = TEXT_BACKGROUNDS

    def gather(self, driver: WebDriver, context: GatherContext) -> TextBackgrounds:
        texts: list[TextBackground] = []
        targets = undecided_targets(context.axe or {})
        if not targets:
            return {"texts": texts}
        scrolled = driver.execute_script("return [scrollX, scrollY];")
        try:
            for target in targets:
                if context.remaining() < 1:
                    break
                measured = self._measure(driver, target)
                if measured is not None:
                    texts.append(measured)
        finally:
            driver.execute_script(script_with(*_SCRIPT), "restore")
            if isinstance(scrolled, list):
                driver.execute_script("window.scrollTo(arguments[0], arguments[1]);", *scrolled)
        return {"texts": texts}

    def _measure(self, driver: WebDriver, target: list[Any]) -> TextBackground | None:
        found = driver.execute_script(script_with(*_SCRIPT), "hide", target[0], MAX_CHARACTERS)
        try:
            if not isinstance(found, dict) or not found.get("chars"):
                return None
            boxes = [_padded(char["box"]) for char in found["chars"]]
            left, top = min(box[0] for box in boxes), min(box[1] for box in boxes)
            right = min(max(box[2] for box in boxes), left + _MAX_CLIP)
            bottom = min(max(box[3] for box in boxes), top + _MAX_CLIP)
            shot = _capture(driver, left, top, right - left, bottom - top)
        finally:
            driver.execute_script(script_with(*_SCRIPT), "restore")
        if shot is None:
            return None
        characters = []
        for char, (x0, y0, x1, y1) in zip(found["chars"], boxes, strict=True):
            if x1 <= right and y1 <= bottom:
                crop = shot.crop((x0 - left, y0 - top, x1 - left, y1 - top))
                characters.append(_reduced(crop, str(char["char"]), bool(char["covered"])))
        return {
            "target": target,
            "colour": str(found["colour"]),
            "font_px": float(found["font_px"]),
            "font_weight": int(found["font_weight"]),
            "composited": bool(found["composited"]),
            "loading": bool(found["loading"]),
            "text": str(found["text"]),
            "characters": characters,
        }


def _padded(box: list[float]) -> tuple[int, int, int, int]:
    """A character's box as whole pixels (left, top, right, bottom), one more on every edge
    (not beyond the document's top left)."""
    x, y, width, height = box
    left, top = max(0, math.floor(x) - 1), max(0, math.floor(y) - 1)
    return left, top, math.ceil(x + width) + 1, math.ceil(y + height) + 1


def _capture(driver: WebDriver, x: int, y: int, width: int, height: int) -> Image.Image | None:
    """A PNG clip of the window at one CSS px per pixel, the clip in document coordinates."""
    clip = {"x": x, "y": y, "width": width, "height": height, "scale": 1}
    shot = cdp(driver, "Page.captureScreenshot", {"format": "png", "clip": clip})
    data = shot.get("data") if shot else None
    if not isinstance(data, str):
        return None
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    if image.size != (clip["width"], clip["height"]):  # a device scale other than 1
        image = image.resize((clip["width"], clip["height"]))
    return image


@cache
def _luminance(colour: tuple[int, int, int]) -> float:
    return luminance(colour)


def _reduced(crop: Image.Image, char: str, covered: bool) -> CharacterBackground:
    """A character box's darkest and lightest pixel and the bounds of each channel."""
    counted = crop.getcolors(crop.width * crop.height) or []
    colours = [cast(tuple[int, int, int], colour) for _, colour in counted]
    darkest, lightest = min(colours, key=_luminance), max(colours, key=_luminance)
    return {
        "char": char,
        "darkest": list(darkest),
        "lightest": list(lightest),
        "low": [min(colour[band] for colour in colours) for band in range(3)],
        "high": [max(colour[band] for colour in colours) for band in range(3)],
        "covered": covered,
    }
