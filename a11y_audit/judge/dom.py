"""Pure helpers over a parsed rendered DOM (lxml) that the engine and checks share.

The saved DOM has no computed styles, so "hidden" here means hidden by markup
(`hidden`, `aria-hidden`, inline `display:none`); accessible names follow the parts of
the W3C accname algorithm that markup alone decides.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin

import lxml.html
from cssselect import SelectorError
from lxml.html import HtmlElement

__all__ = [
    "accessible_name",
    "destination",
    "element_at",
    "hidden_by_markup",
    "hidden_from_sight",
    "is_hidden",
    "leads_to_a_document",
    "link_destination",
    "normalise_space",
    "parse_dom",
    "selector_for",
    "snippet",
    "text_of",
    "truncated",
]

SNIPPET_LIMIT = 600
_IDENT = re.compile(r"^-?[A-Za-z_][\w-]*$")
_SPACE = re.compile(r"\s+")
_NOT_RENDERED = frozenset({"script", "style", "template", "noscript", "head"})
_INLINE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse_dom(dom: str) -> HtmlElement:
    """The document element of a saved DOM (lxml is lenient, as browsers are).

    A blank DOM (a page that rendered nothing) parses as an empty document, as in a browser.
    """
    return lxml.html.document_fromstring(dom if dom.strip() else "<html></html>")


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace and trim, as accessible-name computation does."""
    return _SPACE.sub(" ", text).strip()


def element_at(root: HtmlElement, selector: str) -> HtmlElement | None:
    """The one element of the saved DOM a gatherer's selector (js/describe.js) names; None
    when it names none or several, or lxml cannot evaluate it: the page changed since the DOM
    was saved, and the saved DOM says nothing about that element."""
    try:
        found = root.cssselect(selector)
    except (SelectorError, ValueError):
        return None
    return found[0] if len(found) == 1 and isinstance(found[0], HtmlElement) else None


def is_hidden(element: HtmlElement) -> bool:
    """Hidden from everyone by markup on the element or an ancestor."""
    return any(hidden_by_markup(node) for node in element.iterancestors()) or hidden_by_markup(element)


def hidden_from_sight(element: HtmlElement) -> bool:
    """The element itself hides its subtree from the eye by markup (`hidden`, inline style);
    `aria-hidden` hides it from assistive technology only."""
    return element.get("hidden") is not None or bool(_INLINE_HIDDEN.search(element.get("style") or ""))


def hidden_by_markup(element: HtmlElement) -> bool:
    """The element itself hides its subtree by markup (`hidden`, `aria-hidden`, inline style).

    For walks that visit every node anyway, where `is_hidden` would climb the ancestors again.
    """
    return element.get("aria-hidden") == "true" or hidden_from_sight(element)


def text_of(element: HtmlElement, *, seen: bool = False) -> str:
    """Rendered text of an element's subtree, with image alt text, skipping hidden parts
    (with `seen`, only those hidden from sight: `aria-hidden` parts count as text)."""
    parts: list[str] = []
    _collect_text(element, parts, top=True, seen=seen)
    return normalise_space(" ".join(parts))


def _collect_text(element: HtmlElement, parts: list[str], *, top: bool = False, seen: bool = False) -> None:
    """Depth-first text; a descendant's aria-label stands for its content (accname step 2C)."""
    if not isinstance(element.tag, str) or element.tag in _NOT_RENDERED:
        return
    if hidden_from_sight(element) if seen else hidden_by_markup(element):
        return
    if element.tag == "img":
        parts.append(element.get("alt") or "")
    elif element.get("aria-label") and not top:
        parts.append(element.get("aria-label") or "")
        return
    parts.append(element.text or "")
    for child in element:
        _collect_text(child, parts, seen=seen)
        parts.append(child.tail or "")


