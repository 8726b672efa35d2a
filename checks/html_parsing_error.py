"""Errors of WCAG 4.1.1 Parsing in the HTML as served, each with its line and column.

4.1.1 is about the markup a server sends: "elements have complete start and end tags,
elements are nested according to their specifications, elements do not contain duplicate
attributes, and any IDs are unique" (failures F70, F77; techniques H74, H93, H94). The
served source comes from the `served_html` artifact (DevTools' copy of the response, never a
second request); a11y_audit.judge.html_parsing finds the errors of those classes only (not
omitted optional end tags, the doctype, unknown elements, character references).

Outcome: **needs review, never failed.** W3C's 2023 erratum to WCAG 2.1 says 4.1.1 "should
be considered as always satisfied for any content using HTML or XML": the HTML parser repairs
every such error the same way in every browser, and what still hurts people shows up
elsewhere (a name, role or state wrong: 4.1.2; structure lost: 1.3.1). A store claiming
2.1 AA is judged by auditors who apply the erratum, so a parse error alone is no failure; it
is reported for a person to confirm that nothing depends on it, with the line, column and
source line that locate it. A duplicate id that an ARIA attribute or a label's `for` points
at, and that the rendered DOM still holds twice, is left to axe-core's duplicate-id-aria,
which fails it under 4.1.2: one issue for one element, not two.

Each id used once in the served markup passes (the "IDs are unique" part, as the withdrawn
ACT rule 3ea0c8 judged every element with an id); a page without ids or errors is
inapplicable.

Grouping: a parse error has no element in the DOM, so each verdict names its root cause
(class, error code, tag and the nearest element's selector in the served markup, digits
removed; not the source line, which on a minified page is the whole page): the same template's
mistake on a thousand product pages is one issue.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import SERVED_HTML
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, passed
from a11y_audit.judge.html_parsing import ParseProblem, ProblemClass, id_selector, parse_served
from a11y_audit.model import Impact, Outcome

_IDREF_ATTRIBUTES = (
    "aria-activedescendant",
    "aria-controls",
    "aria-describedby",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
    "aria-labelledby",
    "aria-owns",
)
"""The references axe-core's duplicate-id-aria follows (with <label for>)."""
_UNIQUE = "the id is used once in the served HTML"
_REVIEW = (
    "WCAG 2.1's 2023 erratum treats 4.1.1 as satisfied for HTML, so this is no failure by itself: "
    "check that browsers and assistive technology get the structure the markup means, and fix the markup"
)


class HtmlParsingError(WholePageCheck):
    meta = CheckMeta(
        id="html-parsing-error",
        title="The served HTML parses without 4.1.1 errors",
        failure_title="The served HTML has parsing errors (duplicate ids or attributes, misnested tags)",
        description=(
            "Duplicate attributes, duplicate ids and tags that are not nested or closed as written make "
            "browsers repair the page, and the repaired structure may not be what the author meant. The "
            "check parses the HTML exactly as the server sent it (DevTools' copy of the response, no "
            "second request) with the WHATWG parsing algorithm and reports, with line and column, only "
            "those errors: duplicate attributes on one tag, ids used twice, misnested formatting tags, "
            "end tags that close nothing or close an element with open children, elements left open, "
            "elements where they may not be (<a> in <a>, <div> in <table>) and <div/>-style tags. End "
            "tags the specification lets authors omit, the doctype, unknown elements and character "
            "references are not reported. Each error is needs review, never failed: W3C's 2023 erratum "
            "to WCAG 2.1 treats 4.1.1 as always satisfied for HTML. A duplicate id that ARIA or a label "
            "refers to is left to axe-core's duplicate-id-aria (4.1.2)."
        ),
        wcag=("4.1.1",),
        impact=Impact.MINOR,
        requires=("dom", SERVED_HTML),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        served = parse_served(page.artifact(SERVED_HTML)["html"])
        verdicts: dict[Target, Verdict] = {
            Target(id_selector(used.value), f'<{used.tag} id="{used.value}">'): passed(_UNIQUE)
            for used in served.unique_ids
        }
        referenced = _referenced_twice(page.root)
        for problem in served.problems:
            if problem.kind is ProblemClass.DUPLICATE_ID and problem.ident in referenced:
                continue  # axe-core's duplicate-id-aria fails it under 4.1.2
            target = Target(problem.where, problem.source_line)
            earlier = verdicts.get(target)
            message = _message(problem)
            if earlier is not None:
                message = f"{earlier.message}; also {message}"
            verdicts[target] = Verdict(Outcome.CANT_TELL, message, earlier.cause if earlier else problem.key)
        return verdicts


def _message(problem: ParseProblem) -> str:
    where = f"served HTML, line {problem.line}, column {problem.column}"
    return f"{problem.kind.value}: {problem.detail} ({where}). {_REVIEW}"


def _referenced_twice(root: HtmlElement) -> set[str]:
    """Ids the rendered DOM holds on two or more elements that ARIA or a label refers to."""
    counts: dict[str, int] = {}
    for element in root.iter():
        ident = element.get("id") if isinstance(element.tag, str) else None
        if ident:
            counts[ident] = counts.get(ident, 0) + 1
    references: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in _IDREF_ATTRIBUTES:
            references.update((element.get(name) or "").split())
        if element.tag == "label" and element.get("for"):
            references.add(str(element.get("for")))
    return {ident for ident in references if counts.get(ident, 0) > 1}
