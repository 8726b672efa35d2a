"""The artifacts a page visit can gather, by name: the contract between gatherers and checks.

A check declares the artifacts it reads in `CheckMeta.requires`; the crawler runs only the
gatherers that the selected checks need, and the engine skips a check on a page where one of
its artifacts is missing (a gatherer failed, or interactive gathering was sampled out for
that page). Names here are also the artifact keys in `pages[].artifacts` of results.json.

Each browser gatherer (a11y_audit/browser/gatherers/) is registered under one of these
names; a test keeps the two lists equal. Data shapes are documented by each gatherer's
module docstring, and the checks that read them are tested against hand-written data.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["ARTIFACT_KINDS", "DOM", "gatherers_for"]

DOM = "dom"

ARTIFACT_KINDS: dict[str, str] = {
    DOM: "the rendered DOM after load, serialised once per page (every page)",
}
"""Artifact name -> what it holds. Gatherer modules add their entry here."""


def gatherers_for(requires: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The gatherers (artifact names other than the DOM) that a set of checks needs, sorted."""
    return tuple(sorted({name for names in requires for name in names} - {DOM}))
