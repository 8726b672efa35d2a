"""Grouping by root cause: one defect in a shared component is one issue however many pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest

from a11y_audit.judge.evaluation import triage_groups
from a11y_audit.judge.grouping import Grouper, component_signature
from a11y_audit.judge.priority import PriorityPolicy
from a11y_audit.model import Finding, Impact, Instance, Issue, Outcome, PageRecord, RuleMeta, Source

BUTTON_NAME = RuleMeta(
    id="button-name",
    source=Source.AXE,
    title="Buttons must have discernible text",
    description="",
    help_url="",
    wcag=("4.1.2",),
    level="A",
)
IMAGE_ALT = RuleMeta(
    id="image-alt", source=Source.AXE, title="", description="", help_url="", wcag=("1.1.1",), level="A"
)


def finding(url: str, target: Sequence[object], snippet: str, rule: RuleMeta = BUTTON_NAME) -> Finding:
    return Finding(
        rule=rule,
        outcome=Outcome.FAILED,
        impact=Impact.CRITICAL,
        where=Instance(page_url=url, selector="", target=tuple(target), snippet=snippet, message="m"),
    )


def group(pages: list[tuple[PageRecord, list[Finding]]]) -> list[Issue]:
    grouper = Grouper()
    policy = PriorityPolicy()
    for record, findings in pages:
        grouper.add_page(record, policy.flow_of(record.url, record.template), findings)
    return triage_groups(grouper.groups, policy, date(2026, 11, 25))


def product_page(number: int, port: int = 8000) -> tuple[PageRecord, list[Finding]]:
    """A product page whose add-to-cart button has no name; ids, names and prices vary."""
    url = f"http://127.0.0.1:{port}/products/shirt-{number}?utm_source=x{number}"
    snippet = (
        f'<button id="add-{number}" class="btn add-to-cart css-{number}x9z" data-sku="{number}" '
        f'aria-describedby="price-{number}" title="Shirt {number} for ${number}.99">'
    )
    target = [f"#product-{number} > .add-to-cart.sc-a{number}b:nth-child({number % 3 + 1})"]
    return PageRecord(url=url, template="/products/*"), [finding(url, target, snippet)]


def test_one_defect_on_5000_product_pages_is_one_issue() -> None:
    issues = group([product_page(number) for number in range(5000)])
    assert len(issues) == 1
    issue = issues[0]
    assert len(issue.instances) == 5000 and issue.pages == 5000
    assert issue.templates == ("/products/*",)
    assert issue.triage.priority.value == "P1" and issue.triage.flow == "product"


def test_fingerprint_survives_new_names_prices_ids_ports_and_queries() -> None:
    first = group([product_page(1)])[0].fingerprint
    assert group([product_page(98765, port=9321)])[0].fingerprint == first
    assert group([product_page(2), product_page(3)])[0].fingerprint == first


def test_two_defects_on_one_template_stay_two_issues() -> None:
    url = "http://s.test/products/a"
    record = PageRecord(url=url, template="/products/*")
    findings = [
        finding(url, [".add-to-cart"], '<button class="add-to-cart">'),
        finding(url, [".wishlist"], '<button class="wishlist">'),
        finding(url, [".gallery > img"], '<img src="a.jpg">', IMAGE_ALT),
    ]
    assert len(group([(record, findings)])) == 3


def test_a_shared_component_counts_every_template_it_is_on() -> None:
    pages = [
        (PageRecord(url=f"http://s.test{path}", template=template), [finding(path, [".search"], "<button>")])
        for path, template in (("/", "/"), ("/blog/a", "/blog/*"), ("/checkout", "/checkout"))
    ]
    (issue,) = group(pages)
    assert issue.templates == ("/", "/blog/*", "/checkout") and issue.pages == 3
    assert issue.triage.flow == "checkout"  # the most critical flow it was seen on


def test_frames_keep_both_parts_of_the_target() -> None:
    inside = component_signature(("iframe.chat", ".btn"), "<button class=btn>")
    assert inside.startswith("iframe.chat >>> .btn")
    assert inside != component_signature((".btn",), "<button class=btn>")
    assert inside != component_signature(("iframe.payments", ".btn"), "<button class=btn>")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("#item-123 > .price",), ("#item-98 > .price",)),
        (("#quantity-linen-shirt",), ("#quantity-wrap-dress",)),
        ((r"#field-shippingAddress\.address_1",), (r"#field-shippingAddress\.postcode",)),
        (('a[href="/products/linen-shirt"]',), ('a[href="/products/silk-tie"]',)),
        (("li:nth-child(3) > a",), ("li:nth-child(7) > a",)),
        ((".css-1x2y3z > .btn",), (".css-9q8w7e > .btn",)),
        ((".Button_root__a1b2c",), (".Button_root__zz9y8",)),
        (("#u-3f2b8c1e-0000-4000-8000-1234567890ab",), ("#u-0a2b8c1e-1111-4000-8000-aaaaaaaaaaaa",)),
    ],
)
def test_selector_data_is_stripped(first: tuple[str, ...], second: tuple[str, ...]) -> None:
    assert component_signature(first, "") == component_signature(second, "")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("#_r_c_ > div:nth-of-type(1)", "#_r_1f_ > div:nth-of-type(1)"),  # React 19.1+ useId
        ("#_R_2isj6_", "#_R_amdupejcmH1_"),
        (r"#\:r1\:", r"#\:R2mH1\:"),  # React 18, as axe escapes it
        ("#«r1»", "#«r1f»"),  # React 19.0
        (r"#radix-\:r3\:", r"#radix-\:r1a\:"),
        (r"#headlessui-menu-button-\:r1\:", r"#headlessui-menu-button-\:r9\:"),
        ("#base-ui-_r_7_", "#base-ui-_R_1kqejcm_"),
        ("#mui-123", "#mui-98"),
        ("#v-0-1", "#v-3-12"),
        ("#mat-input-3", "#mat-input-11"),
        ("#ember123", "#ember9"),
    ],
)
def test_generated_ids_leave_the_selector(first: str, second: str) -> None:
    """Framework ids change between renders and runs; the same element must keep its issue."""
    assert component_signature((first,), "") == component_signature((second,), "")
    assert "#~" in component_signature((first,), "")


@pytest.mark.parametrize("kept", ["#quantity-linen-shirt", "#main-menu", "#vendor-12", "#mattress-3"])
def test_meaningful_ids_keep_their_component_word(kept: str) -> None:
    assert component_signature((kept,), "").startswith("#" + kept[1:].split("-")[0])


def test_one_element_under_two_generated_ids_is_one_issue() -> None:
    def page(number: int, generated: str) -> tuple[PageRecord, list[Finding]]:
        url = f"https://shop.test/p/{number}"
        snippet = f'<button type="button" id="{generated}" aria-haspopup="dialog">'
        return PageRecord(url=url), [finding(url, [f"#{generated}"], snippet)]

    assert len(group([page(1, "base-ui-_r_7_"), page(2, "base-ui-_R_1kqejcm_")])) == 1


POPUP = (
    '<div data-open="" {extra}role="presentation" class="transition-[top] duration-300 isolate z-50 '
    'w-(--positioner-width)" style="position: absolute; top: 70px; left: {left}px; '
    "--available-width: 1270px; "
    "--anchor-width: {anchor}px; --transform-origin: 0% -8px; --positioner-width: 218px; pointer-events: auto"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The style value is cut at different places: its words are not attributes.
        (
            POPUP.format(extra="", left="158.141", anchor="106")[:299] + "…",
            POPUP.format(extra="", left="64", anchor="90")[:299] + "…",
        ),
        # A cut class list keeps a different number of classes depending on what came before it.
        (
            '<div data-slot="menu" class="animate-in fade-in slide-in-from-right-52 group-data-[v]/m:bg…',
            '<div data-activation-direction="right" data-slot="menu" class="animate-in fade-in slide…',
        ),
        (
            '<div class="menu" data-state="open" aria-contr…',
            '<div class="menu" data-state="closed" aria-lab…',
        ),
    ],
)
def test_where_a_snippet_was_cut_does_not_split_an_issue(first: str, second: str) -> None:
    target = ("#_r_0_ > div:nth-of-type(1)",)
    assert component_signature(target, first) == component_signature(target, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            '<img alt="Blue shirt" src="/img/123.jpg" class="thumb">',
            '<img alt="Red" src="/i/9.png" class="thumb">',
        ),
        (
            '<a href="/p/1" aria-label="Buy Shirt for $9">Shirt</a>',
            '<a href="/p/2" aria-label="Buy Tie">Tie $5</a>',
        ),
        (
            '<input type="text" value="42" placeholder="Qty">',
            '<input type="text" value="7" placeholder="Menge">',
        ),
    ],
)
def test_snippet_data_is_stripped(first: str, second: str) -> None:
    assert component_signature((".x",), first) == component_signature((".x",), second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('<button class="add-to-cart">', '<button class="wishlist">'),
        ('<div role="button">', '<div role="link">'),
        ('<input type="text">', '<input type="email">'),
        ("<button>", "<a>"),
    ],
)
def test_component_identity_is_kept(first: str, second: str) -> None:
    assert component_signature((".x",), first) != component_signature((".x",), second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            '<input class="card-field__input" id="card-number">',
            '<input class="card-field__input is-invalid" id="card-number" aria-invalid="true"'
            ' aria-describedby="card-number-error">',
        ),
        (
            '<button class="menu-toggle" aria-expanded="false">',
            '<button class="menu-toggle open" aria-expanded="true">',
        ),
        (
            '<div class="drawer" hidden style="">',
            '<div class="drawer is-open has-items" style="display:block">',
        ),
        (
            '<input class="field" type="email">',
            '<input class="field field--error mage-error" type="email" aria-errormessage="e">',
        ),
        (
            '<a class="tab" aria-selected="false">',
            '<a class="tab active" aria-selected="true" aria-current="page">',
        ),
        ('<details class="faq">', '<details class="faq" open>'),
        ('<input name="line1" id="id_line1">', '<input name="line1" value="12 Orchard Lane" id="id_line1">'),
    ],
)
def test_states_of_one_element_share_a_signature(first: str, second: str) -> None:
    """A field after a failed submission, an open menu, a selected tab: the same component."""
    assert component_signature((".x",), first) == component_signature((".x",), second)


def test_state_classes_and_attributes_leave_the_selector() -> None:
    before = component_signature(("iframe.card", "#card-number"), '<input class="card-field__input">')
    after = component_signature(
        ("iframe.card", 'input.is-invalid[aria-invalid="true"]'),
        '<input class="card-field__input is-invalid">',
    )
    assert before == after
    assert component_signature(("nav > a.active",), "") == component_signature(("nav > a",), "")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('<button class="button button--primary">', '<button class="button button--secondary">'),
        ('<span class="visually-hidden">', '<span class="price">'),
        ('<a aria-label="Cart">', "<a>"),
        ('<button aria-haspopup="dialog">', "<button>"),
    ],
)
def test_variants_and_properties_are_not_states(first: str, second: str) -> None:
    assert component_signature((".x",), first) != component_signature((".x",), second)


def test_flow_and_templates_do_not_depend_on_crawl_order() -> None:
    pages = [
        (PageRecord(url=f"http://s.test{path}", template=path), [finding(path, [".menu"], "<button>")])
        for path in ("/sign-in", "/cart", "/about")
    ]
    forward, backward = group(pages), group(pages[::-1])
    assert forward[0].triage.flow == backward[0].triage.flow == "cart"
    assert forward[0].templates == backward[0].templates == ("/about", "/cart", "/sign-in")


CONTRAST = RuleMeta(
    id="color-contrast", source=Source.AXE, title="", description="", help_url="", wcag=("1.4.3",), level="AA"
)


def test_one_failing_text_colour_is_one_issue_at_every_menu_depth_and_page() -> None:
    """The colour pair is one CSS value: menu links at three depths, on two templates, are one
    issue named by it; another pair is another issue."""
    grey = "#6c757d on #f8f9fa (4.44:1, needs 4.5:1)"
    targets = [".nav > .mt-2:nth-child(1) > a", ".mt-2:nth-child(1) > ul > .mt-2:nth-child(4) > a", "dd > a"]
    pages = [
        (
            PageRecord(url=f"https://s.test/{kind}/{n}", template=f"/{kind}/*"),
            [
                replace(finding(f"https://s.test/{kind}/{n}", [t], "<a href='/x'>", CONTRAST), cause=grey)
                for t in targets
            ]
            + [
                replace(
                    finding(f"https://s.test/{kind}/{n}", ["#buy"], "<button>", CONTRAST),
                    cause="#fff on #28a745",
                )
            ],
        )
        for kind in ("category", "product")
        for n in range(3)
    ]
    issues = group(pages)
    assert sorted((issue.cause, len(issue.instances), issue.pages) for issue in issues) == [
        ("#6c757d on #f8f9fa (4.44:1, needs 4.5:1)", 18, 6),
        ("#fff on #28a745", 6, 6),
    ]
    assert Issue.from_json(issues[0].to_json()).cause == issues[0].cause
