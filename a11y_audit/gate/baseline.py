"""The CI baseline: the issues a team knows about, so CI fails only on new ones.

A baseline is a JSON file kept in the repository and reviewed like code: one entry per issue
fingerprint (a11y_audit.judge.grouping: it survives product, price, id, port and query churn but
changes when the element really changes), sorted, with what a reviewer needs to recognise the
issue (rule, WCAG criteria, priority, templates, an example page and selector). People may add
`reason`, `ticket` and `expires` (accepted debt that must be paid by a date) and, for items that
need review, `triage` (`reviewed-ok` or `false-positive`). Because the key is the fingerprint, a
triage decision holds until the element changes, and then the changed element is new.

Each entry also keeps the issue's defect key (the fingerprint without the outcome), so a known
defect whose outcome flipped between needs-review and failed, as rendered-text checks do when
product names change length, is still recognised (a11y_audit.gate.decision: "outcome changed") and
`update` carries its annotations over.

The baseline also records the run it was made from (axe-core version, rules that ran, pages
audited), so the gate can tell a rule that changed from a regression and a crawl that silently
audited fewer pages from a clean one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from a11y_audit.errors import ToolError, UsageError
from a11y_audit.model import Issue, JsonObject
from a11y_audit.run_result import RunResult

__all__ = [
    "FORMAT",
    "TRIAGE",
    "Baseline",
    "BaselineRun",
    "Entry",
    "create",
    "load_baseline",
    "rule_key",
    "update",
    "write_baseline",
]

FORMAT = "a11y-audit-baseline/1"
TRIAGE = ("reviewed-ok", "false-positive")
"""Decisions a person can record for an issue: checked and fine, or the tool was wrong."""
_OUTCOMES = ("failed", "cantTell")
_DEBT = ("reason", "ticket", "expires")
_ANNOTATIONS = (*_DEBT, "triage")
_HOW_TO_CREATE = "create one with `a11y-audit baseline create RESULTS.json --baseline FILE`"


def rule_key(source: str, rule: str) -> str:
    """'axe:color-contrast': how a rule is named in the baseline's record of rules that ran."""
    return f"{source}:{rule}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One known issue. The annotations (reason .. triage) are written by people and kept."""

    fingerprint: str
    rule: str
    source: str
    outcome: str
    wcag: tuple[str, ...]
    priority: str
    title: str
    templates: tuple[str, ...]
    example_page: str
    example_selector: str
    defect_key: str | None = None
    """Absent in baselines written before results 1.4.0: such entries match by fingerprint only."""
    reason: str | None = None
    ticket: str | None = None
    expires: date | None = None
    triage: str | None = None

    def expired(self, today: date) -> bool:
        """Accepted debt past its date counts as new again, so it cannot be forgotten."""
        return self.expires is not None and today > self.expires

    def to_json(self) -> JsonObject:
        data: JsonObject = {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "source": self.source,
            "outcome": self.outcome,
            "wcag": list(self.wcag),
            "priority": self.priority,
            "title": self.title,
            "templates": list(self.templates),
            "example_page": self.example_page,
            "example_selector": self.example_selector,
        }
        if self.defect_key is not None:
            data["defect_key"] = self.defect_key
        for name in _ANNOTATIONS:
            value = getattr(self, name)
            if value is not None:
                data[name] = value.isoformat() if isinstance(value, date) else value
        return data


@dataclass(frozen=True, slots=True)
class BaselineRun:
    """What the baseline's run covered: the yardstick for rule changes and page drops."""

    started: str
    axe_core_version: str
    pages_audited: int
    rules_run: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """rule_key -> WCAG criteria; empty when the results predate `tool.rules_run`."""

    def to_json(self) -> JsonObject:
        return {
            "started": self.started,
            "axe_core_version": self.axe_core_version,
            "pages_audited": self.pages_audited,
            "rules_run": {key: list(wcag) for key, wcag in sorted(self.rules_run.items())},
        }


