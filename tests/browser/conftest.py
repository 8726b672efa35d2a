from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from a11y_audit.browser.driver import BrowserSettings, Session, start_session
from tests.browser.site import Site
from tests.support import QuietHandler, local_server, serving

if TYPE_CHECKING:  # demo_runs uses run_cli and load_results below: imported where used
    from tests.browser.demo_runs import DemoRun

CHECK_FIXTURES = Path(__file__).parents[1] / "checks" / "fixtures"


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    """One browser for a test module's direct gatherer and visitor tests."""
    started = start_session(BrowserSettings())
    try:
        yield started
    finally:
        started.quit()


class _FixtureHandler(QuietHandler, SimpleHTTPRequestHandler):
    """Serves tests/checks/fixtures/ as static files."""


@pytest.fixture(scope="module")
def fixtures_url() -> Iterator[str]:
    """Base URL of tests/checks/fixtures/ served on 127.0.0.1 (the checks' fixture pages)."""
    server = local_server(partial(_FixtureHandler, directory=str(CHECK_FIXTURES)))
    with serving(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    with Site() as served:
        yield served


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run `python -m a11y_audit ...` as a user would, capturing output and exit code."""
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


SCHEMA = json.loads((Path(__file__).parents[2] / "a11y_audit" / "schema" / "results.schema.json").read_text())


def load_results(output: Path) -> dict[str, Any]:
    """results.json of a real run, validated against the published JSON Schema every time."""
    data: dict[str, Any] = json.loads((output / "results.json").read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    return data


def page(results: dict[str, Any], url_suffix: str) -> dict[str, Any]:
    matches: list[dict[str, Any]] = [p for p in results["pages"] if p["url"].endswith(url_suffix)]
    assert matches, f"no page ending in {url_suffix}: {[p['url'] for p in results['pages']]}"
    return matches[0]


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one-line error the CLI ends with (progress lines may precede it)."""
    lines = result.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("error: "), result.stderr
    return lines[-1]


# -- the demo's variants, each audited once per session (tests/browser/demo_runs.py) ---------


@pytest.fixture(scope="session")
def demo_broken(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    from tests.browser.demo_runs import audited

    return audited("broken", tmp_path_factory.mktemp("demo-broken") / "run")


@pytest.fixture(scope="session")
def demo_fixed(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    from tests.browser.demo_runs import audited

    return audited("fixed", tmp_path_factory.mktemp("demo-fixed") / "run")


@pytest.fixture(scope="session")
def demo_regression(tmp_path_factory: pytest.TempPathFactory, demo_fixed: DemoRun) -> DemoRun:
    """The regression store audited as CI gates it: against the fixed store's baseline, one retry."""
    from tests.browser.demo_runs import audited, baseline_of

    baseline = baseline_of(demo_fixed)
    out = tmp_path_factory.mktemp("demo-regression") / "run"
    return audited("regression", out, "--baseline", str(baseline), "--retries", "1")
