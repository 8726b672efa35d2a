"""Redmine adapter against a fake Redmine on 127.0.0.1 (the real one: test_redmine_real.py)."""

from __future__ import annotations

from pathlib import Path

from a11y_audit.tickets.settings import RedmineSettings, TicketSettings
from a11y_audit.tickets.sync_results import SyncOptions, sync_results
from tests.tickets.fakes import FakeRedmine, running
from tests.tickets.samples import issue, loaded_run, results

KEY = "redmine-api-key-secret"
FP = "86c5fe823dfc9e73"
ENV = {"A11Y_AUDIT_REDMINE_KEY": KEY}


def settings(tmp_path: Path, base_url: str) -> TicketSettings:
    return TicketSettings(
        tracker="redmine",
        dir=str(tmp_path / "state"),
        redmine=RedmineSettings(url=base_url, project="shop", tracker_id=1, priority_ids=(("P2", 4),)),
    )


def test_create_with_upload_then_unchanged_close_and_reopen(tmp_path: Path) -> None:
    fake = FakeRedmine(KEY)
    with running(fake) as base_url:
        config = settings(tmp_path, base_url)
        path = loaded_run(tmp_path, results(issue(FP)))

        report = sync_results(path, config, SyncOptions(), ENV)
        assert report.lines["created"] == ["1  P2  Buttons must have discernible text — button.add · product"]
        search, create, upload, attach = fake.calls
        assert search.query == {"q": f"a11y-fp-{FP}", "issues": "1", "limit": "10"}
        assert fake.lines() == [
            "GET /projects/shop/search.json",
            "POST /issues.json",
            "POST /uploads.json",
            "PUT /issues/1.json",
        ]
        fields = create.body["issue"]
        assert (fields["project_id"], fields["tracker_id"], fields["priority_id"]) == ("shop", 1, 4)
        assert fields["subject"] == "Buttons must have discernible text — button.add · product"
        assert fields["description"].startswith("Labels: a11y, wcag-4.1.2, P2, a11y-fp-86c5fe823dfc9e73\n\n")
        assert f"<code>a11y-fp-{FP}</code>" in fields["description"]  # what the search finds (Textile)
        assert upload.query == {"filename": "screenshot.jpg"} and upload.body == b"\xff\xd8\xff\xe0 jpeg"
        assert attach.body == {
            "issue": {
                "uploads": [{"token": "1.tok", "filename": "screenshot.jpg", "content_type": "image/jpeg"}]
            }
        }

        assert sync_results(path, config, SyncOptions(), ENV).counts()["unchanged"] == 1
        assert fake.lines() == ["GET /issues/1.json"]

        empty = loaded_run(tmp_path, results())
        assert sync_results(empty, config, SyncOptions(close_fixed=True), ENV).counts()["closed"] == 1
        assert fake.lines() == ["GET /issues/1.json", "GET /issue_statuses.json", "PUT /issues/1.json"]
        assert fake.issues[1]["status"]["name"] == "Closed"  # the first closed status that is not Rejected

        path = loaded_run(tmp_path, results(issue(FP)))
        assert sync_results(path, config, SyncOptions(), ENV).counts()["reopened"] == 1
        assert fake.lines() == [
            "GET /issues/1.json",
            "GET /issue_statuses.json",
            "PUT /issues/1.json",
            "PUT /issues/1.json",
        ]
        assert fake.issues[1]["status"]["name"] == "New"
        assert fake.notes[1][-1] == "The defect was found again by the run of 2026-11-25T10:00:00+00:00.\n"


def test_lost_state_finds_the_issue_by_searching_its_fingerprint(tmp_path: Path) -> None:
    fake = FakeRedmine(KEY)
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        sync_results(path, settings(tmp_path, base_url), SyncOptions(), ENV)
        fake.lines()
        report = sync_results(path, settings(tmp_path / "lost", base_url), SyncOptions(), ENV)
        assert fake.lines() == ["GET /projects/shop/search.json", "GET /issues/1.json", "PUT /issues/1.json"]
    assert report.counts()["updated"] == 1 and list(fake.issues) == [1]


def test_rejected_status_is_wont_fix(tmp_path: Path) -> None:
    fake = FakeRedmine(KEY)
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        sync_results(path, settings(tmp_path, base_url), SyncOptions(), ENV)
        fake.issues[1]["status"] = fake.status(6)
        report = sync_results(path, settings(tmp_path, base_url), SyncOptions(), ENV)
    assert report.counts()["wont-fix"] == 1 and fake.issues[1]["status"]["name"] == "Rejected"


def test_common_mark_instances_get_markdown(tmp_path: Path) -> None:
    fake = FakeRedmine(KEY)
    with running(fake) as base_url:
        config = TicketSettings(
            tracker="redmine",
            dir=str(tmp_path / "state"),
            redmine=RedmineSettings(url=base_url, project="shop", text_formatting="common_mark"),
        )
        sync_results(loaded_run(tmp_path, results(issue(FP))), config, SyncOptions(), ENV)
    description = fake.issues[1]["description"]
    assert "### Steps to reproduce" in description and "<pre>" not in description
    assert "tracker_id" not in fake.issues[1] and "priority_id" not in fake.issues[1]  # Redmine's defaults
