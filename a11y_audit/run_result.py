"""Write results.json, the versioned contract every later stage reads (see docs/results.md).

The file is streamed: pages are written as they are read from the artifact store, issues
(grouped across the run, so only the groups are held) after them, and the summary (which
needs every count) comes last, so a 5,000-page crawl never sits in memory.
`schema_version` follows semver: additions bump the minor version.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from a11y_audit.errors import UsageError
from a11y_audit.model import Issue, PageRecord

__all__ = ["SCHEMA_VERSION", "load_results", "write_results"]

SCHEMA_VERSION = "1.4.0"
_TOP_LEVEL = {"tool": dict, "pages": list, "skipped": dict, "issues": list, "summary": dict}
# What the reporters read of each issue; "priority" is why results before 1.1.0 are refused.
_ISSUE_KEYS = ("fingerprint", "rule", "source", "outcome", "impact", "wcag", "priority", "instances")


def write_results(
    path: Path,
    *,
    tool: dict[str, Any],
    pages: Iterable[PageRecord],
    issues: Iterable[Issue],
    skipped: dict[str, Any],
) -> dict[str, Any]:
    """Stream results.json to `path` (atomically) and return its summary."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        out.write('{\n"schema_version": ' + json.dumps(SCHEMA_VERSION))
        out.write(',\n"tool": ' + json.dumps(tool, sort_keys=True))
        page_counts = _write_pages(out, pages)
        out.write(',\n"skipped": ' + json.dumps(skipped, sort_keys=True))
        issue_counts = _write_issues(out, issues)
        summary = {**page_counts, **issue_counts}
        out.write(',\n"summary": ' + json.dumps(summary, sort_keys=True) + "\n}\n")
    temporary.replace(path)
    return summary


def _write_pages(out: IO[str], pages: Iterable[PageRecord]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    out.write(',\n"pages": [')
    for index, page in enumerate(pages):
        row = page.to_json()
        del row["links"]  # kept in the journal for --resume; noise in the results
        out.write(("\n" if index == 0 else ",\n") + json.dumps(row, sort_keys=True, ensure_ascii=False))
        counts["pages_total"] += 1
        if page.audited:
            counts["pages_audited"] += 1
        elif page.error:
            counts["pages_failed"] += 1
        else:
            counts["pages_skipped"] += 1
    out.write("\n]")
    return {key: counts[key] for key in ("pages_total", "pages_audited", "pages_failed", "pages_skipped")}


def _write_issues(out: IO[str], issues: Iterable[Issue]) -> dict[str, Any]:
    by_outcome: Counter[str] = Counter()
    by_impact: Counter[str] = Counter()
    by_priority: Counter[str] = Counter()
    instances = 0
    out.write(',\n"issues": [')
    for index, issue in enumerate(issues):
        out.write(("\n" if index == 0 else ",\n") + json.dumps(issue.to_json(), ensure_ascii=False))
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


def load_results(path: Path) -> dict[str, Any]:
    """Read a results.json for re-rendering; a bad file is a UsageError (exit 2) naming it.

    The check is structural (what the reporters read), not the full JSON Schema: that needs
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
    return results
