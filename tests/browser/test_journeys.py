"""Journeys in real Chromium against the demo store: every state of the shipped demo journeys is
reached and audited, the journey-only defects are found on the journey's flow, a failing step
stops its journey with the step number and a screenshot, safety rules hold, and the password
never appears in any output file."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.config import load_config
from a11y_audit.demo.defects import Defect, load_manifest
from a11y_audit.demo.server import DEMO_PASSWORD, DemoStore
from tests.browser.conftest import load_results, run_cli

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).parents[2] / "examples" / "demo-journeys.toml"
JOURNEYS = load_config(EXAMPLE).journeys


@dataclass(frozen=True)
class JourneyRun:
    result: subprocess.CompletedProcess[str]
    output: Path
    results: dict[str, Any]


def run_journeys(
    store: DemoStore, output: Path, *names: str, config: Path = EXAMPLE, password: str = DEMO_PASSWORD
) -> JourneyRun:
    env = {**os.environ, "DEMO_PASSWORD": password}
    result = run_cli(
        "journeys",
        "run",
        *names,
        "--config",
        str(config),
        "--url",
        store.base_url,
        "-o",
        str(output),
        env=env,
    )
    return JourneyRun(result, output, load_results(output))


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JourneyRun]:
    with DemoStore("broken") as store:
        yield run_journeys(store, tmp_path_factory.mktemp("journeys"), "checkout", "sign-in")


def states(run: JourneyRun) -> dict[tuple[str, str], dict[str, Any]]:
    return {(page["journey"], page["state"]): page for page in run.results["pages"] if page.get("state")}


def issues_of(run: JourneyRun, defect: Defect) -> list[dict[str, Any]]:
    """Issues of the defect's rule with an instance on the defect's state and element."""
    state_page = states(run)[(str(defect.journey), str(defect.state))]
    css_class = defect.selector.lstrip(".")
    return [
        issue
        for issue in run.results["issues"]
        if issue["rule"] in defect.axe_rules
        and any(
            instance["page_url"] == state_page["url"] and css_class in instance["snippet"]
            for instance in issue["instances"]
        )
    ]


def test_every_state_of_the_demo_journeys_is_reached_and_audited(broken: JourneyRun) -> None:
    assert broken.result.returncode == 0, broken.result.stderr
    expected = {(journey.name, state) for journey in JOURNEYS.journeys for state in journey.states}
    assert set(states(broken)) == expected
    for (journey, state), page in states(broken).items():
        assert page["error"] is None and page["artifacts"]["axe"] and page["artifacts"]["screenshot"], page
        assert page["flow"] == JOURNEYS.get(journey).flow
        assert page["url"].endswith(f"#journey={journey}&state={state}")
    assert states(broken)[("checkout", "review")]["final_url"].endswith("/checkout/review")
    assert states(broken)[("sign-in", "order-history")]["final_url"].endswith("/account/orders")
    lines = broken.result.stdout.splitlines()
    assert "checkout 30/30 audit review: audited state 'review'" in "\n".join(lines)
    assert any(line.startswith("state sign-in/order-history (") for line in lines)


def test_journey_only_defects_are_found_on_the_journeys_flow(broken: JourneyRun) -> None:
    journey_defects = load_manifest().journey_defects
    assert [defect.id for defect in journey_defects] == ["D52", "D53", "D54", "D55"]
    for defect in journey_defects:
        found = issues_of(broken, defect)
        assert found, defect.id
        flow = JOURNEYS.get(str(defect.journey)).flow
        assert all(issue["flow"] == flow for issue in found), (defect.id, [i["flow"] for i in found])
        # checkout and sign-in are critical flows: nothing planted there is below P2
        assert all(issue["priority"] in ("P1", "P2") for issue in found), defect.id
    # The bag's URL alone would make it the "cart" flow: the journey's flow wins.
    bag = load_manifest().get("D53")
    assert {issue["flow"] for issue in issues_of(broken, bag)} == {"checkout"}


def test_the_fixed_store_has_none_of_the_journey_only_defects(tmp_path: Path) -> None:
    with DemoStore("fixed") as store:
        fixed = run_journeys(store, tmp_path, "checkout", "sign-in")
    assert fixed.result.returncode == 0, fixed.result.stderr
    for defect in load_manifest().journey_defects:
        assert not issues_of(fixed, defect), defect.id


def _all_output_bytes(output: Path) -> Iterator[tuple[Path, bytes]]:
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if path.suffix == ".gz" else data


def test_the_password_never_appears_in_any_output(broken: JourneyRun) -> None:
    files = list(_all_output_bytes(broken.output))
    assert len(files) > 20  # results, report, run.json, journal, every state's artifacts
    for path, data in files:
        assert DEMO_PASSWORD.encode() not in data, path
    assert DEMO_PASSWORD not in broken.result.stdout + broken.result.stderr
    assert "fill .sign-in-form input[name=password] = env:DEMO_PASSWORD: ok" in broken.result.stdout


def _config(tmp_path: Path, steps: str, flow: str = "checkout", deny: str = "[]") -> Path:
    path = tmp_path / "journeys.toml"
    path.write_text(
        f'[journeys]\ndeny = {deny}\n[journeys.probe]\nflow = "{flow}"\nsteps = [\n{steps}\n]\n', "utf-8"
    )
    return path


def _stopped(run: JourneyRun, step: int) -> dict[str, Any]:
    """The page recording the journey's stop, after checking the CLI said the same."""
    assert run.result.returncode == 3, run.result.stderr
    assert f"stopped at step {step}" in run.result.stderr.strip().splitlines()[-1]
    failures: list[dict[str, Any]] = [page for page in run.results["pages"] if page["error"]]
    [failure] = failures
    assert failure["journey"] == "probe" and f"stopped at step {step}" in failure["error"]
    shot = failure["artifacts"]["screenshot"]
    assert (run.output / shot).stat().st_size > 1000
    assert str(Path(shot).parent) + "/" in failure["error"]  # the message says where the screenshot is
    return failure


