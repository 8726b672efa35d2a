"""The WCAG 4.1.1 Parsing errors of a page's served HTML, each with its line and column.

4.1.1 asks that "elements have complete start and end tags, elements are nested according to
their specifications, elements do not contain duplicate attributes, and any IDs are unique"
(failures F70, F77; techniques H74, H93, H94). The WHATWG parser defines what every other
mistake means, so only these classes count here:

- **tag not complete**: a start tag missing a character that ends it or its attribute (a
  stray quote, a missing `>`, an attribute with `=` and no value, a quote never closed);
- **duplicate attribute**: one start tag names an attribute twice (the browser keeps the
  first value and drops the other);
- **duplicate id**: two elements of the served markup share an id (inside <template> and, as
  the browser runs scripts, inside <noscript> there are no elements);
- **nesting**: tags the parser had to repair because they do not nest as written: misnested
  formatting elements (`<b><i></b></i>`), end tags that close nothing or close an element
  that still has open children, elements left open at the end, elements that may not be
  inside another (`<a>` in `<a>`, `<form>` in `<form>`, a `<div>` directly in a `<table>`,
  HTML inside `<svg>`), and `/>` on an element that is not void (`<div/>` does not close it).

Never counted: end tags the specification lets an author omit (`</p>`, `</li>`, `</td>`,
`</html>`...: the parser reports nothing for them), the doctype, comments, character
references, unknown elements and attributes, encoding, and tags after `</body>` or between
`</head>` and `<body>`, which the parser puts where they were written, next to their
neighbours.

html5lib (html5lib-modern, pure Python, the WHATWG tree-construction algorithm, run with
scripting on as Chromium runs) reports the parse errors; duplicate ids are counted from its
start tag tokens, not from the tree, which repeats a misnested formatting element's id when
it clones the element. Why html5lib-modern: the maintained fork (2024) of html5lib (last
release 2020), MIT, no dependencies, about 1.4 MB, and it names every WHATWG parse error
with its position (about 45 ms CPU for a 70 KB page); justhtml reported none of the
duplicate attribute, unclosed-at-end, <a>-in-<a> or table errors in our comparison;
html5-parser exposes no errors and must share lxml's libxml2 build; the Nu HTML Checker
needs Java, which a user's machine may not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import html5lib
from html5lib.constants import tokenTypes
from html5lib.html5parser import HTMLParser

__all__ = ["ParseProblem", "ParsedSource", "ProblemClass", "SourceId", "id_selector", "parse_served"]

MAX_PROBLEMS = 200
"""Problems kept per page: a page broken from its top repeats one mistake hundreds of times."""

_NESTING_CODES = frozenset(
    {
        "unexpected-end-tag",
        "unexpected-start-tag",
        "unexpected-start-tag-implies-end-tag",
        "unexpected-end-tag-treated-as",
        "expected-one-end-tag-but-got-another",
        "end-tag-too-early",
        "end-tag-too-early-named",
        "end-tag-too-early-ignored",
        "adoption-agency-1.1",
        "adoption-agency-1.3",
        "adoption-agency-4.4",
        "missing-end-tag",
        "missing-end-tags",
        "expected-closing-tag-but-got-eof",
        "expected-named-closing-tag-but-got-eof",
        "eof-in-table",
        "eof-in-select",
        "non-void-element-with-trailing-solidus",
        "unexpected-start-tag-implies-table-voodoo",
        "unexpected-end-tag-implies-table-voodoo",
        "unexpected-form-in-table",
        "unexpected-cell-in-table-body",
        "unexpected-cell-end-tag",
        "unexpected-end-tag-in-table-body",
        "unexpected-end-tag-in-table-row",
        "unexpected-select-in-select",
        "unexpected-input-in-select",
        "unexpected-start-tag-in-select",
        "unexpected-end-tag-in-select",
        "unexpected-table-element-start-tag-in-select-in-table",
        "unexpected-table-element-end-tag-in-select-in-table",
        "unexpected-html-element-in-foreign-content",
    }
)
"""html5lib's error codes for tags that do not nest or close as written (see the docstring).
Not adoption-agency-1.2, an end tag of a formatting element that an earlier end tag closed
(`</i>` in `<b><i>x</b></i>`): that earlier end tag is the mistake, already reported."""
_INCOMPLETE = "the page ends inside this tag (a quote never closed, or a missing >)"
_TAG_CODES = {
    "duplicate-attribute": "",
    "invalid-character-in-attribute-name": 'a quote, "<" or "=" where an attribute name belongs '
    "(a stray quote, or a missing >)",
    "unexpected-character-in-unquoted-attribute-value": 'a quote or "<" inside an unquoted attribute value',
    "expected-attribute-value-but-got-right-bracket": 'an attribute with "=" and no value',
    "eof-in-tag-name": _INCOMPLETE,
    "eof-in-attribute-name": _INCOMPLETE,
    "expected-attribute-name-but-got-eof": _INCOMPLETE,
    "expected-end-of-tag-name-but-got-eof": _INCOMPLETE,
    "expected-attribute-value-but-got-eof": _INCOMPLETE,
    "eof-in-attribute-value-double-quote": _INCOMPLETE,
    "eof-in-attribute-value-single-quote": _INCOMPLETE,
    "eof-in-attribute-value-no-quotes": _INCOMPLETE,
    "unexpected-EOF-after-solidus-in-tag": _INCOMPLETE,
}
"""Errors inside one tag, read from the tag being tokenised: a duplicate attribute, and the
tokenizer's errors for a tag missing a character that ends it or its attribute (a quote, >).
Not counted: a missing space between attributes or a stray "/": browsers read both as meant."""
_AT_END = frozenset({"expected-closing-tag-but-got-eof", "expected-named-closing-tag-but-got-eof"})
_END_OPTIONAL = frozenset(
    {"html", "body", "head", "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc"}
    | {"tbody", "thead", "tfoot", "tr", "td", "th", "colgroup", "caption"}
)
"""Elements the parser closes silently: never the element left open by a mistake."""
_NAME_KEYS = ("name", "gotName", "startName", "originalName")
"""Where html5lib's error data names the tag, by error."""
_INERT = frozenset({"template", "noscript"})
"""Open elements whose content is no part of the document (template) or is text (noscript)."""
_PLAIN_ID = re.compile(r"[A-Za-z][\w-]*")
_DIGITS = re.compile(r"\d+")


