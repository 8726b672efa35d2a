"""Element boxes in real Chromium: where axe's elements are on the full-page screenshot.

The page places unnamed buttons at known document positions: far below the fold, inside an
iframe and inside a shadow root. The boxes must be those positions (the iframe's box for the
element inside it), and a crop cut from the real screenshot must show the element.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from a11y_audit.artifacts.kinds import ELEMENT_BOXES
from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.browser.gatherers.element_boxes import ElementBoxes
from a11y_audit.browser.visit import Gathered, PageVisitor
from a11y_audit.model import Instance, PageRecord
from a11y_audit.reports.crops import element_crops, target_key
from tests.browser.site import html, send
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

BLUE_BUTTON = [200, 1500, 120, 30]
FRAME = [50, 600, 300, 150]
SHADOW_BUTTON = [700, 2200, 80, 20]
PAGE = html(
    '<div style="height: 3000px"></div>'
    f'<button id="far" style="position: absolute; left: {BLUE_BUTTON[0]}px; top: {BLUE_BUTTON[1]}px;'
    f' width: {BLUE_BUTTON[2]}px; height: {BLUE_BUTTON[3]}px; background: #0000ff; border: 0"></button>'
    f'<iframe title="Chat" src="/frame" style="position: absolute; left: {FRAME[0]}px; top: {FRAME[1]}px;'
    f' width: {FRAME[2]}px; height: {FRAME[3]}px; border: 0"></iframe>'
    f'<div id="host" style="position: absolute; left: {SHADOW_BUTTON[0]}px; top: {SHADOW_BUTTON[1]}px"></div>'
    "<script>document.getElementById('host').attachShadow({mode: 'open'}).innerHTML ="
    f" '<button style=\"display: block; width: {SHADOW_BUTTON[2]}px; height: {SHADOW_BUTTON[3]}px;"
    " border: 0; background: #00aa00\"></button>';</script>",
    head="<style>body { margin: 0 }</style>",
)
FRAME_PAGE = html('<button style="width: 40px; height: 20px"></button>', title="Chat")


class Handler(QuietHandler):
    def do_GET(self) -> None:
        send(self, FRAME_PAGE if self.path == "/frame" else PAGE)


@pytest.fixture(scope="module")
def gathered() -> Iterator[Gathered]:
    session = start_session(BrowserSettings())
    try:
        with serving(local_server(Handler)) as server:
            visitor = PageVisitor(
                session.driver,
                AxeRunner(session.driver, locate_axe_core()),
                page_load_timeout=30,
                gatherers=(ElementBoxes(),),
            )
            yield visitor.visit(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        session.quit()


def button_name_targets(gathered: Gathered) -> list[list[object]]:
    assert gathered.axe is not None
    (rule,) = [rule for rule in gathered.axe["violations"] if rule["id"] == "button-name"]
    return [node["target"] for node in rule["nodes"]]


def test_boxes_are_document_positions_and_a_frame_stands_for_its_elements(gathered: Gathered) -> None:
    assert gathered.error is None and not gathered.warnings, gathered.warnings
    artifact = gathered.artifacts[ELEMENT_BOXES]
    boxes = {json.dumps(item["target"]): item["box"] for item in artifact["boxes"]}
    by_kind = {}
    for target in button_name_targets(gathered):
        kind = "frame" if len(target) == 2 else "shadow" if isinstance(target[0], list) else "page"
        by_kind[kind] = boxes[json.dumps(target)]
    assert by_kind == {"page": BLUE_BUTTON, "frame": FRAME, "shadow": SHADOW_BUTTON}
    assert artifact["page"]["height"] >= 3000


def test_a_crop_from_the_real_screenshot_shows_the_element(gathered: Gathered, tmp_path: Path) -> None:
    assert gathered.screenshot is not None
    (tmp_path / "pages" / "p").mkdir(parents=True)
    (tmp_path / "pages/p/screenshot.jpg").write_bytes(gathered.screenshot)
    (tmp_path / "pages/p/element_boxes.json").write_text(json.dumps(gathered.artifacts[ELEMENT_BOXES]))
    artifacts = {"screenshot": "pages/p/screenshot.jpg", ELEMENT_BOXES: "pages/p/element_boxes.json"}
    (far,) = [target for target in button_name_targets(gathered) if target == ["#far"]]
    instance = Instance("http://shop.test/", "#far", tuple(far), "", "")
    crops = element_crops(tmp_path, [PageRecord("http://shop.test/", artifacts=artifacts)], [instance])
    crop = crops[target_key("http://shop.test/", far)]
    assert re.fullmatch(r"pages/p/crops/[0-9a-f]{16}\.jpg", crop.path)
    with Image.open(tmp_path / crop.path) as image:
        centre = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
    assert isinstance(centre, tuple) and centre[2] > 200 and centre[0] < 60 and centre[1] < 60, centre