@dataclass(frozen=True, slots=True)
class Baseline:
    run: BaselineRun
    entries: dict[str, Entry]
    """By fingerprint."""
    _by_defect: dict[tuple[str, str], Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_defect = {
            (entry.defect_key, entry.outcome): entry for entry in self.entries.values() if entry.defect_key
        }
        object.__setattr__(self, "_by_defect", by_defect)

    def counterpart(self, issue: Issue) -> Entry | None:
        """The entry of the same defect with another outcome, when the issue has no entry of
        its own: the known defect, judged failed where it was needs review, or the reverse."""
        key = issue.defect_key
        if key is None or issue.fingerprint in self.entries:
            return None
        others = (self._by_defect.get((key, outcome)) for outcome in _OUTCOMES if outcome != issue.outcome)
        return next((entry for entry in others if entry is not None), None)

    def to_json(self) -> JsonObject:
        ordered = sorted(
            self.entries.values(), key=lambda entry: (entry.source, entry.rule, entry.fingerprint)
        )
        return {"format": FORMAT, "run": self.run.to_json(), "issues": [entry.to_json() for entry in ordered]}


def create(run: RunResult) -> Baseline:
    """A baseline that accepts every issue of this run."""
    return Baseline(_run_of(run), {issue.fingerprint: _entry(issue) for issue in run.issues})


def update(old: Baseline, run: RunResult, *, accept_new: bool = False) -> Baseline:
    """Ratchet: drop entries whose issue is gone (fixed), refresh the kept ones from this run and
    keep what people wrote on them. A known defect whose outcome changed replaces its old entry.
    New issues join only with accept_new: adding them is a decision to accept regressions, so
    it must be asked for."""
    entries: dict[str, Entry] = {}
    for issue in run.issues:
        fresh = _entry(issue)
        known = old.entries.get(issue.fingerprint)
        if known is not None:
            fresh = replace(fresh, **{name: getattr(known, name) for name in _ANNOTATIONS})
        elif (changed := old.counterpart(issue)) is not None:
            # A triage judged the other outcome, so it does not carry over; debt notes do.
            fresh = replace(fresh, **{name: getattr(changed, name) for name in _DEBT})
        elif not accept_new:
            continue
        entries[fresh.fingerprint] = fresh
    return Baseline(_run_of(run), entries)


def _run_of(run: RunResult) -> BaselineRun:
    return BaselineRun(
        started=run.tool.started,
        axe_core_version=run.tool.axe_core_version,
        pages_audited=run.summary.pages_audited,
        rules_run={rule_key(rule.source, rule.id): rule.wcag for rule in run.tool.rules_run or ()},
    )


def _entry(issue: Issue) -> Entry:
    first = issue.instances[0]
    parts = urlsplit(first.page_url)
    return Entry(
        fingerprint=issue.fingerprint,
        rule=issue.rule.id,
        source=issue.rule.source.value,
        outcome=issue.outcome.value,
        wcag=issue.rule.wcag,
        priority=issue.triage.priority.value,
        title=issue.rule.title or issue.rule.id,
        templates=issue.templates,
        # The path, not the URL: origins and ports differ between CI runs and would churn the diff.
        example_page=parts.path + (f"?{parts.query}" if parts.query else ""),
        example_selector=first.selector,
        defect_key=issue.defect_key,
    )


def write_baseline(path: Path, baseline: Baseline) -> Path:
    """Sorted keys, one item a line: a baseline change reads as a small diff in review."""
    text = json.dumps(baseline.to_json(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(text, "utf-8")
        temporary.replace(path)
    except OSError as error:
        raise ToolError(f"cannot write baseline {path}: {error.strerror or error}") from error
    return path


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline; every problem is one UsageError line naming file and fix."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as error:
        raise UsageError(f"baseline {path} does not exist: {_HOW_TO_CREATE}") from error
    except OSError as error:
        raise UsageError(f"cannot read baseline {path}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path} is not a baseline: invalid JSON ({error})") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError(f'{path} is not an a11y-audit baseline (no "format": "{FORMAT}"): {_HOW_TO_CREATE}')
    try:
        run = data["run"]
        baseline_run = BaselineRun(
            started=str(run["started"]),
            axe_core_version=str(run["axe_core_version"]),
            pages_audited=int(run["pages_audited"]),
            rules_run={str(key): tuple(wcag) for key, wcag in run["rules_run"].items()},
        )
        entries = [_load_entry(item, path) for item in data["issues"]]
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise UsageError(f"{path} is not a valid baseline: missing or malformed {error}") from error
    return Baseline(baseline_run, {entry.fingerprint: entry for entry in entries})


def _load_entry(item: JsonObject, path: Path) -> Entry:
    fingerprint = str(item["fingerprint"])
    triage = item.get("triage")
    if triage is not None and triage not in TRIAGE:
        raise UsageError(
            f"{path}: issue {fingerprint} has triage {triage!r}; use one of {', '.join(TRIAGE)} "
            "or remove the key"
        )
    expires = item.get("expires")
    try:
        expiry = date.fromisoformat(expires) if expires is not None else None
    except (TypeError, ValueError) as error:
        raise UsageError(
            f"{path}: issue {fingerprint} has expires {expires!r}; write a date as YYYY-MM-DD"
        ) from error
    return Entry(
        fingerprint=fingerprint,
        rule=str(item["rule"]),
        source=str(item["source"]),
        outcome=str(item["outcome"]),
        wcag=tuple(item["wcag"]),
        priority=str(item["priority"]),
        title=str(item.get("title", item["rule"])),
        templates=tuple(item.get("templates", ())),
        example_page=str(item.get("example_page", "")),
        example_selector=str(item.get("example_selector", "")),
        defect_key=_optional_text(item, "defect_key"),
        reason=_optional_text(item, "reason"),
        ticket=_optional_text(item, "ticket"),
        expires=expiry,
        triage=triage,
    )


def _optional_text(item: JsonObject, key: str) -> str | None:
    value = item.get(key)
    return None if value is None else str(value)
