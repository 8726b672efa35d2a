"""`RunResult`: one audit run as typed data, and results.json, its versioned form on disk.

Evaluation produces a `RunResult`; the gate, baseline, reporters, tickets and intake take one.
JSON is read and written only here (see docs/results.md). Writing is streamed: pages are
written as they are read from the artifact store, issues (grouped across the run, so only the
groups are held) after them, and the summary (which needs every count) comes last.
`schema_version` follows semver: additions bump the minor version, and a newer minor version
must still load (keys this version does not know are kept and written back).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from a11y_audit.errors import UsageError
from a11y_audit.model import Issue, JsonObject, PageRecord, Source

__all__ = [
    "SCHEMA_VERSION",
    "RuleRun",
    "RunInfo",
    "RunResult",
    "RunSummary",
    "Skipped",
    "SkippedExample",
    "load_results",
    "write_results",
]

SCHEMA_VERSION = "1.8.0"
_TOP_LEVEL = {"tool": dict, "pages": list, "skipped": dict, "issues": list, "summary": dict}
# What the reporters read of each issue; "priority" is why results before 1.1.0 are refused.
_ISSUE_KEYS = ("fingerprint", "rule", "source", "outcome", "impact", "wcag", "priority", "instances")
_PAGE_COUNTS = ("pages_total", "pages_audited", "pages_failed", "pages_skipped")


@dataclass(frozen=True, slots=True)
class RuleRun:
    """A rule that ran in the run (`tool.rules_run`), with the WCAG criteria it tests."""

    id: str
    source: Source
    wcag: tuple[str, ...]

    def to_json(self) -> JsonObject:
        return {"id": self.id, "source": self.source.value, "wcag": list(self.wcag)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RuleRun:
        return cls(id=data["id"], source=Source(data["source"]), wcag=tuple(data["wcag"]))


@dataclass(frozen=True, slots=True)
class RunInfo:
    """`tool` in results.json: which versions, browser and settings produced the run.

    Optional keys are None when the run did not record them (older results, or a run that
    ended before the browser started), and are then left out of the JSON as before.
    `config` stays a mapping: it is the user's settings echoed back, read by no later stage.
    """

    version: str
    axe_core_version: str
    browser_name: str
    browser_version: str
    started: str
    finished: str | None = None
    axe_tags: tuple[str, ...] | None = None
    axe_injection: str | None = None
    interrupted: bool | None = None
    rules_run: tuple[RuleRun, ...] | None = None
    """None in results written before 1.2.0, which cannot tell tested criteria from untestable."""
    warnings: tuple[str, ...] | None = None
    scan: bool | None = None
    """Since 1.5.0: True when the run audited exactly the pages it was given (scan, the gate's
    retries, intake), so page-changing checks judged every page, not a sample per template;
    `evaluate` reads it to judge the run again the same way. None: a crawl, or older results."""
    config: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Keys of a newer schema this version does not know: kept so a re-write loses nothing."""

    _OPTIONAL = ("finished", "axe_tags", "axe_injection", "interrupted", "rules_run", "warnings", "scan")

    def to_json(self) -> JsonObject:
        data: JsonObject = {
            **self.extra,
            "name": "a11y-audit",
            "version": self.version,
            "axe_core_version": self.axe_core_version,
            "browser_name": self.browser_name,
            "browser_version": self.browser_version,
            "started": self.started,
            "config": dict(self.config),
        }
        for key in self._OPTIONAL:
            value = getattr(self, key)
            if value is not None:
                data[key] = _plain(value)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunInfo:
        known = {
            "name",
            "version",
            "axe_core_version",
            "browser_name",
            "browser_version",
            "started",
            "config",
        }
        rules_run = data.get("rules_run")
        tags, warnings = data.get("axe_tags"), data.get("warnings")
        return cls(
            version=str(data.get("version", "")),
            axe_core_version=str(data.get("axe_core_version", "")),
            browser_name=str(data.get("browser_name", "unknown")),
            browser_version=str(data.get("browser_version", "unknown")),
            started=str(data.get("started", "")),
            finished=data.get("finished"),
            axe_tags=None if tags is None else tuple(tags),
            axe_injection=data.get("axe_injection"),
            interrupted=data.get("interrupted"),
            rules_run=None if rules_run is None else tuple(RuleRun.from_json(rule) for rule in rules_run),
            warnings=None if warnings is None else tuple(warnings),
            scan=data.get("scan"),
            config=dict(data.get("config") or {}),
            extra={
                key: value for key, value in data.items() if key not in known and key not in cls._OPTIONAL
            },
        )


