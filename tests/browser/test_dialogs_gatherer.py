"""The dialogs gatherer in real Chromium: opens only what cannot leave the page or send a
form, bounded, and stops at a component nothing closes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, cast

import pytest

from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers.dialogs import DialogProbes
from tests.support import local_server, pages_handler, serving

pytestmark = pytest.mark.browser

PAGES = {
    # Never pressed: a submit button and a field of a form that posts, a link to another page.
    # Pressed: a disclosure and a same-page link to a hidden panel.
    "/unsafe": """<!doctype html><html lang="en"><head><title>Unsafe</title></head><body>
<form action="/sent" method="post"><input id="qty" name="qty" aria-label="Quantity" aria-controls="panel">
<button id="add" aria-haspopup="dialog">Add to bag</button></form>
<a id="away" href="/elsewhere" aria-haspopup="menu">Elsewhere</a>
<button id="menu" type="button" aria-expanded="false" aria-controls="panel">Menu</button>
<div id="panel" hidden><a href="#c">Panel link</a></div>
<a id="more" href="#more-panel">More</a><div id="more-panel" hidden><p>More text</p></div>
<script>
document.getElementById('menu').addEventListener('click', function () {
  var panel = document.getElementById('panel');
  panel.hidden = !panel.hidden; this.setAttribute('aria-expanded', String(!panel.hidden));
});
document.getElementById('more').addEventListener('click', function () {
  document.getElementById('more-panel').hidden = false;
});
</script></body></html>""",
    # An overlay that neither Escape, a close control nor its trigger closes: probing stops there.
    "/stuck": """<!doctype html><html lang="en"><head><title>Stuck</title></head><body>
<button id="open" class="first" type="button" aria-haspopup="dialog" aria-controls="sheet">Open</button>
<button id="other" class="second" type="button" aria-expanded="false" aria-controls="more">Other</button>
<div id="more" hidden><a href="#x">X</a></div>
<div id="sheet" role="dialog" aria-modal="true" aria-label="Sheet" hidden><a href="#y">Inside</a></div>
<script>
document.getElementById('open').addEventListener('click', function () {
  document.getElementById('sheet').hidden = false; document.querySelector('#sheet a').focus();
});
</script></body></html>""",
}


PageHandler = pages_handler(PAGES, "<!doctype html><title>Other</title>")


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving(local_server(PageHandler)) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"


def probe(session: Session, url: str) -> dict[str, Any]:
    session.driver.get(url)
    context = GatherContext(url, None, GatherSettings(), time.monotonic() + 20)
    return cast(dict[str, Any], DialogProbes().gather(session.driver, context))


def test_only_controls_that_cannot_leave_the_page_are_pressed(session: Session, url: str) -> None:
    artifact = probe(session, f"{url}/unsafe")
    pressed = {item["trigger"]["selector"]: item for item in artifact["probes"]}
    assert set(pressed) == {"#menu", "#more"}
    assert pressed["#menu"]["expanded_open"] == "true" and pressed["#menu"]["closed_by"] == "trigger"
    assert pressed["#more"]["opened_by"] == "enter" and pressed["#more"]["linked"]
    assert PageHandler.posted == 0, "a probe submitted the form"
    assert session.driver.current_url.startswith(f"{url}/unsafe")


def test_probing_stops_at_a_component_nothing_closes(session: Session, url: str) -> None:
    artifact = probe(session, f"{url}/stuck")
    assert artifact["candidates"] == 2
    (stuck,) = artifact["probes"]
    assert stuck["trigger"]["selector"] == "#open" and stuck["focus_after_open"] == "inside"
    assert stuck["closed_by"] is None
