"""`python -m benchmarks.act`: audit the W3C ACT Rules cases and publish the figures.

    python -m benchmarks.act --publish          # every in-scope rule; writes docs/act.md, act-earl.json
    python -m benchmarks.act --subset --check   # what CI runs: our checks' rules + the consistent ones
    python -m benchmarks.act --rules 80af7b,0ssw9k --output /tmp/act
    python -m benchmarks.act --from-results /tmp/act/results.json   # re-judge a run, no browser

Exit 0, or 1 when `--check` finds one of our checks failing a passed or inapplicable case or a
rule of expectations.json no longer consistent (`--update-expectations` records today's
consistent rules, on purpose), or 2 on a usage mistake (the suite not found, an unknown rule).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from a11y_audit import __version__
from a11y_audit.config import Config
from a11y_audit.judge.registry import builtin_checks
from a11y_audit.run_result import RunResult, load_results
from benchmarks.act.publish import act_markdown, earl_report
from benchmarks.act.runner import audit_suite
from benchmarks.act.suite import SUITE_ENV, Suite, find_suite_root, load_suite
from benchmarks.act.verdicts import (
    CaseResult,
    Consistency,
    RuleVerdict,
    Tool,
    ToolSummary,
    case_results,
    classify,
    summarise,
)

PROJECT = Path(__file__).resolve().parents[2]
EXPECTATIONS = Path(__file__).with_name("expectations.json")
DOCS = PROJECT / "docs"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()
    root = find_suite_root(PROJECT)
    if root is None:
        print(
            f"act: the ACT Rules suite was not found: set {SUITE_ENV} to the act-rules folder",
            file=sys.stderr,
        )
        return 2
    suite = load_suite(root)
    if args.update_expectations and (args.rules or args.subset):
        print("act: --update-expectations records a full run: drop --rules/--subset", file=sys.stderr)
        return 2
    try:
        suite = _narrowed(suite, args)
    except ValueError as error:
        print(f"act: {error}", file=sys.stderr)
        return 2
    run, url_of = _run(suite, args)
    results = case_results(run, suite, url_of)
    verdicts = {tool: classify(suite, results, tool) for tool in Tool}
    summaries = [summarise(tool, verdicts[tool]) for tool in Tool]
    header = _header(run, suite)
    print(
        act_markdown(suite, verdicts, summaries, header=header, known=true_failures()).split("\n## Per rule")[
            0
        ]
    )
    if args.publish:
        _publish(suite, results, run, verdicts, summaries, header)
    if args.update_expectations:
        _write_expectations(verdicts[Tool.PRODUCT])
    print(f"act: {time.monotonic() - started:.0f} s wall time", file=sys.stderr)
    return _check(verdicts) if args.check else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.act", description=__doc__.split("\n")[0])
    parser.add_argument("--rules", help="only these rule ids (comma-separated)")
    parser.add_argument(
        "--subset", action="store_true", help="the CI subset: rules our checks map to + consistent rules"
    )
    parser.add_argument("--output", type=Path, default=Path("act-run"), help="run folder [act-run]")
    parser.add_argument("--workers", type=int, default=2, help="browser sessions [2]")
    parser.add_argument("--from-results", type=Path, help="re-judge this results.json instead of auditing")
    parser.add_argument("--publish", action="store_true", help="write docs/act.md and docs/act-earl.json")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 on a regression against expectations.json"
    )
    parser.add_argument("--update-expectations", action="store_true", help="record today's consistent rules")
    return parser


def _narrowed(suite: Suite, args: argparse.Namespace) -> Suite:
    if args.rules:
        wanted = {rule.strip() for rule in args.rules.split(",") if rule.strip()}
        unknown = wanted - set(suite.rules)
        if unknown:
            raise ValueError(f"not an in-scope ACT rule: {', '.join(sorted(unknown))}")
        return suite.only(wanted)
    if args.subset:
        return ci_subset(suite)
    return suite


def ci_subset(suite: Suite) -> Suite:
    """What the CI guard needs to see: every case of the rules expected consistent (one missed
    failed case makes such a rule regress), and the passed and inapplicable cases of the other
    rules one of our checks maps to (by criterion), where a false failure of ours would show.
    The failed cases of rules not yet consistent can show neither, so they are left to
    `nox -s act`."""
    expected = set(expected_consistent())
    ours = {criterion for check in builtin_checks() for criterion in check.meta.wcag}
    mapped = {rule.id for rule in suite.rules.values() if ours & set(rule.criteria)}
    return suite.only(mapped | expected).without_failed_cases_of(mapped - expected)


def expected_consistent() -> list[str]:
    return list(_expectations()["consistent"])


def true_failures() -> dict[str, str]:
    """Passed or inapplicable cases of one rule whose page fails the same criterion under
    another ACT rule (case path -> which rule and why). The suite's definition still counts
    them as false failures, and docs/act.md does; the CI guard does not fail on our checks
    reporting them, since not reporting them would miss a real failure."""
    return dict(_expectations().get("true_failures", {}))


def _expectations() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    return data


def _run(suite: Suite, args: argparse.Namespace) -> tuple[RunResult, dict[str, str]]:
    if args.from_results is not None:
        run = load_results(args.from_results)
        base = run.pages[0].url.split("/WAI/")[0] + "/" if run.pages else ""
        return run, suite.case_urls(base)
    config = replace(
        Config(),
        workers=args.workers,
        screenshots=False,
        page_load_timeout=15.0,
    )
    print(f"act: auditing {len(suite.cases)} cases of {len(suite.rules)} rules", file=sys.stderr)
    return audit_suite(suite, config, args.output)


def _header(run: RunResult, suite: Suite) -> str:
    """What produced the figures; the audit's duration is the run's own (a re-judged run keeps it)."""
    minutes = (
        datetime.fromisoformat(run.tool.finished or run.tool.started)
        - datetime.fromisoformat(run.tool.started)
    ).total_seconds() / 60
    return (
        "# a11y-audit on the W3C ACT Rules test cases\n\n"
        f"Generated by `nox -s act` (a11y-audit {__version__}, axe-core {run.tool.axe_core_version}, "
        f"{len(suite.rules)} rules with a WCAG 2.1 A/AA criterion, {len(suite.cases)} cases, "
        f"audited in {minutes:.1f} min with {run.tool.config.get('workers', '?')} browser sessions). "
        "A case is failed by a tool when the tool reports a failure (not a needs-review) of one of "
        "the rule's criteria on that page; a rule is consistent when every failed case is failed "
        "and no passed or inapplicable case is, partially consistent when some failed cases are and "
        "none of the others, inconsistent when any passed or inapplicable case is failed. The suite: "
        "`../shared/act-rules` (W3C wcag-act-rules, W3C Document License)."
    )


def _publish(
    suite: Suite,
    results: dict[str, CaseResult],
    run: RunResult,
    verdicts: dict[Tool, list[RuleVerdict]],
    summaries: list[ToolSummary],
    header: str,
) -> None:
    (DOCS / "act.md").write_text(
        act_markdown(suite, verdicts, summaries, header=header, known=true_failures()), encoding="utf-8"
    )
    date = datetime.now(UTC).date().isoformat()
    report = earl_report(
        suite, results, version=__version__, axe_version=run.tool.axe_core_version, date=date
    )
    (DOCS / "act-earl.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {DOCS / 'act.md'} and {DOCS / 'act-earl.json'}", file=sys.stderr)


def _write_expectations(product: list[RuleVerdict]) -> None:
    consistent = sorted(v.rule.id for v in product if v.consistency is Consistency.CONSISTENT)
    recorded = {"consistent": consistent, "true_failures": true_failures()}
    EXPECTATIONS.write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTATIONS}: {len(consistent)} consistent rules", file=sys.stderr)


def _check(verdicts: dict[Tool, list[RuleVerdict]]) -> int:
    """1 when one of our checks fails a passed/inapplicable case, or an expected rule regressed."""
    known = true_failures()
    problems = [
        f"our checks fail {result.case.expected} case {result.case.w3c_url} of rule {v.rule.id}"
        for v in verdicts[Tool.CHECKS]
        for result in v.false_failures
        if result.case.path not in known
    ]
    expected = set(expected_consistent())
    problems += [
        f"rule {v.rule.id} ({v.rule.name}) is {v.consistency}, expected consistent"
        for v in verdicts[Tool.PRODUCT]
        if v.rule.id in expected and v.consistency is not Consistency.CONSISTENT
    ]
    for problem in problems:
        print(f"act: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
