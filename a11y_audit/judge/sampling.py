"""Which pages of a template the page-changing checks judge: the same ones in every crawl order.

Checks that drive the page (keyboard walk, 320 px layout, hover...) run on a sample of each
template's pages, because one template behaves alike on all its pages and those gatherers
cost far more than axe. Taking "the first N pages crawled" would make the sample, and so the
findings, depend on crawl order: a store that lists its products in another order would show
old issues as new in the CI gate. So the sample is defined by the pages themselves: per
template, the N audited pages whose paths and queries hash lowest (a bottom-k sample; the
origin is left out, so a store on another host or port samples the same pages).

While crawling, not every page is known yet, so the crawler gathers on every page that is among
the N lowest hashes of its template's pages known *so far* (`BottomK`). Every page of the final
sample qualifies when it is visited, and evaluation keeps the sampled artifacts of the final
sample only (`final_sample`), so the findings do not depend on the order the pages came in.
Pure: the crawler holds its own lock.

A page's template is read from its DOM (a11y_audit.judge.dom_templates), so it is known only
once the page is gathered: the crawler decides after the DOM, just before the page-changing
gatherers run (they come last in a visit), and a page is known to its template's sample from
its visit on (`offer`). Only a configured `[templates]` pattern names a page's template from
its URL, so only those pages are known when they are queued (`note`), as before. The cost of
not knowing DOM templates at queue time is a few more pages gathered: a page whose hash is
among the lowest of its template visited so far is gathered even when a lower one comes later,
about N·ln(pages/N) per template (with N = 2, about 12 extra pages for a template of 1,000),
where a sitemap that queued the whole site first used to make it none. The final sample, and
so the findings, are the same in every crawl order as long as the templates are
(a11y_audit.judge.dom_templates says when they are).

A scan is not sampled: its pages were named one by one (`a11y-audit scan`, the gate's retries,
intake), each for itself, and pages of unrelated parts of a store often share a URL-shaped
template, so sampling would leave most of them without keyboard or reflow checks. A scan
gathers and keeps the sampled artifacts of every page (`sample_size`), and records in run.json
that it was one, so `evaluate` judges it the same way later.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable
from urllib.parse import urlsplit

from a11y_audit.model import PageRecord

__all__ = ["SAMPLED_KINDS", "BottomK", "final_sample", "sample_key", "sample_size"]

SAMPLED_KINDS = frozenset(
    {
        "context_change",
        "dialogs",
        "form_errors",
        "hover",
        "keyboard",
        "layout_adaptation",
        "motion",
        "status_messages",
        "timing",
    }
)
"""Artifacts of the gatherers that change the page (a test keeps this equal to theirs)."""


def sample_size(per_template: int, *, scan: bool) -> int | None:
    """How many pages of each template keep the page-changing gatherers' artifacts: the
    configured `interactive_pages_per_template` for a crawl, None (every page) for a scan.
    0 turns those gatherers off in a scan too, as the setting documents."""
    return None if scan and per_template > 0 else per_template


def sample_key(url: str) -> str:
    """A page's rank in its template's sample: a hash of its path and query, order-free.

    The origin is left out, so the same pages are sampled wherever the store runs: CI audits
    a preview deployment on a new host or port for every merge request (the demo store a
    random port), and a sample that moved with the port would judge other product pages each
    run and turn a product whose long name clips at 200% zoom into a "new" issue.
    """
    parts = urlsplit(url)
    return hashlib.sha256(f"{parts.path}?{parts.query}".encode()).hexdigest()


class BottomK:
    """Per template, the `size` lowest sample keys among the pages known so far.

    Pages become known when they are queued (`note`, before they are visited) or offered; a
    page runs the sampled gatherers when its key is among the lowest known for its template.
    The more of a site is known early (a sitemap seeds it all), the closer the gathered set
    is to the final sample; pages that fail are withdrawn so they take no place.
    A size of None (a scan) takes every page offered.
    """

    def __init__(self, size: int | None):
        self._size = size
        self._keys: dict[str, list[str]] = {}

    def note(self, template: str, url: str) -> None:
        """A page of the template is known (queued, for a configured template; visited, for a
        DOM template); it may push others out of the sample."""
        if self._size is None or self._size <= 0:
            return
        keys = self._keys.setdefault(template, [])
        key = sample_key(url)
        if key in keys or (len(keys) >= self._size and key >= keys[-1]):
            return
        bisect.insort(keys, key)
        del keys[self._size :]

    def offer(self, template: str, url: str) -> bool:
        """Whether a page about to be visited is among the lowest keys known for its template."""
        if self._size is None:
            return True
        self.note(template, url)
        return sample_key(url) in self._keys.get(template, ())

    def withdraw(self, template: str, url: str) -> None:
        """Forget a page that could not be audited, so it takes no place in the sample."""
        keys = self._keys.get(template, [])
        key = sample_key(url)
        if key in keys:
            keys.remove(key)


def final_sample(records: Iterable[PageRecord], size: int) -> set[str]:
    """URLs of the crawled pages whose sampled artifacts count: per template, the `size`
    lowest keys among pages that have such artifacts. Journey states are chosen by their
    journey, not sampled, so they are always kept."""
    by_template: dict[str, list[tuple[str, str]]] = {}
    kept: set[str] = set()
    for record in records:
        if not SAMPLED_KINDS & set(record.artifacts):
            continue
        if record.journey is not None:
            kept.add(record.url)
            continue
        by_template.setdefault(record.template or "", []).append((sample_key(record.url), record.url))
    for pages in by_template.values():
        kept.update(url for _, url in sorted(pages)[: max(size, 0)])
    return kept