class ProblemClass(StrEnum):
    """The kinds of 4.1.1 error."""

    DUPLICATE_ATTRIBUTE = "duplicate attribute"
    INCOMPLETE_TAG = "tag not complete"
    DUPLICATE_ID = "duplicate id"
    NESTING = "tags not nested or closed as written"


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """One 4.1.1 error of the served markup."""

    kind: ProblemClass
    code: str
    """html5lib's error code ("adoption-agency-1.3"), or "duplicate-id"."""
    tag: str
    """The element concerned: the repeated attribute's element, the stray end tag's name, the
    element left open."""
    line: int
    column: int
    """1-based, where the parser noticed (just after the tag concerned)."""
    where: str
    """A selector of the nearest element in the served markup: `#id > b > i`."""
    detail: str
    """The error in words a developer can act on."""
    source_line: str
    """The served line, trimmed around the column."""
    ident: str | None = None
    """The repeated value, for a duplicate id."""

    @property
    def key(self) -> str:
        """What the same template's mistake shares on every page, for grouping: class, code,
        tag and where it is, with digits (generated ids, counts) removed. Not the source line:
        on a minified page one line is the whole page, full of product data."""
        return _DIGITS.sub("#", f"{self.kind.value}: {self.code} <{self.tag}> at {self.where}")


@dataclass(frozen=True, slots=True)
class SourceId:
    """An id of the served markup, where its start tag ends."""

    value: str
    tag: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class ParsedSource:
    """What the served markup says about 4.1.1: its errors, and the ids used once."""

    problems: tuple[ParseProblem, ...]
    """In source order, at most MAX_PROBLEMS."""
    unique_ids: tuple[SourceId, ...]


