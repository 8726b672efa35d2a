"""The demo store's defect manifest: which WCAG 2.1 AA failures are planted where.

Integration tests compare what a11y-audit reports against this list, so it is data
(manifest.json) with a typed loader, and the single rule that decides which defects a
variant of the store renders lives here too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from a11y_audit.model import JsonObject

from .catalog import site_pages

__all__ = [
    "REGRESSION_DEFECT",
    "TEMPLATES",
    "VARIANTS",
    "Defect",
    "Manifest",
    "defect_enabled",
    "expand_templates",
    "load_manifest",
]

VARIANTS: tuple[str, ...] = ("broken", "fixed", "regression", "churn")
"""broken: every defect on; fixed: every defect repaired (no axe violations, no incomplete
results, the non-axe failures repaired too); regression: fixed plus one defect on the checkout
flow, as a release that reintroduces a single bug; churn: every defect of broken, rendered with
new generated class names, reordered products, other product names and prices and other query
strings (demo/churn.py), as the next build of an unchanged store."""

REGRESSION_DEFECT = "D42"
"""The one defect the regression variant brings back: unlabelled card-number fields inside the
cross-origin payment iframe, which blocks checkout for screen-reader users."""


_MANIFEST = Path(__file__).with_name("manifest.json")

TEMPLATES: tuple[str, ...] = tuple(dict.fromkeys(p.template for p in site_pages()))
"""Every page template of the store, in inventory order."""


@dataclass(frozen=True, slots=True)
class Defect:
    id: str
    title: str
    wcag: tuple[str, ...]
    pages: tuple[str, ...]
    """URL paths (with query string where one is part of the page) relative to the store root."""
    selector: str
    """CSS selector of the offending element(s), inside `frame` when that is set."""
    component: str
    description: str
    axe: bool
    """True when axe-core 4.14 with the WCAG 2.0/2.1 A/AA tags reports it (violation or
    incomplete)."""
    axe_rules: tuple[str, ...]
    frame: str | None = None
    """Selector of the cross-origin iframe on the host page that holds the element."""
    templates: tuple[str, ...] = ()
    """Page templates the defect is built into; `pages` is their full expansion."""
    techniques: tuple[str, ...] = ()
    """WCAG failure techniques (F-numbers) that describe the defect, where one exists."""
    journey: str | None = None
    """Journey-only defects: the journey of demo/journeys.toml that reaches it (checkout steps
    themselves are journey-only pages: `catalog.Page.journey`)."""
    state: str | None = None
    """... and the state (audit step) of that journey that shows it; `pages` is its path."""


@dataclass(frozen=True, slots=True)
class Manifest:
    version: int
    store: str
    defects: tuple[Defect, ...]
    journey_defects: tuple[Defect, ...] = ()
    """Defects only a journey reaches (signed in, bag filled, dialog open): not in the sitemap's
    pages as a crawler sees them, so kept apart from `defects`."""

    def get(self, defect_id: str) -> Defect:
        for d in self.defects + self.journey_defects:
            if d.id == defect_id:
                return d
        raise KeyError(defect_id)

    def ids(self) -> frozenset[str]:
        return frozenset(d.id for d in self.defects + self.journey_defects)

    def on_page(self, path: str) -> tuple[Defect, ...]:
        return tuple(d for d in self.defects if path in d.pages)


def _strings(raw: JsonObject, key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"defect {raw.get('id')!r}: {key!r} must be a list of strings")
    return tuple(value)


def _text(raw: JsonObject, key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError(f"defect {raw.get('id')!r}: {key!r} must be a non-empty string")
    return value


def _defect(raw: JsonObject) -> Defect:
    axe = raw.get("axe")
    if not isinstance(axe, bool):
        raise ValueError(f"defect {raw.get('id')!r}: 'axe' must be true or false")
    frame = raw.get("frame")
    if frame is not None and not isinstance(frame, str):
        raise ValueError(f"defect {raw.get('id')!r}: 'frame' must be a string or null")
    return Defect(
        id=_text(raw, "id"),
        title=_text(raw, "title"),
        wcag=_strings(raw, "wcag"),
        pages=_strings(raw, "pages"),
        selector=_text(raw, "selector"),
        component=_text(raw, "component"),
        description=_text(raw, "description"),
        axe=axe,
        axe_rules=_strings(raw, "axe_rules"),
        frame=frame,
        templates=_strings(raw, "templates"),
        techniques=_strings(raw, "techniques"),
        journey=raw.get("journey"),
        state=raw.get("state"),
    )


@cache
def load_manifest() -> Manifest:
    """Read and type manifest.json; raise ValueError when it is malformed."""
    raw = json.loads(_MANIFEST.read_text("utf-8"))
    defects = tuple(_defect(d) for d in raw["defects"])
    journey_defects = tuple(_defect(d) for d in raw.get("journey_defects", []))
    ids = [d.id for d in defects + journey_defects]
    if len(set(ids)) != len(ids):
        raise ValueError("manifest.json: defect ids are not unique")
    return Manifest(
        version=int(raw["version"]), store=str(raw["store"]), defects=defects, journey_defects=journey_defects
    )


def expand_templates(templates: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """All inventory pages rendered by `templates`: what a defect's `pages` must list."""
    unknown = set(templates) - set(TEMPLATES)
    if unknown:
        raise ValueError(f"unknown templates: {sorted(unknown)}")
    return tuple(p.path for p in site_pages() if p.template in templates)


def defect_enabled(variant: str, defect_id: str) -> bool:
    """Whether `variant` of the store renders defect `defect_id` (unknown ids are errors)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; valid variants: {', '.join(VARIANTS)}")
    if defect_id not in load_manifest().ids():
        raise ValueError(f"unknown defect id {defect_id!r}")
    if variant == "fixed":
        return False
    if variant == "regression":
        return defect_id == REGRESSION_DEFECT
    return True
