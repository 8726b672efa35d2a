"""Plain data types shared by every stage: pages, findings, issues. No browser, no I/O."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = [
    "Finding",
    "Impact",
    "Instance",
    "Issue",
    "JsonObject",
    "Outcome",
    "PageRecord",
    "Priority",
    "RuleMeta",
    "Source",
    "Triage",
    "journey_of",
    "state_url",
]

JsonObject = dict[str, Any]
"""A JSON object exactly as read from or written to a file or a wire (results.json, run.json,
a baseline, a config table, axe-core's output, a tracker's API). Only the edges that parse or
serialise hold one; everything between them works on the typed data of this module."""


class Impact(StrEnum):
    """User impact, on axe-core's four-step scale (so axe and our checks share one axis)."""

    CRITICAL = "critical"
    SERIOUS = "serious"
    MODERATE = "moderate"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        """Higher is worse; used for sorting and for the worst impact of a group."""
        return _IMPACT_RANK[self]

    @classmethod
    def parse(cls, value: str | None, default: Impact) -> Impact:
        """axe reports `null` impact for some incomplete results; fall back to the rule's."""
        try:
            return cls(value) if value else default
        except ValueError:
            return default


_IMPACT_RANK = {Impact.MINOR: 1, Impact.MODERATE: 2, Impact.SERIOUS: 3, Impact.CRITICAL: 4}


class Outcome(StrEnum):
    """W3C EARL outcomes, as ACT rules, axe-core and Alfa use them."""

    FAILED = "failed"
    CANT_TELL = "cantTell"
    PASSED = "passed"
    INAPPLICABLE = "inapplicable"


class Priority(StrEnum):
    """Bug-tracker priority, P1 (fix now, like a broken checkout) to P4 (backlog)."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"

    @property
    def rank(self) -> int:
        """1 is most urgent: sort key, and the step arithmetic of the priority policy."""
        return int(self.value[1])

    @classmethod
    def of_rank(cls, rank: int) -> Priority:
        """The priority with this rank (1..4)."""
        return cls(f"P{rank}")


class Source(StrEnum):
    """Who judged: axe-core in the browser, or a11y-audit's own checks in Python."""

    AXE = "axe"
    A11Y_AUDIT = "a11y-audit"


@dataclass(frozen=True, slots=True)
class PageRecord:
    """What happened when one URL was visited: the row of `pages` in results.json."""

    url: str
    final_url: str | None = None
    status: int | None = None
    title: str | None = None
    lang: str | None = None
    content_type: str | None = None
    template: str | None = None
    template_source: str | None = None
    """How the template was decided (a11y_audit.judge.dom_templates): "configured" (a [templates]
    pattern), "dom" (the page's structure; named at evaluation), "url" (its URL's shape, when
    there was no DOM); None on journey states and runs before it was recorded."""
    depth: int = 0
    source: str | None = None
    error: str | None = None
    skipped: str | None = None
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    artifacts: dict[str, str] = field(default_factory=dict)
    links: tuple[str, ...] = ()
    state: str | None = None
    """For a journey state: its name (the `audit` step); None for crawled pages."""
    journey: str | None = None
    flow: str | None = None
    """The journey's flow: it wins over the flow the URL would give (a11y_audit.judge.evaluation)."""
    page_type: str | None = None
    """What kind of store page it showed (a11y_audit.judge.page_types), set when judged."""
    page_type_signals: tuple[str, ...] = ()
    """Why it is that kind: the evidence read from the page."""

    @property
    def audited(self) -> bool:
        """Audited: gathered without a fatal error and not skipped (non-HTML, off-scope)."""
        return self.error is None and self.skipped is None

    def to_json(self) -> JsonObject:
        """Serialise for results.json and the resume journal (links kept for resume only)."""
        return {
            "url": self.url,
            "final_url": self.final_url,
            "status": self.status,
            "title": self.title,
            "lang": self.lang,
            "content_type": self.content_type,
            "template": self.template,
            "depth": self.depth,
            "source": self.source,
            "error": self.error,
            "skipped": self.skipped,
            "warnings": list(self.warnings),
            "timings": dict(self.timings),
            "artifacts": dict(self.artifacts),
            "links": list(self.links),
            # Journey keys only on journey states, so crawled pages' rows stay as they were.
            **{key: value for key, value in self._journey_fields().items() if value is not None},
            **({"template_source": self.template_source} if self.template_source is not None else {}),
            **(
                {"page_type": self.page_type, "page_type_signals": list(self.page_type_signals)}
                if self.page_type is not None
                else {}
            ),
        }

    def _journey_fields(self) -> dict[str, str | None]:
        return {"state": self.state, "journey": self.journey, "flow": self.flow}

    @classmethod
    def from_json(cls, data: JsonObject) -> PageRecord:
        """Inverse of to_json, for resume and for evaluating saved artifacts."""
        return cls(
            url=data["url"],
            final_url=data.get("final_url"),
            status=data.get("status"),
            title=data.get("title"),
            lang=data.get("lang"),
            content_type=data.get("content_type"),
            template=data.get("template"),
            template_source=data.get("template_source"),
            depth=data.get("depth", 0),
            source=data.get("source"),
            error=data.get("error"),
            skipped=data.get("skipped"),
            warnings=tuple(data.get("warnings", ())),
            timings=dict(data.get("timings", {})),
            artifacts=dict(data.get("artifacts", {})),
            links=tuple(data.get("links", ())),
            state=data.get("state"),
            journey=data.get("journey"),
            flow=data.get("flow"),
            page_type=data.get("page_type"),
            page_type_signals=tuple(data.get("page_type_signals", ())),
        )


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """What a rule tests, shared by all its findings: identity, WCAG criteria and help."""

    id: str
    source: Source
    title: str
    description: str
    help_url: str
    wcag: tuple[str, ...]
    level: str | None


