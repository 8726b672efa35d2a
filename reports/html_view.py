"""What the HTML report shows, built from a run: the charts, then the issues most urgent first
(reports/urgency.py) with their summary lines and the page, template and criterion facets its
filters read, then the reference tables.

The Jinja template (templates/report.html.j2) only lays these out; every choice of order,
grouping and bound is made here, in typed Python.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from a11y_audit.judge.coverage import conformance
from a11y_audit.judge.page_templates import template_for
from a11y_audit.model import Impact, Instance, Issue, Outcome
from a11y_audit.reports.html_charts import charts
from a11y_audit.reports.issue_summary import IssueSummary, summarise
from a11y_audit.reports.trend import PRIORITIES
from a11y_audit.reports.urgency import most_urgent_first
from a11y_audit.run_result import RunResult
from a11y_audit.wcag import criterion

__all__ = ["ELEMENTS_MAX", "ELEMENTS_SHOWN", "PAGES_SHOWN", "ElementView", "IssueView", "report_context"]

# Elements shown open per issue, and at most how many more behind "more elements"; the
# rest of a site-wide defect repeats the same component and is in results.json and the CSV.
ELEMENTS_SHOWN = 5
ELEMENTS_MAX = 50
# Page URLs listed per template of an issue; the page filter still covers every page.
PAGES_SHOWN = 20
_IMPACTS = tuple(Impact)  # most severe first: the report's impact rank is the position here


@dataclass(frozen=True, slots=True)
class ElementView:
    """One element row: the instance, and its crop's URL and pixel size where there is one."""

    instance: Instance
    screenshot: str | None = None
    screenshot_size: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class IssueView:
    """One issue as the report shows it, with the data attributes the filters read."""

    issue: Issue
    summary: IssueSummary
    order: int
    impact_rank: int
    page_ids: list[int]
    template_ids: list[int]
    pages_by_template: list[tuple[str, list[str], int]]
    """(template, its first PAGES_SHOWN page URLs, how many more)."""
    shown: list[ElementView]
    more: list[ElementView]
    left_out: int


def report_context(run: RunResult, element: Callable[[Instance], ElementView]) -> dict[str, object]:
    """The template's variables for a run; `element` gives an instance its row (with its crop)."""
    issues = most_urgent_first(run.issues)
    layout = _Layout.of(run, issues)
    views = [_issue_view(order, issue, layout, element) for order, issue in enumerate(issues)]
    by_sc: Counter[str] = Counter(sc for issue in issues for sc in issue.rule.wcag)
    per_page: Counter[int] = Counter(index for view in views for index in view.page_ids)
    return {
        "tool": run.tool,
        "summary": run.summary,
        "pages": [
            (page, layout.page_templates[index], per_page[index]) for index, page in enumerate(run.pages)
        ],
        "skipped": run.skipped,
        "failed": [view for view in views if view.issue.outcome is Outcome.FAILED],
        "review": [view for view in views if view.issue.outcome is Outcome.CANT_TELL],
        "conformance": conformance(run),
        "priorities": PRIORITIES,
        "templates": list(layout.template_index),
        "criteria": [(sc, criterion(sc)) for sc in sorted(by_sc, key=_sc_key)],
        "best_practice": any(not issue.rule.wcag for issue in issues),
        "by_sc": sorted(by_sc.items(), key=lambda item: _sc_key(item[0])),
        "charts": charts(issues, run.summary.by_priority),
    }


@dataclass(frozen=True, slots=True)
class _Layout:
    """The rows of the pages table and the template filter: what an issue's facets point at."""

    page_urls: list[str]
    page_templates: list[str]
    page_index: dict[str, int]
    template_index: dict[str, int]

    @classmethod
    def of(cls, run: RunResult, issues: list[Issue]) -> _Layout:
        # As grouping names them: an issue's templates are its pages' templates.
        templates = sorted({name for issue in issues for name in issue.templates})
        return cls(
            page_urls=[page.url for page in run.pages],
            page_templates=[page.template or template_for(page.url) for page in run.pages],
            page_index={page.url: index for index, page in enumerate(run.pages)},
            template_index={name: index for index, name in enumerate(templates)},
        )


def _issue_view(
    order: int, issue: Issue, layout: _Layout, element: Callable[[Instance], ElementView]
) -> IssueView:
    index = layout.page_index
    page_ids = sorted({index[i.page_url] for i in issue.instances if i.page_url in index})
    by_template: dict[str, list[str]] = {}
    for page_id in page_ids:
        by_template.setdefault(layout.page_templates[page_id], []).append(layout.page_urls[page_id])
    instances = [element(instance) for instance in issue.instances[:ELEMENTS_MAX]]
    return IssueView(
        issue=issue,
        summary=summarise(issue),
        order=order,
        impact_rank=_IMPACTS.index(issue.impact),
        page_ids=page_ids,
        template_ids=sorted(
            layout.template_index[name] for name in issue.templates if name in layout.template_index
        ),
        pages_by_template=[
            (name, urls[:PAGES_SHOWN], len(urls) - PAGES_SHOWN) for name, urls in sorted(by_template.items())
        ],
        shown=instances[:ELEMENTS_SHOWN],
        more=instances[ELEMENTS_SHOWN:],
        left_out=max(0, len(issue.instances) - ELEMENTS_MAX),
    )


def _sc_key(sc: str) -> tuple[int, ...]:
    return tuple(int(part) for part in sc.split("."))
