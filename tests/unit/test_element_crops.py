"""Element screenshots: cut from the saved page screenshot by the recorded box, linked relatively."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
from PIL import Image

from a11y_audit.artifacts.kinds import ELEMENT_BOXES
from a11y_audit.config import Config
from a11y_audit.reports.crops import MAX_SIZE, Crop, element_crops, report_gatherers
from a11y_audit.reports.html import render_html
from a11y_audit.run_result import RunResult

FIXTURE = Path(__file__).parent / "fixtures" / "results_small.json"
BLUE = (20, 60, 200)
BOX = [300, 2000, 100, 40]  # the element: x, y, width, height in CSS px


def run_with_screenshot(root: Path, *, boxes: Any = None, width: int = 1000) -> dict[str, Any]:
    """The fixture run with a real screenshot and element_boxes for its checkout page."""
    results: dict[str, Any] = json.loads(FIXTURE.read_text("utf-8"))
    page = next(page for page in results["pages"] if page["url"].endswith("/checkout/"))
    folder = root / Path(page["artifacts"]["screenshot"]).parent
    folder.mkdir(parents=True)
    scale = width / 1000
    shot = Image.new("RGB", (width, int(3000 * scale)), "white")
    left, top, right, bottom = (int(v * scale) for v in (BOX[0], BOX[1], BOX[0] + BOX[2], BOX[1] + BOX[3]))
    shot.paste(BLUE, (left, top, right, bottom))
    shot.save(root / page["artifacts"]["screenshot"], "JPEG", quality=90)
    page["artifacts"][ELEMENT_BOXES] = (folder.relative_to(root) / "element_boxes.json").as_posix()
    if boxes is None:
        boxes = {"page": {"width": 1000, "height": 3000}, "boxes": [{"target": ["button.pay"], "box": BOX}]}
    (root / page["artifacts"][ELEMENT_BOXES]).write_text(json.dumps(boxes), "utf-8")
    return results


def saved(results: dict[str, Any], root: Path) -> RunResult:
    """The run as read from root/results.json: its pages' artifacts are below root."""
    return RunResult.from_json(results, root / "results.json")


def cropped(root: Path, results: dict[str, Any]) -> dict[tuple[str, str], Crop]:
    """The crops of the first issue's elements."""
    run = RunResult.from_json(results)
    return element_crops(root, run.pages, run.issues[0].instances)


def crop_sources(html: str) -> list[str]:
    return [str(img.get("src")) for img in lxml.html.fromstring(html).iter("img")]


def test_the_element_is_cut_out_outlined_and_linked_relative_to_the_report(tmp_path: Path) -> None:
    root = tmp_path / "run #1"
    results = run_with_screenshot(root)
    (source,) = crop_sources(render_html(saved(results, root)))
    assert source.startswith("pages/dddddddddddddddddddd/crops/") and source.endswith(".jpg")
    with Image.open(root / source) as crop:
        assert crop.format == "JPEG" and crop.width <= MAX_SIZE[0] and crop.height <= MAX_SIZE[1]
        rgb = crop.convert("RGB")
        centre = rgb.getpixel((crop.width // 2, crop.height // 2))
        assert isinstance(centre, tuple) and centre[2] > 150 and centre[0] < 80  # the element itself
        row = [rgb.getpixel((x, crop.height // 2)) for x in range(crop.width)]
        red = [x for x, p in enumerate(row) if isinstance(p, tuple) and p[0] > 150 and max(p[1:]) < 100]
        assert red and min(red) < crop.width // 2 < max(red)  # the outline, left and right of it
    img = lxml.html.fromstring(render_html(saved(results, root))).find(".//img")
    assert img is not None and img.get("alt") and img.get("width") and img.get("loading") == "lazy"
    elsewhere = render_html(saved(results, root), report_path=tmp_path / "reports" / "report.html")
    assert crop_sources(elsewhere) == ["../run%20%231/" + source]


def test_crops_are_made_once_and_follow_the_device_pixel_scale(tmp_path: Path) -> None:
    root = tmp_path / "run"
    results = run_with_screenshot(root, width=2000)  # a 2x screenshot of a 1000px-wide page
    (source,) = crop_sources(render_html(saved(results, root)))
    made = (root / source).stat().st_mtime_ns
    assert crop_sources(render_html(saved(results, root))) == [source]
    assert (root / source).stat().st_mtime_ns == made
    with Image.open(root / source) as crop:
        centre = crop.convert("RGB").getpixel((crop.width // 2, crop.height // 2))
        assert isinstance(centre, tuple) and centre[2] > 150


def test_pages_without_usable_boxes_or_screenshots_just_have_no_pictures(tmp_path: Path) -> None:
    for name, boxes in [
        ("unrendered", {"page": {"width": 1000}, "boxes": [{"target": ["button.pay"], "box": None}]}),
        (
            "off-page",
            {"page": {"width": 1000}, "boxes": [{"target": ["button.pay"], "box": [5000, 9000, 10, 10]}]},
        ),
        ("garbage", {"boxes": "nope"}),
    ]:
        root = tmp_path / name
        assert crop_sources(render_html(saved(run_with_screenshot(root, boxes=boxes), root))) == [], name
    root = tmp_path / "damaged"
    results = run_with_screenshot(root)
    page = next(page for page in results["pages"] if ELEMENT_BOXES in page["artifacts"])
    (root / page["artifacts"]["screenshot"]).write_bytes(b"\xff\xd8\xff not a jpeg")
    assert cropped(root, results) == {}
    assert crop_sources(render_html(RunResult.from_json(results))) == []  # no run folder: nothing to cut from


def test_artifact_paths_outside_the_pages_folder_are_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "run"
    results = run_with_screenshot(root)
    page = next(page for page in results["pages"] if ELEMENT_BOXES in page["artifacts"])
    for hostile in ("../outside/screenshot.jpg", "/tmp/screenshot.jpg", "pages/../../x/screenshot.jpg"):
        page["artifacts"]["screenshot"] = hostile
        assert cropped(root, results) == {}
    assert not (tmp_path / "outside").exists()


def test_boxes_are_gathered_only_when_screenshots_are_taken() -> None:
    assert report_gatherers(Config()) == (ELEMENT_BOXES,)
    assert report_gatherers(Config(screenshots=False)) == ()
