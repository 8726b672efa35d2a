"""Controls that do the same thing but are called different things on different pages.

WCAG 3.2.4: components with the same functionality within a set of pages are identified
consistently. Failure F31 is the classic shop case: "Add to bag" on most product pages,
"Add to basket" on some. This check compares forms' submit controls that do the same
thing (same method, same action URL, same name=value); links are left out, because
different texts for one destination ("Women", "Shop women") are normal and not a failure.
https://www.w3.org/WAI/WCAG21/Understanding/consistent-identification.html

Decisions: only pages of one set of web pages are compared (the engine groups pages that
share a site and navigation: a11y_audit.judge.page_sets), so a gift-card microsite or a
partner's page posting to the same basket is not held to the store's wording. The name most
pages use (more than half) is the site's identification and other names fail; two names
used equally often are for a person to judge; when names differ on nearly every page they
carry item-specific text ("Add Linen shirt to bag"), which is consistent in the sense of
3.2.4, so the check says nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from a11y_audit.check import (
    CheckMeta,
    Control,
    PageSummary,
    Scope,
    SiteCheck,
    SiteVerdict,
    cant_tell,
    failed,
    passed,
)
from a11y_audit.model import Impact


class InconsistentIdentification(SiteCheck):
    meta = CheckMeta(
        id="inconsistent-identification",
        title="Controls with the same function have the same name",
        failure_title="Controls with the same function are named differently",
        description=(
            "People who use a site repeatedly, speech-input users who say a button's name and "
            "people with cognitive disabilities recognise controls by their names; 'Add to bag' "
            "on one page and 'Add to basket' on another makes them wonder whether it does the "
            "same. Use one name (and icon, and alt text) for each function across the site."
        ),
        wcag=("3.2.4",),
        impact=Impact.MODERATE,
        scope=Scope.SITE,
    )

    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        by_function: dict[str, list[tuple[str, Control]]] = defaultdict(list)
        for page in pages:
            for control in page.controls:
                by_function[control.function].append((page.url, control))
        for occurrences in by_function.values():
            yield from _judge_function(occurrences)


def _key(name: str) -> str:
    return name.casefold()


def _judge_function(occurrences: list[tuple[str, Control]]) -> Iterable[SiteVerdict]:
    # One vote per page, so a page with the control twice does not tip the majority.
    names = Counter(name for _, name in {(url, _key(c.name)) for url, c in occurrences})
    page_count = len({url for url, _ in occurrences})
    if page_count < 2:
        return
    top, top_count = names.most_common(1)[0]
    label = {_key(c.name): c.name for _, c in occurrences}
    for url, control in occurrences:
        if len(names) == 1 or top_count * 2 > page_count:
            verdict = (
                passed()
                if _key(control.name) == top
                else failed(
                    f"named {control.name!r} here but {label[top]!r} on {top_count} other page(s) "
                    "where it does the same thing: use one name"
                )
            )
        elif len(names) == 2:
            other = next(name for name in names if name != _key(control.name))
            verdict = cant_tell(
                f"named {control.name!r} here and {label[other]!r} on as many pages for the same "
                "function: check which name the site should use"
            )
        else:
            return  # item-specific names; see the module docstring
        yield SiteVerdict(url, control.selector, control.snippet, verdict)
