"""Crawl-delay through the real CLI: page loads on a site are spaced as robots.txt or the user asks.

The assertions are lower bounds on the gaps the server saw between page requests: a slow
machine only makes gaps longer, so they cannot flake; how fast a crawl is stays the
benchmark's business.
"""

from __future__ import annotations

import itertools
import time
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import load_results, run_cli
from tests.browser.site import html, send
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGES = ("/", "/p1", "/p2", "/p3")


class _PacedSite(QuietHandler):
    """Four linked pages and a robots.txt; records when each page was requested."""

    def __init__(self, *args: object, robots: str, seen: list[float], **kwargs: object) -> None:
        self._robots = robots
        self._seen = seen
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            send(self, self._robots.encode(), content_type="text/plain")
        elif self.path in PAGES:
            self._seen.append(time.monotonic())
            links = "".join(f'<a href="{page}">Page {page}</a> ' for page in PAGES)
            send(self, html(f"<p>{links}</p>", title=f"Page {self.path}"))
        else:
            send(self, html("<p>Not found</p>", title="Not found"), status=404)


def _crawl(robots: str, out: Path, *args: str) -> tuple[list[float], dict[str, Any]]:
    """Crawl the site with two workers; the sorted times of its page requests and the results."""
    seen: list[float] = []
    with serving(local_server(partial(_PacedSite, robots=robots, seen=seen))) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        result = run_cli("crawl", url, "-o", str(out), "--workers", "2", "--no-screenshots", "--quiet", *args)
    assert result.returncode == 0, result.stderr
    return sorted(seen), load_results(out)


def _gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in itertools.pairwise(times)]


def _no_page_changing_checks(folder: Path, extra: str = "") -> str:
    config = folder / "a11y-audit.toml"
    config.write_text(f"[checks]\ninteractive_pages_per_template = 0\n{extra}", "utf-8")
    return str(config)


def test_robots_crawl_delay_spaces_page_loads_even_with_two_workers(tmp_path: Path) -> None:
    seen, results = _crawl(
        "User-agent: *\nCrawl-delay: 1\n", tmp_path / "out", "--config", _no_page_changing_checks(tmp_path)
    )
    assert len(seen) == len(PAGES)
    assert min(_gaps(seen)) >= 0.95, _gaps(seen)
    assert results["summary"]["pages_audited"] == len(PAGES)


def test_the_crawl_delay_option_spaces_page_loads_without_robots_asking(tmp_path: Path) -> None:
    seen, _ = _crawl(
        "User-agent: *\nAllow: /\n",
        tmp_path / "out",
        "--crawl-delay",
        "1",
        "--config",
        _no_page_changing_checks(tmp_path),
    )
    assert len(seen) == len(PAGES) and min(_gaps(seen)) >= 0.95, _gaps(seen)


def test_an_excessive_crawl_delay_is_capped_with_a_warning(tmp_path: Path) -> None:
    """Crawl-delay: 600 would take half an hour for four pages; the cap lets it finish."""
    config = _no_page_changing_checks(tmp_path, "[crawl]\nmax_crawl_delay = 0.2\n")
    _, results = _crawl("User-agent: *\nCrawl-delay: 600\n", tmp_path / "out", "--config", config)
    warnings = results["tool"]["warnings"]
    assert any("robots.txt asks for Crawl-delay: 600 s; waited 0.2 s" in line for line in warnings), warnings
