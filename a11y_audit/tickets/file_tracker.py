"""The offline tracker: one Markdown file (to read) and one JSON file (the record) per ticket.

The JSON file is the ticket: its `status` ("open"/"closed") and `labels` may be edited by hand
(close a ticket, add the won't-fix label) and sync honours them like a real tracker's; the
Markdown file is regenerated from it on every write. Evidence is copied next to them, so the
folder is self-contained (commit it, attach it to a pull request, zip it for a vendor).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from a11y_audit.errors import UsageError
from a11y_audit.model import JsonObject
from a11y_audit.tickets.content import Ticket, is_managed_label
from a11y_audit.tickets.markup import Code, Heading, Paragraph, Text, render
from a11y_audit.tickets.sync import Remote

__all__ = ["FileTracker"]

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_FILE_NAME = re.compile(r"^[\w.-]+$")  # linked as is; anything else is shown as code


class FileTracker:
    """Tickets as files in `folder`; the ticket id is the issue fingerprint."""

    def __init__(self, folder: Path, *, wont_fix_label: str = "wontfix") -> None:
        self.folder = folder
        self.wont_fix_label = wont_fix_label
        self.key = f"file:{folder.resolve()}"

    def _json_path(self, ticket_id: str) -> Path:
        if not _FINGERPRINT.match(ticket_id):
            raise UsageError(f"'{ticket_id}' is not a file ticket id (16 hex digits); check the state file")
        return self.folder / f"{ticket_id}.json"

    def _read(self, ticket_id: str) -> JsonObject | None:
        path = self._json_path(ticket_id)
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise UsageError(f"cannot read ticket {path}: {error} — fix or delete the file") from error
        if not isinstance(data, dict):
            raise UsageError(f"ticket {path} is not a JSON object — fix or delete the file")
        return data

    def _remote(self, data: JsonObject) -> Remote:
        labels = tuple(str(label) for label in data.get("labels", ()))
        return Remote(
            id=str(data["id"]),
            url=str(self._json_path(str(data["id"])).with_suffix(".md")),
            closed=data.get("status") == "closed",
            wont_fix=self.wont_fix_label in labels,
            labels=labels,
        )

    def _write(self, data: JsonObject) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._json_path(str(data["id"]))
        for target, text in (
            (path, json.dumps(data, indent=2, ensure_ascii=False) + "\n"),
            (path.with_suffix(".md"), _markdown(data)),
        ):
            temporary = target.with_name(target.name + ".tmp")
            temporary.write_text(text, "utf-8")
            temporary.replace(target)

    def find(self, fingerprint: str) -> Remote | None:
        return self.fetch(fingerprint)

    def fetch(self, ticket_id: str) -> Remote | None:
        data = self._read(ticket_id)
        return self._remote(data) if data else None

    def create(self, ticket: Ticket) -> Remote:
        data = {"id": ticket.fingerprint, "status": "open", "labels": [], "comments": [], "evidence": []}
        self._write(_with_ticket(data, ticket))
        return self._remote(data)

    def update(self, remote: Remote, ticket: Ticket) -> None:
        self._write(_with_ticket(self._existing(remote), ticket))

    def comment(self, remote: Remote, text: str) -> None:
        data = self._existing(remote)
        data["comments"] = [*data.get("comments", []), text]
        self._write(data)

    def reopen(self, remote: Remote, text: str) -> None:
        self._set_status(remote, "open", text)

    def close(self, remote: Remote, text: str) -> None:
        self._set_status(remote, "closed", text)

    def attach(self, remote: Remote, path: Path) -> None:
        data = self._existing(remote)
        target = self.folder / f"{remote.id}-{path.name}"
        shutil.copyfile(path, target)
        data["evidence"] = sorted({*data.get("evidence", []), target.name})
        self._write(data)

    def _set_status(self, remote: Remote, status: str, text: str) -> None:
        data = self._existing(remote)
        data["status"] = status
        data["comments"] = [*data.get("comments", []), text]
        self._write(data)

    def _existing(self, remote: Remote) -> JsonObject:
        data = self._read(remote.id)
        if data is None:
            raise UsageError(f"ticket {self._json_path(remote.id)} disappeared during the sync; sync again")
        return data


def _with_ticket(data: JsonObject, ticket: Ticket) -> JsonObject:
    """Our fields rewritten; status, comments, evidence and labels people added are kept."""
    kept = [label for label in data.get("labels", []) if not is_managed_label(str(label))]
    data.update(
        title=ticket.title,
        fingerprint=ticket.fingerprint,
        labels=[*ticket.labels, *kept],
        priority=ticket.priority,
        priority_name=ticket.priority_name,
        due=ticket.due,
        pages=ticket.pages,
        templates=list(ticket.templates),
        body=render(ticket.body, "markdown"),
    )
    return data


def _markdown(data: JsonObject) -> str:
    """The readable ticket: title, status line, body, comments (page content escaped)."""
    head = render(
        (
            Paragraph(
                (Text(f"Status: {data.get('status')} · {data.get('priority')} {data.get('priority_name')}"),)
            ),
            Paragraph((Text("Labels: " + ", ".join(data.get("labels", []))),)),
        ),
        "markdown",
    )
    title = render((Paragraph((Text(str(data.get("title", ""))),)),), "markdown")
    evidence = "".join(
        f"- [{name}]({name})\n"
        if _FILE_NAME.match(name)
        else f"- {render((Paragraph((Code(name),)),), 'markdown')}"
        for name in map(str, data.get("evidence", []))
    )
    comments = render(
        (Heading("Comments"), *(Paragraph((Text(str(text)),)) for text in data.get("comments", []))),
        "markdown",
    )
    return (
        f"# {title.strip()}\n\n{head}\n{data.get('body', '')}\n"
        + (f"### Attachments\n\n{evidence}\n" if evidence else "")
        + (comments if data.get("comments") else "")
    )
