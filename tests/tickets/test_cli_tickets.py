"""`a11y-audit tickets sync` end to end: file tracker, fake GitHub, config, dry run, secrets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_cli import saved_run
from tests.tickets.fakes import FakeGitHub, running
from tests.tickets.samples import issue, results, write_results

TOKEN = "ghp_never_show_this_0123456789"


def tickets(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", "tickets", "sync", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2]), **(env or {})},
    )


def test_two_syncs_of_a_saved_run_create_once_then_change_nothing(tmp_path: Path) -> None:
    results_path = saved_run(tmp_path / "out")
    first = tickets(str(results_path), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Tickets (file): 6 created, 0 updated, 0 reopened, 0 closed, 0 unchanged" in first.stdout
    assert f"State: {tmp_path / 'a11y-tickets' / 'tickets-state.sqlite'}" in first.stdout
    assert len(list((tmp_path / "a11y-tickets").glob("*.md"))) == 6
    second = tickets(str(results_path), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "0 created, 0 updated, 0 reopened, 0 closed, 6 unchanged" in second.stdout


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    results_path = saved_run(tmp_path / "out")
    result = tickets(str(results_path), "--dry-run", "--min-priority", "P2", "--dir", "t", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Dry run, nothing written (file): 3 created" in result.stdout
    assert result.stdout.count("created          (new)  P2  ") == 3
    assert not (tmp_path / "t").exists()


def test_github_sync_never_shows_or_stores_the_token(tmp_path: Path) -> None:
    fake = FakeGitHub(TOKEN)
    results_path = write_results(tmp_path / "out", results(issue("a" * 16), issue("b" * 16, priority="P3")))
    (tmp_path / "a11y-audit.toml").write_text(
        '[tickets]\ntracker = "github"\n[tickets.github]\nrepo = "shop/web"\n'
    )
    with running(fake) as base_url:
        args = (str(results_path), "--config", "a11y-audit.toml", "--url", base_url)
        first = tickets(*args, cwd=tmp_path, env={"GITHUB_TOKEN": TOKEN})
        second = tickets(*args, cwd=tmp_path, env={"GITHUB_TOKEN": TOKEN})
        wrong = tickets(*args, cwd=tmp_path, env={"GITHUB_TOKEN": TOKEN + "x"})
    assert first.returncode == 0, first.stderr
    assert "Tickets (github): 2 created" in first.stdout and "2 unchanged" in second.stdout
    assert len(fake.issues) == 2
    assert wrong.returncode == 3 and wrong.stderr.startswith(
        "error: GitHub rejected the credentials (HTTP 401"
    )
    assert "set GITHUB_TOKEN" in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1
    for result in (first, second, wrong):
        assert TOKEN not in result.stdout + result.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path
    assert all(TOKEN not in json.dumps(issue) for issue in fake.issues.values())


def test_bad_tickets_config_exits_2_with_file_and_line(tmp_path: Path) -> None:
    results_path = write_results(tmp_path, results(issue()))
    (tmp_path / "a.toml").write_text(
        '[tickets]\nmin_priority = "P3"\n\n[tickets.jira]\nurl = "shop.atlassian.net"\n'
    )
    result = tickets(str(results_path), "--config", "a.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "error: a.toml:5: [tickets.jira] url must be an http:// or https:// URL\n"


def test_missing_credentials_and_interrupted_close_fixed_are_usage_errors(tmp_path: Path) -> None:
    data = results(issue())
    data["tool"]["interrupted"] = True
    results_path = write_results(tmp_path, data)
    result = tickets(
        str(results_path),
        "--tracker",
        "redmine",
        "--url",
        "http://127.0.0.1:9",
        "--project",
        "shop",
        cwd=tmp_path,
    )
    assert result.returncode == 2 and result.stderr == (
        "error: set A11Y_AUDIT_REDMINE_KEY to a Redmine API key (My account > API access key)\n"
    )
    result = tickets(str(results_path), "--close-fixed", cwd=tmp_path)
    assert result.returncode == 2 and "is from an interrupted run: --close-fixed would close" in result.stderr


def test_help_has_examples_and_names_the_credential_variables(tmp_path: Path) -> None:
    result = tickets("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        "Examples:" in result.stdout and "a11y-audit tickets sync a11y-report/results.json" in result.stdout
    )
    assert "GITHUB_TOKEN" in result.stdout and "A11Y_AUDIT_JIRA_PAT" in result.stdout


def test_a_url_without_scheme_is_a_usage_error(tmp_path: Path) -> None:
    results_path = write_results(tmp_path, results(issue()))
    result = tickets(str(results_path), "--tracker", "jira", "--url", "shop.atlassian.net", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "error: --url must be an http:// or https:// URL, not 'shop.atlassian.net'\n"
