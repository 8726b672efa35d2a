"""GitHub adapter against a fake GitHub on 127.0.0.1: the exact requests of each lifecycle step."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.errors import ToolError, UsageError
from a11y_audit.tickets.settings import GitHubSettings, TicketSettings
from a11y_audit.tickets.sync_results import SyncOptions, sync_results
from tests.tickets.fakes import FakeGitHub, running
from tests.tickets.samples import issue, loaded_run, results

TOKEN = "ghp_secret_token_value"
FP = "86c5fe823dfc9e73"


def settings(tmp_path: Path, base_url: str) -> TicketSettings:
    return TicketSettings(
        tracker="github",
        dir=str(tmp_path / "state"),
        github=GitHubSettings(repo="shop/web", api_url=base_url),
    )


def test_create_then_unchanged_update_reopen_and_close(tmp_path: Path) -> None:
    fake = FakeGitHub(TOKEN)
    env = {"GITHUB_TOKEN": TOKEN}
    with running(fake) as base_url:
        config = settings(tmp_path, base_url)
        path = loaded_run(tmp_path, results(issue(FP, priority="P3")))

        report = sync_results(path, config, SyncOptions(), env)
        assert report.lines["created"] == ["1  P3  Buttons must have discernible text — button.add · product"]
        assert fake.calls[0].query == {"labels": f"a11y-fp-{FP}", "state": "all", "per_page": "10"}
        created = fake.calls[1].body
        assert fake.lines() == ["GET /repos/shop/web/issues", "POST /repos/shop/web/issues"]
        assert created["title"] == "Buttons must have discernible text — button.add · product"
        assert created["labels"] == ["a11y", "wcag-4.1.2", "P3", f"a11y-fp-{FP}"]
        assert (
            "[Understanding 4.1.2](https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html)"
            in (created["body"])
        )
        assert fake.calls == [] and fake.issues[1]["state"] == "open"

        assert sync_results(path, config, SyncOptions(), env).counts()["unchanged"] == 1
        assert fake.lines() == ["GET /repos/shop/web/issues/1"]  # no write when nothing changed

        fake.issues[1]["labels"].append({"name": "team-checkout"})
        path = loaded_run(tmp_path, results(issue(FP, priority="P2", pages=30)))
        assert sync_results(path, config, SyncOptions(), env).counts()["updated"] == 1
        assert fake.lines() == [
            "GET /repos/shop/web/issues/1",
            "POST /repos/shop/web/issues/1/comments",
            "PATCH /repos/shop/web/issues/1",
        ]
        assert fake.comments[1] == [
            "The run of 2026-11-25T10:00:00+00:00 changed this issue. Priority P3 → P2 (High). "
            "Reach 1 page(s), 1 template(s) → 30 page(s), 1 template(s).\n"
        ]
        labels = [label["name"] for label in fake.issues[1]["labels"]]
        assert labels == ["a11y", "wcag-4.1.2", "P2", f"a11y-fp-{FP}", "team-checkout"]

        fake.issues[1].update(state="closed", state_reason="completed")
        assert sync_results(path, config, SyncOptions(), env).counts()["reopened"] == 1
        assert fake.lines() == [
            "GET /repos/shop/web/issues/1",
            "POST /repos/shop/web/issues/1/comments",
            "PATCH /repos/shop/web/issues/1",
            "PATCH /repos/shop/web/issues/1",
        ]
        assert fake.issues[1]["state"] == "open"

        empty = loaded_run(tmp_path, results())
        assert sync_results(empty, config, SyncOptions(close_fixed=True), env).counts()["closed"] == 1
        assert fake.lines() == [
            "GET /repos/shop/web/issues/1",
            "POST /repos/shop/web/issues/1/comments",
            "PATCH /repos/shop/web/issues/1",
        ]
        assert (fake.issues[1]["state"], fake.issues[1]["state_reason"]) == ("closed", "completed")


def test_lost_state_finds_the_issue_by_its_label(tmp_path: Path) -> None:
    fake = FakeGitHub(TOKEN)
    env = {"GITHUB_TOKEN": TOKEN}
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        sync_results(path, settings(tmp_path, base_url), SyncOptions(), env)
        report = sync_results(path, settings(tmp_path / "elsewhere", base_url), SyncOptions(), env)
    assert report.counts()["created"] == 0 and report.counts()["updated"] == 1
    assert list(fake.issues) == [1]


def test_closed_as_not_planned_counts_as_wont_fix(tmp_path: Path) -> None:
    fake = FakeGitHub(TOKEN)
    env = {"GITHUB_TOKEN": TOKEN}
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        sync_results(path, settings(tmp_path, base_url), SyncOptions(), env)
        fake.issues[1].update(state="closed", state_reason="not_planned")
        fake.lines()
        report = sync_results(path, settings(tmp_path, base_url), SyncOptions(), env)
        assert report.counts()["wont-fix"] == 1 and fake.lines() == ["GET /repos/shop/web/issues/1"]


def test_a_bad_token_names_the_variable_and_never_shows_the_token(tmp_path: Path) -> None:
    fake = FakeGitHub("the-right-token")
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        with pytest.raises(ToolError) as error:
            sync_results(path, settings(tmp_path, base_url), SyncOptions(), {"GITHUB_TOKEN": TOKEN})
    assert str(error.value).startswith(
        "GitHub rejected the credentials (HTTP 401 on GET /repos/shop/web/issues)"
    )
    assert "set GITHUB_TOKEN" in str(error.value) and TOKEN not in str(error.value)


def test_missing_token_or_repo_is_a_usage_error(tmp_path: Path) -> None:
    path = loaded_run(tmp_path, results(issue(FP)))
    with pytest.raises(UsageError, match="set GITHUB_TOKEN"):
        sync_results(path, settings(tmp_path, "http://127.0.0.1:9"), SyncOptions(), {})
    with pytest.raises(UsageError, match="GitHub needs a repository"):
        sync_results(path, TicketSettings(tracker="github"), SyncOptions(), {"GITHUB_TOKEN": TOKEN})
