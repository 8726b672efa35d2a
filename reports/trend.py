"""Compare two results files by issue fingerprint: what is new, fixed and still open.

Fingerprints are stable across runs for the same root cause (a11y_audit.judge.grouping), so an
issue present in both runs is the same issue even if its element count or priority moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["PRIORITIES", "Trend", "compare"]

PRIORITIES = ("P1", "P2", "P3", "P4")


@dataclass(frozen=True, slots=True)
class Trend:
    """The issues of the current run split against a previous run, with priority counts."""

    new: list[dict[str, Any]]
    fixed: list[dict[str, Any]]
    still_open: list[dict[str, Any]]
    then: dict[str, int]
    now: dict[str, int]
    previous_started: str


def compare(previous: dict[str, Any], current: dict[str, Any]) -> Trend:
    """Split issues by fingerprint; `fixed` are the previous run's issues now gone."""
    before = {issue["fingerprint"] for issue in previous["issues"]}
    after = {issue["fingerprint"] for issue in current["issues"]}
    return Trend(
        new=[issue for issue in current["issues"] if issue["fingerprint"] not in before],
        fixed=[issue for issue in previous["issues"] if issue["fingerprint"] not in after],
        still_open=[issue for issue in current["issues"] if issue["fingerprint"] in before],
        then=_by_priority(previous),
        now=_by_priority(current),
        previous_started=str(previous["tool"].get("started", "")),
    )


def _by_priority(results: dict[str, Any]) -> dict[str, int]:
    counts = dict.fromkeys(PRIORITIES, 0)
    for issue in results["issues"]:
        counts[issue["priority"]] = counts.get(issue["priority"], 0) + 1
    return counts
