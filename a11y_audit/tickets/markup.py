"""A tiny markup tree for ticket text, rendered as Markdown (GitHub, Redmine, files) or Jira wiki.

Ticket text mixes our words with page content (URLs, selectors, HTML snippets, axe messages),
which is untrusted: a product name like `<img onerror>`, `[click](javascript:...)` or `@team`
must reach the tracker as inert text, never as markup, a link or a mention. Building the text
as a tree and escaping at render time keeps that rule in one place per syntax: `Text` is escaped,
`Code` is a code span whose fence can never be closed by its content, and `Link` is emitted only
for plain http(s) URLs (anything else degrades to code).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Block",
    "Code",
    "CodeBlock",
    "Document",
    "Heading",
    "Items",
    "Link",
    "Paragraph",
    "Span",
    "Syntax",
    "Text",
    "render",
]

Syntax = Literal["markdown", "jira", "textile"]


@dataclass(frozen=True, slots=True)
class Text:
    """Plain words; every markup character is escaped."""

    value: str


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code: selectors, URLs, labels (shown verbatim, never interpreted)."""

    value: str


@dataclass(frozen=True, slots=True)
class Link:
    """A link to a trusted kind of target (WCAG Understanding, rule help); checked again on render."""

    label: str
    url: str


Span = Text | Code | Link


@dataclass(frozen=True, slots=True)
class Heading:
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[tuple[Span, ...], ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """Verbatim lines (an HTML snippet, an axe message)."""

    text: str


Block = Heading | Paragraph | Items | CodeBlock
Document = tuple[Block, ...]

_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]{}|\\^`\"']+$")
_WHITESPACE = re.compile(r"\s+")
# Characters that start Markdown (CommonMark + GitHub) inline markup: emphasis, code, links and
# images, HTML tags and entities, tables, strikethrough, math, @mentions and #references.
# Escaping only these keeps the raw text readable; "://" is broken up so no autolink forms,
# and a leading list, quote or heading marker is escaped where a block could start.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>!#|~&@$])")
_MARKDOWN_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_AUTOLINK = re.compile(r"(?i)://|\bwww\.")
# Jira wiki markup characters (text effects, tables, links, macros, lists, mentions).
_JIRA_SPECIAL = re.compile(r"([\\{}\[\]*_?\-+^~|!#@()])")
# Textile (Redmine's default formatting) and Redmine's own links that can load, link or notify:
# images !url!, links "text":url, [[wiki]], {{macros}}, #issue, @mention, spans, tables, HTML.
# Left readable: - + : ( ) ? which at worst strike through or underline a word. Checked
# against a real Redmine 5 (the rendered page has no image, link or mention from page content).
_TEXTILE_SPECIAL = re.compile(r"[&<>\"*_^~@!%|\[\]{}#=\\$`]")
_TEXTILE_TAG = re.compile(r"(?i)<(?=/?\s*(?:code|pre|notextile)\b)")


def render(document: Document, syntax: Syntax) -> str:
    """The document as one string in the tracker's syntax, blocks separated by a blank line."""
    return "\n\n".join(_block(block, syntax) for block in document) + "\n"


def _one_line(value: str) -> str:
    return _WHITESPACE.sub(" ", value).strip()


def _span(span: Span, syntax: Syntax) -> str:
    if isinstance(span, Link):
        if not _SAFE_URL.match(span.url):
            return _span(Text(span.label), syntax) + " " + _span(Code(span.url), syntax)
        label = _span(Text(span.label), syntax)
        return {
            "markdown": f"[{label}]({span.url})",
            "jira": f"[{label}|{span.url}]",
            "textile": f'"{label}":{span.url}',
        }[syntax]
    if isinstance(span, Code):
        return _CODE[syntax](_one_line(span.value) or " ")
    return _TEXT[syntax](_WHITESPACE.sub(" ", span.value))


def _markdown_text(text: str) -> str:
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda match: match.group(0).replace("/", "\\/").replace(".", "\\."), text)
    start = _MARKDOWN_BLOCK_START.match(text)
    if start:
        digits, marker = start.group(1) or "", start.group(2) or start.group(3)
        text = f"{digits}\\{marker}{text[start.end() :]}"
    return text


def _markdown_code(text: str) -> str:
    """A code span fenced by one more backtick than the longest run inside, so it cannot close early."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _jira_text(text: str) -> str:
    return _JIRA_SPECIAL.sub(r"\\\1", text)


def _jira_code(text: str) -> str:
    """Jira parses markup inside {{monospace}} too, so its content is escaped like text."""
    return "{{" + _jira_text(text) + "}}"


def _textile_text(text: str) -> str:
    """Numeric character references: Redmine keeps them as such in its HTML, so neither Textile
    nor Redmine's own links (#12, [[Wiki]], @user, commit:abc) see the characters they encode."""
    return _TEXTILE_SPECIAL.sub(lambda match: f"&#{ord(match.group(0))};", text)


def _textile_verbatim(text: str) -> str:
    """Redmine shows <code>/<pre> content verbatim (escaped), but a closing tag inside would end it:
    a zero-width space after "<" defuses every such tag."""
    return _TEXTILE_TAG.sub("<\u200b", text)


_TEXT: dict[str, Callable[[str], str]] = {
    "markdown": _markdown_text,
    "jira": _jira_text,
    "textile": _textile_text,
}
_CODE: dict[str, Callable[[str], str]] = {
    "markdown": _markdown_code,
    "jira": _jira_code,
    "textile": lambda text: f"<code>{_textile_verbatim(text)}</code>",
}


def _spans(spans: tuple[Span, ...], syntax: Syntax) -> str:
    return "".join(_span(span, syntax) for span in spans)


def _block(block: Block, syntax: Syntax) -> str:
    if isinstance(block, Heading):
        return ("### " if syntax == "markdown" else "h3. ") + _span(Text(block.text), syntax)
    if isinstance(block, Paragraph):
        return _spans(block.spans, syntax)
    if isinstance(block, Items):
        if syntax == "markdown":
            bullets = [f"{index}. " if block.numbered else "- " for index in range(1, len(block.items) + 1)]
        else:
            bullets = ["# " if block.numbered else "* "] * len(block.items)
        return "\n".join(
            bullet + _spans(item, syntax) for bullet, item in zip(bullets, block.items, strict=True)
        )
    text = block.text.rstrip()
    if syntax == "markdown":
        fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
        return f"{fence}text\n{text}\n{fence}"
    if syntax == "jira":  # {noformat} shows text verbatim; only its own closing tag must be defused
        return "{noformat}\n" + re.sub(r"(?i)\{noformat", r"\\{noformat", text) + "\n{noformat}"
    return f"<pre>\n{_textile_verbatim(text)}\n</pre>"
