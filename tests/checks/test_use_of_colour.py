"""use-of-colour judged over hand-written `option_groups` artifacts."""

from __future__ import annotations

from typing import cast

from a11y_audit.artifacts.option_groups import GroupMember
from a11y_audit.checks.use_of_colour import group_verdicts
from a11y_audit.model import Outcome

INK, WHITE, GREY, PALE = "rgb(29, 29, 31)", "rgb(255, 255, 255)", "rgb(107, 107, 107)", "rgb(158, 158, 158)"


def member(
    text: str,
    *,
    colour: str = INK,
    background: str = WHITE,
    border: str = GREY,
    selected: bool = False,
    disabled: bool = False,
    classes: str = "size-option",
    **shape: str,
) -> GroupMember:
    look = {
        "tag": "span",
        "decoration": "none solid",
        "borderTop": "solid 1",
        "weight": "600",
        "shadow": "none",
    }
    data = {
        "selector": f"#size-{text.lower().replace(' ', '-')}",
        "snippet": f"<label id=size-{text}>",
        "nodes": [
            {
                "colour": {"color": colour, "background": background, "opacity": "1", "borderTop": border},
                "shape": {**look, **shape},
            }
        ],
        "text": text,
        "name": text,
        "selected": selected,
        "disabled": disabled,
        "classes": classes,
        "transient": False,
    }
    return cast(GroupMember, data)


def outcomes(*members: GroupMember) -> dict[str, Outcome]:
    found = group_verdicts({"kind": "radio", "name": "size", "members": list(members)})
    return {target.selector: verdict.outcome for target, verdict in found.items()}


def test_a_sold_out_size_shown_only_in_paler_grey_is_cant_tell() -> None:
    sizes = outcomes(
        member("XS", colour=WHITE, background=INK, border=INK, selected=True),
        member("S", colour=PALE, border="rgb(207, 207, 207)", disabled=True),
        member("M"),
        member("L"),
        member("XL", colour=PALE, border="rgb(207, 207, 207)", disabled=True),
    )
    # The disabled attribute is not seen; the inverted selected size stands out by lightness.
    assert sizes == {"#size-xs": Outcome.PASSED, "#size-s": Outcome.CANT_TELL, "#size-xl": Outcome.CANT_TELL}


def test_a_strike_through_or_visible_words_pass() -> None:
    struck = member("S", colour=PALE, disabled=True, decoration="line-through solid")
    worded = member("XL sold out", colour=PALE, disabled=True)
    assert outcomes(struck, member("M"), member("L")) == {"#size-s": Outcome.PASSED}
    assert outcomes(worded, member("M"), member("L")) == {"#size-xl-sold-out": Outcome.PASSED}


def test_a_state_class_counts_like_a_disabled_attribute() -> None:
    unavailable = member("S", colour=PALE, classes="size-option size-option--unavailable")
    assert outcomes(unavailable, member("M"), member("L")) == {"#size-s": Outcome.CANT_TELL}


def test_a_selected_item_with_a_small_colour_change_is_cant_tell() -> None:
    current = member("2", colour="rgb(0, 95, 204)", selected=True)
    assert outcomes(member("1"), current, member("3")) == {"#size-2": Outcome.CANT_TELL}


def test_content_colours_and_stateless_differences_are_ignored() -> None:
    swatches = [
        member(name, background=hex_)
        for name, hex_ in (("Red", "rgb(200, 0, 0)"), ("Blue", "rgb(0, 0, 200)"))
    ]
    swatches.append(member("Green", background="rgb(0, 150, 0)", selected=True, shadow="0px 0px 0px 2px"))
    assert outcomes(*swatches) == {"#size-green": Outcome.PASSED}
    featured = member("Gift cards", colour="rgb(200, 0, 0)")  # different, but no state to convey
    assert outcomes(featured, member("Shoes"), member("Bags")) == {}


def test_two_members_or_transient_ones_are_not_compared() -> None:
    assert outcomes(member("M"), member("S", colour=PALE, disabled=True)) == {}
    hovered: GroupMember = {**member("S", colour=PALE, disabled=True), "transient": True}
    assert outcomes(hovered, member("M"), member("L")) == {}