def parse_served(html: str) -> ParsedSource:
    """The 4.1.1 errors and unique ids of `html`, the source as the server sent it."""
    source = html.replace("\r\n", "\n").replace("\r", "\n")
    parser = _RecordingParser()
    parser.parse(source, scripting=True)
    lines = source.split("\n")
    counted = [record for record in parser.records if record.code in _COUNTED_CODES]
    kept = [
        record for index, record in enumerate(counted) if not index or not _same(counted[index - 1], record)
    ]
    problems = [_problem(record, lines) for record in kept]
    uses: dict[str, list[SourceId]] = {}
    for source_id in parser.ids:
        uses.setdefault(source_id.value, []).append(source_id)
    problems.extend(_duplicate_id(same, lines) for same in uses.values() if len(same) > 1)
    problems.sort(key=lambda problem: (problem.line, problem.column))
    unique = tuple(same[0] for same in uses.values() if len(same) == 1)
    return ParsedSource(tuple(problems[:MAX_PROBLEMS]), unique)


_COUNTED_CODES = _NESTING_CODES | _TAG_CODES.keys()


@dataclass(frozen=True, slots=True)
class _Record:
    code: str
    data: dict[str, Any]
    line: int
    column: int
    stack: tuple[tuple[str, str | None], ...]
    """(tag, id) of each open element, outermost first."""
    token: tuple[str, str, str | None] | None
    """For a duplicate attribute: (tag, attribute, id) of the start tag being read."""


