"""A real store's triage file checked against a run: regressions are problems, new issues warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.model import JsonObject
from a11y_audit.run_result import RunInfo, RunResult, load_results
from benchmarks.stores.triage import (
    TriageError,
    compare,
    draft,
    load_triage,
    main,
    parse_triage,
)


def issue_row(fingerprint: str, outcome: str = "failed", rule: str = "color-contrast") -> JsonObject:
    return {
        "fingerprint": fingerprint,
        "rule": rule,
        "source": "axe",
        "outcome": outcome,
        "impact": "serious",
        "wcag": ["1.4.3"],
        "priority": "P2",
        "instances": [
            {"page_url": "http://shop.test/basket/", "selector": ".instock", "message": "too  pale\nhere"}
        ],
        "templates": ["/basket/"],
    }


def run_file(tmp_path: Path, issues: list[JsonObject]) -> Path:
    """A results.json on disk, loaded the way `a11y-audit report` loads one."""
    pages: list[JsonObject] = [
        {"url": "http://shop.test/", "template": "/"},
        {"url": "http://shop.test/basket/", "template": "/basket/"},
        {"url": "http://shop.test/basket/#journey=checkout&state=basket", "template": "journey:checkout"},
        {"url": "http://shop.test/x", "template": "/x", "error": "journey checkout stopped at step 3"},
    ]
    results = {
        "schema_version": "1.6.0",
        "tool": RunInfo("1", "4.10", "chrome", "140", "2026-12-07T00:00:00+00:00").to_json(),
        "pages": pages,
        "skipped": {},
        "issues": issues,
        "summary": {},
    }
    path = tmp_path / "results.json"
    path.write_text(json.dumps(results), "utf-8")
    return path


def run_of(tmp_path: Path, *issues: JsonObject) -> RunResult:
    return load_results(run_file(tmp_path, list(issues)))


def verdict_row(fingerprint: str, verdict: str) -> dict[str, str]:
    return {
        "fingerprint": fingerprint,
        "rule": "color-contrast",
        "summary": "#28a745 on #ffffff",
        "template": "/basket/",
        "verdict": verdict,
        "why": "measured in the page",
    }


def triage_of(*rows: dict[str, str]) -> dict[str, Any]:
    return {"store": "django-oscar 4.2.1", "run": "a11y-audit crawl ...", "issues": list(rows)}


def test_a_run_that_agrees_with_the_verdicts_has_no_problems_and_counts_them(tmp_path: Path) -> None:
    triage = parse_triage(triage_of(verdict_row("a", "true"), verdict_row("b", "debatable")), "t.json")
    comparison = compare(triage, run_of(tmp_path, issue_row("a"), issue_row("b"), issue_row("c", "cantTell")))
    assert comparison.problems == [] and comparison.warnings == []
    figures = comparison.figures
    assert (figures.pages, figures.pages_failed, figures.templates) == (3, 1, 3)
    assert (figures.failed, figures.needs_review) == (2, 1)
    assert figures.verdicts == {"true": 1, "debatable": 1} and figures.true_share == 0.5
    assert "triaged true: 50.0% of failed issues (target 95%)" in figures.lines()


def test_a_true_issue_no_longer_failed_is_a_problem_even_when_it_now_needs_review(tmp_path: Path) -> None:
    triage = parse_triage(triage_of(verdict_row("a", "true")), "t.json")
    comparison = compare(triage, run_of(tmp_path, issue_row("a", "cantTell")))
    assert comparison.problems == [
        "true issue no longer found: a color-contrast on /basket/: #28a745 on #ffffff"
    ]


def test_a_false_issue_found_again_is_a_problem_naming_why_it_is_false(tmp_path: Path) -> None:
    triage = parse_triage(triage_of(verdict_row("f", "false")), "t.json")
    comparison = compare(triage, run_of(tmp_path, issue_row("f")))
    assert comparison.problems == [
        "false issue found again: f color-contrast on /basket/: #28a745 on #ffffff (measured in the page)"
    ]
    assert comparison.figures.verdicts == {"false": 1} and comparison.figures.true_share == 0.0
    assert compare(triage, run_of(tmp_path)).problems == []  # gone: fixed, as it should be


def test_a_new_failed_issue_is_a_warning_not_a_problem(tmp_path: Path) -> None:
    comparison = compare(parse_triage(triage_of(), "t.json"), run_of(tmp_path, issue_row("n")))
    assert comparison.problems == []
    assert comparison.warnings == ["not triaged yet: n color-contrast on /basket/: too pale here @ .instock"]
    assert comparison.figures.verdicts == {"untriaged": 1}


def test_a_run_without_failures_is_all_true() -> None:
    run = RunResult(RunInfo("1", "4", "chrome", "1", "2026-12-07T00:00:00+00:00"), (), ())
    assert compare(parse_triage(triage_of(), "t.json"), run).figures.true_share == 1.0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], r"t.json: not a triage file: expected an object with an 'issues' list"),
        ({"issues": [], "run": "x"}, r"t.json: 'store' is missing"),
        (triage_of({"fingerprint": "a"}), r"t.json: issue 0: rule, summary, template, verdict, why missing"),
        (triage_of(verdict_row("a", "?")), r"issue 0: verdict '\?' is not one of true, false, debatable"),
        (triage_of(verdict_row("a", "true"), verdict_row("a", "false")), r"issue 1: .* judged twice"),
    ],
)
def test_a_malformed_triage_file_is_one_line_naming_the_entry_and_the_fix(data: Any, message: str) -> None:
    with pytest.raises(TriageError, match=message):
        parse_triage(data, "t.json")


def test_an_unreadable_triage_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "oscar.json"
    bad.write_text("{", "utf-8")
    with pytest.raises(TriageError, match=r"oscar.json is not a triage file: invalid JSON"):
        load_triage(bad)
    with pytest.raises(TriageError, match=r"cannot read triage file .*missing.json"):
        load_triage(tmp_path / "missing.json")


def test_a_draft_carries_verdicts_over_and_leaves_the_rest_for_a_person(tmp_path: Path) -> None:
    run = run_of(tmp_path, issue_row("b", rule="select-name"), issue_row("a"), issue_row("r", "cantTell"))
    previous = parse_triage(triage_of(verdict_row("a", "true"), verdict_row("gone", "false")), "t.json")
    made = draft(run, "django-oscar 4.2.1", "a11y-audit crawl ...", previous.issues)
    assert [(row["fingerprint"], row["verdict"]) for row in made["issues"]] == [("a", "true"), ("b", "?")]
    assert made["issues"][1]["summary"] == "too pale here @ .instock"
    with pytest.raises(TriageError, match="verdict '\\?'"):
        parse_triage(made, "draft.json")


def test_the_command_exits_1_on_problems_0_without_and_2_on_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = run_file(tmp_path, [issue_row("a"), issue_row("n")])
    triage = tmp_path / "oscar.json"
    triage.write_text(json.dumps(triage_of(verdict_row("a", "true"))), "utf-8")
    assert main(["check", str(triage), str(results)]) == 0
    out = capsys.readouterr().out
    assert "issues: 2 failed, 0 need review" in out and "not triaged yet: n " in out
    triage.write_text(json.dumps(triage_of(verdict_row("a", "false"))), "utf-8")
    assert main(["check", str(triage), str(results)]) == 1
    assert "PROBLEM: false issue found again: a " in capsys.readouterr().out
    assert main(["check", str(tmp_path / "none.json"), str(results)]) == 2
    assert capsys.readouterr().err.startswith("error: cannot read triage file")
