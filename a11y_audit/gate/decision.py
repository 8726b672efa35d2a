"""The CI gate's decision, pure: results + baseline + policy -> what is new, known, fixed.

CI must block exactly the regressions. Count thresholds let one fix hide one new defect, so
the gate compares issues by fingerprint against the baseline instead, and fails (exit 1) only
for a *new* issue that is certain (`failed`, not needs-review), tests a WCAG criterion (best
practice never blocks) and is at or above the configured priority. Known issues pass; fixed
ones are reported so `baseline update` can ratchet them out; accepted debt past its `expires`
date counts as new. A new issue of a rule the baseline's run did not have, or whose WCAG
mapping moved (an axe-core upgrade), is "rule changed": worth a look, not a regression.

Whether a check is certain can depend on page data: text that a fixed-height card clips by a
pixel is needs-review, by a letter is failed, and a renamed product moves it from one to the
other. The fingerprint includes the outcome, so such an issue is looked up by its defect key
(the fingerprint without the outcome): the same defect with the other outcome in the baseline
is "outcome changed", a known defect, reported but not blocking. One exception: a person's
triage (reviewed-ok, false-positive) judged an uncertain finding, so when the tool becomes
certain that the element fails, the triage no longer covers it and the issue is new.

A crawl that audited too few pages proves nothing, so it is a tool failure (exit 3), never a
pass: fewer than `min_pages`, or fewer than the baseline's run by more than `max_page_drop`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from a11y_audit.config import Config
from a11y_audit.gate.baseline import Baseline, Entry, rule_key
from a11y_audit.model import Issue, Outcome, Priority
from a11y_audit.reports.trend import Trend, TrendRow, count_by_priority
from a11y_audit.run_result import RunResult

__all__ = [
    "GatePolicy",
    "GateResult",
    "as_trend",
    "decide",
    "gate_policy",
    "github_annotations",
    "summary_lines",
]

EXIT_PASS, EXIT_FAIL, EXIT_TOOL = 0, 1, 3


@dataclass(frozen=True, slots=True)
class GatePolicy:
    """What blocks a merge; the defaults are the [gate] section's."""

    fail_on: Priority = Priority.P2
    min_pages: int = 1
    max_page_drop: float = 0.2


def gate_policy(config: Config) -> GatePolicy:
    """[gate] fail_on, min_pages and max_page_drop as the gate's policy."""
    return GatePolicy(Priority(config.fail_on), config.min_pages, config.max_page_drop)


@dataclass(frozen=True, slots=True)
class GateResult:
    """Every issue of the run in exactly one list (plus the baseline's fixed entries)."""

    blocking: list[Issue]
    """New, failed, WCAG, at or above fail_on: these fail the gate."""
    new: list[Issue]
    """New but not blocking: below the threshold, needs review, or best practice."""
    rule_changed: list[Issue]
    known: list[Issue]
    fixed: list[Entry]
    outcome_changed: list[Issue] = field(default_factory=list)
    """Known defects now judged with the other outcome (their old entries are not fixed)."""
    expired: frozenset[str] = frozenset()
    """Fingerprints of accepted debt past its date (they sit in blocking or new)."""
    flaky: list[Issue] = field(default_factory=list)
    """Were blocking, but did not reproduce when their pages were audited again."""
    page_problem: str | None = None
    fail_on: Priority = Priority.P2

    @property
    def exit_code(self) -> int:
        if self.page_problem is not None:
            return EXIT_TOOL
        return EXIT_FAIL if self.blocking else EXIT_PASS

    @property
    def baseline_states(self) -> dict[str, str]:
        """SARIF's baselineState of each issue the baseline knows (the rest are `new`); its keys
        are the issues reports show as accepted rather than as failures."""
        states = {issue.fingerprint: "unchanged" for issue in self.known}
        states.update((issue.fingerprint, "updated") for issue in self.outcome_changed)
        return states

    def with_flaky(self, fingerprints: Iterable[str]) -> GateResult:
        """Move blocking issues that did not reproduce to `flaky`."""
        gone = set(fingerprints)
        return replace(
            self,
            blocking=[issue for issue in self.blocking if issue.fingerprint not in gone],
            flaky=[*self.flaky, *(issue for issue in self.blocking if issue.fingerprint in gone)],
        )


def decide(run: RunResult, baseline: Baseline, policy: GatePolicy, today: date) -> GateResult:
    """Split the run's issues against the baseline and check the run covered enough pages."""
    blocking: list[Issue] = []
    new: list[Issue] = []
    rule_changed: list[Issue] = []
    known: list[Issue] = []
    outcome_changed: list[Issue] = []
    changed_entries: set[str] = set()
    expired: set[str] = set()
    current_rules = {rule_key(rule.source, rule.id): rule.wcag for rule in run.tool.rules_run or ()}
    for issue in run.issues:
        entry = baseline.entries.get(issue.fingerprint)
        if entry is not None and not entry.expired(today):
            known.append(issue)
            continue
        counterpart = baseline.counterpart(issue)
        if counterpart is not None:
            changed_entries.add(counterpart.fingerprint)
        if entry is not None or (counterpart is not None and counterpart.expired(today)):
            expired.add(issue.fingerprint)
        elif counterpart is not None and not _triage_overruled(counterpart, issue):
            outcome_changed.append(issue)
            continue
        elif _rule_changed(issue, baseline, current_rules):
            rule_changed.append(issue)
            continue
        (blocking if _blocks(issue, policy.fail_on) else new).append(issue)
    present = {issue.fingerprint for issue in run.issues} | changed_entries
    fixed = [entry for fingerprint, entry in sorted(baseline.entries.items()) if fingerprint not in present]
    return GateResult(
        blocking=blocking,
        new=new,
        rule_changed=rule_changed,
        known=known,
        fixed=fixed,
        outcome_changed=outcome_changed,
        expired=frozenset(expired),
        page_problem=_page_problem(run, baseline, policy),
        fail_on=policy.fail_on,
    )


