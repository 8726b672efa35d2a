"""The bundled demo store, audited end to end by a11y-audit in real headless Chromium.

Proves the promise of the demo: every manifest defect that axe-core can detect is reported on
every page the manifest lists, on the element it names (inside cross-origin iframes too), on
crawled pages and on the journey states that alone reach checkout; nothing the manifest does
not list is reported; the fixed variant has no findings at all and the regression variant only
its one defect. The runs are `a11y-audit demo` with its bundled journeys, shared with
test_gate_variants.py (tests/browser/demo_runs.py).
"""

from __future__ import annotations

import urllib.request
from functools import cache, partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urljoin

import pytest

from a11y_audit.config import load_config
from a11y_audit.crawl.sitemap import parse_sitemap
from a11y_audit.demo.catalog import crawl_pages, site_pages
from a11y_audit.demo.defects import REGRESSION_DEFECT, load_manifest
from a11y_audit.demo.server import JOURNEYS, DemoStore
from tests.browser.conftest import load_results, run_cli
from tests.browser.demo_runs import DemoRun, path_of
from tests.support import local_server, serving

# The demo-run fixtures crawl the whole store in a subprocess allowed 900 s (demo_runs.py);
# the test's own limit must not be shorter than the fixture it waits for.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]


@cache
def _fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return str(response.read().decode("utf-8"))


def sitemap_paths(store: DemoStore) -> set[str]:
    paths: set[str] = set()
    pending = [urljoin(store.base_url, "sitemap.xml")]
    while pending:
        doc = parse_sitemap(_fetch(pending.pop()), store.base_url)
        pending.extend(doc.child_sitemaps)
        paths.update(path_of(url) for url in doc.page_urls)
    return paths


def crawled_paths(run: DemoRun) -> set[str]:
    """Paths of the pages the crawl audited (journey states are not crawled pages)."""
    return {
        path_of(page["url"])
        for page in run.results["pages"]
        if not page.get("state") and page["error"] is None and page["skipped"] is None
    }


def test_the_crawl_audits_every_page_in_the_sitemap_and_the_journeys_every_checkout_step(
    demo_broken: DemoRun,
) -> None:
    assert demo_broken.result.returncode == 0, demo_broken.result.stderr
    with DemoStore("broken") as store:
        assert sitemap_paths(store) == {page.path for page in crawl_pages()}
    assert not {page.path for page in crawl_pages()} - crawled_paths(demo_broken)
    assert not any(path.startswith("/checkout") for path in crawled_paths(demo_broken))  # journey-only
    journey_only = {page.path for page in site_pages() if page.journey}
    reached = {path_of(page["final_url"]) for page in demo_broken.states().values()}
    assert journey_only <= reached
    assert demo_broken.results["summary"]["pages_failed"] == 0
    assert (demo_broken.out / "report.html").stat().st_size > 10_000
    assert f"Report:  {(demo_broken.out / 'report.html').resolve()}" in demo_broken.result.stdout
    assert f"Results: {(demo_broken.out / 'results.json').resolve()}" in demo_broken.result.stdout


ANSWERED_ON_THE_WAY = {"D08": {page.path for page in site_pages() if page.journey == "checkout"}}
"""The cookie banner (D08) is on every page until answered, but the checkout journey, the only
way into checkout, answers it on the product page: no checkout state shows it."""


def test_every_axe_detectable_defect_is_reported_on_every_page_it_is_on(demo_broken: DemoRun) -> None:
    found = {(item.page, item.rule, defect) for item in demo_broken.located for defect in item.defects}
    manifest = load_manifest()
    axe_defects = [defect for defect in manifest.defects + manifest.journey_defects if defect.axe]
    assert len(axe_defects) >= 20
    missing = [
        f"{defect.id} {rule} on {page}"
        for defect in axe_defects
        for page in set(defect.pages) - ANSWERED_ON_THE_WAY.get(defect.id, set())
        for rule in defect.axe_rules
        if (page, rule, defect.id) not in found
    ]
    assert not missing, "\n".join(missing[:40])


def test_axe_reports_nothing_the_manifest_does_not_list(demo_broken: DemoRun) -> None:
    manifest = load_manifest()
    unexplained = [
        f"{item.page} {item.state or ''} {item.rule} {item.target}"
        for item in demo_broken.located
        if item.source == "axe"
        and not any(item.rule in manifest.get(defect).axe_rules for defect in item.defects)
    ]
    assert not unexplained, "\n".join(unexplained[:40])


# Defects axe cannot see that our checks find on every page: from the saved DOM, or from
# gatherers that leave the page as it was (which run on every page and every journey state).
FOUND_BY_OUR_CHECKS = {
    "D01": "broken-skip-link",
    "D15": "ambiguous-link-text",
    "D29": "inconsistent-identification",
    "D31": "duplicate-page-title",
    "D33": "inconsistent-navigation",
    "D39": "missing-autocomplete",
    "D07": "non-text-contrast",
    "D21": "not-keyboard-operable",
    "D58": "not-keyboard-operable",
    "D37": "orientation-lock",
    "D18": "images-of-text",
    "D22": "use-of-colour",
    "D59": "heading-not-marked-up",
    "D60": "list-not-marked-up",
    "D61": "animated-image-no-pause",
    "D62": "html-parsing-error",
}

