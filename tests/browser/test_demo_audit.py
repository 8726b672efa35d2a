"""The bundled demo store, audited end to end by a11y-audit in real headless Chromium.

Proves the promise of the demo: every manifest defect that axe-core can detect is reported on
every page the manifest lists, on the element it names (inside cross-origin iframes too);
nothing the manifest does not list is reported; the fixed variant has no findings at all and
the regression variant only its one defect.
"""

from __future__ import annotations

import gzip
import json
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from a11y_audit.demo.catalog import site_pages, template_patterns
from a11y_audit.demo.defects import REGRESSION_DEFECT, Defect, load_manifest
from a11y_audit.demo.server import DemoStore
from a11y_audit.sitemap import parse_sitemap
from tests.browser.conftest import load_results, run_cli
from tests.support import local_server, serving

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Located:
    """One reported element, with the manifest defects whose selector picks that element."""

    page: str
    rule: str
    source: str
    outcome: str
    target: tuple[Any, ...]
    defects: frozenset[str]


@dataclass(frozen=True)
class DemoRun:
    store: DemoStore
    out: Path
    results: dict[str, Any]
    located: tuple[Located, ...]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@cache
def _fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return str(response.read().decode("utf-8"))


class _PageDocs:
    """Parsed DOMs of one run (each page and frame parsed once), to resolve selectors."""

    def __init__(self, out: Path, results: dict[str, Any]):
        self._out = out
        self._doms = {page["url"]: page["artifacts"].get("dom") for page in results["pages"]}

    @cache  # noqa: B019 - one instance per test run
    def page(self, url: str) -> Any:
        return lxml.html.fromstring(
            gzip.decompress((self._out / self._doms[url]).read_bytes()).decode("utf-8")
        )

    @cache  # noqa: B019 - one instance per test run
    def frame(self, url: str, frame_selector: str) -> Any:
        (frame,) = self.page(url).cssselect(frame_selector)
        return lxml.html.fromstring(_fetch(urljoin(url, frame.get("src"))))


def _defects_at(docs: _PageDocs, url: str, target: list[Any], defects: tuple[Defect, ...]) -> frozenset[str]:
    """Manifest defects on this page whose element is the one axe's target names."""
    matched = set()
    for defect in defects:
        if path_of(url) not in defect.pages or not isinstance(target[-1], str):
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


@contextmanager
def audit_demo(variant: str, out: Path) -> Iterator[DemoRun]:
    """Serve a variant, crawl it with the real CLI, and locate every finding in the manifest."""
    defects = load_manifest().defects
    with DemoStore(variant=variant) as store:
        config = out.with_name(out.name + ".toml")
        config.write_text(
            "[templates]\n"
            + "".join(f"{name} = {json.dumps(pattern)}\n" for name, pattern in template_patterns())
        )
        result = run_cli(
            "crawl",
            store.base_url,
            "-o",
            str(out),
            "--max-pages",
            "200",
            "--workers",
            "2",
            "--config",
            str(config),
        )
        assert result.returncode == 0, result.stderr
        results = load_results(out)
        docs = _PageDocs(out, results)
        located = tuple(
            Located(
                page=path_of(instance["page_url"]),
                rule=issue["rule"],
                source=issue["source"],
                outcome=issue["outcome"],
                target=tuple(instance["target"]),
                defects=_defects_at(docs, instance["page_url"], instance["target"], defects),
            )
            for issue in results["issues"]
            for instance in issue["instances"]
        )
        yield DemoRun(store, out, results, located)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoRun]:
    with audit_demo("broken", tmp_path_factory.mktemp("broken")) as run:
        yield run


def sitemap_paths(store: DemoStore) -> set[str]:
    paths: set[str] = set()
    pending = [urljoin(store.base_url, "sitemap.xml")]
    while pending:
        doc = parse_sitemap(_fetch(pending.pop()), store.base_url)
        pending.extend(doc.child_sitemaps)
        paths.update(path_of(url) for url in doc.page_urls)
    return paths


