"""The pixels behind undecided text in real Chromium (gatherer text_backgrounds).

The page has text axe cannot judge: grey text on a white-to-blue gradient far below the fold
(the gatherer scrolls to it and clips the right place), translucent grey text half over black,
text under a transition on its colour (the photograph must not catch it fading) and text under
opacity. Each character's background must be what the page paints there without the text, the
page must be as it was afterwards, and the judgement must follow.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from a11y_audit.artifacts.kinds import TEXT_BACKGROUNDS
from a11y_audit.artifacts.text_backgrounds import TextBackground
from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.browser.gatherers.text_backgrounds import TextBackgroundsGatherer
from a11y_audit.browser.visit import Gathered, PageVisitor
from a11y_audit.judge.text_contrast import judge_text
from a11y_audit.model import Outcome
from tests.browser.site import html, send
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGE = html(
    '<div style="height: 2500px"></div>'
    '<p id="gradient" style="color: #aaa; background: linear-gradient(to right, #fff, #00f); width: 300px">'
    "Some text in English</p>"
    '<p id="split" style="color: rgba(90, 90, 90, 0.8); width: 400px; padding: 4px 0;'
    ' background: linear-gradient(90deg, transparent 5em, black 5em)">Hello wonderful world</p>'
    '<p id="fading" style="color: #333; transition: color 5s; width: 500px;'
    ' background: linear-gradient(to right, #fff, #00f)">Dark text on a gradient</p>'
    '<div style="opacity: 0.5"><p id="faint" style="color: #000; background: linear-gradient(#fff, #eee)">'
    "Faint text</p></div>",
    head="<style>body { margin: 0 }</style>",
)


class Handler(QuietHandler):
    def do_GET(self) -> None:
        send(self, PAGE)


@pytest.fixture(scope="module")
def gathered() -> Iterator[tuple[Gathered, dict[str, object]]]:
    session = start_session(BrowserSettings())
    try:
        with serving(local_server(Handler)) as server:
            visitor = PageVisitor(
                session.driver,
                AxeRunner(session.driver, locate_axe_core()),
                page_load_timeout=30,
                gatherers=(TextBackgroundsGatherer(),),
            )
            result = visitor.visit(f"http://127.0.0.1:{server.server_address[1]}/")
            after = session.driver.execute_script(
                "const byId = (id) => document.getElementById(id);"
                "return {scroll: scrollY, colour: getComputedStyle(byId('gradient')).color,"
                " inline: byId('fading').getAttribute('style')};"
            )
            yield result, after
    finally:
        session.quit()


def texts(gathered: tuple[Gathered, dict[str, object]]) -> dict[str, TextBackground]:
    result, _ = gathered
    assert result.error is None, result.error
    return {str(text["target"][0]): text for text in result.artifacts[TEXT_BACKGROUNDS]["texts"]}


def test_each_character_is_measured_against_what_is_painted_behind_it(
    gathered: tuple[Gathered, dict[str, object]],
) -> None:
    gradient = texts(gathered)["#gradient"]
    assert gradient["colour"] == "rgb(170, 170, 170)" and gradient["text"] == "SometextinEnglish"
    assert len(gradient["characters"]) == 17
    first, last = gradient["characters"][0], gradient["characters"][-1]
    assert first["lightest"] == [255, 255, 255] and first["darkest"][2] == 255 and first["darkest"][0] > 230
    assert last["darkest"][0] < first["darkest"][0] - 40, "the gradient darkens to the right"
    assert not any(char["covered"] for char in gradient["characters"])
    assert judge_text(gradient).outcome is Outcome.FAILED


def test_translucent_text_fails_on_a_character_over_one_colour(
    gathered: tuple[Gathered, dict[str, object]],
) -> None:
    split = texts(gathered)["#split"]
    assert split["colour"] == "rgba(90, 90, 90, 0.8)"
    assert split["characters"][0]["darkest"] == [255, 255, 255]
    assert split["characters"][-1]["lightest"] == [0, 0, 0]
    assert judge_text(split).outcome is Outcome.FAILED


def test_the_photograph_is_not_taken_mid_transition(gathered: tuple[Gathered, dict[str, object]]) -> None:
    fading = texts(gathered)["#fading"]
    assert all(char["darkest"] != [51, 51, 51] for char in fading["characters"])
    assert judge_text(fading).outcome is Outcome.PASSED


def test_text_under_opacity_is_left_to_a_person(gathered: tuple[Gathered, dict[str, object]]) -> None:
    faint = texts(gathered).get("#faint")
    assert faint is None or judge_text(faint).outcome is Outcome.CANT_TELL


def test_the_page_is_left_as_it_was(gathered: tuple[Gathered, dict[str, object]]) -> None:
    _, after = gathered
    assert after["scroll"] == 0
    assert after["colour"] == "rgb(170, 170, 170)"
    assert "transition: color 5s" in str(after["inline"]) and "transparent" not in str(after["inline"])
