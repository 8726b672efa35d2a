"""Links whose text ("click here", "more", "mehr", "en savoir plus") does not say where they go.

WCAG 2.4.4 lets a link's purpose come from its text *or* its programmatically determined
context, so a generic name fails only where there is no such context at all (ACT rule
5effbb, failures F63 and F84). A name that is only the file format of the link's target
("PDF" or "EPUB" to a file of that type) is generic in the same way: it says how a
document comes, not which one (Understanding 2.4.4's list of books in "HTML, PDF, mp3"
relies on the list item naming the book). The context is what ACT's definition names: the closest
block container around the link (a paragraph, div, list item or cell: the element's
default display, or an inline `display` style), every list item around it, the table cell
and its header cells, and what aria-describedby points to; plus, since technique H80 makes
it sufficient, a heading before the link. A link with a generic name and none of these
fails; with any of them a person must judge whether the context says enough (needs
review). The body is a context only through its own inline text: the whole page is not
the context of a link.

Several links with the same generic name, the same context and different destinations
(ACT rule fd3a94) are needs review too: different addresses may still be equivalent
resources (the same content, or the same purpose), which only a person can tell.
https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

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

# Names that only give the file format of the link's target ("PDF", "EPUB", "Plain text"), by
# the file name extensions the target must have for the name to say nothing else: a format
# says how a document comes, not which document it is (WCAG's own example of a list of
# books in "HTML, PDF, mp3" relies on the list item naming the book).
FILE_FORMATS: dict[str, tuple[str, ...]] = {
    "pdf": ("pdf",), "epub": ("epub",), "mobi": ("mobi",), "plain text": ("txt",), "text": ("txt",),
    "txt": ("txt",), "rtf": ("rtf",), "word": ("doc", "docx"), "doc": ("doc",), "docx": ("docx",),
    "excel": ("xls", "xlsx"), "xls": ("xls",), "xlsx": ("xlsx",), "csv": ("csv",), "odt": ("odt",),
    "ods": ("ods",), "zip": ("zip",), "mp3": ("mp3",), "mp4": ("mp4",),
}  # fmt: skip

_DECORATION = re.compile(r"[\s\u00bb\u00ab\u203a\u2039\u2192\u2190>.…:!?()\[\]|/+-]+")
# Elements whose default display generates a block container (HTML's rendering section).
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "legend", "li", "main", "menu", "nav", "ol", "p",
        "pre", "section", "summary", "td", "th", "ul",
    }
)  # fmt: skip
_DISPLAY = re.compile(r"display\s*:\s*([a-z-]+)", re.IGNORECASE)
_INLINE_DISPLAYS = frozenset({"inline", "contents", "none"})
_LINKS = "//a[@href] | //area[@href] | //*[@role='link']"
_HEADINGS = "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading'"


def phrase(name: str) -> str:
    """A link name compared as words: lower case, without arrows, dots and brackets."""
    return normalise_space(_DECORATION.sub(" ", name.lower()))


def generic(name: str) -> bool:
    """Whether a link name is one of the generic phrases."""
    return phrase(name) in GENERIC_NAMES


def format_only(name: str, href: str) -> bool:
    """Whether a link name is only the file format of the link's target: a name of
    FILE_FORMATS and a target path with that extension ("report.pdf", "4300.epub.images").
    A format name leading elsewhere ("HTML" or "CSV" to a page about that format) may be
    the page's topic, so it does not count."""
    extensions = FILE_FORMATS.get(phrase(name))
    if not extensions:
        return False
    path = urlsplit(href).path
    return re.search(rf"\.({'|'.join(extensions)})(\.|/|$)", path, re.IGNORECASE) is not None


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
            for link in page.elements(_LINKS)
            if _is_link(link)
            and (generic(text_of(link)) or format_only(text_of(link), link.get("href") or ""))
        ]

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        name = accessible_name(element)
        only_format = format_only(name, element.get("href") or "")
        if not generic(name) and not only_format:
            return passed(f"accessible name {name!r} says where the link goes")
        context = link_context(element)
        if not context:
            what = (
                "names only the file format, not which document it is"
                if only_format
                else "does not say where the link goes"
            )
            return failed(
                f"link text {name!r} {what}, and nothing around it does: no sentence, paragraph, list "
                "item, table cell or heading gives it context"
            )
        here = link_destination(element, page.url)
        block = _block(element)
        others = {
            link_destination(other, page.url)
            for other in page.elements(_LINKS)
            if other is not element
            and _is_link(other)
            and _block(other) is block
            and phrase(accessible_name(other)) == phrase(name)
        } - {here}
        if others:
            return cant_tell(
                f"{len(others) + 1} links named {name!r} in the same context ({context!r}) go to "
                "different addresses: check that they lead to the same content or purpose, else name "
                "them apart"
            )
        return cant_tell(
            f"link text {name!r} is generic; check that its context ({context!r}) says where it goes"
        )


def _is_link(element: HtmlElement) -> bool:
    """A link in the accessibility tree: a or area with href and no other role, or role=link."""
    role = (element.get("role") or "").split()
    return (not role or role[0] == "link") and not is_hidden(element)


def link_context(element: HtmlElement) -> str:
    """Text of the link's programmatically determined context, without the link's own text.

    aria-describedby, every list item around the link, its closest block container (only
    the inline text of body), a table cell with its header cells, or else the heading before it.
    """
    root = element.getroottree().getroot()
    own = text_of(element)
    parts = [
        text_of(node)
        for ident in (element.get("aria-describedby") or "").split()
        for node in root.xpath("//*[@id=$ident]", ident=ident)
    ]
    parts += [_without(text_of(item), own) for item in element.iterancestors("li")]
    block = _block(element)
    if block is not None:
        parts.append(_without(_inline_text(block) if block.tag == "body" else text_of(block), own))
    cell = next(element.iterancestors("td", "th"), None)
    if cell is not None:
        parts += [_without(text_of(cell), own), *_header_texts(cell)]
    context = normalise_space(" ".join(parts))
    if context:
        return context
    heading = element.xpath(f"preceding::*[{_HEADINGS}][1]")
    return text_of(heading[0]) if heading else ""


def _block(element: HtmlElement) -> HtmlElement | None:
    """The closest ancestor that generates a block container, by tag or inline display style."""
    for ancestor in element.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        display = _DISPLAY.search(ancestor.get("style") or "")
        if display:
            if display.group(1).lower() not in _INLINE_DISPLAYS:
                return ancestor
        elif ancestor.tag in _BLOCKS:
            return ancestor
    return None


def _inline_text(block: HtmlElement) -> str:
    """The text directly in a block, leaving out the blocks nested in it."""
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in _BLOCKS and not is_hidden(child):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return normalise_space(" ".join(parts))


def _header_texts(cell: HtmlElement) -> list[str]:
    """Header cells of a data cell: those its headers attribute names, else every th of its
    table (more than the cells HTML assigns to it: more context means fewer failures)."""
    root = cell.getroottree().getroot()
    named = [
        text_of(node)
        for ident in (cell.get("headers") or "").split()
        for node in root.xpath("//*[@id=$ident]", ident=ident)
    ]
    if named:
        return named
    table = next(cell.iterancestors("table"), None)
    return [text_of(th) for th in table.iter("th") if th is not cell] if table is not None else []


def _without(context: str, own: str) -> str:
    """The context without the link's own words, nor those of links of the same name beside it."""
    if not own:
        return normalise_space(context)
    return normalise_space(re.sub(rf"(?<!\w){re.escape(own)}(?!\w)", " ", context))
