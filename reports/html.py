"""The self-contained HTML report: one file, inline CSS and JS, no external requests, accessible.

Everything from the audited pages (titles, snippets, messages, URLs, template names) is
untrusted and is escaped by Jinja2's autoescaping; only our own filter script is marked safe. That
script is the only one: a Content-Security-Policy allows exactly it (by hash), so even
markup that slipped through escaping could not run or load anything.

The report is readable without JavaScript (every issue is in the HTML, in priority order);
the script only adds filters and sorting on top. Large crawls stay quick to open: an issue
renders its first elements and a bounded number more (results.json and the CSV hold all),
and refers to pages by their row in the pages table instead of repeating their URLs. Issues
are closed <details>, so their contents take no layout until opened; `content-visibility`
is not used, because its placeholder height makes off-screen summaries overlap at 320 px
(the report's own reflow check caught that).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from a11y_audit.judge.coverage import conformance
from a11y_audit.judge.page_templates import template_for
from a11y_audit.reports.crops import Crop, element_crops, target_key
from a11y_audit.reports.output import write_atomic
from a11y_audit.reports.trend import PRIORITIES, Trend, TrendRow
from a11y_audit.wcag import criterion

__all__ = ["ELEMENTS_MAX", "ELEMENTS_SHOWN", "PAGES_SHOWN", "render_html", "write_html_report"]

IMPACTS = ("critical", "serious", "moderate", "minor")
# Elements shown open per issue, and at most how many more behind "more elements"; the
# rest of a site-wide defect repeats the same component and is in results.json and the CSV.
ELEMENTS_SHOWN = 5
ELEMENTS_MAX = 50
# Page URLs listed per template of an issue; the page filter still covers every page.
PAGES_SHOWN = 20
_LINK_SCHEMES = ("http", "https")


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("a11y_audit.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["link"] = _link
    return environment


def write_html_report(results_path: Path, report_path: Path) -> Path:
    """Render results.json into report.html beside it; returns the report's path."""
    results = json.loads(results_path.read_text("utf-8"))
    return write_atomic(
        report_path, render_html(results, run_folder=results_path.parent, report_path=report_path)
    )


def render_html(
    results: dict[str, Any],
    trend: Trend | None = None,
    *,
    run_folder: Path | None = None,
    report_path: Path | None = None,
) -> str:
    """The report for loaded results; `trend` adds what changed since an earlier run.

    With `run_folder` (where results.json and pages/ are), elements get screenshots cut from
    their page's screenshot, linked relative to `report_path` (default: in run_folder).
    """
    context = _context(results)
    if run_folder is not None:
        _add_screenshots(context, run_folder, (report_path or run_folder / "report.html").parent)
    script = _script()
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            **context,
            trend=trend,
            trend_tables=_trend_tables(trend),
            script=script,
            script_hash=_sha256(script),
        )
    )


def _trend_tables(trend: Trend | None) -> list[tuple[str, list[TrendRow]]]:
    if trend is None:
        return []
    return [("New issues", [TrendRow.of(issue) for issue in trend.new]), ("Fixed issues", trend.fixed)]


def _add_screenshots(context: dict[str, Any], run_folder: Path, report_folder: Path) -> None:
    """Give each shown instance its element crop (`screenshot`, `screenshot_size`) where there is one."""
    views = context["failed"] + context["review"]
    crops = element_crops(
        run_folder,
        (page for page, _, _ in context["pages"]),
        (instance for view in views for instance in view["shown"] + view["more"]),
    )
    if not crops:
        return
    prefix = PurePosixPath(Path(os.path.relpath(run_folder.resolve(), report_folder.resolve())).as_posix())
    for view in views:
        for part in ("shown", "more"):
            view[part] = [_with_crop(instance, crops, prefix) for instance in view[part]]


def _with_crop(
    instance: dict[str, Any], crops: dict[tuple[str, str], Crop], prefix: PurePosixPath
) -> dict[str, Any]:
    crop = crops.get(target_key(instance["page_url"], instance.get("target")))
    if crop is None:
        return instance
    source = quote(str(prefix / crop.path))  # the run folder's name may hold spaces, '#' or '?'
    return {**instance, "screenshot": source, "screenshot_size": (crop.width, crop.height)}


