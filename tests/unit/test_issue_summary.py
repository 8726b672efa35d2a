"""The summary line: two issues of one rule read differently, in every format, and page text
in it stays inert and short."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import lxml.etree
import lxml.html
import pytest

from a11y_audit.model import Impact, Instance, Issue, Outcome, PageRecord, Priority, RuleMeta, Source, Triage
from a11y_audit.reports.csv_report import render_csv
from a11y_audit.reports.element_name import describe_element
from a11y_audit.reports.html import render_html
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.reports.junit import render_junit
from a11y_audit.reports.markdown import render_markdown
from a11y_audit.reports.sarif import render_sarif
from a11y_audit.reports.urgency import most_urgent_first
from a11y_audit.run_result import RunInfo, RunResult, RunSummary

TITLE = "Elements must meet minimum color contrast ratio thresholds"
CONTRAST = RuleMeta(
    "color-contrast",
    Source.AXE,
    TITLE,
    "Ensure the contrast between foreground and background colors meets WCAG 2 AA thresholds",
    "https://dequeuniversity.com/rules/axe/4.10/color-contrast",
    ("1.4.3",),
    "AA",
)
LABEL = RuleMeta("label", Source.AXE, "Form elements must have labels", "", "", ("4.1.2",), "A")
AUTOCOMPLETE = RuleMeta(
    "missing-autocomplete",
    Source.A11Y_AUDIT,
    "Personal-data fields identify their purpose",
    "",
    "",
    ("1.3.5",),
    "AA",
)
REFLOW = RuleMeta("reflow", Source.A11Y_AUDIT, "Content reflows at 320 CSS pixels", "", "", ("1.4.10",), "AA")
SHOP = "http://shop.test"


def at(path: str, selector: str, snippet: str, message: str = "") -> Instance:
    return Instance(f"{SHOP}{path}", selector, (selector,), snippet, message)


def issue(
    rule: RuleMeta,
    *instances: Instance,
    cause: str | None = None,
    templates: tuple[str, ...] = ("/catalogue/*",),
    priority: Priority = Priority.P2,
    fingerprint: str = "0" * 16,
) -> Issue:
    return Issue(
        fingerprint=fingerprint,
        defect_key=fingerprint,
        rule=rule,
        outcome=Outcome.FAILED,
        impact=Impact.SERIOUS,
        instances=instances,
        pages=len({instance.page_url for instance in instances}),
        templates=templates,
        triage=Triage(priority, "High", ("serious impact",), date(2026, 12, 21), "product", False),
        cause=cause,
    )


BUTTONS = (
    '<button type="submit" class="btn btn-primary">Add to basket</button>',
    '<button type="submit" class="btn btn-primary">Add to basket</button>',
    '<a class="btn btn-primary" href="/checkout/">Checkout <svg><title>x</title></svg></a>',
)
ADD_TO_BASKET = issue(
    CONTRAST,
    *(at(f"/catalogue/book-{n}/", ".btn-primary", snippet) for n, snippet in enumerate(BUTTONS)),
    cause="#ffffff on #007bff (3.97:1, needs 4.5:1)",
    templates=("/basket", "/catalogue/*", "/offers"),
    fingerprint="1" * 16,
)
PRICE = issue(
    CONTRAST,
    at("/catalogue/book-1/", ".product_price > .price_color", '<p class="price_color">£31.51</p>'),
    cause="#28a745 on #ffffff (3.13:1, needs 4.5:1)",
    fingerprint="2" * 16,
)


def test_two_contrast_issues_read_differently_by_colours_element_and_reach() -> None:
    assert summarise(ADD_TO_BASKET).line() == (
        f"{TITLE} — #ffffff on #007bff (3.97:1, needs 4.5:1)"
        ' — e.g. button "Add to basket" · 3 templates · 3 pages, 3 elements'
    )
    assert summarise(PRICE).line() == (
        f'{TITLE} — #28a745 on #ffffff (3.13:1, needs 4.5:1) — p "£31.51" · /catalogue/* · 1 page, 1 element'
    )


def test_two_missing_labels_read_differently_by_the_fields_name() -> None:
    search = issue(LABEL, at("/", "#id_q", '<input type="search" name="q" id="id_q" placeholder="Search">'))
    facets = issue(
        LABEL,
        *(
            at("/catalogue/", f'input[name="{name}"]', f'<input class="facet" type="checkbox" name="{name}">')
            for name in ("book", "ebook")
        ),
        templates=("/catalogue", "/catalogue/category/*"),
    )
    assert summarise(search).headline == 'Form elements must have labels — input[name="q"]'
    assert summarise(facets).line() == (
        'Form elements must have labels — e.g. input[name="book"]'
        " · /catalogue and /catalogue/category/* · 1 page, 2 elements"
    )


def test_one_component_worded_differently_by_axe_on_each_page_is_no_example() -> None:
    """Grouping made these one component; axe's unique selectors differ per page."""
    selectors = (("/", "#language > div:nth-of-type(1) > select"), ("/basket/", "select.form-control"))
    language = issue(
        LABEL,
        *(at(path, selector, '<select class="form-control"><option>English') for path, selector in selectors),
    )
    assert summarise(language).element == "select"


