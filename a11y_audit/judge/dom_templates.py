"""Which template a page is built from, read from its rendered DOM rather than guessed from its URL.

A store's URLs say little about its templates: Oscar's category pages live at
`/catalogue/category/books_1/` and `/catalogue/category/books/fiction/fantasy_4/`, which URL
shapes split into four templates, while another store puts products and pages under one
`/pages/<handle>` scheme. What pages built from one template share is their element skeleton.

**Signature.** The set of root-to-node tag paths of the page's main content (`<main>` or
`role=main`, else `<body>`), each node labelled by its tag, its role, an input's type and its
class names without digits. Text, ids and attribute values are left out, and a set has no
counts, so 3 or 30 list items, a long or short description, `product-123` give one signature;
the site's chrome (header, navigation, footer, complementary regions, scripts, SVG) is left
out, because it is the same on every page and would make every page look alike.

**Similarity.** Jaccard's index of two signatures. Pages of one template share most of their
paths (a product page with or without reviews, a listing of books or of shirts: 0.75 to 1 on
django-oscar), pages of different templates few (a product page against a listing: under 0.15;
a sign-in form against a password-reset form: 0.2). `SAME_TEMPLATE` = 0.6 sits in that gap.
The sets are small (tens to a few hundred distinct paths whatever the page's length), so the
exact index costs microseconds; MinHash or LSH would only pay off when comparing against
thousands of templates, which a store does not have, and would add their estimation error.

**Assignment** (`TemplateRegistry`), while crawling: a page joins the template it is most
similar to (at least `SAME_TEMPLATE`) among those of a compatible kind, else founds a new one.
Each template keeps a few representatives (its first `REPRESENTATIVES` members), so a page
costs O(templates) comparisons, never a comparison with every page seen. The page's kind
(a11y_audit.judge.page_types) is a hard boundary: pages of two different recognised kinds are
never one template; a page whose kind is not recognised (an out-of-stock product without a buy
box) joins by structure alone. When pages of one template are more alike than the
`SAME_TEMPLATE` and pages of different ones less, the partition does not depend on the order
the pages come in.

**Names** are given at evaluation from all the members (`template_names`), so they do not
depend on which page was crawled first: the kind most members show (else "page") and the URL
shape the members share (a11y_audit.judge.page_templates), or what their shapes have in
common. The crawler records an opaque key (`dom:<n>`) meanwhile.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from lxml.html import HtmlElement

from a11y_audit.judge.page_templates import template_for
from a11y_audit.judge.page_types import PageType, recognise
from a11y_audit.judge.sampling import sample_key
from a11y_audit.model import PageRecord

__all__ = [
    "DOM_KEY_PREFIX",
    "REPRESENTATIVES",
    "SAME_TEMPLATE",
    "PageShape",
    "TemplateRegistry",
    "dom_signature",
    "page_shape",
    "similarity",
    "template_names",
    "with_template_name",
]

SAME_TEMPLATE = 0.6
"""Least Jaccard index of two signatures for their pages to be one template."""
REPRESENTATIVES = 4
"""Signatures a template keeps to compare new pages with (its first distinct members)."""
DOM_KEY_PREFIX = "dom:"

_SKIPPED_TAGS = frozenset(
    {
        "header", "nav", "footer", "aside", "script", "style", "noscript", "template", "svg", "iframe",
        "link", "meta",
    }
)  # fmt: skip
_CHROME_ROLES = frozenset({"banner", "navigation", "contentinfo", "complementary"})
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class PageShape:
    """What template assignment needs of one page: its kind (None: not recognised) and signature."""

    kind: str | None
    signature: frozenset[str]


def page_shape(root: HtmlElement, url: str) -> tuple[PageShape, PageType]:
    """A parsed page's shape for template assignment, and its kind with the signals for it."""
    page_type = recognise(root, url)
    return PageShape(page_type.kind, dom_signature(root)), page_type


def dom_signature(root: HtmlElement) -> frozenset[str]:
    """The set of tag paths of the page's main content (see the module docstring)."""
    content = next(iter(root.xpath("//main | //*[@role='main']")), None)
    if content is None:
        content = root.find("body")
    if content is None:
        content = root
    paths: set[str] = set()
    stack: list[tuple[HtmlElement, str]] = [(content, _label(content))]
    while stack:
        node, path = stack.pop()
        paths.add(path)
        for child in node:
            if isinstance(child.tag, str) and not _is_chrome(child):
                stack.append((child, f"{path}/{_label(child)}"))
    return frozenset(paths)


