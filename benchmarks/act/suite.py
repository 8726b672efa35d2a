"""The ACT Rules test cases and the rules in scope, read from the shared folder (never copied
into the repository: the data stays where `../shared/README` says it lives)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = ["ActCase", "ActRule", "Expected", "Suite", "find_suite_root", "load_suite"]

SUITE_ENV = "A11Y_AUDIT_ACT_RULES"
CASES_INDEX = Path("WAI/content-assets/wcag-act-rules/testcases.json")
CASES_FOLDER = "WAI/content-assets/wcag-act-rules"
IN_SCOPE = Path("in-scope-wcag21-aa.json")


class Expected(StrEnum):
    """What the rule's authors say a case is."""

    PASSED = "passed"
    FAILED = "failed"
    INAPPLICABLE = "inapplicable"


@dataclass(frozen=True, slots=True)
class ActRule:
    """A rule with at least one WCAG 2.1 A/AA criterion as a conformance requirement."""

    id: str
    name: str
    criteria: tuple[str, ...]
    approved: bool

    @property
    def page(self) -> str:
        return f"https://www.w3.org/WAI/standards-guidelines/act/rules/{self.id}/"


@dataclass(frozen=True, slots=True)
class ActCase:
    """One test case: its rule, what it is expected to be, where it lives."""

    rule: str
    id: str
    title: str
    expected: Expected
    path: str
    """Relative to the served root, e.g. WAI/content-assets/wcag-act-rules/testcases/<rule>/<id>.html"""
    w3c_url: str
    """The case's published address: the subject EARL reports name."""


@dataclass(frozen=True, slots=True)
class Suite:
    """The in-scope rules (by id, in W3C's order) and their cases."""

    root: Path
    rules: dict[str, ActRule]
    cases: tuple[ActCase, ...]

    def only(self, rule_ids: set[str]) -> Suite:
        """The suite narrowed to these rules (an unknown id is the caller's mistake to report)."""
        rules = {rule_id: rule for rule_id, rule in self.rules.items() if rule_id in rule_ids}
        return Suite(self.root, rules, tuple(case for case in self.cases if case.rule in rules))

    def without_failed_cases_of(self, rule_ids: set[str]) -> Suite:
        """The suite without the failed cases of these rules (only their other cases can
        show a false failure)."""
        cases = tuple(
            case for case in self.cases if not (case.rule in rule_ids and case.expected is Expected.FAILED)
        )
        return Suite(self.root, self.rules, cases)

    def case_urls(self, root_url: str) -> dict[str, str]:
        """Per case (keyed by its path, unique): the URL audited for it. W3C's case id is a hash
        of the case's content, so cases of several rules that share an id are one page
        (e.g. a page without lang is a failed case of one rule, an inapplicable one of another)
        and are audited once, at the path of the last case with that id."""
        page_of = {case.id: case.path for case in self.cases}
        return {case.path: root_url + page_of[case.id] for case in self.cases}

    def cases_of(self, rule_id: str) -> tuple[ActCase, ...]:
        return tuple(case for case in self.cases if case.rule == rule_id)


def find_suite_root(project: Path) -> Path | None:
    """$A11Y_AUDIT_ACT_RULES, else ../shared/act-rules beside the project; None if neither holds
    the index (a clone elsewhere must say where the suite is)."""
    candidates = [Path(value) for value in (os.environ.get(SUITE_ENV),) if value]
    candidates.append(project.resolve().parent / "shared" / "act-rules")
    return next((root for root in candidates if (root / CASES_INDEX).is_file()), None)


def load_suite(root: Path) -> Suite:
    """The in-scope rules and every one of their cases, in the index's order."""
    scope = json.loads((root / IN_SCOPE).read_text(encoding="utf-8"))
    rules = {
        row["rule"]: ActRule(row["rule"], row["name"], tuple(row["wcag21_a_aa"]), bool(row["approved"]))
        for row in scope
    }
    index = json.loads((root / CASES_INDEX).read_text(encoding="utf-8"))
    cases = tuple(
        ActCase(
            rule=row["ruleId"],
            id=row["testcaseId"],
            title=row["testcaseTitle"],
            expected=Expected(row["expected"]),
            path=f"{CASES_FOLDER}/{row['relativePath']}",
            w3c_url=row["url"],
        )
        for row in index["testcases"]
        if row["ruleId"] in rules
    )
    return Suite(root, rules, cases)
