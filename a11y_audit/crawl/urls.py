"""URL validation and canonicalisation for the crawler.

One canonical spelling per page lets the frontier deduplicate links and the report name pages.
"""

from __future__ import annotations

import enum
import re
from urllib.parse import (
    SplitResult,
    quote_plus,
    unquote,
    unquote_plus,
    urljoin,
    urlsplit,
    urlunsplit,
)

from w3lib.url import canonicalize_url

from a11y_audit.errors import UsageError

HTTP_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only feed analytics or ad attribution; they never change page content,
# so every variant of a link carrying them is the same page. A trailing "*" matches a prefix.
TRACKING_PARAMETERS: tuple[str, ...] = (
    "utm_*",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "__hsfp",
    "__hssc",
    "__hstc",
    "_openstat",
    "dclid",
    "ef_id",
    "fbclid",
    "gbraid",
    "gclid",
    "gclsrc",
    "hsctatracking",
    "igshid",
    "irclickid",
    "li_fat_id",
    "mc_cid",
    "mc_eid",
    "mkt_tok",
    "msclkid",
    "oly_anon_id",
    "oly_enc_id",
    "rb_clickid",
    "s_kwcid",
    "srsltid",
    "ttclid",
    "twclid",
    "vero_id",
    "wbraid",
    "yclid",
)
_TRACKING_EXACT = frozenset(p for p in TRACKING_PARAMETERS if not p.endswith("*"))
_TRACKING_PREFIXES = tuple(p[:-1] for p in TRACKING_PARAMETERS if p.endswith("*"))

# Extensions whose links lead to downloads or assets, never to an HTML page worth auditing.
NON_HTML_EXTENSIONS = frozenset(
    {
        # documents and data
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "ppt",
        "pptx",
        "odt",
        "ods",
        "odp",
        "rtf",
        "csv",
        "tsv",
        "txt",
        "epub",
        "ics",
        "vcf",
        "xml",
        "json",
        "rss",
        "atom",
        "rdf",
        "yaml",
        "yml",
        # images
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "avif",
        "svg",
        "bmp",
        "ico",
        "tif",
        "tiff",
        "heic",
        "heif",
        "psd",
        # audio and video
        "mp3",
        "mp4",
        "m4a",
        "m4v",
        "mov",
        "avi",
        "wmv",
        "webm",
        "ogg",
        "ogv",
        "oga",
        "wav",
        "flac",
        "aac",
        "mkv",
        "mpg",
        "mpeg",
        "3gp",
        "m3u8",
        # archives, packages and executables
        "zip",
        "gz",
        "tgz",
        "bz2",
        "xz",
        "7z",
        "rar",
        "tar",
        "dmg",
        "exe",
        "msi",
        "apk",
        "iso",
        "deb",
        "rpm",
        "bin",
        # fonts and front-end assets
        "woff",
        "woff2",
        "ttf",
        "otf",
        "eot",
        "css",
        "js",
        "mjs",
        "map",
        "wasm",
    }
)

_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# A scheme-like prefix followed by a digit is a port ("localhost:8000"), not a scheme.
_SCHEME_NOT_PORT_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?!\d)")
_FILE_EXTENSION_RE = re.compile(r"\.([A-Za-z0-9]{1,8})$")
# Java servlet containers put the session id in the path when cookies are not yet set.
_JSESSIONID_RE = re.compile(r";jsessionid=[^/;]*", re.IGNORECASE)
_HOST_LABEL_RE = re.compile(r"^[a-z0-9_-]{1,63}$")
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_MAX_SHOWN = 120


class TrailingSlash(enum.Enum):
    """What to do with a trailing "/" on a path, for sites that serve both spellings."""

    KEEP = "keep"
    STRIP = "strip"
    ADD = "add"