@dataclass(frozen=True, slots=True)
class SkippedExample:
    """A link found but not visited, and why ("NAME" or "NAME: detail")."""

    url: str
    reason: str
    source: str | None = None

    def to_json(self) -> JsonObject:
        return {"url": self.url, "reason": self.reason, "source": self.source}


@dataclass(frozen=True, slots=True)
class Skipped:
    """`skipped` in results.json: links not visited, counted by reason, with a few examples."""

    counts: Mapping[str, int] = field(default_factory=dict)
    examples: tuple[SkippedExample, ...] = ()

    def to_json(self) -> JsonObject:
        return {"counts": dict(self.counts), "examples": [example.to_json() for example in self.examples]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Skipped:
        return cls(
            counts=dict(data.get("counts") or {}),
            examples=tuple(
                SkippedExample(item["url"], item["reason"], item.get("source"))
                for item in data.get("examples") or ()
            ),
        )


@dataclass(frozen=True, slots=True)
class RunSummary:
    """`summary` in results.json: the counts a reader wants first."""

    pages_total: int = 0
    pages_audited: int = 0
    pages_failed: int = 0
    pages_skipped: int = 0
    issues: int = 0
    instances: int = 0
    by_outcome: Mapping[str, int] = field(default_factory=dict)
    by_impact: Mapping[str, int] = field(default_factory=dict)
    by_priority: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> JsonObject:
        return {
            **{key: getattr(self, key) for key in (*_PAGE_COUNTS, "issues", "instances")},
            "by_outcome": dict(self.by_outcome),
            "by_impact": dict(self.by_impact),
            "by_priority": dict(self.by_priority),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunSummary:
        counts = {key: int(data.get(key, 0)) for key in (*_PAGE_COUNTS, "issues", "instances")}
        return cls(
            **counts,
            by_outcome=dict(data.get("by_outcome") or {}),
            by_impact=dict(data.get("by_impact") or {}),
            by_priority=dict(data.get("by_priority") or {}),
        )


@dataclass(frozen=True, slots=True)
class RunResult:
    """One run: what ran, every page visited, the issues found, links skipped, the counts.

    `path` is the results.json it was read from or written to (None when built in memory):
    reports find page artifacts (screenshots for crops) beside it.
    """

    tool: RunInfo
    pages: tuple[PageRecord, ...]
    issues: tuple[Issue, ...]
    skipped: Skipped = field(default_factory=Skipped)
    summary: RunSummary = field(default_factory=RunSummary)
    schema_version: str = SCHEMA_VERSION
    path: Path | None = None
    _by_url: Mapping[str, PageRecord] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Built once: tickets and reports look a page up for every issue they show.
        object.__setattr__(self, "_by_url", {page.url: page for page in self.pages})

    def page(self, url: str) -> PageRecord | None:
        """The record of the page at this results URL (a journey state's URL included)."""
        return self._by_url.get(url)

    @property
    def folder(self) -> Path | None:
        """The output folder of the run (page artifacts live below it)."""
        return None if self.path is None else self.path.parent

    def to_json(self) -> JsonObject:
        """results.json as a dict, in the order and shape the streamed file has."""
        return {
            "schema_version": self.schema_version,
            "tool": self.tool.to_json(),
            "pages": [_page_row(page) for page in self.pages],
            "skipped": self.skipped.to_json(),
            "issues": [issue.to_json() for issue in self.issues],
            "summary": self.summary.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], path: Path | None = None) -> RunResult:
        """A checked results.json dict as a RunResult (see `load_results` for the checks)."""
        return cls(
            tool=RunInfo.from_json(data["tool"]),
            pages=tuple(PageRecord.from_json(page) for page in data["pages"]),
            issues=tuple(Issue.from_json(issue) for issue in data["issues"]),
            skipped=Skipped.from_json(data["skipped"]),
            summary=RunSummary.from_json(data["summary"]),
            schema_version=str(data["schema_version"]),
            path=path,
        )


def write_results(
    path: Path,
    *,
    tool: RunInfo,
    pages: Iterable[PageRecord],
    issues: Iterable[Issue],
    skipped: Skipped,
) -> RunResult:
    """Stream results.json to `path` (atomically) and return the run it describes."""
    temporary = path.with_name(path.name + ".tmp")
    kept_pages: list[PageRecord] = []
    kept_issues: list[Issue] = []
    with temporary.open("w", encoding="utf-8") as out:
        out.write('{\n"schema_version": ' + json.dumps(SCHEMA_VERSION))
        out.write(',\n"tool": ' + json.dumps(tool.to_json(), sort_keys=True))
        page_counts = _write_pages(out, pages, kept_pages)
        out.write(',\n"skipped": ' + json.dumps(skipped.to_json(), sort_keys=True))
        issue_counts = _write_issues(out, issues, kept_issues)
        summary = RunSummary.from_json({**page_counts, **issue_counts})
        out.write(',\n"summary": ' + json.dumps(summary.to_json(), sort_keys=True) + "\n}\n")
    temporary.replace(path)
    return RunResult(tool, tuple(kept_pages), tuple(kept_issues), skipped, summary, path=path)


def _page_row(page: PageRecord) -> JsonObject:
    row = page.to_json()
    del row["links"]  # kept in the journal for --resume; noise in the results
    return row


def _write_pages(out: IO[str], pages: Iterable[PageRecord], kept: list[PageRecord]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    out.write(',\n"pages": [')
    for index, page in enumerate(pages):
        out.write(
            ("\n" if index == 0 else ",\n") + json.dumps(_page_row(page), sort_keys=True, ensure_ascii=False)
        )
        kept.append(replace(page, links=()))
        counts["pages_total"] += 1
        if page.audited:
            counts["pages_audited"] += 1
        elif page.error:
            counts["pages_failed"] += 1
        else:
            counts["pages_skipped"] += 1
    out.write("\n]")
    return {key: counts[key] for key in _PAGE_COUNTS}


def _write_issues(out: IO[str], issues: Iterable[Issue], kept: list[Issue]) -> JsonObject:
    by_outcome: Counter[str] = Counter()
    by_impact: Counter[str] = Counter()
    by_priority: Counter[str] = Counter()
    instances = 0
    out.write(',\n"issues": [')
    for index, issue in enumerate(issues):
        out.write(("\n" if index == 0 else ",\n") + json.dumps(issue.to_json(), ensure_ascii=False))
        kept.append(issue)
        by_outcome[issue.outcome.value] += 1
        by_impact[issue.impact.value] += 1
        by_priority[issue.triage.priority.value] += 1
        instances += len(issue.instances)
    out.write("\n]")
    return {
        "issues": sum(by_outcome.values()),
        "instances": instances,
        "by_outcome": dict(sorted(by_outcome.items())),
        "by_impact": dict(sorted(by_impact.items())),
        "by_priority": dict(sorted(by_priority.items())),
    }


def load_results(path: Path) -> RunResult:
    """Read a results.json; a bad file is a UsageError (exit 2) naming it and the fix.

    The check is structural (what later stages read), not the full JSON Schema: that needs
    jsonschema, a test-only dependency, and a newer minor version must still load.
    """
    try:
        results = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read results file {path}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path} is not a results.json: invalid JSON ({error})") from error
    if not isinstance(results, dict) or not str(results.get("schema_version", "")).startswith("1."):
        raise UsageError(f"{path} is not an a11y-audit results.json (no schema_version 1.x)")
    for key, kind in _TOP_LEVEL.items():
        if not isinstance(results.get(key), kind):
            raise UsageError(
                f"{path} is not a valid results.json: '{key}' is missing or not a {kind.__name__}"
            )
    for index, issue in enumerate(results["issues"]):
        missing = [key for key in _ISSUE_KEYS if not isinstance(issue, dict) or key not in issue]
        if missing or not issue["instances"]:
            raise UsageError(
                f"{path} is not a valid results.json: issue {index} lacks {', '.join(missing) or 'instances'}"
                " (results older than 1.1.0? re-judge them with `a11y-audit evaluate`)"
            )
    try:
        return RunResult.from_json(results, path)
    except (KeyError, TypeError, ValueError) as error:
        raise UsageError(
            f"{path} is not a valid results.json: {type(error).__name__} {error}; "
            "re-judge the run with `a11y-audit evaluate`"
        ) from error


def _plain(value: object) -> Any:
    """Tuples of values or rule runs back to JSON lists."""
    if isinstance(value, tuple):
        return [item.to_json() if isinstance(item, RuleRun) else item for item in value]
    return value
