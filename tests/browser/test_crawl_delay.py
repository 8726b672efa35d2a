"""Crawl-delay through the CLI: page loads on a site are spaced as robots.txt or the user asks.

The crawl runs in this process with a virtual clock in the frontier (tests.support.FrontierClock):
time passes only when the frontier waits for an origin to be due, so the gaps the server sees
between page requests, on that clock, are the waits the crawl asked for. A machine's speed
cannot move them, and the test takes no second per page; how fast a crawl is stays the
benchmark's business. The server also logs when each page request starts and ends: a paced
origin has one page in flight at a time, even with two workers.
"""

from __future__ import annotations

import itertools
import threading
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from a11y_audit.cli.main import cli
from tests.browser.conftest import load_results
from tests.browser.site import html, send
from tests.support import FrontierClock, QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGES = ("/", "/p1", "/p2", "/p3")


class _Log:
    """What the server saw of page requests: ("start" | "end", path, virtual time)."""

    def __init__(self, clock: FrontierClock) -> None:
        self.clock = clock
        self.events: list[tuple[str, str, float]] = []
        self._lock = threading.Lock()

    def record(self, event: str, path: str) -> None:
        with self._lock:
            self.events.append((event, path, self.clock.monotonic()))

    def starts(self) -> list[float]:
        return sorted(at for event, _, at in self.events if event == "start")


class _PacedSite(QuietHandler):
    """Four linked pages and a robots.txt; logs when each page request starts and ends."""

    def __init__(self, *args: object, robots: str, log: _Log, **kwargs: object) -> None:
        self._robots = robots
        self._log = log
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            send(self, self._robots.encode(), content_type="text/plain")
        elif self.path in PAGES:
            self._log.record("start", self.path)
            links = "".join(f'<a href="{page}">Page {page}</a> ' for page in PAGES)
            send(self, html(f"<p>{links}</p>", title=f"Page {self.path}"))
            self._log.record("end", self.path)
        else:
            send(self, html("<p>Not found</p>", title="Not found"), status=404)


def _crawl(
    monkeypatch: pytest.MonkeyPatch, robots: str, out: Path, *args: str
) -> tuple[_Log, dict[str, Any]]:
    """Crawl the site with two workers on a virtual frontier clock; the server's log and the results."""
    clock = FrontierClock()
    clock.install(monkeypatch)
    log = _Log(clock)
    with serving(local_server(partial(_PacedSite, robots=robots, log=log))) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        args = ("crawl", url, "-o", str(out), "--workers", "2", "--no-screenshots", "--quiet", *args)
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, (result.output, result.exception)
    return log, load_results(out)


ROUNDING = 1e-9
"""The virtual clock adds and subtracts floats: 0.2 can come back as 0.20000000000000007."""


def _gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def _assert_spaced(log: _Log, interval: float) -> None:
    """Every page was requested, at least interval apart on the virtual clock, and each page
    request ended before the next one started."""
    seen = log.starts()
    assert len(seen) == len(PAGES)
    assert min(_gaps(seen)) >= interval - ROUNDING, _gaps(seen)
    kinds = [event for event, _, _ in log.events]
    assert kinds == ["start", "end"] * len(PAGES), log.events


def _no_page_changing_checks(folder: Path, extra: str = "") -> str:
    config = folder / "a11y-audit.toml"
    config.write_text(f"[checks]\ninteractive_pages_per_template = 0\n{extra}", "utf-8")
    return str(config)


@pytest.mark.parametrize(
    ("robots", "option"),
    [
        pytest.param("User-agent: *\nCrawl-delay: 1\n", (), id="robots-crawl-delay"),
        pytest.param("User-agent: *\nAllow: /\n", ("--crawl-delay", "1"), id="option-without-robots-asking"),
    ],
)
def test_a_crawl_delay_spaces_page_loads_even_with_two_workers(
    robots: str, option: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """robots.txt's Crawl-delay, or the --crawl-delay option when robots.txt asks nothing."""
    config = _no_page_changing_checks(tmp_path)
    log, results = _crawl(monkeypatch, robots, tmp_path / "out", *option, "--config", config)
    _assert_spaced(log, 1.0)
    assert results["summary"]["pages_audited"] == len(PAGES)


def test_an_excessive_crawl_delay_is_capped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Crawl-delay: 600 would take half an hour for four pages; the crawl waits the cap instead
    (on the virtual clock any delay would pass at once, so the waits asked are what shows it)."""
    config = _no_page_changing_checks(tmp_path, "[crawl]\nmax_crawl_delay = 0.2\n")
    log, results = _crawl(
        monkeypatch, "User-agent: *\nCrawl-delay: 600\n", tmp_path / "out", "--config", config
    )
    assert log.clock.waits and max(log.clock.waits) <= 0.2 + ROUNDING, log.clock.waits
    _assert_spaced(log, 0.2)
    warnings = results["tool"]["warnings"]
    assert any("robots.txt asks for Crawl-delay: 600 s; waited 0.2 s" in line for line in warnings), warnings