@cache
def _script() -> str:
    return resources.files("a11y_audit.reports").joinpath("templates", "filters.js").read_text("utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _link(url: object) -> str | None:
    """The URL if it is safe to link to (http/https), else None so the template shows text."""
    return url if isinstance(url, str) and urlsplit(url).scheme.lower() in _LINK_SCHEMES else None


def _impact_rank(impact: str) -> int:
    return IMPACTS.index(impact) if impact in IMPACTS else len(IMPACTS)


def _sc_key(sc: str) -> tuple[int, ...]:
    return tuple(int(part) for part in sc.split("."))


def _context(results: dict[str, Any]) -> dict[str, Any]:
    pages = results["pages"]
    page_index = {page["url"]: index for index, page in enumerate(pages)}
    issues = sorted(
        results["issues"],
        key=lambda issue: (
            issue["priority"],
            _impact_rank(issue["impact"]),
            issue["rule"],
            issue["instances"][0]["page_url"],
        ),
    )
    # As grouping names them: an issue's templates are its pages' templates.
    page_templates = [str(page.get("template") or template_for(page["url"])) for page in pages]
    templates = sorted({name for issue in issues for name in issue.get("templates") or []})
    template_index = {name: index for index, name in enumerate(templates)}
    views = [
        _issue_view(order, issue, pages, page_templates, page_index, template_index)
        for order, issue in enumerate(issues)
    ]
    by_sc: Counter[str] = Counter(sc for issue in issues for sc in issue["wcag"])
    by_template: Counter[str] = Counter(name for issue in issues for name in issue.get("templates") or [])
    per_page: Counter[int] = Counter(index for view in views for index in view["page_ids"])
    names = {issue["priority"]: issue["priority_name"] for issue in issues}
    return {
        "tool": results["tool"],
        "summary": results["summary"],
        "pages": [(page, page_templates[index], per_page[index]) for index, page in enumerate(pages)],
        "skipped": results["skipped"],
        "failed": [view for view in views if view["issue"]["outcome"] == "failed"],
        "review": [view for view in views if view["issue"]["outcome"] == "cantTell"],
        "conformance": conformance(results),
        "priorities": PRIORITIES,
        "templates": templates,
        "criteria": [(sc, criterion(sc)) for sc in sorted(by_sc, key=_sc_key)],
        "best_practice": any(not issue["wcag"] for issue in issues),
        "by_sc": sorted(by_sc.items(), key=lambda item: _sc_key(item[0])),
        "by_template": sorted(by_template.items()),
        "by_priority": [
            (f"{priority} {names[priority]}", count)
            for priority, count in sorted(results["summary"]["by_priority"].items())
        ],
    }


def _issue_view(
    order: int,
    issue: dict[str, Any],
    pages: list[dict[str, Any]],
    page_templates: list[str],
    page_index: dict[str, int],
    template_index: dict[str, int],
) -> dict[str, Any]:
    """One issue as the template shows it, with the data attributes the filters read."""
    page_ids = sorted({page_index[i["page_url"]] for i in issue["instances"] if i["page_url"] in page_index})
    by_template: dict[str, list[str]] = {}
    for index in page_ids:
        by_template.setdefault(page_templates[index], []).append(pages[index]["url"])
    instances = issue["instances"]
    return {
        "issue": issue,
        "order": order,
        "impact_rank": _impact_rank(issue["impact"]),
        "page_ids": page_ids,
        "template_ids": sorted(
            template_index[name] for name in issue.get("templates") or [] if name in template_index
        ),
        "pages_by_template": [
            (name, urls[:PAGES_SHOWN], len(urls) - PAGES_SHOWN) for name, urls in sorted(by_template.items())
        ],
        "shown": instances[:ELEMENTS_SHOWN],
        "more": instances[ELEMENTS_SHOWN:ELEMENTS_MAX],
        "left_out": max(0, len(instances) - ELEMENTS_MAX),
    }