def _blocks(issue: Issue, fail_on: Priority) -> bool:
    return (
        issue.outcome is Outcome.FAILED
        and bool(issue.rule.wcag)
        and issue.triage.priority.rank <= fail_on.rank
    )


def _triage_overruled(entry: Entry, issue: Issue) -> bool:
    """A triage judged the needs-review finding; a certain failure is beyond what it covered."""
    return entry.triage is not None and issue.outcome is Outcome.FAILED


def _rule_changed(issue: Issue, baseline: Baseline, current: dict[str, tuple[str, ...]]) -> bool:
    """The baseline's run did not have this rule, or the rule now maps to other criteria.

    Without a record of the baseline's rules (results before 1.2.0) nothing can be told apart,
    so the issue is judged as new: a gate must not pass by accident.
    """
    before = baseline.run.rules_run
    if not before:
        return False
    key = rule_key(issue.rule.source, issue.rule.id)
    if key not in before:
        return True
    return key in current and set(current[key]) != set(before[key])


def _page_problem(run: RunResult, baseline: Baseline, policy: GatePolicy) -> str | None:
    audited = run.summary.pages_audited
    if audited < policy.min_pages:
        return (
            f"only {audited} page(s) audited, fewer than the minimum of {policy.min_pages}: check that the "
            "site was reachable, or lower --min-pages"
        )
    floor = baseline.run.pages_audited * (1 - policy.max_page_drop)
    if audited < floor:
        return (
            f"only {audited} page(s) audited, against {baseline.run.pages_audited} in the baseline's run "
            f"(more than {policy.max_page_drop:.0%} fewer): check for crawl errors, or raise --max-page-drop"
        )
    return None


def as_trend(result: GateResult, baseline: Baseline, run: RunResult) -> Trend:
    """The gate's split in the shape the Markdown summary shows: new, fixed, still open."""
    return Trend(
        new=[*result.blocking, *result.new, *result.rule_changed, *result.flaky],
        fixed=[
            TrendRow(entry.fingerprint, entry.priority, entry.title, entry.rule) for entry in result.fixed
        ],
        still_open=[*result.known, *result.outcome_changed],
        then=count_by_priority(entry.priority for entry in baseline.entries.values()),
        now=count_by_priority(issue.triage.priority.value for issue in run.issues),
        previous_started=f"the baseline ({baseline.run.started})",
    )


def summary_lines(result: GateResult, baseline_name: str) -> list[str]:
    """The gate's verdict as the CLI prints it: the blocking issues first, then the rest."""
    lines = [
        f"Gate (fail on {result.fail_on.value} and above, against {baseline_name}): "
        f"{len(result.blocking)} new blocking, {len(result.new)} new not blocking, "
        f"{len(result.rule_changed)} rule changed, {len(result.flaky)} flaky, "
        f"{len(result.outcome_changed)} outcome changed, {len(result.known)} known, "
        f"{len(result.fixed)} fixed."
    ]
    sections: list[tuple[str, list[Issue]]] = [
        ("NEW", result.blocking),
        ("new (not blocking)", result.new),
        ("rule changed (not a regression; update the baseline)", result.rule_changed),
        ("flaky (did not reproduce; not blocking)", result.flaky),
        ("outcome changed (known defect; not blocking; baseline update records it)", result.outcome_changed),
    ]
    for heading, issues in sections:
        for issue in issues:
            suffix = " (accepted debt expired)" if issue.fingerprint in result.expired else ""
            lines.append(f"  {heading}: {_describe(issue)}{suffix}")
    lines += [
        f"  fixed: {entry.priority} {entry.rule} ({entry.fingerprint}) on {entry.example_page}; "
        "remove it with `a11y-audit baseline update`"
        for entry in result.fixed
    ]
    return lines


def _describe(issue: Issue) -> str:
    first = issue.instances[0]
    wcag = ", ".join(issue.rule.wcag) or "best practice"
    return (
        f"{issue.triage.priority} {issue.rule.id} ({wcag}; {issue.outcome}; {issue.fingerprint}) "
        f"{_one_line(issue.rule.title)} at {first.page_url} {_one_line(first.selector)}"
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def github_annotations(result: GateResult, file: str) -> list[str]:
    """GitHub Actions workflow commands: an error per blocking issue, warnings for the rest.

    `file` (the baseline) anchors them, since web pages are not files in the repository.
    """
    lines = [
        _annotation("error", file, f"New accessibility issue {_short(i)}", _describe(i))
        for i in result.blocking
    ]
    lines += [
        _annotation("warning", file, f"Flaky accessibility issue {_short(i)}", _describe(i))
        for i in result.flaky
    ]
    lines += [
        _annotation("warning", file, f"Accessibility rule changed {_short(i)}", _describe(i))
        for i in result.rule_changed
    ]
    lines += [
        _annotation("notice", file, f"Known accessibility issue now {i.outcome} {_short(i)}", _describe(i))
        for i in result.outcome_changed
    ]
    if result.page_problem:
        lines.append(_annotation("error", file, "Accessibility audit incomplete", result.page_problem))
    return lines


def _short(issue: Issue) -> str:
    return f"{issue.triage.priority} {issue.rule.id}"


def _annotation(level: str, file: str, title: str, message: str) -> str:
    return f"::{level} file={_property(file)},title={_property(title)}::{_data(message)}"


def _data(text: str) -> str:
    """Escape a workflow command's message, as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
