"""A crawl split into shards and merged equals one crawl of the same site, in real Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.crawl.shards import shard_of
from a11y_audit.crawl.urls import canonicalize
from tests.browser.conftest import load_results, run_cli
from tests.browser.site import RENDERED_LINKS, Site

pytestmark = pytest.mark.browser


def crawl(site: Site, out: Path, *extra: str) -> dict[str, Any]:
    """The test site from its home page (robots.txt, a 404, a PDF link, script dialogs, a
    calendar), a hub whose links redirect and two pages titled alike (a site check compares
    them), two clicks deep, with every check."""
    starts = [site.url, site.url + "hub", site.url + "twins/1", site.url + "twins/2"]
    result = run_cli("crawl", *starts, "--max-depth", "2", "--no-screenshots", "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return load_results(out)


def pages(results: dict[str, Any]) -> dict[str, tuple[bool, bool, bool]]:
    """Per URL: audited, failed, skipped."""
    return {
        page["url"]: (bool(page["artifacts"]), page["error"] is not None, page["skipped"] is not None)
        for page in results["pages"]
    }


def issues(results: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """Per fingerprint: instances and pages."""
    return {issue["fingerprint"]: (len(issue["instances"]), issue["pages"]) for issue in results["issues"]}


def test_three_shards_merged_equal_one_crawl(site: Site, tmp_path: Path) -> None:
    whole = crawl(site, tmp_path / "whole")
    shards = [tmp_path / f"shard-{index}" for index in (1, 2, 3)]
    shard_results = [crawl(site, folder, "--shard", f"{index}/3") for index, folder in enumerate(shards, 1)]

    merged_out = tmp_path / "merged"
    result = run_cli("merge", str(merged_out), *map(str, reversed(shards)))
    assert result.returncode == 0, result.stderr
    merged = load_results(merged_out)

    assert pages(merged) == pages(whole)
    assert issues(merged) == issues(whole)
    twins = [issue for issue in merged["issues"] if issue["rule"] == "duplicate-page-title"]
    assert [issue["pages"] for issue in twins] == [2]  # judged across shards
    assert merged["summary"]["by_outcome"] == whole["summary"]["by_outcome"]
    assert merged["skipped"]["counts"] == whole["skipped"]["counts"]
    assert merged["tool"]["merged_from"] == ["1/3", "2/3", "3/3"]
    assert not [note for note in merged["tool"].get("warnings", []) if "not audited by the shard" in note]
    # Each shard audited its own pages only, and together every page once.
    own = [set(pages(one)) for one in shard_results]
    assert sum(len(urls) for urls in own) == len(set().union(*own)) == len(pages(whole))
    assert [json.loads((folder / "run.json").read_text())["shard"] for folder in shards] == [
        "1/3",
        "2/3",
        "3/3",
    ]


def test_merge_names_pages_linked_only_by_a_script_on_another_shards_page(site: Site, tmp_path: Path) -> None:
    """The documented limit of HTTP discovery, made visible: the owner of /rendered sees its
    script-rendered links in the browser; an owner of a target that reads /rendered over HTTP
    does not, and merge says which pages no shard audited."""
    start = canonicalize(site.url + "rendered")
    targets = [canonicalize(f"{site.url}rendered-only/{n}") for n in range(1, RENDERED_LINKS + 1)]
    shards = [tmp_path / f"shard-{index}" for index in (1, 2)]
    for index, folder in enumerate(shards, 1):
        result = run_cli(
            "crawl", start, "--max-depth", "1", "--checks", "duplicate-page-title", "--no-screenshots",
            "--shard", f"{index}/2", "-o", str(folder),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    result = run_cli("merge", str(tmp_path / "merged"), *map(str, shards))
    assert result.returncode == 0, result.stderr
    merged = load_results(tmp_path / "merged")

    missed = [url for url in targets if shard_of(url, 2) != shard_of(start, 2)]
    assert set(pages(merged)) == {start, *targets} - set(missed)
    notes = [note for note in merged["tool"].get("warnings", []) if "not audited by the shard" in note]
    assert [note.split(" ")[0] for note in notes] == ([str(len(missed))] if missed else [])
