"""The visual_structure gatherer in real Chromium: what it reads, that it leaves the page as it
was, and that its caps end the walk with what it saw."""

from __future__ import annotations

import time

import pytest

from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers.visual_structure import VisualStructureGatherer
from a11y_audit.browser.scripts import script_with

pytestmark = pytest.mark.browser


def gathered(session: Session, url: str) -> dict[str, object]:
    context = GatherContext(url, None, GatherSettings(), time.monotonic() + 20)
    return dict(VisualStructureGatherer().gather(session.driver, context))


def test_it_reads_body_text_styled_blocks_and_leaves_the_page_unchanged(
    session: Session, fixtures_url: str
) -> None:
    url = f"{fixtures_url}/heading-not-marked-up.html"
    session.driver.get(url)
    before = session.driver.execute_script("return document.documentElement.outerHTML")
    found = gathered(session, url)
    assert session.driver.execute_script("return document.documentElement.outerHTML") == before
    assert (found["bodySize"], found["bodyWeight"], found["complete"]) == (16, 400, True)
    styled = {item["selector"]: item for item in found["styled"]}  # type: ignore[attr-defined]
    assert styled["#f1"]["next"]["tag"] == "p" and styled["#f1"]["size"] == 26
    assert "#n6" not in styled and "#n7" not in styled  # visually hidden, parked off screen
    label = next(item for item in styled.values() if item["text"] == "Search the help pages")
    assert "control" in label["inside"]  # the form is its block; all its text is in a <label>


def test_the_element_cap_ends_the_walk_with_what_it_saw(session: Session, fixtures_url: str) -> None:
    session.driver.get(f"{fixtures_url}/list-not-marked-up.html")
    found = session.driver.execute_script(script_with("visual_structure", "describe"), 5, 30, 1500)
    assert found["complete"] is False and found["walked"] == 5
