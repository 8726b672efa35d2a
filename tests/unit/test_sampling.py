"""Page-changing checks judge the same pages of each template whatever the crawl order."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from a11y_audit import api
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.browser.gatherers import gatherer_classes
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, failed
from a11y_audit.config import Config
from a11y_audit.judge.evaluation import issues_for_run
from a11y_audit.judge.priority import PriorityPolicy
from a11y_audit.judge.sampling import SAMPLED_KINDS, BottomK, final_sample, sample_key, sample_size
from a11y_audit.model import Impact, PageRecord
from a11y_audit.run_result import RunInfo

URLS = [f"https://shop.test/products/item-{n}" for n in range(60)]


def test_sampled_kinds_are_the_page_changing_gatherers() -> None:
    assert {name for name, cls in gatherer_classes().items() if cls.changes_page} == SAMPLED_KINDS


def test_the_final_sample_was_gathered_in_every_crawl_order() -> None:
    lowest = set(sorted(URLS, key=sample_key)[:3])
    for seed in range(20):
        order = URLS[:]
        random.Random(seed).shuffle(order)
        sample = BottomK(3)
        gathered = {url for url in order if sample.offer("product", url)}
        assert lowest <= gathered
        assert len(gathered) < len(URLS) / 2  # about k·ln(n/k) extra, not every page


def test_the_same_pages_are_sampled_on_any_host_or_port() -> None:
    """A preview deployment per merge request (or the demo on a random port) samples the same
    pages, so the gate compares findings of the same pages; path and query still count."""

    def lowest(origin: str) -> list[str]:
        urls = [url.replace("https://shop.test", origin) for url in URLS]
        return [urlsplit(url).path for url in sorted(urls, key=sample_key)[:3]]

    assert (
        lowest("https://shop.test") == lowest("http://127.0.0.1:40351") == lowest("https://pr-7.preview.test")
    )
    assert sample_key("https://shop.test/c?colour=blue") != sample_key("https://shop.test/c?colour=green")


def test_pages_known_from_the_queue_keep_later_pages_out_of_the_sample() -> None:
    sample = BottomK(2)
    for url in URLS:  # a sitemap queued the whole template before any visit
        sample.note("product", url)
    lowest = set(sorted(URLS, key=sample_key)[:2])
    assert {url for url in URLS if sample.offer("product", url)} == lowest


def test_a_withdrawn_page_makes_room() -> None:
    sample = BottomK(1)
    first, second = sorted(URLS[:2], key=sample_key)
    assert sample.offer("t", first)
    assert not sample.offer("t", second)
    sample.withdraw("t", first)
    assert sample.offer("t", second)


def test_size_zero_samples_nothing() -> None:
    assert not BottomK(0).offer("t", URLS[0])


def test_a_scan_gathers_on_every_page_it_was_given() -> None:
    """Scanned pages were named one by one: sharing a URL-shaped template makes them no sample."""
    assert sample_size(2, scan=True) is None
    assert sample_size(2, scan=False) == 2
    assert sample_size(0, scan=True) == 0  # the setting still turns those gatherers off
    every = BottomK(sample_size(2, scan=True))
    for url in URLS:
        every.note("product", url)
    assert all(every.offer("product", url) for url in URLS)


def _record(url: str, template: str, *, journey: str | None = None, sampled: bool = True) -> PageRecord:
    artifacts = {"dom": "x", **({"keyboard": "k.json"} if sampled else {})}
    return PageRecord(url=url, template=template, journey=journey, artifacts=artifacts)


def test_final_sample_takes_the_lowest_keys_per_template_and_every_journey_state() -> None:
    records = [_record(url, "product") for url in URLS[:10]] + [
        _record("https://shop.test/cart#journey=checkout&state=bag", "cart", journey="checkout"),
        _record("https://shop.test/about", "content", sampled=False),
    ]
    kept = final_sample(records, 2)
    assert kept == set(sorted(URLS[:10], key=sample_key)[:2]) | {
        "https://shop.test/cart#journey=checkout&state=bag"
    }


class _WalkCheck(WholePageCheck):
    meta: ClassVar[CheckMeta] = CheckMeta(
        id="walk-probe",
        title="Focus is visible",
        failure_title="Focus is not visible",
        description="Reads the keyboard artifact.",
        wcag=("2.4.7",),
        impact=Impact.SERIOUS,
        requires=("dom", "keyboard"),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return {Target("#menu a", "<a>"): failed("no focus indicator")}


def _walked_pages(folder: Path) -> ArtifactStore:
    """Five pages of one template, each with a keyboard walk."""
    store = ArtifactStore.open(folder, resume=False)
    for url in URLS[:5]:
        record = PageRecord(url=url, final_url=url, template="product")
        store.save_page(
            record, dom="<html><body><a>x</a></body></html>", gathered={"keyboard": {"stops": []}}
        )
    return store


def test_evaluation_uses_sampled_artifacts_of_the_final_sample_only(tmp_path: Path) -> None:
    store = _walked_pages(tmp_path)
    (issue,) = issues_for_run(store, PriorityPolicy(), date(2026, 11, 25), [_WalkCheck()], sample_size=2)
    assert {instance.page_url for instance in issue.instances} == set(sorted(URLS[:5], key=sample_key)[:2])
    (everywhere,) = issues_for_run(store, PriorityPolicy(), date(2026, 11, 25), [_WalkCheck()])
    assert len(everywhere.instances) == 5


@pytest.mark.parametrize(("scan", "pages"), [(True, 5), (False, 2), (None, 2)])
def test_evaluate_judges_a_scan_on_every_page_as_run_json_records(
    tmp_path: Path, scan: bool | None, pages: int
) -> None:
    """`evaluate` re-judges a run from run.json: a scan keeps every page's keyboard walk, a crawl
    (or a run from before `scan` was recorded) its sample."""
    store = _walked_pages(tmp_path)
    config = Config(checks=(_WalkCheck.meta.id,), custom_checks=(f"{__name__}:_WalkCheck",))
    run = RunInfo("t", "t", "chrome", "1", "2026-11-25T00:00:00+00:00", config=config.to_json(), scan=scan)
    store.write_run_info(run.to_json())
    (issue,) = api.evaluate(tmp_path).result.issues
    assert issue.pages == pages
