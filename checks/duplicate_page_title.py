"""Page titles that say nothing about their page, and titles other pages of the site share.

WCAG 2.4.2 asks for titles that describe the page's topic or purpose, not for unique ones:
the Understanding document calls a unique title good practice, because browser tabs,
history, bookmarks and screen readers' window lists show only the title. So only a title
that certainly describes nothing fails (F25: the title does not identify the contents): a
placeholder ("Untitled", "Home" away from the home page), a bare file name, the bare domain,
or, on a page other than the home page, only the name every title of the site ends with.
A title other pages of the same site share is needs review: it may describe each page well
(a "Size guide" reached from two departments), or not, and a person must look. Missing and empty titles
are axe's document-title rule and are left to it.
https://www.w3.org/WAI/WCAG21/Understanding/page-titled.html

Decisions: pages are compared within their set of web pages only (the engine groups them,
a11y_audit.judge.page_sets), so unrelated pages of a scan never make each other's titles
suspect; pages whose URLs differ only in the query string (pagination, sort, filters of one
listing) are one topic and may share a title; a home page may be titled with the site name
alone, any other page may not. The placeholder words are a11y_audit.judge.placeholders'
TITLE_PLACEHOLDERS (with those of every kind of name, such as "Lorem ipsum"), compared
without case or punctuation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from a11y_audit.check import (
    CheckMeta,
    PageSummary,
    Scope,
    SiteCheck,
    SiteVerdict,
    Verdict,
    cant_tell,
    failed,
    passed,
)
from a11y_audit.judge.dom import normalise_space
from a11y_audit.judge.placeholders import TITLE_PLACEHOLDERS, placeholder_key
from a11y_audit.model import Impact

_HOME_TITLES = frozenset({"home", "homepage", "home page", "startseite", "accueil", "inicio", "startpagina"})
_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7:\u00bb-]\s+")
_FILE_NAME = re.compile(
    r"^[\w.~-]+\.(?:s?html?|xhtml|php\d?|aspx?|jspx?|cfm|cgi|pl|pdf|docx?|xlsx?|pptx?|txt|jpe?g|png|gif|webp|svg)$",
    re.I,
)
_HOME_PATH = re.compile(r"^/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:index\.\w+)?$", re.I)


class DuplicatePageTitle(SiteCheck):
    meta = CheckMeta(
        id="duplicate-page-title",
        title="Page title identifies the page",
        failure_title="Page title does not identify the page",
        description=(
            "The title is the first thing a screen reader announces and the only text in browser "
            "tabs, history and bookmarks; a title such as 'Untitled', 'index.html' or only the "
            "site's name does not say which page this is. Give each page a title that names its "
            "own topic first, then the site: 'Canvas tote | Fern & Field'. The check fails only "
            "titles that certainly say nothing about the page; a title other pages of the same "
            "site share is 'needs review' (WCAG asks for descriptive titles, not unique ones), "
            "and pages that share no navigation are not compared."
        ),
        wcag=("2.4.2",),
        impact=Impact.MODERATE,
        scope=Scope.SITE,
    )

    def judge(self, pages: Sequence[PageSummary]) -> Iterable[SiteVerdict]:
        titled = [page for page in pages if page.title and normalise_space(page.title)]
        site_name = _site_name([page.title or "" for page in titled])
        topics: dict[str, set[str]] = defaultdict(set)
        for page in titled:
            topics[_key(page.title or "")].add(_topic(page.url))
        for page in titled:
            title = normalise_space(page.title or "")
            snippet = f"<title>{title}</title>"
            yield SiteVerdict(page.url, "title", snippet, _verdict(page, title, site_name, topics))


def _verdict(page: PageSummary, title: str, site_name: str | None, topics: dict[str, set[str]]) -> Verdict:
    key = _key(title)
    home = bool(_HOME_PATH.match(urlsplit(page.url).path))
    host = (urlsplit(page.url).hostname or "").lower()
    words = placeholder_key(title)
    if words in TITLE_PLACEHOLDERS and not (home and words in _HOME_TITLES):
        return failed(f"title {title!r} is a placeholder: name the page's topic")
    if _FILE_NAME.match(key):
        return failed(f"title {title!r} is a file name: name the page's topic")
    if key in (host, host.removeprefix("www.")):
        return failed(f"title {title!r} is just the domain: name the page's topic")
    if site_name and key == site_name:
        if home:
            return passed("the home page may be titled with the site name alone")
        return failed(
            f"title {title!r} is only the name most titles of this site end with: put the page's topic first"
        )
    others = sorted(topics[key] - {_topic(page.url)})
    if others:
        listed = ", ".join(others[:5]) + (" ..." if len(others) > 5 else "")
        return cant_tell(
            f"{len(others)} other page(s) of this site are also titled {title!r} ({listed}): check that "
            "the title says what this page is about; if the pages differ, a title naming each "
            "page's own topic helps people tell tabs, history entries and bookmarks apart"
        )
    return passed()


def _key(title: str) -> str:
    return normalise_space(title).casefold()


def _topic(url: str) -> str:
    """A page's topic for title purposes: its URL without query and fragment."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}"


def _site_name(titles: list[str]) -> str | None:
    """The segment most titles share ("... | Fern & Field"), when at least half have it."""
    counts = Counter(
        segment
        for title in titles
        for segment in {_key(part) for part in _SEPARATORS.split(title) if part.strip()}
    )
    if len(titles) < 3 or not counts:
        return None
    segment, count = counts.most_common(1)[0]
    return segment if count * 2 >= len(titles) else None