def accessible_name(element: HtmlElement) -> str:
    """aria-labelledby, then aria-label, then content (with img alt), then title."""
    root = element.getroottree().getroot()
    labelledby = (element.get("aria-labelledby") or "").split()
    if labelledby:
        named = [_by_id(root, ident) for ident in labelledby]
        text = normalise_space(" ".join(text_of(node) for node in named if node is not None))
        if text:
            return text
    label = normalise_space(element.get("aria-label") or "")
    if label:
        return label
    if element.tag == "img":
        return normalise_space(element.get("alt") or "")
    return text_of(element) or normalise_space(element.get("title") or "")


def _by_id(root: HtmlElement, ident: str) -> HtmlElement | None:
    found = root.xpath("//*[@id=$ident]", ident=ident)
    return found[0] if found else None


def destination(reference: str, base_url: str) -> str:
    """A URL reference (href, form action) made absolute and without fragment: two links or
    forms with equal destinations do the same thing."""
    return urldefrag(urljoin(base_url, reference.strip())).url


def link_destination(link: HtmlElement, base_url: str) -> str:
    """Where a link goes (see destination)."""
    return destination(link.get("href") or "", base_url)


def leads_to_a_document(link: HtmlElement) -> bool:
    """Whether a link opens a document, not `#`, `#section` or `javascript:`.

    A menu toggle (`href="#"`) or an in-page jump resolves to each page's own URL, so
    comparing it across pages (navigation order, which pages share a site) would set one
    page's self-reference against another's.
    """
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith("#") and not href.lower().startswith("javascript:")


def snippet(element: HtmlElement) -> str:
    """The element's outer HTML, truncated like axe's node.html so reports stay small."""
    return truncated(lxml.html.tostring(element, encoding="unicode", with_tail=False))


def truncated(html: str) -> str:
    """A snippet cut to SNIPPET_LIMIT characters (with an ellipsis when cut)."""
    return html if len(html) <= SNIPPET_LIMIT else html[: SNIPPET_LIMIT - 1] + "…"


def selector_for(element: HtmlElement) -> str:
    """A CSS selector that matches exactly this element in its document.

    Prefers a unique #id; otherwise a child path of tag.class steps (with :nth-of-type
    where a tag repeats among siblings) up to the nearest ancestor with a unique id or a
    tag.class found once in the document (`main`, `nav.mega-menu`), or to <body>. Unique
    by construction, so it needs no selector engine to verify.
    """
    root = element.getroottree().getroot()
    steps: list[str] = []
    node: HtmlElement | None = element
    while node is not None:
        unique_id = _unique_id(root, node)
        if unique_id:
            steps.append(unique_id)
            break
        step = _step(node)
        if _once(root, node):
            steps.append(step.split(":nth-of-type")[0])
            break
        steps.append(step)
        if node.tag in ("body", "html", "head"):
            break
        node = node.getparent()
    return " > ".join(reversed(steps))


def _unique_id(root: HtmlElement, node: HtmlElement) -> str | None:
    ident = node.get("id")
    if not ident or len(root.xpath("//*[@id=$ident]", ident=ident)) != 1:
        return None
    return f"#{ident}" if _IDENT.match(ident) else f'[id="{ident}"]'


def _once(root: HtmlElement, node: HtmlElement) -> bool:
    """Whether the node's tag (and first class, as _step writes it) occurs once in the document."""
    tag = str(node.tag)
    if not _IDENT.match(tag):  # namespaced or odd tags: keep walking up
        return False
    classes = [name for name in (node.get("class") or "").split() if _IDENT.match(name)]
    if not classes:
        return len(root.xpath(f"//{tag}")) == 1
    query = f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), $cls)]"
    return len(root.xpath(query, cls=f" {classes[0]} ")) == 1


def _step(node: HtmlElement) -> str:
    tag = str(node.tag)
    if tag in ("body", "html", "head"):
        return tag
    classes = [name for name in (node.get("class") or "").split() if _IDENT.match(name)]
    step = tag + (f".{classes[0]}" if classes else "")
    parent = node.getparent()
    if parent is not None:
        same = [sibling for sibling in parent if sibling.tag == node.tag]
        if len(same) > 1:
            step += f":nth-of-type({same.index(node) + 1})"
    return step
