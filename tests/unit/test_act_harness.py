"""The ACT harness's judgement: which tool failed which case, and W3C's rule classification.

Built from hand-made runs, so a classification mistake shows here without a browser."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from a11y_audit.model import (
    Impact,
    Instance,
    Issue,
    Outcome,
    PageRecord,
    Priority,
    RuleMeta,
    Source,
    Triage,
)
from a11y_audit.run_result import RunInfo, RunResult
from benchmarks.act import __main__ as act_main
from benchmarks.act.publish import act_markdown, earl_report
from benchmarks.act.suite import ActCase, ActRule, Expected, Suite
from benchmarks.act.verdicts import Consistency, Tool, case_results, classify, summarise

RULE = ActRule("abc123", "Image has name", ("1.1.1",), approved=True)
OTHER = ActRule("def456", "Page has title", ("2.4.2",), approved=True)
BASE = "http://127.0.0.1:9/"


def _case(rule: ActRule, case_id: str, expected: Expected) -> ActCase:
    path = f"WAI/t/{rule.id}/{case_id}.html"
    return ActCase(rule.id, case_id, f"{expected} {case_id}", expected, path, f"https://w3.org/{path}")


CASES = (
    _case(RULE, "f1", Expected.FAILED),
    _case(RULE, "f2", Expected.FAILED),
    _case(RULE, "p1", Expected.PASSED),
    _case(RULE, "i1", Expected.INAPPLICABLE),
    _case(OTHER, "t1", Expected.FAILED),
    _case(OTHER, "t2", Expected.PASSED),
)
SUITE = Suite(Path("/act"), {RULE.id: RULE, OTHER.id: OTHER}, CASES)
URL_OF = SUITE.case_urls(BASE)
PATH_OF = {case.id: case.path for case in CASES}


def _issue(procedure: str, source: Source, wcag: str, outcome: Outcome, *case_ids: str) -> Issue:
    meta = RuleMeta(procedure, source, procedure, "", "", (wcag,), "A")
    instances = tuple(
        Instance(URL_OF[PATH_OF[case_id]], "img", ("img",), "<img>", "") for case_id in case_ids
    )
    triage = Triage(Priority.P2, "High", (), None, "content", blocker=False)
    return Issue(procedure, procedure, meta, outcome, Impact.SERIOUS, instances, len(case_ids), (), triage)


def _run(*issues: Issue, errors: dict[str, str] | None = None) -> RunResult:
    pages = tuple(
        PageRecord(url=URL_OF[case.path], error=(errors or {}).get(case.id), status=200) for case in CASES
    )
    return RunResult(RunInfo("0", "4.14.1", "chrome", "1", "2026-01-01T00:00:00+00:00"), pages, issues)


def _verdicts(run: RunResult, tool: Tool) -> dict[str, Consistency]:
    results = case_results(run, SUITE, URL_OF)
    return {verdict.rule.id: verdict.consistency for verdict in classify(SUITE, results, tool)}


def test_every_failed_case_failed_and_nothing_else_is_consistent() -> None:
    run = _run(_issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1", "f2"))
    assert _verdicts(run, Tool.AXE) == {RULE.id: Consistency.CONSISTENT, OTHER.id: Consistency.UNTESTED}


def test_some_failed_cases_caught_is_partially_consistent() -> None:
    run = _run(_issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1"))
    assert _verdicts(run, Tool.AXE)[RULE.id] is Consistency.PARTIAL


def test_a_failure_on_a_passed_or_inapplicable_case_is_inconsistent() -> None:
    run = _run(_issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1", "f2", "i1"))
    assert _verdicts(run, Tool.AXE)[RULE.id] is Consistency.INCONSISTENT


def test_needs_review_is_not_a_failure() -> None:
    run = _run(
        _issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1", "f2"),
        _issue("alt-text-review", Source.A11Y_AUDIT, "1.1.1", Outcome.CANT_TELL, "p1"),
    )
    assert _verdicts(run, Tool.PRODUCT)[RULE.id] is Consistency.CONSISTENT


def test_a_failure_of_another_criterion_does_not_count_for_the_rule() -> None:
    run = _run(_issue("document-title", Source.AXE, "2.4.2", Outcome.FAILED, "p1", "f1", "f2"))
    assert _verdicts(run, Tool.AXE)[RULE.id] is Consistency.UNTESTED


def test_tools_are_told_apart_and_the_product_is_both() -> None:
    run = _run(
        _issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1"),
        _issue("image-alt-filename", Source.A11Y_AUDIT, "1.1.1", Outcome.FAILED, "f2"),
    )
    assert _verdicts(run, Tool.AXE)[RULE.id] is Consistency.PARTIAL
    assert _verdicts(run, Tool.CHECKS)[RULE.id] is Consistency.PARTIAL
    assert _verdicts(run, Tool.PRODUCT)[RULE.id] is Consistency.CONSISTENT


def test_a_page_that_could_not_be_audited_is_a_miss_not_a_pass() -> None:
    run = _run(_issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1"), errors={"f2": "timeout"})
    results = case_results(run, SUITE, URL_OF)
    verdict = classify(SUITE, results, Tool.AXE)[0]
    assert [result.case.id for result in verdict.missed] == ["f2"]
    assert results[PATH_OF["f2"]].outcome(Tool.AXE, RULE) is None


def test_the_summary_counts_the_issue_table_figures() -> None:
    run = _run(
        _issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1", "p1"),
        _issue("document-title", Source.AXE, "2.4.2", Outcome.FAILED, "t1"),
    )
    summary = summarise(Tool.AXE, classify(SUITE, case_results(run, SUITE, URL_OF), Tool.AXE))
    assert (summary.detected, summary.failed_cases) == (2, 3)
    assert (summary.false_failures, summary.other_cases) == (1, 3)
    assert summary.by_consistency[Consistency.CONSISTENT] == 1
    assert summary.by_consistency[Consistency.INCONSISTENT] == 1
    assert summary.rules_without_detection == 0


def test_the_markdown_names_each_false_failure_and_miss_with_its_procedure() -> None:
    run = _run(_issue("image-alt-filename", Source.A11Y_AUDIT, "1.1.1", Outcome.FAILED, "f1", "p1"))
    results = case_results(run, SUITE, URL_OF)
    verdicts = {tool: classify(SUITE, results, tool) for tool in Tool}
    text = act_markdown(SUITE, verdicts, [summarise(tool, verdicts[tool]) for tool in Tool], header="# ACT")
    assert (
        "false failure: [passed p1](https://w3.org/WAI/t/abc123/p1.html) (passed) "
        "by image-alt-filename (ours)" in text
    )
    assert "missed: [failed f2](https://w3.org/WAI/t/abc123/f2.html): not found" in text
    assert "| false failures on passed + inapplicable cases | 0 / 3 | 1 / 3 | 1 / 3 |" in text


def test_the_earl_report_asserts_each_procedure_on_each_case_by_its_published_url() -> None:
    run = _run(
        _issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED, "f1"),
        _issue("image-review", Source.A11Y_AUDIT, "1.1.1", Outcome.CANT_TELL, "f1"),
    )
    report = earl_report(
        SUITE, case_results(run, SUITE, URL_OF), version="1", axe_version="4", date="2026-12-07"
    )
    subjects = {node["source"]: node["assertions"] for node in report["@graph"] if "source" in node}
    assert report["@graph"][0]["name"] == "a11y-audit"
    assert all(
        a["assertedBy"] == {"@id": report["@graph"][0]["@id"]}
        for a in subjects["https://w3.org/WAI/t/abc123/f1.html"]
    )
    first = subjects["https://w3.org/WAI/t/abc123/f1.html"]
    assert [(a["test"]["title"], a["result"]["outcome"]) for a in first] == [
        ("image-alt", "earl:failed"),
        ("image-review", "earl:cantTell"),
    ]
    assert first[0]["test"]["isPartOf"] == ["WCAG21:1.1.1"]
    assert subjects["https://w3.org/WAI/t/abc123/p1.html"][0]["result"]["outcome"] == "earl:passed"
    assert report["@context"] == "https://act-rules.github.io/earl-context.json"


def test_cases_of_two_rules_with_one_id_are_one_page_judged_by_each_rules_expectation() -> None:
    """W3C's case id hashes the content: one page can be a failed case of one rule and an
    inapplicable case of another rule of the same criterion. It is audited once, and each rule
    reads it with its own expectation (a shared key once made one rule read the other's)."""
    sibling = ActRule("ghi789", "Image is decorative", ("1.1.1",), approved=True)
    failed = _case(RULE, "same", Expected.FAILED)
    inapplicable = _case(sibling, "same", Expected.INAPPLICABLE)
    suite = Suite(Path("/act"), {RULE.id: RULE, sibling.id: sibling}, (failed, inapplicable))
    urls = suite.case_urls(BASE)
    assert urls[failed.path] == urls[inapplicable.path] == BASE + inapplicable.path
    issue = _issue("image-alt", Source.AXE, "1.1.1", Outcome.FAILED)
    page = urls[failed.path]
    issue = replace(issue, instances=(Instance(page, "img", (), "", ""),))
    info = RunInfo("0", "4", "chrome", "1", "2026-01-01T00:00:00+00:00")
    run = RunResult(info, (PageRecord(url=page),), (issue,))
    verdicts = {v.rule.id: v for v in classify(suite, case_results(run, suite, urls), Tool.AXE)}
    assert verdicts[RULE.id].consistency is Consistency.CONSISTENT
    assert [r.case.expected for r in verdicts[sibling.id].false_failures] == [Expected.INAPPLICABLE]


def test_a_false_failure_whose_page_fails_under_another_rule_is_noted_and_not_a_ci_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run = _run(_issue("aria-hidden-focusable", Source.A11Y_AUDIT, "1.1.1", Outcome.FAILED, "f1", "f2", "i1"))
    results = case_results(run, SUITE, URL_OF)
    verdicts = {tool: classify(SUITE, results, tool) for tool in Tool}
    assert act_main._check(verdicts) == 1
    known = {PATH_OF["i1"]: "fails 1.1.1 under zzz999: the image is informative"}
    monkeypatch.setattr(act_main, "true_failures", lambda: known)
    assert act_main._check(verdicts) == 0
    text = act_markdown(
        SUITE, verdicts, [summarise(tool, verdicts[tool]) for tool in Tool], header="#", known=known
    )
    assert (
        "by aria-hidden-focusable (ours); the page fails 1.1.1 under zzz999: the image is informative" in text
    )
    assert (
        verdicts[Tool.CHECKS][0].consistency is Consistency.INCONSISTENT
    )  # still counted, as the suite says


def test_the_ci_subset_keeps_every_case_of_expected_rules_and_only_the_others_cases_that_can_fail_wrongly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    check_of_1_1_1 = SimpleNamespace(meta=SimpleNamespace(wcag=("1.1.1",)))
    monkeypatch.setattr(act_main, "expected_consistent", lambda: [OTHER.id])
    monkeypatch.setattr(act_main, "builtin_checks", lambda: [check_of_1_1_1])
    subset = act_main.ci_subset(SUITE)
    assert {case.id for case in subset.cases} == {"p1", "i1", "t1", "t2"}
    assert set(subset.rules) == {RULE.id, OTHER.id}
