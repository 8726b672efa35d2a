"""Which pages and journeys reproduce a complaint: vetted URLs it names, else its flows' pages.

Only URLs on allowed origins whose address holds no personal data are visited (`safety.vet`,
`Redactor.visitable`); at most MAX_PAGES, since a complaint names a few pages and more is a
crawl, not a reproduction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from a11y_audit.config import Config
from a11y_audit.crawl.journey_spec import Journey
from a11y_audit.intake.redact import Redactor
from a11y_audit.intake.safety import Resolver, Verdict, resolve, vet
from a11y_audit.intake.understand import Understanding

__all__ = ["MAX_PAGES", "Plan", "plan_pages"]

MAX_PAGES = 10


@dataclass(slots=True)
class Plan:
    visit: list[str] = field(default_factory=list)
    not_visited: list[Verdict] = field(default_factory=list)
    journeys: tuple[Journey, ...] = ()
    """The configured journeys of the flows the complaint names: checkout pages, an account
    or a filled bag exist only along them (an empty bag's checkout redirects to the bag)."""

    def why_empty(self, understanding: Understanding) -> str:
        """Why nothing is visited, and what to do about it (the UsageError's words)."""
        flows = ", ".join(understanding.flows)
        hint = (
            f"no [intake] flow_pages for {flows}"
            if flows
            else "no page URL on an allowed origin and no flow named"
        )
        if self.journeys:
            hint = f"journeys for {flows} but no [crawl] start_urls to start them from"
        return (
            f"nothing to visit: {hint} ({len(self.not_visited)} URL(s) not visited); "
            "pass --url with a page of the store, --allow-origin, or configure [intake] flow_pages"
        )


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
    plan.journeys = tuple(j for j in config.journeys.journeys if j.flow in understanding.flows)
    if plan.journeys and not plan.visit and config.start_urls:
        plan.visit.append(config.start_urls[0])  # the journeys' base (and the store's first page)
    return plan
