"""Jira adapter against a fake Jira on 127.0.0.1 (Data Center PAT and Cloud basic auth)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from a11y_audit.errors import UsageError
from a11y_audit.tickets.settings import JiraSettings, TicketSettings
from a11y_audit.tickets.sync_results import SyncOptions, sync_results
from tests.tickets.fakes import FakeJira, running
from tests.tickets.samples import issue, loaded_run, results

PAT = "jira-pat-secret"
FP = "86c5fe823dfc9e73"
JQL = f'project = "SHOP" AND labels = "a11y-fp-{FP}" ORDER BY created ASC'


def settings(tmp_path: Path, base_url: str, **jira: object) -> TicketSettings:
    return TicketSettings(
        tracker="jira",
        dir=str(tmp_path / "state"),
        jira=JiraSettings(url=base_url, project="SHOP", priorities=(("P2", "Major"),), **jira),  # type: ignore[arg-type]
    )


def test_data_center_create_attach_then_unchanged_reopen_and_close(tmp_path: Path) -> None:
    fake = FakeJira("Authorization", f"Bearer {PAT}")
    env = {"A11Y_AUDIT_JIRA_PAT": PAT}
    with running(fake) as base_url:
        config = settings(tmp_path, base_url)
        path = loaded_run(tmp_path, results(issue(FP)))

        report = sync_results(path, config, SyncOptions(), env)
        assert report.lines["created"] == [
            "SHOP-1  P2  Buttons must have discernible text — button.add · product"
        ]
        search, create, attach = fake.calls
        assert search.query == {"jql": JQL, "fields": "status,labels,resolution", "maxResults": "10"}
        assert fake.lines() == [
            "GET /rest/api/2/search",
            "POST /rest/api/2/issue",
            "POST /rest/api/2/issue/SHOP-1/attachments",
        ]
        fields = create.body["fields"]
        assert fields["project"] == {"key": "SHOP"} and fields["issuetype"] == {"name": "Bug"}
        assert fields["priority"] == {"name": "Major"}  # [tickets.jira] priorities
        assert fields["labels"] == ["a11y", "wcag-4.1.2", "P2", f"a11y-fp-{FP}"]
        assert "h3. Steps to reproduce" in fields["description"]
        assert (
            "[Understanding 4.1.2|https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html]"
            in (fields["description"])
        )
        assert attach.headers["x-atlassian-token"] == "no-check"
        assert b'filename="screenshot.jpg"' in attach.body and b"\xff\xd8\xff\xe0 jpeg" in attach.body

        assert sync_results(path, config, SyncOptions(), env).counts()["unchanged"] == 1
        assert fake.lines() == ["GET /rest/api/2/issue/SHOP-1"]

        fake.issues["SHOP-1"]["fields"]["status"] = {"statusCategory": {"key": "done"}}
        assert sync_results(path, config, SyncOptions(), env).counts()["reopened"] == 1
        assert fake.lines() == [
            "GET /rest/api/2/issue/SHOP-1",
            "POST /rest/api/2/issue/SHOP-1/comment",
            "GET /rest/api/2/issue/SHOP-1/transitions",
            "POST /rest/api/2/issue/SHOP-1/transitions",
            "PUT /rest/api/2/issue/SHOP-1",
        ]
        assert fake.issues["SHOP-1"]["fields"]["status"]["statusCategory"]["key"] == "new"

        empty = loaded_run(tmp_path, results())
        assert sync_results(empty, config, SyncOptions(close_fixed=True), env).counts()["closed"] == 1
        assert fake.lines()[-2:] == [
            "GET /rest/api/2/issue/SHOP-1/transitions",
            "POST /rest/api/2/issue/SHOP-1/transitions",
        ]
        assert fake.issues["SHOP-1"]["fields"]["status"]["statusCategory"]["key"] == "done"


def test_cloud_uses_basic_auth_and_the_jql_search_endpoint(tmp_path: Path) -> None:
    basic = base64.b64encode(b"dev@shop.test:cloud-token-secret").decode()
    fake = FakeJira("Authorization", f"Basic {basic}")
    env = {"A11Y_AUDIT_JIRA_EMAIL": "dev@shop.test", "A11Y_AUDIT_JIRA_TOKEN": "cloud-token-secret"}
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        sync_results(path, settings(tmp_path, base_url), SyncOptions(), env)
        assert fake.lines()[0] == "GET /rest/api/3/search/jql"
        report = sync_results(path, settings(tmp_path / "lost", base_url), SyncOptions(), env)
    assert report.counts()["created"] == 0 and list(fake.issues) == ["SHOP-1"]


def test_without_a_closing_transition_close_fixed_labels_fixed(tmp_path: Path) -> None:
    fake = FakeJira("Authorization", f"Bearer {PAT}")
    fake.TRANSITIONS = [FakeJira.TRANSITIONS[1]]
    env = {"A11Y_AUDIT_JIRA_PAT": PAT}
    with running(fake) as base_url:
        sync_results(
            loaded_run(tmp_path, results(issue(FP))), settings(tmp_path, base_url), SyncOptions(), env
        )
        fake.lines()
        empty = loaded_run(tmp_path, results())
        sync_results(empty, settings(tmp_path, base_url), SyncOptions(close_fixed=True), env)
        assert fake.calls[-1].body == {"update": {"labels": [{"add": "fixed?"}]}}
    assert "fixed?" in fake.issues["SHOP-1"]["fields"]["labels"]


def test_wont_fix_resolution_is_left_alone(tmp_path: Path) -> None:
    fake = FakeJira("Authorization", f"Bearer {PAT}")
    env = {"A11Y_AUDIT_JIRA_PAT": PAT}
    with running(fake) as base_url:
        path = loaded_run(tmp_path, results(issue(FP)))
        sync_results(path, settings(tmp_path, base_url), SyncOptions(), env)
        fake.issues["SHOP-1"]["fields"].update(
            status={"statusCategory": {"key": "done"}}, resolution={"name": "Won't Fix"}
        )
        fake.lines()
        assert sync_results(path, settings(tmp_path, base_url), SyncOptions(), env).counts()["wont-fix"] == 1
        assert fake.lines() == ["GET /rest/api/2/issue/SHOP-1"]


def test_missing_credentials_name_both_ways_to_authenticate(tmp_path: Path) -> None:
    path = loaded_run(tmp_path, results(issue(FP)))
    with pytest.raises(
        UsageError, match=r"A11Y_AUDIT_JIRA_EMAIL and A11Y_AUDIT_JIRA_TOKEN .* or A11Y_AUDIT_JIRA_PAT"
    ):
        sync_results(
            path, settings(tmp_path, "http://127.0.0.1:9"), SyncOptions(), {"A11Y_AUDIT_JIRA_EMAIL": "x"}
        )