# Defects that only checks driving the page find (keyboard walk, hover, 320 px, text spacing,
# safe form submission...). Those gatherers judge a sample of crawled pages of each template
# ([checks] interactive_pages_per_template), and of journey states only the interactive ones
# (a journey's last state), so each defect must be found on a page of every template it is
# built into that the crawl or an interactive state reaches: the template repeats it elsewhere.
FOUND_BY_INTERACTIVE_CHECKS = {
    "D02": "focus-not-visible",
    "D03": "content-on-hover-or-focus",
    "D04": "change-on-input",
    "D57": "change-on-input",
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
    "D63": "dialog-focus",
}


def test_our_checks_report_the_defects_axe_cannot_see_on_every_page_they_are_on(
    demo_broken: DemoRun,
) -> None:
    reported = {(item.page, item.rule) for item in demo_broken.located if item.source == "a11y-audit"}
    missing = [
        f"{defect_id} {rule} on {page}"
        for defect_id, rule in FOUND_BY_OUR_CHECKS.items()
        for page in load_manifest().get(defect_id).pages
        if (page, rule) not in reported
    ]
    assert not missing, "\n".join(missing[:40])
    issues = demo_broken.results["issues"]
    skip_link = next(issue for issue in issues if issue["rule"] == "broken-skip-link")
    assert skip_link["pages"] >= len(load_manifest().get("D01").pages)  # one issue across the site


def test_interactive_checks_report_their_defects_on_every_template_they_are_on(demo_broken: DemoRun) -> None:
    template_of = {page.path: page.template for page in site_pages()}
    interactive_states = {
        (journey.name, step.target)
        for journey in load_config(JOURNEYS).journeys.journeys
        for step in journey.steps
        if step.action == "audit" and step.interactive
    }
    judged = {page.template for page in crawl_pages()} | {
        template_of[path_of(page["final_url"])]
        for key, page in demo_broken.states().items()
        if key in interactive_states and path_of(page["final_url"]) in template_of
    }
    reported = {
        (item.page, item.rule, defect)
        for item in demo_broken.located
        if item.source == "a11y-audit"
        for defect in item.defects
    }
    missing = []
    for defect_id, rule in FOUND_BY_INTERACTIVE_CHECKS.items():
        defect = load_manifest().get(defect_id)
        found = {template_of[page] for page in defect.pages if (page, rule, defect_id) in reported}
        expected = set(defect.templates) & judged
        assert expected, f"{defect_id}: no page of its templates gets page-changing checks"
        missing += [f"{defect_id} {rule} on no {template} page" for template in expected - found]
    assert not missing, "\n".join(missing)


def test_the_fixed_store_has_no_findings(demo_fixed: DemoRun) -> None:
    assert demo_fixed.result.returncode == 0, demo_fixed.result.stderr
    assert not {page.path for page in crawl_pages()} - crawled_paths(demo_fixed)
    expected_states = {(j.name, s) for j in load_config(JOURNEYS).journeys.journeys for s in j.states}
    assert set(demo_fixed.states()) == expected_states
    assert [f"{item.page} {item.state or ''} {item.rule}" for item in demo_fixed.located] == []


def test_the_regression_store_reports_only_its_one_defect(demo_regression: DemoRun) -> None:
    assert demo_regression.located, "the regression defect was not found"
    assert {defect for item in demo_regression.located for defect in item.defects} == {REGRESSION_DEFECT}
    assert all(item.defects == {REGRESSION_DEFECT} for item in demo_regression.located)
    # The card fields of both payment states: before and after the declined card.
    assert {item.state for item in demo_regression.located} == {"payment", "payment-declined"}


def test_the_report_itself_passes_an_audit(demo_broken: DemoRun, tmp_path: Path) -> None:
    """The report people act on must be accessible: audit it with the tool itself."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(demo_broken.out))
    with serving(local_server(handler)) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}/report.html"
        result = run_cli("scan", url, "-o", str(tmp_path / "report-audit"), "--no-screenshots")
    assert result.returncode == 0, result.stderr
    issues = load_results(tmp_path / "report-audit")["issues"]
    assert [(issue["rule"], issue["outcome"]) for issue in issues] == []


def no_page_changing_checks(folder: Path) -> Path:
    """A config without the sampled page-changing checks, for tests about crawling, not checks."""
    config = folder / "no-interactive.toml"
    config.write_text("[checks]\ninteractive_pages_per_template = 0\n", "utf-8")
    return config


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


def test_the_run_records_which_rules_tested_which_criteria(demo_broken: DemoRun) -> None:
    """The conformance table rests on this: rules that ran, including ones that found nothing."""
    rules = {(rule["source"], rule["id"]): rule["wcag"] for rule in demo_broken.results["tool"]["rules_run"]}
    assert rules[("axe", "color-contrast")] == ["1.4.3"]
    assert rules[("axe", "document-title")] == ["2.4.2"]  # passes on every demo page, still counted
    assert rules[("a11y-audit", "missing-autocomplete")] == ["1.3.5"]
    html = (demo_broken.out / "report.html").read_text("utf-8")
    assert "WCAG 2.1 AA conformance" in html and "not recorded" not in html
