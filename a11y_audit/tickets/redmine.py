"""Redmine over its REST API (https://www.redmine.org/projects/redmine/wiki/Rest_api).

Redmine has no labels, so the fingerprint lives in the description and is found with the
project's search (`/projects/ID/search.json`, which searches descriptions of open and closed
issues); each hit is fetched and checked, since search matches substrings. The labels are
listed at the top of the description. Open/closed comes from the status's `is_closed`; a status
named like `wont_fix_status` ("Rejected") counts as won't-fix. Text is written in the
instance's formatting (`text_formatting`: Textile, Redmine's default, or CommonMark), which the
REST API does not reveal: Markdown sent to a Textile Redmine would leave page content live
(images, [[wiki]] links, @mentions).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from a11y_audit.errors import UsageError
from a11y_audit.model import JsonObject
from a11y_audit.tickets.content import Ticket, fingerprint_label
from a11y_audit.tickets.http import HttpClient
from a11y_audit.tickets.markup import Paragraph, Syntax, Text, render
from a11y_audit.tickets.settings import RedmineSettings
from a11y_audit.tickets.sync import Remote

__all__ = ["KEY_VARIABLE", "RedmineTracker"]

KEY_VARIABLE = "A11Y_AUDIT_REDMINE_KEY"


class RedmineTracker:
    def __init__(self, client: HttpClient, settings: RedmineSettings) -> None:
        self.http = client
        self.settings = settings
        self.syntax: Syntax = "markdown" if settings.text_formatting == "common_mark" else "textile"
        self.key = f"redmine:{client.base_url}/{settings.project}"

    @classmethod
    def from_settings(cls, settings: RedmineSettings, env: Mapping[str, str]) -> RedmineTracker:
        if not settings.url or not settings.project:
            raise UsageError(
                "Redmine needs a base URL and a project identifier: --url and --project, "
                "or [tickets.redmine] url and project"
            )
        key = env.get(KEY_VARIABLE)
        if not key:
            raise UsageError(f"set {KEY_VARIABLE} to a Redmine API key (My account > API access key)")
        client = HttpClient(
            settings.url,
            tracker="Redmine",
            credential_hint=f"{KEY_VARIABLE} to an API key that may add issues to {settings.project}",
            headers={"X-Redmine-API-Key": key},
        )
        return cls(client, settings)

    @cached_property
    def _statuses(self) -> list[JsonObject]:
        return list((self.http.json("GET", "/issue_statuses.json") or {}).get("issue_statuses", []))

    def _status_id(self, *, closed: bool) -> int:
        configured = self.settings.closed_status_id if closed else self.settings.reopened_status_id
        if configured:
            return configured
        for status in self._statuses:
            if (
                bool(status.get("is_closed")) == closed
                and status.get("name") != self.settings.wont_fix_status
            ):
                return int(status["id"])
        which = "closed_status_id" if closed else "reopened_status_id"
        raise UsageError(
            f"Redmine has no {'closed' if closed else 'open'} issue status; set [tickets.redmine] {which}"
        )

    def _remote(self, issue: Mapping[str, Any]) -> Remote:
        status = issue.get("status") or {}
        if "is_closed" in status:
            closed = bool(status["is_closed"])
        else:  # Redmine before 5.1 may omit it from the issue
            closed = any(item["id"] == status.get("id") and item.get("is_closed") for item in self._statuses)
        return Remote(
            id=str(issue["id"]),
            url=f"{self.http.base_url}/issues/{issue['id']}",
            closed=closed,
            wont_fix=status.get("name") == self.settings.wont_fix_status,
        )

    def find(self, fingerprint: str) -> Remote | None:
        label = fingerprint_label(fingerprint)
        found = self.http.json(
            "GET",
            f"/projects/{self.settings.project}/search.json",
            params={"q": label, "issues": 1, "limit": 10},
        )
        ids = sorted(int(hit["id"]) for hit in (found or {}).get("results", []) if hit.get("type") == "issue")
        for ticket_id in ids:
            issue = self._issue(str(ticket_id))
            if issue and label in str(issue.get("description") or ""):
                return self._remote(issue)
        return None

    def fetch(self, ticket_id: str) -> Remote | None:
        issue = self._issue(ticket_id)
        return self._remote(issue) if issue else None

    def _issue(self, ticket_id: str) -> JsonObject | None:
        found = self.http.json("GET", f"/issues/{ticket_id}.json", missing_ok=True)
        return found["issue"] if found else None

    def _fields(self, ticket: Ticket) -> JsonObject:
        labels = (Paragraph((Text("Labels: " + ", ".join(ticket.labels)),)),)
        fields: JsonObject = {
            "subject": ticket.title,
            "description": render(labels + ticket.body, self.syntax),
        }
        priority_id = dict(self.settings.priority_ids).get(ticket.priority)
        if priority_id:
            fields["priority_id"] = priority_id
        return fields

    def create(self, ticket: Ticket) -> Remote:
        fields = {"project_id": self.settings.project, **self._fields(ticket)}
        if self.settings.tracker_id:
            fields["tracker_id"] = self.settings.tracker_id
        created = self.http.json("POST", "/issues.json", json={"issue": fields})["issue"]
        return Remote(id=str(created["id"]), url=f"{self.http.base_url}/issues/{created['id']}", closed=False)

    def update(self, remote: Remote, ticket: Ticket) -> None:
        self._put(remote, self._fields(ticket))

    def comment(self, remote: Remote, text: str) -> None:
        self._put(remote, {"notes": self._note(text)})

    def reopen(self, remote: Remote, text: str) -> None:
        self._put(remote, {"status_id": self._status_id(closed=False), "notes": self._note(text)})

    def close(self, remote: Remote, text: str) -> None:
        self._put(remote, {"status_id": self._status_id(closed=True), "notes": self._note(text)})

    def attach(self, remote: Remote, path: Path) -> None:
        """Upload the file for a token (POST /uploads.json), then attach it to the issue."""
        upload = self.http.json(
            "POST",
            "/uploads.json",
            params={"filename": path.name},
            content=path.read_bytes(),
            headers={"Content-Type": "application/octet-stream"},
        )
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._put(
            remote,
            {
                "uploads": [
                    {"token": upload["upload"]["token"], "filename": path.name, "content_type": content_type}
                ]
            },
        )

    def _put(self, remote: Remote, fields: JsonObject) -> None:
        self.http.request("PUT", f"/issues/{remote.id}.json", json={"issue": fields})

    def _note(self, text: str) -> str:
        return render((Paragraph((Text(text),)),), self.syntax)
