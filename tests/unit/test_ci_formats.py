"""CI outputs from saved results: JUnit XML, SARIF 2.1.0 (schema-validated), the PR summary."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from a11y_audit.gate.baseline import create, write_baseline
from a11y_audit.gate.decision import GatePolicy, as_trend, decide
from a11y_audit.reports.junit import render_junit
from a11y_audit.reports.markdown import render_markdown
from a11y_audit.reports.sarif import render_sarif
from a11y_audit.run_result import RunResult, load_results
from tests.unit.test_reporters import saved_results

# The official OASIS schema (errata01), kept as a test fixture: see fixtures/SARIF-SCHEMA.md.
SARIF_SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))
GITHUB_COMMENT_LIMIT = 65_536


def with_control_characters(results: dict[str, Any]) -> dict[str, Any]:
    """Page text may hold characters XML 1.0 cannot carry at all."""
    results["issues"][-1]["instances"][0]["message"] = "bell\x07 and nul\x00 inside"
    return results


def test_junit_has_a_suite_per_page_and_a_case_per_check_with_the_issue_text(tmp_path: Path) -> None:
    results = with_control_characters(saved_results(tmp_path))
    ran = {(issue["source"], issue["rule"]) for issue in results["issues"]} | {("axe", "document-title")}
    results["tool"]["rules_run"] = [
        {"source": source, "id": rule, "wcag": []} for source, rule in sorted(ran)
    ]
    root = ET.fromstring(render_junit(RunResult.from_json(results)))
    audited = [page for page in results["pages"] if not page["skipped"]]
    assert [suite.get("name") for suite in root] == [page["url"] for page in audited]
    page_suite = root[0]
    rules = {f"{rule['source']}:{rule['id']}" for rule in results["tool"]["rules_run"]}
    names = [case.get("name") for case in page_suite]
    assert rules <= set(names) and len(names) == len(set(names))
    failures = {
        case.get("name"): case.find("failure") for case in page_suite if case.find("failure") is not None
    }
    failing = {f"{i['source']}:{i['rule']}" for i in results["issues"] if i["outcome"] == "failed"}
    assert set(failures) == failing
    assert "axe:document-title" in names and "axe:document-title" not in failures  # a pass is a case too
    image_alt = failures["axe:image-alt"]
    assert image_alt is not None and image_alt.text is not None
    issue = next(i for i in results["issues"] if i["rule"] == "image-alt")
    assert issue["fingerprint"] in image_alt.text and issue["instances"][0]["selector"] in image_alt.text
    assert root.get("failures") == str(sum(int(s.get("failures", 0)) for s in root))
    hostile = next(case for case in page_suite if "HYPERLINK" in ET.tostring(case, "unicode"))
    text = ET.tostring(hostile, "unicode")
    assert "bell and nul inside" in text and "&lt;script&gt;" in text and "<script>" not in text


def test_junit_reports_a_page_that_could_not_be_audited_as_an_error(tmp_path: Path) -> None:
    root = ET.fromstring(render_junit(RunResult.from_json(saved_results(tmp_path))))
    missing = next(suite for suite in root if suite.get("name") == "http://shop.test/missing")
    assert missing.get("errors") == "1" and missing[0].find("error") is not None


def test_junit_skips_issues_the_baseline_accepts(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    known = frozenset(issue["fingerprint"] for issue in results["issues"])
    root = ET.fromstring(render_junit(RunResult.from_json(results), known))
    assert root.get("failures") == "0" and int(root.get("skipped", 0)) > 0


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    results = with_control_characters(saved_results(tmp_path))
    log = json.loads(render_sarif(RunResult.from_json(results)))
    jsonschema.Draft4Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    ).validate(log)
    run = log["runs"][0]
    assert len(run["results"]) == len(results["issues"])
    by_rule = {result["ruleId"]: result for result in run["results"]}
    assert by_rule["bypass"]["kind"] == "review" and by_rule["bypass"]["level"] == "none"  # cantTell
    assert by_rule["image-alt"]["kind"] == "fail" and by_rule["image-alt"]["level"] == "error"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert all(rule_ids[result["ruleIndex"]] == result["ruleId"] for result in run["results"])
    assert "baselineState" not in by_rule["bypass"]


def test_sarif_with_a_baseline_says_new_unchanged_or_updated(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    known = {issue["fingerprint"]: "unchanged" for issue in results["issues"][2:]}
    known[results["issues"][1]["fingerprint"]] = "updated"
    log = json.loads(render_sarif(RunResult.from_json(results), known))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    states = [result["baselineState"] for result in log["runs"][0]["results"]]
    assert states == ["new", "updated"] + ["unchanged"] * (len(states) - 2)


def test_the_pr_summary_against_a_baseline_stays_under_githubs_limit(tmp_path: Path) -> None:
    results = saved_results(tmp_path)
    template = results["issues"][0]
    results["issues"] = [
        {**template, "fingerprint": f"{n:016x}", "title": "x" * 500, "instances": template["instances"] * 50}
        for n in range(20_000)
    ]
    run = RunResult.from_json(results)
    baseline = create(RunResult.from_json({**results, "issues": results["issues"][:10_000]}))
    decision = decide(run, baseline, GatePolicy(), date(2026, 11, 25))
    text = render_markdown(run, as_trend(decision, baseline, run))
    assert len(text) < GITHUB_COMMENT_LIMIT
    assert "**10000** new, **0** fixed, **10000** still open" in text
    assert "### New issues (10000)" in text and "more, see the full report" in text


def report_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", "report", *args], capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("fmt", "name", "expected"),
    [("junit", "junit.xml", "<testsuites"), ("sarif", "results.sarif", '"version": "2.1.0"')],
)
def test_report_writes_ci_formats_beside_the_results(
    tmp_path: Path, fmt: str, name: str, expected: str
) -> None:
    path = tmp_path / "out" / "results.json"
    path.parent.mkdir()
    path.write_text(json.dumps(saved_results(tmp_path)), "utf-8")
    baseline = write_baseline(tmp_path / "baseline.json", create(load_results(path)))
    result = report_cli(str(path), "--format", fmt, "--baseline", str(baseline))
    assert result.returncode == 0, result.stderr
    assert expected in (tmp_path / "out" / name).read_text("utf-8")
    refused = report_cli(str(path), "--format", "csv", "--baseline", str(baseline))
    assert refused.returncode == 2 and "--baseline needs --format md, junit or sarif" in refused.stderr
