"""The gate's decision: only new, certain, WCAG issues at or above the threshold block."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.config import load_config
from a11y_audit.demo.churn import churn_html
from a11y_audit.errors import UsageError
from a11y_audit.gate.baseline import create, write_baseline
from a11y_audit.gate.decision import GatePolicy, decide, gate_policy, github_annotations, summary_lines
from a11y_audit.judge.grouping import component_signature
from a11y_audit.model import Priority
from tests.unit.test_baseline import as_run, issue, run, run_json

TODAY = date(2026, 11, 25)


def test_known_issues_pass_new_ones_block_and_fixed_ones_are_reported() -> None:
    baseline = create(run(issue("aaaa"), issue("bbbb")))
    result = decide(run(issue("aaaa"), issue("cccc")), baseline, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.known] == ["aaaa"]
    assert [item.fingerprint for item in result.blocking] == ["cccc"]
    assert [entry.fingerprint for entry in result.fixed] == ["bbbb"]
    assert result.exit_code == 1
    assert decide(run(issue("aaaa")), baseline, GatePolicy(), TODAY).exit_code == 0


@pytest.mark.parametrize(
    ("fields", "fail_on", "blocks"),
    [
        ({"priority": "P2"}, Priority.P2, True),
        ({"priority": "P1"}, Priority.P2, True),
        ({"priority": "P3"}, Priority.P2, False),
        ({"priority": "P3"}, Priority.P3, True),
        ({"priority": "P3", "outcome": "cantTell"}, Priority.P4, False),  # needs review never blocks
        ({"priority": "P4", "wcag": []}, Priority.P4, False),  # best practice never blocks
    ],
)
def test_what_blocks(fields: dict[str, Any], fail_on: Priority, blocks: bool) -> None:
    result = decide(run(issue("new", **fields)), create(run()), GatePolicy(fail_on=fail_on), TODAY)
    assert (len(result.blocking), len(result.new)) == ((1, 0) if blocks else (0, 1))


def test_expired_accepted_debt_counts_as_new() -> None:
    baseline = create(run(issue("aaaa")))
    debt = replace(baseline, entries={"aaaa": replace(baseline.entries["aaaa"], expires=date(2026, 11, 1))})
    result = decide(run(issue("aaaa")), debt, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.blocking] == ["aaaa"]
    assert result.expired == {"aaaa"}
    assert "(accepted debt expired)" in "\n".join(summary_lines(result, "b.json"))
    assert decide(run(issue("aaaa")), debt, GatePolicy(), date(2026, 10, 31)).exit_code == 0


def test_a_rule_the_baseline_run_did_not_have_is_rule_changed_not_a_regression() -> None:
    baseline = create(run(issue("aaaa"), axe="4.9.0"))
    upgraded = run(issue("aaaa"), issue("bbbb", "new-rule"), axe="4.10.0")
    result = decide(upgraded, baseline, GatePolicy(), TODAY)
    assert [item.rule.id for item in result.rule_changed] == ["new-rule"]
    assert result.blocking == [] and result.exit_code == 0


def test_a_rule_whose_criteria_moved_is_rule_changed() -> None:
    baseline = create(run(issue("aaaa")))
    moved = run_json(issue("aaaa"), issue("bbbb"))
    moved["tool"]["rules_run"][0]["wcag"] = ["1.1.1", "4.1.2"]
    assert [
        item.fingerprint for item in decide(as_run(moved), baseline, GatePolicy(), TODAY).rule_changed
    ] == ["bbbb"]


def test_a_new_issue_of_a_rule_that_ran_before_is_a_regression() -> None:
    baseline = create(run(issue("aaaa"), rules=("label",)))
    result = decide(run(issue("aaaa"), issue("bbbb", "label")), baseline, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.blocking] == ["bbbb"] and result.rule_changed == []


def test_without_a_record_of_rules_nothing_passes_as_rule_changed() -> None:
    baseline = create(run(issue("aaaa")))
    baseline = replace(baseline, run=replace(baseline.run, rules_run={}))
    result = decide(run(issue("aaaa"), issue("bbbb", "new-rule")), baseline, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.blocking] == ["bbbb"]


@pytest.mark.parametrize(
    ("pages", "policy", "problem"),
    [
        (100, GatePolicy(), None),
        (80, GatePolicy(), None),
        (79, GatePolicy(), "against 100 in the baseline's run (more than 20% fewer)"),
        (60, GatePolicy(max_page_drop=0.5), None),
        (4, GatePolicy(min_pages=5, max_page_drop=0.99), "fewer than the minimum of 5"),
    ],
)
def test_a_run_with_too_few_pages_is_a_tool_failure(
    pages: int, policy: GatePolicy, problem: str | None
) -> None:
    result = decide(run(pages=pages), create(run(pages=100)), policy, TODAY)
    if problem is None:
        assert result.page_problem is None and result.exit_code == 0
    else:
        assert result.page_problem is not None and problem in result.page_problem
        assert result.exit_code == 3


def test_flaky_issues_do_not_block() -> None:
    result = decide(run(issue("aaaa"), issue("bbbb")), create(run()), GatePolicy(), TODAY).with_flaky(
        ["aaaa"]
    )
    assert [item.fingerprint for item in result.flaky] == ["aaaa"]
    assert [item.fingerprint for item in result.blocking] == ["bbbb"]
    assert result.with_flaky(["bbbb"]).exit_code == 0


def test_annotations_are_escaped_workflow_commands() -> None:
    hostile = issue("aaaa", title="100% broken\nnext line, really: yes")
    result = decide(run(hostile), create(run()), GatePolicy(), TODAY)
    (line,) = github_annotations(result, "ci/a11y baseline.json")
    assert line.startswith("::error file=ci/a11y baseline.json,title=New accessibility issue P2 image-alt::")
    message = line.split("::", 2)[2]
    assert "100%25 broken next line" in message and "\n" not in line


def test_annotations_name_flaky_rule_changed_and_incomplete_runs() -> None:
    baseline = create(run(issue("aaaa"), pages=50))
    result = decide(
        run(issue("aaaa"), issue("bbbb"), issue("cccc", "new-rule"), pages=10), baseline, GatePolicy(), TODAY
    ).with_flaky(["bbbb"])
    kinds = [line.split(" ", 1)[0] for line in github_annotations(result, "b.json")]
    assert kinds == ["::warning", "::warning", "::error"]


def test_the_gate_section_of_the_config_sets_the_policy(tmp_path: Path) -> None:
    path = tmp_path / "a11y-audit.toml"
    path.write_text('[gate]\nfail_on = "P3"\nmin_pages = 40\nmax_page_drop = 0.5\nretries = 2\n', "utf-8")
    config = load_config(path)
    assert gate_policy(config) == GatePolicy(Priority.P3, 40, 0.5) and config.retries == 2
    path.write_text("[gate]\nmax_page_drop = 1\n", "utf-8")
    with pytest.raises(UsageError, match=r"a11y-audit.toml:2: \[gate\] max_page_drop must be a share"):
        load_config(path)


def gate_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", "gate", *args], capture_output=True, text=True, env=env
    )


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    """A baseline of issue aaaa (50 pages) and results files against it."""
    write_baseline(tmp_path / "baseline.json", create(run(issue("aaaa"), pages=50)))
    cases = {
        "same": run_json(issue("aaaa"), pages=50),
        "new": run_json(issue("aaaa"), issue("bbbb", title="Nameless button"), pages=50),
        "few": run_json(issue("aaaa"), pages=10),
    }
    paths = {"baseline": str(tmp_path / "baseline.json")}
    for name, results in cases.items():
        results.update(schema_version="1.2.0", skipped={})
        (tmp_path / f"{name}.json").write_text(json.dumps(results), "utf-8")
        paths[name] = str(tmp_path / f"{name}.json")
    return paths


@pytest.mark.parametrize(
    ("case", "args", "code", "expected"),
    [
        ("same", (), 0, "Gate passed."),
        ("new", (), 1, "NEW: P2 image-alt (1.1.1; failed; bbbb) Nameless button"),
        ("new", ("--fail-on", "P1"), 0, "new (not blocking): P2 image-alt"),
        ("few", (), 3, "error: only 10 page(s) audited, against 50 in the baseline's run"),
        ("same", ("--fail-on", "P9"), 2, "Invalid value for '--fail-on'"),
        ("same", ("--baseline", "{missing}"), 2, "error: baseline {missing} does not exist"),
    ],
)
def test_gate_exit_codes(
    files: dict[str, str], tmp_path: Path, case: str, args: tuple[str, ...], code: int, expected: str
) -> None:
    missing = str(tmp_path / "nope.json")
    argv = [files[case], "--baseline", files["baseline"], *(arg.format(missing=missing) for arg in args)]
    result = gate_cli(*argv)
    assert result.returncode == code, result.stdout + result.stderr
    assert expected.format(missing=missing) in result.stdout + result.stderr


def test_gate_prints_annotations_only_on_github_actions(files: dict[str, str]) -> None:
    plain = gate_cli(files["new"], "--baseline", files["baseline"])
    assert "::error" not in plain.stdout
    actions = gate_cli(
        files["new"], "--baseline", files["baseline"], env={**os.environ, "GITHUB_ACTIONS": "true"}
    )
    assert actions.returncode == 1
    assert f"::error file={files['baseline']}" in actions.stdout.replace("%3A", ":")


@pytest.mark.parametrize(
    ("target", "churned_target", "snippet"),
    [
        (
            'a[href$="linen-shirt"] > .product-card__image[width="400"][height="500"]',
            '.product-card__link.css-31f76d[href$="trench-coat"] > .product-card__image.css-61a684',
            '<img class="product-card__image" src="/media/products/linen-shirt-1.svg" width="400">',
        ),
        (
            'li:nth-child(1) > .payment-icon[role="img"][width="46"]',
            'li:nth-child(4) > .payment-icon.css-f4bd2c[role="img"]',
            '<svg class="payment-icon" role="img" width="46" height="30">',
        ),
    ],
)
def test_the_churn_variant_changes_nothing_a_fingerprint_sees(
    target: str, churned_target: str, snippet: str
) -> None:
    """The demo's churn build (new generated classes, names, prices, query strings) keeps every
    component signature, even where axe picks another selector for the element."""
    churned = churn_html(snippet)
    assert churned != snippet and "css-" in churned
    assert component_signature((churned_target,), churned) == component_signature((target,), snippet)
    assert churn_html("<p>Relaxed Linen Shirt £95.00</p>") == "<p>Linen Shirt Relaxed £85.50</p>"


def flipped(fingerprint: str, outcome: str, **fields: Any) -> dict[str, Any]:
    """An issue of defect `dddd` (one element and rule) judged with this outcome."""
    return issue(fingerprint, defect_key="dddd", outcome=outcome, **fields)


def test_a_known_defect_whose_outcome_flipped_is_outcome_changed_not_new() -> None:
    """Churned product names clip a card title by more pixels: needs review becomes failed."""
    baseline = create(run(flipped("review", "cantTell", priority="P3"), issue("aaaa")))
    result = decide(run(flipped("certain", "failed"), issue("aaaa")), baseline, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.outcome_changed] == ["certain"]
    assert result.blocking == [] and result.new == [] and result.fixed == []  # the old entry is not fixed
    assert result.exit_code == 0
    assert result.baseline_states == {"aaaa": "unchanged", "certain": "updated"}
    lines = summary_lines(result, "b.json")
    assert "0 flaky, 1 outcome changed, 1 known, 0 fixed." in lines[0]
    changed = [line for line in lines if line.startswith("  outcome changed (known defect")]
    assert len(changed) == 1 and "failed; certain" in changed[0]
    (notice,) = github_annotations(result, "b.json")
    assert notice.startswith("::notice file=b.json,title=Known accessibility issue now failed P2 image-alt")


def test_the_reverse_flip_is_outcome_changed_too() -> None:
    baseline = create(run(flipped("certain", "failed")))
    result = decide(run(flipped("review", "cantTell")), baseline, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.outcome_changed] == ["review"] and result.fixed == []


def test_a_triaged_needs_review_item_that_now_fails_for_certain_is_new() -> None:
    """The triage judged the uncertain finding; it does not cover a certain failure."""
    baseline = create(run(flipped("review", "cantTell")))
    triaged = replace(baseline, entries={"review": replace(baseline.entries["review"], triage="reviewed-ok")})
    result = decide(run(flipped("certain", "failed")), triaged, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.blocking] == ["certain"] and result.outcome_changed == []
    assert result.fixed == []  # the triaged entry's element is still there


def test_an_outcome_change_of_expired_debt_counts_as_new() -> None:
    baseline = create(run(flipped("review", "cantTell")))
    debt = replace(
        baseline, entries={"review": replace(baseline.entries["review"], expires=date(2026, 11, 1))}
    )
    result = decide(run(flipped("certain", "failed")), debt, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.blocking] == ["certain"]
    assert result.expired == {"certain"}


def test_issues_without_a_defect_key_match_by_fingerprint_only() -> None:
    """Results before 1.4.0 have no defect key: a changed fingerprint is new, as it always was."""
    baseline = create(run(issue("review", outcome="cantTell")))
    result = decide(run(issue("certain")), baseline, GatePolicy(), TODAY)
    assert [item.fingerprint for item in result.blocking] == ["certain"]
    assert [entry.fingerprint for entry in result.fixed] == ["review"]
