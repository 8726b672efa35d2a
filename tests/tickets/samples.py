"""results.json data for ticket tests, built in code so each test controls priority and reach;
and the same data as the typed issues and runs that tickets and intake take."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from a11y_audit.model import Issue
from a11y_audit.run_result import RunResult, load_results

SCREENSHOT = "pages/p1/screenshot.jpg"


def issue(
    fingerprint: str = "86c5fe823dfc9e73",
    *,
    priority: str = "P2",
    pages: int = 1,
    templates: tuple[str, ...] = ("product",),
    rule: str = "button-name",
    outcome: str = "failed",
    wcag: tuple[str, ...] = ("4.1.2",),
    snippet: str = '<button class="add"></button>',
    page_url: str = "http://shop.test/products/1",
) -> dict[str, Any]:
    """One issue as results.json has it (schema 1.2)."""
    return {
        "fingerprint": fingerprint,
        "rule": rule,
        "source": "axe",
        "outcome": outcome,
        "impact": "critical",
        "wcag": list(wcag),
        "level": "A",
        "title": "Buttons must have discernible text",
        "description": "Ensure buttons have discernible text",
        "help_url": f"https://dequeuniversity.com/rules/axe/4.10/{rule}",
        "instances": [
            {
                "page_url": page_url,
                "selector": "button.add",
                "target": ["button.add"],
                "snippet": snippet,
                "message": "Fix any of the following:\n  Element does not have inner text",
            }
        ],
        "priority": priority,
        "priority_name": {"P1": "Highest", "P2": "High", "P3": "Medium", "P4": "Low"}[priority],
        "reasons": ["critical impact", "product flow (critical)"],
        "due": "2026-12-09",
        "flow": "product",
        "blocker": True,
        "pages": pages,
        "templates": list(templates),
    }


def results(*issues: dict[str, Any], started: str = "2026-11-25T10:00:00+00:00") -> dict[str, Any]:
    """A whole results.json around `issues`, with a page that has a screenshot artifact."""
    return {
        "schema_version": "1.2.0",
        "tool": {"name": "a11y-audit", "started": started, "config": {}},
        "pages": [
            {
                "url": "http://shop.test/products/1",
                "status": 200,
                "artifacts": {"screenshot": SCREENSHOT},
            }
        ],
        "skipped": {"counts": {}, "examples": []},
        "issues": list(issues),
        "summary": {},
    }


def write_results(folder: Path, data: dict[str, Any]) -> Path:
    """Write results.json (and the page screenshot it names) into `folder`; return its path."""
    screenshot = folder / SCREENSHOT
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    screenshot.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    path = folder / "results.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def typed(data: dict[str, Any]) -> Issue:
    """An issue row as the `model.Issue` a loaded run holds."""
    return Issue.from_json(data)


def run_in(folder: Path, data: dict[str, Any] | None = None) -> RunResult:
    """`data` (default: `results()`, no issues) as the run of a results.json in `folder`, in memory:
    nothing is written, so the screenshot it names exists only if a test wrote it."""
    return RunResult.from_json(results() if data is None else data, folder / "results.json")


def bare_run(folder: Path) -> RunResult:
    """A run without pages, so a ticket built from it names no screenshot."""
    return run_in(folder, {**results(), "pages": []})


def loaded_run(folder: Path, data: dict[str, Any]) -> RunResult:
    """Write results.json (and its screenshot) into `folder` and load it, as `tickets sync` does."""
    return load_results(write_results(folder, data))
