"""Controls whose accessible name does not contain their visible label (WCAG 2.5.3 Label in Name).

Reads the `label_in_name` artifact (a11y_audit/browser/gatherers/label_in_name.py): controls
with a widget role that takes its name from content (button, link, checkbox, tab, menu item...)
that show text and are named by aria-label or aria-labelledby. Speech-input users say the words
they see ("click Add to bag"); a name that lacks them leaves the control unreachable by voice.

The comparison is ACT rule 2ee8b8's label in name algorithm: both strings lose text in round
brackets, are case-folded and NFKD-normalised, every character that is not a letter or a digit
becomes a space (punctuation such as "…" or "-" and emoji do not count), and the label's words
must appear in the name as one contiguous run. A control whose label has no letter or digit
left passes (its label is non-text content). The rule does not apply where a word is an
abbreviation in one place and written out in the other (a short word with a full stop, "Ave." /
"Avenue"; capitals that are the initials of the other's words, "FAQ" / "Frequently asked
questions"), or spelt or hyphenated differently ("colour" / "color", "nonstandard" /
"non-standard"), and the algorithm cannot see text drawn as pictures: those cases, a label of
one letter (often a symbol: "X" for close), text in an icon font (a ligature such as "search"
drawn as a magnifying glass), and a label run together inside the name in a language written
without spaces (Chinese, Japanese, Thai...) are cantTell, for a person to compare what is seen
with what is spoken. Every other mismatch fails, as the algorithm says: words are whole ("Discover
It" is not in "Discover Italy"), spaced differently ("justice" / "just ice", "2021" / "20 21")
or in another order. axe-core's
label-content-name-mismatch rule, which counts punctuation and abbreviations as mismatches,
is reported as needs review only (a11y_audit/judge/axe_results.py): this check decides 2.5.3.
Controls outside the accessibility tree (inside aria-hidden="true" or inert content, such as
the page behind an open modal dialog) are inapplicable, as in the ACT rule.
https://www.w3.org/WAI/WCAG21/Understanding/label-in-name.html
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import LABEL_IN_NAME
from a11y_audit.artifacts.label_in_name import LabelledControl, LabelledControls
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import target_of
from a11y_audit.judge.dom import element_at, is_hidden
from a11y_audit.model import Impact

_PARENTHESISED = re.compile(r"\([^()]*\)")
_ABBREVIATED = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,4})\.")
"""A short word ended by a full stop ("Ave.", "St.", "Dr."): the common mark of an abbreviation."""
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_HYPHENS = re.compile("[\u002d\u00ad\u2010\u2011]")
_UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})
"""Languages written without spaces between words: splitting at whitespace does not find
their words, so a label run together inside the name is left for review."""
_SPELLING_DISTANCE = 2
"""Words this close ("colour" / "color") may be one word spelt two ways."""
_MIN_SPELT_LENGTH = 4


def tokens(text: str) -> list[str]:
    """The words of a label or name, as the label in name algorithm tokenises them."""
    previous = None
    while previous != text:
        previous, text = text, _PARENTHESISED.sub(" ", text)
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char if unicodedata.category(char)[0] in "LN" else " " for char in folded).split()


def contains(name: Sequence[str], label: Sequence[str]) -> bool:
    """Whether `label` is a contiguous run of `name` (an empty label always is)."""
    size = len(label)
    return any(list(name[start : start + size]) == list(label) for start in range(len(name) - size + 1))


def _edit_distance(first: str, second: str) -> int:
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        previous, row[0] = row[0], i
        for j, b in enumerate(second, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


def _abbreviates(short: str, word: str) -> bool:
    """`short` may abbreviate `word`: its letters in order, from the same first letter ("ave" /
    "avenue", "dr" / "doctor")."""
    if len(word) <= len(short) or word[0] != short[0]:
        return False
    letters = iter(word)
    return all(char in letters for char in short)


def _abbreviation(raw: str, other: Sequence[str]) -> str | None:
    """A word of `raw` that is an abbreviation the other string writes out: a short word ended
    by a full stop ("Ave." / "Avenue"), or capitals that are the initials of words of two or
    more letters ("FAQ" / "Frequently asked questions"; not "WCAG" / "W C A G", one word spaced
    out, which the algorithm fails)."""
    for match in _ABBREVIATED.finditer(raw):
        short = tokens(match.group(1))
        if short and short[0] not in other and any(_abbreviates(short[0], word) for word in other):
            return match.group(0)
    for match in _ACRONYM.finditer(raw):
        initials = match.group(0).casefold()
        runs = (other[start : start + len(initials)] for start in range(len(other) - len(initials) + 1))
        if initials not in other and any(
            all(len(word) > 1 for word in run) and "".join(word[0] for word in run) == initials
            for run in runs
        ):
            return match.group(0)
    return None


def _hyphenated_differently(label_text: str, name_text: str) -> bool:
    """The label is in the name once hyphens are dropped ("nonstandard" / "non-standard")."""
    return contains(tokens(_HYPHENS.sub("", name_text)), tokens(_HYPHENS.sub("", label_text)))


def _spelling_variant(label: Sequence[str], name: Sequence[str]) -> str | None:
    for word in label:
        if word not in name and len(word) >= _MIN_SPELT_LENGTH:
            for other in name:
                if len(other) >= _MIN_SPELT_LENGTH and _edit_distance(word, other) <= _SPELLING_DISTANCE:
                    return f"{word!r} / {other!r}"
    return None


def control_verdict(control: LabelledControl) -> Verdict:
    """The verdict on one control: its visible label against its accessible name."""
    label_text, name_text = control["label"], control["name"]
    label, name = tokens(label_text), tokens(name_text)
    shown = f"the visible label {label_text!r} and the accessible name {name_text!r}"
    if contains(name, label):
        return passed(f"{shown}: the label is part of the name")
    if control["iconFont"]:
        return cant_tell(
            f"{shown}: the label is drawn in an icon font, so its characters may be a picture; if a word "
            "is shown, it must be part of the name"
        )
    if len(label) == 1 and len(label[0]) == 1 and unicodedata.category(label[0])[0] == "L":
        return cant_tell(
            f"{shown}: a one-letter label is often a symbol ('X' for close); if it is a letter people "
            "would say, it must be part of the name"
        )
    unsure = (
        _abbreviation(label_text, name)
        or _abbreviation(name_text, label)
        or _spelling_variant(label, name)
        or ("hyphenation" if _hyphenated_differently(label_text, name_text) else None)
    )
    if (
        unsure is None
        and control["lang"].split("-")[0].casefold() in _UNSPACED
        and "".join(label) in "".join(name)
    ):
        unsure = "words not separated by spaces"
    if unsure:
        return cant_tell(
            f"{shown}: the words may be abbreviated, spelt, hyphenated or segmented differently ({unsure}); "
            "check that saying the visible words reaches the control"
        )
    return failed(
        f"{shown}: the name does not contain the visible words, so people who operate the page by "
        "voice and say what they see cannot reach this control; make the name contain the label, "
        "best at its start"
    )


def verdicts(artifact: LabelledControls, root: HtmlElement) -> dict[Target, Verdict]:
    """Each recorded control's verdict, but for controls the saved DOM (`root`) shows outside
    the accessibility tree, to which the rule does not apply."""
    found: dict[Target, Verdict] = {}
    for control in artifact["controls"] or []:
        if control["selector"] and not _outside_accessibility_tree(root, control["selector"]):
            found.setdefault(target_of(control), control_verdict(control))
    return found


def _outside_accessibility_tree(root: HtmlElement, selector: str) -> bool:
    """Inside aria-hidden="true", hidden or inert content: ACT rule 2ee8b8 applies only to
    elements included in the accessibility tree. Such a control has no accessible name to
    compare (axe-core computes ''), for instance the page behind an open modal dialog."""
    element = element_at(root, selector)
    if element is None:
        return False
    return is_hidden(element) or any(node.get("inert") is not None for node in element.iterancestors())


class LabelNotInName(WholePageCheck):
    meta = CheckMeta(
        id="label-not-in-name",
        title="Visible label is part of the accessible name",
        failure_title="Accessible name does not contain the visible label",
        description=(
            "People who use speech input say the words they see on a control ('click Add to bag'); "
            "when aria-label or aria-labelledby gives the control a name without those words, the "
            "command does not reach it, and screen-reader users hear something other than what is "
            "shown. Make the accessible name contain the visible text, best at its start, or drop "
            "aria-label when the visible text is a good name. Compared with ACT rule 2ee8b8's label in "
            "name algorithm (punctuation, case and text in brackets ignored); abbreviations, spelling "
            "or hyphenation variants, one-letter and icon-font labels are left for review."
        ),
        wcag=("2.5.3",),
        impact=Impact.SERIOUS,
        requires=("dom", LABEL_IN_NAME),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(LABEL_IN_NAME), page.root)