def test_our_checks_findings_name_their_field_or_the_page() -> None:
    """Our gatherers describe an element by its opening tag only: no content to name it by."""
    field = '<input type="email" name="login-username" id="id_login-username">'
    email = issue(AUTOCOMPLETE, at("/accounts/login/", "#id_login-username", field))
    page = issue(REFLOW, at("/offers/", "html", "<html>"))
    assert summarise(email).element == 'input[name="login-username"]'
    assert summarise(page).headline == "Content reflows at 320 CSS pixels — the page"


@pytest.mark.parametrize(
    ("selector", "snippet", "described"),
    [
        ("a.logo", '<a class="logo" href="/"><img src="l.png" alt="Oscar home"></a>', 'a "Oscar home"'),
        (".close", '<button class="close" aria-label="Close dialog">x</button>', 'button "Close dialog"'),
        ("#go", '<input type="submit" value="Search" id="go">', 'input "Search"'),
        ("#menu", '<span role="button" id="menu"><script>x()</script></span>', "span#menu"),
        (".ml-2", '<button class="btn ml-2"><svg><text>icon</text></svg></button>', "button.ml-2"),
        ("#lang", '<select id="lang"><option>English</option></select>', "select#lang"),
        ('iframe.chat >>> a[title="Chat > now"]', "", 'a[title="Chat > now"]'),
        ("", "", ""),
    ],
)
def test_element_names_follow_where_browsers_take_names_from(
    selector: str, snippet: str, described: str
) -> None:
    assert describe_element(selector, snippet).text == described


def test_page_text_is_one_short_line_without_control_or_direction_characters() -> None:
    hostile = issue(
        CONTRAST,
        at("/", "a", "<a>\u202eevil\u202c\n\tname " + "x" * 200 + "</a>"),
        cause="#777777 on #ffffff (4.48:1, needs 4.5:1)",
        templates=("/" + "t" * 100,),
    )
    line = summarise(hostile).line()
    assert "\u202e" not in line and "\n" not in line and "\t" not in line
    assert 'a "evil name' in line and "…" in line
    assert len(line) < 300


def test_most_urgent_first_then_widest_reach() -> None:
    narrow = issue(CONTRAST, at("/", "a", "<a>x</a>"), fingerprint="3" * 16)
    urgent = issue(LABEL, at("/", "#q", "<input id=q>"), priority=Priority.P1, fingerprint="4" * 16)
    ordered = most_urgent_first([narrow, ADD_TO_BASKET, urgent])
    assert [item.fingerprint for item in ordered] == ["4" * 16, "1" * 16, "3" * 16]


def run_of(*issues: Issue) -> RunResult:
    urls = sorted({instance.page_url for issue in issues for instance in issue.instances})
    return RunResult(
        RunInfo("0.1.0", "4.10.0", "chrome", "1", "2026-12-07T00:00:00+00:00"),
        tuple(PageRecord(url, status=200, template="/catalogue/*") for url in urls),
        issues,
        summary=RunSummary(pages_audited=len(urls), issues=len(issues), by_priority={"P2": len(issues)}),
    )


def test_every_format_tells_the_two_contrast_issues_apart() -> None:
    run = run_of(ADD_TO_BASKET, PRICE)
    html = lxml.html.fromstring(render_html(run))
    headings = [heading.text_content() for heading in html.xpath("//details[@class='issue']//h3")]
    markdown = render_markdown(run).splitlines()
    rows = [row["summary"] for row in csv.DictReader(io.StringIO(render_csv(run)))]
    sarif = [result["message"]["text"] for result in json.loads(render_sarif(run))["runs"][0]["results"]]
    junit = lxml.etree.fromstring(render_junit(run).encode())
    failures = [(str(failure.get("message")), failure.text or "") for failure in junit.iter("failure")]
    for item in (ADD_TO_BASKET, PRICE):
        cause, element = str(item.cause), summarise(item).element
        for texts in (headings, markdown, rows, sarif):
            assert any(cause in text and element in text for text in texts)
        assert any(cause in text and element in text for _, text in failures)
    # One page, one rule, two issues: the case's message is the most urgent's line and says so.
    assert f"P2 {summarise(ADD_TO_BASKET).line()} (and 1 more issue of this rule here)" in {
        message for message, _ in failures
    }
