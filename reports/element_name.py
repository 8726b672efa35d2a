"""A few words that name an element for a person: `button "Add to basket"`, `select[name="language"]`.

Findings carry the element's selector and HTML snippet (axe's outerHTML, or the opening tag
our gatherers describe), not its accessible name, so the name is approximated from the
snippet the way browsers compute most names: `aria-label`, then the content of elements named
by their content (links, buttons, headings, cells; an image's `alt` inside counts), then
`alt`, an input button's `value`, `title`. Form fields are not named by their content (a
select's content is its options) and often have no name at all, which is what many findings
are about: a field is then described by its `name` attribute (`select[name="sort_by"]`),
anything else without a name by its id or the last step of its selector, with the tag in
front (`.ml-2` is `button.ml-2`). The root element is `the page`. A generic element (div, p,
span) is described by its text: not its accessible name, but what a person sees it say.
The snippet is untrusted and parsed only as text, never rendered.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import NamedTuple

from a11y_audit.reports.text import plain

__all__ = ["ElementName", "describe_element"]

NAME_CHARS = 40
SELECTOR_CHARS = 48
# Elements (and roles) whose accessible name comes from their content (HTML-AAM, ARIA 1.2).
_NAMED_BY_CONTENT = frozenset(
    {"a", "button", "summary", "label", "legend", "caption", "option", "th", "td", "li", "dt", "dd"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "div", "strong", "em", "b", "i", "small"}
)
_ROLES_NAMED_BY_CONTENT = frozenset(
    {"button", "link", "tab", "menuitem", "menuitemcheckbox", "menuitemradio", "option", "heading"}
    | {"cell", "columnheader", "rowheader", "switch", "checkbox", "radio", "treeitem", "tooltip"}
)
_FIELDS = frozenset({"input", "select", "textarea", "button"})
_INPUT_BUTTONS = frozenset({"button", "submit", "reset"})
_PAGE_ROOTS = frozenset({"html", "body"})
_NOT_TEXT = frozenset({"script", "style", "template", "noscript", "svg", "select", "textarea"})
_COMBINATORS = frozenset(" >+~")


class ElementName(NamedTuple):
    """An element in a few words; `exact` when they come from the element itself (its name,
    `name` or id), not from the selector axe chose for it, which differs from page to page."""

    text: str
    exact: bool


def describe_element(selector: str, snippet: str) -> ElementName:
    """The element in a few words (each part bounded; the caller escapes it)."""
    parsed = _Snippet.of(snippet)
    tag = parsed.tag or _selector_tag(selector)
    if tag in _PAGE_ROOTS:
        return ElementName("the page", exact=True)
    name = parsed.name()
    if name and tag:
        return ElementName(f'{tag} "{plain(name, NAME_CHARS)}"', exact=True)
    return _unnamed(tag, parsed.attributes, selector)


def _unnamed(tag: str, attributes: dict[str, str], selector: str) -> ElementName:
    """A field by its `name` (stable, and what its form posts), else the element by its id,
    else by the last step of its selector, with the tag in front."""
    field_name = plain(attributes.get("name", ""), NAME_CHARS) if tag in _FIELDS else ""
    identifier = plain(attributes.get("id", ""), NAME_CHARS)
    if field_name:
        return ElementName(f'{tag}[name="{field_name}"]', exact=True)
    if identifier and tag:
        return ElementName(f"{tag}#{identifier}", exact=True)
    step = plain(_last_step(selector), SELECTOR_CHARS)
    if not step or not tag or _selector_tag(step) == tag:
        return ElementName(step or tag, exact=False)
    return ElementName(tag + step if step[0] in "#.[:" else f"{tag} {step}", exact=False)


class _Snippet(HTMLParser):
    """The first element of a snippet: its tag, attributes and the text it contains."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = ""
        self.attributes: dict[str, str] = {}
        self.text: list[str] = []
        self._skipping = 0

    @classmethod
    def of(cls, snippet: str) -> _Snippet:
        parser = cls()
        parser.feed(snippet)
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if not self.tag:
            self.tag, self.attributes = tag, values
            return
        if tag in _NOT_TEXT:
            self._skipping += 1
        elif tag == "img" and not self._skipping:
            self.text.append(values.get("alt", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_TEXT and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.tag and not self._skipping:
            self.text.append(data)

    def name(self) -> str:
        """The accessible name as far as the snippet tells it ("" when it has none)."""
        get = self.attributes.get
        content = " ".join(" ".join(self.text).split())
        by_content = self.tag in _NAMED_BY_CONTENT or get("role", "").strip() in _ROLES_NAMED_BY_CONTENT
        button_value = get("value", "") if self.tag == "input" and get("type", "") in _INPUT_BUTTONS else ""
        for candidate in (
            get("aria-label", ""),
            content if by_content else "",
            get("alt", "") if self.tag in ("img", "area", "input") else "",
            button_value,
            get("title", ""),
        ):
            if candidate.strip():
                return candidate
        return ""


def _selector_tag(selector: str) -> str:
    step = _last_step(selector)
    end = next((index for index, char in enumerate(step) if not char.isalnum()), len(step))
    return step[:end].lower()


def _last_step(selector: str) -> str:
    """The last compound selector: after frames (>>>), shadow roots (>>) and combinators,
    outside brackets, quotes and parentheses (`a[title="Blue bag"]` is one step)."""
    depth, quote, start = 0, "", 0
    for index, char in enumerate(selector):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth = max(0, depth - 1)
        elif depth == 0 and char in _COMBINATORS:
            start = index + 1
    return selector[start:].strip()
