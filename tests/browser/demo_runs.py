"""The demo store's variants audited once per test session, shared by the modules that judge them.

A crawl of the demo with its journeys takes minutes, and test_demo_audit.py (is every manifest
defect found where it is?) and test_gate_variants.py (does the CI gate pass the fixed store,
fail the regression, ignore churn?) ask different questions of the same runs. So each variant
is audited once, through `a11y-audit demo` as a user runs it (the demo's bundled journey
config, every check, screenshots on), and both modules read the results. The regression run is
the gate's: it is audited with the fixed store's baseline and one retry, as CI would.
"""

from __future__ import annotations

import gzip
import subprocess
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from a11y_audit.demo.defects import Defect, load_manifest
from a11y_audit.demo.server import DemoStore
from tests.browser.conftest import load_results, run_cli


@dataclass(frozen=True)
class Located:
    """One reported element, with the manifest defects whose selector picks that element."""

    page: str
    """Path of the page as the visitor saw it (a journey state: the path it was at)."""
    state: str | None
    issue: str
    """The issue's fingerprint."""
    rule: str
    source: str
    outcome: str
    target: tuple[Any, ...]
    defects: frozenset[str]


@dataclass(frozen=True)
class DemoRun:
    variant: str
    out: Path
    result: subprocess.CompletedProcess[str]
    results: dict[str, Any]
    located: tuple[Located, ...]

    def states(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Journey states by (journey, state)."""
        return {(p["journey"], p["state"]): p for p in self.results["pages"] if p.get("state")}

    def issues_of(self, defect_id: str) -> list[dict[str, Any]]:
        """The issues of the defect's rules with an instance on the defect's element."""
        rules = load_manifest().get(defect_id).axe_rules
        found = {
            item.issue
            for item in self.located
            if defect_id in item.defects and (not rules or item.rule in rules)
        }
        return [issue for issue in self.results["issues"] if issue["fingerprint"] in found]


def path_of(url: str) -> str:
    """Path and query of a URL; a journey state's #journey=..&state=.. fragment is dropped."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def demo(variant: str, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`a11y-audit demo` as a user runs it: its own store, its bundled journeys."""
    return run_cli("demo", "--variant", variant, "-o", str(out), "--quiet", *args, timeout=900)


@cache
def _frame_html(variant: str, path_and_query: str) -> str:
    """A frame's document, served again by a store of the same variant (the audited one is
    gone with its `demo` process; a widget's content depends only on variant and query)."""
    with DemoStore(variant) as store, urllib.request.urlopen(urljoin(store.widget_url, path_and_query)) as r:
        return str(r.read().decode("utf-8"))


class _Docs:
    """Parsed DOMs of one run (each page and frame parsed once), to resolve manifest selectors."""

    def __init__(self, variant: str, out: Path, results: dict[str, Any]):
        self._variant = variant
        self._out = out
        self._doms = {page["url"]: page["artifacts"].get("dom") for page in results["pages"]}
        self._pages: dict[str, Any] = {}
        self._frames: dict[tuple[str, str], Any] = {}

    def page(self, url: str) -> Any:
        if url not in self._pages:
            html = gzip.decompress((self._out / self._doms[url]).read_bytes()).decode("utf-8")
            self._pages[url] = lxml.html.fromstring(html)
        return self._pages[url]

    def frame(self, url: str, frame_selector: str) -> Any:
        if (url, frame_selector) not in self._frames:
            (frame,) = self.page(url).cssselect(frame_selector)
            html = _frame_html(self._variant, path_of(str(frame.get("src"))))
            self._frames[url, frame_selector] = lxml.html.fromstring(html)
        return self._frames[url, frame_selector]


def _applies(defect: Defect, page: dict[str, Any]) -> bool:
    """Whether the defect is on this page: its path (where the visitor was) is one of the
    defect's, and a journey-only defect is matched on its journey's states only (the bag's
    "just added" notice is on the bag state and on the mini-cart state over it, never on the
    crawled, empty bag)."""
    if path_of(page["final_url"] or page["url"]) not in defect.pages:
        return False
    return defect.journey is None or page.get("journey") == defect.journey


def _defects_at(docs: _Docs, page: dict[str, Any], target: list[Any]) -> frozenset[str]:
    """Manifest defects on this page whose element is the one the finding's target names."""
    matched = set()
    manifest = load_manifest()
    url = page["url"]
    for defect in manifest.defects + manifest.journey_defects:
        if not _applies(defect, page) or not isinstance(target[-1], str):
            continue
        if defect.frame:
            host = docs.page(url)
            if len(target) != 2 or not set(host.cssselect(target[0])) & set(host.cssselect(defect.frame)):
                continue
            doc = docs.frame(url, defect.frame)
        elif len(target) == 1:
            doc = docs.page(url)
        else:
            continue
        if set(doc.cssselect(target[-1])) & set(doc.cssselect(defect.selector)):
            matched.add(defect.id)
    return frozenset(matched)


def locate(variant: str, out: Path, result: subprocess.CompletedProcess[str]) -> DemoRun:
    """Read a run's results and place every finding in the manifest."""
    results = load_results(out)
    docs = _Docs(variant, out, results)
    pages = {page["url"]: page for page in results["pages"]}
    located = tuple(
        Located(
            page=path_of(pages[instance["page_url"]]["final_url"] or instance["page_url"]),
            state=pages[instance["page_url"]].get("state"),
            issue=issue["fingerprint"],
            rule=issue["rule"],
            source=issue["source"],
            outcome=issue["outcome"],
            target=tuple(instance["target"]),
            defects=_defects_at(docs, pages[instance["page_url"]], instance["target"]),
        )
        for issue in results["issues"]
        for instance in issue["instances"]
    )
    return DemoRun(variant, out, result, results, located)


def audited(variant: str, out: Path, *args: str) -> DemoRun:
    """Audit a variant with `a11y-audit demo` and locate its findings."""
    result = demo(variant, out, *args)
    return locate(variant, out, result)


def baseline_of(run: DemoRun) -> Path:
    """A baseline of everything a run reports, beside its output folder."""
    baseline = run.out.parent / "a11y-baseline.json"
    made = run_cli("baseline", "create", str(run.out / "results.json"), "--baseline", str(baseline))
    assert made.returncode == 0, made.stderr
    return baseline
