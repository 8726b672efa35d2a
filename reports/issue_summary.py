"""One summary line per issue that tells issues of the same rule apart, for every format.

On a real store 31 collapsed rows all read "Elements must meet minimum color contrast ratio
thresholds": the rule's title says what is wrong, not where or with what. The line adds what
differs between issues of one rule: the cause they share (the colour pair and ratio of a
contrast failure), the element (its accessible name, or a short selector where it has none),
the templates and the reach. The HTML row, the Markdown table, the CSV, JUnit, SARIF and the
tickets' titles all take it from `summarise`, so one issue reads the same everywhere.

The element and the templates come from the audited pages and are untrusted: every part is
flattened to one line, stripped of control and bidirectional-override characters (which could
reorder what a reader sees) and shortened here; each format escapes the result for its syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from a11y_audit.model import Issue
from a11y_audit.reports.element_name import describe_element
from a11y_audit.reports.text import plain

__all__ = ["IssueSummary", "summarise"]

TITLE_CHARS = 80  # all but three axe-core rule titles fit; longer ones are cut at a word
CAUSE_CHARS = 80
ELEMENT_CHARS = 60
TEMPLATE_CHARS = 40
TEMPLATES_NAMED = 2
"""Templates named in the line; an issue on more says how many."""


@dataclass(frozen=True, slots=True)
class IssueSummary:
    """The parts of an issue's summary line, as plain text (escape them for the format)."""

    title: str
    cause: str | None
    element: str
    """`button "Add to basket"`, `select[name="language"]`, `the page`; "e.g. …" when the
    issue's elements differ (one colour pair painting many links); "" when nothing names it."""
    where: str
    """`/catalogue/*`, `/basket and /checkout`, `10 templates`."""
    reach: str
    """`78 pages, 155 elements`."""

    @property
    def headline(self) -> str:
        """What is wrong and what differs: title, cause, element."""
        return " — ".join(part for part in (self.title, self.cause, self.element) if part)

    @property
    def location(self) -> str:
        """Where and how widely: templates, pages, elements."""
        return " · ".join(part for part in (self.where, self.reach) if part)

    def line(self, *, reach: bool = True) -> str:
        """The whole line; without the reach for a title that should not change with page counts."""
        return " · ".join(part for part in (self.headline, self.where, self.reach if reach else "") if part)


def summarise(issue: Issue) -> IssueSummary:
    """The summary of one issue (pure: reads only the issue)."""
    return IssueSummary(
        title=plain(issue.rule.title or issue.rule.id, TITLE_CHARS),
        cause=plain(issue.cause, CAUSE_CHARS) if issue.cause else None,
        element=_element(issue),
        where=_where(issue.templates),
        reach=_reach(issue),
    )


def _element(issue: Issue) -> str:
    """The first instance's element, with "e.g." when the issue's elements differ.

    Elements grouped by a cause (one colour pair) differ in any way; elements grouped as one
    component differ only when what they say of themselves does (name, `name`, id), since axe
    words one component's selector differently from page to page. Instances with the same
    selector and snippet are one description, so a site-wide component costs one however many
    pages it is on, and a mixed issue stops at its first difference.
    """
    first = issue.instances[0]
    described = describe_element(first.selector, first.snippet)
    seen = {(first.selector, first.snippet)}
    for instance in issue.instances[1:]:
        if (instance.selector, instance.snippet) in seen:
            continue
        seen.add((instance.selector, instance.snippet))
        other = describe_element(instance.selector, instance.snippet)
        if other.text != described.text and (issue.cause or (described.exact and other.exact)):
            return plain(f"e.g. {described.text}", ELEMENT_CHARS)
    return plain(described.text, ELEMENT_CHARS)


def _where(templates: tuple[str, ...]) -> str:
    if not templates:
        return ""
    if len(templates) > TEMPLATES_NAMED:
        return f"{len(templates)} templates"
    return " and ".join(plain(name, TEMPLATE_CHARS) for name in templates)


def _reach(issue: Issue) -> str:
    pages = issue.pages or len({instance.page_url for instance in issue.instances})
    elements = len(issue.instances)
    return f"{pages} page{'s' if pages != 1 else ''}, {elements} element{'s' if elements != 1 else ''}"
