"""The Redmine adapter against a real Redmine 5 (Debian packages redmine + redmine-sqlite).

The test builds a throwaway instance: a fresh SQLite database (DATABASE_URL overrides the
packaged database.yml), migrations, default data, REST API on, a project, then serves it with
WEBrick on 127.0.0.1 (Debian's Gemfile lists no app server, so Rack's WEBrick handler is started
directly). Skipped when Redmine is not installed. Redmine writes its log and cache under the
packaged instance (/var/log/redmine/default, /var/cache/redmine/default), so it runs as root.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from a11y_audit.tickets.settings import RedmineSettings, TicketSettings
from a11y_audit.tickets.sync_results import SyncOptions, sync_results
from tests.conftest import missing_prerequisite
from tests.tickets.samples import issue, loaded_run, results

pytestmark = pytest.mark.redmine

REDMINE = Path("/usr/share/redmine")
SETUP = """
Setting.rest_api_enabled = '1'
project = Project.create!(name: 'Shop', identifier: 'shop', is_public: true, tracker_ids: Tracker.pluck(:id))
project.enabled_module_names = Redmine::AccessControl.available_project_modules
puts "KEY=#{User.find_by_login('admin').api_key}"
"""
HOSTILE = (
    '<img src="http://evil.test/a.png"> !http://evil.test/b.png! "x":http://evil.test [[Wiki]] {{toc}} '
    "@admin #1 *bold* </pre> !http://evil.test/c.png! </code> %{color:red}red%"
)
SERVE = """
require 'webrick'
require File.join(Dir.pwd, 'config', 'environment')
require 'rack/handler/webrick'
Rack::Handler::WEBrick.run(Rails.application, Host: '127.0.0.1', Port: Integer(ARGV[0]), AccessLog: [],
                           Logger: WEBrick::Log.new(File::NULL))
"""


@dataclass
class Redmine:
    url: str
    key: str

    def get(self, path: str, **params: str) -> dict[str, object]:
        response = httpx.get(self.url + path, params=params, headers={"X-Redmine-API-Key": self.key})
        response.raise_for_status()
        return dict(response.json())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def redmine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Redmine]:
    if not (REDMINE / "config.ru").is_file() or shutil.which("ruby") is None:
        missing_prerequisite(
            "Redmine is not installed (apt-get install redmine redmine-sqlite; see docs/tickets.md)"
        )
    folder = tmp_path_factory.mktemp("redmine")
    env = {**os.environ, "RAILS_ENV": "production", "REDMINE_LANG": "en"}
    env["DATABASE_URL"] = f"sqlite3:{folder / 'redmine.sqlite3'}"

    def ruby(*args: str) -> str:
        done = subprocess.run(args, cwd=REDMINE, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    ruby("bin/rake", "db:migrate")
    ruby("bin/rake", "redmine:load_default_data")  # a separate run: it needs the migrated schema loaded
    (folder / "setup.rb").write_text(SETUP, "utf-8")
    key = ruby("bin/rails", "runner", str(folder / "setup.rb")).split("KEY=")[1].strip()
    port = _free_port()
    server = subprocess.Popen(
        ["ruby", "-e", SERVE, str(port)],
        cwd=REDMINE,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "server.log").open("w"),
    )
    try:
        _wait_until_serving(f"http://127.0.0.1:{port}", server)
        yield Redmine(f"http://127.0.0.1:{port}", key)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _wait_until_serving(url: str, server: subprocess.Popen[bytes]) -> None:
    """Poll until Rails answers (it boots in seconds; the bound only stops a broken install hanging)."""
    for _ in range(600):
        if server.poll() is not None:
            pytest.fail(f"Redmine exited with {server.returncode} before serving")
        try:
            httpx.get(url + "/issue_statuses.json", timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail("Redmine did not start serving")


def test_two_syncs_create_once_then_update_reopen_and_close(redmine: Redmine, tmp_path: Path) -> None:
    settings = TicketSettings(
        tracker="redmine",
        dir=str(tmp_path / "state"),
        redmine=RedmineSettings(url=redmine.url, project="shop", tracker_id=1, priority_ids=(("P2", 3),)),
    )
    env = {"A11Y_AUDIT_REDMINE_KEY": redmine.key}
    hostile = issue("a" * 16, snippet=HOSTILE)
    both = loaded_run(tmp_path / "run", results(hostile, issue("b" * 16, priority="P3")))

    assert sync_results(both, settings, SyncOptions(), env).counts()["created"] == 2
    assert sync_results(both, settings, SyncOptions(), env).counts()["unchanged"] == 2
    listed = redmine.get("/issues.json", project_id="shop", status_id="*")
    assert listed["total_count"] == 2

    first = redmine.get("/issues/1.json", include="attachments")["issue"]
    assert isinstance(first, dict)
    assert first["priority"]["name"] == "High" and first["tracker"]["name"] == "Bug"
    assert f"a11y-fp-{'a' * 16}" in first["description"]
    assert [item["filename"] for item in first["attachments"]] == ["screenshot.jpg"]
    page = httpx.get(f"{redmine.url}/issues/1", headers={"X-Redmine-API-Key": redmine.key}).text
    description = page[page.index('<div class="wiki">', page.index('class="description"')) :]
    description = description[: description.index("</div>")]
    # Page content made no image, link, mention, styled span or bold; only our two links and the
    # headings' own anchors are there.
    tags = re.findall(r"<(?:img|a|strong|span)\b[^>]*>", description)
    assert [tag for tag in tags if not re.match(r'<a (name="|href="#)', tag)] == [
        '<a href="https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html" class="external">',
        '<a href="https://dequeuniversity.com/rules/axe/4.10/button-name" class="external">',
    ]

    only_a = loaded_run(tmp_path / "later-run", results(issue("a" * 16)))
    assert sync_results(only_a, settings, SyncOptions(close_fixed=True), env).counts()["closed"] == 1
    assert redmine.get("/issues/2.json")["issue"]["status"]["is_closed"] is True  # type: ignore[index]

    report = sync_results(both, settings, SyncOptions(), env)
    assert report.counts()["reopened"] == 1 and report.counts()["created"] == 0
    assert redmine.get("/issues/2.json")["issue"]["status"]["name"] == "New"  # type: ignore[index]


def test_a_lost_state_file_finds_tickets_by_search(redmine: Redmine, tmp_path: Path) -> None:
    env = {"A11Y_AUDIT_REDMINE_KEY": redmine.key}
    run = loaded_run(tmp_path / "run", results(issue("d" * 16)))
    for state in ("state", "lost-state"):
        settings = TicketSettings(
            tracker="redmine",
            dir=str(tmp_path / state),
            redmine=RedmineSettings(url=redmine.url, project="shop"),
        )
        report = sync_results(run, settings, SyncOptions(), env)
    assert report.counts()["created"] == 0 and report.counts()["updated"] == 1
    found = redmine.get("/search.json", q=f"a11y-fp-{'d' * 16}", issues="1")
    assert found["total_count"] == 1
