"""The gatherers that act on a page (forms, safe actions, selects, focus, hover, timers) never
make it leave: no form reaches the server, no navigation or window happens, undeclared forms
are never submitted. Checked against a real Chromium and a server that logs every request."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.browser.gatherers import GatherSettings, make_gatherers
from a11y_audit.browser.visit import Gathered, PageVisitor
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGE = b"""<!doctype html><html lang="en"><head><title>Shop</title></head><body><main>
<form id="signup" action="/signup" method="post" novalidate data-a11y-audit-safe>
  <label for="email">Email</label><input id="email" name="email" type="email">
  <label for="name">Name</label><input id="name" name="name" required>
  <button type="submit">Sign up</button>
</form>
<form id="config-safe" action="/basket" method="post">
  <button type="submit">Add to basket</button>
</form>
<form id="undeclared" action="/order" method="post">
  <label for="qty">Quantity</label><input id="qty" name="qty" required>
  <button type="submit">Add to bag</button>
</form>
<form id="pay" action="/pay" method="post" data-a11y-audit-safe>
  <label for="card">Card</label><input id="card" name="card" autocomplete="cc-number" required>
  <button type="submit">Add to bag</button>
</form>
<form action="/currency" method="get">
  <label for="currency">Currency</label>
  <select id="currency" name="code" onchange="this.form.submit()">
    <option>GBP</option><option>EUR</option>
  </select>
</form>
<label for="promo">Promo</label><input id="promo" onfocus="location.assign('/promo-page')">
<span class="tip" onmouseenter="window.open('/popup')">Info</span>
<div class="carousel" id="slides"><p>One</p><p hidden>Two</p></div>
<button type="button" id="wish" onclick="location.href='/wish'">Add to wish list</button>
<script>
  setInterval(function () { location.assign('/timer-redirect'); }, 60000);
</script>
</main></body></html>"""


BAG_PAGE = b"""<!doctype html><html lang="en"><head><title>Shirt</title></head><body><main>
<button type="button" id="add">Add to bag</button><div id="note"></div>
<script>
  document.getElementById('add').addEventListener('click', function () {
    navigator.sendBeacon('/analytics', 'add');
    fetch('/bag', { method: 'POST', body: 'sku=1' }).then(function () {
      document.getElementById('note').textContent = 'Added to bag';
    });
  });
</script>
</main></body></html>"""


class Recorder(QuietHandler):
    requests: list[str] = []
    lock = threading.Lock()

    def _record(self) -> None:
        with self.lock:
            self.requests.append(f"{self.command} {self.path}")

    def do_GET(self) -> None:
        self._record()
        pages = {"/": PAGE, "/shirt": BAG_PAGE}
        body = pages.get(self.path, b"<!doctype html><title>elsewhere</title>")
        self.send_response(200 if self.path in pages else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self._record()
        self.send_response(204)
        self.end_headers()


def visit(path: str, gatherers: list[str], **options: Any) -> tuple[Gathered, list[str]]:
    """Visit a page of the recording server with the gatherers in a fresh session; what the
    visit gathered and every request the server saw."""
    server = local_server(Recorder)
    session = start_session(BrowserSettings())
    try:
        with serving(server):
            visitor = PageVisitor(
                session.driver,
                AxeRunner(session.driver, locate_axe_core()),
                page_load_timeout=30,
                screenshots=False,
                gatherers=make_gatherers(gatherers),
                **options,
            )
            with Recorder.lock:
                Recorder.requests.clear()
            result = visitor.visit(f"http://127.0.0.1:{server.server_address[1]}{path}")
            return result, list(Recorder.requests)
    finally:
        session.quit()


@pytest.fixture(scope="module")
def gathered() -> tuple[Gathered, list[str]]:
    return visit(
        "/",
        ["form_errors", "status_messages", "context_change", "hover", "motion"],
        settings=GatherSettings(safe_forms=("#config-safe",)),
    )


def test_nothing_leaves_the_page(gathered: tuple[Gathered, list[str]]) -> None:
    result, requests = gathered
    assert result.error is None and not result.warnings, result.warnings
    assert set(result.artifacts) == {"form_errors", "status_messages", "context_change", "hover", "motion"}
    # The page itself (once per page-changing gatherer and form attempt), and nothing else.
    assert set(requests) - {"GET /favicon.ico"} == {"GET /"}, requests


def test_only_declared_forms_are_tried_and_their_submission_is_blocked(
    gathered: tuple[Gathered, Any],
) -> None:
    attempts = gathered[0].artifacts["form_errors"]["attempts"]
    assert {(attempt["form"]["selector"], attempt["mode"]) for attempt in attempts} == {
        ("#signup", "empty"),
        ("#signup", "invalid"),
    }
    assert all(attempt["submits"] for attempt in attempts)  # no script stopped it: the guard did
    actions = gathered[0].artifacts["status_messages"]["actions"]
    assert [action["selector"] for action in actions] == ["#config-safe > button:nth-of-type(1)", "#wish"]
    assert actions[0]["submits"] and actions[1]["navigations"][0]["url"].endswith("/wish")


def test_attempts_to_leave_are_recorded(gathered: tuple[Gathered, Any]) -> None:
    context = gathered[0].artifacts["context_change"]
    tried = {entry["selector"]: entry for entry in context["input"]}
    select = tried["#currency"]
    assert select["submits"] == [{"form": select["submits"][0]["form"], "script": True}]
    # Typing into a text field and leaving it changes its value and leaves the page alone;
    # a field whose focus alone navigates is change-on-focus's, never typed into.
    assert tried["#email"]["key"] == "Typing" and tried["#email"]["changed"]
    assert not tried["#email"]["navigations"] and not tried["#email"]["submits"]
    assert "#promo" not in tried
    focus = {entry["selector"]: entry for entry in context["focus"]}
    assert focus["#promo"]["navigations"][0]["url"].endswith("/promo-page")


@pytest.mark.parametrize("hold", [True, False])
def test_a_session_whose_state_matters_never_sends_an_actions_posts(hold: bool) -> None:
    """Signed in or on a journey, "Add to bag" pressed by the status-message gatherer must not
    fill the account's bag: its POST and beacon are recorded, not sent. Anonymous, they go."""
    result, requests = visit("/shirt", ["status_messages"], hold_unsafe_requests=hold)
    (action,) = result.artifacts["status_messages"]["actions"]
    texts = [change["text"] for change in action["changes"]]
    posts = sorted(request for request in requests if request.startswith("POST"))
    if hold:
        assert posts == [] and "Added to bag" not in texts
        assert sorted((held["method"], held["url"]) for held in action["held"]) == [
            ("POST", "/analytics"),
            ("POST", "/bag"),
        ]
    else:
        assert posts == ["POST /analytics", "POST /bag"] and "Added to bag" in texts
        assert action["held"] == []
