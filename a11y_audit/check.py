"""The API our own checks are written against: metadata plus small pure functions.

A page check says which elements it applies to and what it expects of each (the
applicability + expectation shape of ACT rules, axe-core and Siteimprove Alfa); a site
check judges summaries of every page at once. The engine, not the check, counts outcomes,
builds selectors and snippets and isolates a check that crashes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, TypeVar, cast

from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import ArtifactKind
from a11y_audit.model import Impact, Outcome, PageRecord, RuleMeta, Source
from a11y_audit.wcag import criterion, level_of

__all__ = [
    "CheckMeta",
    "Control",
    "NavBlock",
    "Page",
    "PageCheck",
    "PageSummary",
    "Scope",
    "SiteCheck",
    "SiteVerdict",
    "Target",
    "Verdict",
    "WholePageCheck",
    "cant_tell",
    "failed",
    "passed",
]

Shape = TypeVar("Shape")


class Scope(StrEnum):
    """What a check looks at: one page's artifacts, or summaries of every page of the site."""

    PAGE = "page"
    SITE = "site"


@dataclass(frozen=True, slots=True)
class CheckMeta:
    """Everything about a check that is not code: identity, WCAG criteria, help, needs.

    `id` names the failing state in kebab-case (`ambiguous-link-text`); `title` is the
    passing state and `failure_title` the failing one, so reports can say either.
    `requires` names the artifacts the check reads (a11y_audit.artifacts.kinds.ARTIFACT_KINDS):
    the crawler runs only the gatherers that selected checks need, and the engine skips a
    check on a page where one of them is missing.
    """

    id: str
    title: str
    failure_title: str
    description: str
    wcag: tuple[str, ...]
    impact: Impact
    scope: Scope = Scope.PAGE
    requires: tuple[str, ...] = ("dom",)

    @property
    def level(self) -> str | None:
        """'A' if any criterion is level A, else 'AA' (as for axe findings)."""
        return level_of(self.wcag)

    @property
    def help_url(self) -> str:
        """The W3C Understanding document of the first criterion: the authority we judge by."""
        first = criterion(self.wcag[0]) if self.wcag else None
        return first.understanding if first else ""

    def to_rule_meta(self) -> RuleMeta:
        """The part of the metadata that findings carry, shaped like an axe rule's."""
        return RuleMeta(
            id=self.id,
            source=Source.A11Y_AUDIT,
            title=self.title,
            description=self.description,
            help_url=self.help_url,
            wcag=self.wcag,
            level=self.level,
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """A check's judgement of one element; the message tells a person what to look at."""

    outcome: Outcome
    message: str = ""
    cause: str | None = None
    """A root cause shared beyond this element (model.Finding.cause), e.g. one border colour."""


def passed(message: str = "") -> Verdict:
    """The element meets the expectation."""
    return Verdict(Outcome.PASSED, message)


def failed(message: str, cause: str | None = None) -> Verdict:
    """The element certainly fails; say why, in words a developer can act on. `cause` names a
    root cause many elements share (one CSS colour), so they are one issue."""
    return Verdict(Outcome.FAILED, message, cause)


def cant_tell(message: str) -> Verdict:
    """The check cannot decide; say what a person should look at. Never guess a failure."""
    return Verdict(Outcome.CANT_TELL, message)


@dataclass(frozen=True, slots=True)
class Target:
    """An element a gatherer described in the browser, for verdicts that no saved-DOM node fits.

    Interactive gatherers see states the saved DOM never held (a menu opened by Tab, the
    page at 320 px), so they record the element's selector and opening tag themselves
    (js/describe.js); checks judging that data return Targets instead of lxml elements.
    """

    selector: str
    snippet: str


@dataclass(frozen=True, slots=True)
class Page:
    """One audited page as checks see it: its record, its parsed rendered DOM, other artifacts."""

    record: PageRecord
    root: HtmlElement
    artifacts: Mapping[str, Any] = field(default_factory=dict)
    """Gathered artifacts by name (a11y_audit.artifacts.kinds), the ones the page's checks require;
    read them typed with `artifact`."""

    def artifact(self, kind: ArtifactKind[Shape]) -> Shape:
        """One gathered artifact, typed with its shape (a11y_audit/artifacts/<name>.py).

        The engine runs a check only on pages holding every artifact in its `requires`, so a
        required one is always there; the data is saved JSON, trusted to have the declared shape.
        """
        return cast(Shape, self.artifacts[kind])

    def gathered(self, kind: ArtifactKind[Shape]) -> Shape | None:
        """An artifact the check can do without (not in its `requires`), None when missing."""
        return cast(Shape | None, self.artifacts.get(kind))

    @property
    def url(self) -> str:
        """The address the page ended up at (after redirects): what links resolve against."""
        return self.record.final_url or self.record.url

    def elements(self, xpath: str) -> list[HtmlElement]:
        """Elements an XPath selects, typed (lxml's xpath() returns Any), for applicable()."""
        return [node for node in self.root.xpath(xpath) if isinstance(node, HtmlElement)]


class PageCheck(ABC):
    """A check of one page: which elements it applies to, and what it expects of each."""

    meta: ClassVar[CheckMeta]

    @abstractmethod
    def applicable(self, page: Page) -> Iterable[HtmlElement | Target]:
        """The elements the check judges; none means the check is inapplicable to the page."""

    @abstractmethod
    def expect(self, element: Any, page: Page) -> Verdict:
        """The verdict on one applicable element (the type `applicable` yields)."""


class WholePageCheck(PageCheck):
    """A page check that judges a gathered artifact as a whole, every element in one pass.

    A keyboard walk or a 320 px layout is judged by comparing its parts (a stop against the
    next, a box against the viewport), so the verdicts come out together; `judge` returns them
    and the engine takes them as they are, instead of asking for each element again.
    """

    @abstractmethod
    def judge(self, page: Page) -> Mapping[HtmlElement, Verdict] | Mapping[Target, Verdict]:
        """Every applicable element with its verdict; empty means inapplicable."""

    def applicable(self, page: Page) -> Iterable[HtmlElement | Target]:
        return list(self.judge(page))

    def expect(self, element: Any, page: Page) -> Verdict:
        return self.judge(page)[element]


@dataclass(frozen=True, slots=True)
class NavBlock:
    """One navigation landmark of a page, reduced to what consistency checks compare."""

    selector: str
    snippet: str
    label: str
    links: tuple[tuple[str, str], ...]
    """(destination URL without fragment, link text) in document order."""


@dataclass(frozen=True, slots=True)
class Control:
    """A form's submit control, reduced to what it does and what it is called."""

    function: str
    """What submitting does: "POST https://shop/cart/add" (plus the button's name=value)."""
    name: str
    selector: str
    snippet: str


@dataclass(frozen=True, slots=True)
class PageSummary:
    """What site checks know about a page: small, so a big crawl's summaries fit in memory."""

    url: str
    title: str | None
    navigation: tuple[NavBlock, ...] = ()
    controls: tuple[Control, ...] = ()
    search: str | None = None
    """Selector of the page's search form or field, if it has one."""
    sitemap_links: tuple[str, ...] = ()
    """Destinations the page links to when it is a site map or A-Z index (else empty)."""
    header_footer_links: tuple[str, ...] = ()
    """Destinations linked from the page's header and footer (banner, contentinfo), sorted:
    with the navigation landmarks, what tells which pages form a set (judge.page_sets)."""


@dataclass(frozen=True, slots=True)
class SiteVerdict:
    """A site check's judgement of one element on one page (selector and snippet included)."""

    page_url: str
    selector: str
    snippet: str
    verdict: Verdict


class SiteCheck(ABC):
    """A check across pages (consistent navigation, distinct titles), judged on summaries.

    The engine calls `judge` once per set of web pages (a11y_audit.judge.page_sets: pages of
    one origin that share navigation), a page that shares none being a set of one, so a
    check never compares pages that are no set; it still judges one page alone where it can.
    """

    meta: ClassVar[CheckMeta]

    @abstractmethod
    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        """Verdicts on pages' elements; pages the check does not mention are inapplicable."""