def test_the_crawl_audits_every_page_in_the_sitemap(broken: DemoRun) -> None:
    pages = broken.results["pages"]
    audited = {path_of(page["url"]) for page in pages if page["error"] is None and page["skipped"] is None}
    assert not sitemap_paths(broken.store) - audited
    assert broken.results["summary"]["pages_failed"] == 0
    assert (broken.out / "report.html").stat().st_size > 10_000


def test_every_axe_detectable_defect_is_reported_on_every_page_it_is_on(broken: DemoRun) -> None:
    found = {(item.page, item.rule, defect) for item in broken.located for defect in item.defects}
    axe_defects = [defect for defect in load_manifest().defects if defect.axe]
    assert len(axe_defects) >= 20
    missing = [
        f"{defect.id} {rule} on {page}"
        for defect in axe_defects
        for page in defect.pages
        for rule in defect.axe_rules
        if (page, rule, defect.id) not in found
    ]
    assert not missing, "\n".join(missing[:40])


def test_axe_reports_nothing_the_manifest_does_not_list(broken: DemoRun) -> None:
    manifest = load_manifest()
    unexplained = [
        f"{item.page} {item.rule} {item.target}"
        for item in broken.located
        if item.source == "axe"
        and not any(item.rule in manifest.get(defect).axe_rules for defect in item.defects)
    ]
    assert not unexplained, "\n".join(unexplained[:40])


# Defects axe cannot see that our checks find on every page: from the saved DOM, or from
# gatherers that leave the page as it was (which run on every page).
FOUND_BY_OUR_CHECKS = {
    "D01": "broken-skip-link",
    "D15": "ambiguous-link-text",
    "D29": "inconsistent-identification",
    "D31": "duplicate-page-title",
    "D33": "inconsistent-navigation",
    "D39": "missing-autocomplete",
    "D07": "non-text-contrast",
    "D21": "not-keyboard-operable",
    "D37": "orientation-lock",
    "D18": "images-of-text",
    "D22": "use-of-colour",
}

# Defects that only checks driving the page find (keyboard walk, hover, 320 px, text spacing,
# safe form submission...). Those gatherers judge a sample of pages of each template only
# ([checks] interactive_pages_per_template), so each defect must be found on a page of every
# template it is built into: the same template repeats it on its other pages.
FOUND_BY_INTERACTIVE_CHECKS = {
    "D02": "focus-not-visible",
    "D03": "content-on-hover-or-focus",
    "D04": "change-on-input",
    "D06": "character-key-shortcut",
    "D13": "pause-stop-hide",
    "D17": "text-spacing",
    "D23": "keyboard-trap",
    "D27": "status-message-not-announced",
    "D30": "content-on-hover-or-focus",
    "D34": "reflow",
    "D36": "timing-not-adjustable",
    "D44": "focus-order",
    "D45": "error-identification",
}


def test_our_checks_report_the_defects_axe_cannot_see_on_every_page_they_are_on(broken: DemoRun) -> None:
    reported = {(item.page, item.rule) for item in broken.located if item.source == "a11y-audit"}
    missing = [
        f"{defect_id} {rule} on {page}"
        for defect_id, rule in FOUND_BY_OUR_CHECKS.items()
        for page in load_manifest().get(defect_id).pages
        if (page, rule) not in reported
    ]
    assert not missing, "\n".join(missing[:40])
    issues = broken.results["issues"]
    skip_link = next(issue for issue in issues if issue["rule"] == "broken-skip-link")
    assert skip_link["pages"] == len(load_manifest().get("D01").pages)  # one issue across the site


