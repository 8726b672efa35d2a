"""Jira (Cloud and Data Center) over its REST API.

Issues are written with REST API v2, which takes the description and comments as wiki markup
on both deployments (v3 would need Atlassian Document Format, Cloud only). Search differs:
Cloud removed /rest/api/2/search in favour of /rest/api/3/search/jql, Data Center only has the
former; the credentials tell which one this is (email + API token = Cloud basic auth,
personal access token = Data Center bearer auth).

Workflows differ per project, so closing and reopening pick a transition by where it leads
(into or out of the "done" status category) unless one is named in the config; when no closing
transition exists, --close-fixed labels the issue "fixed?" for a person to confirm.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from a11y_audit.errors import UsageError
from a11y_audit.model import JsonObject
from a11y_audit.tickets.content import FIXED_LABEL, Ticket, fingerprint_label, is_managed_label
from a11y_audit.tickets.http import HttpClient
from a11y_audit.tickets.markup import Paragraph, Text, render
from a11y_audit.tickets.settings import JiraSettings
from a11y_audit.tickets.sync import Remote

__all__ = ["EMAIL_VARIABLE", "PAT_VARIABLE", "TOKEN_VARIABLE", "JiraTracker"]

EMAIL_VARIABLE = "A11Y_AUDIT_JIRA_EMAIL"
TOKEN_VARIABLE = "A11Y_AUDIT_JIRA_TOKEN"
PAT_VARIABLE = "A11Y_AUDIT_JIRA_PAT"
_CREDENTIALS = (
    f"{EMAIL_VARIABLE} and {TOKEN_VARIABLE} (Jira Cloud: account email and API token) "
    f"or {PAT_VARIABLE} (Jira Data Center: personal access token)"
)
_WONT_FIX_RESOLUTIONS = ("won't fix", "won't do")
_FIELDS = "status,labels,resolution"


class JiraTracker:
    def __init__(
        self, client: HttpClient, settings: JiraSettings, *, cloud: bool, wont_fix_label: str = "wontfix"
    ) -> None:
        self.http = client
        self.settings = settings
        self.cloud = cloud
        self.wont_fix_label = wont_fix_label
        self.key = f"jira:{client.base_url}/{settings.project}"

    @classmethod
    def from_settings(
        cls, settings: JiraSettings, env: Mapping[str, str], *, wont_fix_label: str
    ) -> JiraTracker:
        if not settings.url or not settings.project:
            raise UsageError(
                "Jira needs a base URL and a project key: --url and --project, "
                "or [tickets.jira] url and project"
            )
        headers: dict[str, str] = {}
        auth: tuple[str, str] | None = None
        if env.get(PAT_VARIABLE):
            headers["Authorization"] = f"Bearer {env[PAT_VARIABLE]}"
        elif env.get(EMAIL_VARIABLE) and env.get(TOKEN_VARIABLE):
            auth = (env[EMAIL_VARIABLE], env[TOKEN_VARIABLE])
        else:
            raise UsageError(f"set {_CREDENTIALS} to sync tickets to Jira")
        client = HttpClient(
            settings.url, tracker="Jira", credential_hint=_CREDENTIALS, headers=headers, auth=auth
        )
        return cls(client, settings, cloud=auth is not None, wont_fix_label=wont_fix_label)

    def _remote(self, issue: Mapping[str, Any]) -> Remote:
        fields = issue.get("fields") or {}
        labels = tuple(str(label) for label in fields.get("labels") or ())
        category = ((fields.get("status") or {}).get("statusCategory") or {}).get("key")
        resolution = str((fields.get("resolution") or {}).get("name", "")).lower()
        return Remote(
            id=str(issue["key"]),
            url=f"{self.http.base_url}/browse/{issue['key']}",
            closed=category == "done",
            wont_fix=self.wont_fix_label in labels or resolution in _WONT_FIX_RESOLUTIONS,
            labels=labels,
        )

    def find(self, fingerprint: str) -> Remote | None:
        label = fingerprint_label(fingerprint)
        jql = f'project = "{self.settings.project}" AND labels = "{label}" ORDER BY created ASC'
        path = "/rest/api/3/search/jql" if self.cloud else "/rest/api/2/search"
        found = self.http.json("GET", path, params={"jql": jql, "fields": _FIELDS, "maxResults": 10})
        issues = (found or {}).get("issues") or []
        return self._remote(issues[0]) if issues else None

    def fetch(self, ticket_id: str) -> Remote | None:
        issue = self.http.json(
            "GET", f"/rest/api/2/issue/{ticket_id}", params={"fields": _FIELDS}, missing_ok=True
        )
        return self._remote(issue) if issue else None

    def _fields(self, ticket: Ticket, labels: list[str]) -> JsonObject:
        priorities = dict(self.settings.priorities)
        return {
            "summary": ticket.title,
            "description": render(ticket.body, "jira"),
            "labels": labels,
            "priority": {"name": priorities.get(ticket.priority, ticket.priority_name)},
        }

    def create(self, ticket: Ticket) -> Remote:
        fields = {
            "project": {"key": self.settings.project},
            "issuetype": {"name": self.settings.issue_type},
            **self._fields(ticket, list(ticket.labels)),
        }
        created = self.http.json("POST", "/rest/api/2/issue", json={"fields": fields})
        return Remote(
            id=str(created["key"]), url=f"{self.http.base_url}/browse/{created['key']}", closed=False
        )

    def update(self, remote: Remote, ticket: Ticket) -> None:
        kept = [label for label in remote.labels if not is_managed_label(label)]
        self.http.request(
            "PUT",
            f"/rest/api/2/issue/{remote.id}",
            json={"fields": self._fields(ticket, [*ticket.labels, *kept])},
        )

    def comment(self, remote: Remote, text: str) -> None:
        body = render((Paragraph((Text(text),)),), "jira")
        self.http.request("POST", f"/rest/api/2/issue/{remote.id}/comment", json={"body": body})

    def reopen(self, remote: Remote, text: str) -> None:
        self.comment(remote, text)
        transition = self._transition(remote, done=False, name=self.settings.reopen_transition)
        if transition is None:
            raise UsageError(
                f"Jira offers no transition that reopens {remote.id}; "
                "name one with [tickets.jira] reopen_transition"
            )
        self._transit(remote, transition)

    def close(self, remote: Remote, text: str) -> None:
        self.comment(remote, text)
        transition = self._transition(remote, done=True, name=self.settings.close_transition)
        if transition is None:
            self.http.request(
                "PUT", f"/rest/api/2/issue/{remote.id}", json={"update": {"labels": [{"add": FIXED_LABEL}]}}
            )
        else:
            self._transit(remote, transition)

    def attach(self, remote: Remote, path: Path) -> None:
        self.http.request(
            "POST",
            f"/rest/api/2/issue/{remote.id}/attachments",
            headers={"X-Atlassian-Token": "no-check"},
            files={
                "file": (path.name, path.read_bytes(), mimetypes.guess_type(path.name)[0] or "image/jpeg")
            },
        )

    def _transition(self, remote: Remote, *, done: bool, name: str | None) -> str | None:
        """The id of the named transition, else of the first one into (or out of) "done"."""
        found = self.http.json("GET", f"/rest/api/2/issue/{remote.id}/transitions") or {}
        for transition in found.get("transitions", []):
            category = ((transition.get("to") or {}).get("statusCategory") or {}).get("key")
            if (transition.get("name") == name) if name else ((category == "done") == done):
                return str(transition["id"])
        return None

    def _transit(self, remote: Remote, transition: str) -> None:
        self.http.request(
            "POST", f"/rest/api/2/issue/{remote.id}/transitions", json={"transition": {"id": transition}}
        )
