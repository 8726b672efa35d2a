"""Bad input and misbehaving pages, in real headless Chromium: the crawl records and goes on."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import error_line, load_results, page, run_cli
from tests.browser.site import Site

pytestmark = pytest.mark.browser


def test_crawl_records_bad_pages_and_goes_on(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("crawl", site.url, "-o", str(out), "--no-screenshots", "--max-pages", "60")
    assert result.returncode == 0, result.stderr
    results = load_results(out)
    assert page(results, "/")["status"] == 200
    missing = page(results, "/missing")
    assert missing["status"] == 404 and missing["error"].startswith("HTTP 404")
    scripts = page(results, "/scripts")
    assert scripts["error"] is None
    assert any("alert" in warning for warning in scripts["warnings"])
    assert any("threw" in warning for warning in scripts["warnings"])
    # tracking parameters and fragments do not make a second page
    assert sum(1 for p in results["pages"] if "/about" in p["url"]) == 1
    # robots.txt is respected; links to non-HTML files are not visited
    assert not any("/private/" in p["url"] for p in results["pages"])
    assert results["skipped"]["counts"].get("ROBOTS", 0) >= 1
    assert results["skipped"]["counts"].get("NON_HTML", 0) >= 1
    # the infinite calendar is cut off by the URL-space guard, not by max-pages
    calendar = [p for p in results["pages"] if "/calendar" in p["url"]]
    assert 0 < len(calendar) < 60
    assert results["skipped"]["counts"].get("INFINITE_SPACE", 0) >= 1
    assert "Results:" in result.stdout and "Report:" in result.stdout


def test_ignore_robots_visits_disallowed_pages(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "crawl",
        site.url,
        "-o",
        str(out),
        "--no-screenshots",
        "--ignore-robots",
        "--include",
        r"/(private/.*)?$",
    )
    assert result.returncode == 0, result.stderr
    assert any("/private/" in p["url"] for p in load_results(out)["pages"])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("loop", "ERR_TOO_MANY_REDIRECTS: redirect loop"),
        ("download", "not an HTML page (application/pdf)"),
        ("doc.pdf", "doc.pdf was not visited (NON_HTML: it looks like a file, not a page)"),
    ],
)
def test_a_start_url_that_cannot_be_audited_is_a_tool_failure_with_results_kept(
    site: Site, tmp_path: Path, path: str, expected: str
) -> None:
    out = tmp_path / "out"
    result = run_cli("scan", site.url + path, "-o", str(out))
    assert result.returncode == 3
    assert expected in error_line(result)
    if path != "doc.pdf":  # a URL that looks like a file is never loaded at all
        record = page(load_results(out), path)
        assert expected in (record["error"] or record["skipped"])


def test_unreachable_host(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli("scan", f"http://127.0.0.1:{port}/", "-o", str(tmp_path / "out"))
    assert result.returncode == 3
    assert "ERR_CONNECTION_REFUSED" in error_line(result) and "check that the site is running" in error_line(
        result
    )


def test_tls_error(tmp_path: Path) -> None:
    with Site(tls_dir=tmp_path) as tls_site:
        result = run_cli("scan", tls_site.url, "-o", str(tmp_path / "out"))
    assert result.returncode == 3
    assert "ERR_CERT" in error_line(result) and "certificate" in error_line(result)


def test_page_that_never_finishes_loading_is_audited_as_rendered(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("scan", site.url + "slow", "-o", str(out), "--page-timeout", "3")
    assert result.returncode == 0, result.stderr
    slow = page(load_results(out), "/slow")
    assert slow["error"] is None
    assert any("did not finish loading within 3s" in warning for warning in slow["warnings"])
    assert any(issue["rule"] == "image-alt" for issue in load_results(out)["issues"])


def test_page_with_20000_elements(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("scan", site.url + "big", "-o", str(out))
    assert result.returncode == 0, result.stderr
    big = page(load_results(out), "/big")
    assert big["error"] is None and big["artifacts"]["axe"]


def test_redirect_out_of_scope_is_skipped_not_audited(site: Site, tmp_path: Path) -> None:
    """A redirect to another site (elsewhere.localhost: Chromium resolves it to this machine,
    so the page loads) is skipped for that reason, and nothing of the other site is audited.
    Any error would not do: a redirect the browser cannot follow is a different fault."""
    out = tmp_path / "out"
    result = run_cli("scan", site.url + "offsite", "-o", str(out))
    assert result.returncode == 3
    results = load_results(out)
    offsite = page(results, "/offsite")
    elsewhere = f"http://elsewhere.localhost:{urlsplit(site.url).port}"
    assert offsite["error"] is None
    assert offsite["skipped"] == (
        f"redirected out of scope to {elsewhere}/about"
        f" (start from that address, or add --allow-origin {elsewhere})"
    )
    assert offsite["artifacts"] == {} and results["issues"] == []


def test_a_start_url_redirected_to_another_host_names_the_fix(site: Site, tmp_path: Path) -> None:
    """The everyday case: the store moved to https:// or www., and the start URL follows."""
    out = tmp_path / "out"
    result = run_cli("scan", site.url + "other-host", "-o", str(out))
    assert result.returncode == 3
    moved = f"http://localhost:{urlsplit(site.url).port}"
    expected = (
        f"redirected out of scope to {moved}/about (start from that address, or add --allow-origin {moved})"
    )
    assert expected in error_line(result)
    assert page(load_results(out), "/other-host")["skipped"] == expected


