"""Decide and file: the matched issue's ticket (new, or a "customer reported" comment on the
one it already has), or a needs-triage ticket when nothing reproduced; and the reply support
can paste to the customer. Both cases are a `Draft` (ticket, comment, verdict), filed alike.

A customer blocked on a critical flow is at least P1, like a critical-feature bug. An existing
ticket is found as `tickets sync` finds it (state file, then the tracker by fingerprint), so a
complaint about a known defect never files a duplicate; its priority is raised when the
complaint makes it more urgent, never lowered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

from a11y_audit.intake.match import Match
from a11y_audit.intake.understand import Understanding
from a11y_audit.judge.priority import DEFAULT_FLOWS, Criticality, Flow, PriorityPolicy
from a11y_audit.model import Priority
from a11y_audit.run_result import RunResult
from a11y_audit.tickets.content import (
    PRIORITIES,
    Ticket,
    build_ticket,
    fingerprint_label,
    more_urgent,
    with_priority,
)
from a11y_audit.tickets.markup import Heading, Items, Paragraph, Text
from a11y_audit.tickets.settings import TicketSettings
from a11y_audit.tickets.state import Record, StateStore
from a11y_audit.tickets.sync import Remote, Tracker, content_digest, mapping_record
from a11y_audit.tickets.sync_results import open_tracker, state_path

__all__ = [
    "CUSTOMER_LABEL",
    "Draft",
    "Filed",
    "customer_priority",
    "file_draft",
    "file_ticket",
    "not_reproduced",
    "reply",
    "reproduced",
    "triage_ticket",
]

CUSTOMER_LABEL = "customer-reported"
TRIAGE_LABEL = "needs-triage"
_PRIORITY_WORDS = {"P1": "urgent", "P2": "high", "P3": "medium", "P4": "low"}


@dataclass(frozen=True, slots=True)
class Draft:
    """What intake files: the ticket, the comment for a ticket its fingerprint already has, and
    the line that says whether the complaint reproduced."""

    ticket: Ticket
    comment: str
    verdict: str


@dataclass(frozen=True, slots=True)
class Filed:
    action: str  # "created", "commented", "reopened", or "(dry run) ..." of those
    ticket_id: str
    priority: str
    raised_from: str | None = None  # the ticket's priority before the complaint raised it


def customer_priority(
    priority: str, understanding: Understanding, issue_flow: str | None, flows: tuple[Flow, ...]
) -> str:
    """At least P1 when the customer is blocked on a critical flow (theirs or the issue's)."""
    critical = {flow.name for flow in (*flows, *DEFAULT_FLOWS) if flow.criticality is Criticality.CRITICAL}
    named = {*understanding.flows, *([issue_flow] if issue_flow else [])}
    if understanding.blocked and named & critical:
        return "P1"
    return priority


def _customer_section(
    description: str, understanding: Understanding
) -> tuple[Heading | Paragraph | Items, ...]:
    facts = [
        f"Method: {', '.join(method.label for method in understanding.methods) or 'not said'}",
        f"Flow: {', '.join(understanding.flows) or 'not said'}",
        f"Component: {', '.join(item.label for item in understanding.components) or 'not said'}",
        f"Blocked: {'yes' if understanding.blocked else 'not said'}",
    ]
    return (
        Heading("Customer report (redacted)"),
        Items(tuple((Text(fact),) for fact in facts)),
        Paragraph((Text(description),)),
    )


def reproduced(
    match: Match, run: RunResult, understanding: Understanding, description: str, policy: PriorityPolicy
) -> Draft:
    """The issue's ticket as `tickets sync` builds it, at the customer's priority, with their report."""
    issue = match.issue
    priority = customer_priority(issue.triage.priority.value, understanding, issue.triage.flow, policy.flows)
    ticket = build_ticket(issue, run)
    labels = tuple(label for label in ticket.labels if label not in PRIORITIES)
    ticket = replace(
        ticket,
        priority=priority,
        priority_name=policy.names[Priority(priority)],
        labels=(*labels, priority, CUSTOMER_LABEL),
        body=(*ticket.body, *_customer_section(description, understanding)),
    )
    return Draft(
        ticket,
        f"Customer reported (via support): {description}",
        f"Reproduced: {issue.rule.title} ({'; '.join(match.why)})",
    )


def not_reproduced(
    tried: list[str], understanding: Understanding, description: str, policy: PriorityPolicy
) -> Draft:
    """A needs-triage ticket for a person, P3 unless the customer is blocked on a critical flow."""
    priority = customer_priority("P3", understanding, None, policy.flows)
    ticket = triage_ticket(description, understanding, tried, priority, policy.names[Priority(priority)])
    return Draft(
        ticket,
        f"Customer reported again (via support): {description}",
        "Not reproduced: no finding matches the complaint; filed for a person to triage",
    )


def triage_ticket(
    description: str,
    understanding: Understanding,
    tried: list[str],
    priority: str,
    priority_name: str,
) -> Ticket:
    """Nothing reproduced: a ticket for a person, saying what the customer said and what was tried."""
    fingerprint = hashlib.sha256(f"intake\n{description}".encode()).hexdigest()[:16]
    what = ", ".join(item.label for item in understanding.components) or "the site"
    how = f" with {understanding.methods[0].label}" if understanding.methods else ""
    body = (
        Paragraph(
            (
                Text(
                    "A customer reported an accessibility problem that the automated audit did not reproduce."
                ),
            )
        ),
        *_customer_section(description, understanding),
        Heading("What was tried"),
        Items(tuple((Text(line),) for line in tried) or ((Text("nothing could be audited"),),)),
        Heading("Next step"),
        Paragraph((Text("Reproduce it by hand with the method the customer names, then file the defect."),)),
    )
    return Ticket(
        fingerprint=fingerprint,
        title=f"Needs triage: customer problem with {what}{how}",
        body=body,
        labels=("a11y", TRIAGE_LABEL, CUSTOMER_LABEL, priority, fingerprint_label(fingerprint)),
        priority=priority,
        priority_name=priority_name,
        due=None,
        pages=0,
        templates=(),
        evidence=(),
    )


def file_draft(draft: Draft, settings: TicketSettings, env: Mapping[str, str], *, dry_run: bool) -> Filed:
    """File the draft in the configured tracker, keeping the state file `tickets sync` keeps."""
    tracker = open_tracker(settings, env)
    state = StateStore(state_path(settings), read_only=dry_run)
    try:
        return file_ticket(draft.ticket, draft.comment, tracker, state, dry_run=dry_run)
    finally:
        state.close()


def file_ticket(
    ticket: Ticket,
    comment: str,
    tracker: Tracker,
    state: StateStore,
    *,
    dry_run: bool = False,
) -> Filed:
    """Create the ticket, or comment on (reopen, re-prioritise) the one its fingerprint has."""
    record = state.get(tracker.key, ticket.fingerprint)
    remote = tracker.fetch(record.ticket_id) if record else None
    remote = remote or tracker.find(ticket.fingerprint)
    prefix = "(dry run) " if dry_run else ""
    if remote is None:
        if dry_run:
            return Filed(f"{prefix}created", "(new)", ticket.priority)
        remote = tracker.create(ticket)
        # The customer's priority is a floor that later syncs from audits never lower.
        state.put(mapping_record(tracker, ticket, remote, "open", content_digest(ticket), ticket.priority))
        for path in ticket.evidence:
            tracker.attach(remote, path)
        return Filed("created", remote.id, ticket.priority)
    current = _current_priority(record, remote) or ticket.priority
    raised = more_urgent(ticket.priority, current)
    text = comment + (
        f" Priority raised {current} → {ticket.priority}: a customer is blocked." if raised else ""
    )
    priority = ticket.priority if raised else current
    action = "reopened" if remote.closed and not remote.wont_fix else "commented"
    if not dry_run:
        if action == "reopened":
            tracker.reopen(remote, text)
        else:
            tracker.comment(remote, text)
        updated = with_priority(ticket, priority)
        if raised or action == "reopened":
            tracker.update(remote, updated)
        # The customer's priority becomes a floor that later syncs from audits never lower.
        floor = (
            record.floor
            if record is not None and more_urgent(record.floor, ticket.priority)
            else ticket.priority
        )
        changed = raised or action == "reopened"
        digest = content_digest(updated) if changed or record is None else record.content
        state.put(mapping_record(tracker, updated, remote, "open", digest, floor))
    return Filed(f"{prefix}{action}", remote.id, priority, current if raised else None)


def _current_priority(record: Record | None, remote: Remote) -> str | None:
    if record is not None:
        return record.priority
    return next((label for label in remote.labels if label in PRIORITIES), None)


def reply(understanding: Understanding, filed: Filed, match: Match | None) -> str:
    """Plain words support can paste: what was found, that it is filed, how urgent. No ids, rules or
    URLs; the method is named only when the finding is one its users meet (or for triage)."""
    what = understanding.components[0].label if understanding.components else "the page you described"
    method_shown = match is None or any(reason.startswith("it affects people using") for reason in match.why)
    how = f" when using {understanding.methods[0].label}" if understanding.methods and method_shown else ""
    urgency = _PRIORITY_WORDS.get(filed.priority, "normal")
    if match is None:
        return (
            "Thank you for telling us about this. We could not confirm the problem automatically, so an "
            f"accessibility specialist will check {what}{how} by hand. We have logged it as {urgency} "
            "priority and will let you know what we find."
        )
    known = "commented" in filed.action or "reopened" in filed.action
    first = f"Thank you for telling us about this. We confirmed the problem with {what}{how}." + (
        " Our team already knew about it; we have added your report to their work"
        if known
        else " We have reported it to our development team"
    )
    return f"{first} as {urgency} priority, and we will let you know when it is fixed."
