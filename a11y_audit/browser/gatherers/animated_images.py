"""Animated images (GIF, APNG, animated WebP) and how long and how they play (WCAG 2.2.2, 2.3.1).

Artifact `animated_images`: a11y_audit.artifacts.animated_images.AnimatedImages.

One script call lists the loaded, shown <img> elements (at most MAX_IMAGES), reads the bytes
of each address once from the HTTP cache (fetch with cache: 'force-cache': the GET the page
already made, so no server state can change; at most MAX_BYTES, FETCH_TIMEOUT_MS for all),
keeps only bytes that can animate (sniffed) and returns them base64-encoded. Python decodes
them (a11y_audit.judge.animation.measure: frame timing, loop count, flashing area at the
rendered size). An address is measured once per process (a run): later pages send only the
address and reuse the measurement, so the same banner on every page costs one decode.
Images of other origins served without CORS cannot be read from the page and are recorded
as `unread`; CSS background images and <video>/<canvas> are not looked at.
Non-destructive.
"""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from typing import Any, ClassVar, cast

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.animated_images import AnimatedImage, AnimatedImages, Animation
from a11y_audit.artifacts.kinds import ANIMATED_IMAGES
from a11y_audit.browser.gatherers import GatherContext, Gatherer, GathererError
from a11y_audit.browser.scripts import script_with
from a11y_audit.judge.animation import measure

__all__ = ["FETCH_TIMEOUT_MS", "MAX_BYTES", "MAX_IMAGES", "MEASURE_RESERVE_S", "AnimatedImagesGatherer"]

MAX_IMAGES = 60
"""<img> elements looked at per page."""
MAX_BYTES = 5_000_000
"""Larger images are not read (recorded as unread)."""
FETCH_TIMEOUT_MS = 4000
"""Reading the bytes is abandoned after this long (reads run in parallel, from the cache)."""
MEASURE_RESERVE_S = 3.0
"""An image is decoded only while this much of the gatherer's time is left (a decode takes
up to a second or two on a busy machine)."""
_REMEMBERED_BYTES = 50_000_000
"""Animated images' bytes kept for later pages of the run (oldest dropped first)."""

_read: OrderedDict[str, bytes | str | None] = OrderedDict()
"""Address -> its bytes when they can animate, None when they cannot, or why they were not read."""
_measured: dict[tuple[str, int, int], Animation | str | None] = {}
"""(address, rendered width, height) -> its animation, None (one frame) or why it failed."""
_lock = threading.Lock()


def _remember(url: str, data: bytes | str | None) -> None:
    with _lock:
        _read[url] = data
        while sum(len(v) for v in _read.values() if isinstance(v, bytes)) > _REMEMBERED_BYTES:
            dropped, _ = _read.popitem(last=False)
            for key in [key for key in _measured if key[0] == dropped]:
                del _measured[key]


def _known() -> list[str]:
    with _lock:
        return [url for url in _read if len(url) <= 2000]


def _measure(url: str, width: int, height: int) -> Animation | str | None:
    """The measurement of a read address at a rendered size (measured once per size)."""
    with _lock:
        data = _read.get(url)
        if (url, width, height) in _measured or not isinstance(data, bytes):
            return _measured.get((url, width, height), data if isinstance(data, str) else None)
    try:
        result: Animation | str | None = measure(data, (width, height))
    except ValueError as error:
        result = str(error)
    with _lock:
        _measured[(url, width, height)] = result
    return result


class AnimatedImagesGatherer(Gatherer):
    """Finds and measures the page's animated images (see the module docstring)."""

    name: ClassVar[str] = ANIMATED_IMAGES

    def gather(self, driver: WebDriver, context: GatherContext) -> AnimatedImages:
        timeout = max(500, min(FETCH_TIMEOUT_MS, round((context.remaining() - 1) * 1000)))
        found = driver.execute_script(
            script_with("animated_images", "describe"), MAX_IMAGES, MAX_BYTES, timeout, _known()
        )
        if not isinstance(found, dict) or not isinstance(found.get("images"), list):
            raise GathererError(f"the animated images script returned {type(found).__name__}, not images")
        for url, data in (found.get("bytes") or {}).items():
            _remember(url, base64.b64decode(data))
        for url in found.get("stills") or []:
            _remember(str(url), None)
        for item in found["images"]:
            if item.get("unread") and not item.get("again"):
                _remember(str(item["source"]), str(item["unread"]))
        images = [image for item in found["images"] if (image := _image(item, context)) is not None]
        return {"images": images, "looked": int(found.get("looked") or 0)}


def _image(item: dict[str, Any], context: GatherContext) -> AnimatedImage | None:
    """The artifact's entry for one <img>; None when its bytes do not animate."""
    source = str(item.pop("source"))
    size = (int(item["rect"]["width"]), int(item["rect"]["height"]))
    enough_time = context.remaining() > MEASURE_RESERVE_S
    if item.pop("again", False):
        result: Animation | str | None = str(item["unread"])
    else:
        result = _measure(source, *size) if enough_time else "not measured: the page's gathering time ran out"
    if result is None:
        return None
    image = cast(AnimatedImage, item)
    image["url"] = source if not source.startswith("data:") else source[: source.find(",")] + ",…"
    image["animation"] = result if isinstance(result, dict) else None
    image["unread"] = result if isinstance(result, str) else None
    return image
