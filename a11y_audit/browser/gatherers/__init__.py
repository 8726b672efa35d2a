"""Gatherers: browser code that records one named artifact of a page for checks to judge.

One module per gatherer in this package, each defining one `Gatherer` subclass whose `name`
is a key of a11y_audit.artifacts.kinds.ARTIFACT_KINDS. A gatherer returns plain JSON-able data
(the artifact, saved as pages/<id>/<name>.json) of the shape a11y_audit/artifacts/<name>.py
declares, its `gather` return type; it never judges. Judging is pure Python in
checks/, unit-tested against hand-written data of the same shape.

The visitor runs gatherers after axe, the DOM and the screenshot, in the same navigation:
first those that leave the page as it was (`changes_page = False`), then those that change
it (keyboard walk, viewport, injected CSS), each of the latter on a freshly reloaded page so
none sees another's leftovers. Most pages give most page-changing gatherers nothing to act
on (no declared-safe form, no long timer, no hover trigger): such a gatherer
(`acts_on_every_page = False`) says through `acted(artifact)` whether it touched the page,
and the reload before the next one is skipped when it did not. They run before the
gatherers that act on every page (focus, keyboard, viewport), so a typical page pays two
reloads, about a navigation each, instead of seven.

In a crawl, page-changing gatherers are sampled: they run on a
few pages of each template only (`[checks] interactive_pages_per_template`,
a11y_audit.judge.sampling), since one template's keyboard behaviour or reflow repeats on every
page built from it; a scan runs them on every page it was given.

A gatherer must bound its own work with `context.deadline` (time.monotonic()): a page
that misbehaves ends the gathering with what was recorded, never hangs the crawl.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from selenium.webdriver.remote.webdriver import WebDriver

from a11y_audit.artifacts.kinds import ARTIFACT_KINDS
from a11y_audit.model import JsonObject

__all__ = [
    "GatherContext",
    "GatherSettings",
    "Gatherer",
    "GathererError",
    "gatherer_classes",
    "make_gatherers",
]


class GathererError(Exception):
    """The gatherer could not record its artifact on this page; the message says why."""


@dataclass(frozen=True, slots=True)
class GatherSettings:
    """Limits and options of gatherers, from the [checks] config section."""

    timeout: float = 20.0
    """Seconds one gatherer may spend on one page."""
    max_tab_stops: int = 200
    """The keyboard walk stops after this many Tab presses."""
    safe_forms: tuple[str, ...] = ()
    """Selectors of forms the user declared safe to submit ([checks] safe_forms): the form
    errors and status message gatherers may submit these to see what the page says."""


@dataclass(frozen=True, slots=True)
class GatherContext:
    """What a gatherer knows about the visit it runs in."""

    url: str
    """The address the page ended up at (after redirects)."""
    axe: JsonObject | None
    """This visit's raw axe-core results (None when axe did not run)."""
    settings: GatherSettings
    deadline: float
    """time.monotonic() value after which the gatherer must return what it has."""

    def remaining(self) -> float:
        """Seconds left before the deadline (never negative)."""
        return max(0.0, self.deadline - time.monotonic())


class Gatherer(ABC):
    """Records one artifact of the current page; see the package docstring for the rules."""

    name: ClassVar[str]
    changes_page: ClassVar[bool] = False
    acts_on_every_page: ClassVar[bool] = True
    """For a page-changing gatherer: False when it changes the page only after finding
    something to act on; it then overrides `acted`, and runs before those that always act."""
    preload: ClassVar[str | None] = None
    """Script source to run in every new document before page scripts (DevTools
    Page.addScriptToEvaluateOnNewDocument, registered once per session by the visitor), for
    hooks that must see what the page does from the start (timers, mutations, navigations).
    Gatherers sharing one source get it registered once. Without DevTools (some Grids) it is
    not installed: the gatherer then finds its hooks missing and must degrade (record that)."""

    def prepare(self, driver: WebDriver) -> None:
        """Set the session up once, before its first navigation (a DevTools domain that must
        be on while a page loads); the visitor calls it when the session starts. The default
        does nothing. It must not raise: where it could not prepare, `gather` finds out and
        records why."""
        return

    @abstractmethod
    def gather(self, driver: WebDriver, context: GatherContext) -> Mapping[str, Any]:
        """The artifact for the page the driver shows; GathererError when it cannot be had.

        Each gatherer narrows the return type to its artifact's shape (a11y_audit/artifacts/).
        """

    def acted(self, artifact: Mapping[str, Any]) -> bool:
        """Whether gathering `artifact` changed the page (the next page-changing gatherer
        then needs a fresh load); a gatherer with `acts_on_every_page = False` reads it
        from its artifact, every other page-changing gatherer always did."""
        return self.changes_page


def _run_order(cls: type[Gatherer]) -> tuple[bool, bool, str]:
    return cls.changes_page, cls.changes_page and cls.acts_on_every_page, cls.name


@cache
def gatherer_classes() -> dict[str, type[Gatherer]]:
    """Every gatherer of this package by artifact name (a gatherer per module)."""
    found: dict[str, type[Gatherer]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, Gatherer) or cls.__module__ != module.__name__ or inspect.isabstract(cls):
                continue
            if cls.name not in ARTIFACT_KINDS:
                raise RuntimeError(f"gatherer {cls.__name__}: {cls.name!r} is not in ARTIFACT_KINDS")
            found[cls.name] = cls
    return found


def make_gatherers(names: Iterable[str]) -> tuple[Gatherer, ...]:
    """Instances of the named gatherers in a fixed order: non-destructive first, then those
    that act only on what they find, then those that act on every page; by name within each."""
    classes = gatherer_classes()
    unknown = sorted(set(names) - set(classes))
    if unknown:
        raise ValueError(f"no gatherer records {', '.join(unknown)}")
    chosen = sorted({classes[name] for name in names}, key=_run_order)
    return tuple(cls() for cls in chosen)