def test_interactive_checks_report_their_defects_on_every_template_they_are_on(broken: DemoRun) -> None:
    template_of = {page.path: page.template for page in site_pages()}
    reported = {
        (item.page, item.rule, defect)
        for item in broken.located
        if item.source == "a11y-audit"
        for defect in item.defects
    }
    missing = []
    for defect_id, rule in FOUND_BY_INTERACTIVE_CHECKS.items():
        defect = load_manifest().get(defect_id)
        found = {template_of[page] for page in defect.pages if (page, rule, defect_id) in reported}
        missing += [f"{defect_id} {rule} on no {template} page" for template in set(defect.templates) - found]
    assert not missing, "\n".join(missing)


def test_the_fixed_store_has_no_findings(tmp_path: Path) -> None:
    with audit_demo("fixed", tmp_path / "fixed") as run:
        assert run.results["summary"]["pages_audited"] == len(sitemap_paths(run.store))
        assert [f"{item.page} {item.rule}" for item in run.located] == []


def test_the_regression_store_reports_only_its_one_defect(tmp_path: Path) -> None:
    with audit_demo("regression", tmp_path / "regression") as run:
        pass
    assert run.located, "the regression defect was not found"
    assert {defect for item in run.located for defect in item.defects} == {REGRESSION_DEFECT}
    assert all(item.defects == {REGRESSION_DEFECT} for item in run.located)


def no_page_changing_checks(folder: Path) -> Path:
    """A config without the sampled page-changing checks, for tests about crawling, not checks."""
    config = folder / "no-interactive.toml"
    config.write_text("[checks]\ninteractive_pages_per_template = 0\n", "utf-8")
    return config


def test_demo_command_prints_where_the_report_is(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    config = str(no_page_changing_checks(tmp_path))
    result = run_cli(
        "demo", "-o", str(out), "--workers", "2", "--no-screenshots", "--quiet", "--config", config
    )
    assert result.returncode == 0, result.stderr
    assert f"Report:  {out / 'report.html'}" in result.stdout
    assert f"Results: {out / 'results.json'}" in result.stdout
    assert load_results(out)["summary"]["pages_audited"] >= 60


def test_the_report_itself_passes_an_audit(broken: DemoRun, tmp_path: Path) -> None:
    """The report people act on must be accessible: audit it with the tool itself."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(broken.out))
    with serving(local_server(handler)) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}/report.html"
        result = run_cli("scan", url, "-o", str(tmp_path / "report-audit"), "--no-screenshots")
    assert result.returncode == 0, result.stderr
    issues = load_results(tmp_path / "report-audit")["issues"]
    assert [(issue["rule"], issue["outcome"]) for issue in issues] == []


def test_a_sitemap_index_seeds_the_crawl(tmp_path: Path) -> None:
    """--sitemap with --max-depth 0 audits exactly the pages the sitemap index lists."""
    out = tmp_path / "sitemap"
    with DemoStore(variant="fixed") as store:
        expected = sitemap_paths(store)
        result = run_cli(
            "crawl",
            "--sitemap",
            urljoin(store.base_url, "sitemap.xml"),
            "--max-depth",
            "0",
            "-o",
            str(out),
            "--workers",
            "2",
            "--no-screenshots",
            "--config",
            str(no_page_changing_checks(tmp_path)),
        )
    assert result.returncode == 0, result.stderr
    pages = load_results(out)["pages"]
    assert {path_of(page["url"]) for page in pages} == expected
    assert all(page["source"].endswith(".xml") for page in pages)


def test_the_run_records_which_rules_tested_which_criteria(broken: DemoRun) -> None:
    """The conformance table rests on this: rules that ran, including ones that found nothing."""
    rules = {(rule["source"], rule["id"]): rule["wcag"] for rule in broken.results["tool"]["rules_run"]}
    assert rules[("axe", "color-contrast")] == ["1.4.3"]
    assert rules[("axe", "document-title")] == ["2.4.2"]  # passes on every demo page, still counted
    assert rules[("a11y-audit", "missing-autocomplete")] == ["1.3.5"]
    html = (broken.out / "report.html").read_text("utf-8")
    assert "WCAG 2.1 AA conformance" in html and "not recorded" not in html
