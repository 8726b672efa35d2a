"""Headings and form field labels that are placeholders or name the element, not its topic.

WCAG 2.4.6 asks headings and labels to describe their topic or purpose (ACT rules b49b2e
"Heading is descriptive" and cc0f0a "Form field label is descriptive"). Whether one does is
a human judgement of the content after the heading or of the field's visual context, so the
check judges only the names that cannot describe anything wherever they appear: template
leftovers ("Lorem ipsum", "Untitled", "Your text here") and the element's own role
("Heading", "H2", "Label", "Input field"); the word lists are in
a11y_audit.judge.placeholders, shared with image-alt-filename. A label fails only when the
field's other labels say nothing either: a field labelled "Field" and, by
aria-labelledby, "Email" is described. Empty headings and unlabelled fields are axe-core's
empty-heading and label rules.
https://www.w3.org/WAI/WCAG21/Understanding/headings-and-labels.html
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, failed, passed
from a11y_audit.judge.dom import accessible_name, is_hidden, text_of
from a11y_audit.judge.placeholders import HEADING_PLACEHOLDERS, LABEL_PLACEHOLDERS, placeholder_key
from a11y_audit.model import Impact

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADINGS = "//h1 | //h2 | //h3 | //h4 | //h5 | //h6 | //*[@role='heading']"
# Form fields (cc0f0a's applicability): native fields and the ARIA roles that take input.
_FIELDS = (
    "//input | //select | //textarea | //*[@role='textbox' or @role='combobox' or @role='searchbox' "
    "or @role='listbox' or @role='spinbutton' or @role='slider' or @role='checkbox' or @role='radio' "
    "or @role='switch' or @role='menuitemcheckbox' or @role='menuitemradio']"
)
_UNLABELLED_TYPES = frozenset({"hidden", "submit", "button", "reset", "image"})


class PlaceholderHeadingOrLabel(PageCheck):
    meta = CheckMeta(
        id="placeholder-heading-or-label",
        title="Headings and labels name their topic",
        failure_title="Heading or label is a placeholder",
        description=(
            "Screen-reader users skim a page by its headings and fill in forms by their labels; "
            "a heading 'Heading' or 'Lorem ipsum', or a field labelled 'Label' or 'Input', tells "
            "them nothing about the section or what to type, and usually means a template's "
            "default text was never replaced. Write the topic of the section or the purpose of "
            "the field. Other headings and labels are not judged: whether they describe their "
            "content takes a person."
        ),
        wcag=("2.4.6",),
        impact=Impact.SERIOUS,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        found = [
            heading
            for heading in page.elements(_HEADINGS)
            if _is_heading(heading) and accessible_name(heading)
        ]
        for field in page.elements(_FIELDS):
            found += [label for label in _labels(field) if text_of(label)]
        return list(dict.fromkeys(found))

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        if _is_heading(element):
            name = accessible_name(element)
            if placeholder_key(name) in HEADING_PLACEHOLDERS:
                return failed(
                    f"heading {name!r} says nothing about its section: name the topic of the content after it"
                )
            return passed("not a placeholder (whether it describes its section is a person's call)")
        text = text_of(element)
        if placeholder_key(text) not in LABEL_PLACEHOLDERS:
            return passed("not a placeholder (whether it describes the field is a person's call)")
        if any(_described(field) for field in _labelled_by(element)):
            return passed(f"label {text!r} says nothing, but the field's other label does")
        return failed(
            f"the field's label {text!r} says nothing about what to enter: name what the field asks for"
        )


def _is_heading(element: HtmlElement) -> bool:
    """A shown h1-h6 without another role, or an element with role=heading."""
    roles = (element.get("role") or "").split()
    if roles:
        return roles[0] == "heading" and not is_hidden(element)
    return element.tag in _HEADING_TAGS and not is_hidden(element)


def _labels(field: HtmlElement) -> list[HtmlElement]:
    """The field's programmatic labels that are shown: label elements and aria-labelledby targets."""
    if field.tag == "input" and (field.get("type") or "text").lower() in _UNLABELLED_TYPES:
        return []
    if is_hidden(field):
        return []
    root = field.getroottree().getroot()
    labels = list(field.iterancestors("label"))
    ident = field.get("id")
    if ident:
        labels += root.xpath("//label[@for=$ident]", ident=ident)
    for ref in (field.get("aria-labelledby") or "").split():
        labels += root.xpath("//*[@id=$ref]", ref=ref)
    return [label for label in labels if not is_hidden(label)]


def _labelled_by(label: HtmlElement) -> list[HtmlElement]:
    """The fields a label names: its for target, the field inside it, those that reference it."""
    root = label.getroottree().getroot()
    return [field for field in root.xpath(_FIELDS) if any(own is label for own in _labels(field))]


def _described(field: HtmlElement) -> bool:
    """Whether any of the field's labels says more than a placeholder."""
    return any(placeholder_key(text_of(label)) not in LABEL_PLACEHOLDERS for label in _labels(field))
