"""A state shown by colour alone within a group of similar controls (WCAG 1.4.1).

Reads the `option_groups` artifact (a11y_audit/browser/gatherers/option_groups.py). In a row
of size buttons, swatches, filters, tabs or page numbers, the one that is sold out,
selected or current usually looks different from its siblings. When it differs only in
colour (text, background or border colour, opacity), people who cannot tell those colours
apart do not get the information. Within each group the common look is the most frequent
value of each property; properties on which most members differ anyway (a swatch's own
colour, each item's width) are content, not state, and are ignored. A member that differs
also in shape (border style or width, text decoration, weight, shadow, icon, ::before or
::after, added visible words) passes. One that differs only in colour and is selected or
current passes when the colours differ by 3:1 in lightness (enough to see which one stands
out, per the Understanding document); a member marked unavailable (disabled, aria-disabled
or a class such as sold-out) whose difference is colour only is cantTell: people must infer
what the colour means, and lightness does not say it. A disabled attribute or a visually
hidden label tells assistive technology, not the eye, so neither passes on its own.
Links within text are axe-core's link-in-text-block.
https://www.w3.org/WAI/WCAG21/Understanding/use-of-color.html
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from a11y_audit.artifacts.kinds import OPTION_GROUPS
from a11y_audit.artifacts.option_groups import GroupMember, OptionGroup, OptionGroups
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, passed
from a11y_audit.judge.commons import contrast, over
from a11y_audit.model import Impact

MIN_MEMBERS = 3
"""With two members there is no telling which one is the odd one out."""
LIGHTNESS = 3.0
"""Colours this far apart in relative luminance are an additional visual distinction."""
UNAVAILABLE_CLASS = re.compile(
    r"(?<![a-z])(disabled|unavailable|sold|soldout|sold-out|out-of-stock|oos|inactive|not-available|na|empty|"
    r"error|invalid)(?![a-z])",
    re.IGNORECASE,
)
SELECTED_CLASS = re.compile(r"(?<![a-z])(active|current|selected|checked|is-on|on)(?![a-z])", re.IGNORECASE)
STATE_WORDS = re.compile(
    r"\b(sold out|unavailable|out of stock|not available|selected|current|n/a)\b|[\u2713\u2714\u2717\u2718]",
    re.IGNORECASE,
)
_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")
_WHITE = (255.0, 255.0, 255.0, 1.0)

Looks = dict[str, str]


def flatten(member: GroupMember) -> tuple[Looks, Looks]:
    """(colour properties, other visual properties) of a member, keyed "<node index>.<property>"."""
    colours: Looks = {}
    shapes: Looks = {"nodes": str(len(member["nodes"] or []))}
    for index, node in enumerate(member["nodes"] or []):
        colours.update({f"{index}.{key}": str(value) for key, value in (node["colour"] or {}).items()})
        shapes.update({f"{index}.{key}": str(value) for key, value in (node["shape"] or {}).items()})
    words = (member["text"] or "").split()
    shapes["words"] = str(len(words))
    return colours, shapes


def common(values: Sequence[Looks], states: Sequence[str | None]) -> Looks:
    """The look of the group's members with no state, property by property. A property on which
    members of the same state disagree (a swatch's own colour, one item in three) is content,
    not state, and is left out; with no stateless member there is nothing to compare with."""
    plain = [looks for looks, state in zip(values, states, strict=True) if state is None]
    found: Looks = {}
    for key in {key for looks in plain for key in looks}:
        content = False
        for state in set(states):
            same = [looks.get(key, "") for looks, other in zip(values, states, strict=True) if other == state]
            if len(same) >= 2 and Counter(same).most_common(1)[0][1] * 3 < len(same) * 2:
                content = True
        if not content:
            found[key] = Counter(looks.get(key, "") for looks in plain).most_common(1)[0][0]
    return found


def _colour(value: str) -> tuple[float, float, float, float] | None:
    match = _RGB.search(value)
    if not match:
        return None
    alpha = match.group(4)
    a = 1.0 if alpha is None else float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha)
    return (float(match.group(1)), float(match.group(2)), float(match.group(3)), a)


def lightness_gap(mine: Looks, usual: Looks, keys: Iterable[str]) -> float:
    """The largest contrast ratio between a member's colour and the usual one, over `keys`."""
    best = 1.0
    for key in keys:
        first, second = _colour(mine.get(key, "")), _colour(usual.get(key, ""))
        if first and second:
            best = max(best, contrast(over(first, _WHITE), over(second, _WHITE)))
    return best


def state_of(member: GroupMember, plain_classes: set[str]) -> str | None:
    """'unavailable', 'selected' or None: what the member's difference would mean."""
    own = set(str(member["classes"] or "").split()) - plain_classes
    if member["disabled"] or any(UNAVAILABLE_CLASS.search(name) for name in own):
        return "unavailable"
    if member["selected"] or any(SELECTED_CLASS.search(name) for name in own):
        return "selected"
    return None


def group_verdicts(group: OptionGroup) -> dict[Target, Verdict]:
    """Verdicts on the members of one group that look different from the others."""
    members = [m for m in group["members"] or [] if m["selector"] and not m["transient"]]
    if len(members) < MIN_MEMBERS:
        return {}
    looks = [flatten(member) for member in members]
    shared: set[str] = set.intersection(*(set(str(m["classes"] or "").split()) for m in members))
    states = [state_of(member, shared) for member in members]
    usual_colour = common([colour for colour, _ in looks], states)
    usual_shape = common([shape for _, shape in looks], states)
    found: dict[Target, Verdict] = {}
    for member, (colours, shapes), state in zip(members, looks, states, strict=True):
        colour_diff = sorted(key for key, value in usual_colour.items() if colours.get(key, "") != value)
        shape_diff = sorted(key for key, value in usual_shape.items() if shapes.get(key, "") != value)
        if state is None or not (colour_diff or shape_diff):
            continue
        target = Target(str(member["selector"]), str(member["snippet"] or ""))
        label = str(member["text"] or member.get("name") or "this option")[:60]
        if shape_diff or STATE_WORDS.search(str(member["text"] or "")):
            found[target] = passed(f"'{label}' ({state}) differs from its group by more than colour")
            continue
        gap = lightness_gap(colours, usual_colour, colour_diff)
        properties = ", ".join(sorted({key.split(".", 1)[1] for key in colour_diff}))
        if state == "selected" and gap >= LIGHTNESS:
            found[target] = passed(
                f"'{label}' (selected) stands out by lightness ({gap:.1f}:1 in {properties})"
            )
        elif state == "selected":
            found[target] = cant_tell(
                f"'{label}' is selected but differs from the other options only in colour ({properties}, "
                f"{gap:.1f}:1): mark it with a border, weight, icon or underline as well"
            )
        else:
            found[target] = cant_tell(
                f"'{label}' is unavailable but differs from the other options only in colour ({properties}): "
                f"people who cannot see the colour pick it; add visible text ('sold out'), a strike-through "
                f"or an icon (a disabled attribute or hidden text is not seen)"
            )
    return found


def verdicts(artifact: OptionGroups) -> dict[Target, Verdict]:
    found: dict[Target, Verdict] = {}
    for group in artifact["groups"] or []:
        for target, verdict in group_verdicts(group).items():
            found.setdefault(target, verdict)
    return found


class UseOfColour(WholePageCheck):
    meta = CheckMeta(
        id="use-of-colour",
        title="States in groups of controls are not shown by colour alone",
        failure_title="A state in a group of controls is shown by colour alone",
        description=(
            "A sold-out size shown only in paler grey, a selected tab or current page shown only in another "
            "colour: people with colour-vision deficiencies, on monochrome or high-contrast displays, or in "
            "bright light cannot tell it apart, and pick sizes that cannot be bought. Add text ('sold out'), "
            "a strike-through, an icon, or a border or weight change. The check compares the members of "
            "groups of similar controls (radio and checkbox groups, ARIA radio groups, listboxes, tabs, "
            "toolbars, sibling buttons or links with the same class) in their current state: a member that "
            "is disabled, selected or current (or has such a class) and differs from the others only in "
            "colour is cantTell, except a selected one whose colours differ by 3:1 in lightness; one that "
            "also differs in shape, decoration or visible words passes. A disabled attribute or visually "
            "hidden text does not count: it is not seen. It does not look at charts, maps, error colours "
            "outside such groups, or hover and focus states; links in text are axe-core's link-in-text-block."
        ),
        wcag=("1.4.1",),
        impact=Impact.SERIOUS,
        requires=("dom", OPTION_GROUPS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(OPTION_GROUPS))
