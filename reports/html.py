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
import os
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from a11y_audit.model import Instance
from a11y_audit.reports.crops import element_crops, target_key
from a11y_audit.reports.html_view import ELEMENTS_MAX, ElementView, report_context
from a11y_audit.reports.output import write_atomic
from a11y_audit.reports.trend import Trend, TrendRow
from a11y_audit.run_result import RunResult

__all__ = ["render_html", "write_html_report"]

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


def write_html_report(run: RunResult, report_path: Path) -> Path:
    """Write the run's report to report_path; returns it."""
    return write_atomic(report_path, render_html(run, report_path=report_path))


def render_html(run: RunResult, trend: Trend | None = None, *, report_path: Path | None = None) -> str:
    """The report for a run; `trend` adds what changed since an earlier run.

    A run read from or written to a folder (`run.folder`, where results.json and pages/ are)
    gets element screenshots cut from their page's screenshot, linked relative to
    `report_path` (default: report.html in that folder).
    """
    element: Callable[[Instance], ElementView] = ElementView
    if run.folder is not None:
        element = _cropped_elements(run, run.folder, (report_path or run.folder / "report.html").parent)
    script = _script()
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            **report_context(run, element),
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


def _cropped_elements(
    run: RunResult, run_folder: Path, report_folder: Path
) -> Callable[[Instance], ElementView]:
    """Element rows with their crop (cut now, for the elements the report shows) where there is one."""
    crops = element_crops(
        run_folder,
        run.pages,
        (instance for issue in run.issues for instance in issue.instances[:ELEMENTS_MAX]),
    )
    prefix = PurePosixPath(Path(os.path.relpath(run_folder.resolve(), report_folder.resolve())).as_posix())

    def element(instance: Instance) -> ElementView:
        crop = crops.get(target_key(instance.page_url, instance.target))
        if crop is None:
            return ElementView(instance)
        source = quote(str(prefix / crop.path))  # the run folder's name may hold spaces, '#' or '?'
        return ElementView(instance, source, (crop.width, crop.height))

    return element


@cache
def _script() -> str:
    return resources.files("a11y_audit.reports").joinpath("templates", "filters.js").read_text("utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _link(url: object) -> str | None:
    """The URL if it is safe to link to (http/https), else None so the template shows text."""
    return url if isinstance(url, str) and urlsplit(url).scheme.lower() in _LINK_SCHEMES else None
