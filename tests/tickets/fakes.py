"""Fake trackers on 127.0.0.1: the subset of each REST API the adapters use, recording every request.

Each fake keeps its issues in memory and answers like the real API (status codes, JSON shapes),
so a test can assert the exact requests a sync sends and drive the lifecycle (close an issue
"in the tracker", add a label) between syncs. `fail_next` scripts error responses (429, 5xx,
401) ahead of the real handling, for retry and auth tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support import QuietHandler, local_server, serving

Response = tuple[int, Any, dict[str, str]]


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any

    @property
    def line(self) -> str:
        return f"{self.method} {self.path}"


@dataclass
class FakeTracker:
    """Base: auth check, scripted failures, call log; subclasses route requests."""

    auth_header: str
    auth_value: str
    calls: list[Call] = field(default_factory=list)
    fail_next: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def dispatch(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Response:
        url = urlsplit(target)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        body: Any = raw
        if raw and headers.get("content-type", "").startswith("application/json"):
            body = json.loads(raw)
        self.calls.append(Call(method, url.path, query, headers, body))
        if self.fail_next:
            status, extra = self.fail_next.pop(0)
            return status, {"message": "scripted failure"}, extra
        if headers.get(self.auth_header.lower()) != self.auth_value:
            return 401, {"message": "Bad credentials"}, {}
        return self.route(method, url.path, query, body)

    def route(self, method: str, path: str, query: dict[str, str], body: Any) -> Response:
        raise NotImplementedError

    def lines(self) -> list[str]:
        """Request lines since the last call, then forget them."""
        lines = [call.line for call in self.calls]
        self.calls.clear()
        return lines


class _Handler(QuietHandler):
    fake: FakeTracker

    def _any(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {key.lower(): value for key, value in self.headers.items()}
        status, payload, extra = self.fake.dispatch(self.command, self.path, headers, raw)
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        for key, value in extra.items():
            self.send_header(key, value)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _any
    do_PUT = do_PATCH = _any  # noqa: N815 (http.server dispatches to these names)


@contextmanager
def running(fake: FakeTracker) -> Iterator[str]:
    """Serve `fake` on 127.0.0.1; yields its base URL."""
    handler = type("Handler", (_Handler,), {"fake": fake})
    with serving(local_server(handler)) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"


NOT_FOUND: Response = (404, {"message": "Not Found"}, {})


class FakeGitHub(FakeTracker):
    def __init__(self, token: str) -> None:
        super().__init__("Authorization", f"Bearer {token}")
        self.issues: dict[int, dict[str, Any]] = {}
        self.comments: dict[int, list[str]] = {}

    def route(self, method: str, path: str, query: dict[str, str], body: Any) -> Response:
        match = re.fullmatch(r"/repos/shop/web/issues(?:/(\d+))?(/comments)?", path)
        if not match:
            return NOT_FOUND
        number = int(match.group(1)) if match.group(1) else None
        if number is None and method == "GET":
            found = [i for i in self.issues.values() if query["labels"] in [n["name"] for n in i["labels"]]]
            return 200, found, {}
        if number is None and method == "POST":
            number = len(self.issues) + 1
            self.issues[number] = {
                "number": number,
                "state": "open",
                "state_reason": None,
                "html_url": f"https://github.test/shop/web/issues/{number}",
            }
            self._set(number, body)
            return 201, self.issues[number], {}
        if number not in self.issues:
            return NOT_FOUND
        if match.group(2):
            self.comments.setdefault(number, []).append(body["body"])
            return 201, {"id": 1}, {}
        if method == "PATCH":
            self._set(number, body)
        return 200, self.issues[number], {}

    def _set(self, number: int, fields: dict[str, Any]) -> None:
        issue = self.issues[number]
        issue.update({key: value for key, value in fields.items() if key != "labels"})
        if "labels" in fields:
            issue["labels"] = [{"name": name} for name in fields["labels"]]


class FakeJira(FakeTracker):
    """Data Center flavour (bearer PAT, /rest/api/2/search) unless `cloud`."""

    TRANSITIONS = [
        {"id": "31", "name": "Done", "to": {"statusCategory": {"key": "done"}}},
        {"id": "11", "name": "Reopen", "to": {"statusCategory": {"key": "new"}}},
    ]

    def __init__(self, header: str, value: str) -> None:
        super().__init__(header, value)
        self.issues: dict[str, dict[str, Any]] = {}
        self.comments: dict[str, list[str]] = {}
        self.attachments: dict[str, list[bytes]] = {}

    def route(self, method: str, path: str, query: dict[str, str], body: Any) -> Response:
        if path in ("/rest/api/2/search", "/rest/api/3/search/jql"):
            label = re.search(r'labels = "([^"]+)"', query["jql"])
            found = [i for i in self.issues.values() if label and label.group(1) in i["fields"]["labels"]]
            return 200, {"issues": found}, {}
        if path == "/rest/api/2/issue" and method == "POST":
            key = f"SHOP-{len(self.issues) + 1}"
            fields = {**body["fields"], "status": {"statusCategory": {"key": "new"}}, "resolution": None}
            self.issues[key] = {"id": str(len(self.issues) + 10000), "key": key, "fields": fields}
            return 201, {"id": self.issues[key]["id"], "key": key, "self": f"/rest/api/2/issue/{key}"}, {}
        match = re.fullmatch(r"/rest/api/2/issue/(SHOP-\d+)(?:/(comment|transitions|attachments))?", path)
        if not match or match.group(1) not in self.issues:
            return NOT_FOUND
        issue, part = self.issues[match.group(1)], match.group(2)
        if part == "comment":
            self.comments.setdefault(issue["key"], []).append(body["body"])
            return 201, {"id": "1"}, {}
        if part == "attachments":
            self.attachments.setdefault(issue["key"], []).append(body)
            return 200, [{"id": "1"}], {}
        if part == "transitions" and method == "GET":
            return 200, {"transitions": self.TRANSITIONS}, {}
        if part == "transitions":
            done = body["transition"]["id"] == "31"
            issue["fields"]["status"] = {"statusCategory": {"key": "done" if done else "new"}}
            return 204, None, {}
        if method == "PUT":
            issue["fields"].update(body.get("fields", {}))
            for change in body.get("update", {}).get("labels", []):
                issue["fields"]["labels"].append(change["add"])
            return 204, None, {}
        return 200, issue, {}


class FakeRedmine(FakeTracker):
    STATUSES = [
        {"id": 1, "name": "New", "is_closed": False},
        {"id": 5, "name": "Closed", "is_closed": True},
        {"id": 6, "name": "Rejected", "is_closed": True},
    ]

    def __init__(self, key: str) -> None:
        super().__init__("X-Redmine-API-Key", key)
        self.issues: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, list[str]] = {}
        self.uploads: list[bytes] = []

    def status(self, status_id: int) -> dict[str, Any]:
        return next(status for status in self.STATUSES if status["id"] == status_id)

    def route(self, method: str, path: str, query: dict[str, str], body: Any) -> Response:
        if path == "/issue_statuses.json":
            return 200, {"issue_statuses": self.STATUSES}, {}
        if path == "/projects/shop/search.json":
            hits = [
                {"id": number, "type": "issue", "title": issue["subject"]}
                for number, issue in self.issues.items()
                if query["q"] in issue["description"]
            ]
            return 200, {"results": hits, "total_count": len(hits)}, {}
        if path == "/uploads.json":
            self.uploads.append(body)
            return 201, {"upload": {"id": len(self.uploads), "token": f"{len(self.uploads)}.tok"}}, {}
        if path == "/issues.json" and method == "POST":
            number = len(self.issues) + 1
            fields = body["issue"]
            self.issues[number] = {"id": number, "status": self.status(1), **fields}
            return 201, {"issue": self.issues[number]}, {}
        match = re.fullmatch(r"/issues/(\d+)\.json", path)
        if not match or int(match.group(1)) not in self.issues:
            return NOT_FOUND
        number = int(match.group(1))
        issue = self.issues[number]
        if method == "PUT":
            fields = dict(body["issue"])
            if "notes" in fields:
                self.notes.setdefault(number, []).append(fields.pop("notes"))
            if "status_id" in fields:
                issue["status"] = self.status(fields.pop("status_id"))
            issue.update(fields)
            return 204, None, {}
        return 200, {"issue": issue}, {}
