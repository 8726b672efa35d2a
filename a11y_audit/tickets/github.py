"""GitHub Issues over its REST API (https://docs.github.com/rest/issues).

The fingerprint is a label, found with the issue list endpoint (`labels=`, `state=all`) rather
than the search API, whose index lags behind a just-created issue and would let a quick rerun
file a duplicate. GitHub's REST API has no upload for issue attachments, so the screenshot is
referenced by its path in the body. An issue closed as "not planned" counts as won't-fix, like
the won't-fix label.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from a11y_audit.errors import UsageError
from a11y_audit.model import JsonObject
from a11y_audit.tickets.content import Ticket, fingerprint_label, is_managed_label
from a11y_audit.tickets.http import HttpClient
from a11y_audit.tickets.markup import Paragraph, Text, render
from a11y_audit.tickets.settings import GitHubSettings
from a11y_audit.tickets.sync import Remote

__all__ = ["TOKEN_VARIABLE", "GitHubTracker"]

TOKEN_VARIABLE = "GITHUB_TOKEN"


class GitHubTracker:
    def __init__(self, client: HttpClient, repo: str, *, wont_fix_label: str = "wontfix") -> None:
        self.http = client
        self.repo = repo
        self.wont_fix_label = wont_fix_label
        self.key = f"github:{repo}"

    @classmethod
    def from_settings(
        cls, settings: GitHubSettings, env: Mapping[str, str], *, wont_fix_label: str
    ) -> GitHubTracker:
        if not settings.repo:
            raise UsageError(
                'GitHub needs a repository: --project owner/name or [tickets.github] repo = "owner/name"'
            )
        token = env.get(TOKEN_VARIABLE)
        if not token:
            raise UsageError(
                f"set {TOKEN_VARIABLE} to a GitHub token that may write issues in {settings.repo}"
            )
        client = HttpClient(
            settings.api_url,
            tracker="GitHub",
            credential_hint=f"{TOKEN_VARIABLE} to a token that may write issues in {settings.repo}",
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
            },
        )
        return cls(client, settings.repo, wont_fix_label=wont_fix_label)

    def _remote(self, issue: Mapping[str, Any]) -> Remote:
        labels = tuple(str(label["name"]) for label in issue.get("labels", ()))
        return Remote(
            id=str(issue["number"]),
            url=str(issue.get("html_url", "")),
            closed=issue.get("state") == "closed",
            wont_fix=self.wont_fix_label in labels or issue.get("state_reason") == "not_planned",
            labels=labels,
        )

    def find(self, fingerprint: str) -> Remote | None:
        issues = self.http.json(
            "GET",
            f"/repos/{self.repo}/issues",
            params={"labels": fingerprint_label(fingerprint), "state": "all", "per_page": 10},
        )
        found = [issue for issue in issues or () if "pull_request" not in issue]
        return self._remote(min(found, key=lambda issue: int(issue["number"]))) if found else None

    def fetch(self, ticket_id: str) -> Remote | None:
        issue = self.http.json("GET", f"/repos/{self.repo}/issues/{ticket_id}", missing_ok=True)
        return self._remote(issue) if issue else None

    def create(self, ticket: Ticket) -> Remote:
        issue = self.http.json(
            "POST",
            f"/repos/{self.repo}/issues",
            json={
                "title": ticket.title,
                "body": render(ticket.body, "markdown"),
                "labels": list(ticket.labels),
            },
        )
        return self._remote(issue)

    def update(self, remote: Remote, ticket: Ticket) -> None:
        kept = [label for label in remote.labels if not is_managed_label(label)]
        self._patch(
            remote,
            {
                "title": ticket.title,
                "body": render(ticket.body, "markdown"),
                "labels": [*ticket.labels, *kept],
            },
        )

    def comment(self, remote: Remote, text: str) -> None:
        body = render((Paragraph((Text(text),)),), "markdown")
        self.http.request("POST", f"/repos/{self.repo}/issues/{remote.id}/comments", json={"body": body})

    def reopen(self, remote: Remote, text: str) -> None:
        self.comment(remote, text)
        self._patch(remote, {"state": "open"})

    def close(self, remote: Remote, text: str) -> None:
        self.comment(remote, text)
        self._patch(remote, {"state": "closed", "state_reason": "completed"})

    def attach(self, remote: Remote, path: Path) -> None:
        """No REST upload for issue attachments: the body names the screenshot's path instead."""

    def _patch(self, remote: Remote, fields: JsonObject) -> None:
        self.http.request("PATCH", f"/repos/{self.repo}/issues/{remote.id}", json=fields)