def test_a_crawl_follows_its_start_url_to_the_same_stores_www_origin(site: Site, tmp_path: Path) -> None:
    """http://shop.example moving to www.shop.example is the same store: crawled, not refused
    (Chromium resolves *.localhost to this machine, so www.localhost stands in for www.)."""
    out = tmp_path / "out"
    port = urlsplit(site.url).port
    start = f"http://localhost:{port}/to-www"
    result = run_cli(
        "crawl", start, "-o", str(out), "--no-screenshots", "--max-depth", "0", "--ignore-robots"
    )
    assert result.returncode == 0, result.stderr
    results = load_results(out)
    moved = f"http://www.localhost:{port}"
    assert page(results, "/to-www")["skipped"] == (
        f"redirected to {moved}/about (the same store: {moved} is crawled too), audited at that address"
    )
    about = page(results, "/about")
    assert about["url"] == f"{moved}/about" and about["error"] is None and about["skipped"] is None


def test_a_redirect_within_scope_is_audited_once_at_its_own_address(site: Site, tmp_path: Path) -> None:
    """Two links that redirect to one page: that page is audited once, under its own address
    and template, at the depth of the links; the redirecting addresses say where they went."""
    out = tmp_path / "out"
    result = run_cli("crawl", site.url + "hub", "-o", str(out), "--no-screenshots", "--max-depth", "1")
    assert result.returncode == 0, result.stderr
    results = load_results(out)
    landing = [p for p in results["pages"] if p["url"].endswith("/landing")]
    assert len(landing) == 1 and landing[0]["error"] is None and landing[0]["skipped"] is None
    assert "/landing" in landing[0]["template"] and landing[0]["depth"] == 1  # named by its own URL
    for path in ("/moved", "/moved-too"):
        moved = page(results, path)
        assert moved["skipped"] == f"redirected to {site.url}landing, audited at that address"
        assert not moved["artifacts"]
    (image,) = [issue for issue in results["issues"] if issue["rule"] == "image-alt"]
    assert {instance["page_url"] for instance in image["instances"]} == {site.url + "landing"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("htp://shop.example", "scheme"),
        ("shop.example.com", "https://shop.example.com/"),
        ("http://", "host"),
    ],
)
def test_invalid_url_is_a_usage_error(tmp_path: Path, url: str, message: str) -> None:
    result = run_cli("scan", url, "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert message in error_line(result)


@pytest.mark.parametrize(
    ("variable", "expected"),
    [
        (
            "A11Y_AUDIT_CHROMIUM",
            "Chromium not found at /nonexistent: install it with `apt-get install chromium",
        ),
        (
            "A11Y_AUDIT_CHROMEDRIVER",
            "chromedriver not found at /nonexistent: install it with `apt-get install",
        ),
        ("A11Y_AUDIT_AXE_CORE", "axe-core not found at /nonexistent: run `npm ci`"),
    ],
)
def test_missing_browser_pieces_name_the_install_command(
    site: Site, tmp_path: Path, variable: str, expected: str
) -> None:
    result = run_cli(
        "scan", site.url, "-o", str(tmp_path / "out"), env={**os.environ, variable: "/nonexistent"}
    )
    assert result.returncode == 3
    assert expected in error_line(result)


def test_unwritable_output_dir(site: Site, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("scan", site.url, "-o", str(blocker / "out"))
    assert result.returncode == 3
    assert "is not writable" in error_line(result) and "--output" in error_line(result)


def test_a_page_that_hangs_the_browser_is_recorded_and_the_next_page_gets_a_fresh_one(
    site: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "scan",
        site.url + "hang",
        site.url + "about",
        "-o",
        str(out),
        "--page-timeout",
        "3",
        "--script-timeout",
        "5",
    )
    assert result.returncode == 0, result.stderr
    results = load_results(out)
    hung = page(results, "/hang")
    assert hung["error"].startswith("the browser crashed or hung twice on this page")
    assert page(results, "/about")["error"] is None


def test_a_start_url_disallowed_by_robots_names_the_override(site: Site, tmp_path: Path) -> None:
    result = run_cli("crawl", site.url + "private/x", "-o", str(tmp_path / "out"))
    assert result.returncode == 3
    assert "robots.txt disallows it; use --ignore-robots" in error_line(result)
