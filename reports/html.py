"""The self-contained HTML report: one file, inline CSS, no external requests, accessible.

Everything from the audited pages (titles, snippets, messages, URLs) is untrusted and is
escaped by Jinja2's autoescaping; nothing is marked safe.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from a11y_audit.coverage import conformance
from a11y_audit.reports.output import write_atomic
from a11y_audit.reports.trend import PRIORITIES, Trend

__all__ = ["render_html", "write_html_report"]

_IMPACT_ORDER = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("a11y_audit.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def write_html_report(results_path: Path, report_path: Path) -> Path:
    """Render results.json into report.html beside it; returns the report's path."""
    return write_atomic(report_path, render_html(json.loads(results_path.read_text("utf-8"))))


def render_html(results: dict[str, Any], trend: Trend | None = None) -> str:
    """The report for loaded results; `trend` adds what changed since an earlier run."""
    return _environment().get_template("report.html.j2").render(**_context(results), trend=trend)


def _context(results: dict[str, Any]) -> dict[str, Any]:
    issues = sorted(
        results["issues"],
        key=lambda issue: (
            issue["priority"],
            _IMPACT_ORDER.get(issue["impact"], 9),
            issue["rule"],
            issue["instances"][0]["page_url"],
        ),
    )
    by_sc: Counter[str] = Counter(sc for issue in issues for sc in issue["wcag"])
    names = {issue["priority"]: issue["priority_name"] for issue in issues}
    return {
        "tool": results["tool"],
        "summary": results["summary"],
        "pages": results["pages"],
        "skipped": results["skipped"],
        "failed": [issue for issue in issues if issue["outcome"] == "failed"],
        "review": [issue for issue in issues if issue["outcome"] == "cantTell"],
        "conformance": conformance(results),
        "priorities": PRIORITIES,
        "by_sc": sorted(by_sc.items(), key=lambda item: tuple(int(n) for n in item[0].split("."))),
        "by_priority": [
            (f"{priority} {names[priority]}", count)
            for priority, count in sorted(results["summary"]["by_priority"].items())
        ],
    }
