"""The timing gatherer fires long timers early in real Chromium: warnings and ends are seen in
order, navigations and reloads are blocked, requests held (a sign-out never reaches the server)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import make_gatherers
from a11y_audit.browser.visit import PageVisitor
from a11y_audit.checks.timing_not_adjustable import timing_verdicts
from a11y_audit.model import Outcome
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

_HEAD = (
    '<!doctype html><html lang="en"><head><title>Account</title></head><body><main id="main"><h1>Account</h1>'
)
PAGES = {
    # An idle warning two minutes before sign-out, with a button that restarts the clock.
    "/warned": _HEAD
    + """<dialog id="idle"><p>You have been inactive. You will be signed out in 2 minutes.</p>
<button type="button" id="stay">Stay signed in</button></dialog>
<script>
  var timers = [];
  function arm() {
    timers.forEach(clearTimeout);
    timers = [
      setTimeout(function () { document.getElementById('idle').showModal(); }, 28 * 60000),
      setTimeout(function () {
        fetch('/account/logout', { method: 'POST' }).then(function () { location.assign('/signed-out'); });
      }, 30 * 60000),
    ];
  }
  document.getElementById('stay').onclick = function () { document.getElementById('idle').close(); arm(); };
  arm();
</script></main></body></html>""",
    # A notice in an alert with nothing to press, then the page reloads.
    "/notice": _HEAD
    + """<div role="alert" id="notice"></div>
<script>
  var notice = document.getElementById('notice');
  setTimeout(function () { notice.textContent = 'Your session expires in 60 seconds.'; }, 240000);
  setTimeout(function () { location.reload(); }, 300000);
</script></main></body></html>""",
    # Long timers that never end anything: a chat teaser and a heartbeat.
    "/quiet": _HEAD
    + """<p id="teaser" hidden>Questions? Chat with us.</p>
<script>
  setTimeout(function () { document.getElementById('teaser').hidden = false; }, 30000);
  setInterval(function () { navigator.sendBeacon('/beat', 'x'); }, 20000);
</script></main></body></html>""",
}


class Handler(QuietHandler):
    requests: list[str] = []
    lock = threading.Lock()

    def _serve(self) -> None:
        with self.lock:
            self.requests.append(f"{self.command} {self.path}")
        body = PAGES.get(self.path, "<!doctype html><title>elsewhere</title>").encode()
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = _serve
    do_POST = _serve


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    server = local_server(Handler)
    with serving(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"


@pytest.mark.parametrize(
    ("path", "outcomes"),
    [("/warned", [Outcome.PASSED]), ("/notice", [Outcome.CANT_TELL]), ("/quiet", [])],
)
def test_long_timers_are_fired_in_order_without_leaving(
    path: str, outcomes: list[Outcome], session: Session, served: str
) -> None:
    visitor = PageVisitor(
        session.driver,
        AxeRunner(session.driver, locate_axe_core()),
        page_load_timeout=30,
        screenshots=False,
        gatherers=make_gatherers(["timing"]),
    )
    Handler.requests.clear()
    gathered = visitor.visit(served + path)
    artifact: Any = gathered.artifacts["timing"]
    assert [verdict.outcome for verdict in timing_verdicts(artifact).values()] == outcomes, artifact
    assert artifact["page"]["selector"] == "#main"
    assert session.driver.current_url == served + path
    sent = [request for request in Handler.requests if request != "GET /favicon.ico"]
    assert sent == [f"GET {path}"] * len(sent)  # no sign-out, beacon or redirect reached the server
