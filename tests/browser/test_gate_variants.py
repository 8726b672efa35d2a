"""The CI gate end to end on the demo store's variants, through the real CLI.

The issue's promise: the fixed store passes a baseline made from itself; the regression store
(fixed plus D42, in the payment frame that only the checkout journey reaches) fails with
exactly that one new issue; the churn store (broken, rebuilt with new class names, order,
names, prices and query strings) passes a baseline made from the broken store, because churn
is not a regression. The fixed, broken and regression runs are the session's shared demo runs
(tests/browser/demo_runs.py: every check, the demo's journeys); churn is crawled here.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from a11y_audit.demo.defects import REGRESSION_DEFECT, load_manifest
from tests.browser.conftest import run_cli
from tests.browser.demo_runs import DemoRun, baseline_of, demo
from tests.unit.test_ci_formats import SARIF_SCHEMA

# The demo-run fixtures crawl the whole store in a subprocess allowed 900 s (demo_runs.py);
# the test's own limit must not be shorter than the fixture it waits for.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]


def test_the_fixed_store_passes_a_baseline_made_from_itself(demo_fixed: DemoRun) -> None:
    baseline = baseline_of(demo_fixed)
    results = demo_fixed.out / "results.json"
    gated = run_cli("gate", str(results), "--baseline", str(baseline), "--min-pages", "60")
    assert gated.returncode == 0, gated.stdout + gated.stderr
    assert "0 new blocking, 0 new not blocking, 0 rule changed" in gated.stdout


def test_the_regression_store_fails_with_exactly_its_one_new_issue(
    demo_regression: DemoRun, demo_fixed: DemoRun
) -> None:
    gated = demo_regression.result
    assert gated.returncode == 1, gated.stdout + gated.stderr
    new = [line for line in gated.stdout.splitlines() if line.strip().startswith(("NEW:", "new (not"))]
    assert len(new) == 1, gated.stdout
    (issue,) = demo_regression.issues_of(REGRESSION_DEFECT)
    assert issue["fingerprint"] in new[0]
    assert issue["rule"] in load_manifest().get(REGRESSION_DEFECT).axe_rules and issue["outcome"] == "failed"
    assert all(len(instance["target"]) == 2 for instance in issue["instances"])  # in the payment frame
    # Both payment states, before and after the declined card (the field then carries
    # aria-invalid, aria-describedby and an is-invalid class), are the same one issue.
    states = {item["page_url"].rsplit("state=", 1)[-1] for item in issue["instances"]}
    assert states == {"payment", "payment-declined"}, states
    # The retry ran the checkout journey again (a state's address alone is the empty bag), and
    # D42 came back: not flaky.
    assert "Auditing 1 page(s) and journey(s) checkout with new blocking issues again (1/1)" in gated.stdout
    results = demo_regression.out / "results.json"
    sarif = run_cli("report", str(results), "--format", "sarif", "--baseline", str(baseline_of(demo_fixed)))
    assert sarif.returncode == 0, sarif.stderr
    log = json.loads((demo_regression.out / "results.sarif").read_text("utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert [result["baselineState"] for result in log["runs"][0]["results"]] == ["new"]


def test_the_churned_store_passes_a_baseline_made_from_the_broken_store(
    demo_broken: DemoRun, tmp_path: Path
) -> None:
    baseline = baseline_of(demo_broken)
    gated = demo("churn", tmp_path / "churn", "--baseline", str(baseline), "--no-screenshots")
    assert gated.returncode == 0, gated.stdout + gated.stderr
    assert "0 new blocking, 0 new not blocking, 0 rule changed, 0 flaky" in gated.stdout
    assert gated.stdout.count(" fixed: ") == 0, gated.stdout  # every broken issue was matched
