"""The keyboard walk in real Chromium: bounded, passes through frames, leaves forms unsent."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, cast

import pytest

from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers.keyboard import Keyboard
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="en"><head><title>Walk</title></head><body>
<a id="first" href="#a">First</a>
<iframe id="frame" title="Payment" srcdoc="<input id='card' aria-label='Card'><button>Pay</button>"></iframe>
<a id="after-frame" href="#b">After the frame</a>
<form action="/sent" method="post"><input id="email" name="email" aria-label="Email">
<button id="send" aria-haspopup="dialog">Send</button></form>
<button id="menu" type="button" aria-expanded="false" aria-controls="panel">Menu</button>
<div id="panel" hidden><a id="panel-link" href="#c">Panel link</a></div>
<script>
document.getElementById('menu').addEventListener('click', function () {
  document.getElementById('panel').hidden = false; this.setAttribute('aria-expanded', 'true');
});
</script>
</body></html>"""


class PageHandler(QuietHandler):
    posted = 0

    def do_GET(self) -> None:
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        PageHandler.posted += 1
        self.send_response(204)
        self.end_headers()


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving(local_server(PageHandler)) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/"


def walk(session: Session, url: str, max_tab_stops: int = 200) -> dict[str, Any]:
    """The walk, untyped: the assertions index parts the schema allows to be missing (null)."""
    session.driver.get(url)
    context = GatherContext(url, None, GatherSettings(max_tab_stops=max_tab_stops), time.monotonic() + 20)
    return cast(dict[str, Any], Keyboard().gather(session.driver, context))


def test_the_walk_goes_through_frames_and_probes_without_submitting(session: Session, url: str) -> None:
    artifact = walk(session, url)
    selectors = [stop["selector"] for stop in artifact["stops"]]
    assert selectors[:3] == ["#first", "#frame", "#after-frame"]
    assert "#menu" in selectors and "#panel-link" not in selectors
    assert artifact["end"] in ("left-document", "wrapped")
    (menu,) = artifact["components"]
    assert menu["opener"]["selector"] == "#menu" and menu["opened"] and menu["escapes"]["tab"]
    assert PageHandler.posted == 0, "a probe submitted the form"


def test_the_walk_stops_at_max_tab_stops(session: Session, url: str) -> None:
    artifact = walk(session, url, max_tab_stops=2)
    assert artifact["end"] == "max-stops"
    assert len(artifact["stops"]) <= 2
