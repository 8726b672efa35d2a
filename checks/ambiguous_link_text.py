"""Links whose text ("click here", "more", "mehr", "en savoir plus") does not say where they go.

WCAG 2.4.4 lets a link's purpose come from its text *or* its programmatically determined
context: the sentence, paragraph, list item or table cell around it, or the heading before
it (H80). So a generic name is only a certain failure (F63, F84) when another link with
the same name and the same context (often none) goes elsewhere, as in ACT rule fd3a94;
otherwise a person must judge whether the context is enough.
https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import accessible_name, is_hidden, link_destination, normalise_space, text_of
from a11y_audit.model import Impact

# Names that say "there is a link" but not where it goes, in the store languages we
# audit (en, de, fr, es, nl, it). Compared after lower-casing and stripping punctuation
# and arrows, so "Read more »" and "MORE…" match too.
GENERIC_NAMES = frozenset(
    {
        # en
        "click here", "click", "here", "this", "this link", "link", "more", "read more",
        "learn more", "more info", "more information", "info", "details", "view details",
        "see details", "see more", "view more", "view", "show more", "continue",
        "continue reading", "shop now", "buy now", "order now", "go", "discover",
        "discover more", "find out more", "explore", "start", "open", "download",
        # de
        "hier", "hier klicken", "klicken sie hier", "mehr", "weiter", "weiterlesen",
        "mehr erfahren", "mehr lesen", "mehr infos", "mehr informationen", "jetzt kaufen",
        "jetzt shoppen", "jetzt entdecken", "entdecken", "zum artikel", "ansehen",
        # fr
        "ici", "cliquez ici", "cliquer ici", "plus", "lire la suite", "en savoir plus",
        "voir plus", "voir", "détails", "suite", "acheter", "acheter maintenant",
        "découvrir", "je découvre", "j'en profite",
        # es
        "aquí", "aqui", "haga clic aquí", "haz clic aquí", "clic aquí", "más", "mas",
        "leer más", "ver más", "más información", "saber más", "detalles", "comprar",
        "comprar ahora", "descubrir", "descubre",
        # nl
        "klik hier", "meer", "lees meer", "lees verder", "verder lezen", "meer info",
        "meer informatie", "bekijk", "bekijken", "nu kopen", "koop nu", "ontdek",
        # it
        "clicca qui", "qui", "leggi di più", "scopri di più", "scopri", "dettagli",
        "acquista ora",
    }
)  # fmt: skip

_DECORATION = re.compile(r"[\s\u00bb\u00ab\u203a\u2039\u2192\u2190>.…:!?()\[\]|/+-]+")
# Where 2.4.4 finds programmatically determined link context: the enclosing sentence,
# paragraph, list item or table cell (Understanding 2.4.4), else the preceding heading (H80).
_CONTEXT_TAGS = ("p", "li", "td", "th", "dd")
_HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading'"


def phrase(name: str) -> str:
    """A link name compared as words: lower case, without arrows, dots and brackets."""
    return normalise_space(_DECORATION.sub(" ", name.lower()))


def generic(name: str) -> bool:
    """Whether a link name is one of the generic phrases."""
    return phrase(name) in GENERIC_NAMES


class AmbiguousLinkText(PageCheck):
    meta = CheckMeta(
        id="ambiguous-link-text",
        title="Link text identifies where the link goes",
        failure_title="Link text does not identify where the link goes",
        description=(
            "Screen-reader users often move through a page by its list of links, and speech-input "
            "users say a link's text to follow it: several links all called 'More' or 'Click here' "
            "leave them guessing. Write link text that names the destination ('Read more about "
            "linen care'), or put the link in a sentence, list item or table cell that does, or "
            "extend its accessible name with visually hidden text or aria-label."
        ),
        wcag=("2.4.4",),
        impact=Impact.SERIOUS,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return [
            link
            for link in page.elements("//a[@href] | //*[@role='link']")
            if not is_hidden(link) and generic(text_of(link))
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        name = accessible_name(element)
        if not generic(name):
            return passed(f"accessible name {name!r} says where the link goes")
        context = link_context(element)
        here = link_destination(element, page.url)
        # ACT rule fd3a94: links with the same name and the same context must serve the
        # same purpose; if they go to different pages, nothing lets a user tell them apart.
        clashes = {
            link_destination(other, page.url)
            for other in page.elements("//a[@href]")
            if other is not element
            and not is_hidden(other)
            and phrase(accessible_name(other)) == phrase(name)
            and link_context(other) == context
        } - {here}
        if clashes:
            where = f"the same context ({context!r})" if context else "no context"
            return failed(
                f"{len(clashes) + 1} links named {name!r} with {where} go to different pages; "
                "the sentence, list item, table cell or heading around them does not tell them apart"
            )
        if context:
            return cant_tell(
                f"link text {name!r} is generic; check that its context ({context!r}) says where it goes"
            )
        return cant_tell(
            f"link text {name!r} is generic and nothing in the markup around it says where it "
            "goes; check whether nearby text makes its purpose clear"
        )


def link_context(link: HtmlElement) -> str:
    """Text of the link's programmatically determined context, without the link's own text."""
    root = link.getroottree().getroot()
    described = " ".join(
        text_of(node)
        for ident in (link.get("aria-describedby") or "").split()
        for node in root.xpath("//*[@id=$ident]", ident=ident)
    )
    if normalise_space(described):
        return normalise_space(described)
    for ancestor in link.iterancestors(*_CONTEXT_TAGS):
        text = _without(text_of(ancestor), text_of(link))
        if text:
            return text
    heading = link.xpath(f"preceding::*[{_HEADINGS}][1]")
    return text_of(heading[0]) if heading else ""


def _without(context: str, own: str) -> str:
    return normalise_space(context.replace(own, " ", 1))
