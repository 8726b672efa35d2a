"""Golden tests: a committed results.json rendered to every format, as `a11y-audit report` does.

The fixture (fixtures/results_small.json) is small, hand-written data in the results.json
schema: four audited pages on three templates, a failed and a skipped page, one issue per
priority, a needs-review issue, a best-practice issue, and page text that tries to break out
of every format (`<script>`, `onerror=`, a `javascript:` help link, spreadsheet formulas,
Markdown table syntax). Markdown, CSV and JSON must match the committed files in
fixtures/golden/ byte for byte; the HTML is checked for structure instead, because its
markup is free to change while what it must contain is not.

When a report changes on purpose, regenerate the goldens and review the diff:

    A11Y_AUDIT_UPDATE_GOLDENS=1 python -m pytest tests/unit/test_report_golden.py
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import lxml.html
import pytest

from a11y_audit import api
from a11y_audit.wcag import criteria

FIXTURES = Path(__file__).parent / "fixtures"
RESULTS = FIXTURES / "results_small.json"
GOLDEN = FIXTURES / "golden"
SCHEMA = json.loads((Path(__file__).parents[2] / "a11y_audit" / "schema" / "results.schema.json").read_text())
UPDATE = os.environ.get("A11Y_AUDIT_UPDATE_GOLDENS") == "1"


def fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RESULTS.read_text("utf-8"))
    return data


def test_the_fixture_is_valid_results() -> None:
    jsonschema.validate(fixture(), SCHEMA)


@pytest.mark.parametrize(
    ("fmt", "golden"), [("md", "summary.md"), ("csv", "results.csv"), ("json", "results.json")]
)
def test_report_matches_its_golden_file(tmp_path: Path, fmt: str, golden: str) -> None:
    rendered = api.report(RESULTS, fmt, tmp_path / golden).read_bytes()
    expected = GOLDEN / golden
    if UPDATE:
        expected.parent.mkdir(exist_ok=True)
        expected.write_bytes(rendered)
    assert expected.exists(), f"no golden {expected}: run with A11Y_AUDIT_UPDATE_GOLDENS=1"
    assert rendered.decode("utf-8") == expected.read_bytes().decode("utf-8"), (
        f"{fmt} report changed; if intended, regenerate with A11Y_AUDIT_UPDATE_GOLDENS=1 and review the diff"
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Any]:
    path = api.report(RESULTS, "html", tmp_path_factory.mktemp("html") / "report.html")
    text = path.read_text("utf-8")
    return text, lxml.html.fromstring(text)


def page_strings(results: dict[str, Any]) -> set[str]:
    """Every string in the fixture that came from an audited page."""
    strings = {page["url"] for page in results["pages"]} | {
        page["title"] for page in results["pages"] if page["title"]
    }
    for issue in results["issues"]:
        for instance in issue["instances"]:
            strings |= {instance["page_url"], instance["selector"], instance["snippet"], instance["message"]}
    return strings


def test_every_page_derived_string_is_shown_as_text_not_markup(report: tuple[str, Any]) -> None:
    text, doc = report
    shown = doc.text_content()
    for value in page_strings(fixture()):
        assert value in shown, value  # markup that had been parsed would not read back verbatim
    assert "<script>alert" not in text
    assert not [
        (element.tag, name)
        for element in doc.iter()
        for name in element.attrib
        if name.lower().startswith("on")
    ]
    assert [element.tag for element in doc.iter("img", "iframe", "object", "embed", "link")] == []


def test_the_only_script_is_ours_and_the_policy_allows_only_it(report: tuple[str, Any]) -> None:
    _, doc = report
    (script,) = doc.iter("script")
    (policy,) = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    digest = base64.b64encode(hashlib.sha256((script.text or "").encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    links = doc.xpath("//a/@href")
    assert links and all(re.match(r"#|https://", link) for link in links), links  # javascript: is not linked


def test_issues_carry_the_facets_the_filters_read(report: tuple[str, Any]) -> None:
    _, doc = report
    results = fixture()
    rows = doc.xpath('//table[@id="pages-table"]/tbody/tr')
    assert [row.get("data-page") for row in rows] == [str(n) for n in range(len(results["pages"]))]
    url_of = {row.get("data-page"): row[0].text_content() for row in rows}
    templates = [option.text_content() for option in doc.xpath('//select[@id="filter-template"]/option')[1:]]
    for issue in results["issues"]:
        (details,) = doc.xpath(f'//details[@id="issue-{issue["fingerprint"]}"]')
        assert details.get("data-priority") == issue["priority"]
        assert details.get("data-sc") == " ".join(issue["wcag"])
        assert details.get("data-pages") == str(issue["pages"])
        assert {url_of[i] for i in details.get("data-page-ids").split()} == {
            instance["page_url"] for instance in issue["instances"]
        }
        assert [templates[int(i)] for i in details.get("data-templates").split()] == issue["templates"]
    assert len(doc.xpath('//details[@class="issue"]')) == len(results["issues"])


def test_filters_are_labelled_form_controls_shown_only_with_script(report: tuple[str, Any]) -> None:
    _, doc = report
    (section,) = doc.xpath('//section[@id="filter-section"]')
    assert section.get("hidden") is not None  # the script reveals it; without JS the report is complete
    labelled = set(doc.xpath("//label/@for"))
    for control in section.xpath(".//select | .//input[not(@type='checkbox')]"):
        assert control.get("id") in labelled, control.get("name")
    assert len(section.xpath(".//fieldset[legend]//label/input[@type='checkbox']")) == 4
    assert section.xpath('.//*[@role="status"][@id="filter-status"]')
    sc_options = section.xpath('.//select[@id="filter-sc"]/option/@value')
    assert sc_options == ["", "1.1.1", "1.4.3", "4.1.2", "none"]


def test_summary_and_conformance_cover_what_the_issue_asks(report: tuple[str, Any]) -> None:
    text, doc = report
    captions = [caption.text_content() for caption in doc.iter("caption")]
    for caption in ("Issues by priority", "Issues by WCAG success criterion", "Issues by page template"):
        assert caption in captions
    (conformance,) = doc.xpath('//table[caption="Success criteria and what this audit found"]')
    assert len(conformance.xpath("./tbody/tr")) == len(criteria()) == 50
    assert doc.xpath("//main[@id='main']") and doc.xpath("//h1") and 'lang="en"' in text


def test_the_most_urgent_issues_come_before_the_reference_tables(report: tuple[str, Any]) -> None:
    _, doc = report
    sections = [heading.get("id") for heading in doc.iter("h2")]
    assert sections.index("failures-heading") < sections.index("conformance-heading")
    assert sections.index("review-heading") < sections.index("pages-heading")
    listed = doc.xpath('//section[@aria-labelledby="failures-heading"]//details[@class="issue"]')
    priorities = [details.get("data-priority") for details in listed]
    assert priorities == sorted(priorities) and len(set(priorities)) > 1


def test_charts_are_tables_that_say_in_text_what_the_bars_show(report: tuple[str, Any]) -> None:
    """No script, image or request: a bar is a span sized in percent of the largest count,
    beside the count as text, in a row headed by its label."""
    _, doc = report
    results = fixture()
    charts = {table.findtext("caption"): table for table in doc.xpath('//div[@class="chart"]/table')}
    assert {"Issues by priority", "Issues by page template"} <= set(charts)
    assert any(caption.startswith("Issues by flow") for caption in charts)
    for table in charts.values():
        rows = table.xpath("./tbody/tr")
        counts = [int(row.xpath("string(.//span[@class='count'])")) for row in rows]
        widths = [float(re.findall(r"width: ([\d.]+)%", row.xpath("string(.//@style)"))[0]) for row in rows]
        assert all(row[0].tag == "th" and row[0].get("scope") == "row" for row in rows)
        assert max(widths) == 100.0 and all(
            w == round(100 * c / max(counts), 1) for w, c in zip(widths, counts, strict=True)
        )
    priorities = charts["Issues by priority"].xpath("./tbody/tr/th")
    assert [th.text_content() for th in priorities] == [
        f"{issue['priority']} {issue['priority_name']}" for issue in results["issues"]
    ]
