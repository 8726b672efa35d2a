"""The WCAG conformance table: which criteria failed, need review, were tested, or cannot be."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.judge.coverage import FAILURES, MANUAL, NO_FAILURES, REVIEW, UNRECORDED, RulesRun, conformance
from a11y_audit.judge.evaluation import issues_for_run
from a11y_audit.judge.priority import PriorityPolicy
from a11y_audit.judge.registry import configured_checks
from a11y_audit.model import PageRecord
from a11y_audit.reports.html import write_html_report
from a11y_audit.run_result import RunResult, load_results
from a11y_audit.wcag import criteria
from tests.unit.test_results_pipeline import SAMPLE, TOOL, make_store


def results(issues: list[dict[str, Any]], rules_run: list[dict[str, Any]] | None) -> RunResult:
    tool: dict[str, Any] = {"version": "0"}
    if rules_run is not None:
        tool["rules_run"] = rules_run
    return RunResult.from_json(
        {"schema_version": "1.4.0", "tool": tool, "pages": [], "skipped": {}, "issues": issues, "summary": {}}
    )


def issue(outcome: str, *wcag: str) -> dict[str, Any]:
    return {
        "fingerprint": f"{outcome}:{'+'.join(wcag)}",
        "rule": "rule",
        "source": "axe",
        "outcome": outcome,
        "impact": "minor",
        "wcag": list(wcag),
        "priority": "P3",
        "instances": [],
    }


def statuses(data: RunResult) -> dict[str, str]:
    return {row.criterion.sc: row.status for row in conformance(data)}


def test_every_criterion_gets_one_status_and_none_claims_a_pass() -> None:
    data = results(
        [issue("failed", "1.1.1"), issue("cantTell", "1.1.1"), issue("cantTell", "1.4.3")],
        [
            {"id": "color-contrast", "source": "axe", "wcag": ["1.4.3"]},
            {"id": "x", "source": "axe", "wcag": ["4.1.2"]},
        ],
    )
    rows = conformance(data)
    assert [row.criterion.sc for row in rows] == list(criteria()) and len(rows) == 50
    got = statuses(data)
    assert got["1.1.1"] == FAILURES and rows[0].issues == 2
    assert got["1.4.3"] == REVIEW
    assert got["4.1.2"] == NO_FAILURES
    assert got["1.2.1"] == MANUAL
    assert all("pass" not in status for status in got.values())


def test_results_without_rules_run_do_not_guess_what_was_tested() -> None:
    got = statuses(results([issue("failed", "2.4.4")], None))
    assert got["2.4.4"] == FAILURES
    assert {status for sc, status in got.items() if sc != "2.4.4"} == {UNRECORDED}


def test_rules_run_takes_criteria_from_tags_and_keeps_them_over_bare_ids() -> None:
    run = RulesRun()
    run.add_axe({"passes": ["image-alt"], "inapplicable": [{"id": "bypass", "tags": ["wcag2a", "wcag241"]}]})
    run.add_axe({"violations": [{"id": "image-alt", "tags": ["wcag2a", "wcag111"]}], "passes": ["image-alt"]})
    assert [rule.to_json() for rule in run.rules()] == [
        {"id": "bypass", "source": "axe", "wcag": ["2.4.1"]},
        {"id": "image-alt", "source": "axe", "wcag": ["1.1.1"]},
    ]


def test_html_report_shows_the_table_with_understanding_links(tmp_path: Path) -> None:
    data = {
        "schema_version": "1.2.0",
        "tool": {**TOOL, "rules_run": [{"id": "bypass", "source": "axe", "wcag": ["2.4.1"]}]},
        "pages": [],
        "skipped": {"counts": {}, "examples": []},
        "issues": [],
        "summary": {
            "pages_total": 0,
            "pages_audited": 0,
            "pages_failed": 0,
            "pages_skipped": 0,
            "issues": 0,
            "instances": 0,
            "by_outcome": {},
            "by_impact": {},
            "by_priority": {},
        },
    }
    source = tmp_path / "results.json"
    source.write_text(json.dumps(data), "utf-8")
    html = write_html_report(load_results(source), tmp_path / "report.html").read_text("utf-8")
    assert "WCAG 2.1 AA conformance" in html
    assert 'href="https://www.w3.org/WAI/WCAG21/Understanding/bypass-blocks.html"' in html
    assert html.count("<td>" + NO_FAILURES + "</td>") == 1
    assert html.count(MANUAL) == 49


def test_judging_the_artifacts_records_the_axe_rules_that_ran(tmp_path: Path) -> None:
    run = RulesRun()
    issues_for_run(make_store(tmp_path), PriorityPolicy(), date(2026, 11, 25), rules_run=run)
    ran = {rule["id"]: rule["wcag"] for rule in [rule.to_json() for rule in run.rules()]}
    assert set(ran) == {rule["id"] for rule in SAMPLE["violations"] + SAMPLE["incomplete"]}
    assert ran["image-alt"] == ["1.1.1"]


def test_our_checks_count_as_run_only_when_a_page_dom_was_judged(tmp_path: Path) -> None:
    checks = configured_checks()
    with_dom, without_dom = RulesRun(), RulesRun()
    issues_for_run(make_store(tmp_path / "a"), PriorityPolicy(), date(2026, 11, 25), checks, with_dom)
    store = ArtifactStore.open(tmp_path / "b", resume=False)
    store.save_page(PageRecord(url="http://shop.test/", status=200), axe=SAMPLE)
    issues_for_run(store, PriorityPolicy(), date(2026, 11, 25), checks, without_dom)
    ours = {check.meta.id for check in checks}
    assert ours <= {
        rule["id"] for rule in [rule.to_json() for rule in with_dom.rules()] if rule["source"] == "a11y-audit"
    }
    assert not [
        rule for rule in [rule.to_json() for rule in without_dom.rules()] if rule["source"] == "a11y-audit"
    ]
