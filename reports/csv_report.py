"""results.json as CSV: one row per element instance, for spreadsheets and issue trackers.

Every cell from an audited page is untrusted. A cell that starts with = + - @ (or a tab or
carriage return) is read as a formula by spreadsheet programs, so it gets a leading
apostrophe (OWASP's CSV injection advice); the csv module handles quotes and newlines.
"""

from __future__ import annotations

import csv
import io
from typing import Any

__all__ = ["COLUMNS", "render_csv"]

COLUMNS = (
    "fingerprint",
    "priority",
    "rule",
    "source",
    "outcome",
    "impact",
    "wcag",
    "level",
    "page_url",
    "template",
    "selector",
    "snippet",
    "message",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(results: dict[str, Any]) -> str:
    """The CSV text: a header row, then each issue's instances, most urgent issue first."""
    templates = {page["url"]: page.get("template") for page in results["pages"]}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for issue in results["issues"]:
        for instance in issue["instances"]:
            row = {
                **issue,
                **instance,
                "wcag": " ".join(issue["wcag"]),
                "template": templates.get(instance["page_url"]),
            }
            writer.writerow(_safe(row.get(column)) for column in COLUMNS)
    return out.getvalue()


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