def _is_chrome(element: HtmlElement) -> bool:
    return element.tag in _SKIPPED_TAGS or (element.get("role") or "").strip() in _CHROME_ROLES


def _label(element: HtmlElement) -> str:
    """Tag, role, input type and digit-free class names: what a template fixes, not the item."""
    parts = [str(element.tag)]
    role = (element.get("role") or "").strip()
    if role:
        parts.append(f"[{role}]")
    if element.tag == "input":
        parts.append(f"[{(element.get('type') or 'text').lower()}]")
    classes = sorted({name for name in (element.get("class") or "").split() if not _DIGIT.search(name)})
    parts.extend(f".{name}" for name in classes)
    return "".join(parts)


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard's index: shared paths over all paths (1.0 for two empty signatures)."""
    union = len(first | second)
    return len(first & second) / union if union else 1.0


@dataclass(slots=True)
class _Template:
    key: str
    kind: str | None
    representatives: list[frozenset[str]] = field(default_factory=list)


class TemplateRegistry:
    """Templates found so far in a crawl; `assign` gives a page its template's key.

    Not thread-safe: the crawler calls it under its lock (the comparisons are cheap; parsing
    the DOM into a `PageShape` happens outside it).
    """

    def __init__(self) -> None:
        self._templates: list[_Template] = []
        self._numbered = 0

    def assign(self, shape: PageShape) -> str:
        """The key of the most similar template of a compatible kind, or of a new one."""
        best, best_score = None, 0.0
        for template in self._templates:
            if shape.kind is not None and template.kind is not None and shape.kind != template.kind:
                continue
            score = max(similarity(shape.signature, known) for known in template.representatives)
            if score >= SAME_TEMPLATE and score > best_score:  # ties: the older template
                best, best_score = template, score
        if best is None:
            self._numbered += 1
            best = _Template(f"{DOM_KEY_PREFIX}{self._numbered}", shape.kind)
            self._templates.append(best)
        self.remember(best.key, shape)
        return best.key

    def remember(self, key: str, shape: PageShape) -> None:
        """Add a member's shape to a template (on resume: a journaled page's own key)."""
        template = next((known for known in self._templates if known.key == key), None)
        if template is None:
            template = _Template(key, shape.kind)
            self._templates.append(template)
            number = key.removeprefix(DOM_KEY_PREFIX)
            self._numbered = max(self._numbered, int(number) if number.isdigit() else 0)
        template.kind = template.kind or shape.kind
        known = template.representatives
        if len(known) < REPRESENTATIVES and shape.signature not in known:
            known.append(shape.signature)

    def wants(self, key: str) -> bool:
        """Whether a template (on resume) still lacks representatives."""
        template = next((known for known in self._templates if known.key == key), None)
        return template is None or len(template.representatives) < REPRESENTATIVES

    def __len__(self) -> int:
        return len(self._templates)


def template_names(records: Iterable[PageRecord]) -> dict[str, str]:
    """Readable names for the DOM templates of a run, from all their members: the same
    names whatever order the pages were crawled in (ties broken by the members' sample keys)."""
    members: dict[str, list[PageRecord]] = {}
    for record in records:
        if record.template_source == "dom" and record.template is not None and record.audited:
            members.setdefault(record.template, []).append(record)
    named: dict[str, str] = {}
    taken: Counter[str] = Counter()
    by_first_key = sorted(members.items(), key=lambda item: min(sample_key(r.url) for r in item[1]))
    for key, pages in by_first_key:
        name = _name(pages)
        taken[name] += 1
        named[key] = name if taken[name] == 1 else f"{name} ({taken[name]})"
    return named


def _name(pages: list[PageRecord]) -> str:
    """The kind most members show (ties by name; else "page") and the URL shape they share:
    one shape, two or three listed, or the path prefix more of them have in common."""
    kinds = Counter(page.page_type for page in pages if page.page_type is not None)
    kind = min(kinds, key=lambda name: (-kinds[name], name)) if kinds else "page"
    shapes = sorted({template_for(page.final_url or page.url) for page in pages})
    if len(shapes) <= 3:
        return f"{kind} {', '.join(shapes)}"
    split = [shape.split("/") for shape in shapes]
    common = []
    for segments in zip(*split, strict=False):
        if len(set(segments)) > 1:
            break
        common.append(segments[0])
    prefix = "/".join(common).rstrip("/")
    return f"{kind} {prefix}/…"


def with_template_name(record: PageRecord, names: Mapping[str, str]) -> PageRecord:
    """The record with its DOM template's readable name in place of the crawl's key."""
    name = names.get(record.template or "") if record.template_source == "dom" else None
    return record if name is None else replace(record, template=name)
