"""A complaint as received: .eml (multipart, HTML-only, forwarded chains), plain text, or flags.

Parsing never trusts the message: the raw size, the decoded text size and the MIME nesting
depth are bounded; unknown or lying charsets decode with replacement characters; attachments
are ignored (only text and forwarded messages are read); a header that decodes to CR/LF
(an encoded-word smuggling a second header) is refused. Names and addresses found in
headers are kept aside (`people`) so redaction can remove them from the text too.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import Message

import lxml.html

from a11y_audit.errors import UsageError

__all__ = ["MAX_DEPTH", "MAX_RAW_BYTES", "MAX_TEXT_CHARS", "Complaint", "from_text", "parse_message"]

MAX_RAW_BYTES = 10 * 1024 * 1024  # attachments count here, so more than the text limit
MAX_TEXT_CHARS = 2 * 1024 * 1024
MAX_DEPTH = 8
_HEADERS = ("from", "to", "cc", "reply-to", "sender", "subject")

# Inline forward separators (Gmail, Apple Mail, Outlook, Thunderbird; en/fr/es).
_FORWARD_MARKER = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:forwarded message|original message|message transféré|message d'origine|"
    r"mensaje reenviado|mensaje original)\s*-{2,}|begin forwarded message:|début du message réexpédié\s*:|"
    r"inicio del mensaje reenviado\s*:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Header lines quoted in a forwarded block: dropped from the text, names kept for redaction.
_QUOTED_HEADER = re.compile(
    r"^[ \t>]*(from|to|cc|date|sent|subject|reply-to|de|à|a|para|objet|asunto|envoyé|enviado|fecha|date)"
    r"[ \t]*:[ \t]*(.*)$",
    re.IGNORECASE,
)
_PERSON_HEADERS = {"from", "to", "cc", "reply-to", "de", "à", "a", "para"}


@dataclass(frozen=True, slots=True)
class Complaint:
    """What the customer said, before redaction.

    `description` is the innermost message of a forwarded chain (the customer's own words);
    `text` is every text part (support's notes too), searched for URLs and meaning; `links`
    are hrefs of HTML links; `people` are names and addresses from headers.
    """

    description: str
    text: str
    subject: str = ""
    links: tuple[str, ...] = ()
    people: tuple[str, ...] = field(default=())


def from_text(text: str, *, subject: str = "", links: tuple[str, ...] = ()) -> Complaint:
    """A plain-text complaint (file, stdin or --description): forward markers still split it."""
    if len(text) > MAX_TEXT_CHARS:
        raise UsageError(_too_big(f"{len(text) // 1024} KB of text"))
    sections, people = _split_forwarded(text)
    return Complaint(
        description=sections[-1].strip(),
        text="\n\n".join(sections).strip(),
        subject=subject,
        links=links,
        people=tuple(people),
    )


def parse_message(raw: bytes) -> Complaint:
    """Parse raw bytes: an RFC 5322 message when it has headers, plain text otherwise."""
    if len(raw) > MAX_RAW_BYTES:
        raise UsageError(_too_big(f"{len(raw) // (1024 * 1024)} MB"))
    if not _looks_like_email(raw):
        return from_text(raw.decode("utf-8", errors="replace"))
    message = email.message_from_bytes(raw, policy=email.policy.default)
    people: list[str] = []
    subject = _headers(message, people)
    parts: list[str] = []
    links: list[str] = []
    _walk(message, 0, parts, links, people)
    text = "\n\n".join(part for part in parts if part.strip())
    if len(text) > MAX_TEXT_CHARS:
        raise UsageError(_too_big(f"{len(text) // 1024} KB of text"))
    sections, quoted = _split_forwarded(text)
    return Complaint(
        description=sections[-1].strip() if sections else "",
        text="\n\n".join(sections).strip(),
        subject=subject,
        links=tuple(dict.fromkeys(links)),
        people=tuple(dict.fromkeys([*people, *quoted])),
    )


def _too_big(size: str) -> str:
    return (
        f"the message is too large ({size}; the limit is {MAX_TEXT_CHARS // (1024 * 1024)} MB of text "
        f"and {MAX_RAW_BYTES // (1024 * 1024)} MB in all): paste the customer's words into a text file"
    )


def _looks_like_email(raw: bytes) -> bool:
    """A header line first ("Name: value"), as in every .eml; anything else is plain text."""
    first = raw.lstrip()[:200].split(b"\n", 1)[0]
    return re.match(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]", first) is not None


def _headers(message: Message, people: list[str]) -> str:
    """The subject; From/To/Cc names and addresses go to `people`. CR/LF in a value is refused."""
    subject = ""
    for name in _HEADERS:
        for value in message.get_all(name) or ():
            text = str(value)
            if "\r" in text or "\n" in text:
                raise UsageError(
                    f"the message's {name.title()} header contains a line break (header injection): "
                    "forward the original message again, or paste its text into a file"
                )
            if name == "subject":
                subject = text
                continue
            for address in getattr(value, "addresses", ()):
                if isinstance(address, Address):
                    people.extend(item for item in (address.display_name, address.addr_spec) if item)
    return subject


def _walk(part: Message, depth: int, texts: list[str], links: list[str], people: list[str]) -> None:
    if depth > MAX_DEPTH:
        raise UsageError(
            f"the message nests MIME parts more than {MAX_DEPTH} deep: "
            "paste the customer's words into a text file"
        )
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        for inner in part.get_payload() or ():
            if isinstance(inner, Message):
                _headers(inner, people)
                _walk(inner, depth + 1, texts, links, people)
        return
    if part.is_multipart():
        children = [child for child in part.get_payload() if isinstance(child, Message)]
        if content_type == "multipart/alternative":
            children = _preferred(children, links)
        for child in children:
            _walk(child, depth + 1, texts, links, people)
        return
    if part.get_content_disposition() == "attachment" or part.get_content_maintype() != "text":
        return
    text = _decoded(part)
    if content_type == "text/html":
        text, hrefs = html_text(text)
        links.extend(hrefs)
    elif content_type != "text/plain":
        return
    texts.append(text)


def _preferred(children: list[Message], links: list[str]) -> list[Message]:
    """multipart/alternative: the plain text when there is one, else the richest (last) part.
    The HTML's links are still read: a customer's link text can hide its href."""
    plain = [child for child in children if child.get_content_type() == "text/plain"]
    for child in children:
        if plain and child.get_content_type() == "text/html":
            links.extend(html_text(_decoded(child))[1])
    return plain[:1] or children[-1:]


def _decoded(part: Message) -> str:
    """The part's text in its declared charset; unknown charsets and bad bytes never raise."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def html_text(markup: str) -> tuple[str, list[str]]:
    """Readable text of an HTML body (block elements on their own lines) and its links' hrefs."""
    if not markup.strip():
        return "", []
    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return markup, []
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    hrefs = [str(href).strip() for href in root.xpath("//a/@href") if str(href).strip()]
    for element in root.iter("br", "p", "div", "li", "tr", "h1", "h2", "h3", "blockquote"):
        element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(lines).strip(), hrefs


def _split_forwarded(text: str) -> tuple[list[str], list[str]]:
    """Sections of an inline-forwarded chain, outermost first, without their quoted header lines
    (whose person names and addresses are returned for redaction)."""
    people: list[str] = []
    sections = []
    for index, section in enumerate(_FORWARD_MARKER.split(text)):
        kept = []
        in_headers = index > 0
        for line in section.splitlines():
            quoted = _QUOTED_HEADER.match(line) if in_headers else None
            if quoted:
                if quoted.group(1).lower() in _PERSON_HEADERS:
                    people.extend(_names(quoted.group(2)))
                continue
            if in_headers and line.strip():
                in_headers = False
            kept.append(line.lstrip("> ") if index > 0 else line)
        sections.append("\n".join(kept).strip())
    return [section for section in sections if section] or [""], people


def _names(value: str) -> list[str]:
    """'Anna Kowalska <anna@x.example>, "B" <b@y>' -> names and addresses."""
    found = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", value)
    names = re.sub(r"<[^>]*>|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\"'\[\]()]", " ", value)
    found.extend(name.strip() for name in re.split(r"[,;]", names) if len(name.strip()) > 1)
    return found
