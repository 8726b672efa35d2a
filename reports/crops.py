"""Element screenshots for the report: the element outlined on its page, cut from the page's shot.

The browser saves one full-page JPEG per page and, in the `element_boxes` artifact, where
each element axe reported sits on it (a11y_audit.browser.gatherers.element_boxes). Cutting
happens here, when a report is written, and only for the elements the report shows: a
site-wide defect on 5,000 pages needs a few dozen crops, not 5,000. Each crop is a small
JPEG in the page's folder (pages/<id>/crops/), written once and reused by later renders,
and the report links to it by relative path, so no image is stored twice or inlined.

A page without a screenshot or boxes (--no-screenshots, an old run, a gatherer that failed)
simply has no crops; a damaged image costs its crops, never the report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageDraw

from a11y_audit.artifacts.kinds import ELEMENT_BOXES
from a11y_audit.artifacts.store import read_json_file
from a11y_audit.config import Config
from a11y_audit.model import Instance, PageRecord

__all__ = ["MARGIN", "MAX_SIZE", "Crop", "element_crops", "report_gatherers", "target_key"]

MARGIN = 48
"""CSS pixels of the page kept around the element, so people recognise where it is."""
MAX_SIZE = (480, 320)
"""Largest crop in pixels; a bigger region is scaled down (a tall element keeps its top)."""
_QUALITY = 70
_OUTLINE = ((212, 0, 0), (255, 255, 255))  # red with a white outer edge: visible on red too
_OUTLINE_WIDTH = 3


@dataclass(frozen=True, slots=True)
class Crop:
    """One element screenshot: a path relative to the run folder and its pixel size."""

    path: str
    width: int
    height: int


def report_gatherers(config: Config) -> tuple[str, ...]:
    """What the browser must gather for the report's pictures: boxes, when there are screenshots."""
    return (ELEMENT_BOXES,) if config.screenshots else ()


def target_key(page_url: str, target: object) -> tuple[str, str]:
    """How an instance finds its crop: page URL and axe's target, as stable text."""
    return page_url, json.dumps(target, separators=(",", ":"), ensure_ascii=False)


def element_crops(
    run_folder: Path, pages: Iterable[PageRecord], instances: Iterable[Instance]
) -> dict[tuple[str, str], Crop]:
    """Crops for the instances that have a recorded box, made page by page (one decode each)."""
    wanted: dict[str, set[str]] = {}
    for instance in instances:
        if instance.target:
            url, key = target_key(instance.page_url, instance.target)
            wanted.setdefault(url, set()).add(key)
    crops: dict[tuple[str, str], Crop] = {}
    for page in pages:
        keys = wanted.get(page.url)
        artifacts = page.artifacts
        if keys and _in_pages(artifacts.get("screenshot")) and _in_pages(artifacts.get(ELEMENT_BOXES)):
            for key, crop in _page_crops(run_folder, artifacts, keys).items():
                crops[(page.url, key)] = crop
    return crops


def _in_pages(relative: object) -> bool:
    """Whether an artifact path stays in the run's pages/ folder (results.json may be hostile)."""
    if not isinstance(relative, str):
        return False
    parts = PurePosixPath(relative).parts
    return len(parts) > 2 and parts[0] == "pages" and ".." not in parts and "\\" not in relative


def _page_crops(run_folder: Path, artifacts: Mapping[str, str], keys: set[str]) -> dict[str, Crop]:
    boxes = _PageBoxes.read(run_folder / artifacts[ELEMENT_BOXES])
    folder = PurePosixPath(artifacts["screenshot"]).parent / "crops"
    shot: Image.Image | None = None
    crops: dict[str, Crop] = {}
    try:
        for key in sorted(keys & boxes.boxes.keys()):
            relative = folder / (hashlib.sha256(key.encode("utf-8")).hexdigest()[:16] + ".jpg")
            path = run_folder / relative
            if path.exists():  # an earlier render made it; the screenshot has not changed since
                with Image.open(path) as existing:
                    crops[key] = Crop(relative.as_posix(), *existing.size)
                continue
            if shot is None:
                shot = Image.open(run_folder / artifacts["screenshot"])
                shot.load()
            # The shot is in CSS pixels (scale 1) unless it fell back to a device-pixel viewport PNG.
            crop = _cut(shot, boxes.boxes[key], shot.width / boxes.width if boxes.width else 1.0)
            if crop is not None:
                path.parent.mkdir(exist_ok=True)
                temporary = path.with_name(path.name + ".tmp")
                crop.save(temporary, "JPEG", quality=_QUALITY, optimize=True)
                temporary.replace(path)
                crops[key] = Crop(relative.as_posix(), *crop.size)
    except (OSError, ValueError, Image.DecompressionBombError):
        pass  # a damaged screenshot or crop (UnidentifiedImageError is an OSError): no pictures
    finally:
        if shot is not None:
            shot.close()
    return crops


@dataclass(frozen=True, slots=True)
class _PageBoxes:
    """One page's element_boxes artifact: document width and target key -> (x, y, w, h)."""

    width: float
    boxes: dict[str, tuple[float, float, float, float]]

    @classmethod
    def read(cls, path: Path) -> _PageBoxes:
        """The artifact at path; empty when it is missing or not in the documented shape."""
        try:
            data = read_json_file(path)
            boxes = {
                target_key("", item["target"])[1]: (float(x), float(y), float(w), float(h))
                for item in data["boxes"]
                if isinstance(item.get("box"), list)
                for x, y, w, h in [item["box"]]
            }
            return cls(float(data["page"]["width"] or 0), boxes)
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return cls(0.0, {})


def _cut(shot: Image.Image, box: tuple[float, float, float, float], scale: float) -> Image.Image | None:
    """The element and MARGIN around it, outlined, scaled to fit MAX_SIZE; None if off the shot."""
    x, y, width, height = (value * scale for value in box)
    margin = MARGIN * scale
    left, top = max(0, int(x - margin)), max(0, int(y - margin))
    right = min(shot.width, int(x + width + margin))
    bottom = min(shot.height, int(y + height + margin), top + 2 * (right - left))  # tall: keep the top
    if right - left < 2 or bottom - top < 2:
        return None
    region = shot.crop((left, top, right, bottom)).convert("RGB")
    draw = ImageDraw.Draw(region)
    red, white = _OUTLINE
    x, y = x - left, y - top
    draw.rectangle((x - 3, y - 3, x + width + 2, y + height + 2), outline=red, width=_OUTLINE_WIDTH)
    draw.rectangle((x - 4, y - 4, x + width + 3, y + height + 3), outline=white, width=1)
    region.thumbnail(MAX_SIZE)
    return region
