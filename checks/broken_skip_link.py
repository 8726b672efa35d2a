"""Skip links whose target is not on the page, so "Skip to content" does nothing.

A skip link is the usual way to meet WCAG 2.4.1 (technique G1); when its fragment names
no element (the template's <main> was renamed), keyboard users still tab through the whole
header on every page while the page looks compliant. axe's skip-link rule catches this
but is tagged best-practice, so a WCAG-tagged axe run does not report it.
https://www.w3.org/WAI/WCAG21/Understanding/bypass-blocks.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import destination, is_hidden, text_of
from a11y_audit.model import Impact

# Skip-link wording in en, de, fr, es, nl, it ("Skip to main content", "Zum Inhalt springen",
# "Aller au contenu", "Saltar al contenido", "Naar de inhoud", "Vai al contenuto").
_SKIP_TEXT = re.compile(
    r"\bskip\b|\bjump to\b|springen|zum (?:haupt)?inhalt|au contenu|aller au|al contenido|"
    r"saltar|naar (?:de )?(?:hoofd)?inhoud|al contenuto",
    re.IGNORECASE,
)


class BrokenSkipLink(PageCheck):
    meta = CheckMeta(
        id="broken-skip-link",
        title="Skip link moves to the content",
        failure_title="Skip link target does not exist",
        description=(
            "Keyboard and switch users rely on the skip link to get past the header and menu on "
            "every page; when its target is missing, activating it does nothing. Point the link's "
            'fragment at the id of the main content (href="#content" and <main id="content">), '
            "and keep that id when templates change."
        ),
        wcag=("2.4.1",),
        impact=Impact.SERIOUS,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return [
            link
            for link in page.elements("//a[@href]")
            if _same_page_fragment(link, page) is not None
            and (_SKIP_TEXT.search(text_of(link)) or "skip" in (link.get("class") or "").lower())
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        fragment = _same_page_fragment(element, page) or ""
        if not fragment:
            return failed("the skip link's href is just '#': point it at the main content's id")
        targets = page.root.xpath("//*[@id=$f] | //a[@name=$f]", f=fragment)
        if not targets:
            return failed(f"no element has id={fragment!r}, so the skip link goes nowhere")
        if is_hidden(targets[0]):
            return cant_tell(
                f"the target #{fragment} is hidden: check that the link moves focus to the content"
            )
        return passed()


def _same_page_fragment(link: HtmlElement, page: Page) -> str | None:
    """The decoded fragment of a link to this same page, or None for links elsewhere."""
    href = (link.get("href") or "").strip()
    if "#" not in href:
        return None
    if destination(href, page.url) != destination("", page.url):
        return None
    return unquote(urlsplit(href).fragment)