def parse_start_url(text: str) -> str:
    """Validate a URL the user typed and return its canonical form.

    Raises UsageError with a one-line message naming the problem and the fix, because a bad
    start URL is the most common way a crawl goes wrong before it begins.
    """
    candidate = text.strip()
    if not candidate:
        raise UsageError("empty URL — give a full address such as https://example.com/")
    if any(ch.isspace() or not ch.isprintable() for ch in candidate):
        raise _bad_url(
            text,
            "it contains spaces or control characters",
            "remove them or percent-encode them (a space is %20)",
        )
    scheme = _SCHEME_NOT_PORT_RE.match(candidate)
    if scheme is None:
        raise _bad_url(text, "the scheme is missing", _with_https(candidate))
    if scheme.group(1).lower() not in HTTP_SCHEMES:
        rest = candidate.partition("://")[2] or "example.com"
        raise _bad_url(text, "scheme must be http or https", _with_https(rest))
    _check_authority(text, candidate)
    try:
        return canonicalize(candidate)
    except ValueError:
        host = urlsplit(candidate).hostname
        raise _bad_url(text, f"'{host}' is not a valid host name", "check the spelling") from None


def canonicalize(url: str, trailing_slash: TrailingSlash = TrailingSlash.KEEP) -> str:
    """Return the one spelling of an http(s) URL used for deduplication and reporting.

    w3lib's canonicalize_url does host case, IDNA, IPv6, percent-encoding and dot-segment
    normalisation of scheme, authority and path: it is well tested against the URL standard's
    odd cases. The query is done here instead, because w3lib sorts parameters by key *and
    value*, which reorders repeated keys ("sort=price&sort=name") and can change the page;
    here the sort is by key only and stable. Default ports, tracking parameters and
    ";jsessionid=" path parameters are also removed here, as w3lib keeps them.
    Raises ValueError for anything that is not an absolute http(s) URL with a valid host.
    """
    parts = _split_http(url)
    scheme = parts.scheme.lower()
    path = _JSESSIONID_RE.sub("", parts.path)
    base = urlsplit(canonicalize_url(urlunsplit((scheme, _netloc(parts, scheme), path, "", ""))))
    if not _is_valid_host(base.hostname or ""):
        raise ValueError(f"invalid host in URL: {url!r}")
    path = _apply_trailing_slash(base.path, trailing_slash)
    return urlunsplit((base.scheme, base.netloc, path, _clean_query(parts.query), ""))


def origin(url: str) -> str:
    """Return "scheme://host[:port]" (default port dropped), the unit of crawl scope."""
    canonical = urlsplit(canonicalize(url))
    host_port = canonical.netloc.rpartition("@")[2]
    return f"{canonical.scheme}://{host_port}"


def resolve(base: str, href: str) -> str | None:
    """Join a link target to the page it appears on; None when it is not an http(s) page.

    Leading/trailing spaces and embedded tabs/newlines are dropped first, as browsers do, so
    hrefs copied from HTML attributes resolve the way a click would.
    """
    cleaned = href.strip(_C0_AND_SPACE).translate(_TAB_OR_NEWLINE)
    scheme = _SCHEME_RE.match(cleaned)
    if scheme is not None and scheme.group(1).lower() not in HTTP_SCHEMES:
        return None
    try:
        joined = urljoin(base, cleaned)
        _split_http(joined)
    except ValueError:  # e.g. "http://[broken"
        return None
    return joined


def looks_non_html(url: str) -> bool:
    """Whether the path's extension says the link is a download or an asset, not a page.

    Lets the crawler skip PDFs, images or feeds without spending a browser page load on them.
    Paths without an extension, or with page-like ones (.html, .php, .aspx...), are False.
    """
    try:
        path = urlsplit(url).path
    except ValueError:  # e.g. "http://[broken": not a page either way
        return False
    last_segment = unquote(path).rpartition("/")[2]
    match = _FILE_EXTENSION_RE.search(last_segment)
    return match is not None and match.group(1).lower() in NON_HTML_EXTENSIONS


def _split_http(url: str) -> SplitResult:
    """Split an absolute http(s) URL, raising ValueError when it is not one or has a bad port."""
    parts = urlsplit(url.strip(_C0_AND_SPACE).translate(_TAB_OR_NEWLINE))
    if parts.scheme.lower() not in HTTP_SCHEMES:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if not parts.hostname:
        raise ValueError(f"no host in URL: {url!r}")
    if parts.port == 0:
        raise ValueError("Port out of range 1-65535")
    return parts


