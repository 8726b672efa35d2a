"""Navigation that is repeated across pages but not in the same relative order.

WCAG 3.2.3: navigational mechanisms repeated on multiple pages occur in the same relative
order each time, unless the user changes it. Items may be added or removed (the
Understanding document allows a sub-menu to expand, or a link to the current page to
drop out); what fails (F66) is the same links in a different order, which breaks the
memory of people who navigate by position, screen magnifier and screen reader users.
https://www.w3.org/WAI/WCAG21/Understanding/consistent-navigation.html

Navigation landmarks are matched across pages by their links (markup can differ when
another system renders a page), and each pair of links is compared with the order most
pages use; with no majority (two pages, or a tie) a person must judge. Only pages of one
set of web pages are compared (the engine groups them: a11y_audit.judge.page_sets), so a
partner's page that lists the store's departments in its own order is not the store's
navigation changing order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from a11y_audit.check import (
    CheckMeta,
    NavBlock,
    PageSummary,
    Scope,
    SiteCheck,
    SiteVerdict,
    Verdict,
    cant_tell,
    failed,
    passed,
)
from a11y_audit.judge.page_sets import same_navigation
from a11y_audit.model import Impact


@dataclass(slots=True)
class _Group:
    """One repeated navigation: its occurrences (page URL, block) and all links seen in it."""

    members: list[tuple[str, NavBlock]] = field(default_factory=list)
    links: set[str] = field(default_factory=set)


class InconsistentNavigation(SiteCheck):
    meta = CheckMeta(
        id="inconsistent-navigation",
        title="Repeated navigation keeps the same order",
        failure_title="Repeated navigation changes order",
        description=(
            "Users who navigate by position (screen magnifier, screen reader and cognitive "
            "disability users) learn where links are in the menu; when a page lists the same "
            "links in another order they pick the wrong one. Render repeated navigation from one "
            "template so its links keep their relative order on every page; adding or removing "
            "items is fine."
        ),
        wcag=("3.2.3",),
        impact=Impact.MODERATE,
        scope=Scope.SITE,
    )

    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        for group in _groups(pages):
            if len({url for url, _ in group.members}) < 2:
                continue
            majority = _pair_votes(group)
            for url, block in group.members:
                yield SiteVerdict(url, block.selector, block.snippet, _verdict(block, majority))


def _positions(block: NavBlock) -> dict[str, list[int]]:
    """Where in the block each destination is linked (a logo and a text link may share one)."""
    positions: dict[str, list[int]] = {}
    for index, (destination, _) in enumerate(block.links):
        positions.setdefault(destination, []).append(index)
    return positions


def _ordered_pairs(block: NavBlock) -> list[tuple[str, str]]:
    """(x, y) for every x linked wholly before y in the block.

    A destination linked twice is only ordered against links outside its span: pagination's
    "Previous" repeats a numbered page, a mega-menu's "All women" repeats "Women".
    """
    positions = _positions(block)
    return [
        (first, second)
        for first, at_first in positions.items()
        for second, at_second in positions.items()
        if max(at_first) < min(at_second)
    ]


def _groups(pages: Sequence[PageSummary]) -> list[_Group]:
    groups: list[_Group] = []
    for page in pages:
        for block in page.navigation:
            links = set(_positions(block))
            if len(links) < 2:
                continue
            group = next((g for g in groups if same_navigation(links, g.links)), None)
            if group is None:
                group = _Group()
                groups.append(group)
            group.members.append((page.url, block))
            group.links |= links
    return groups


def _pair_votes(group: _Group) -> Counter[tuple[str, str]]:
    """How many blocks put link x before link y, for every ordered pair (x, y)."""
    votes: Counter[tuple[str, str]] = Counter()
    for _, block in group.members:
        votes.update(_ordered_pairs(block))
    return votes


def _verdict(block: NavBlock, votes: Counter[tuple[str, str]]) -> Verdict:
    names = {destination: _describe(destination, text) for destination, text in reversed(block.links)}
    reordered: list[tuple[str, str, int]] = []
    contested: list[tuple[str, str]] = []
    for first, second in _ordered_pairs(block):
        mine, theirs = votes[first, second], votes[second, first]
        if theirs > mine:
            reordered.append((first, second, theirs))
        elif theirs and theirs == mine:
            contested.append((first, second))
    if reordered:
        # Name the pair nearest the top of the usual order ("Women", "Men"), not one deep
        # inside a mega-menu panel.
        rank = {link: sum(votes[other, link] > votes[link, other] for other in names) for link in names}
        first, second, theirs = min(reordered, key=lambda pair: rank[pair[0]] + rank[pair[1]])
        return failed(
            f"{names[second]} comes after {names[first]} here, but before it on {theirs} page(s) "
            f"({len(reordered)} pair(s) of links are in a different order than on most pages)"
        )
    if contested:
        first, second = contested[0]
        return cant_tell(
            f"pages disagree evenly on whether {names[first]} or {names[second]} comes first: "
            "check which order the site's navigation should have"
        )
    return passed()


def _describe(destination: str, text: str) -> str:
    """'Women' (/category/women): texts alone repeat ('Black' in every department)."""
    parts = urlsplit(destination)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{text!r} ({path})" if text else path