@dataclass(frozen=True, slots=True)
class Instance:
    """Where an issue shows: the page, the element and what was wrong with it there."""

    page_url: str
    selector: str
    target: tuple[Any, ...]
    snippet: str
    message: str

    def to_json(self) -> JsonObject:
        """Serialise for results.json."""
        return {
            "page_url": self.page_url,
            "selector": self.selector,
            "target": list(self.target),
            "snippet": self.snippet,
            "message": self.message,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Instance:
        """Inverse of to_json, for results read back from disk."""
        return cls(
            page_url=data["page_url"],
            selector=data.get("selector", ""),
            target=tuple(data.get("target", ())),
            snippet=data.get("snippet", ""),
            message=data.get("message", ""),
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One outcome (failed or cantTell) of one rule on one element of one page."""

    rule: RuleMeta
    outcome: Outcome
    impact: Impact
    where: Instance
    cause: str | None = None
    """The root cause in words when it is not the element itself: the colour pair a text's
    contrast fails with is one CSS value, whatever element and page it paints, so findings
    with one cause are one issue (a11y_audit.judge.grouping)."""


@dataclass(frozen=True, slots=True)
class Triage:
    """How urgent an issue is and why: the output of a11y_audit.judge.priority for one issue."""

    priority: Priority
    priority_name: str
    reasons: tuple[str, ...]
    due: date | None
    """None only for issues read from hand-written results without a due date."""
    flow: str
    blocker: bool


@dataclass(frozen=True, slots=True)
class Issue:
    """Findings that share a fingerprint: the unit of report rows, tickets and the CI gate."""

    fingerprint: str
    defect_key: str | None
    """The fingerprint without the outcome: one element and rule, failed or needs review
    (None only in results written before 1.4.0)."""
    rule: RuleMeta
    outcome: Outcome
    impact: Impact
    instances: tuple[Instance, ...]
    pages: int
    templates: tuple[str, ...]
    triage: Triage
    cause: str | None = None
    """What all its instances share when that is not one component (see Finding.cause)."""

    def to_json(self) -> JsonObject:
        """Serialise for results.json (names are a documented contract: keep them)."""
        key = {} if self.defect_key is None else {"defect_key": self.defect_key}
        return {
            "fingerprint": self.fingerprint,
            **key,
            "rule": self.rule.id,
            "source": self.rule.source.value,
            "outcome": self.outcome.value,
            "impact": self.impact.value,
            "wcag": list(self.rule.wcag),
            "level": self.rule.level,
            "title": self.rule.title,
            "description": self.rule.description,
            "help_url": self.rule.help_url,
            "instances": [instance.to_json() for instance in self.instances],
            "priority": self.triage.priority.value,
            "priority_name": self.triage.priority_name,
            "reasons": list(self.triage.reasons),
            "due": self.triage.due.isoformat() if self.triage.due else None,
            "flow": self.triage.flow,
            "blocker": self.triage.blocker,
            "pages": self.pages,
            "templates": list(self.templates),
            **({} if self.cause is None else {"cause": self.cause}),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Issue:
        """Inverse of to_json: results.json's issue rows become issues again, so everything
        after evaluation (gate, reports, tickets, intake) works on one typed model."""
        rule = RuleMeta(
            id=data["rule"],
            source=Source(data["source"]),
            title=data.get("title") or data["rule"],
            description=data.get("description") or "",
            help_url=data.get("help_url") or "",
            wcag=tuple(data["wcag"]),
            level=data.get("level"),
        )
        triage = Triage(
            priority=Priority(data["priority"]),
            priority_name=data.get("priority_name") or "",
            reasons=tuple(data.get("reasons", ())),
            due=date.fromisoformat(data["due"]) if data.get("due") else None,
            flow=data.get("flow") or "",
            blocker=bool(data.get("blocker", False)),
        )
        return cls(
            fingerprint=data["fingerprint"],
            defect_key=data.get("defect_key"),
            rule=rule,
            outcome=Outcome(data["outcome"]),
            impact=Impact(data["impact"]),
            instances=tuple(Instance.from_json(instance) for instance in data["instances"]),
            pages=data.get("pages", 0),
            templates=tuple(data.get("templates", ())),
            triage=triage,
            cause=data.get("cause"),
        )


def state_url(page_url: str, journey: str, label: str) -> str:
    """The results URL of a journey state: the page's address plus a fragment naming the state.

    A state is not its URL (an open dialog, a filled bag), so the fragment keeps it apart from
    the crawled page at the same address: its own artifacts folder, its own row everywhere.
    """
    return f"{page_url.split('#', 1)[0]}#journey={journey}&state={label}"


def journey_of(url: str) -> str | None:
    """The journey a results URL is a state of (see state_url), or None for a crawled page."""
    _, _, fragment = url.partition("#")
    if not fragment.startswith("journey="):
        return None
    return fragment[len("journey=") :].rsplit("&state=", 1)[0] or None


def fingerprint(*parts: str) -> str:
    """Stable short hash of the parts that define an issue's identity."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]