class _RecordingParser(HTMLParser):
    """html5lib's parser noting, with each error, the open elements and the tag being read,
    and every start tag's id with its position (the tree cannot tell where an id came from)."""

    def __init__(self) -> None:
        super().__init__(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
        self.records: list[_Record] = []
        self.ids: list[SourceId] = []

    def parseError(self, errorcode: str = "XXX-undefined-error", datavars: Any = None) -> None:  # noqa: N802
        super().parseError(errorcode, datavars)
        stack = self._stack()
        if any(tag in _INERT for tag, _ in stack):
            return
        line, column = self.tokenizer.stream.position()
        token = self._token() if errorcode in _TAG_CODES else None
        self.records.append(_Record(errorcode, dict(datavars or {}), line, column + 1, stack, token))

    def mainLoop(self) -> None:  # noqa: N802
        self.tokenizer = _IdWatcher(self.tokenizer, self)  # type: ignore[assignment]
        super().mainLoop()

    def _stack(self) -> tuple[tuple[str, str | None], ...]:
        return tuple((str(node.name), _id_of(node.attributes)) for node in self.tree.openElements)

    def _token(self) -> tuple[str, str, str | None] | None:
        """(tag, last attribute, id) of the tag being read, which may still be a list of pairs."""
        token = self.tokenizer.currentToken
        if not isinstance(token, dict) or not token.get("name"):
            return None
        data: Any = token.get("data") or []
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        return str(token["name"]), str(pairs[-1][0]) if pairs else "", _id_of(data)


class _IdWatcher:
    """The tokenizer, passed through, noting each start tag's id and where it ended."""

    def __init__(self, tokenizer: Any, parser: _RecordingParser) -> None:
        object.__setattr__(self, "_tokenizer", tokenizer)
        object.__setattr__(self, "_parser", parser)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        # The parser switches the tokenizer's state (RAWTEXT after <noscript>, <style>...).
        setattr(self._tokenizer, name, value)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        start_tag = tokenTypes["StartTag"]
        for token in self._tokenizer:
            if token.get("type") == start_tag:
                ident = _id_of(token.get("data"))
                if ident and not any(tag in _INERT for tag, _ in self._parser._stack()):
                    line, column = self._tokenizer.stream.position()
                    self._parser.ids.append(SourceId(ident, str(token.get("name")), line, column + 1))
            yield token


def _id_of(attributes: Any) -> str | None:
    """The id of a token's attribute list (first value wins, as in the parser) or an element's dict."""
    if isinstance(attributes, dict):
        value = attributes.get("id")
        return value if isinstance(value, str) and value else None
    for name, value in attributes or ():
        if name == "id":
            return str(value) or None
    return None


def _problem(record: _Record, lines: list[str]) -> ParseProblem:
    tag, detail = _describe(record)
    # A start tag being read is not on the stack yet: it goes in the current node.
    where_stack = (
        record.stack if record.token is None else (*record.stack, (record.token[0], record.token[2]))
    )
    return ParseProblem(
        kind=_kind(record.code),
        code=record.code,
        tag=tag,
        line=record.line,
        column=record.column,
        where=_selector(where_stack),
        detail=detail,
        source_line=_excerpt(lines, record.line, record.column),
    )


def _same(before: _Record, record: _Record) -> bool:
    """The same error again in the same tag (a tag with two stray quotes is one mistake)."""
    if record.token is None or before.token is None:
        return False
    return (before.code, before.line, before.token[0], before.token[2]) == (
        record.code,
        record.line,
        record.token[0],
        record.token[2],
    )


def _kind(code: str) -> ProblemClass:
    if code == "duplicate-attribute":
        return ProblemClass.DUPLICATE_ATTRIBUTE
    return ProblemClass.INCOMPLETE_TAG if code in _TAG_CODES else ProblemClass.NESTING


def _describe(record: _Record) -> tuple[str, str]:
    """The tag concerned and the error in words."""
    data, code = record.data, record.code
    name = str(
        data.get("name") or data.get("gotName") or data.get("startName") or data.get("originalName") or ""
    )
    current = record.stack[-1][0] if record.stack else "html"
    if code in _TAG_CODES:
        tag, attribute, _ = record.token or (current, "", None)
        if code != "duplicate-attribute":
            return tag, f"<{tag}> is not complete: {_TAG_CODES[code]}"
        return tag, f'<{tag}> has the attribute "{attribute}" twice; browsers keep the first value only'
    if code in _AT_END:
        left_open = next((tag for tag, _ in reversed(record.stack) if tag not in _END_OPTIONAL), current)
        return left_open, f"<{left_open}> is never closed: the page ends with it still open"
    if code.startswith("adoption-agency"):
        return (
            name,
            (f"</{name}> closes <{name}> while elements opened inside it are still open (misnested tags)"),
        )
    if code == "non-void-element-with-trailing-solidus":
        return name, f"<{name}/> does not close <{name}>: what follows ends up inside it"
    open_tags = [tag for tag, _ in record.stack]
    if code in {"end-tag-too-early", "end-tag-too-early-named", "expected-one-end-tag-but-got-another"}:
        if name in open_tags:
            return current, f"</{name}> comes while <{current}> inside it is still open"
        return name, f"</{name}> closes no open <{name}> here"
    if code == "unexpected-start-tag-implies-end-tag":
        end = str(data.get("endName") or name)
        return name, f"<{name}> inside <{end}> is not allowed: the parser closes <{end}> first"
    if "voodoo" in code or code == "unexpected-form-in-table":
        return (
            name or current,
            f"<{name or current}> is not allowed directly in a table: the browser moves it out",
        )
    if code == "unexpected-html-element-in-foreign-content":
        return name, f"<{name}> inside SVG or MathML: the browser closes the SVG/MathML before it"
    if "end-tag" in code:
        return name, f"</{name}> closes no open <{name}> here"
    return name or current, f"<{name or current}> may not be where it is: the parser ignores or moves it"


def _duplicate_id(uses: list[SourceId], lines: list[str]) -> ParseProblem:
    """One problem per repeated id value, at its second use, naming every line it is on."""
    second = uses[1]
    on_lines = ", ".join(str(use.line) for use in uses[:10])
    return ParseProblem(
        kind=ProblemClass.DUPLICATE_ID,
        code="duplicate-id",
        tag=second.tag,
        line=second.line,
        column=second.column,
        where=id_selector(second.value),
        detail=f'id="{second.value}" is on {len(uses)} elements (lines {on_lines}); an id must be unique',
        source_line=_excerpt(lines, second.line, second.column),
        ident=second.value,
    )


def id_selector(ident: str) -> str:
    """`#ident`, or `[id="..."]` for an id CSS cannot write after a #."""
    return f"#{ident}" if _PLAIN_ID.fullmatch(ident) else f'[id="{ident}"]'


def _selector(stack: tuple[tuple[str, str | None], ...]) -> str:
    """The nearest element as a CSS selector: from its closest ancestor-or-self with an id."""
    parts: list[str] = []
    for tag, ident in reversed(stack):
        if ident:
            parts.append(id_selector(ident))
            break
        parts.append(tag)
    return " > ".join(reversed(parts[:6])) if parts else "html"


def _excerpt(lines: list[str], line: int, column: int, width: int = 160) -> str:
    """The served line, trimmed to `width` characters around the column."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    start = max(0, min(column - width // 2, len(text) - width))
    return text[start : start + width].strip()