def test_a_wrong_password_stops_the_journey_at_the_failing_step(tmp_path: Path) -> None:
    wrong = "not-the-password-4711"
    config = _config(
        tmp_path,
        '{ visit = "/sign-in" },\n'
        '{ fill = ".sign-in-form input[name=email]", value = "demo@fernandfield.example" },\n'
        '{ fill = ".sign-in-form input[name=password]", value = "env:DEMO_PASSWORD" },\n'
        '{ click = ".sign-in-form button[type=submit]", allow_submit = true },\n'
        '{ assert_url = "/account$" },\n'
        '{ audit = "account" },',
        flow="sign-in",
    )
    with DemoStore("broken") as store:
        run = run_journeys(store, tmp_path / "out", "probe", config=config, password=wrong)
    failure = _stopped(run, 5)
    assert "expected the URL to match '/account$'" in failure["error"]
    assert "/sign-in?error=credentials" in failure["error"]
    for path, data in _all_output_bytes(run.output):
        assert wrong.encode() not in data, path


def test_a_selector_that_never_appears_stops_the_journey_and_the_rest_goes_on(tmp_path: Path) -> None:
    config = tmp_path / "journeys.toml"
    config.write_text(
        EXAMPLE.read_text("utf-8")
        + '\n[journeys.probe]\nflow = "checkout"\nsteps = [\n  { visit = "/cart" },\n'
        '  { audit = "bag-before" },\n'
        '  { click = "#no-such-button", timeout = 1 },\n'
        '  { audit = "never" },\n]\n',
        "utf-8",
    )
    with DemoStore("broken") as store:
        run = run_journeys(store, tmp_path / "out", "probe", "sign-in", config=config)
    failure = _stopped(run, 3)
    assert "expected #no-such-button to be clickable within 1s; no element matches" in failure["error"]
    reached = set(states(run))
    assert ("probe", "bag-before") in reached and ("probe", "never") not in reached
    assert ("sign-in", "order-history") in reached  # the next journey still ran


def test_a_journey_never_places_an_order_without_allow_order(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        '{ visit = "/checkout/review" },\n'
        '{ click = ".checkout-form button[type=submit]", allow_submit = true },\n'
        '{ audit = "confirmation" },',
    )
    with DemoStore("broken") as store:
        run = run_journeys(store, tmp_path / "out", "probe", config=config)
    failure = _stopped(run, 2)
    assert "looks like it places an order or pays" in failure["error"]
    assert "allow_order = true" in failure["error"]
    assert failure["final_url"].endswith("/checkout/review")  # nothing was submitted


def test_a_form_is_not_submitted_without_allow_submit(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        '{ visit = "/checkout/payment" },\n'
        '{ click = ".payment-form button[type=submit]" },\n'
        '{ audit = "x" },',
    )
    with DemoStore("broken") as store:
        run = run_journeys(store, tmp_path / "out", "probe", config=config)
    failure = _stopped(run, 2)
    assert "submits a form" in failure["error"] and "allow_submit = true" in failure["error"]
    assert failure["final_url"].endswith("/checkout/payment")


@pytest.mark.parametrize(
    ("steps", "step", "expected"),
    [
        (
            '{ visit = "/cart" },\n{ click = ".cart-summary a.btn" },',
            2,
            r"opening http://\S+/checkout/shipping is forbidden by the deny-list \(/checkout/shipping\)",
        ),
        (  # /checkout redirects to /checkout/shipping
            '{ visit = "/checkout" },',
            1,
            r"the step led to http://\S+/checkout/shipping, which the deny-list forbids \(/checkout/ship",
        ),
    ],
)
def test_a_denied_url_is_never_opened(tmp_path: Path, steps: str, step: int, expected: str) -> None:
    config = _config(tmp_path, steps + '\n{ audit = "x" },', deny='["/checkout/shipping"]')
    with DemoStore("broken") as store:
        run = run_journeys(store, tmp_path / "out", "probe", config=config)
    failure = _stopped(run, step)
    assert re.search(expected, failure["error"]), failure["error"]
    assert not [page for page in run.results["pages"] if page.get("state")]


def test_the_crawl_runs_the_journeys_and_crawls_account_pages_signed_in(tmp_path: Path) -> None:
    """The issue's "done when": crawl + demo journeys = every checkout step and the account pages
    audited, journey-only defects at checkout priority, no credential anywhere."""
    env = {**os.environ, "DEMO_PASSWORD": DEMO_PASSWORD}
    with DemoStore("broken") as store:
        base = store.base_url
        result = run_cli(
            "crawl",
            base + "account",
            "--config",
            str(EXAMPLE),
            "--include",
            "/account",
            "-o",
            str(tmp_path),
            "--quiet",
            env=env,
        )
    assert result.returncode == 0, result.stderr
    results = load_results(tmp_path)
    crawled = {page["url"].removeprefix(base): page for page in results["pages"] if not page.get("state")}
    # Signed in (sign-in's cookies), the crawl finds the order history, which only the session links to.
    assert crawled["account/orders"]["error"] is None, crawled
    run = JourneyRun(result, tmp_path, results)
    assert set(states(run)) == {(j.name, s) for j in JOURNEYS.journeys for s in j.states}
    for defect in load_manifest().journey_defects:
        assert issues_of(run, defect), defect.id
    assert {issue["flow"] for issue in issues_of(run, load_manifest().get("D55"))} == {"checkout"}
    for path, data in _all_output_bytes(tmp_path):
        assert DEMO_PASSWORD.encode() not in data, path
