"""What a gate retry re-audits: the suspects' crawled pages, and the journeys whose states they
were found on (a state's URL cannot be re-visited as a page), nothing more."""

from __future__ import annotations

import tomllib
from typing import Any

from a11y_audit.config import Config
from a11y_audit.crawl.journey_spec import parse_journeys
from a11y_audit.gate.retries import retry_config_for
from a11y_audit.model import Issue
from tests.unit.test_baseline import as_run, run_json
from tests.unit.test_baseline import issue as sample_issue

STORE = "http://shop.test"
JOURNEYS = """
[checkout]
flow = "checkout"
steps = [{ visit = "/products/shirt" }, { audit = "bag" }, { audit = "payment" }]
[sign-in]
flow = "sign-in"
steps = [{ visit = "/sign-in" }, { audit = "account" }]
[size-guide]
flow = "product"
steps = [{ visit = "/products/shirt" }, { audit = "size-guide" }]
"""


def config(crawl_as: str | None = None) -> Config:
    table: dict[str, Any] = tomllib.loads(JOURNEYS)
    if crawl_as:
        table["crawl_as"] = crawl_as
    return Config(
        start_urls=(f"{STORE}/",),
        sitemaps=(f"{STORE}/sitemap.xml",),
        workers=4,
        journeys=parse_journeys(table, ("checkout", "sign-in", "product")),
    )


def issue(*urls: str) -> Issue:
    return as_run(run_json(sample_issue("a" * 16, instances=[{"page_url": url} for url in urls]))).issues[0]


def names(retry: Config) -> list[str]:
    return [journey.name for journey in retry.journeys.journeys]


def test_a_journey_state_reruns_its_journey_only() -> None:
    retry = retry_config_for(config(), [issue(f"{STORE}/checkout/payment#journey=checkout&state=payment")])
    assert names(retry) == ["checkout"]
    # No crawled page is suspect: the first start URL is the journeys' base, and no sitemap.
    assert retry.start_urls == (f"{STORE}/",) and retry.max_pages == 1 and retry.sitemaps == ()
    assert retry.workers == 1


def test_crawled_pages_are_re_audited_without_journeys() -> None:
    pages = [f"{STORE}/products/{n}" for n in range(8)]
    retry = retry_config_for(config(), [issue(*pages)])
    assert names(retry) == [] and retry.start_urls == tuple(sorted(pages)[:5]) and retry.max_pages == 5


def test_a_signed_in_crawl_keeps_its_sign_in_journey_for_the_pages() -> None:
    suspects = [
        issue(f"{STORE}/account/orders"),
        issue(f"{STORE}/products/shirt#journey=size-guide&state=size-guide"),
    ]
    retry = retry_config_for(config(crawl_as="sign-in"), suspects)
    assert names(retry) == ["sign-in", "size-guide"] and retry.journeys.crawl_as == "sign-in"
    assert retry.start_urls == (f"{STORE}/account/orders",)
    alone = retry_config_for(config(crawl_as="sign-in"), [suspects[1]])
    assert names(alone) == ["size-guide"] and alone.journeys.crawl_as is None


def test_a_state_of_an_unknown_journey_reruns_them_all() -> None:
    """The config changed since the run (a journey renamed): better every journey than none."""
    retry = retry_config_for(config(), [issue(f"{STORE}/cart#journey=basket&state=bag")])
    assert names(retry) == ["checkout", "sign-in", "size-guide"]


def test_for_pages_narrows_to_exactly_these_pages() -> None:
    narrowed = config().for_pages(["http://shop.test/a", "http://shop.test/b"])
    assert narrowed.start_urls == ("http://shop.test/a", "http://shop.test/b")
    assert (narrowed.sitemaps, narrowed.max_pages, narrowed.workers) == ((), 2, 2)
    assert names(narrowed) == ["checkout", "sign-in", "size-guide"]  # journeys as configured


def test_for_pages_keeps_the_named_journeys_and_the_one_that_signs_in_unless_told_not_to() -> None:
    signed = config(crawl_as="sign-in").for_pages([f"{STORE}/account"], journeys={"checkout"})
    assert names(signed) == ["checkout", "sign-in"] and signed.journeys.crawl_as == "sign-in"
    signed_out = config(crawl_as="sign-in").for_pages([f"{STORE}/"], journeys={"checkout"}, sign_in=False)
    assert names(signed_out) == ["checkout"] and signed_out.journeys.crawl_as is None
