"""Journeys without a browser: config validation with file:line errors, step parsing, safety rules,
the journey flow winning in evaluation, and secrets kept out of what is recorded."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.config import Config, load_config
from a11y_audit.crawl.journey_spec import (
    DEFAULT_DENY,
    ORDER_WORDS,
    JourneyError,
    JourneySettings,
    Value,
    parse_journeys,
    scrub,
)
from a11y_audit.errors import UsageError
from a11y_audit.judge.evaluation import issues_for_run
from a11y_audit.model import PageRecord, journey_of, state_url

EXAMPLE = Path(__file__).parents[2] / "examples" / "demo-journeys.toml"
FLOWS = ("checkout", "cart", "sign-in")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a11y-audit.toml"
    path.write_text(text, "utf-8")
    return path


def parse(table: dict[str, object]) -> JourneySettings:
    return parse_journeys(table, FLOWS)


def journey(*steps: dict[str, object], flow: str = "checkout") -> dict[str, object]:
    return {"j": {"flow": flow, "steps": [{"visit": "/"}, *steps, {"audit": "home"}]}}


def test_the_shipped_demo_config_loads() -> None:
    settings = load_config(EXAMPLE).journeys
    assert [j.name for j in settings.journeys] == ["checkout", "sign-in"]
    checkout = settings.get("checkout")
    assert checkout.flow == "checkout"
    assert checkout.states == (
        "size-guide",
        "bag",
        "mini-cart",
        "shipping",
        "payment",
        "payment-declined",
        "review",
    )
    assert settings.get("sign-in").secrets() == ("DEMO_PASSWORD",)
    assert settings.crawl_as is None  # the crawl's "Add to bag" would fill the account's bag
    assert settings.denied("http://shop.test/checkout/confirmation") == "/checkout/confirmation"


def test_steps_are_parsed_with_their_modifiers() -> None:
    settings = parse(
        journey(
            {"fill": "#password", "value": "env:SHOP_PASSWORD"},
            {"select": "#size", "value": "M"},
            {"click": "button[type=submit]", "allow_submit": True, "timeout": 3},
            {"press": "Escape", "on": "#dialog"},
            {"wait_idle": True},
            {"assert_text": "Your bag", "on": "h1"},
        )
    )
    steps = settings.get("j").steps
    assert [step.action for step in steps] == [
        "visit",
        "fill",
        "select",
        "click",
        "press",
        "wait_idle",
        "assert_text",
        "audit",
    ]
    assert [step.number for step in steps] == list(range(1, 9))
    assert steps[1].value == Value("env:SHOP_PASSWORD") and steps[1].value.env == "SHOP_PASSWORD"
    assert steps[3].allow_submit and steps[3].timeout == 3.0 and not steps[3].allow_order
    assert steps[4].on == "#dialog"
    assert steps[-1].interactive  # the last state may run page-changing gatherers
    assert not any(step.interactive for step in steps[:-1])


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ({}, {}, {"bag": False, "mini-cart": False, "review": True}),
        # interactive = true on one state adds it: the last state keeps its default
        ({"interactive": True}, {}, {"bag": True, "mini-cart": False, "review": True}),
        # only interactive = false takes the default away
        ({}, {"interactive": False}, {"bag": False, "mini-cart": False, "review": False}),
        ({"interactive": True}, {"interactive": False}, {"bag": True, "mini-cart": False, "review": False}),
    ],
)
def test_the_last_state_is_interactive_unless_it_says_false(
    first: dict[str, object], last: dict[str, object], expected: dict[str, bool]
) -> None:
    steps = [
        {"visit": "/"},
        {"audit": "bag", **first},
        {"audit": "mini-cart"},
        {"click": "#next"},
        {"audit": "review", **last},
    ]
    parsed = parse({"j": {"flow": "checkout", "steps": steps}}).get("j").steps
    assert {step.target: step.interactive for step in parsed if step.action == "audit"} == expected


def test_a_journey_ending_with_another_step_has_no_default_interactive_state() -> None:
    """A step after the last state may depend on it: no page-changing checks there unasked."""
    steps = [{"visit": "/"}, {"audit": "bag"}, {"assert_text": "Your bag"}]
    parsed = parse({"j": {"flow": "cart", "steps": steps}}).get("j").steps
    assert not any(step.interactive for step in parsed)


def test_a_step_description_never_shows_a_secret_value() -> None:
    steps = (
        parse(journey({"fill": "#p", "value": "env:SHOP_PASSWORD"}, {"fill": "#q", "value": "a"}))
        .get("j")
        .steps
    )
    assert steps[1].describe() == "fill #p = env:SHOP_PASSWORD"
    assert steps[2].describe() == "fill #q = 'a'"


def test_env_values_resolve_from_the_environment_only() -> None:
    assert Value("env:X").resolve({"X": "s3cret"}) == "s3cret"
    assert Value("plain").resolve({}) == "plain"
    with pytest.raises(JourneyError, match="environment variable X is not set"):
        Value("env:X").resolve({})


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"j": {"flow": "checkout"}}, r"needs steps = \["),
        ({"j": {"flow": "nope", "steps": [{"visit": "/"}]}}, "flow must be one of checkout, cart, sign-in"),
        ({"j": {"flow": "checkout", "steps": [{"audit": "x"}]}}, "step 1 must be a visit"),
        ({"j": {"flow": "checkout", "steps": [{"visit": "/"}]}}, "audits nothing"),
        (journey({"click": "#a", "fill": "#b"}), "step 2 needs exactly one action"),
        (journey({"hover": "#a"}), "step 2 needs exactly one action"),
        (journey({"click": "#a", "value": "x"}), "'value' does not go with click"),
        (journey({"fill": "#a"}), 'fill needs value = "text" or "env:VARIABLE"'),
        (journey({"fill": "#a", "value": "env:not a name"}), "is not an environment variable name"),
        (journey({"click": "a[href="}), "click is not a valid CSS selector"),
        (journey({"wait_url": "(unclosed"}), "is not a valid regular expression"),
        (journey({"press": "Hyperspace"}), "press must be a key name"),
        (journey({"click": "#a", "timeout": 0}), "timeout must be a number of seconds above 0"),
        (journey({"click": "#a", "allow_submit": "yes"}), "allow_submit must be true or false"),
        (journey({"audit": "home"}), "audits state 'home' twice"),
        (journey({"audit": "Has Spaces"}), "audit must be a state name"),
        (journey({"visit": "shop.test/cart"}), "visit must be a URL"),
        (journey({"visit": "/account/logout"}), "deny-list forbids"),
        ({"Bad Name": {"flow": "checkout", "steps": []}}, "a journey name is lower-case"),
        ({"j": {"flow": "checkout", "steps": [{"visit": "/"}], "extra": 1}}, "unknown key 'extra'"),
        ({"crawl_as": "ghost"}, "crawl_as names no journey"),
        ({"deny": "/logout"}, "deny must be a list of regular expressions"),
        ({"oops": 3}, "unknown key 'oops' in \\[journeys\\]"),
    ],
)
def test_bad_journeys_are_rejected_naming_the_problem(table: dict[str, object], expected: str) -> None:
    with pytest.raises(JourneyError, match=expected):
        parse(table)


def test_config_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[crawl]\nmax_pages = 5\n\n[journeys.checkout]\nflow = "checkout"\n'
        'steps = [\n  { visit = "/" },\n  { click = "#buy", bogus = 1 },\n]\n',
    )
    with pytest.raises(UsageError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:6: ")
    assert "step 2: 'bogus' does not go with click" in str(info.value)


def test_a_journey_may_use_a_configured_flow_defined_after_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[journeys.wishlist]\nflow = "wishlist"\nsteps = [{ visit = "/" }, { audit = "list" }]\n'
        '[flows.wishlist]\ncriticality = "high"\nurls = ["/wishlist"]\n',
    )
    assert load_config(path).journeys.get("wishlist").flow == "wishlist"
    bad = write(
        tmp_path, '[journeys.wishlist]\nflow = "wishlist"\nsteps = [{ visit = "/" }, { audit = "x" }]\n'
    )
    with pytest.raises(UsageError, match=r"a11y-audit.toml:2: .*flow must be one of"):
        load_config(bad)


def test_results_config_records_names_and_flows_but_never_step_values() -> None:
    config = Config(
        journeys=parse(journey({"fill": "#p", "value": "env:SHOP_PASSWORD"}, {"fill": "#e", "value": "me@x"}))
    )
    recorded = json.dumps(config.to_json())
    assert '"states": ["home"]' in recorded and '"flow": "checkout"' in recorded
    assert "SHOP_PASSWORD" not in recorded and "me@x" not in recorded
    assert Config.from_json(config.to_json()).journeys == JourneySettings()


def test_deny_defaults_cover_logout_account_deletion_and_placing_orders() -> None:
    settings = JourneySettings(deny=("/gift-cards/redeem",))
    for url in ("/logout", "/account/sign-out", "/account/delete", "/close-account", "/checkout/place-order"):
        assert settings.denied("https://shop.test" + url), url
    assert settings.denied("https://shop.test/gift-cards/redeem") == "/gift-cards/redeem"
    assert settings.denied("https://shop.test/account/orders") is None
    assert settings.deny_patterns[: len(DEFAULT_DENY)] == DEFAULT_DENY


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/profile/delete/",  # django-oscar
        "/accounts/addresses/5/delete/",
        "/accounts/logout/",
        "/customer/account/logout/",  # Magento
        "/wishlist/index/remove/item/5/",
        "/sales/order/cancel/order_id/4/",
        "/my-account/customer-logout/?_wpnonce=ab12",  # WooCommerce
        "/cart/?remove_item=9f8e&_wpnonce=1",
        "/my-account/?cancel_order=true&order=5",
        "/my-account/view-subscription/12/?change_subscription_to=cancelled",
        "/index.php?mylogout=",  # PrestaShop
        "/index.php?controller=address&delete=1&id_address=5",
        "/account/addresses/123?_method=delete",  # Shopify, Rails
        "/users/sign_out",
        "/settings/account/close",
        "/account/deactivate",
        "/api/deleteAccount",
        "/newsletter/unsubscribe",
        "/account/logoff",
        # sign-out, as each platform spells it, singular or plural, under a locale prefix
        "/en-gb/accounts/logout/",  # Django, with a locale prefix
        "/index.php/customer/account/logout/",  # Magento without URL rewrites
        "/en-gb/my-account/customer-logout/",  # WooCommerce under a locale
        "/account/logout",  # Shopify
        "/index.php?controller=my-account&mylogout=",  # PrestaShop
        "/wp-login.php?action=logout&_wpnonce=ab12",  # WordPress
        "/logout.php",
        "/accounts/signout/",
        "/user/log_out",
        # the account deleted, deactivated or closed, nested under profile or settings
        "/en-gb/accounts/profile/delete/",
        "/accounts/profile/deactivate/",
        "/settings/profile/delete",
        "/settings/account/delete/",
        "/account/settings/delete-account",
        "/my-account/delete-account/",
        "/customer/account/deleteAccount",
        "/default-channel/en-US/account-delete/?token=abc",  # Saleor's deletion confirmation
        "/accounts/close/",
        "/customer/account/close/",
        "/settings/close-account",
        "/me/deactivate",
        # orders placed or cancelled, subscriptions cancelled, singular or plural
        "/checkout/place-order",
        "/checkout/placeOrder/",
        "/checkout/onepage/saveOrder/",  # Magento 1
        "/checkout/submit_order",
        "/orders/place",
        "/checkout/order/place/",
        "/account/orders/5/cancel",
        "/account/order/5/cancel/",
        "/account/subscriptions/12/cancel",
        "/account/subscription/cancel",
        "/subscriptions/cancel/12",
        "/account/cancel-subscription",
        "/account/subscriptions/12?cancel=1",
    ],
)
def test_deny_defaults_cover_the_url_shapes_real_stores_use(path: str) -> None:
    assert JourneySettings().denied("https://shop.test" + path), path


@pytest.mark.parametrize(
    "path",
    [
        "/catalogue/how-to-remove-stains_123/",
        "/products/closeout-sale",
        "/category/cancelled-tv-shows/",
        "/products/close-up-lens",
        "/catalog-outlet/",
        "/blog/outdoor-living",
        "/accounts/profile/",
        "/accounts/addresses/",
        "/account/orders/5/",
        "/checkout/shipping-address/",
        "/checkout/preview/",
        # a slug that merely contains a command, and searches for one
        "/products/delete-me-not-a-command",
        "/products/logout-mug",
        "/products/sign-out-of-the-box",
        "/blog/logout-best-practices",
        "/blog/how-to-delete-account-data",
        "/products/place-order-kit",
        "/products/save-order-notes",
        "/products/cancel-culture-t-shirt",
        "/products/deactivated-charcoal",
        "/catalogue/delete_5/",
        "/search?q=delete",
        "/search?q=cancel+order",
        "/?s=logout",
        "/search?query=close-account",
        # pages of the account that end nothing
        "/en-gb/accounts/profile/edit/",
        "/account/subscriptions/12/",
        "/account/order-history",
        "/customer/account/logoutSuccess/",
        "/pages/cancellation-policy",
        "/accounts/login/",
    ],
)
def test_deny_defaults_leave_pages_whose_words_only_contain_the_verbs(path: str) -> None:
    assert JourneySettings().denied("https://shop.test" + path) is None, path


@pytest.mark.parametrize(
    ("words", "orders"),
    [
        ("Place order and pay", True),
        ("Pay now", True),
        ("Buy now", True),
        ("Complete purchase", True),
        ("Confirm your order", True),
        ("/checkout/place-order", True),
        ("Continue to payment", False),
        ("Continue to review", False),
        ("/checkout/payment", False),
        ("Add to bag", False),
        ("Sign in", False),
    ],
)
def test_order_words(words: str, orders: bool) -> None:
    assert bool(ORDER_WORDS.search(words)) is orders


def test_the_journey_of_a_state_url_is_read_back() -> None:
    assert journey_of(state_url("http://shop.test/cart#top", "check-out", "bag")) == "check-out"
    assert journey_of("http://shop.test/cart#top") is None and journey_of("http://shop.test/cart") is None


def test_state_urls_keep_states_apart_from_the_crawled_page() -> None:
    url = state_url("http://shop.test/cart#top", "checkout", "bag")
    assert url == "http://shop.test/cart#journey=checkout&state=bag"
    assert state_url("http://shop.test/cart", "checkout", "mini-cart") != url


def test_scrub_replaces_every_secret() -> None:
    assert scrub("pw=hunter2&again=hunter2", ["hunter2", ""]) == "pw=********&again=********"


def test_page_record_journey_fields_round_trip_and_stay_out_of_crawled_rows() -> None:
    state = PageRecord(url="http://s/cart#journey=c&state=bag", state="bag", journey="c", flow="checkout")
    assert PageRecord.from_json(state.to_json()) == state
    assert {"state", "journey", "flow"} <= set(state.to_json())
    assert not {"state", "journey", "flow"} & set(PageRecord(url="http://s/").to_json())


def _axe_with(rule: str, impact: str, name: str) -> dict[str, object]:
    node = {
        "target": [f"img.{name}"],
        "html": f'<img class="{name}" src="x.svg">',
        "any": [],
        "all": [],
        "none": [],
    }
    violation = {
        "id": rule,
        "impact": impact,
        "tags": ["wcag2a", "wcag111"],
        "description": "d",
        "help": "Images must have alternative text",
        "helpUrl": "https://example.test",
        "nodes": [{**node, "failureSummary": "Fix it", "impact": impact}],
    }
    return {"violations": [violation], "incomplete": [], "passes": [], "inapplicable": []}


def test_a_journey_states_flow_wins_over_its_url(tmp_path: Path) -> None:
    store = ArtifactStore.open(tmp_path, resume=False)
    # /blog/ is "content" (normal) by URL; on the checkout journey it is checkout (critical).
    store.save_page(
        PageRecord(
            url="http://s/blog/#journey=c&state=s", status=200, journey="c", state="s", flow="checkout"
        ),
        axe=_axe_with("image-alt", "serious", "thumb"),
    )
    store.save_page(
        PageRecord(url="http://s/blog/post", status=200), axe=_axe_with("image-alt", "moderate", "hero")
    )
    issues = issues_for_run(store, Config().priority_policy(), date(2026, 1, 1))
    flows = {issue.impact.value: issue.triage.flow for issue in issues}
    assert flows == {"serious": "checkout", "moderate": "content"}
    serious = next(issue for issue in issues if issue.impact.value == "serious")
    assert serious.triage.priority.value == "P2" and re.search(
        "checkout flow", " ".join(serious.triage.reasons)
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", *args], capture_output=True, text=True, timeout=120
    )


def test_journeys_list_prints_each_journey_with_its_flow_and_states() -> None:
    result = _cli("journeys", "list", "--config", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "checkout  flow=checkout  39 steps  states: size-guide, bag, mini-cart, shipping, payment, "
        "payment-declined, review",
        "sign-in  flow=sign-in  10 steps  states: account, order-history",
    ]


def test_journeys_run_with_an_unknown_name_is_a_usage_error(tmp_path: Path) -> None:
    result = _cli("journeys", "run", "nope", "--config", str(EXAMPLE), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: no journey named 'nope'; journeys: checkout, sign-in: check the name, "
        "or run `a11y-audit journeys list`"
    )
    assert not (tmp_path / "out").exists()  # nothing started, nothing written


def test_journeys_list_without_journeys_says_how_to_add_one(tmp_path: Path) -> None:
    result = _cli("journeys", "list", "--config", str(write(tmp_path, "[crawl]\nmax_pages = 3\n")))
    assert result.returncode == 2 and "configures no journeys" in result.stderr
