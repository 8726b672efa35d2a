"""Iframes with the same accessible name that show clearly different content (ACT rule 4b1c6c).

WCAG 4.1.2 asks that a frame's name says what it holds (H64: the title of a frame describes
its content); screen readers list frames by name, so two frames called "List of
contributors" that hold different documents leave users unable to tell which is which. The
rule's expectation: iframes of one web page (nested frames included) in the accessibility tree
whose names match (case and runs of whitespace ignored) embed the same resource or equivalent
resources. Equivalent resources may differ in address, navigation, layout, amount and wording
of information (the rule passes two different advertisements named "advertising"), so only
what cannot be equivalent fails.

Reads the `frames` artifact (a11y_audit/browser/gatherers/frames.py). For each frame of a set
with a matching name, against every other frame of the set:
- the same address after redirects (about: documents such as srcdoc excepted: they share one
  address whatever they hold), or the same rendered text: the same or an equivalent resource;
- two loaded, fully read documents that both show text and share no word (of three or more
  characters: shorter ones, such as "a" or "of", any two texts share; not for scripts written
  without spaces, whose words cannot be told apart): not equivalent (no key content in
  common; the same content in another language is not equivalent either, per the rule's
  definition), so the frame fails;
- anything else (a cross-origin frame, whose document the page cannot read; texts that overlap;
  a frame with no text, such as a video or map): a person compares what the frames show.
https://www.w3.org/WAI/WCAG21/Understanding/name-role-value.html
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from a11y_audit.artifacts.frames import ShownFrame
from a11y_audit.artifacts.kinds import FRAMES
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.dom import normalise_space
from a11y_audit.model import Impact

_WORD = re.compile(r"\w{3,}")
"""Words of three or more characters: shorter ones (a, of, to, in) are words any two texts share."""
_UNSPACED = re.compile("[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff]")
"""Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer, Japanese,
Chinese): their runs of letters are phrases, which two equivalent texts need not share."""
_SHORT_TEXT = 80


def words(text: str) -> frozenset[str]:
    """The distinct words of three or more characters of a text, case-folded."""
    return frozenset(_WORD.findall(text.casefold()))


def _same_resource(first: ShownFrame, second: ShownFrame) -> bool:
    """One address after redirects (not about:, whose documents differ under one address), or
    one rendered text."""
    if first["url"] and first["url"] == second["url"] and not first["url"].startswith("about:"):
        return True
    return (
        first["readable"]
        and second["readable"]
        and normalise_space(first["text"]) == normalise_space(second["text"])
    )


def _clearly_different(first: ShownFrame, second: ShownFrame) -> bool:
    """Not the same resource, both documents loaded and fully read, both show text, and no word
    is common to them."""
    if _same_resource(first, second) or not all(
        frame["readable"] and frame["complete"] and not frame["truncated"] for frame in (first, second)
    ):
        return False
    if _UNSPACED.search(first["text"] + second["text"]):
        return False
    first_words, second_words = words(first["text"]), words(second["text"])
    return bool(first_words and second_words) and not first_words & second_words


def _shown(frame: ShownFrame) -> str:
    text = normalise_space(frame["text"])
    text = text if len(text) <= _SHORT_TEXT else text[: _SHORT_TEXT - 1] + "…"
    return f"{frame['url'] or 'no address'} ({text!r})" if frame["readable"] else frame["url"] or "no address"


def frame_verdict(frame: ShownFrame, others: Sequence[ShownFrame]) -> Verdict:
    """The verdict on one frame against the other frames with a matching name."""
    name = frame["name"]
    for other in others:
        if _clearly_different(frame, other):
            return failed(
                f"this iframe and {other['selector']} are both named {name!r} but show documents with no "
                f"word in common: {_shown(frame)} and {_shown(other)}; give each frame a name that says "
                "what it holds"
            )
    unsure = [other for other in others if not _same_resource(frame, other)]
    if not unsure:
        return passed(f"the iframes named {name!r} show the same document")
    return cant_tell(
        f"this iframe shows {_shown(frame)} and {unsure[0]['selector']} shows {_shown(unsure[0])}, both "
        f"named {name!r}: check that they serve the same purpose, or give each a name that says what it holds"
    )


def verdicts(frames: Sequence[ShownFrame]) -> dict[Target, Verdict]:
    """Verdicts on the frames that share a matching name with another frame."""
    by_name: dict[str, list[ShownFrame]] = defaultdict(list)
    for frame in frames:
        by_name[normalise_space(frame["name"]).casefold()].append(frame)
    found: dict[Target, Verdict] = {}
    for group in by_name.values():
        for index, frame in enumerate(group):
            if len(group) > 1:
                found.setdefault(
                    Target(frame["selector"], frame["snippet"]),
                    frame_verdict(frame, group[:index] + group[index + 1 :]),
                )
    return found


class IframeSameNameDifferentContent(WholePageCheck):
    meta = CheckMeta(
        id="iframe-same-name-different-content",
        title="Iframes with the same name show equivalent content",
        failure_title="Iframes with the same name show different content",
        description=(
            "Screen readers list and announce frames by their name, so two frames both called "
            "'Video' or 'Contributors' that show different things cannot be told apart. Give each "
            "iframe a title (or aria-label) that says what it holds. Frames whose documents share "
            "no word fail; frames that only differ in wording, navigation or layout, and frames "
            "from other origins, are left for a person to compare."
        ),
        wcag=("4.1.2",),
        impact=Impact.SERIOUS,
        requires=("dom", FRAMES),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(FRAMES)["frames"])
