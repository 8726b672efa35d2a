"""The keyboard walk in real Chromium: bounded, passes through frames, leaves forms unsent."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, cast

import pytest

from a11y_audit.browser.driver import Session
from a11y_audit.browser.gatherers import GatherContext, GatherSettings
from a11y_audit.browser.gatherers.keyboard import Keyboard
from tests.support import local_server, pages_handler, serving

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


TRAP = """<script>
var trapOn = false;
function hold(id) { if (trapOn) document.getElementById(id).focus(); }
function leave(e) {
  if (e.key === 'm' && e.ctrlKey) { trapOn = false; document.getElementById('out').focus(); }
}
</script>"""
PAGES = {
    # Two buttons that hand focus to each other; the help text says how to leave.
    "/advised": f"""<!doctype html><html lang="en"><head><title>Advised</title>{TRAP}</head><body>
<p>Press Ctrl+M to leave the player.</p><a id="in" href="#">In</a>
<button id="b1" onfocus="trapOn = true" onblur="hold('b2')" onkeydown="leave(event)">One</button>
<button id="b2" onfocus="trapOn = true" onblur="hold('b1')" onkeydown="leave(event)">Two</button>
<a id="out" href="#">Out</a></body></html>""",
    # A script takes focus back onto the button shortly after it leaves.
    "/refocus": """<!doctype html><html lang="en"><head><title>Refocus</title></head><body>
<a id="before" href="#">Before</a>
<button id="holder" onblur="setTimeout(() => this.focus(), 10)">Holder</button>
<a id="after" href="#">After</a></body></html>""",
    # The first stop takes focus back when Tab leaves it, the last when Shift+Tab leaves it:
    # focus cannot go round the page either way.
    "/held-both-ways": """<!doctype html><html lang="en"><head><title>Held</title></head><body>
<button id="play" onblur="setTimeout(() => this.focus(), 10)">Play</button>
<a id="details" href="#">Details</a>
<button id="mute" onblur="setTimeout(() => this.focus(), 10)">Mute</button></body></html>""",
    # Forward, a script sends focus from the second stop back to the first; backward goes round.
    "/held-one-way": """<!doctype html><html lang="en"><head><title>One way</title></head><body>
<button id="one" onblur="setTimeout(() => this.nextElementSibling.focus(), 10)">One</button>
<button id="two" onblur="setTimeout(() => this.previousElementSibling.focus(), 10)">Two</button>
<button id="three">Three</button></body></html>""",
    # A link hidden from screen readers that keeps focus, and a sentinel that passes it on.
    "/hidden-focus": """<!doctype html><html lang="en"><head><title>Hidden</title></head><body>
<div aria-hidden="true"><a id="logo" href="#">Logo</a></div><input id="name" aria-label="Name">
<div aria-hidden="true"><a id="sentinel" href="#"
 onfocus="setTimeout(() => document.getElementById('name').focus(), 0)">Back</a></div></body></html>""",
    # "+" adds to a list wherever focus is; a link whose focus shows nowhere.
    "/plus": """<!doctype html><html lang="en"><head><title>Plus</title>
<style>#bare:focus { outline: none; }</style></head><body>
<a id="bare" href="#">Bare</a><ul id="list"></ul>
<script>document.body.addEventListener('keydown', function (e) {
  if (e.key === '+') document.getElementById('list').insertAdjacentHTML('beforeend', '<li>item</li>');
});</script></body></html>""",
}


PageHandler = pages_handler(PAGES, PAGE)


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


def test_a_trap_the_help_text_says_how_to_leave_is_left_with_that_key(session: Session, url: str) -> None:
    (trap,) = walk(session, url + "advised")["components"]
    assert trap["advised_keys"] == ["Ctrl+M"] and trap["escapes"]["advised"] is True
    assert not any(trap["escapes"].get(way) for way in ("tab", "shift_tab", "escape"))


def test_a_script_taking_focus_back_is_a_component_with_no_way_out(session: Session, url: str) -> None:
    components = walk(session, url + "refocus")["components"]
    # Found as a Tab cycle or, when the quick walk outran the script, as a refocused stop.
    assert components and not any(components[0]["escapes"].values())


def test_shortcut_content_changes_and_a_focus_shown_nowhere_are_measured(session: Session, url: str) -> None:
    artifact = walk(session, url + "plus")
    (plus,) = [shortcut for shortcut in artifact["shortcuts"] if shortcut["key"] == "+"]
    assert plus["changes"] and plus["focus"] is None
    (bare,) = artifact["stops"]
    assert bare["pixel_ratio"] == 0 and bare["viewport_pixels"] == 0


def test_stops_taking_focus_back_both_ways_are_confirmed_on_a_fresh_copy(session: Session, url: str) -> None:
    artifact = walk(session, url + "held-both-ways")
    (held,) = artifact["components"]
    assert [stop["selector"] for stop in held["held_by"]] == ["#play", "#mute"]
    assert held["escapes"] == {"tab": False, "escape": False, "shift_tab": False}
    assert len(session.driver.window_handles) == 1, "the fresh copy's tab was left open"


def test_focus_taken_back_one_way_only_is_no_trap(session: Session, url: str) -> None:
    components = walk(session, url + "held-one-way")["components"]
    assert all(any(component["escapes"].values()) for component in components)


def test_hidden_stops_are_held_for_a_second(session: Session, url: str) -> None:
    stops = {stop["selector"]: stop for stop in walk(session, url + "hidden-focus")["stops"]}
    assert stops["#logo"]["focus_kept"] is True
    assert stops["#sentinel"]["focus_kept"] is False
    assert "focus_kept" not in stops["#name"]
