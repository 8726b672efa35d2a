"""Page titles that do not tell pages apart: shared by different pages, or saying nothing.

WCAG 2.4.2 asks for titles that describe the page's topic or purpose; the Understanding
document adds that titles should identify the page's subject and be unique within the site
where they can be, because browser tabs, history, bookmarks and screen readers' window
lists show only the title. Failure F25: a title that does not identify the contents.
Missing and empty titles are axe's document-title rule and are left to it.
https://www.w3.org/WAI/WCAG21/Understanding/page-titled.html

Decisions: pages whose URLs differ only in the query string (pagination, sort, filters of
one listing) are one topic and may share a title; a home page may be titled with the site
name alone, any other page may not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from a11y_audit.check import CheckMeta, PageSummary, Scope, SiteCheck, SiteVerdict, Verdict, failed, passed
from a11y_audit.judge.dom import normalise_space
from a11y_audit.model import Impact

# Titles CMSs and templates leave behind; "home" only fails away from the home page.
PLACEHOLDER_TITLES = frozenset(
    {"untitled", "untitled document", "untitled page", "new page", "page", "document", "index",
     "default", "title", "welcome", "no title", "home", "homepage", "home page", "startseite",
     "accueil", "inicio", "startpagina", "react app", "vite app"}
)  # fmt: skip
_HOME_TITLES = frozenset({"home", "homepage", "home page", "startseite", "accueil", "inicio", "startpagina"})
_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u00b7:\u00bb-]\s+")
_HOME_PATH = re.compile(r"^/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:index\.\w+)?$", re.I)


class DuplicatePageTitle(SiteCheck):
    meta = CheckMeta(
        id="duplicate-page-title",
        title="Page title identifies the page",
        failure_title="Page title does not identify the page",
        description=(
            "The title is the first thing a screen reader announces and the only text in browser "
            "tabs, history and bookmarks; when several pages share 'Fern & Field' or 'Untitled', "
            "users cannot tell which one they are on or return to. Give each page a title that "
            "names its own topic first, then the site: 'Canvas tote | Fern & Field'."
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
    if key in PLACEHOLDER_TITLES and not (home and key in _HOME_TITLES):
        return failed(f"title {title!r} is a placeholder: name the page's topic")
    if key in (host, host.removeprefix("www.")):
        return failed(f"title {title!r} is just the domain: name the page's topic")
    if site_name and key == site_name:
        if home:
            return passed("the home page may be titled with the site name alone")
        return failed(f"title {title!r} is only the site name: put the page's topic first")
    others = sorted(topics[key] - {_topic(page.url)})
    if others:
        listed = ", ".join(others[:5]) + (" ..." if len(others) > 5 else "")
        return failed(f"{len(others)} other page(s) have the title {title!r}: {listed}")
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
