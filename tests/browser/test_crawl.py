"""Crawling in real headless Chromium: resume after an interruption, frames, parallel workers."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from a11y_audit.browser.reaper import profile_prefix
from tests.browser.conftest import load_results, run_cli
from tests.browser.site import CHAIN_LENGTH, Site
from tests.support import ctrl_c_works, wait_until_gone

pytestmark = pytest.mark.browser


def journal_urls(output: Path) -> list[str]:
    path = output / "pages.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["url"] for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_interrupted_crawl_keeps_its_pages_and_resume_finishes_without_repeats(
    site: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    start = site.url + "chain/0"
    command = [sys.executable, "-m", "a11y_audit", "crawl", start, "-o", str(out), "--no-screenshots"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_works
    )
    deadline = time.monotonic() + 120
    while len(journal_urls(out)) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "--resume" in stderr
    partial = load_results(out)
    assert partial["tool"]["interrupted"] is True
    done_before = len(journal_urls(out))
    assert 3 <= done_before < CHAIN_LENGTH + 1

    result = run_cli("crawl", start, "-o", str(out), "--no-screenshots", "--resume")
    assert result.returncode == 0, result.stderr
    urls = journal_urls(out)
    assert len(urls) == len(set(urls)) == CHAIN_LENGTH + 1
    final = load_results(out)
    assert final["summary"]["pages_audited"] == CHAIN_LENGTH + 1
    assert final["tool"]["interrupted"] is False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_end_a_crawl_as_ctrl_c_does(site: Site, tmp_path: Path, signum: int) -> None:
    """What a CI timeout, `docker stop` or a closed terminal sends: partial results, no browser left."""
    out = tmp_path / "out"
    crawl = [sys.executable, "-m", "a11y_audit", "crawl", site.url + "chain/0", "-o", str(out)]
    process = subprocess.Popen(
        [*crawl, "--no-screenshots"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while len(journal_urls(out)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + signum, stderr
    assert "--resume" in stderr
    assert load_results(out)["tool"]["interrupted"] is True
    assert 2 <= len(journal_urls(out)) < CHAIN_LENGTH + 1
    assert wait_until_gone("/" + profile_prefix(process.pid), seconds=5) == []


def test_resume_without_a_previous_run_is_a_usage_error(site: Site, tmp_path: Path) -> None:
    result = run_cli("crawl", site.url, "-o", str(tmp_path / "empty"), "--resume")
    assert result.returncode == 2
    assert "nothing to resume" in result.stderr


def test_two_workers_audit_every_page_once(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("crawl", site.url + "chain/0", "-o", str(out), "--workers", "2", "--no-screenshots")
    assert result.returncode == 0, result.stderr
    urls = journal_urls(out)
    assert len(urls) == len(set(urls)) == CHAIN_LENGTH + 1


def test_a_scan_walks_and_reflows_every_page_it_is_given_though_they_share_a_template(
    site: Site, tmp_path: Path
) -> None:
    """Per-template sampling (2 pages by default) is for crawls: the four /chain/* pages named
    to `scan` each get a keyboard walk and a 320 px layout, and the run records it was a scan."""
    out = tmp_path / "out"
    urls = [f"{site.url}chain/{number}" for number in range(1, 5)]
    checks = "focus-not-visible,reflow"  # one keyboard and one layout check: two gatherers
    result = run_cli("scan", *urls, "-o", str(out), "--checks", checks, "--no-screenshots")
    assert result.returncode == 0, result.stderr
    results = load_results(out)
    assert results["tool"]["scan"] is True
    pages = results["pages"]
    assert len({page["template"] for page in pages}) == 1  # one DOM template
    assert all({"keyboard", "layout_adaptation"} <= set(page["artifacts"]) for page in pages), pages
    assert {page["url"] for page in pages} == set(urls)


def test_a_scan_audits_only_the_pages_named_never_the_pages_they_link_to(site: Site, tmp_path: Path) -> None:
    """/chain/1 links to /chain/2, which was not named: a scan neither audits it nor lets it
    take a named page's place under the page limit (the W3C ACT suite lost 9 pages that way)."""
    out = tmp_path / "out"
    urls = [f"{site.url}chain/1", f"{site.url}chain/3"]
    result = run_cli("scan", *urls, "-o", str(out), "--checks", "reflow", "--no-screenshots")
    assert result.returncode == 0, result.stderr
    results = load_results(out)
    assert {page["url"] for page in results["pages"]} == set(urls)
    assert "PAGE_LIMIT" not in results["skipped"]["counts"], results["skipped"]


def test_max_pages_and_max_depth_bound_the_crawl(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        run_cli(
            "crawl", site.url + "chain/0", "-o", str(out), "--max-pages", "5", "--no-screenshots"
        ).returncode
        == 0
    )
    assert len(journal_urls(out)) == 5
    assert (
        run_cli(
            "crawl", site.url + "chain/0", "-o", str(out), "--max-depth", "2", "--no-screenshots"
        ).returncode
        == 0
    )
    assert sorted(journal_urls(out)) == sorted(site.url + f"chain/{n}" for n in range(3))


def test_findings_inside_a_cross_origin_iframe_are_reported_with_the_frame_path(
    site: Site, tmp_path: Path
) -> None:
    with Site() as widget_origin:
        framed = site.url + "framed?src=" + quote(widget_origin.url + "widget", safe="")
        out = tmp_path / "out"
        result = run_cli("scan", framed, "-o", str(out))
    assert result.returncode == 0, result.stderr
    issues = {issue["rule"]: issue for issue in load_results(out)["issues"]}
    assert issues["button-name"]["instances"][0]["target"] == ["iframe", "button"]
    assert issues["button-name"]["instances"][0]["selector"] == "iframe >>> button"
    assert issues["label"]["instances"][0]["target"][0] == "iframe"
    assert issues["button-name"]["wcag"] == ["4.1.2"]
