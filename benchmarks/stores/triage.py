"""Hand-triaged verdicts on a real store's failed issues, and the check that a new run agrees.

A person read every failed issue of one crawl of a store against the page source and wrote
whether it is a true failure, a false one or debatable (benchmarks/stores/triage/<store>.json).
Those verdicts turn the store into a regression test for precision, which is what a real store
measures best: nobody here wrote its pages, so a failure we report there is either a defect a
customer would meet or a false failure, the worst outcome for this tool.

    python -m benchmarks.stores.triage check benchmarks/stores/triage/oscar.json RUN/results.json
    python -m benchmarks.stores.triage draft RUN/results.json --store "django-oscar 4.2.1" \
        --run "a11y-audit crawl ..." [--previous benchmarks/stores/triage/oscar.json] > draft.json

`check` compares a run with the verdicts (issues are matched by fingerprint, which survives
new product names, prices and ports): a true issue no longer found and a false issue found
again are problems (exit 1); failed issues nobody triaged yet are warnings. It prints the
figures: pages, templates, issues, verdict counts and the share of failed issues triaged true.
`draft` writes a triage file for a run, carrying verdicts over from a previous file and
leaving "?" (which `check` refuses) where a person still has to read the page.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from a11y_audit.errors import A11yAuditError, UsageError
from a11y_audit.model import Issue, Outcome
from a11y_audit.run_result import RunResult, load_results

__all__ = [
    "Comparison",
    "Figures",
    "TriageError",
    "TriageFile",
    "Verdict",
    "compare",
    "draft",
    "figures",
    "load_triage",
    "parse_triage",
    "print_comparison",
    "summary_line",
]

VerdictName = Literal["true", "false", "debatable"]
VERDICTS: tuple[VerdictName, ...] = ("true", "false", "debatable")
TARGET_TRUE_SHARE = 0.95
"""Issue 17's done-when: at least this share of a store's failed issues are true failures."""
_FIELDS = ("fingerprint", "rule", "summary", "template", "verdict", "why")
_SUMMARY_CHARS = 200


class TriageError(UsageError):
    """A triage file that cannot be read: the message names the file, the entry and the fix."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """One person's verdict on one failed issue, with the reason in one line."""

    fingerprint: str
    rule: str
    summary: str
    template: str
    verdict: VerdictName
    why: str


@dataclass(frozen=True, slots=True)
class TriageFile:
    """A store's verdicts and the crawl command whose failed issues they judge."""

    store: str
    run: str
    issues: tuple[Verdict, ...]

    def by_fingerprint(self) -> dict[str, Verdict]:
        """The verdicts keyed by the fingerprint of the issue they judge."""
        return {verdict.fingerprint: verdict for verdict in self.issues}


@dataclass(frozen=True, slots=True)
class Figures:
    """What a run found on the store and how much of it the verdicts call true."""

    pages: int
    pages_failed: int
    templates: int
    failed: int
    needs_review: int
    verdicts: Mapping[str, int]
    """Failed issues of the run by verdict: true, false, debatable, untriaged."""

    @property
    def true_share(self) -> float:
        """Share of the run's failed issues triaged true (1.0 when nothing failed)."""
        return self.verdicts.get("true", 0) / self.failed if self.failed else 1.0

    def lines(self) -> list[str]:
        """The figures as the lines `check` prints."""
        counts = ", ".join(f"{self.verdicts.get(name, 0)} {name}" for name in (*VERDICTS, "untriaged"))
        return [
            f"pages: {self.pages} audited, {self.pages_failed} failed; templates: {self.templates}",
            f"issues: {self.failed} failed, {self.needs_review} need review",
            f"failed issues triaged: {counts}",
            f"triaged true: {self.true_share:.1%} of failed issues (target {TARGET_TRUE_SHARE:.0%})",
        ]


@dataclass(frozen=True, slots=True)
class Comparison:
    """A run measured against the verdicts: what broke, what is new, and the figures."""

    true_missing: tuple[Verdict, ...]
    false_found: tuple[Verdict, ...]
    untriaged: tuple[Issue, ...]
    figures: Figures

    @property
    def problems(self) -> list[str]:
        """One line per regression: a true failure we stopped finding, a false one back."""
        return [
            *(f"true issue no longer found: {_describe(v)}" for v in self.true_missing),
            *(f"false issue found again: {_describe(v)} ({v.why})" for v in self.false_found),
        ]

    @property
    def warnings(self) -> list[str]:
        """One line per failed issue nobody has triaged yet (read it, then add a verdict)."""
        return [
            f"not triaged yet: {issue.fingerprint} {issue.rule.id} on {_templates(issue)}: "
            + summary_line(issue)
            for issue in self.untriaged
        ]


