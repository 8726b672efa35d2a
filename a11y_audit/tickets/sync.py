"""The ticket lifecycle: one ticket per issue fingerprint, kept in step with each run.

For every issue at or above the minimum priority:
- no ticket (not in the state, not found in the tracker by fingerprint) -> create it, record
  the mapping at once, attach evidence;
- a ticket labelled won't-fix -> leave it alone (a person decided);
- a closed ticket -> the defect is back: reopen it with a comment, update it;
- an open ticket -> comment when priority or reach changed, update it when its text changed,
  otherwise leave it unchanged (no write at all).
With --close-fixed, open tickets whose issue is no longer found are closed with a comment.
The tracker is asked before anything is created, so neither a lost state file nor a sync that
died between "created" and "recorded" can file a duplicate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from a11y_audit.tickets.content import Ticket, more_urgent, with_priority
from a11y_audit.tickets.markup import render
from a11y_audit.tickets.state import Record, StateStore

__all__ = ["ACTIONS", "Remote", "SyncReport", "Tracker", "content_digest", "mapping_record", "sync"]

ACTIONS = ("created", "updated", "reopened", "closed", "unchanged", "wont-fix", "no-longer-found")


@dataclass(frozen=True, slots=True)
class Remote:
    """A ticket as the tracker has it now."""

    id: str
    url: str
    closed: bool
    wont_fix: bool = False
    labels: tuple[str, ...] = ()


class Tracker(Protocol):
    """What sync needs of a tracker; each adapter maps these onto its API."""

    key: str
    """Names the tracker instance in the state file, e.g. "github:shop/web"."""

    def find(self, fingerprint: str) -> Remote | None:
        """The ticket carrying this fingerprint (label or text), open or closed."""

    def fetch(self, ticket_id: str) -> Remote | None:
        """The ticket by id, or None when it was deleted."""

    def create(self, ticket: Ticket) -> Remote: ...

    def update(self, remote: Remote, ticket: Ticket) -> None:
        """Rewrite title, body, labels and priority; labels people added stay."""

    def comment(self, remote: Remote, text: str) -> None: ...

    def reopen(self, remote: Remote, text: str) -> None: ...

    def close(self, remote: Remote, text: str) -> None: ...

    def attach(self, remote: Remote, path: Path) -> None:
        """Attach an evidence file, or do nothing where the tracker has no attachments."""


@dataclass(slots=True)
class SyncReport:
    """Per action, one line per ticket: 'ID  PRIORITY  title' (or the fingerprint when not filed)."""

    dry_run: bool = False
    lines: dict[str, list[str]] = field(default_factory=lambda: {action: [] for action in ACTIONS})

    def add(self, action: str, line: str) -> None:
        self.lines[action].append(line)

    def counts(self) -> dict[str, int]:
        return {action: len(lines) for action, lines in self.lines.items()}


def content_digest(ticket: Ticket) -> str:
    """Digest of everything sync writes, so an unchanged issue causes no tracker write."""
    text = "\n".join(
        (ticket.title, ticket.priority, ",".join(ticket.labels), render(ticket.body, "markdown"))
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sync(
    tickets: Sequence[Ticket],
    found: Iterable[str],
    tracker: Tracker,
    state: StateStore,
    *,
    run: str,
    dry_run: bool = False,
    close_fixed: bool = False,
) -> SyncReport:
    """Bring the tracker in line with one run; `found` is every fingerprint in the results (also
    those below the minimum priority, which are not fixed), `run` names the run in comments."""
    report = SyncReport(dry_run=dry_run)
    for ticket in tickets:
        _sync_one(ticket, tracker, state, report, run=run, dry_run=dry_run)
    still_found = set(found) | {ticket.fingerprint for ticket in tickets}
    for record in state.records(tracker.key):
        if record.status == "open" and record.fingerprint not in still_found:
            _gone(record, tracker, state, report, run=run, dry_run=dry_run, close_fixed=close_fixed)
    return report


def _sync_one(
    ticket: Ticket, tracker: Tracker, state: StateStore, report: SyncReport, *, run: str, dry_run: bool
) -> None:
    record = state.get(tracker.key, ticket.fingerprint)
    floor = record.floor if record else ""
    if more_urgent(floor, ticket.priority):  # a customer was blocked: never lower it again
        ticket = with_priority(ticket, floor)
    remote = tracker.fetch(record.ticket_id) if record else None
    if remote is None:
        remote = tracker.find(ticket.fingerprint)
    digest = content_digest(ticket)
    line = f"{ticket.priority}  {ticket.title}"
    if remote is None:
        if dry_run:
            report.add("created", f"(new)  {line}")
            return
        remote = tracker.create(ticket)
        state.put(mapping_record(tracker, ticket, remote, "open", digest, floor))
        for path in ticket.evidence:
            tracker.attach(remote, path)
        report.add("created", f"{remote.id}  {line}")
        return
    line = f"{remote.id}  {line}"
    if remote.wont_fix:
        report.add("wont-fix", line)
        state.put(
            mapping_record(tracker, ticket, remote, "wont-fix", record.content if record else "", floor)
        )
        return
    changes = _changes(record, ticket)
    if remote.closed:
        if not dry_run:
            tracker.reopen(remote, f"The defect was found again by the run of {run}.{changes}")
            tracker.update(remote, ticket)
        report.add("reopened", line)
    elif record is None or record.content != digest or changes:
        if not dry_run:
            if changes:
                tracker.comment(remote, f"The run of {run} changed this issue.{changes}")
            tracker.update(remote, ticket)
        report.add("updated", line)
    else:
        report.add("unchanged", line)
    state.put(mapping_record(tracker, ticket, remote, "open", digest, floor))


def _changes(record: Record | None, ticket: Ticket) -> str:
    """' Priority P3 → P2. Reach 1 page(s) ... → 25 page(s) ...' or '' (nothing to comment)."""
    if record is None:
        return ""
    words = ""
    if record.priority != ticket.priority:
        words += f" Priority {record.priority} → {ticket.priority} ({ticket.priority_name})."
    if record.reach != ticket.reach:
        words += f" Reach {record.reach} → {ticket.reach}."
    return words


def _gone(
    record: Record,
    tracker: Tracker,
    state: StateStore,
    report: SyncReport,
    *,
    run: str,
    dry_run: bool,
    close_fixed: bool,
) -> None:
    line = f"{record.ticket_id}  {record.priority}  {record.fingerprint}"
    if not close_fixed:
        report.add("no-longer-found", line)
        return
    remote = tracker.fetch(record.ticket_id)
    if remote is not None and not remote.closed and not remote.wont_fix:
        if not dry_run:
            tracker.close(
                remote,
                f"Not found by the run of {run}: closing as fixed. "
                "a11y-audit reopens this ticket if the defect returns.",
            )
        report.add("closed", line)
    status = "wont-fix" if remote is not None and remote.wont_fix else "closed"
    state.put(replace(record, status=status))


def mapping_record(
    tracker: Tracker, ticket: Ticket, remote: Remote, status: str, digest: str, floor: str = ""
) -> Record:
    """The state row that maps a ticket's fingerprint to its tracker ticket (also used by intake)."""
    return Record(
        tracker=tracker.key,
        fingerprint=ticket.fingerprint,
        ticket_id=remote.id,
        url=remote.url,
        priority=ticket.priority,
        reach=ticket.reach,
        status=status,
        content=digest,
        floor=floor,
    )
