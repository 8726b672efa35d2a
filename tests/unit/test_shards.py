"""Split crawls without a browser: shard assignment, --shard validation, HTTP link discovery,
and merging shard folders into one run (validation, pages, run facts, skipped links)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from a11y_audit import api
from a11y_audit.artifacts import merge
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.config import Config
from a11y_audit.crawl.http_fetch import FetchResult
from a11y_audit.crawl.shards import Shard, ShardDiscovery, html_links, parse_shard, shard_of
from a11y_audit.errors import UsageError
from a11y_audit.model import PageRecord
from a11y_audit.run_result import RunInfo, Skipped, SkippedExample

SITE = "http://shop.test"
URLS = [f"{SITE}/products/item-{number}" for number in range(300)]
PINNED = [1, 3, 2, 3, 2, 3]
"""shard_of(URLS[:6], 3): the assignment is a contract between machines and versions."""
DOM = (
    '<!doctype html><html lang="en"><head><title>{title}</title></head>'
    "<body><main><h1>{title}</h1></main></body></html>"
)


@pytest.mark.parametrize(
    ("text", "shard"), [("2/3", Shard(2, 3)), (" 1 / 1 ", Shard(1, 1)), ("3/3", Shard(3, 3))]
)
def test_a_shard_is_i_of_n(text: str, shard: Shard) -> None:
    assert parse_shard(text) == shard
    assert str(shard) == f"{shard.index}/{shard.count}"


@pytest.mark.parametrize("text", ["0/3", "4/3", "x/y", "1/0", "", "1/3/5", "-1/3", "2"])
def test_a_bad_shard_is_a_usage_error_saying_what_one_looks_like(text: str) -> None:
    with pytest.raises(UsageError, match=r"give I/N with 1 <= I <= N, e\.g\. --shard 2/3"):
        parse_shard(text)


def test_every_page_belongs_to_exactly_one_shard_and_always_the_same() -> None:
    shards = [Shard(index, 3) for index in (1, 2, 3)]
    for url in URLS:
        assert [shard.owns(url) for shard in shards].count(True) == 1
    assert [shard_of(url, 3) for url in URLS[:6]] == PINNED
    sizes = [sum(shard.owns(url) for url in URLS) for shard in shards]
    assert min(sizes) > 70, sizes


def test_html_links_are_resolved_as_the_browser_resolves_a_href() -> None:
    body = (
        b'<html><head><base href="/shop/"></head><body><a href="shoes">S</a> <a href=" /about ">A</a>'
        b'<map><area href="sale" alt="Sale"></map><a name="x">no href</a><a href="https://other.test/">O</a>'
        b"</body></html>"
    )
    assert html_links(body, f"{SITE}/start") == (
        f"{SITE}/shop/shoes",
        f"{SITE}/about",
        f"{SITE}/shop/sale",
        "https://other.test/",
    )
    assert html_links(b"", SITE) == ()


def fetched(
    url: str, *, status: int = 200, content_type: str = "text/html; charset=utf-8", body: bytes = b""
) -> FetchResult:
    error = None if status < 400 else f"HTTP {status}"
    return FetchResult(url, url, status, content_type, body, error)


def test_discovery_reads_links_of_html_pages_only() -> None:
    responses = {
        f"{SITE}/a": fetched(f"{SITE}/a", body=b'<a href="/b">b</a>'),
        f"{SITE}/missing": fetched(f"{SITE}/missing", status=404, body=b'<a href="/c">c</a>'),
        f"{SITE}/file": fetched(f"{SITE}/file", content_type="application/pdf", body=b"%PDF"),
    }
    discovery = ShardDiscovery(Shard(1, 2), responses.__getitem__)
    page = discovery.discover(f"{SITE}/a")
    assert page.html and page.links == (f"{SITE}/b",)
    assert not discovery.discover(f"{SITE}/missing").html
    assert discovery.discover(f"{SITE}/file").links == ()
    assert discovery.pages_read == 1


def shard_info(label: str, **changes: object) -> RunInfo:
    info = RunInfo(
        version="1.0",
        axe_core_version="4.10.0",
        browser_name="chrome",
        browser_version="120",
        started="2026-12-07T10:00:00+00:00",
        axe_tags=("wcag2a",),
        shard=label,
        config=Config(start_urls=(f"{SITE}/",)).to_json(),
    )
    return replace(info, **changes)  # type: ignore[arg-type]


def make_shard(
    root: Path, shard: Shard, *, info: RunInfo | None = None, skipped: Skipped | None = None
) -> Path:
    """A shard folder as `crawl --shard` leaves it: its own pages, plus a journey state."""
    store = ArtifactStore.open(root, resume=False)
    store.write_run_info((info or shard_info(str(shard))).to_json())
    for url in URLS[:12]:
        if shard.owns(url):
            store.save_page(
                PageRecord(url=url, status=200, title=url), dom=DOM.format(title=url.rsplit("/")[-1])
            )
    state = PageRecord(url=f"{SITE}/cart#journey=buy&state=bag", status=200, journey="buy", state="bag")
    store.save_page(state, dom=DOM.format(title="Bag"))
    if skipped is not None:
        (root / "results.json").write_text(json.dumps({"skipped": skipped.to_json()}), "utf-8")
    return root


def runs_of(tmp_path: Path, count: int = 3) -> list[merge.ShardRun]:
    folders = [make_shard(tmp_path / f"s{index}", Shard(index, count)) for index in range(1, count + 1)]
    return merge.read_shards(folders)


def test_shards_are_read_in_shard_order(tmp_path: Path) -> None:
    folders = [make_shard(tmp_path / f"s{index}", Shard(index, 3)) for index in (3, 1, 2)]
    assert [str(run.shard) for run in merge.read_shards(folders)] == ["1/3", "2/3", "3/3"]


@pytest.mark.parametrize(
    ("infos", "message"),
    [
        (["1/3", "2/3"], "shard 3/3 missing: give all 3 shard folders"),
        (["1/2", "1/2"], "are both shard 1/2: give each shard once"),
        (["1/2", "2/3"], "merge the shards of one crawl"),
    ],
)
def test_merge_wants_each_shard_of_one_crawl_once(tmp_path: Path, infos: list[str], message: str) -> None:
    folders = [make_shard(tmp_path / f"s{number}", parse_shard(label)) for number, label in enumerate(infos)]
    with pytest.raises(UsageError, match=message):
        merge.check_shards(merge.read_shards(folders))


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"version": "1.1"}, "a11y-audit version"),
        ({"axe_core_version": "4.11.0"}, "axe-core version"),
        ({"config": Config(start_urls=(f"{SITE}/other",)).to_json()}, "setting 'start_urls'"),
        ({"config": Config(start_urls=(f"{SITE}/",), max_pages=5).to_json()}, "setting 'max_pages'"),
    ],
)
def test_merge_refuses_shards_of_different_crawls(
    tmp_path: Path, change: dict[str, object], named: str
) -> None:
    first = make_shard(tmp_path / "s1", Shard(1, 2))
    second = make_shard(tmp_path / "s2", Shard(2, 2), info=shard_info("2/2", **change))
    with pytest.raises(UsageError, match=f"ran with another {named} than"):
        merge.check_shards(merge.read_shards([first, second]))


def test_machine_settings_may_differ_between_shards(tmp_path: Path) -> None:
    other_machine = Config(start_urls=(f"{SITE}/",), workers=4, chromium="/opt/chrome").to_json()
    first = make_shard(tmp_path / "s1", Shard(1, 2))
    second = make_shard(tmp_path / "s2", Shard(2, 2), info=shard_info("2/2", config=other_machine))
    merge.check_shards(merge.read_shards([first, second]))


def test_a_folder_that_is_no_shard_is_refused(tmp_path: Path) -> None:
    whole = make_shard(tmp_path / "whole", Shard(1, 1), info=shard_info("1/1", shard=None))
    with pytest.raises(UsageError, match="is not a shard"):
        merge.read_shards([whole])
    with pytest.raises(UsageError, match="holds no audit run"):
        merge.read_shards([tmp_path])


def test_pages_are_copied_from_their_owner_and_journey_states_from_shard_1(tmp_path: Path) -> None:
    runs = runs_of(tmp_path)
    stray = ArtifactStore(runs[1].root)
    foreign = next(url for url in URLS if not runs[1].shard.owns(url))
    stray.save_page(PageRecord(url=foreign, status=200), dom=DOM.format(title="stray"))
    merged = ArtifactStore.open(tmp_path / "merged", resume=False)

    assert merge.copy_pages(runs, merged).left_out == 1
    records = list(merged.iter_pages())
    assert sorted(record.url for record in records if not record.journey) == sorted(URLS[:12])
    assert [record.url for record in records if record.journey] == [f"{SITE}/cart#journey=buy&state=bag"]
    assert all(merged.read_dom(record) for record in records)
    assert list(ArtifactStore(runs[1].root).iter_pages())[-1].url == foreign  # the shard is left as it was


def test_the_merged_run_records_its_shards_and_what_differed(tmp_path: Path) -> None:
    folders = [
        make_shard(tmp_path / "s1", Shard(1, 2), info=shard_info("1/2", warnings=("robots.txt slow",))),
        make_shard(
            tmp_path / "s2",
            Shard(2, 2),
            info=shard_info(
                "2/2",
                started="2026-12-07T09:59:00+00:00",
                browser_version="121",
                interrupted=True,
                warnings=("robots.txt slow",),
            ),
        ),
    ]
    info = merge.merged_run_info(merge.read_shards(folders))
    assert info.merged_from == ("1/2", "2/2") and info.shard is None
    assert info.started == "2026-12-07T09:59:00+00:00" and info.interrupted
    assert info.warnings is not None and info.warnings[0] == "robots.txt slow"
    assert "different browsers (1/2: chrome 120, 2/2: chrome 121)" in info.warnings[1]
    assert "shard 2/2 was interrupted" in info.warnings[2]


def test_skipped_links_are_counted_once_not_once_per_shard() -> None:
    robots = SkippedExample(f"{SITE}/private", "ROBOTS", f"{SITE}/")
    first = Skipped({"ROBOTS": 1, "TOO_DEEP": 3}, (robots,))
    second = Skipped(
        {"ROBOTS": 1, "TOO_DEEP": 4}, (robots, SkippedExample(f"{SITE}/deep", "TOO_DEEP: depth 3"))
    )
    merged = merge.merged_skipped([first, second])
    assert merged.counts == {"ROBOTS": 1, "TOO_DEEP": 4}
    assert [example.url for example in merged.examples] == [f"{SITE}/private", f"{SITE}/deep"]


def test_merge_judges_all_shards_as_one_run(tmp_path: Path) -> None:
    skipped = Skipped({"ROBOTS": 1}, (SkippedExample(f"{SITE}/private", "ROBOTS"),))
    folders = [make_shard(tmp_path / f"s{index}", Shard(index, 2), skipped=skipped) for index in (1, 2)]
    outcome = api.merge(tmp_path / "merged", folders)
    result = outcome.result
    assert sorted(page.url for page in result.pages) == sorted(
        [*URLS[:12], f"{SITE}/cart#journey=buy&state=bag"]
    )
    assert result.tool.merged_from == ("1/2", "2/2")
    assert result.skipped.counts == {"ROBOTS": 1}
    again = api.evaluate(tmp_path / "merged")  # the merged folder is a run folder like any other
    assert len(again.result.pages) == len(result.pages)


def test_merge_into_a_shard_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folders = [make_shard(tmp_path / f"s{index}", Shard(index, 2)) for index in (1, 2)]
    before = (folders[0] / "pages.jsonl").read_text("utf-8")
    with pytest.raises(UsageError, match="is one of the shards"):
        api.merge(folders[0], folders)
    assert (folders[0] / "pages.jsonl").read_text("utf-8") == before


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "a11y_audit", *args], capture_output=True, text=True)


def test_a_bad_shard_flag_is_one_line_and_exit_2() -> None:
    result = cli("crawl", f"{SITE}/", "--shard", "4/3")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: --shard '4/3' is not a shard: give I/N with 1 <= I <= N, "
        "e.g. --shard 2/3 for the second of three"
    ]


def test_merge_of_an_incomplete_set_is_one_line_and_exit_2(tmp_path: Path) -> None:
    folder = make_shard(tmp_path / "s1", Shard(1, 2))
    result = cli("merge", str(tmp_path / "merged"), str(folder))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "shard 2/2 missing" in result.stderr
    assert not (tmp_path / "merged").exists()


def test_merge_warns_of_pages_a_shard_reached_that_their_owner_never_visited(tmp_path: Path) -> None:
    folders = [make_shard(tmp_path / f"s{index}", Shard(index, 2)) for index in (1, 2)]
    owned_by_2 = [url for url in URLS[12:] if Shard(2, 2).owns(url)]
    visited_by_2 = next(url for url in URLS[:12] if Shard(2, 2).owns(url))
    ArtifactStore(folders[0]).write_other_shards([visited_by_2, owned_by_2[0], owned_by_2[1]])
    warnings = api.merge(tmp_path / "merged", folders).result.tool.warnings or ()
    assert [warning for warning in warnings if "not audited by the shard that owns them" in warning] == [
        f"2 page(s) a shard reached were not audited by the shard that owns them "
        f"(e.g. {owned_by_2[0]}, {owned_by_2[1]}): linked only by a script on a page that shard read "
        "over HTTP, or past its page limit; give every shard the same --sitemap, or crawl without --shard"
    ]


def test_an_interrupted_owner_is_not_blamed_for_pages_it_did_not_reach(tmp_path: Path) -> None:
    first = make_shard(tmp_path / "s1", Shard(1, 2))
    second = make_shard(tmp_path / "s2", Shard(2, 2), info=shard_info("2/2", interrupted=True))
    owned_by_2 = next(url for url in URLS[12:] if Shard(2, 2).owns(url))
    ArtifactStore(first).write_other_shards([owned_by_2])
    runs = merge.read_shards([first, second])
    copied = merge.copy_pages(runs, ArtifactStore.open(tmp_path / "merged", resume=False))
    assert merge.unreached(runs, copied) == []


def test_discovery_hands_over_every_page_it_reached() -> None:
    responses = {
        f"{SITE}/a": fetched(f"{SITE}/a", body=b"<p>no links</p>"),
        f"{SITE}/missing": fetched(f"{SITE}/missing", status=404),
    }
    discovery = ShardDiscovery(Shard(1, 2), responses.__getitem__)
    for url in responses:
        discovery.discover(url)
    assert discovery.handed_over == [f"{SITE}/a", f"{SITE}/missing"]
    assert discovery.pages_read == 1


def test_merge_of_no_folder_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no shard to merge"):
        merge.read_shards([])
