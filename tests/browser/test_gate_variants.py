"""The CI gate end to end on the demo store's variants, through the real CLI.

The issue's promise: the fixed store passes a baseline made from itself; the regression store
(fixed plus D42) fails with exactly that one new issue; the churn store (broken, rebuilt with
new class names, order, names, prices and query strings) passes a baseline made from the
broken store, because churn is not a regression. Four crawls, each shared by module fixtures.

The runs leave out the page-changing checks (interactive_pages_per_template = 0). Their sample
no longer depends on crawl order (a11y_audit.sampling), but text-spacing and resize-text judge
rendered text: churn's rotated product names clip differently, so a card title that was
needs-review in the broken store can fail in the churned one, and the gate calls that new.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from a11y_audit.demo.defects import REGRESSION_DEFECT, load_manifest
from tests.browser.conftest import load_results, run_cli
from tests.unit.test_ci_formats import SARIF_SCHEMA

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("config") / "a11y-audit.toml"
    path.write_text("[checks]\ninteractive_pages_per_template = 0\n", "utf-8")
    return path


def demo(variant: str, out: Path, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(
        "demo",
        "--variant",
        variant,
        "-o",
        str(out),
        "--config",
        str(config),
        "--no-screenshots",
        "--quiet",
        *args,
    )


def baseline_of(variant: str, folder: Path, config: Path) -> Path:
    """Crawl a variant and make a baseline of everything it reports."""
    crawled = demo(variant, folder / "run", config)
    assert crawled.returncode == 0, crawled.stderr
    baseline = folder / "a11y-baseline.json"
    made = run_cli("baseline", "create", str(folder / "run" / "results.json"), "--baseline", str(baseline))
    assert made.returncode == 0, made.stderr
    return baseline


@pytest.fixture(scope="module")
def fixed_baseline(tmp_path_factory: pytest.TempPathFactory, config: Path) -> Path:
    return baseline_of("fixed", tmp_path_factory.mktemp("fixed"), config)


@pytest.fixture(scope="module")
def broken_baseline(tmp_path_factory: pytest.TempPathFactory, config: Path) -> Path:
    return baseline_of("broken", tmp_path_factory.mktemp("broken"), config)


def test_the_fixed_store_passes_a_baseline_made_from_itself(fixed_baseline: Path) -> None:
    results = fixed_baseline.parent / "run" / "results.json"
    gated = run_cli("gate", str(results), "--baseline", str(fixed_baseline), "--min-pages", "60")
    assert gated.returncode == 0, gated.stdout + gated.stderr
    assert "0 new blocking, 0 new not blocking, 0 rule changed" in gated.stdout


def test_the_regression_store_fails_with_exactly_its_one_new_issue(
    fixed_baseline: Path, config: Path, tmp_path: Path
) -> None:
    out = tmp_path / "regression"
    gated = demo("regression", out, config, "--baseline", str(fixed_baseline), "--retries", "1")
    assert gated.returncode == 1, gated.stdout + gated.stderr
    new = [line for line in gated.stdout.splitlines() if line.strip().startswith(("NEW:", "new (not"))]
    assert len(new) == 1, gated.stdout
    (issue,) = [item for item in load_results(out)["issues"] if item["fingerprint"] in new[0]]
    defect = load_manifest().get(REGRESSION_DEFECT)
    assert issue["rule"] in defect.axe_rules and issue["outcome"] == "failed"
    assert all(len(instance["target"]) == 2 for instance in issue["instances"])  # inside the payment frame
    assert "with new blocking issues again (1/1)" in gated.stdout  # and D42's issue came back
    sarif = run_cli(
        "report", str(out / "results.json"), "--format", "sarif", "--baseline", str(fixed_baseline)
    )
    assert sarif.returncode == 0, sarif.stderr
    log = json.loads((out / "results.sarif").read_text("utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert [result["baselineState"] for result in log["runs"][0]["results"]] == ["new"]


def test_the_churned_store_passes_a_baseline_made_from_the_broken_store(
    broken_baseline: Path, config: Path, tmp_path: Path
) -> None:
    gated = demo("churn", tmp_path / "churn", config, "--baseline", str(broken_baseline))
    assert gated.returncode == 0, gated.stdout + gated.stderr
    assert "0 new blocking, 0 new not blocking, 0 rule changed, 0 flaky" in gated.stdout
    assert gated.stdout.count(" fixed: ") == 0, gated.stdout  # every broken issue was matched