def _netloc(parts: SplitResult, scheme: str) -> str:
    """Rebuild user info, host and port, leaving out the scheme's default port."""
    userinfo, at, _ = parts.netloc.rpartition("@")
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    port_text = "" if port is None or port == DEFAULT_PORTS[scheme] else f":{port}"
    return f"{userinfo}{at}{host}{port_text}"


def _apply_trailing_slash(path: str, policy: TrailingSlash) -> str:
    """Apply the trailing-slash policy; the root and, for ADD, file-like paths are left alone."""
    if policy is TrailingSlash.KEEP or path == "/":
        return path
    if policy is TrailingSlash.STRIP:
        return path.rstrip("/") or "/"
    last_segment = path.rpartition("/")[2]
    if path.endswith("/") or _FILE_EXTENSION_RE.search(last_segment):
        return path
    return path + "/"


def _clean_query(query: str) -> str:
    """Drop tracking parameters, sort the rest by key (stable), and normalise their encoding.

    Undecodable bytes survive via surrogateescape, so a Latin-1 query is not corrupted.
    A parameter written without "=" keeps that spelling, as some servers tell them apart.
    """
    pairs = [_decode_pair(part) for part in query.split("&") if part]
    kept = [pair for pair in pairs if not _is_tracking(pair[0])]
    kept.sort(key=lambda pair: pair[0])
    return "&".join(_encode_pair(key, value) for key, value in kept)


def _decode_pair(part: str) -> tuple[str, str | None]:
    key, equals, value = part.partition("=")
    decoded_value = _unquote_component(value) if equals else None
    return _unquote_component(key), decoded_value


def _encode_pair(key: str, value: str | None) -> str:
    if value is None:
        return _quote_component(key)
    return f"{_quote_component(key)}={_quote_component(value)}"


def _unquote_component(text: str) -> str:
    return unquote_plus(text, encoding="utf-8", errors="surrogateescape")


def _quote_component(text: str) -> str:
    return quote_plus(text, safe="", encoding="utf-8", errors="surrogateescape")


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in _TRACKING_EXACT or lowered.startswith(_TRACKING_PREFIXES)


def _is_valid_host(host: str) -> bool:
    """Accept IP literals and DNS names whose (IDNA-encoded) labels are well formed.

    Underscores are allowed: browsers load such hosts and some intranets use them.
    """
    if ":" in host:  # IPv6, already validated by urlsplit
        return True
    labels = host.removesuffix(".").split(".")
    return len(host) <= 253 and all(_HOST_LABEL_RE.match(label) for label in labels)


def _with_https(rest: str) -> str:
    """Suggest the full URL for an address typed without a (usable) scheme, e.g. example.com."""
    rest = rest.lstrip("/")
    suggestion = f"https://{rest}" if "/" in rest else f"https://{rest}/"
    if len(suggestion) > _MAX_SHOWN:
        return "start it with https://"
    return f"write it as {suggestion}"


def _check_authority(text: str, candidate: str) -> None:
    """Reject a missing host, a malformed IPv6 literal or a port outside 1-65535."""
    try:
        parts = urlsplit(candidate)
    except ValueError:
        raise _bad_url(
            text, "the host is not a valid IPv6 address", "write it like http://[::1]:8000/"
        ) from None
    if not parts.hostname:
        raise _bad_url(text, "the host name is missing", "write it as https://example.com/")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise _bad_url(
            text,
            "the port must be a number from 1 to 65535",
            "write it as https://example.com:8443/ or leave the port out",
        )


def _bad_url(text: str, problem: str, fix: str) -> UsageError:
    return UsageError(f"invalid URL {_shown(text)}: {problem} — {fix}")


def _shown(text: str) -> str:
    """Quote user input on one line: control characters escaped, very long input shortened."""
    escaped = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    if len(escaped) > _MAX_SHOWN:
        escaped = escaped[: _MAX_SHOWN - 1] + "…"
    return f"'{escaped}'"
