"""results.json data for ticket tests, built in code so each test controls priority and reach."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
