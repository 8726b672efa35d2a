"""The WCAG 2.1 A/AA success criteria, and the mapping from axe-core tags to them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Criterion", "criteria", "criteria_from_axe_tags", "criterion", "level_of"]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One success criterion: '1.4.3', its name, level and Understanding document."""

    sc: str
    name: str
    level: str
    understanding: str


@cache
def criteria() -> dict[str, Criterion]:
    """All 50 WCAG 2.1 A and AA criteria, keyed by number."""
    raw = json.loads(resources.files("a11y_audit").joinpath("wcag21aa.json").read_text("utf-8"))
    return {
        item["sc"]: Criterion(item["sc"], item["name"], item["level"], item["understanding"])
        for item in raw["criteria"]
    }


def criterion(sc: str) -> Criterion | None:
    """The criterion for a number, or None when it is not a WCAG 2.1 A/AA criterion."""
    return criteria().get(sc)


# axe tags SCs as "wcag" + digits without dots: wcag111, wcag143, wcag1410, wcag2411.
# Principle and guideline numbers are single digits, so the rest is the criterion number.
_AXE_SC_TAG = re.compile(r"^wcag(\d)(\d)(\d{1,2})$")


def criteria_from_axe_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """WCAG 2.1 A/AA criteria named by an axe rule's tags, sorted, without duplicates.

    Criteria outside 2.1 A/AA (AAA, WCAG 2.2) are dropped: they are not what the store
    promised, so they must not gate or rank like AA failures.
    """
    found = set()
    for tag in tags:
        match = _AXE_SC_TAG.match(tag)
        if match:
            sc = ".".join(match.groups())
            if sc in criteria():
                found.add(sc)
    return tuple(sorted(found, key=_sc_sort_key))


def level_of(scs: tuple[str, ...]) -> str | None:
    """The level a finding is held to: 'A' if any criterion is level A, else 'AA'; None if none."""
    levels = {criteria()[sc].level for sc in scs if sc in criteria()}
    if not levels:
        return None
    return "A" if "A" in levels else "AA"


def _sc_sort_key(sc: str) -> tuple[int, ...]:
    return tuple(int(part) for part in sc.split("."))
