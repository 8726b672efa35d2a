"""`journeys run` gathers with the crawl's settings: the forms `[checks] safe_forms` declares
are tried on a journey state as on a crawled page, and results.json records the browser that
ran (not "unknown"). Real Chromium against a page served on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from a11y_audit import api
from a11y_audit.artifacts.store import read_json_file
from a11y_audit.config import load_config
from tests.support import QuietHandler, local_server, serving

pytestmark = pytest.mark.browser

PAGE = b"""<!doctype html><html lang="en"><head><title>News</title></head><body><main>
<h1>News</h1>
<form id="newsletter" action="/subscribe" method="post" novalidate>
  <label for="email">Email</label><input id="email" name="email" type="email" required>
  <button type="submit">Subscribe</button>
</form>
</main></body></html>"""


class _Page(QuietHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = local_server(_Page)
    with serving(server):
        yield f"http://127.0.0.1:{server.server_address[1]}/"


def _config(tmp_path: Path, base_url: str) -> Path:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(
        f"""
[crawl]
start_urls = ["{base_url}"]
[checks]
only = ["error-identification"]
safe_forms = ["#newsletter"]
[journeys.news]
flow = "product"
steps = [{{ visit = "/" }}, {{ audit = "front" }}]
""",
        "utf-8",
    )
    return path


def _tried_forms(output: Path, page: dict[str, Any]) -> set[str]:
    artifact = read_json_file(output / page["artifacts"]["form_errors"])
    return {attempt["form"]["selector"] for attempt in artifact["attempts"]}


def test_journeys_run_tries_the_configured_safe_forms_and_records_the_browser(
    tmp_path: Path, base_url: str
) -> None:
    config = load_config(_config(tmp_path, base_url))
    journeys_out, scan_out = tmp_path / "journeys", tmp_path / "scan"
    api.run_journeys(config, journeys_out, ("news",))
    api.audit(config, scan_out, follow_links=False)
    ran = json.loads((journeys_out / "results.json").read_text("utf-8"))
    scanned = json.loads((scan_out / "results.json").read_text("utf-8"))
    (state,) = ran["pages"]
    assert state["state"] == "front"
    crawled = next(page for page in scanned["pages"] if not page.get("state"))
    assert _tried_forms(journeys_out, state) == _tried_forms(scan_out, crawled) == {"#newsletter"}
    assert ran["tool"]["browser_name"] == scanned["tool"]["browser_name"] != "unknown"
    assert ran["tool"]["browser_version"] == scanned["tool"]["browser_version"] != "unknown"
    assert ran["tool"]["axe_injection"] == scanned["tool"]["axe_injection"] == "devtools"
    run_json = json.loads((journeys_out / "run.json").read_text("utf-8"))
    assert run_json["browser_name"] == ran["tool"]["browser_name"]  # what `evaluate` reads
