"""Re-rendering saved results: CSV, Markdown, JSON and the trend between two runs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.errors import UsageError
from a11y_audit.reports.csv_report import COLUMNS, render_csv
from a11y_audit.reports.html import render_html
from a11y_audit.reports.html_view import ELEMENTS_MAX, PAGES_SHOWN
from a11y_audit.reports.json_report import render_json
from a11y_audit.reports.markdown import LIMIT, render_markdown
from a11y_audit.reports.trend import compare
from a11y_audit.run_result import RunResult, load_results
from tests.unit.test_results_pipeline import make_store, write_sample_results

HOSTILE = '=HYPERLINK("x")|<script>alert(1)</script>\n| broken | row |\n`tick` *star* [link](x)'


def saved_results(tmp_path: Path) -> dict[str, Any]:
    """A real results.json from the sample artifacts, plus one issue carrying hostile page text."""
    store = make_store(tmp_path)
    path = store.root / "results.json"
    write_sample_results(store, path)
    results = load_results(path).to_json()
    hostile = json.loads(json.dumps(results["issues"][0]))
    hostile.update(fingerprint="f" * 16, title=HOSTILE, reasons=[HOSTILE])
    hostile["instances"] = [
        {
            "page_url": "http://shop.test/a.html",
            "selector": "-1+1",
            "target": [],
            "snippet": HOSTILE,
            "message": "@SUM(A1)",
        }
    ]
    results["issues"].append(hostile)
    return results


def test_csv_has_one_row_per_instance_and_defuses_formulas(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    rows = list(csv.DictReader(io.StringIO(render_csv(RunResult.from_json(results)))))
    assert len(rows) == sum(len(issue["instances"]) for issue in results["issues"])
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["template"] is not None and rows[0]["wcag"]
    last = rows[-1]
    assert last["snippet"] == "'" + HOSTILE  # newlines survive inside the quoted cell
    assert last["selector"] == "'-1+1" and last["message"] == "'@SUM(A1)"
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_markdown_escapes_page_text_so_the_table_stays_intact(tmp_path: Path) -> None:
    text = render_markdown(RunResult.from_json(saved_results(tmp_path)), report_name="report.html")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\`tick\\` \\*star\\* \\[link\\]" in text
    hostile_rows = [line for line in text.splitlines() if "HYPERLINK" in line]
    assert len(hostile_rows) == 1 and hostile_rows[0].startswith("| P")
    # Each table is a run of lines starting with "|"; every line in it has the header's cells.
    tables = re.findall(r"(?m)(?:^\|.*\n)+", text)
    assert tables
    for table in tables:
        cells = {len(re.findall(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(cells) == 1, table


def test_markdown_of_a_huge_run_stays_under_the_limit_and_says_what_it_left_out(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    template = results["issues"][0]
    results["issues"] = [
        {**template, "fingerprint": f"{n:016x}", "title": "x" * 500, "instances": template["instances"] * 50}
        for n in range(20_000)
    ]
    text = render_markdown(RunResult.from_json(results))
    assert len(text) < LIMIT
    assert "more, see the full report" in text
    previous = {**results, "issues": results["issues"][:10_000]}
    run = RunResult.from_json(results)
    trend = compare(RunResult.from_json(previous), run)
    assert len(render_markdown(run, trend)) < LIMIT


def test_trend_splits_by_fingerprint_and_counts_priorities(tmp_path: Path) -> None:
    now = saved_results(tmp_path)
    gone = {**now["issues"][0], "fingerprint": "0" * 16, "priority": "P1"}
    then = {
        **now,
        "tool": {**now["tool"], "started": "2026-10-01T00:00:00+00:00"},
        "issues": [gone, *now["issues"][1:]],
    }
    trend = compare(RunResult.from_json(then), RunResult.from_json(now))
    assert [issue.fingerprint for issue in trend.new] == [now["issues"][0]["fingerprint"]]
    assert [(row.fingerprint, row.priority) for row in trend.fixed] == [(gone["fingerprint"], "P1")]
    assert len(trend.still_open) == len(now["issues"]) - 1
    assert trend.then["P1"] == trend.now["P1"] + (now["issues"][0]["priority"] != "P1")
    html = render_html(RunResult.from_json(now), trend)
    assert "Since the audit of 2026-10-01" in html and "<script>alert" not in html
    markdown = render_markdown(RunResult.from_json(now), trend)
    assert "**1** new, **1** fixed" in markdown and "### New issues (1)" in markdown


def test_json_is_the_same_data_normalised(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    text = render_json(RunResult.from_json(results))
    assert json.loads(text) == results and text.startswith('{\n  "issues"')


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe", "invalid JSON"),
        (b"{not json", "invalid JSON"),
        (b"[]", "no schema_version 1.x"),
        (b'{"schema_version": "1.1.0", "tool": {}}', "'pages' is missing"),
        (
            b'{"schema_version": "1.0.0", "tool": {}, "pages": [], "skipped": {}, "summary": {},'
            b' "issues": [{"fingerprint": "x", "rule": "r", "source": "axe", "outcome": "failed",'
            b' "impact": "minor", "wcag": [], "instances": [{}]}]}',
            "issue 0 lacks priority",
        ),
    ],
)
def test_a_bad_results_file_is_a_usage_error_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "results.json"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=message) as raised:
        load_results(path)
    assert str(path) in str(raised.value) and "\n" not in str(raised.value)


def test_html_of_a_site_wide_issue_renders_a_bounded_number_of_elements(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    issue = results["issues"][0]
    pages = [{**results["pages"][0], "url": f"http://shop.test/products/p{n}"} for n in range(3_000)]
    issue["instances"] = [{**issue["instances"][0], "page_url": page["url"]} for page in pages]
    issue["pages"] = len(pages)
    results["pages"] += pages
    html = render_html(RunResult.from_json(results))
    rows = html.count("<tr><td>http://shop.test/products/p")
    assert rows == ELEMENTS_MAX
    assert f"{3_000 - ELEMENTS_MAX} further elements of this issue are in results.json" in html
    assert f"and {3_000 - PAGES_SHOWN} more" in html
    assert html.count("<li>http://shop.test/products/p") == PAGES_SHOWN
