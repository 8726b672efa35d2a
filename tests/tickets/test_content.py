"""Ticket text from results: fields, labels, WCAG links, reproduction steps, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_audit.tickets.content import build_ticket, is_managed_label
from a11y_audit.tickets.markup import Code, CodeBlock, Link, Paragraph, Text, render
from a11y_audit.tickets.sync_results import tickets_for
from tests.tickets.samples import SCREENSHOT, issue, results, run_in, typed, write_results


def test_ticket_has_title_labels_priority_and_reach(tmp_path: Path) -> None:
    ticket = build_ticket(typed(issue(templates=("product", "cart", "home"), pages=25)), run_in(tmp_path))
    # The report's summary line without the counts, which change from run to run.
    assert ticket.title == "Buttons must have discernible text — button.add · 3 templates"
    assert ticket.labels == ("a11y", "wcag-4.1.2", "P2", "a11y-fp-86c5fe823dfc9e73")
    assert (ticket.priority, ticket.priority_name, ticket.due) == ("P2", "High", "2026-12-09")
    assert ticket.reach == "25 page(s), 3 template(s)"


def test_two_issues_of_one_rule_have_titles_that_tell_them_apart(tmp_path: Path) -> None:
    run = run_in(tmp_path)
    pay = build_ticket(typed(issue(snippet='<button id="pay"><svg></svg></button>')), run)
    menu = build_ticket(
        typed(issue("0" * 16, templates=("home",), snippet='<button id="menu"></button>')), run
    )
    assert pay.title == "Buttons must have discernible text — button#pay · product"
    assert menu.title == "Buttons must have discernible text — button#menu · home"


def test_needs_review_is_said_in_the_title_and_labels(tmp_path: Path) -> None:
    ticket = build_ticket(typed(issue(outcome="cantTell", priority="P3")), run_in(tmp_path))
    assert ticket.title.startswith("Needs review: ")
    assert "needs-review" in ticket.labels


def test_body_links_the_understanding_document_and_says_how_users_hit_it(tmp_path: Path) -> None:
    body = render(build_ticket(typed(issue()), run_in(tmp_path)).body, "markdown")
    assert (
        "4.1.2 Name, Role, Value (Level A): "
        "[Understanding 4.1.2](https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html)"
    ) in body
    assert (
        "1. Open `http://shop.test/products/1`\n2. Find the element `button.add`\n3. With a screen reader"
        in body
    )
    assert "### Expected\n\nEnsure buttons have discernible text. This is what WCAG 4.1.2" in body
    assert "### Actual\n\n```text\nFix any of the following:\n  Element does not have inner text\n```" in body
    assert "P2 (High), due 2026-12-09; flow: product; blocks keyboard or screen-reader users" in body
    assert "- critical impact\n- product flow (critical)" in body
    assert "`a11y-fp-86c5fe823dfc9e73`" in body


def test_contrast_steps_name_the_ratio_and_best_practice_says_so(tmp_path: Path) -> None:
    contrast = render(build_ticket(typed(issue(wcag=("1.4.3",))), run_in(tmp_path)).body, "markdown")
    assert "at least 4.5:1" in contrast
    practice = render(build_ticket(typed(issue(wcag=())), run_in(tmp_path)).body, "markdown")
    assert "Best practice (no WCAG success criterion)" in practice


def test_screenshot_is_evidence_only_when_the_file_exists(tmp_path: Path) -> None:
    assert build_ticket(typed(issue()), run_in(tmp_path)).evidence == ()
    write_results(tmp_path, results(issue()))
    ticket = build_ticket(typed(issue()), run_in(tmp_path))
    assert ticket.evidence == (tmp_path / SCREENSHOT,)
    assert f"`{SCREENSHOT}`" in render(ticket.body, "markdown")


def test_min_priority_keeps_only_the_more_urgent(tmp_path: Path) -> None:
    data = results(
        issue("a" * 16, priority="P1"), issue("b" * 16, priority="P3"), issue("c" * 16, priority="P4")
    )
    assert [t.fingerprint for t in tickets_for(run_in(tmp_path, data), "P3")] == ["a" * 16, "b" * 16]
    assert len(tickets_for(run_in(tmp_path, data), "P4")) == 3


HOSTILE = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) @admin #1 `code` {color:red} *b* |a|"


@pytest.mark.parametrize("syntax", ["markdown", "jira", "textile"])
def test_page_content_is_inert_in_every_syntax(tmp_path: Path, syntax: str) -> None:
    ticket = build_ticket(
        typed(
            issue(
                snippet=HOSTILE + "\n```\n{noformat}\n</pre>", page_url="http://shop.test/p?q=<b>`x`</code>"
            )
        ),
        run_in(tmp_path),
    )
    body = render(ticket.body, syntax)  # type: ignore[arg-type]
    if syntax == "markdown":
        assert "````text\n" + HOSTILE + "\n```\n{noformat}\n</pre>\n````" in body  # longer fence than inside
        assert "``http://shop.test/p?q=<b>`x`</code>``" in body  # the code span outlives the backtick
    elif syntax == "jira":
        assert "{noformat}\n" + HOSTILE + "\n```\n\\{noformat}\n</pre>\n{noformat}" in body
        assert "{{http://shop.test/p\\?q=<b>`x`</code>}}" in body
    else:  # Redmine shows <pre>/<code> verbatim; a closing tag inside is broken by a zero-width space
        assert "<pre>\n" + HOSTILE + "\n```\n{noformat}\n<\u200b/pre>\n</pre>" in body
        assert "<code>http://shop.test/p?q=<b>`x`<\u200b/code></code>" in body


def test_text_escapes_markup_mentions_and_autolinks() -> None:
    text = (Paragraph((Text("- " + HOSTILE + " see https://evil.example"),)),)
    assert render(text, "markdown") == (
        "\\- \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1)) \\@admin \\#1 \\`code\\` "
        "{color:red} \\*b\\* \\|a\\| see https:\\/\\/evil.example\n"
    )
    assert render(text, "jira") == (
        "\\- <img src=x onerror=alert\\(1\\)> \\[click\\]\\(javascript:alert\\(1\\)\\) \\@admin \\#1 `code` "
        "\\{color:red\\} \\*b\\* \\|a\\| see https://evil.example\n"
    )
    assert render(text, "textile") == (
        "- &#60;img src&#61;x onerror&#61;alert(1)&#62; &#91;click&#93;(javascript:alert(1)) "
        "&#64;admin &#35;1 &#96;code&#96; &#123;color:red&#125; &#42;b&#42; &#124;a&#124; see https://evil.example\n"
    )


def test_only_plain_http_links_become_links() -> None:
    good = Link("Understanding 1.4.3", "https://www.w3.org/WAI/WCAG21/Understanding/contrast-minimum.html")
    bad = Link("help", "javascript:alert(1)")
    assert render((Paragraph((good,)),), "jira").startswith("[Understanding 1.4.3|https://www.w3.org/")
    assert render((Paragraph((bad,)),), "markdown") == "help `javascript:alert(1)`\n"
    assert render((Paragraph((Code("a`b"),)), CodeBlock("x")), "markdown") == "``a`b``\n\n```text\nx\n```\n"


def test_people_labels_are_not_managed() -> None:
    assert all(map(is_managed_label, ("a11y", "P1", "wcag-1.4.3", "a11y-fp-0123456789abcdef", "fixed?")))
    assert not any(map(is_managed_label, ("wontfix", "frontend", "team-checkout")))


def test_a_screenshot_path_outside_the_results_folder_is_never_evidence(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("token", "utf-8")
    (tmp_path / "out").mkdir()
    page = {"url": "http://shop.test/products/1", "artifacts": {"screenshot": "../secret.txt"}}
    ticket = build_ticket(typed(issue()), run_in(tmp_path / "out", {**results(), "pages": [page]}))
    assert ticket.evidence == ()
