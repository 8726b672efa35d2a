"""Audio and video that may lack captions, audio description or a text alternative (WCAG 1.2.x).

Prerecorded audio needs a transcript (1.2.1); video without sound needs a transcript or an
audio alternative (1.2.1); video with sound needs captions (1.2.2) and audio description
(1.2.3, and at AA 1.2.5), unless the media is itself an alternative for text on the page and
labelled so (ACT rules e7aa44, c3232f, eac66b, c5a4ea, 1ec09b).

None of this can be settled from the DOM, so the check never fails: captions and audio
description may be burned into the picture and the soundtrack (open captions, a voice-over),
a transcript may be anywhere on the page or behind a link, whether a video has sound at all
is in the media file, and whether any of it is accurate needs someone who watches and
listens. It reports each playable `audio` and visible `video` as needs review, with what it
found to start from: caption, subtitle and description tracks (browsers do not voice
description tracks, technique H96), the autoplay/muted/loop/controls attributes, text the
element points to with aria-describedby, links or buttons on the page that name a
transcript or an audio-described version, and other audio elements that may be an audio
alternative. Hidden media (by markup) and `audio` that neither autoplays nor shows controls
(nothing visible plays it, unless a script does) are not judged.
https://www.w3.org/WAI/WCAG21/Understanding/audio-only-and-video-only-prerecorded.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, passed
from a11y_audit.judge.dom import is_hidden, normalise_space, text_of
from a11y_audit.model import Impact

_ALTERNATIVE_WORDS = re.compile(
    r"transcri|text version|text alternative|audio[- ]?descri|described version|"
    r"mitschrift|textfassung|textversion|audiodeskription|h[öo]rfassung|"
    r"version texte|audiodescription|versi[óo]n (?:de )?texto|audiodescripci[óo]n|"
    r"tekstversie|audiobeschrijving|trascrizione|audiodescrizione",
    re.IGNORECASE,
)
"""Words naming a transcript or an audio-described version, in the shop languages we meet."""
_MEDIA_URL = re.compile(
    r"\.(mp4|webm|ogg|ogv|oga|mp3|m4a|m4v|mov|wav|aac|flac|m3u8|mpd)(\?|#|$)", re.IGNORECASE
)
"""A media file named in any attribute: lazy players keep the source in data-src and the like."""
_STREAM = re.compile(r"\.m3u8(\?|$)|^blob:|\.mpd(\?|$)", re.IGNORECASE)
_NAMED_LIMIT = 3
_QUOTE_LIMIT = 60


class MediaWithoutAlternative(PageCheck):
    meta = CheckMeta(
        id="media-without-alternative",
        title="Audio and video have captions, audio description or a text alternative",
        failure_title="Audio or video may lack captions, audio description or a transcript",
        description=(
            "Deaf shoppers need captions and a transcript, blind shoppers an audio description of what a "
            "video shows. Give prerecorded audio a transcript; give video with sound captions (a captions "
            "track or open captions) and audio description (a described version, or a voice-over that "
            "describes what is shown); give video without sound a transcript or an audio track; or label "
            "the media as an alternative for text on the page. The check lists each playable audio and "
            "visible video with its tracks, the text it points to and transcript links on the page for a "
            "person to verify: captions burned into the picture, description in the soundtrack and "
            "accuracy cannot be judged from the page's code."
        ),
        wcag=("1.2.1", "1.2.2", "1.2.3", "1.2.5"),
        impact=Impact.SERIOUS,
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        return _playable(page)

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        kind = str(element.tag)
        if not _sources(element) and not any(_MEDIA_URL.search(value) for value in element.values()):
            return passed(f"the {kind} has no source (src, source or a data- URL): nothing plays")
        found = [*_attributes(element), *_tracks(element), *_described_by(element), *_on_page(element, page)]
        summary = "; ".join(found) if found else "no tracks, no transcript link and no description found"
        if element.tag == "audio":
            ask = (
                "check that a transcript on the page or behind a link gives everything the audio says, or "
                "that the audio is labelled as an alternative for text on the page (1.2.1)"
            )
        else:
            ask = (
                "if the video has sound, check that it has accurate captions (1.2.2) and that what it shows "
                "is described, in the soundtrack, a described version or a transcript (1.2.3, 1.2.5); if it "
                "has none, check for a transcript or an audio alternative (1.2.1); unless it is labelled as "
                "an alternative for text on the page"
            )
        live = any(_STREAM.search(source) for source in _sources(element))
        return cant_tell(
            f"{kind}: {summary}. {ask[0].upper()}{ask[1:]}"
            + (". If it is a live stream, 1.2.4 asks for live captions instead" if live else "")
        )


def _playable(page: Page) -> list[HtmlElement]:
    """Visible video, and audio that autoplays or shows its controls (hidden by markup aside)."""
    return [
        media
        for media in page.elements("//video | //audio")
        if not is_hidden(media)
        and (media.tag == "video" or media.get("autoplay") is not None or media.get("controls") is not None)
    ]


def _sources(media: HtmlElement) -> list[str]:
    return [src for src in [media.get("src"), *(source.get("src") for source in media.iter("source"))] if src]


def _attributes(media: HtmlElement) -> list[str]:
    present = [name for name in ("autoplay", "muted", "loop", "controls") if media.get(name) is not None]
    return [f"attributes {', '.join(present)}"] if present else []


def _tracks(media: HtmlElement) -> list[str]:
    """Its text tracks by kind; a track without kind is subtitles (HTML)."""
    found: list[str] = []
    for track in media.iter("track"):
        kind = (track.get("kind") or "subtitles").strip().lower()
        language = track.get("srclang") or track.get("label") or ""
        note = " (browsers do not voice these: not an audio description)" if kind == "descriptions" else ""
        where = f" ({language})" if language else ""
        found.append(f"a {kind} track{where}{note}")
    return found


def _described_by(media: HtmlElement) -> list[str]:
    root = media.getroottree().getroot()
    texts = []
    for ident in (media.get("aria-describedby") or "").split():
        nodes = root.xpath("//*[@id=$ident]", ident=ident)
        text = text_of(nodes[0]) if nodes else ""
        if text:
            texts.append(_quoted(text))
    return [f"aria-describedby text {', '.join(texts)}"] if texts else []


def _on_page(media: HtmlElement, page: Page) -> list[str]:
    """Links and buttons naming a transcript or described version; other audio elements."""
    named = [
        _quoted(text)
        for control in page.elements("//a[@href] | //button | //summary | //*[@role='button']")
        if not is_hidden(control) and _ALTERNATIVE_WORDS.search(text := text_of(control))
    ]
    found = [f"on the page: {', '.join(named[:_NAMED_LIMIT])}"] if named else []
    others = [audio for audio in _playable(page) if audio.tag == "audio" and audio is not media]
    if media.tag == "video" and others:
        found.append(f"{len(others)} audio element(s) on the page (an audio alternative?)")
    return found


def _quoted(text: str) -> str:
    text = normalise_space(text)
    return repr(text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…")
