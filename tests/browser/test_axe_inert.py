"""The axe runner marks violation nodes whose element was inert while axe ran, in real Chromium.

Two iframes with focusable content are taken out of the tab order with tabindex=-1 (axe's
frame-focusable-content fails both): one while a modal dialog is open, which makes the rest of
the page inert, and one in plain view. Only the first is marked, so judging reports only the
second as a failure of 2.1.1. (axe itself skips an [inert] subtree.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.browser.visit import Gathered, PageVisitor
from a11y_audit.judge.axe_results import findings_from_axe
from a11y_audit.model import Outcome
from tests.browser.site import html, send
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGE = html(
    '<iframe id="behind" title="Links" tabindex="-1" srcdoc="<a href=\'/\'>Home</a>"></iframe>'
    '<dialog id="dialog"><p>We store no data.</p><button>Close</button></dialog>'
    "<script>document.getElementById('dialog').showModal()</script>",
    title="Privacy",
)
OPEN_PAGE = html('<iframe id="open" title="Links" tabindex="-1" srcdoc="<a href=\'/\'>Home</a>"></iframe>')


class Handler(QuietHandler):
    def do_GET(self) -> None:
        send(self, OPEN_PAGE if self.path == "/open" else PAGE)


@pytest.fixture(scope="module")
def visits() -> Iterator[dict[str, Gathered]]:
    session = start_session(BrowserSettings())
    try:
        with serving(local_server(Handler)) as server:
            visitor = PageVisitor(
                session.driver, AxeRunner(session.driver, locate_axe_core()), page_load_timeout=30
            )
            base = f"http://127.0.0.1:{server.server_address[1]}"
            yield {path: visitor.visit(base + path) for path in ("/", "/open")}
    finally:
        session.quit()


def frame_outcomes(gathered: Gathered) -> dict[str, Outcome]:
    assert gathered.error is None and gathered.axe is not None, gathered.error
    return {
        finding.where.selector: finding.outcome
        for finding in findings_from_axe(gathered.axe, gathered.url)
        if finding.rule.id == "frame-focusable-content"
    }


def test_a_frame_made_inert_by_a_modal_dialog_is_needs_review(visits: dict[str, Gathered]) -> None:
    assert frame_outcomes(visits["/"]) == {
        "#behind >>> html": Outcome.CANT_TELL,
    }


def test_a_frame_in_plain_view_still_fails(visits: dict[str, Gathered]) -> None:
    assert frame_outcomes(visits["/open"]) == {"#open >>> html": Outcome.FAILED}