def parse_triage(data: Any, source: str) -> TriageFile:
    """A triage file's JSON as a TriageFile; a wrong shape is a TriageError naming the fix."""
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
        raise TriageError(f"{source}: not a triage file: expected an object with an 'issues' list")
    for key in ("store", "run"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise TriageError(f"{source}: '{key}' is missing or not a non-empty string")
    verdicts = [_verdict(entry, f"{source}: issue {index}") for index, entry in enumerate(data["issues"])]
    seen: set[str] = set()
    for index, verdict in enumerate(verdicts):
        if verdict.fingerprint in seen:
            raise TriageError(
                f"{source}: issue {index}: fingerprint {verdict.fingerprint} is judged twice; keep one entry"
            )
        seen.add(verdict.fingerprint)
    return TriageFile(store=data["store"], run=data["run"], issues=tuple(verdicts))


def _verdict(entry: Any, where: str) -> Verdict:
    if not isinstance(entry, dict):
        raise TriageError(f"{where}: expected an object with {', '.join(_FIELDS)}")
    missing = [key for key in _FIELDS if not isinstance(entry.get(key), str) or not entry[key]]
    if missing:
        raise TriageError(f"{where}: {', '.join(missing)} missing or empty; every entry needs all of them")
    if entry["verdict"] not in VERDICTS:
        raise TriageError(
            f"{where}: verdict {entry['verdict']!r} is not one of {', '.join(VERDICTS)};"
            " read the page source and decide"
        )
    return Verdict(**{key: entry[key] for key in _FIELDS})


def load_triage(path: Path) -> TriageFile:
    """Read a triage file; an unreadable or malformed file is a TriageError naming it."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise TriageError(f"cannot read triage file {path}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TriageError(f"{path} is not a triage file: invalid JSON ({error})") from error
    return parse_triage(data, str(path))


def compare(triage: TriageFile, result: RunResult) -> Comparison:
    """The run against the verdicts, matched by fingerprint (only failed issues count)."""
    failed = {issue.fingerprint: issue for issue in result.issues if issue.outcome is Outcome.FAILED}
    verdicts = triage.by_fingerprint()
    return Comparison(
        true_missing=tuple(v for v in triage.issues if v.verdict == "true" and v.fingerprint not in failed),
        false_found=tuple(v for v in triage.issues if v.verdict == "false" and v.fingerprint in failed),
        untriaged=tuple(issue for key, issue in failed.items() if key not in verdicts),
        figures=figures(result, verdicts),
    )


def figures(result: RunResult, verdicts: Mapping[str, Verdict]) -> Figures:
    """Pages, templates and issues of the run; its failed issues counted by verdict."""
    audited = [page for page in result.pages if page.audited]
    outcomes = Counter(issue.outcome for issue in result.issues)
    judged = Counter(
        verdicts[issue.fingerprint].verdict if issue.fingerprint in verdicts else "untriaged"
        for issue in result.issues
        if issue.outcome is Outcome.FAILED
    )
    return Figures(
        pages=len(audited),
        pages_failed=sum(1 for page in result.pages if page.error),
        templates=len({page.template for page in audited if page.template}),
        failed=outcomes[Outcome.FAILED],
        needs_review=outcomes[Outcome.CANT_TELL],
        verdicts=dict(judged),
    )


def summary_line(issue: Issue) -> str:
    """What is wrong and where, in one line: the shared cause or the first instance's message,
    then its selector (a person finds the element in the page source from it)."""
    first = issue.instances[0]
    text = " ".join(f"{issue.cause or first.message} @ {first.selector}".split())
    return text if len(text) <= _SUMMARY_CHARS else text[: _SUMMARY_CHARS - 1] + "…"


def draft(result: RunResult, store: str, run: str, previous: Iterable[Verdict] = ()) -> dict[str, Any]:
    """A triage file for the run's failed issues: verdicts carried over by fingerprint, "?" where
    a person still has to read the page (`check` refuses "?", so none is forgotten)."""
    known = {verdict.fingerprint: verdict for verdict in previous}
    rows = []
    for issue in sorted(_failed(result.issues), key=lambda issue: (issue.rule.id, _templates(issue))):
        old = known.get(issue.fingerprint)
        rows.append(
            {
                "fingerprint": issue.fingerprint,
                "rule": issue.rule.id,
                "summary": summary_line(issue),
                "template": _templates(issue),
                "verdict": old.verdict if old else "?",
                "why": old.why if old else "?",
            }
        )
    return {"store": store, "run": run, "issues": rows}


def _failed(issues: Iterable[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.outcome is Outcome.FAILED]


def _templates(issue: Issue) -> str:
    return ", ".join(issue.templates)


def _describe(verdict: Verdict) -> str:
    return f"{verdict.fingerprint} {verdict.rule} on {verdict.template}: {verdict.summary}"


def main(argv: Sequence[str] | None = None) -> int:
    """`check` (exit 1 on problems) or `draft`; bad input exits 2 with one line."""
    options = _parser().parse_args(argv)
    try:
        result = load_results(options.results)
        if options.command == "draft":
            previous = load_triage(options.previous).issues if options.previous else ()
            print(json.dumps(draft(result, options.store, options.run, previous), indent=2))
            return 0
        comparison = compare(load_triage(options.triage), result)
    except A11yAuditError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return print_comparison(comparison)


def print_comparison(comparison: Comparison) -> int:
    """Print the figures, warnings and problems; the exit status: 1 on problems, else 0."""
    for line in [*comparison.figures.lines(), *comparison.warnings]:
        print(line)
    for line in comparison.problems:
        print(f"PROBLEM: {line}")
    return 1 if comparison.problems else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stores.triage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="compare a run with a triage file (exit 1 on problems)")
    check.add_argument("triage", type=Path)
    check.add_argument("results", type=Path)
    make = commands.add_parser("draft", help="write a triage file for a run's failed issues to stdout")
    make.add_argument("results", type=Path)
    make.add_argument("--store", required=True)
    make.add_argument("--run", required=True, help="the crawl command that produced the results")
    make.add_argument("--previous", type=Path, help="a triage file whose verdicts carry over")
    return parser


if __name__ == "__main__":
    sys.exit(main())
