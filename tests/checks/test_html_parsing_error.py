"""WCAG 4.1.1 on the served HTML: which parse errors count, where they are, how they group."""

from __future__ import annotations

import pytest

from a11y_audit.check import Page, Target
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.html_parsing import MAX_PROBLEMS, ProblemClass, parse_served
from a11y_audit.model import Outcome, PageRecord
from checks.html_parsing_error import HtmlParsingError

HEAD = '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head><body>\n'


def kinds(body: str) -> list[tuple[str, str]]:
    return [(problem.kind.value, problem.tag) for problem in parse_served(HEAD + body).problems]


@pytest.mark.parametrize(
    "body",
    [
        # end tags the specification lets authors omit
        "<ul><li>one<li>two</ul><p>one<p>two<table><tr><td>1<td>2</table><dl><dt>a<dd>b</dl>",
        "<foo-bar baz=1>custom</foo-bar><blink>unknown</blink>",  # unknown elements are no parse error
        '<a href="?a=1&b=2">&copy no semicolon</a>',  # character references
        '<p class="a"id="b">missing space</p><img src=x / alt="">',  # read as meant
        "<svg><path d='M0'/><circle r=1 /></svg><br/><img src=x alt=''/>",  # self-closing where allowed
        '<div @click="go" :prop="x" [attr]="y" (evt)="z" #ref>framework attributes</div>',
        "<template><i id=a></i></template><i id=a></i>",  # template content is no part of the page
        "<noscript><b id=a></b></noscript><b id=a></b>",  # text when scripts run, as in the audit
        "</body></html>\n<script>after the end</script>",  # put where it was written
    ],
)
def test_what_the_specification_allows_or_4_1_1_does_not_cover_is_not_reported(body: str) -> None:
    assert kinds(body) == []


def test_a_missing_doctype_is_no_4_1_1_error() -> None:
    assert parse_served("<html lang=en><title>t</title><p>x</p>").problems == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<p class="a" class="b">x</p>', [("duplicate attribute", "p")]),
        ('<a href="/x"" class="y">x</a>', [("tag not complete", "a")]),
        ('<div class="a>never closed quote</div>', [("tag not complete", "div")]),
        ("<p><b><i>x</b></i></p>", [(ProblemClass.NESTING, "b")]),  # one mistake, one problem
        ("<div>x</div></div>", [("tags not nested or closed as written", "div")]),
        ("<section><span>x</section>", [("tags not nested or closed as written", "span")]),
        ("<div><span>x", [("tags not nested or closed as written", "span")]),
        ("<div/>x", [(ProblemClass.NESTING, "div"), (ProblemClass.NESTING, "div")]),
        ('<a href="/1">x<a href="/2">y</a>', [("tags not nested or closed as written", "a")]),
        ("<table><tr><div>x</div><td>1</td></tr></table>", [(ProblemClass.NESTING, "div")] * 2),
        ('<div id="x"></div>\n<p id="x"></p>', [("duplicate id", "p")]),
    ],
)
def test_each_class_of_4_1_1_error_is_found(body: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(body) == [(str(kind), tag) for kind, tag in expected]


def test_an_error_has_its_line_column_selector_and_source_line() -> None:
    (problem,) = parse_served(HEAD + '<main id="main">\n  <p class="a" class="b">x</p>\n</main>').problems
    assert (problem.line, problem.column) == (4, 22)  # at the repeated attribute's value
    assert problem.where == "#main > p"
    assert problem.source_line == '<p class="a" class="b">x</p>'
    assert 'attribute "class" twice' in problem.detail


def test_a_misnested_elements_id_cloned_by_the_parser_is_not_a_duplicate() -> None:
    served = parse_served(HEAD + "<b id=q>x<p>y</b>z</p>")
    assert [problem.kind for problem in served.problems] == [ProblemClass.NESTING]
    assert [used.value for used in served.unique_ids] == ["q"]


def test_a_duplicate_id_names_every_line_it_is_on() -> None:
    (problem,) = parse_served(HEAD + '<i id="a"></i>\n<i id="a"></i>\n<i id="a"></i>').problems
    assert problem.ident == "a" and "3 elements (lines 3, 4, 5)" in problem.detail


def test_a_page_broken_from_the_top_keeps_a_bounded_number_of_problems() -> None:
    assert len(parse_served(HEAD + "</span>" * (MAX_PROBLEMS + 50)).problems) == MAX_PROBLEMS


def judge(served: str, dom: str | None = None) -> dict[Target, tuple[Outcome, str, str | None]]:
    artifacts = {"served_html": {"html": served}}
    page = Page(PageRecord(url="https://shop.example/p"), parse_dom(dom or served), artifacts)
    return {
        target: (verdict.outcome, verdict.message, verdict.cause)
        for target, verdict in HtmlParsingError().judge(page).items()
    }


def test_errors_are_needs_review_with_the_erratum_and_unique_ids_pass() -> None:
    verdicts = judge(HEAD + '<div id="box"><p class="a" class="b">x</p></div>')
    outcomes = {target.selector: outcome for target, (outcome, _, _) in verdicts.items()}
    assert outcomes == {"#box": Outcome.PASSED, "#box > p": Outcome.CANT_TELL}
    (message,) = [message for outcome, message, _ in verdicts.values() if outcome is Outcome.CANT_TELL]
    assert "line 3, column" in message and "erratum" in message


def test_no_verdict_is_ever_failed() -> None:
    broken = HEAD + "<p id=a class=x class=y><b><i>x</b></i></p><p id=a><div/><span>" + "</div>" * 5
    assert {outcome for outcome, _, _ in judge(broken).values()} <= {Outcome.CANT_TELL, Outcome.PASSED}


def test_a_duplicate_id_that_aria_refers_to_is_left_to_axe_when_the_dom_still_repeats_it() -> None:
    served = HEAD + '<input aria-describedby="hint"><span id="hint">a</span><span id="hint">b</span>'
    assert not any(outcome is Outcome.CANT_TELL for outcome, _, _ in judge(served).values())
    # A script that renamed one copy leaves the DOM valid: the served duplicate is reviewed.
    dom = served.replace('<span id="hint">b', '<span id="hint-2">b')
    assert [outcome for outcome, _, _ in judge(served, dom).values()] == [Outcome.CANT_TELL]


def test_the_same_template_error_on_two_pages_has_one_cause() -> None:
    first = judge(HEAD + '<div id="price-12" class="price">12.99</span></div>')
    minified = (
        HEAD.replace("\n", "") + "<p>other copy</p>" * 3 + '<div id="price-7" class="price">7.50</span></div>'
    )
    causes = {cause for verdicts in (first, judge(minified)) for _, _, cause in verdicts.values() if cause}
    assert causes == {"tags not nested or closed as written: unexpected-end-tag <span> at #price-#"}


def test_errors_in_two_places_of_a_page_are_two_causes() -> None:
    verdicts = judge(HEAD + '<nav id="menu"></span></nav><footer id="foot"></span></footer>')
    assert len({cause for _, _, cause in verdicts.values() if cause}) == 2
