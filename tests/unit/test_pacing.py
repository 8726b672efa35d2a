"""Pacing: the larger of the configured delay and robots.txt's Crawl-delay, capped, with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.config import load_config
from a11y_audit.crawl.pacing import Pacing
from a11y_audit.errors import UsageError

SHOP = "https://shop.example/products/a"


@pytest.mark.parametrize(
    ("robots", "minimum", "expected"),
    [
        (None, 0.0, 0.0),  # no Crawl-delay, none configured: unpaced
        (2.0, 0.0, 2.0),  # robots.txt asks
        (2.0, 5.0, 5.0),  # the configured delay is longer
        (0.5, 1.0, 1.0),
        (None, 1.5, 1.5),
    ],
)
def test_the_longer_of_robots_and_the_configured_delay(
    robots: float | None, minimum: float, expected: float
) -> None:
    pacing = Pacing(lambda url: robots, minimum=minimum, maximum=10.0)
    assert pacing.interval(SHOP) == expected and pacing.warnings == ()


def test_a_crawl_delay_over_the_cap_is_capped_with_a_warning_naming_the_origin() -> None:
    pacing = Pacing(lambda url: 3600.0, maximum=10.0)
    assert pacing.interval(SHOP) == 10.0
    (warning,) = pacing.warnings
    assert warning.startswith("https://shop.example/robots.txt asks for Crawl-delay: 3600 s; waited 10 s")
    assert "[crawl] max_crawl_delay" in warning


def test_ignoring_robots_leaves_only_the_configured_delay_which_is_never_capped() -> None:
    assert Pacing(None, minimum=0.25).interval(SHOP) == 0.25
    assert Pacing(None, minimum=30.0, maximum=10.0).interval(SHOP) == 30.0


def test_the_crawl_section_sets_the_delays_and_rejects_a_negative_one(tmp_path: Path) -> None:
    path = tmp_path / "a11y-audit.toml"
    path.write_text("[crawl]\ncrawl_delay = 1.5\nmax_crawl_delay = 30\n", "utf-8")
    config = load_config(path)
    assert (config.crawl_delay, config.max_crawl_delay) == (1.5, 30.0)
    path.write_text("[crawl]\ncrawl_delay = -1\n", "utf-8")
    with pytest.raises(
        UsageError, match=r"a11y-audit.toml:2: \[crawl\] crawl_delay must be a number of seconds"
    ):
        load_config(path)
