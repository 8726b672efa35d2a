"""`run_intake`: a complaint -> safe URLs -> audit -> matched findings -> ticket -> reply.

Everything that leaves this module (the outcome's lines, intake.json, tickets) has been through
the complaint's Redactor; the audit sees only vetted URLs (queries holding personal data
dropped). Exit codes: 0 filed or commented, 1 nothing reproduced (needs-triage filed),
2 bad input (UsageError), 3 tool failure (ToolError from the audit or the tracker).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from a11y_audit.api import AuditOutcome, audit
from a11y_audit.config import Config
from a11y_audit.crawl.journey_spec import JourneySettings
from a11y_audit.errors import ToolError, UsageError
from a11y_audit.intake.filing import (
    Filed,
    customer_priority,
    file_ticket,
    reply,
    reproduced_ticket,
    triage_ticket,
    with_report,
)
from a11y_audit.intake.match import Match, match_issues
from a11y_audit.intake.message import Complaint
from a11y_audit.intake.redact import Redactor
from a11y_audit.intake.safety import Resolver, Verdict, origin_of, resolve, vet
from a11y_audit.intake.understand import Understanding, understand
from a11y_audit.model import Priority
from a11y_audit.reports.output import write_atomic
from a11y_audit.run_result import load_results_dict
from a11y_audit.tickets.settings import TicketSettings
from a11y_audit.tickets.state import StateStore
from a11y_audit.tickets.sync_results import open_tracker, state_path

__all__ = ["MAX_PAGES", "IntakeOutcome", "plan_pages", "run_intake"]

MAX_PAGES = 10  # a complaint names a few pages; more is a crawl, not a reproduction
Auditor = Callable[..., AuditOutcome]


@dataclass(frozen=True, slots=True)
class IntakeOutcome:
    exit_code: int
    lines: list[str]  # redacted, for stdout (also given to on_line as they happen)
    reply: str
    report_path: Path


@dataclass(slots=True)
class Plan:
    visit: list[str] = field(default_factory=list)
    not_visited: list[Verdict] = field(default_factory=list)
    journeys: JourneySettings = field(default_factory=JourneySettings)
    """The configured journeys of the flows the complaint names: checkout pages, an account
    or a filled bag exist only along them (an empty bag's checkout redirects to the bag)."""


def plan_pages(
    understanding: Understanding,
    config: Config,
    allow_origins: tuple[str, ...],
    redactor: Redactor,
    resolver: Resolver = resolve,
) -> Plan:
    """Vetted URLs from the complaint; with none, the named flows' [intake] flow_pages; and the
    named flows' journeys (with no page to visit, they start from the first start URL)."""
    allowed = (*config.allowed_origins, *config.start_urls, *allow_origins)
    plan = Plan()

    def consider(url: str) -> None:
        verdict = vet(url, allowed, private_origins=config.intake.private_origins, resolver=resolver)
        if verdict.visit:
            clean = redactor.visitable(url)
            verdict = (
                Verdict(url, False, "its address holds personal data")
                if clean is None
                else Verdict(clean, True)
            )
        if not verdict.visit:
            plan.not_visited.append(verdict)
        elif verdict.url not in plan.visit and len(plan.visit) < MAX_PAGES:
            plan.visit.append(verdict.url)

    for url in understanding.urls:
        consider(url)
    if not plan.visit:
        for flow in understanding.flows:
            for url in config.intake.pages_for(flow):
                consider(url)
    plan.journeys = replace(
        config.journeys,
        journeys=tuple(j for j in config.journeys.journeys if j.flow in understanding.flows),
        crawl_as=None,
    )
    if plan.journeys.journeys and not plan.visit and config.start_urls:
        plan.visit.append(config.start_urls[0])  # the journeys' base (and the store's first page)
    return plan


def run_intake(
    complaint: Complaint,
    config: Config,
    tickets: TicketSettings,
    output: Path,
    *,
    allow_origins: tuple[str, ...] = (),
    raw: bytes | None = None,
    dry_run: bool = False,
    env: Mapping[str, str] = os.environ,
    resolver: Resolver = resolve,
    auditor: Auditor = audit,
    on_line: Callable[[str], None] | None = None,
) -> IntakeOutcome:
    redactor = Redactor(people=complaint.people, order=config.intake.order_number)
    understanding = understand(f"{complaint.subject}\n{complaint.text}", complaint.links)
    description = redactor(complaint.description or complaint.text)
    plan = plan_pages(understanding, config, allow_origins, redactor, resolver)
    lines: list[str] = []

    def say(line: str) -> None:
        """Each line is also passed on at once, so refusals are shown before an error."""
        lines.append(line)
        if on_line is not None:
            on_line(line)

    say(_understood(understanding))
    for item in plan.not_visited:
        say(f"Not visited: {redactor.url(item.url)} ({item.reason})")
    if not plan.visit:
        flows = ", ".join(understanding.flows)
        hint = (
            f"no [intake] flow_pages for {flows}"
            if flows
            else "no page URL on an allowed origin and no flow named"
        )
        if plan.journeys.journeys:
            hint = f"journeys for {flows} but no [crawl] start_urls to start them from"
        raise UsageError(
            f"nothing to visit: {hint} ({len(plan.not_visited)} URL(s) not visited); "
            "pass --url with a page of the store, --allow-origin, or configure [intake] flow_pages"
        )
    _keep_original(config, raw, complaint)
    visited_origins = tuple(origin for url in plan.visit if (origin := origin_of(url)))
    audit_config = replace(
        config.with_overrides(start_urls=tuple(plan.visit), max_pages=len(plan.visit)),
        sitemaps=(),
        # Journeys may cross to origins the config allows (a payment provider's frame).
        allowed_origins=tuple(
            dict.fromkeys(visited_origins + (config.allowed_origins if plan.journeys.journeys else ()))
        ),
        journeys=plan.journeys,
    )
    outcome = auditor(audit_config, output, follow_links=False)
    results = load_results_dict(outcome.results_path)
    for url in plan.visit:
        say(f"Visited: {url}")
    for journey in plan.journeys.journeys:
        states = [p["state"] for p in results["pages"] if p.get("journey") == journey.name and p.get("state")]
        say(f"Journey {journey.name} ({journey.flow}): audited {', '.join(states) or 'no state'}")
    matches = match_issues(results["issues"], understanding)
    names = config.priority_policy().names
    tracker = open_tracker(tickets, env)
    state = StateStore(state_path(tickets), read_only=dry_run)
    try:
        if matches:
            best = matches[0]
            priority = customer_priority(
                str(best.issue.get("priority", "P3")), understanding, best.issue.get("flow"), config.flows
            )
            ticket = with_report(
                reproduced_ticket(
                    best,
                    results,
                    outcome.results_path.parent,
                    priority,
                    names[Priority(priority)],
                    description,
                ),
                description,
                understanding,
            )
            filed = file_ticket(
                ticket, f"Customer reported (via support): {description}", tracker, state, dry_run=dry_run
            )
            say(f"Reproduced: {best.issue.get('title')} ({'; '.join(best.why)})")
        else:
            tried = [f"audited {url} with the full check suite" for url in plan.visit]
            tried += [f"ran the {journey.name} journey" for journey in plan.journeys.journeys]
            tried.append(f"{len(results['issues'])} issue(s) found, none about what the customer describes")
            priority = customer_priority("P3", understanding, None, config.flows)
            ticket = triage_ticket(description, understanding, tried, priority, names[Priority(priority)])
            filed = file_ticket(
                ticket,
                f"Customer reported again (via support): {description}",
                tracker,
                state,
                dry_run=dry_run,
            )
            say("Not reproduced: no finding matches the complaint; filed for a person to triage")
    finally:
        state.close()
    say(_filed_line(filed))
    text = reply(understanding, filed, matches[0] if matches else None)
    report_path = _write_report(output, understanding, plan, matches, filed, text, redactor)
    return IntakeOutcome(0 if matches else 1, lines, text, report_path)


def _understood(understanding: Understanding) -> str:
    return (
        "Understood: method "
        + (", ".join(method.id for method in understanding.methods) or "not said")
        + "; flow "
        + (", ".join(understanding.flows) or "not said")
        + "; component "
        + (", ".join(item.id for item in understanding.components) or "not said")
        + ("; blocked" if understanding.blocked else "")
    )


def _filed_line(filed: Filed) -> str:
    raised = f" (raised from {filed.raised_from})" if filed.raised_from else ""
    return f"Ticket: {filed.action} {filed.ticket_id} {filed.priority}{raised}"


def _keep_original(config: Config, raw: bytes | None, complaint: Complaint) -> None:
    """Only into the private store the config names, readable by its owner alone."""
    folder = config.intake.keep_originals
    if not folder:
        return
    data = raw if raw is not None else complaint.text.encode("utf-8")
    path = Path(folder) / f"{hashlib.sha256(data).hexdigest()[:16]}.eml"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise ToolError(
            f"cannot keep the original in {folder}: {error.strerror or error}; check [intake] keep_originals"
        ) from error


def _write_report(
    output: Path,
    understanding: Understanding,
    plan: Plan,
    matches: list[Match],
    filed: Filed,
    text: str,
    redactor: Redactor,
) -> Path:
    """intake.json beside results.json: what was understood, visited, matched and filed (redacted)."""
    data: dict[str, Any] = {
        "methods": [method.id for method in understanding.methods],
        "flows": list(understanding.flows),
        "components": [item.id for item in understanding.components],
        "blocked": understanding.blocked,
        "visited": plan.visit,
        "journeys": [journey.name for journey in plan.journeys.journeys],
        "not_visited": [{"url": redactor.url(item.url), "reason": item.reason} for item in plan.not_visited],
        "matches": [
            {
                "fingerprint": match.issue.get("fingerprint"),
                "rule": match.issue.get("rule"),
                "title": match.issue.get("title"),
                "score": match.score,
                "why": list(match.why),
            }
            for match in matches[:10]
        ],
        "ticket": {
            "action": filed.action,
            "id": filed.ticket_id,
            "priority": filed.priority,
            "raised_from": filed.raised_from,
        },
        "reply": text,
    }
    return write_atomic(output / "intake.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
