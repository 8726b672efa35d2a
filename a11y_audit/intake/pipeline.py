"""`run_intake`: understand → reproduce → match → file → reply, one named step each.

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

from a11y_audit.api import AuditOutcome, audit
from a11y_audit.config import Config
from a11y_audit.errors import ToolError, UsageError
from a11y_audit.intake.filing import Draft, Filed, file_draft, not_reproduced, reply, reproduced
from a11y_audit.intake.match import Match, match_issues
from a11y_audit.intake.message import Complaint
from a11y_audit.intake.plan import Plan, plan_pages
from a11y_audit.intake.redact import Redactor
from a11y_audit.intake.safety import Resolver, origin_of, resolve
from a11y_audit.intake.understand import Understanding, understand
from a11y_audit.judge.priority import PriorityPolicy
from a11y_audit.model import JsonObject
from a11y_audit.reports.output import write_atomic
from a11y_audit.run_result import RunResult
from a11y_audit.tickets.settings import TicketSettings

__all__ = ["IntakeOutcome", "run_intake"]

Auditor = Callable[..., AuditOutcome]
"""api.audit, or a stand-in with its signature (tests replay saved results)."""


@dataclass(frozen=True, slots=True)
class IntakeOutcome:
    exit_code: int
    lines: list[str]  # redacted, for stdout (also given to on_line as they happen)
    reply: str
    report_path: Path


@dataclass(frozen=True, slots=True)
class Case:
    """The complaint understood: what it says, its words redacted, and what reproduces it."""

    understanding: Understanding
    description: str
    redactor: Redactor
    plan: Plan


@dataclass(slots=True)
class Transcript:
    """The lines intake shows; each is also passed on at once, so refusals show before an error."""

    on_line: Callable[[str], None] | None = None
    lines: list[str] = field(default_factory=list)

    def __call__(self, line: str) -> None:
        self.lines.append(line)
        if self.on_line is not None:
            self.on_line(line)


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
    """Reproduce a complaint and file it; the original is kept only where the config says."""
    say = Transcript(on_line)
    case = _understand_complaint(complaint, config, allow_origins, resolver, say)
    _keep_original(config, raw, complaint)
    run = _reproduce(case.plan, config, output, auditor, say)
    matches = match_issues(run.issues, case.understanding)
    draft = _draft(case, run, matches, config.priority_policy())
    filed = file_draft(draft, tickets, env, dry_run=dry_run)
    say(draft.verdict)
    say(_filed_line(filed))
    text = reply(case.understanding, filed, matches[0] if matches else None)
    report_path = _write_report(output, case, matches, filed, text)
    return IntakeOutcome(0 if matches else 1, say.lines, text, report_path)


def _understand_complaint(
    complaint: Complaint,
    config: Config,
    allow_origins: tuple[str, ...],
    resolver: Resolver,
    say: Transcript,
) -> Case:
    """What the complaint says, in redacted words, and the pages to visit; say what was
    understood and refused, and stop (UsageError) when nothing is left to visit."""
    redactor = Redactor(people=complaint.people, order=config.intake.order_number)
    understanding = understand(f"{complaint.subject}\n{complaint.text}", complaint.links)
    description = redactor(complaint.description or complaint.text)
    plan = plan_pages(understanding, config, allow_origins, redactor, resolver)
    say(_understood(understanding))
    for item in plan.not_visited:
        say(f"Not visited: {redactor.url(item.url)} ({item.reason})")
    if not plan.visit:
        raise UsageError(plan.why_empty(understanding))
    return Case(understanding, description, redactor, plan)


def _reproduce(plan: Plan, config: Config, output: Path, auditor: Auditor, say: Transcript) -> RunResult:
    """Audit exactly the planned pages and journeys, following no links; say what ran."""
    run = auditor(_audit_config(plan, config), output, follow_links=False).result
    for url in plan.visit:
        say(f"Visited: {url}")
    for journey in plan.journeys:
        states = [page.state for page in run.pages if page.journey == journey.name and page.state]
        say(f"Journey {journey.name} ({journey.flow}): audited {', '.join(states) or 'no state'}")
    return run


def _audit_config(plan: Plan, config: Config) -> Config:
    """The config narrowed to the plan, signed out (crawl_as does not sign a reproduction in),
    on the visited pages' origins and, while journeys run, the configured ones too (a journey
    may cross to a payment provider's frame)."""
    names = [journey.name for journey in plan.journeys]
    narrowed = config.for_pages(plan.visit, journeys=names, sign_in=False)
    visited = tuple(origin for url in plan.visit if (origin := origin_of(url)))
    crossed = config.allowed_origins if plan.journeys else ()
    return replace(narrowed, allowed_origins=tuple(dict.fromkeys(visited + crossed)))


def _draft(case: Case, run: RunResult, matches: list[Match], policy: PriorityPolicy) -> Draft:
    """The best match's ticket, or with none a needs-triage ticket saying what was tried."""
    if matches:
        return reproduced(matches[0], run, case.understanding, case.description, policy)
    tried = [f"audited {url} with the full check suite" for url in case.plan.visit]
    tried += [f"ran the {journey.name} journey" for journey in case.plan.journeys]
    tried.append(f"{len(run.issues)} issue(s) found, none about what the customer describes")
    return not_reproduced(tried, case.understanding, case.description, policy)


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


def _write_report(output: Path, case: Case, matches: list[Match], filed: Filed, text: str) -> Path:
    """intake.json beside results.json: what was understood, visited, matched and filed (redacted)."""
    understanding, plan, redactor = case.understanding, case.plan, case.redactor
    data: JsonObject = {
        "methods": [method.id for method in understanding.methods],
        "flows": list(understanding.flows),
        "components": [item.id for item in understanding.components],
        "blocked": understanding.blocked,
        "visited": plan.visit,
        "journeys": [journey.name for journey in plan.journeys],
        "not_visited": [{"url": redactor.url(item.url), "reason": item.reason} for item in plan.not_visited],
        "matches": [
            {
                "fingerprint": match.issue.fingerprint,
                "rule": match.issue.rule.id,
                "title": match.issue.rule.title,
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
